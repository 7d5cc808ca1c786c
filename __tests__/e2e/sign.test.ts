// Signing, run as the Actions runner runs the action: the action bundled from
// the current source, on Node 24, configured only through INPUT_*/GITHUB_*/
// ACTIONS_*, against the real engine and registry, Sigstore's own mock
// services (@sigstore/mock) on 127.0.0.1, a fake Actions OIDC token service
// and the fake REST API with GitHub's attestations endpoint. What it pushed is
// read back from the registry and verified with @sigstore/verify against the
// mock's trusted root, with Debian's cosign, and with `stagegate verify`.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from '@jest/globals'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'
import { verifyCommand } from '../../src/cli/verify.js'
import type { Statement } from '../../src/sign/statement.js'
import { bundleSources, type Bundles } from '../support/bundle.js'
import { FakeGitHubApi, FAILURES } from '../support/fake-github-api.js'
import { ensureNode24 } from '../support/node24.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { FakeOidcIssuer, SigstoreMock } from '../support/sigstore-mock.js'
import { describeE2E, FIXTURES, REGISTRY } from './engine.js'

const run = promisify(execFile)
const OWNER = 'acme'
const REPO = 'app'
const TOKEN = `ghs_${'s'.repeat(36)}`
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
const REPOSITORY = `${REGISTRY}/sign-e2e/app-${stamp}`

/** The fields of an OCI image index or manifest these tests read. */
interface OciJson {
  manifests?: { digest: string; artifactType?: string }[]
  subject?: { digest: string }
  layers?: { digest: string; mediaType: string }[]
}

async function registryJson(
  path: string,
  accept = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json'
): Promise<{ status: number; json: OciJson | undefined; digest: string | null }> {
  const response = await fetch(`http://${REGISTRY}/v2/${path}`, { headers: { accept } })
  const text = await response.text()
  return {
    status: response.status,
    json: response.ok ? (JSON.parse(text) as OciJson) : undefined,
    digest: response.headers.get('docker-content-digest')
  }
}

interface DsseBundleJson {
  dsseEnvelope: { payload: string; signatures: { sig: string }[] }
}

/** The signed statement with the part of its SLSA v1 predicate the test reads. */
interface ProvenanceStatement extends Statement {
  predicate: { buildDefinition: { externalParameters: { workflow: unknown } } }
}

function repoPath(): string {
  return REPOSITORY.slice(REGISTRY.length + 1)
}

/** Every file under a directory, for the secret scan. */
function allFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...allFiles(path))
    else out.push(path)
  }
  return out
}

describeE2E('signing and attesting the pushed image', () => {
  let node24 = ''
  let bundles: Bundles
  let api: FakeGitHubApi
  let sigstore: SigstoreMock
  let oidc: FakeOidcIssuer
  const root = mkdtempSync(join(tmpdir(), 'stagegate-sign-e2e-'))
  const workspace = join(root, 'workspace')
  const trustedRootFile = join(root, 'trusted_root.json')
  let counter = 0

  beforeAll(async () => {
    ;[node24, bundles, api, sigstore, oidc] = await Promise.all([
      ensureNode24(),
      bundleSources(),
      FakeGitHubApi.start(),
      SigstoreMock.start(),
      FakeOidcIssuer.start({
        repository: `${OWNER}/${REPO}`,
        ref: 'refs/heads/main',
        workflowPath: '.github/workflows/release.yml'
      })
    ])
    writeFileSync(trustedRootFile, JSON.stringify(sigstore.trustedRoot))
    mkdirSync(workspace, { recursive: true })
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        `FROM ${FIXTURES.busybox} AS build`,
        'RUN echo "built $(date +%N)" > /app',
        '',
        'FROM scratch',
        'COPY --from=build /app /app',
        'USER 65534',
        ''
      ].join('\n')
    )
    writeFileSync(join(workspace, '.dockerignore'), '.git\n.env\n*.pem\n')
  }, 600_000)

  afterAll(async () => {
    await Promise.all([api?.close(), sigstore?.close(), oidc?.close()])
    bundles?.remove()
    rmSync(root, { recursive: true, force: true })
  })

  async function action(
    inputs: Record<string, string>,
    options: { env?: Record<string, string>; event?: { name: string; payload: unknown } } = {}
  ): Promise<ActionRun & { tag: string }> {
    const tag = `${REPOSITORY}:run-${++counter}`
    const result = await runAction({
      node: node24,
      script: bundles.action,
      workspace,
      token: TOKEN,
      inputs: {
        // The workspace, as with actions/checkout (the default is the commit's Git context).
        context: '.',
        tags: tag,
        push: 'true',
        sbom: `generator=${FIXTURES.sbomGenerator}`,
        provenance: 'mode=max',
        'no-cache': 'true',
        ...inputs
      },
      event: options.event ?? {
        name: 'push',
        payload: {
          ref: 'refs/heads/main',
          repository: { full_name: `${OWNER}/${REPO}`, visibility: 'private', default_branch: 'main' }
        }
      },
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_REPOSITORY_OWNER: OWNER,
        ...sigstore.env(),
        ...oidc.env(),
        ...options.env
      }
    })
    return { ...result, tag }
  }

  const warnings = (result: ActionRun): string[] =>
    result.commands.filter(c => c.command === 'warning').map(c => c.message)
  const errors = (result: ActionRun): string[] =>
    result.commands.filter(c => c.command === 'error').map(c => c.message)

  test('keyless: pushes a Sigstore-signed SLSA attestation of the index digest, as a referrer and to the attestations API', async () => {
    const result = await action({ sign: 'true' })
    try {
      expect(errors(result)).toEqual([])
      expect(result.code).toBe(0)
      const digest = result.outputs.digest as string
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)

      // The referrers tag schema index (distribution 2.8 has no referrers API).
      const index = await registryJson(`${repoPath()}/manifests/${digest.replace(':', '-')}`)
      expect(index.status).toBe(200)
      const referrers = (index.json?.manifests ?? []).filter(m => m.artifactType === BUNDLE_TYPE)
      expect(referrers).toHaveLength(1)
      const manifest = await registryJson(`${repoPath()}/manifests/${referrers[0]!.digest}`)
      expect(manifest.json?.subject?.digest).toBe(digest)
      const layer = (manifest.json?.layers ?? [])[0]!
      expect(layer.mediaType).toBe(BUNDLE_TYPE)
      const bundleJson = await (
        await fetch(`http://${REGISTRY}/v2/${repoPath()}/blobs/${layer.digest}`)
      ).json()

      // The signature, certificate identity and subject, checked with @sigstore/verify against the mock's root.
      const bundle = bundleFromJSON(bundleJson)
      expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1)
      const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sigstore.trustedRoot)), {
        tlogThreshold: 1,
        tsaThreshold: 0
      })
      const signer = verifier.verify(toSignedEntity(bundle), { subjectAlternativeName: oidc.identity() })
      expect(signer.identity?.subjectAlternativeName).toBe(
        `https://github.com/${OWNER}/${REPO}/.github/workflows/release.yml@refs/heads/main`
      )
      expect(() =>
        verifier.verify(toSignedEntity(bundle), {
          subjectAlternativeName: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main'
        })
      ).toThrow()
      const statement = JSON.parse(
        Buffer.from((bundleJson as DsseBundleJson).dsseEnvelope.payload, 'base64').toString('utf8')
      ) as ProvenanceStatement
      expect(statement.subject).toEqual([
        { name: REPOSITORY, digest: { sha256: digest.slice('sha256:'.length) } }
      ])
      expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1')
      expect(statement.predicate.buildDefinition.externalParameters.workflow).toEqual({
        ref: 'refs/heads/main',
        repository: `https://github.com/${OWNER}/${REPO}`,
        path: '.github/workflows/release.yml'
      })

      // The same bundle in the attestations API, and the outputs naming it.
      const stored = api.attestations(OWNER, REPO)
      expect(stored.at(-1)?.bundle).toEqual(bundleJson)
      expect(result.outputs['attestation-id']).toBe(String(stored.at(-1)?.id))
      expect(result.outputs['attestation-url']).toBe(
        `https://github.com/${OWNER}/${REPO}/attestations/${stored.at(-1)?.id}`
      )
      expect(result.outputs.signature).toBe((bundleJson as DsseBundleJson).dsseEnvelope.signatures[0]?.sig)
      const post = api.requests
        .filter(r => r.method === 'POST' && r.path === `/repos/${OWNER}/${REPO}/attestations`)
        .at(-1)
      expect(post?.headers.authorization).toBe(`Bearer ${TOKEN}`)

      // The summary says what was signed, by which workflow, and how to verify it.
      expect(result.summary).toContain('### Signature and attestation')
      expect(result.summary).toContain(
        `Signed keyless through Sigstore (custom): <code>${REPOSITORY}@${digest}</code>`
      )
      expect(result.summary).toContain(
        '| Workflow | <code>.github/workflows/release.yml</code> at <code>refs/heads/main</code> (acme/app) |'
      )
      expect(result.summary).toContain(`| Certificate identity | <code>${oidc.identity()}</code> |`)
      expect(result.summary).toContain(
        `gh attestation verify oci://${REPOSITORY}@${digest} -R ${OWNER}/${REPO}`
      )
      expect(result.summary).toContain(
        `stagegate verify ${REPOSITORY}@${digest} --certificate-identity ${oidc.identity()}`
      )

      // `stagegate verify`: passes on it, fails with one line on a wrong identity and on a moved (tampered) attestation.
      const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
        try {
          const out = await run(node24, [bundles.cli, 'verify', ...args], {
            env: { ...process.env, NODE_OPTIONS: '' }
          })
          return { code: 0, stdout: out.stdout, stderr: out.stderr }
        } catch (error) {
          const e = error as { code: number; stdout: string; stderr: string }
          return { code: e.code, stdout: e.stdout, stderr: e.stderr }
        }
      }
      const good = await cli([
        `${REPOSITORY}@${digest}`,
        '--certificate-identity',
        oidc.identity(),
        '--trusted-root',
        trustedRootFile
      ])
      expect(good.stderr).toBe('')
      expect(good.code).toBe(0)
      expect(good.stdout).toContain(`verified ${REPOSITORY}@${digest}`)
      // The same verification in process (the source, not the bundle): text and JSON.
      for (const [format, read, expected] of [
        ['text', (text: string) => text, expect.stringContaining(`verified ${REPOSITORY}@${digest}`)],
        ['json', (text: string) => JSON.parse(text) as unknown, expect.objectContaining({ ok: true })]
      ] as const) {
        const out: string[] = []
        const err: string[] = []
        const code = await verifyCommand(
          [
            `${REPOSITORY}@${digest}`,
            '--certificate-identity',
            oidc.identity(),
            '--trusted-root',
            trustedRootFile,
            '--format',
            format
          ],
          { out: text => void out.push(text), err: text => void err.push(text), env: {} }
        )
        expect({ code, err, out: read(out.join('')) }).toEqual({ code: 0, err: [], out: expected })
      }
      const byTag = await cli([
        result.tag,
        '--certificate-identity',
        oidc.identity(),
        '--trusted-root',
        trustedRootFile
      ])
      expect(byTag.code).toBe(0)

      const wrong = await cli([
        `${REPOSITORY}@${digest}`,
        '--certificate-identity',
        'https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main',
        '--trusted-root',
        trustedRootFile
      ])
      expect(wrong.code).toBe(1)
      expect(wrong.stderr.trim().split('\n')).toEqual([
        `stagegate: ${REPOSITORY}@${digest} failed verification: signature: the attestation is signed by ${oidc.identity()}, not by https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main`
      ])

      // Tamper: another image of the same repository gets the first one's referrers index.
      const other = await action({ sign: 'false', 'build-args': 'X=1' })
      expect(other.code).toBe(0)
      const otherDigest = other.outputs.digest as string
      expect(otherDigest).not.toBe(digest)
      const put = await fetch(
        `http://${REGISTRY}/v2/${repoPath()}/manifests/${otherDigest.replace(':', '-')}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
          body: JSON.stringify(index.json)
        }
      )
      expect(put.status).toBe(201)
      const tampered = await cli([
        `${REPOSITORY}@${otherDigest}`,
        '--certificate-identity',
        oidc.identity(),
        '--trusted-root',
        trustedRootFile
      ])
      expect(tampered.code).toBe(1)
      expect(tampered.stderr.trim().split('\n')).toEqual([
        `stagegate: ${REPOSITORY}@${otherDigest} failed verification: subject: the attestation's subject (${digest}) is not the image digest ${otherDigest}`
      ])
      other.cleanup()
    } finally {
      result.cleanup()
    }
  })

  test('key pair: cosign verify --key passes against the local registry, and neither key nor password leaks', async () => {
    const keys = join(root, 'keys')
    mkdirSync(keys)
    const password = `pw-${Math.random().toString(36).slice(2)}-secret`
    await run('cosign', ['generate-key-pair'], {
      cwd: keys,
      env: { ...process.env, COSIGN_PASSWORD: password }
    })
    const privateKey = readFileSync(join(keys, 'cosign.key'), 'utf8')
    const result = await action(
      { sign: 'true', 'signing-key': privateKey, 'signing-password': password },
      { env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } }
    )
    try {
      expect(errors(result)).toEqual([])
      expect(result.code).toBe(0)
      const digest = result.outputs.digest as string
      const image = `${REPOSITORY}@${digest}`
      const verified = await run('cosign', [
        'verify',
        '--key',
        join(keys, 'cosign.pub'),
        '--insecure-ignore-tlog',
        '--allow-insecure-registry',
        '--allow-http-registry',
        image
      ])
      const payload = JSON.parse(verified.stdout) as {
        critical: { image: { 'docker-manifest-digest': string } }
      }[]
      expect(payload[0]?.critical.image['docker-manifest-digest']).toBe(digest)
      // A different key does not verify it.
      const otherKeys = join(root, 'other-keys')
      mkdirSync(otherKeys)
      await run('cosign', ['generate-key-pair'], {
        cwd: otherKeys,
        env: { ...process.env, COSIGN_PASSWORD: 'x' }
      })
      await expect(
        run('cosign', [
          'verify',
          '--key',
          join(otherKeys, 'cosign.pub'),
          '--insecure-ignore-tlog',
          '--allow-insecure-registry',
          '--allow-http-registry',
          image
        ])
      ).rejects.toThrow()

      expect(result.outputs.signature).toMatch(/^[A-Za-z0-9+/]+=*$/)
      expect(result.summary).toContain('Signed with a cosign key pair')
      expect(result.summary).toContain(
        `cosign verify --key cosign.pub --insecure-ignore-tlog --allow-insecure-registry --allow-http-registry ${image}`
      )

      const cli = async (key: string): Promise<number> =>
        run(node24, [bundles.cli, 'verify', image, '--key', key]).then(
          () => 0,
          (error: { code: number }) => error.code
        )
      expect(await cli(join(keys, 'cosign.pub'))).toBe(0)
      expect(await cli(join(otherKeys, 'cosign.pub'))).toBe(1)
      // In process: the wrong key is exit 1 with one line naming the image.
      const err: string[] = []
      const wrong = await verifyCommand([image, '--key', join(otherKeys, 'cosign.pub')], {
        out: () => undefined,
        err: text => void err.push(text),
        env: {}
      })
      expect(wrong).toBe(1)
      expect(err).toHaveLength(1)
      expect(err[0]).toMatch(/^stagegate: .+ failed verification: .+\n$/)

      // The secret scan: no output, log line, summary or file the step left has the key or the password.
      const keyLines = privateKey.split('\n').filter(line => line.length >= 16 && !line.startsWith('-----'))
      // `::add-mask::` lines are how the step hands secrets to the runner's masker; the runner never shows them.
      const shown = result.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      expect(result.stdout).toContain(`::add-mask::${password}`)
      const texts = [
        shown,
        result.stderr,
        result.summary,
        JSON.stringify(result.outputs),
        ...allFiles(result.runnerDir)
          .filter(f => !f.endsWith('event.json'))
          .map(f => readFileSync(f, 'latin1'))
      ]
      for (const text of texts) {
        expect(text).not.toContain(password)
        for (const line of keyLines) expect(text).not.toContain(line)
      }
      expect(allFiles(join(result.runnerDir, 'temp')).filter(f => /cosign|\.key$/.test(f))).toEqual([])
    } finally {
      result.cleanup()
    }
  })

  describe('failure modes: one warning with sign: auto, one error with sign: true, never a stack trace', () => {
    const noStack = (result: ActionRun): void => {
      expect(result.stdout).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/)
      expect(result.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/)
    }
    const noOidc = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }

    test('no id-token permission', async () => {
      const auto = await action({ sign: 'auto' }, { env: noOidc })
      expect(auto.code).toBe(0)
      expect(warnings(auto).filter(w => /not signed/.test(w))).toEqual([
        'The image was not signed: the job cannot mint an OIDC token; add `permissions: id-token: write` (and `attestations: write`) to the job, give `signing-key`, or set sign: false.'
      ])
      const strict = await action({ sign: 'true' }, { env: noOidc })
      expect(strict.code).toBe(1)
      expect(strict.outputs.result).toBe('fail')
      expect(errors(strict)).toEqual([
        'The image was not signed: the job cannot mint an OIDC token; add `permissions: id-token: write` (and `attestations: write`) to the job, give `signing-key`, or set sign: false.'
      ])
      noStack(auto)
      noStack(strict)
      auto.cleanup()
      strict.cleanup()
    })

    test('a pull request from a fork', async () => {
      const event = {
        name: 'pull_request',
        payload: {
          number: 7,
          pull_request: {
            number: 7,
            head: { ref: 'f', sha: 'b'.repeat(40), repo: { full_name: 'mallory/app' } },
            base: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } }
          },
          repository: { full_name: `${OWNER}/${REPO}` }
        }
      }
      const fork =
        'The image was not signed: a pull request from a fork gets no OIDC token and no secrets, so it cannot sign.'
      const auto = await action(
        { sign: 'auto', comment: 'never' },
        { event, env: { ...noOidc, GITHUB_EVENT_NAME: 'pull_request' } }
      )
      expect(auto.code).toBe(0)
      expect(warnings(auto).filter(w => /not signed/.test(w))).toEqual([fork])
      const strict = await action(
        { sign: 'true', comment: 'never' },
        { event, env: { ...noOidc, GITHUB_EVENT_NAME: 'pull_request' } }
      )
      expect(strict.code).toBe(1)
      expect(errors(strict)).toEqual([fork])
      noStack(strict)
      auto.cleanup()
      strict.cleanup()
    })

    test('Sigstore answers 5xx', async () => {
      sigstore.failNext(20, 503)
      const auto = await action({ sign: 'auto' })
      sigstore.recover()
      expect(auto.code).toBe(0)
      const signingWarnings = warnings(auto).filter(w => /Signing the image failed/.test(w))
      expect(signingWarnings).toHaveLength(1)
      expect(signingWarnings[0]).toMatch(
        /^Signing the image failed: Sigstore \(custom, http:\/\/127\.0\.0\.1:\d+\) refused to sign: .*503/
      )
      expect(signingWarnings[0]).not.toContain('\n')
      const before = api.attestations(OWNER, REPO).length
      sigstore.failNext(20, 503)
      const strict = await action({ sign: 'true' })
      sigstore.recover()
      expect(strict.code).toBe(1)
      expect(errors(strict)).toHaveLength(1)
      expect(errors(strict)[0]).toMatch(/^Signing the image failed: Sigstore .* refused to sign: .*503/)
      expect(api.attestations(OWNER, REPO)).toHaveLength(before)
      noStack(auto)
      noStack(strict)
      auto.cleanup()
      strict.cleanup()
    })

    test('the attestations API answers 403', async () => {
      api.failNext(FAILURES.forbidden(), 1, 'POST')
      const auto = await action({ sign: 'auto' })
      expect(auto.code).toBe(0)
      expect(warnings(auto).filter(w => /attestations API/.test(w))).toEqual([
        'The image was signed, but the attestations API refused the attestation: HTTP 403 Resource not accessible by integration (the job needs `permissions: attestations: write`)'
      ])
      noStack(auto)
      auto.cleanup()
    })
  })
})
