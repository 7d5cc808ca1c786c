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
import type { DockerfileModel, Instruction } from '../dockerfile/model.js'
import { sourceLines } from '../dockerfile/query.js'
import { splitKeyValue } from '../dockerfile/words.js'
import type { Finding, Severity } from '../finding.js'

export const SHELLCHECK_MISSING_NOTICE =
  'shellcheck not found on PATH: SC checks skipped (install it, e.g. `apt-get install shellcheck`)'
/** Codes that make no sense for a RUN body (sourced files that are not there, ash). */
const EXCLUDED_CODES = ['SC1090', 'SC1091', 'SC2187']
const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'note', style: 'note' }
/** Docker's predefined proxy ARGs, usable in RUN without an ARG line (hadolint declares them too). */
const PREDEFINED_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy'
]
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

export const DEFAULT_LIMITS: ShellcheckLimits = {
  maxBodyLines: 2_000,
  maxBodyBytes: 64 * 1024,
  maxBatchLines: 40_000,
  maxBatchBytes: 2 * 1024 * 1024,
  maxArgvBytes: 96 * 1024,
  timeoutMs: 120_000,
  parallel: Math.max(1, Math.min(4, availableParallelism()))
}

/**
 * A RUN script as the model reads it: its lines, the Dockerfile line of each,
 * the SHELL in effect and the ENV/ARG names in scope. `modelRunScripts` is
 * the adapter over today's model; the model layer's own list of RUN scripts
 * can replace it without touching anything below it.
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
  const text = [...header, ...source.lines].join('\n') + '\n'
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
 * The adapter over today's model: RUN scripts with their line maps, SHELL and
 * the ENV/ARG names in scope. Scope is per stage, as Docker has it: a stage
 * built `FROM` an earlier stage inherits that stage's ENV names (not its
 * ARGs); a global ARG (before the first FROM) is in scope only where a stage
 * redeclares it; an ENV or ARG counts from its own line on.
 */
export function modelRunScripts(model: DockerfileModel): RunScriptSource[] {
  const lines = sourceLines(model)
  const escape = model.directives.find(d => d.name === 'escape')?.value === '`' ? '`' : '\\'
  const shellPragmas: { line: number; shell: string }[] = []
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text)
    if (match) shellPragmas.push({ line: comment.line, shell: match[1] as string })
  }
  const stageEnv: Set<string>[] = []
  const out: RunScriptSource[] = []
  for (const stage of model.stages) {
    // SHELL applies to the RUNs after it; a stage starts with its base stage's final shell and ENV.
    const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
    let shell: readonly string[] = base ? base.shell : ['/bin/sh', '-c']
    const env = new Set<string>(stage.baseStage !== undefined ? (stageEnv[stage.baseStage] ?? []) : [])
    const args = new Set<string>(PREDEFINED_ARGS)
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
        for (const name of declaredNames(instruction)) (instruction.keyword === 'ENV' ? env : args).add(name)
        continue
      }
      if (instruction.keyword === 'SHELL' && instruction.jsonForm && instruction.argv.length > 0)
        shell = instruction.argv
      // `ONBUILD RUN ...` (shell form) is checked too, as hadolint does: it runs in the child's build.
      const onbuild = instruction.keyword === 'ONBUILD' && isOnbuildShellRun(instruction)
      if (!onbuild && (instruction.keyword !== 'RUN' || instruction.jsonForm)) continue
      // hadolint's `# hadolint shell=...` pragma overrides the shell for the RUNs after it.
      const pragma = shellPragmaBefore(shellPragmas, instruction.line)
      const body = scriptLines(instruction, lines, escape, onbuild ? 2 : 1)
      if (!body) continue
      out.push({
        stage: stage.index,
        lines: body.lines,
        lineNumbers: body.lines.map((_line, index) => body.firstLine + index),
        shell: pragma !== undefined ? [pragma] : shell,
        vars: [...env, ...args]
      })
    }
    stageEnv[stage.index] = env
  }
  return out
}

function isOnbuildShellRun(instruction: Instruction): boolean {
  const [trigger, next] = instruction.argv
  return (
    trigger?.toUpperCase() === 'RUN' && next !== undefined && !next.startsWith('[') && !next.startsWith('<<')
  )
}

/** Names an ARG or ENV declares: `ARG A B=1`, `ENV A=1 B=2`, legacy `ENV A some value`. */
function declaredNames(instruction: Instruction): string[] {
  const argv = instruction.argv
  if (instruction.keyword === 'ENV' && argv.length > 1 && !argv[0]?.includes('=')) return [argv[0] as string]
  return argv.map(word => splitKeyValue(word).key).filter(key => SHELL_NAME.test(key))
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

/**
 * The body as the shell sees it, one script line per Dockerfile line: the
 * keyword and flags blanked to spaces (columns stay), comment and blank lines
 * inside a continuation kept as a bare `\` (Docker drops them), and a
 * continuation escape followed by trailing blanks cut to the escape (Docker
 * joins such a line, so the shell never sees the blanks: no SC1101).
 */
function scriptLines(
  instruction: Instruction,
  lines: readonly string[],
  escape: string,
  keywords = 1
): { firstLine: number; lines: string[] } | undefined {
  const first = instruction.argv[0] ?? ''
  if (keywords === 1 && instruction.heredocs.length > 0 && first.startsWith('<<')) {
    const heredoc = instruction.heredocs[0]
    if (!heredoc) return undefined
    const start = heredoc.line + 1
    const end = Math.max(start - 1, heredoc.endLine - 1)
    return { firstLine: start, lines: lines.slice(start - 1, end) }
  }
  const raw = lines.slice(instruction.line - 1, instruction.endLine)
  const out: string[] = []
  let inFlags = true
  const continuation = escape === '`' ? /`[ \t]*$/ : /\\[ \t]+$/
  raw.forEach((line, index) => {
    let text = line
    const heredocLine = inHeredocBody(instruction, instruction.line + index)
    const trimmed = text.trim()
    if (index > 0 && (trimmed === '' || trimmed.startsWith('#')) && !heredocLine) {
      out.push('\\') // a dropped continuation line: keep the line count and the continuation
      return
    }
    // The keyword (`RUN`, or `ONBUILD RUN`) becomes blanks, so columns stay the Dockerfile's.
    if (index === 0)
      text = text.replace(keywords === 2 ? /^\s*\S+\s+\S+/ : /^\s*\S+/, keyword => ' '.repeat(keyword.length))
    if (inFlags) {
      const flags = /^(\s*)((?:--\S+\s*)*)/.exec(text)
      const consumed = flags ? (flags[2] as string) : ''
      text = text.replace(/^(\s*)((?:--\S+\s*)*)/, (_m, space: string) => space + ' '.repeat(consumed.length))
      const rest = text.trim()
      if (rest !== '' && rest !== escape) inFlags = false
    }
    if (!heredocLine && continuation.test(text)) text = text.replace(continuation, '\\')
    out.push(text)
  })
  return { firstLine: instruction.line, lines: out }
}

function inHeredocBody(instruction: Instruction, line: number): boolean {
  return instruction.heredocs.some(heredoc => line > heredoc.line && line <= heredoc.endLine)
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
  const scripts = models.flatMap((model, index) =>
    shellScripts(model).map(script => ({ model: index, script }))
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
