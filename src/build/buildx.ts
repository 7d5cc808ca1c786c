// The edge to the `docker` CLI: a small runner interface (tests swap it),
// its real implementation on child_process.spawn (no shell; stdin is a pipe nobody
// writes, so validate.ts refuses the stdin forms `context: -` and `file: -`; output
// handed over line by line and never printed by the runner: the caller redacts each
// line before it logs it; a SIGINT/SIGTERM/SIGHUP of this process is passed on to
// the running children, which would otherwise outlive it: @actions/exec does not
// expose its child to stop),
// and the one-time detection of what the selected builder can do, with the
// checks that depend on it. Versions are compared with semver (versions.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { constants as osConstants } from 'node:os'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { buildxSatisfies } from './versions.js'

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

function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value
  return out
}

/** `docker` children running now: a signal that ends this process stops them first, or they would outlive it. */
const running = new Set<ChildProcess>()
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

function stopChildren(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal)
  running.clear()
  for (const name of STOP_SIGNALS) process.removeListener(name, stopChildren)
  // Re-raised so the process still ends by the signal (removeOnSignal's handler, if any, re-raises too).
  process.kill(process.pid, signal)
}

function track(child: ChildProcess): void {
  if (running.size === 0) for (const name of STOP_SIGNALS) process.once(name, stopChildren)
  running.add(child)
  child.once('close', () => {
    running.delete(child)
    if (running.size === 0) for (const name of STOP_SIGNALS) process.removeListener(name, stopChildren)
  })
}

/** Calls `emit` for each complete line of a stream (CR LF or LF), and the unterminated tail at the end. */
function lineSplitter(emit: ((line: string) => void) | undefined): { push(text: string): void; end(): void } {
  let tail = ''
  return {
    push(text) {
      if (!emit) return
      const lines = (tail + text).split('\n')
      tail = (lines.pop() ?? '').slice(-KEEP_OUTPUT)
      for (const line of lines) emit(line.replace(/\r$/, ''))
    },
    end() {
      const last = tail.replace(/\r$/, '')
      if (emit && last !== '') emit(last)
      tail = ''
    }
  }
}

export function createDockerRunner(command = 'docker'): BuildxRunner {
  return {
    exec(args, options = {}) {
      return new Promise((resolve, reject) => {
        let stdout = ''
        let stderr = ''
        const outLines = lineSplitter(options.onStdout)
        const errLines = lineSplitter(options.onStderr)
        // No shell; stdin a pipe nobody writes; the caller logs (redacted) what it wants.
        const child = spawn(command, args, {
          env: definedEnv(options.env ?? process.env),
          ...(options.cwd ? { cwd: options.cwd } : {}),
          stdio: ['pipe', 'pipe', 'pipe']
        })
        child.stdout.setEncoding('utf8')
        child.stderr.setEncoding('utf8')
        child.stdout.on('data', (text: string) => {
          if (stdout.length < KEEP_OUTPUT) stdout += text
          outLines.push(text)
        })
        child.stderr.on('data', (text: string) => {
          if (stderr.length < KEEP_OUTPUT) stderr += text
          errLines.push(text)
        })
        child.once('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'ENOENT'
              ? new UsageError(
                  `"${command}" was not found on PATH; install the Docker CLI with the buildx plugin.`
                )
              : error
          )
        })
        child.once('spawn', () => track(child))
        child.once('close', (code, signal) => {
          outLines.end()
          errLines.end()
          resolve({
            exitCode: code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1),
            stdout,
            stderr
          })
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
  const buildkit = /v?(\d+\.\d+(?:\.\d+)?)/.exec(field(/^\s*Build[Kk]it(?: version)?:\s*(.*)$/) ?? '')?.[1]
  return {
    name: field(/^Name:\s*(.*)$/) ?? '',
    driver: field(/^Driver:\s*(.*)$/) ?? '',
    buildkitVersion: buildkit && buildxSatisfies(buildkit, '>0.0.0') ? buildkit : undefined,
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
  const classicDocker = inspect.driver === 'docker' && containerdStore !== true
  const attestFlags = buildxSatisfies(buildxVersion, '>=0.10.0')
  let reason: string | undefined
  if (!attestFlags)
    reason = `buildx ${buildxVersion} cannot create attestations (SBOM, provenance): it needs buildx 0.10 or later; update buildx (docker/setup-buildx-action installs a current one)`
  else if (inspect.buildkitVersion && !buildxSatisfies(inspect.buildkitVersion, '>=0.11.0'))
    reason = `the builder "${inspect.name}" runs BuildKit ${inspect.buildkitVersion}, which cannot create attestations (SBOM, provenance): it needs BuildKit 0.11 or later; update the builder`
  else if (classicDocker)
    reason = `the builder "${inspect.name}" uses the docker driver on the classic image store, which cannot keep attestations (SBOM, provenance); ${ENABLE_CONTAINERD}`
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
  if (buildxVersion !== 'unknown' && !buildxSatisfies(buildxVersion, '>=0.6.0'))
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

/** The checks that need the builder: multi-platform load, several exporters (attestations: planAttestations). */
export function checkBuilderSupports(inputs: Inputs, info: BuildxInfo): void {
  if (inputs.load && inputs.platforms.length > 1 && !info.multiPlatformLoad)
    throw new UsageError(
      `Input "load" cannot take a multi-platform image (${inputs.platforms.join(', ')}) on the ${info.driver} driver${info.driver === 'docker' ? ' without the containerd image store' : ''}; build one platform to load, or push instead.`
    )
  if (inputs.load && inputs.push && !buildxSatisfies(info.buildxVersion, '>=0.13.0'))
    throw new UsageError(
      `Inputs "push" and "load" together need buildx 0.13 or later (several exporters); this is buildx ${info.buildxVersion}. Update buildx or drop one.`
    )
}
