// `verify-base-images`: a build whose stages use a signed base (pushed with
// BuildKit provenance, signed by Debian's cosign, pinned by digest), an
// unsigned one (plain docker push, by tag) and one no registry can be asked
// about. The action, bundled from source and run as the runner runs it,
// reports each stage's pinned/signed/provenance in the summary's stage
// table and the JSON report; `stagegate build --verify-base-images` does too.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { bundleSources, type Bundles } from '../support/bundle.js'
import { ensureNode24 } from '../support/node24.js'
import { runAction } from '../support/run-action.js'
import { describeE2E, docker, FIXTURES, REGISTRY } from './engine.js'

const run = promisify(execFile)
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
const SIGNED = `${REGISTRY}/sign-e2e/base-signed`
const UNSIGNED = `${REGISTRY}/sign-e2e/base-unsigned:${stamp}`

async function digestOf(repository: string, reference: string): Promise<string> {
  const response = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
    }
  })
  return response.headers.get('docker-content-digest') ?? ''
}

interface ReportJson {
  stages: {
    index: number
    name?: string
    supplyChain?: {
      pinned: boolean
      signed: boolean | null
      provenance: boolean | null
      signatures?: string[]
      detail?: string
    }
  }[]
}

describeE2E('verify-base-images: the supply chain of every stage', () => {
  let node24 = ''
  let bundles: Bundles
  const root = mkdtempSync(join(tmpdir(), 'stagegate-verify-e2e-'))
  const workspace = join(root, 'workspace')
  let signedDigest = ''

  beforeAll(async () => {
    ;[node24, bundles] = await Promise.all([ensureNode24(), bundleSources()])
    const base = join(root, 'base')
    mkdirSync(base)
    writeFileSync(
      join(base, 'Dockerfile'),
      `FROM ${FIXTURES.busybox}\nRUN echo signed-base-${stamp} > /etc/base\n`
    )
    docker([
      'buildx',
      'build',
      '--push',
      '--provenance=mode=max',
      `--attest=type=sbom,generator=${FIXTURES.sbomGenerator}`,
      '-t',
      `${SIGNED}:${stamp}`,
      base
    ])
    signedDigest = await digestOf('sign-e2e/base-signed', stamp)
    // eslint-disable-next-line jest/no-standalone-expect -- fails the setup early when the signed base image did not push
    expect(signedDigest).toMatch(/^sha256:/)
    const keys = join(root, 'keys')
    mkdirSync(keys)
    await run('cosign', ['generate-key-pair'], {
      cwd: keys,
      env: { ...process.env, COSIGN_PASSWORD: 'base-pw' }
    })
    await run(
      'cosign',
      [
        'sign',
        '--key',
        join(keys, 'cosign.key'),
        '--tlog-upload=false',
        '--yes',
        '--allow-insecure-registry',
        '--allow-http-registry',
        `${SIGNED}@${signedDigest}`
      ],
      { env: { ...process.env, COSIGN_PASSWORD: 'base-pw' } }
    )
    docker(['tag', FIXTURES.busybox, UNSIGNED])
    docker(['push', '-q', UNSIGNED])

    mkdirSync(workspace)
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        `FROM ${SIGNED}@${signedDigest} AS build`,
        'RUN echo app > /app',
        '',
        `FROM ${FIXTURES.busybox} AS tools`,
        'RUN true',
        '',
        `FROM ${UNSIGNED}`,
        'COPY --from=build /app /app',
        'USER 65534',
        ''
      ].join('\n')
    )
    writeFileSync(join(workspace, '.dockerignore'), '.git\n.env\n*.pem\n')
  }, 600_000)

  afterAll(() => {
    bundles?.remove()
    rmSync(root, { recursive: true, force: true })
    try {
      docker(['rmi', UNSIGNED])
    } catch {
      // already gone
    }
  })

  test('the action reports pinned/signed/provenance per stage in the summary and the JSON report', async () => {
    const result = await runAction({
      node: node24,
      script: bundles.action,
      workspace,
      inputs: {
        // The workspace, as with actions/checkout (the default is the commit's Git context).
        context: '.',
        'verify-base-images': 'true',
        push: 'false',
        load: 'true',
        tags: `sign-e2e/verify-app:${stamp}`,
        sbom: 'false',
        provenance: 'false'
      }
    })
    try {
      expect(result.commands.filter(c => c.command === 'error')).toEqual([])
      expect(result.code).toBe(0)
      const table = result.summary.split('\n').filter(line => line.startsWith('|'))
      expect(table.find(line => line.startsWith('| # | Stage'))).toBe(
        '| # | Stage | Base image | Pinned | Supply chain | Bytes in final image |'
      )
      // The stage table: its header and the rows right under it.
      const lines = result.summary.split('\n')
      const start = lines.findIndex(line => line.startsWith('| # | Stage'))
      const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'))
      const stageRows = lines.slice(start + 2, end)
      expect(stageRows).toHaveLength(3)
      const row = (index: number): string => stageRows.find(line => line.startsWith(`| ${index} |`)) ?? ''
      expect(row(0)).toContain('| ✅ pinned · ✅ signed (cosign .sig) · ✅ provenance |')
      expect(row(2)).toContain('| ⚠️ not pinned · ⚠️ unsigned · ⚠️ no provenance |')
      expect(row(1)).toMatch(/\| ⚠️ not pinned · ❔ unknown · ❔ unknown \(registry not reachable: .+\) \|/)

      const report = JSON.parse(readFileSync(result.outputs['report-file'] as string, 'utf8')) as ReportJson
      const chains = report.stages.map(stage => stage.supplyChain)
      expect(chains[0]).toMatchObject({
        pinned: true,
        signed: true,
        provenance: true,
        signatures: ['cosign .sig'],
        digest: signedDigest
      })
      expect(chains[1]).toMatchObject({ pinned: false, signed: null, provenance: null })
      expect(chains[2]).toMatchObject({ pinned: false, signed: false, provenance: false, signatures: [] })
    } finally {
      result.cleanup()
    }
  })

  test('stagegate build --verify-base-images logs the same per stage', async () => {
    const out = await run(
      node24,
      [
        bundles.cli,
        'build',
        workspace,
        '--verify-base-images',
        '--check=false',
        '--sbom=false',
        '--provenance=false',
        '--lint=false',
        '--format',
        'json'
      ],
      { cwd: workspace, maxBuffer: 64 * 1024 * 1024 }
    )
    const report = JSON.parse(out.stdout) as ReportJson
    expect(report.stages.map(stage => [stage.supplyChain?.signed, stage.supplyChain?.provenance])).toEqual([
      [true, true],
      [null, null],
      [false, false]
    ])
    expect(out.stderr).toContain(`stage build FROM ${SIGNED}@${signedDigest}: pinned, signed, provenance`)
    expect(out.stderr).toContain(`FROM ${UNSIGNED}: not pinned, unsigned, no provenance`)
  })
})
