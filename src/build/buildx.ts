// The edge to the `docker` CLI: a small runner interface (tests swap it),
// its real implementation on @actions/exec (no shell; stdin is a pipe nobody
// writes, so validate.ts refuses the stdin forms `context: -` and `file: -`; output
// handed over line by line through its stdline/errline listeners and never
// printed by exec itself: the caller redacts each line before it logs it; a
// SIGINT/SIGTERM/SIGHUP of this process is passed on to the running children,
// which would otherwise outlive it), and the one-time detection of what the
// selected builder can do, with the checks that depend on it. Versions are
// compared with semver (versions.ts).
import * as exec from '@actions/exec'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { onStopSignal } from '../signals.js'
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

/** Runs of the docker CLI in flight: while there are any, a stop signal is passed on to this process's children. */
let inFlight = 0
let unregisterPassOn: (() => void) | undefined

/**
 * The pids of `parent`'s direct children: from /proc where there is one (Linux), else
 * `pgrep -P` (macOS). @actions/exec does not hand out the child it starts, so this is how
 * a signal reaches it.
 */
export function childPids(parent = process.pid): number[] {
  let names: string[]
  try {
    names = readdirSync('/proc').filter(name => /^\d+$/.test(name))
  } catch {
    try {
      return execFileSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' })
        .split('\n')
        .filter(line => line.trim() !== '')
        .map(Number)
    } catch {
      return []
    }
  }
  const pids: number[] = []
  for (const name of names) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid === parent) pids.push(Number(name))
  }
  return pids
}

/** Passes a stop signal on to this process's children (the docker CLI) before it ends this process (signals.ts). */
function passOn(signal: NodeJS.Signals): void {
  for (const pid of childPids()) {
    try {
      process.kill(pid, signal)
    } catch {
      // ended meanwhile
    }
  }
}

async function tracked<T>(run: () => Promise<T>): Promise<T> {
  // One registration for all runs in flight, so each child is signalled once.
  if (inFlight++ === 0) unregisterPassOn = onStopSignal(passOn)
  try {
    return await run()
  } finally {
    if (--inFlight === 0) unregisterPassOn?.()
  }
}

export function createDockerRunner(command = 'docker'): BuildxRunner {
  return {
    async exec(args, options = {}) {
      let stdout = ''
      let stderr = ''
      // @actions/exec hands an unterminated last line to its own emitter, not
      // to the stdline/errline listeners: keep each stream's tail to pass it on.
      let outTail = ''
      let errTail = ''
      const tail = (previous: string, chunk: string): string => {
        const at = chunk.lastIndexOf('\n')
        return at === -1 ? previous + chunk : chunk.slice(at + 1)
      }
      try {
        const exitCode = await tracked(() =>
          exec.exec(command, args, {
            silent: true,
            ignoreReturnCode: true,
            env: definedEnv(options.env ?? process.env),
            ...(options.cwd ? { cwd: options.cwd } : {}),
            listeners: {
              stdout: data => {
                const text = data.toString('utf8')
                if (stdout.length < KEEP_OUTPUT) stdout += text
                outTail = tail(outTail, text).slice(-KEEP_OUTPUT)
              },
              stderr: data => {
                const text = data.toString('utf8')
                if (stderr.length < KEEP_OUTPUT) stderr += text
                errTail = tail(errTail, text).slice(-KEEP_OUTPUT)
              },
              ...(options.onStdout ? { stdline: options.onStdout } : {}),
              ...(options.onStderr ? { errline: options.onStderr } : {})
            }
          })
        )
        if (outTail.replace(/\r$/, '') !== '') options.onStdout?.(outTail.replace(/\r$/, ''))
        if (errTail.replace(/\r$/, '') !== '') options.onStderr?.(errTail.replace(/\r$/, ''))
        return { exitCode, stdout, stderr }
      } catch (error) {
        if (error instanceof Error && /Unable to locate executable file/.test(error.message))
          throw new UsageError(
            `"${command}" was not found on PATH; install the Docker CLI with the buildx plugin.`
          )
        throw error
      }
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
