// The build phase against the real engine, buildx and the registry at
// 127.0.0.1:5000: registry cache round trip after pruning the engine's build
// cache, a secret read during the build and found nowhere afterwards, SBOM and
// provenance attestations read back from the registry's HTTP API, a failing
// RUN, and bad inputs refused before any buildx command runs.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createDockerRunner, detectBuildx, type BuildxRunner } from '../../src/build/buildx.js'
import type { CacheService } from '../../src/build/cache-local.js'
import { runBuild, type BuildDeps, type BuildResult } from '../../src/build/run.js'
import { jest } from '@jest/globals'
import { isUsageError } from '../../src/errors.js'
import { parseInputs } from '../../src/inputs.js'
import { describeE2E, docker, FIXTURES, PUSH_REGISTRY as REGISTRY } from './engine.js'

// testTimeout in a Jest project entry is ignored; builds take seconds.
jest.setTimeout(180_000)

const STAMP = `${Date.now()}-${process.pid}`
const REPO = `stagegate-e2e/build-${STAMP}`
const SECRET = `sg-secret-${createHash('sha256').update(STAMP).digest('hex').slice(0, 24)}`
const SECRET_HASH = createHash('sha256').update(SECRET).digest('hex')

const INDEX_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

// Two stages: busybox makes the files (a slow step, so the cache pays off
// visibly, and a step that must read the secret), scratch keeps them.
const DOCKERFILE = `FROM ${FIXTURES.busybox} AS builder
ARG NONCE
ARG EXPECTED_HASH
RUN echo "$NONCE" > /nonce && sleep 3
RUN --mount=type=secret,id=tok --mount=type=secret,id=fromenv --mount=type=secret,id=fromfile sh -c 'test "$(sha256sum < /run/secrets/tok | cut -c1-64)" = "$EXPECTED_HASH" && test "$(cat /run/secrets/fromenv /run/secrets/fromfile)" = "$EXPECTED_HASH$EXPECTED_HASH" && sha256sum < /run/secrets/tok | cut -c1-64 > /secret-hash'
RUN mkdir /out && echo built > /out/artifact && cp /secret-hash /nonce /out/

FROM scratch
COPY --from=builder /out/ /
`

interface Recorded {
  runner: BuildxRunner
  calls: string[][]
  raw: string[]
}

/** The real runner, recording argv and every raw (unredacted) output line. */
function recordingRunner(): Recorded {
  const real = createDockerRunner()
  const calls: string[][] = []
  const raw: string[] = []
  return {
    calls,
    raw,
    runner: {
      exec(args, options = {}) {
        calls.push(args)
        return real.exec(args, {
          ...options,
          onStdout: line => {
            raw.push(line)
            options.onStdout?.(line)
          },
          onStderr: line => {
            raw.push(line)
            options.onStderr?.(line)
          }
        })
      }
    }
  }
}

let work: string
let tempDir: string
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-e2e-build-'))
  tempDir = path.join(work, 'runner-temp')
  await fs.mkdir(tempDir)
  await fs.mkdir(path.join(work, 'ctx'))
  await fs.writeFile(path.join(work, 'ctx', 'Dockerfile'), DOCKERFILE)
  await fs.writeFile(path.join(work, 'secret-file.txt'), SECRET_HASH)
  await fs.writeFile(
    path.join(work, 'Failing.Dockerfile'),
    `FROM ${FIXTURES.busybox}\nRUN echo compiling >&2 && exit 3\n`
  )
})
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true })
})

function deps(recorded: Recorded, logs: string[], notices: string[] = []): BuildDeps {
  return {
    runner: recorded.runner,
    log: line => logs.push(line),
    notice: message => notices.push(message),
    mask: () => undefined,
    tempDir,
    cwd: work,
    env: { ...process.env, GITHUB_EVENT_NAME: 'push', SG_E2E_ENV_SECRET: SECRET_HASH }
  }
}

const inputs = (values: Record<string, string>) => parseInputs(name => values[name] ?? '')

const BUILD = {
  context: 'ctx',
  tags: `${REGISTRY}/${REPO}:v1`,
  push: 'true',
  'cache-registry': `${REGISTRY}/${REPO}:buildcache`,
  secrets: `tok=${SECRET}`,
  'secret-envs': 'fromenv=SG_E2E_ENV_SECRET',
  'secret-files': 'fromfile=secret-file.txt',
  'build-args': `NONCE=${STAMP}\nEXPECTED_HASH=${SECRET_HASH}`,
  sbom: `generator=${FIXTURES.sbomGenerator}`,
  provenance: 'mode=max'
}

async function registry(pathname: string, accept = INDEX_ACCEPT): Promise<Response> {
  const response = await fetch(`http://${REGISTRY}/v2/${pathname}`, { headers: { Accept: accept } })
  if (!response.ok) throw new Error(`GET ${pathname}: HTTP ${response.status}`)
  return response
}

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string }
  annotations?: Record<string, string>
}
interface Manifest {
  mediaType?: string
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
}

async function manifest(
  repo: string,
  reference: string
): Promise<{ body: Manifest; digest: string; text: string }> {
  const response = await registry(`${repo}/manifests/${reference}`)
  const text = await response.text()
  return {
    body: JSON.parse(text) as Manifest,
    digest: response.headers.get('docker-content-digest') ?? '',
    text
  }
}

async function blob(repo: string, digest: string): Promise<Buffer> {
  return Buffer.from(await (await registry(`${repo}/blobs/${digest}`, '*/*')).arrayBuffer())
}

function maybeGunzip(data: Buffer): Buffer {
  return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(entry => entry.isFile()).map(entry => path.join(entry.parentPath, entry.name))
}

describeE2E('build phase on the real engine', () => {
  let first: BuildResult
  const firstLogs: string[] = []
  const firstRec = recordingRunner()

  test('first build: pushes with registry cache, reads the secret, attaches SBOM and provenance', async () => {
    first = await runBuild(inputs(BUILD), deps(firstRec, firstLogs))
    if (!first.ok) throw new Error(`build failed: ${first.error}`)
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(first.argv).toContain(
      `type=registry,ref=${REGISTRY}/${REPO}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true`
    )
    expect(first.cacheExportDropped).toBe(false)
    const metadata = JSON.parse(first.metadata ?? '{}') as { 'containerimage.digest'?: string }
    expect(metadata['containerimage.digest']).toBe(first.digest)
  })

  test('the pushed index holds the image and an SBOM + provenance attestation for it; digest matches the registry', async () => {
    const index = await manifest(REPO, 'v1')
    expect(index.digest).toBe(first.digest)
    expect(index.body.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const images = (index.body.manifests ?? []).filter(
      d => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
    )
    const attestations = (index.body.manifests ?? []).filter(
      d => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
    )
    expect(images).toHaveLength(1)
    expect(attestations).toHaveLength(1)
    expect(attestations[0]?.annotations?.['vnd.docker.reference.digest']).toBe(images[0]?.digest)
    const attestation = await manifest(REPO, attestations[0]?.digest as string)
    const predicates = (attestation.body.layers ?? []).map(
      layer => layer.annotations?.['in-toto.io/predicate-type']
    )
    expect(predicates).toContain('https://spdx.dev/Document')
    expect(predicates.some(type => type?.startsWith('https://slsa.dev/provenance/'))).toBe(true)
    // One platform, but an index: the summary must be able to say why.
    expect(first.indexFromAttestations).toBe(true)
  })

  test('the secret was read in the build, and is in no blob, config, history, log line or temp file', async () => {
    const index = await manifest(REPO, 'v1')
    let sawHash = false
    const searched: string[] = [index.text]
    for (const entry of index.body.manifests ?? []) {
      const child = await manifest(REPO, entry.digest)
      searched.push(child.text)
      for (const descriptor of [child.body.config, ...(child.body.layers ?? [])]) {
        if (!descriptor) continue
        const content = maybeGunzip(await blob(REPO, descriptor.digest)).toString('latin1')
        searched.push(content)
        if (content.includes(SECRET_HASH)) sawHash = true
      }
    }
    // The image's /secret-hash holds sha256(secret): the RUN step read the secret (and checked it).
    expect(sawHash).toBe(true)
    for (const text of searched) expect(text).not.toContain(SECRET)
    // The final image's history as the engine sees it (the builder stage's steps live in the
    // max-mode cache and the provenance, both searched as blobs), and the cache in the registry.
    const history = docker([
      'image',
      'history',
      '--no-trunc',
      '--format',
      '{{.CreatedBy}}',
      `${REGISTRY}/${REPO}:v1`
    ])
    expect(history).toContain('COPY /out/ /')
    expect(history).not.toContain(SECRET)
    const cacheManifest = await manifest(REPO, 'buildcache')
    // The cache is an image manifest (image-manifest=true): its config and every layer are searched.
    const { config, layers = [] } = cacheManifest.body
    if (!config) throw new Error('the registry cache manifest has no config')
    for (const layer of [config, ...layers]) {
      expect(maybeGunzip(await blob(REPO, layer.digest)).toString('latin1')).not.toContain(SECRET)
    }
    // Every raw line buildx printed, every line we logged, the argv, the result.
    expect(firstRec.raw.length).toBeGreaterThan(10)
    expect(firstRec.raw.some(line => line.includes(SECRET))).toBe(false)
    expect(firstLogs.some(line => line.includes(SECRET))).toBe(false)
    expect(firstRec.calls.flat().some(arg => arg.includes(SECRET))).toBe(false)
    expect(JSON.stringify(first)).not.toContain(SECRET)
    // No file left behind in the temp directory.
    expect(await listFiles(tempDir)).toEqual([])
  })

  test('after pruning the engine build cache, the same build imports the registry cache and is faster', async () => {
    docker(['buildx', 'prune', '-af'])
    docker(['image', 'rm', '-f', `${REGISTRY}/${REPO}:v1`])
    const logs: string[] = []
    const second = await runBuild(
      inputs({ ...BUILD, tags: `${REGISTRY}/${REPO}:v2` }),
      deps(recordingRunner(), logs)
    )
    if (!second.ok) throw new Error(`build failed: ${second.error}`)
    expect(
      logs.some(line => line.includes(`importing cache manifest from ${REGISTRY}/${REPO}:buildcache`))
    ).toBe(true)
    // Every RUN step of the builder stage is reported CACHED.
    const runSteps = logs
      .map(line => /^#(\d+) \[builder \d+\/\d+\] RUN /.exec(line)?.[1])
      .filter((step): step is string => step !== undefined)
    expect(new Set(runSteps).size).toBe(3)
    for (const step of new Set(runSteps)) expect(logs).toContain(`#${step} CACHED`)
    expect(second.cachedSteps).toBeGreaterThanOrEqual(3)
    process.stdout.write(
      `\nregistry cache: cold build ${first.seconds.toFixed(2)} s, after prune with cache import ${second.seconds.toFixed(2)} s, ratio ${(first.seconds / second.seconds).toFixed(2)}x; ${second.cachedSteps} steps CACHED\n`
    )
    expect(second.seconds).toBeLessThan(first.seconds)
  })

  test('a failing RUN is ok: false with buildx error lines, and no files left', async () => {
    const logs: string[] = []
    const result = await runBuild(
      inputs({
        context: 'ctx',
        file: 'Failing.Dockerfile',
        sbom: 'false',
        provenance: 'false',
        secrets: `tok=${SECRET}`
      }),
      deps(recordingRunner(), logs)
    )
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^ERROR: .*did not complete successfully: exit code: 3$/m)
    expect(result.error).toContain('compiling')
    expect(result.digest).toBeUndefined()
    expect(await listFiles(tempDir)).toEqual([])
  })

  test('detects this engine: docker driver with the containerd image store, attestations supported', async () => {
    const info = await detectBuildx(createDockerRunner())
    expect(info).toMatchObject({
      driver: 'docker',
      containerdStore: true,
      attestFlags: true,
      attestationSupport: { ok: true },
      cacheExportSupported: true
    })
    expect(info.buildxVersion).toMatch(/^\d+\.\d+\.\d+$/)
  })

  test('sbom and provenance off: a plain image manifest, not an index', async () => {
    const tag = `${REGISTRY}/${REPO}:plain`
    const result = await runBuild(
      inputs({ ...BUILD, tags: tag, 'cache-registry': '', sbom: 'false', provenance: 'false' }),
      deps(recordingRunner(), [])
    )
    if (!result.ok) throw new Error(`build failed: ${result.error}`)
    expect(result.indexFromAttestations).toBe(false)
    const pushed = await manifest(REPO, 'plain')
    expect(pushed.digest).toBe(result.digest)
    expect(pushed.body.mediaType).toMatch(/manifest\.v\d\+json$/)
  })

  test('cache-local: exported to DIR.new, rotated into DIR, imported after a prune', async () => {
    const saved: string[] = []
    // No Actions cache service here: the rotation on disk is what is tested; the service is unit-tested.
    const offline: CacheService = {
      available: () => false,
      restore: () => Promise.resolve(undefined),
      save: (_p, key) => {
        saved.push(key)
        return Promise.resolve()
      }
    }
    const local = {
      ...BUILD,
      tags: '',
      push: 'false',
      'cache-registry': '',
      'cache-local': 'true',
      sbom: 'false',
      provenance: 'false',
      'build-args': `NONCE=local-${STAMP}\nEXPECTED_HASH=${SECRET_HASH}`
    }
    const cacheDir = path.join(tempDir, 'stagegate-buildkit-cache')
    const one = await runBuild(inputs(local), { ...deps(recordingRunner(), []), cache: offline })
    if (!one.ok) throw new Error(`build failed: ${one.error}`)
    expect(one.argv).toContain(`type=local,dest=${cacheDir}.new,mode=max`)
    const index = JSON.parse(await fs.readFile(path.join(cacheDir, 'index.json'), 'utf8')) as Manifest
    expect(index.manifests?.length).toBeGreaterThan(0)
    await expect(fs.stat(`${cacheDir}.new`)).rejects.toThrow()
    docker(['buildx', 'prune', '-af'])
    const logs: string[] = []
    const two = await runBuild(inputs(local), { ...deps(recordingRunner(), logs), cache: offline })
    if (!two.ok) throw new Error(`build failed: ${two.error}`)
    expect(two.cachedSteps).toBeGreaterThanOrEqual(3)
    process.stdout.write(
      `\ncache-local: cold ${one.seconds.toFixed(2)} s, after prune ${two.seconds.toFixed(2)} s\n`
    )
    expect(saved).toEqual([])
    await fs.rm(cacheDir, { recursive: true, force: true })
  })

  const bad: [string, Record<string, string>, RegExp][] = [
    [
      'missing secret-files path',
      { 'secret-files': 'key=missing/key.pem' },
      /^Input "secret-files": the file for secret "key" does not exist: missing\/key.pem$/
    ],
    [
      'malformed cache-to',
      { 'cache-to': `ref=${REGISTRY}/x:cache,mode=max` },
      /^Input "cache-to": .* has no type=/
    ],
    [
      'push + load with several platforms',
      { push: 'true', tags: `${REGISTRY}/${REPO}:x`, load: 'true', platforms: 'linux/amd64,linux/arm64' },
      /^Inputs "push" and "load" cannot be used together with several platforms/
    ],
    [
      'unknown provenance mode',
      { provenance: 'mode=maximum' },
      /^Input "provenance" has an unknown mode "maximum"; use mode=min or mode=max\.$/
    ],
    [
      'missing file outside the context',
      { file: 'elsewhere/Dockerfile' },
      /^Input "file": the Dockerfile "elsewhere\/Dockerfile" .* does not exist\.$/
    ]
  ]
  test.each(bad)('bad input, one line and no build: %s', async (_what, values, message) => {
    const recorded = recordingRunner()
    const error: unknown = await runBuild(inputs({ context: 'ctx', ...values }), deps(recorded, [])).catch(
      (e: unknown) => e
    )
    expect(isUsageError(error)).toBe(true)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('\n')
    expect(recorded.calls).toEqual([])
  })
})
