// The smoke run: start the built image once, the way a restricted
// Kubernetes pod or a careful CI job would, and see whether it starts:
//
//   docker run --rm --pull never --network none --read-only --cap-drop ALL
//              --security-opt no-new-privileges [--user <image USER>] IMAGE
//
// "Started" means the container is still running `startSeconds` after it
// really started (the engine's State.StartedAt, not our clock from the
// `docker run`, which on a busy machine includes a slow create), or it
// exited 0 before that. The exit code and the last lines of output
// (redacted) go into the report. Everything goes through the docker runner
// interface, so tests can swap it.
import { randomBytes } from 'node:crypto'
import type { BuildxRunner, ExecResult } from '../build/buildx.js'
import { isSecretName, scrubTokens } from '../checks/secrets.js'
import { errorMessage } from '../errors.js'
import { sourceKind } from '../image/read.js'

export interface SmokeResult {
  /** False when no run happened (not asked, not in the local engine, no engine). */
  ran: boolean
  /** True: still running after the start window, or exited 0. Null when it did not run or was inconclusive. */
  started: boolean | null
  /** The container's exit code (docker's own 125–127 when it could not start it); null while running. */
  exitCode: number | null
  /** Still running at the end of the window (then stopped by us). */
  running?: boolean
  /** Seconds from `docker run` to the verdict. */
  seconds?: number
  /** The last lines of stdout and stderr, in arrival order, redacted. */
  output?: string[]
  /** Why it did not run, or why the result is inconclusive. */
  error?: string
  /** The docker argv that was run. */
  command?: string[]
}

export interface SmokeOptions {
  /** The image reference in the local engine. */
  image: string
  /** The image config's USER ('' runs as the image default, root). */
  user: string
  /** The image config's Env: values of secret-looking names are redacted from the output. */
  env?: readonly string[]
  /** How long it must keep running to count as started. */
  startSeconds?: number
  /** Give up waiting for it to start (create and start) after this long. */
  maxSeconds?: number
  /** Poll interval for the container's state. */
  pollMs?: number
  /** Extra redaction (the step's secrets). */
  redact?: (text: string) => string
  now?: () => number
}

export const NOT_RUN: SmokeResult = { ran: false, started: null, exitCode: null }

// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g
const OUTPUT_LINES = 20
const LINE_LENGTH = 300
/** Errors that are the machine's, not the image's: the run says nothing about the image. */
const ENGINE_ERRORS =
  /Cannot connect to the Docker daemon|No such image|Unable to find image|pull access denied|is not running/i

export function smokeArgs(image: string, user: string, name: string): string[] {
  return [
    'run',
    '--rm',
    '--name',
    name,
    '--pull',
    'never',
    '--network',
    'none',
    '--read-only',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    ...(user !== '' ? ['--user', user] : []),
    image
  ]
}

/** The last lines of output, each cleaned of control characters and capped, with secrets redacted. */
export class OutputTail {
  private readonly lines: string[] = []
  constructor(
    private readonly redact: (text: string) => string,
    private readonly max = OUTPUT_LINES
  ) {}
  push = (line: string): void => {
    const clean = line.replace(ANSI_ESCAPE, '').replace(CONTROL, '')
    this.lines.push(clean.length > LINE_LENGTH ? `${clean.slice(0, LINE_LENGTH - 1)}…` : clean)
    if (this.lines.length > this.max) this.lines.shift()
  }
  toArray(): string[] {
    return this.lines.map(line => this.redact(line))
  }
}

export function outputRedactor(
  env: readonly string[] | undefined,
  extra?: (text: string) => string
): (text: string) => string {
  const values = (env ?? []).flatMap(entry => {
    const eq = entry.indexOf('=')
    const value = entry.slice(eq + 1)
    return eq > 0 && isSecretName(entry.slice(0, eq)) && value.length >= 3 ? [value] : []
  })
  values.sort((a, b) => b.length - a.length)
  return text => {
    let out = text
    for (const value of values) out = out.split(value).join('***')
    out = scrubTokens(out)
    return extra ? extra(out) : out
  }
}

function sleep(ms: number): { done: Promise<'tick'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined
  const done = new Promise<'tick'>(resolve => {
    timer = setTimeout(() => resolve('tick'), ms)
  })
  return { done, cancel: () => clearTimeout(timer) }
}

/** Running state and start time of a container, or undefined when it does not exist (yet, or any more). */
async function inspect(
  runner: BuildxRunner,
  name: string
): Promise<{ running: boolean; startedAt: number } | undefined> {
  const result = await runner.exec([
    'container',
    'inspect',
    '--format',
    '{{.State.Running}} {{.State.StartedAt}}',
    name
  ])
  if (result.exitCode !== 0) return undefined
  const [running, startedAt] = result.stdout.trim().split(' ')
  const at = Date.parse(startedAt ?? '')
  return { running: running === 'true', startedAt: Number.isNaN(at) ? 0 : at }
}

export async function runSmoke(runner: BuildxRunner, options: SmokeOptions): Promise<SmokeResult> {
  const now = options.now ?? Date.now
  const startMs = (options.startSeconds ?? 5) * 1000
  const maxMs = (options.maxSeconds ?? 120) * 1000
  const pollMs = options.pollMs ?? 500
  const name = `stagegate-smoke-${randomBytes(6).toString('hex')}`
  const args = smokeArgs(options.image, options.user, name)
  const tail = new OutputTail(outputRedactor(options.env, options.redact))
  const began = now()
  const seconds = (): number => Math.round((now() - began) / 100) / 10

  let exited: ExecResult | undefined
  let failed: unknown
  const run = runner.exec(args, { onStdout: tail.push, onStderr: tail.push }).then(
    result => {
      exited = result
    },
    (error: unknown) => {
      failed = error
    }
  )
  const finish = (result: Omit<SmokeResult, 'ran' | 'command' | 'output' | 'seconds'>): SmokeResult => ({
    ran: true,
    ...result,
    seconds: seconds(),
    output: tail.toArray(),
    command: args
  })

  for (;;) {
    const tick = sleep(pollMs)
    await Promise.race([run, tick.done])
    tick.cancel()
    if (failed !== undefined) return { ...NOT_RUN, error: errorMessage(failed), command: args }
    if (exited) {
      const text = `${exited.stderr}\n${exited.stdout}`
      if (exited.exitCode === 125 && ENGINE_ERRORS.test(text))
        return { ...NOT_RUN, error: firstLine(text), output: tail.toArray(), command: args }
      return finish({ started: exited.exitCode === 0, exitCode: exited.exitCode })
    }
    const state = await inspect(runner, name)
    if (state?.running && state.startedAt > 0 && now() - state.startedAt >= startMs) {
      await stop(runner, name, run)
      return finish({ started: true, exitCode: null, running: true })
    }
    if (now() - began > maxMs) {
      await stop(runner, name, run)
      return finish({ started: null, exitCode: null, error: `it did not start within ${maxMs / 1000} s` })
    }
  }
}

async function stop(runner: BuildxRunner, name: string, run: Promise<void>): Promise<void> {
  await runner.exec(['rm', '--force', name])
  // `docker run` returns once the container is gone; do not wait forever if it does not.
  const grace = sleep(10_000)
  await Promise.race([run, grace.done])
  grace.cancel()
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map(line => line.trim())
      .find(line => line !== '') ?? 'docker run failed'
  ).slice(0, LINE_LENGTH)
}

/** The smoke run for a checked image: only images the local engine has can run. */
export async function smokeImage(
  runner: BuildxRunner,
  ref: string,
  config: { User?: string; Env?: string[] },
  options: Pick<SmokeOptions, 'startSeconds' | 'redact'> = {}
): Promise<SmokeResult> {
  const { kind } = sourceKind(ref)
  if (kind !== 'engine')
    return {
      ...NOT_RUN,
      error: `${ref} is not an image in the local engine (load: true lets the smoke run start it)`
    }
  try {
    return await runSmoke(runner, {
      image: ref,
      user: (config.User ?? '').trim(),
      ...(config.Env ? { env: config.Env } : {}),
      ...options
    })
  } catch (error) {
    return { ...NOT_RUN, error: errorMessage(error) }
  }
}
