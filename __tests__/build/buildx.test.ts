import {
  builderCapabilities,
  checkBuilderSupports,
  createDockerRunner,
  detectBuildx,
  parseBuildxInspect,
  parseBuildxVersion,
  type BuildxInfo,
  type BuildxRunner,
  type ExecResult
} from '../../src/build/buildx.js'
import { planAttestations } from '../../src/build/args.js'
import { parseInputs } from '../../src/inputs.js'

// `docker buildx inspect` as buildx 0.13.1 prints it for the engine's default builder.
const INSPECT_DOCKER = `Name:          default
Driver:        docker
Last Activity: 2026-11-22 18:30:24 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4
Labels:
 org.mobyproject.buildkit.worker.executor:             containerd
`
const INSPECT_CONTAINER = `Name:          ci
Driver:        docker-container
Nodes:
Name:      ci0
Endpoint:  unix:///var/run/docker.sock
Status:    running
Buildkit:  v0.10.6
Platforms: linux/amd64*, linux/arm64
`

function fakeRunner(answers: Record<string, Partial<ExecResult>>): BuildxRunner & { calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    exec(args) {
      calls.push(args)
      const answer = answers[args.slice(0, 2).join(' ')]
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', ...answer })
    }
  }
}

describe('parsers', () => {
  test.each([
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1'],
    ['github.com/docker/buildx v0.19.3 48d6a39', '0.19.3'],
    ['nonsense', undefined]
  ])('buildx version %j → %j', (text, expected) => {
    expect(parseBuildxVersion(text)).toBe(expected)
  })
  test('inspect: docker driver with an unknown BuildKit version', () => {
    expect(parseBuildxInspect(INSPECT_DOCKER)).toEqual({
      name: 'default',
      driver: 'docker',
      buildkitVersion: undefined,
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4']
    })
  })
  test('inspect: older "Buildkit:" label and starred platforms', () => {
    expect(parseBuildxInspect(INSPECT_CONTAINER)).toEqual({
      name: 'ci',
      driver: 'docker-container',
      buildkitVersion: '0.10.6',
      platforms: ['linux/amd64', 'linux/arm64']
    })
  })
})

describe('builderCapabilities', () => {
  const docker = { name: 'default', driver: 'docker', platforms: [] }
  const cases: [
    number,
    string,
    typeof docker & { buildkitVersion?: string },
    boolean | undefined,
    boolean,
    RegExp | undefined
  ][] = [
    [1, '0.13.1', docker, true, true, undefined],
    [2, '0.13.1', docker, false, false, /docker driver on the classic image store.*containerd-snapshotter/],
    [3, '0.9.1', docker, true, true, /buildx 0.9.1 cannot create attestations.*0.10 or later/],
    [
      4,
      '0.13.1',
      { ...docker, driver: 'docker-container', buildkitVersion: '0.10.6' },
      undefined,
      true,
      /BuildKit 0.10.6.*0.11 or later/
    ],
    [5, '0.13.1', { ...docker, driver: 'remote', buildkitVersion: '0.16.0' }, undefined, true, undefined]
  ]
  test.each(cases)('case %i', (_n, buildx, inspect, containerd, cacheExport, reason) => {
    const caps = builderCapabilities(buildx, inspect, containerd)
    expect(caps.cacheExportSupported).toBe(cacheExport)
    expect(caps.attestationSupport.ok).toBe(reason === undefined)
    // Supported: no reason at all; not: the reason says why.
    expect(caps.attestationSupport.reason ?? '').toMatch(reason ?? /^$/)
  })
})

describe('detectBuildx', () => {
  test('asks buildx, inspects the selected builder, and reads the image store for the docker driver', async () => {
    const runner = fakeRunner({
      'buildx version': { stdout: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n' },
      'buildx inspect': { stdout: INSPECT_DOCKER },
      'info --format': { stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\n' }
    })
    const info = await detectBuildx(runner, 'default')
    expect(runner.calls).toEqual([
      ['buildx', 'version'],
      ['buildx', 'inspect', '--bootstrap', 'default'],
      ['info', '--format', '{{json .DriverStatus}}']
    ])
    expect(info).toMatchObject({
      buildxVersion: '0.13.1',
      driver: 'docker',
      containerdStore: true,
      attestFlags: true,
      attestationSupport: { ok: true },
      cacheExportSupported: true,
      multiPlatformLoad: true
    })
  })
  test('a missing builder is one line', async () => {
    const runner = fakeRunner({
      'buildx version': { stdout: 'github.com/docker/buildx v0.19.0 x' },
      'buildx inspect': { exitCode: 1, stderr: 'ERROR: no builder "nope" found\n' }
    })
    await expect(detectBuildx(runner, 'nope')).rejects.toThrow(
      'buildx builder "nope" is not usable: ERROR: no builder "nope" found'
    )
  })
  test('too old buildx is explained', async () => {
    const runner = fakeRunner({ 'buildx version': { stdout: 'github.com/docker/buildx v0.5.1 x' } })
    await expect(detectBuildx(runner)).rejects.toThrow(
      'buildx 0.5.1 is too old: Stagegate needs buildx 0.6 or later'
    )
  })
})

describe('checkBuilderSupports', () => {
  const classic: BuildxInfo = {
    buildxVersion: '0.12.0',
    builderName: 'default',
    driver: 'docker',
    platforms: [],
    containerdStore: false,
    ...builderCapabilities('0.12.0', { name: 'default', driver: 'docker', platforms: [] }, false)
  }
  const inputs = (values: Record<string, string>) => parseInputs(name => values[name] ?? '')
  test('defaults on a builder that cannot keep attestations: dropped with the reason; asked for: the error', () => {
    const facts = { privateRepository: false, support: classic.attestationSupport }
    const dropped = planAttestations(inputs({}), facts)
    expect(dropped.args).toEqual([])
    expect(dropped.skipped).toMatch(
      /^SBOM and provenance attestations are skipped: the builder "default" uses the docker driver on the classic image store, which cannot keep attestations/
    )
    expect(() => planAttestations(inputs({ provenance: 'mode=max' }), facts)).toThrow(
      /^Attestations were asked for \(provenance: mode=max\), but the builder "default" uses the docker driver on the classic image store.*or turn them off with sbom: false and provenance: false\.$/
    )
  })
  test('turned off, they need nothing', () => {
    expect(() => checkBuilderSupports(inputs({ sbom: 'false', provenance: 'false' }), classic)).not.toThrow()
  })
  test('multi-platform load and push+load on old buildx', () => {
    expect(() =>
      checkBuilderSupports(
        inputs({ sbom: 'false', provenance: 'false', load: 'true', platforms: 'linux/amd64,linux/arm64' }),
        classic
      )
    ).toThrow(
      'Input "load" cannot take a multi-platform image (linux/amd64, linux/arm64) on the docker driver without the containerd image store'
    )
    expect(() =>
      checkBuilderSupports(
        inputs({ sbom: 'false', provenance: 'false', load: 'true', push: 'true' }),
        classic
      )
    ).toThrow('Inputs "push" and "load" together need buildx 0.13 or later')
  })
})

describe('createDockerRunner (real child process, no shell)', () => {
  test('streams lines (the unterminated last one too), keeps output, reports the exit code', async () => {
    const runner = createDockerRunner('sh')
    const out: string[] = []
    const err: string[] = []
    const result = await runner.exec(['-c', 'printf "a\\nb"; echo e >&2; exit 3'], {
      onStdout: line => out.push(line),
      onStderr: line => err.push(line)
    })
    expect(result).toEqual({ exitCode: 3, stdout: 'a\nb', stderr: 'e\n' })
    expect(out).toEqual(['a', 'b'])
    expect(err).toEqual(['e'])
  })
  test('arguments are not interpreted by a shell', async () => {
    const result = await createDockerRunner('echo').exec(['$HOME', ';', 'ls'])
    expect(result.stdout).toBe('$HOME ; ls\n')
  })
  test('a missing binary is a usage error', async () => {
    await expect(createDockerRunner('no-such-docker-binary').exec([])).rejects.toThrow(
      '"no-such-docker-binary" was not found on PATH'
    )
  })
})
