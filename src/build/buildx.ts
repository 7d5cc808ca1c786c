// The edge to the `docker` CLI: a small runner interface (tests swap it),
// its real implementation on node:child_process (no shell, stdin closed,
// output streamed line by line), and the one-time detection of what the
// selected builder can do, with the checks that depend on it.
import { spawn } from 'node:child_process'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { wantsAttestations } from './args.js'

export interface ExecOptions {
  onStdout?: (line: string) => void
  onStderr?: (line: string) => void
  env?: NodeJS.ProcessEnv
  cwd?: string
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface BuildxRunner {
  /** Runs `docker ARGS`; resolves with the exit code (never rejects for a non-zero one). */
  exec(args: string[], options?: ExecOptions): Promise<ExecResult>
}

const KEEP_OUTPUT = 16 * 1024 * 1024

/** Splits a stream into lines for a callback, keeping the last partial line until the end. */
function lineSplitter(emit: ((line: string) => void) | undefined): {
  push(chunk: string): void
  end(): void
} {
  let pending = ''
  return {
    push(chunk) {
      if (!emit) return
      pending += chunk
      const lines = pending.split(/\r?\n/)
      pending = lines.pop() ?? ''
      for (const line of lines) emit(line)
    },
    end() {
      if (emit && pending !== '') emit(pending)
      pending = ''
    }
  }
}

export function createDockerRunner(command = 'docker'): BuildxRunner {
  return {
    exec(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: options.env ?? process.env,
          cwd: options.cwd,
          shell: false
        })
        let stdout = ''
        let stderr = ''
        const out = lineSplitter(options.onStdout)
        const err = lineSplitter(options.onStderr)
        child.stdout.setEncoding('utf8')
        child.stderr.setEncoding('utf8')
        child.stdout.on('data', (chunk: string) => {
          if (stdout.length < KEEP_OUTPUT) stdout += chunk
          out.push(chunk)
        })
        child.stderr.on('data', (chunk: string) => {
          if (stderr.length < KEEP_OUTPUT) stderr += chunk
          err.push(chunk)
        })
        child.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT')
            reject(
              new UsageError(
                `"${command}" was not found on PATH; install the Docker CLI with the buildx plugin.`
              )
            )
          else reject(error)
        })
        child.on('close', code => {
          out.end()
          err.end()
          resolve({ exitCode: code ?? 1, stdout, stderr })
        })
      })
    }
  }
}

export interface BuildxInfo {
  buildxVersion: string
  builderName: string
  driver: string
  /** undefined when the builder does not report a real version (distribution builds say v0.0.0+unknown). */
  buildkitVersion?: string
  platforms: string[]
  /** For the docker driver: whether dockerd uses the containerd image store. */
  containerdStore?: boolean
  /** buildx knows `--attest`, `--sbom`, `--provenance` (>= 0.10). */
  attestFlags: boolean
  attestationSupport: { ok: boolean; reason?: string }
  cacheExportSupported: boolean
  multiPlatformLoad: boolean
}

type Version = [number, number, number]

export function parseVersion(text: string | undefined): Version | undefined {
  const match = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '')
  if (!match) return undefined
  const version: Version = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)]
  return version.every(n => n === 0) ? undefined : version
}

export function versionAtLeast(version: Version | undefined, min: Version): boolean {
  if (!version) return false
  for (let i = 0; i < 3; i++) {
    const a = version[i] as number
    const b = min[i] as number
    if (a !== b) return a > b
  }
  return true
}

/** `github.com/docker/buildx v0.13.1 abc` or `github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3` → `0.13.1`. */
export function parseBuildxVersion(text: string): string | undefined {
  const match = /buildx\S*\s+v?(\d+\.\d+\.\d+)/.exec(text)
  return match?.[1]
}

export interface InspectFacts {
  name: string
  driver: string
  buildkitVersion?: string
  platforms: string[]
}

/** Reads `docker buildx inspect` text (its first node carries the BuildKit version and platforms). */
export function parseBuildxInspect(text: string): InspectFacts {
  const field = (label: RegExp): string | undefined => {
    for (const line of text.split(/\r?\n/)) {
      const match = label.exec(line)
      if (match) return match[1]?.trim()
    }
    return undefined
  }
  const buildkit = field(/^\s*Build[Kk]it(?: version)?:\s*(.*)$/)
  const version = parseVersion(buildkit)
  return {
    name: field(/^Name:\s*(.*)$/) ?? '',
    driver: field(/^Driver:\s*(.*)$/) ?? '',
    buildkitVersion: version ? version.join('.') : undefined,
    platforms: (field(/^\s*Platforms:\s*(.*)$/) ?? '')
      .split(',')
      .map(platform => platform.trim().replace(/\*$/, ''))
      .filter(platform => platform !== '')
  }
}

/** `docker info -f '{{json .DriverStatus}}'`: the containerd image store reports driver-type io.containerd.snapshotter.v1. */
export function usesContainerdStore(driverStatus: string): boolean {
  return /io\.containerd\.snapshotter/.test(driverStatus)
}

const ENABLE_CONTAINERD =
  'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, then restart dockerd), or use a docker-container builder (docker/setup-buildx-action, or `docker buildx create --use`)'

/** What the builder can do, from the detected facts. Pure. */
export function builderCapabilities(
  buildxVersion: string,
  inspect: InspectFacts,
  containerdStore: boolean | undefined
): Omit<
  BuildxInfo,
  'buildxVersion' | 'builderName' | 'driver' | 'buildkitVersion' | 'platforms' | 'containerdStore'
> {
  const buildx = parseVersion(buildxVersion)
  const buildkit = parseVersion(inspect.buildkitVersion)
  const classicDocker = inspect.driver === 'docker' && containerdStore !== true
  const attestFlags = versionAtLeast(buildx, [0, 10, 0])
  let reason: string | undefined
  if (!attestFlags)
    reason = `buildx ${buildxVersion} cannot create attestations (SBOM, provenance): it needs buildx 0.10 or later; update buildx (docker/setup-buildx-action installs a current one)`
  else if (buildkit && !versionAtLeast(buildkit, [0, 11, 0]))
    reason = `the builder "${inspect.name}" runs BuildKit ${inspect.buildkitVersion}, which cannot create attestations (SBOM, provenance): it needs BuildKit 0.11 or later; update the builder`
  else if (classicDocker)
    reason = `the builder "${inspect.name}" uses the docker driver without the containerd image store, which cannot keep attestations (SBOM, provenance); ${ENABLE_CONTAINERD}`
  return {
    attestFlags,
    attestationSupport: reason ? { ok: false, reason } : { ok: true },
    cacheExportSupported: !classicDocker,
    multiPlatformLoad: inspect.driver === 'docker' && containerdStore === true
  }
}

/** Detects buildx, the selected builder, its BuildKit and (docker driver) the image store, once per run. */
export async function detectBuildx(runner: BuildxRunner, builder = ''): Promise<BuildxInfo> {
  const version = await runner.exec(['buildx', 'version'])
  if (version.exitCode !== 0)
    throw new UsageError(
      `docker buildx is not available (${firstLine(version.stderr) || 'docker buildx version failed'}); install the buildx plugin (docker/setup-buildx-action does).`
    )
  const buildxVersion = parseBuildxVersion(version.stdout) ?? 'unknown'
  if (!versionAtLeast(parseVersion(buildxVersion), [0, 6, 0]) && buildxVersion !== 'unknown')
    throw new UsageError(
      `buildx ${buildxVersion} is too old: Stagegate needs buildx 0.6 or later (--metadata-file); update it.`
    )
  const inspectArgs = ['buildx', 'inspect', '--bootstrap', ...(builder ? [builder] : [])]
  const inspected = await runner.exec(inspectArgs)
  if (inspected.exitCode !== 0)
    throw new UsageError(
      `buildx builder ${builder ? `"${builder}"` : '(default)'} is not usable: ${firstLine(inspected.stderr) || 'docker buildx inspect failed'}`
    )
  const facts = parseBuildxInspect(inspected.stdout)
  let containerdStore: boolean | undefined
  if (facts.driver === 'docker') {
    const info = await runner.exec(['info', '--format', '{{json .DriverStatus}}'])
    containerdStore = info.exitCode === 0 ? usesContainerdStore(info.stdout) : undefined
  }
  return {
    buildxVersion,
    builderName: facts.name,
    driver: facts.driver,
    buildkitVersion: facts.buildkitVersion,
    platforms: facts.platforms,
    containerdStore,
    ...builderCapabilities(buildxVersion, facts, containerdStore)
  }
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map(line => line.trim())
      .find(line => line !== '') ?? ''
  )
}

/** The checks that need the builder: attestations, multi-platform load, several exporters. */
export function checkBuilderSupports(inputs: Inputs, info: BuildxInfo): void {
  if (wantsAttestations(inputs) && !info.attestationSupport.ok)
    throw new UsageError(
      `Attestations are on (sbom: ${inputs.sbom}, provenance: ${inputs.provenance}), but ${info.attestationSupport.reason}; or turn them off with sbom: false and provenance: false.`
    )
  if (inputs.load && inputs.platforms.length > 1 && !info.multiPlatformLoad)
    throw new UsageError(
      `Input "load" cannot take a multi-platform image (${inputs.platforms.join(', ')}) on the ${info.driver} driver${info.driver === 'docker' ? ' without the containerd image store' : ''}; build one platform to load, or push instead.`
    )
  if (inputs.load && inputs.push && !versionAtLeast(parseVersion(info.buildxVersion), [0, 13, 0]))
    throw new UsageError(
      `Inputs "push" and "load" together need buildx 0.13 or later (several exporters); this is buildx ${info.buildxVersion}. Update buildx or drop one.`
    )
}
