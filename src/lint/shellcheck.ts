// shellcheck on RUN bodies, as hadolint does, batched over a whole lint run.
//
// Each shell-form RUN (or `RUN <<EOF` heredoc script) becomes one small
// script file that keeps the Dockerfile's line and column layout, behind a
// header that names the dialect and declares the ENV/ARG names in scope the
// way hadolint does (`export NAME=1`: ShellCheck then knows the variable is
// set to a word without spaces, so `$NAME` unquoted is not SC2086). Every
// script of every Dockerfile in the run goes to as few shellcheck processes
// as the argv and size budgets allow (one per core at most, run side by
// side), and each SC finding is mapped back to its Dockerfile, line, column
// and stage. Bodies too big for shellcheck are skipped with a notice; a
// missing, failing or hanging shellcheck gives a notice, never an exception.
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { DockerfileModel } from '../dockerfile/model.js'
import { runScripts } from '../dockerfile/run.js'
import type { Finding, Severity } from '../finding.js'
import { hasNothingToCheck } from './shellcheck-plain.js'

export const SHELLCHECK_MISSING_NOTICE =
  'shellcheck not found on PATH: SC checks skipped (install it, e.g. `apt-get install shellcheck`)'
/** Codes that make no sense for a RUN body (sourced files that are not there, ash). */
const EXCLUDED_CODES = ['SC1090', 'SC1091', 'SC2187']
const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'note', style: 'note' }
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const MENTION = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g

/** What shellcheck may be given, so a hostile Dockerfile cannot make it grow without bound or hang. */
export interface ShellcheckLimits {
  /** One RUN body larger than either is skipped (with a notice). */
  maxBodyLines: number
  maxBodyBytes: number
  /** One shellcheck process gets at most this much script ... */
  maxBatchLines: number
  maxBatchBytes: number
  /** ... and an argv (file names) of at most this many bytes: far below ARG_MAX, never E2BIG. */
  maxArgvBytes: number
  /** Per shellcheck process; it is killed after that. */
  timeoutMs: number
  /** shellcheck processes run side by side (it is single-threaded). */
  parallel: number
}

/**
 * shellcheck's time and memory grow about quadratically with one script (measured on
 * 0.9.0: a chain of `[ -f $V ] || cd d && \` lines, 100 lines 46 MB / 0.3 s, 300 lines
 * 193 MB / 1.4 s, 1,000 lines 2.8 GB / 18 s, 2,000 lines over a minute): a body is
 * checked up to 300 lines and 16 KiB, longer ones are skipped with a notice.
 */
export const DEFAULT_LIMITS: ShellcheckLimits = {
  maxBodyLines: 300,
  maxBodyBytes: 16 * 1024,
  maxBatchLines: 40_000,
  maxBatchBytes: 2 * 1024 * 1024,
  maxArgvBytes: 96 * 1024,
  timeoutMs: 120_000,
  parallel: Math.max(1, Math.min(4, availableParallelism()))
}

/**
 * A RUN script as the model reads it (`runScripts` in src/dockerfile/run.ts): its lines, the
 * Dockerfile line of each, the SHELL in effect (or the shell pragma) and the ENV/ARG names in scope.
 */
export interface RunScriptSource {
  stage: number
  /** Script lines, laid out so a column in them is the column in the Dockerfile line. */
  lines: string[]
  /** 1-based Dockerfile line of each script line (same length as `lines`). */
  lineNumbers: number[]
  /** The SHELL (or `# hadolint shell=` pragma) in effect for this RUN. */
  shell: readonly string[]
  /** ENV and ARG names in scope at this RUN. */
  vars: readonly string[]
}

export interface ShellScript {
  /** Script text: `headerLines` lines of header, then the body. */
  text: string
  dialect: 'sh' | 'bash' | 'dash' | 'ksh'
  headerLines: number
  /** Dockerfile line of each body line. */
  lineNumbers: number[]
  /** Kept for callers that read them: the first and last Dockerfile line of the body. */
  firstLine: number
  lastLine: number
  stage: number
  bytes: number
}

/** The stage's shell dialect for shellcheck, or undefined when shellcheck cannot read it. */
export function shellDialect(shell: readonly string[]): ShellScript['dialect'] | undefined {
  const program = (shell[0] ?? '/bin/sh').split(/[\\/]/).pop()?.toLowerCase() ?? 'sh'
  if (program === 'bash') return 'bash'
  if (program === 'dash') return 'dash'
  if (program === 'ksh' || program === 'mksh') return 'ksh'
  if (program === 'sh' || program === 'ash' || program === 'busybox') return 'sh'
  return undefined
}

/** Every RUN body shellcheck can read, with its header, ready to write to a file. */
export function shellScripts(model: DockerfileModel): ShellScript[] {
  const scripts: ShellScript[] = []
  for (const source of modelRunScripts(model)) {
    const script = toShellScript(source)
    if (script) scripts.push(script)
  }
  return scripts
}

export function toShellScript(source: RunScriptSource): ShellScript | undefined {
  const dialect = shellDialect(source.shell)
  if (!dialect) return undefined
  if (source.lines.every(line => line.trim() === '' || line.trim() === '\\')) return undefined
  // Only the names the body mentions: an unused declaration changes no finding, and a long
  // export line doubles shellcheck's time on a typical RUN.
  const mentioned = new Set<string>()
  for (const line of source.lines)
    for (const match of line.matchAll(MENTION)) mentioned.add(match[1] as string)
  const names = [...new Set(source.vars)].filter(name => mentioned.has(name) && SHELL_NAME.test(name)).sort()
  // As hadolint: every name in scope is set to a plain word, so SC2086/SC2154 stay quiet for it.
  const header = [`# shellcheck shell=${dialect}`]
  if (names.length > 0) header.push(`export ${names.map(name => `${name}=1`).join(' ')}`)
  // A heredoc script's shebang (its dialect is already the shell's, from the model) stays as a
  // blank line: below the header ShellCheck would call it misplaced (SC1128).
  const body = source.lines[0]?.startsWith('#!') ? ['', ...source.lines.slice(1)] : source.lines
  const text = [...header, ...body].join('\n') + '\n'
  return {
    text,
    dialect,
    headerLines: header.length,
    lineNumbers: source.lineNumbers,
    firstLine: source.lineNumbers[0] ?? 0,
    lastLine: source.lineNumbers.at(-1) ?? 0,
    stage: source.stage,
    bytes: Buffer.byteLength(text)
  }
}

const SHELL_PRAGMA = /^(?:hadolint|stagegate)\s+shell\s*=\s*(\S+)/i

/**
 * The model's RUN scripts (`runScripts`: layout, line maps, ENV/ARG scope per stage) with the
 * shell each is checked as: hadolint's `# hadolint shell=...` pragma overrides the SHELL for the
 * RUNs after it.
 */
export function modelRunScripts(model: DockerfileModel): RunScriptSource[] {
  const shellPragmas: { line: number; shell: string }[] = []
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text)
    if (match) shellPragmas.push({ line: comment.line, shell: match[1] as string })
  }
  return runScripts(model).map(run => {
    const pragma = shellPragmaBefore(shellPragmas, run.line)
    return {
      stage: run.stage,
      lines: run.lines,
      lineNumbers: run.lineMap,
      shell: pragma !== undefined ? [pragma] : run.shell,
      vars: run.shellVariables
    }
  })
}

function shellPragmaBefore(
  pragmas: readonly { line: number; shell: string }[],
  line: number
): string | undefined {
  let found: string | undefined
  for (const pragma of pragmas) {
    if (pragma.line >= line) break
    found = pragma.shell
  }
  return found
}

/** The path of an executable on PATH, or undefined. */
export function findOnPath(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

interface ShellcheckComment {
  file: string
  line: number
  endLine?: number
  column?: number
  endColumn?: number
  level: string
  code: number
  message: string
}

export interface ShellcheckOutcome {
  findings: Finding[]
  notices: string[]
}

export interface ShellcheckOptions {
  /** Defaults to `shellcheck` on PATH. */
  binary?: string
  limits?: Partial<ShellcheckLimits>
  /** @deprecated use limits.timeoutMs */
  timeoutMs?: number
  /**
   * false: send every body, also those ShellCheck has nothing to check (shellcheck-plain.ts);
   * the test that holds that module to ShellCheck uses it. Default true.
   */
  skipPlain?: boolean
}

/** One file in a batch: its name in the temp dir and every RUN (of any model) with that exact text. */
export interface PlannedScript {
  name: string
  script: ShellScript
  /** The RUNs this file stands for; identical bodies are checked once. */
  owners: { model: number; script: ShellScript }[]
}

export interface BatchPlan {
  batches: PlannedScript[][]
  /** Scripts over the per-body limits, per model. */
  skipped: { model: number; script: ShellScript; lines: number }[]
}

/**
 * Splits the scripts into shellcheck calls: each call within the argv, byte
 * and line budgets, and at least `parallel` calls when there is enough work
 * for the cores to share. Pure, so the E2BIG-sized cases are tested without
 * running anything.
 */
export function planBatches(
  scripts: readonly { model: number; script: ShellScript }[],
  limits: ShellcheckLimits
): BatchPlan {
  const skipped: BatchPlan['skipped'] = []
  const byText = new Map<string, PlannedScript>()
  for (const entry of scripts) {
    const lines = entry.script.lineNumbers.length
    if (lines > limits.maxBodyLines || entry.script.bytes > limits.maxBodyBytes) {
      skipped.push({ ...entry, lines })
      continue
    }
    const same = byText.get(entry.script.text)
    if (same) same.owners.push(entry)
    else byText.set(entry.script.text, { name: `${byText.size}.sh`, script: entry.script, owners: [entry] })
  }
  const accepted = [...byText.values()]
  const totalBytes = accepted.reduce((sum, entry) => sum + entry.script.bytes, 0)
  // Share the work between the cores once it is worth a second process (~a few dozen files).
  const share =
    accepted.length >= 32 ? Math.ceil(totalBytes / Math.max(1, limits.parallel)) : Number.POSITIVE_INFINITY
  const batches: PlannedScript[][] = []
  let current: PlannedScript[] = []
  let argv = 0
  let bytes = 0
  let lineCount = 0
  for (const entry of accepted) {
    const nameBytes = Buffer.byteLength(entry.name) + 1
    const lines = entry.script.lineNumbers.length + entry.script.headerLines
    if (
      current.length > 0 &&
      (argv + nameBytes > limits.maxArgvBytes ||
        bytes + entry.script.bytes > limits.maxBatchBytes ||
        lineCount + lines > limits.maxBatchLines ||
        bytes >= share)
    ) {
      batches.push(current)
      current = []
      argv = 0
      bytes = 0
      lineCount = 0
    }
    current.push(entry)
    argv += nameBytes
    bytes += entry.script.bytes
    lineCount += lines
  }
  if (current.length > 0) batches.push(current)
  return { batches, skipped }
}

/** Run shellcheck over every RUN of one model. */
export async function runShellcheck(
  model: DockerfileModel,
  options: ShellcheckOptions = {}
): Promise<ShellcheckOutcome> {
  const [outcome] = await runShellcheckBatch([model], options)
  return outcome ?? { findings: [], notices: [] }
}

/**
 * Run shellcheck over every RUN of every model in as few processes as the
 * limits allow; one outcome per model, in order.
 */
export async function runShellcheckBatch(
  models: readonly DockerfileModel[],
  options: ShellcheckOptions = {}
): Promise<ShellcheckOutcome[]> {
  const outcomes: ShellcheckOutcome[] = models.map(() => ({ findings: [], notices: [] }))
  const binary = options.binary ?? findOnPath('shellcheck')
  if (!binary) {
    for (const outcome of outcomes) outcome.notices.push(SHELLCHECK_MISSING_NOTICE)
    return outcomes
  }
  const limits: ShellcheckLimits = {
    ...DEFAULT_LIMITS,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...options.limits
  }
  // A body is judged on its lines as the model reads them, before it becomes a script file.
  const worthChecking = (source: RunScriptSource): boolean =>
    options.skipPlain === false || !hasNothingToCheck(source.lines)
  const scripts = models.flatMap((model, index) =>
    modelRunScripts(model).flatMap(source => {
      const script = worthChecking(source) ? toShellScript(source) : undefined
      return script ? [{ model: index, script }] : []
    })
  )
  const plan = planBatches(scripts, limits)
  for (const [index, skipped] of groupByModel(plan.skipped)) {
    const where = skipped.map(entry => entry.script.firstLine).join(', ')
    ;(outcomes[index] as ShellcheckOutcome).notices.push(
      `shellcheck skipped ${skipped.length === 1 ? 'the RUN' : `${skipped.length} RUNs`} at line ${where}: ` +
        `more than ${limits.maxBodyLines} lines or ${Math.round(limits.maxBodyBytes / 1024)} KiB of script, too big to check`
    )
  }
  if (plan.batches.length === 0) return outcomes

  const dir = mkdtempSync(join(tmpdir(), 'stagegate-sc-')) // 0700: only this user reads the scripts
  try {
    for (const batch of plan.batches)
      for (const entry of batch) writeFileSync(join(dir, entry.name), entry.script.text, { mode: 0o600 })
    const results = await mapParallel(plan.batches, limits.parallel, batch =>
      execShellcheck(binary, dir, batch, limits.timeoutMs)
    )
    plan.batches.forEach((batch, batchIndex) => {
      const result = results[batchIndex] as ShellcheckRun
      if ('error' in result) {
        for (const index of new Set(batch.flatMap(entry => entry.owners.map(owner => owner.model)))) {
          const notice = `shellcheck failed: ${result.error}: SC checks skipped`
          const notices = (outcomes[index] as ShellcheckOutcome).notices
          if (!notices.includes(notice)) notices.push(notice)
        }
        return
      }
      const byName = new Map(batch.map(entry => [entry.name, entry]))
      for (const comment of result.comments) {
        for (const owner of byName.get(comment.file)?.owners ?? []) {
          const finding = toFinding(comment, owner.script)
          if (finding) (outcomes[owner.model] as ShellcheckOutcome).findings.push(finding)
        }
      }
    })
    return outcomes
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A shellcheck comment as a Finding on the Dockerfile: line, column and end mapped back. */
export function toFinding(comment: ShellcheckComment, script: ShellScript): Finding | undefined {
  const bodyIndex = comment.line - 1 - script.headerLines
  const clamp = (index: number): number =>
    script.lineNumbers[Math.min(script.lineNumbers.length - 1, Math.max(0, index))] as number
  if (script.lineNumbers.length === 0) return undefined
  const line = clamp(bodyIndex)
  const finding: Finding = {
    ruleId: `SC${comment.code}`,
    severity: SEVERITY[comment.level] ?? 'warning',
    message: comment.message,
    line
  }
  if (bodyIndex >= 0 && comment.column !== undefined && comment.column > 0) finding.column = comment.column
  if (comment.endLine !== undefined) {
    const endIndex = comment.endLine - 1 - script.headerLines
    const endLine = clamp(endIndex)
    if (endIndex < script.lineNumbers.length && endLine > line) finding.endLine = endLine
  }
  return finding
}

function groupByModel<T extends { model: number }>(entries: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const entry of entries) {
    const list = groups.get(entry.model)
    if (list) list.push(entry)
    else groups.set(entry.model, [entry])
  }
  return groups
}

async function mapParallel<T, R>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker))
  return results
}

type ShellcheckRun = { comments: ShellcheckComment[] } | { error: string }

/** Room for shellcheck's JSON about the scripts of one batch (bounded by the batch budgets). */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024

function execShellcheck(
  binary: string,
  dir: string,
  batch: readonly PlannedScript[],
  timeoutMs: number
): Promise<ShellcheckRun> {
  const args = [
    '--format=json1',
    '--norc',
    `--exclude=${EXCLUDED_CODES.map(c => c.slice(2)).join(',')}`,
    ...batch.map(entry => entry.name)
  ]
  return new Promise(resolve => {
    execFile(
      binary,
      args,
      {
        cwd: dir, // names are short and relative: the argv stays small
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        // A small, fixed environment: UTF-8 scripts read as UTF-8, and no inherited
        // environment adds to the argv's share of ARG_MAX.
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }
      },
      (error, stdout, stderr) => {
        // Exit 1 means "found something"; anything else is a failure.
        const code: unknown = error ? (error as { code?: unknown }).code : 0
        if (error && code !== 1) {
          const reason = (error as { killed?: boolean }).killed
            ? `timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
            : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
              ? 'too much output'
              : (stderr.split('\n')[0] ?? '') || error.message.split('\n')[0] || 'unknown error'
          resolve({ error: reason })
          return
        }
        try {
          const parsed = JSON.parse(stdout) as { comments?: ShellcheckComment[] }
          resolve({ comments: parsed.comments ?? [] })
        } catch {
          resolve({ error: 'unreadable output' })
        }
      }
    )
  })
}
