// The one reader of RUN bodies every rule and shellcheck use: what a RUN (or
// an `ONBUILD RUN` trigger) makes the shell run, as a script and as parsed
// commands. Shell form: the argument text; `RUN <<EOF` / `RUN bash <<EOF`:
// the heredoc bodies (a heredoc fed to another command is data); exec form:
// `["sh", "-c", "..."]` is the `-c` script, any other argv one command.
// Under a SHELL that is not POSIX (PowerShell, cmd) a shell-form body is not
// parsed, so shell rules cannot misfire on it. Computed once per model and
// kept with it (a WeakMap keyed by the model: nothing to clear).
import type { DockerfileModel, Flag, Instruction, Stage } from './model.js'
import { parseMountOptions, splitFlags } from './parse.js'
import { setsShell, sourceLines } from './query.js'
import { commandName, effectiveArgv, parseShell, shellCommand, type ShellCommand } from './shell.js'
import { splitKeyValue } from './words.js'

export interface RunBody {
  /** The RUN, or the ONBUILD whose trigger is a RUN. */
  instruction: Instruction
  /** Stage index, -1 before the first FROM. */
  stage: number
  /** The RUN's flags (`--mount=...`), also for an ONBUILD RUN trigger. */
  flags: Flag[]
  form: 'shell' | 'exec' | 'heredoc'
  /** The script as the shell reads it; an exec form that is no shell: its argv quoted and joined. */
  script: string
  /** Dockerfile line of each line of `script` (1-based; shell form is one joined line). */
  lineMap: number[]
  commands: ShellCommand[]
  /** True for `ONBUILD RUN ...`: it runs in a downstream build. */
  onbuild: boolean
  /** The SHELL in effect for the body (for exec form, the argv's own shell when it has one). */
  shell: readonly string[]
  /** False when the body runs under a non-POSIX shell: `commands` is empty then. */
  posix: boolean
  /** Commands by name (through wrappers), filled on first use by `commandsNamed`. */
  byName: Map<string, ShellCommand[]> | undefined
}

export interface RunScript {
  /** Line of the RUN instruction. */
  line: number
  stage: number
  /** Script lines, laid out so a column in them is the column in the Dockerfile line. */
  lines: string[]
  /** 1-based Dockerfile line of each script line (same length as `lines`). */
  lineMap: number[]
  /** The ENV and ARG names in scope when the RUN runs (ENV through `FROM <stage>`, ARG of the stage). */
  shellVariables: string[]
  /** The SHELL in effect (not filtered: a caller may override it, e.g. by a shell pragma). */
  shell: readonly string[]
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'])
const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c']

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).replace(/\.exe$/i, '')
}

/** A SHELL that is not POSIX (PowerShell, cmd), by its program's basename. */
export function isNonPosixShell(shell: readonly string[]): boolean {
  return /^(pwsh|powershell|cmd)$/i.test(basename(shell[0] ?? ''))
}

/** Quote a word so a shell reads it back as the same single word. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

interface ModelRuns {
  all: RunBody[]
  byInstruction: Map<Instruction, RunBody>
  byStage: Map<number, RunBody[]>
  parsed: Map<string, ShellCommand[]>
}

const runsByModel = new WeakMap<DockerfileModel, ModelRuns>()

function modelRuns(model: DockerfileModel): ModelRuns {
  let runs = runsByModel.get(model)
  if (!runs) {
    runs = collect(model)
    runsByModel.set(model, runs)
  }
  return runs
}

/** Every RUN body of the file in order (before the first FROM too), ONBUILD RUN triggers included. */
export function runBodies(model: DockerfileModel): readonly RunBody[] {
  return modelRuns(model).all
}

/** The RUN bodies of one stage (-1: before the first FROM), in order. */
export function stageRunBodies(model: DockerfileModel, stage: Stage | number): readonly RunBody[] {
  return modelRuns(model).byStage.get(typeof stage === 'number' ? stage : stage.index) ?? []
}

/** The body of a RUN or `ONBUILD RUN`; undefined for any other instruction. */
export function runBodyOf(model: DockerfileModel, instruction: Instruction): RunBody | undefined {
  return modelRuns(model).byInstruction.get(instruction)
}

/** The shell commands of a RUN or `ONBUILD RUN` (none for other instructions or a non-POSIX SHELL). */
export function runCommandsOf(model: DockerfileModel, instruction: Instruction): ShellCommand[] {
  return runBodyOf(model, instruction)?.commands ?? []
}

/** Commands run by `names` (basename, through sudo/env wrappers). */
export function commandsNamed(run: RunBody, ...names: string[]): ShellCommand[] {
  if (!run.byName) {
    run.byName = new Map()
    for (const command of run.commands) {
      const name = commandName(command)
      const list = run.byName.get(name)
      if (list) list.push(command)
      else run.byName.set(name, [command])
    }
  }
  if (names.length === 1) return run.byName.get(names[0] as string) ?? []
  return run.commands.filter(command => names.includes(commandName(command)))
}

/**
 * The RUN scripts of the stages a shell linter can check, one script line per Dockerfile line
 * (columns kept), with the ENV/ARG names in scope: shell-form RUN, `RUN <<EOF` heredoc scripts
 * and shell-form `ONBUILD RUN` (it runs in the child's build). Exec form is not a script here.
 */
export function runScripts(model: DockerfileModel): RunScript[] {
  const lines = sourceLines(model)
  const escape = model.directives.find(d => d.name === 'escape')?.value === '`' ? '`' : '\\'
  const scripts: RunScript[] = []
  for (const run of runBodies(model)) {
    const instruction = run.instruction
    if (run.stage < 0) continue
    if (run.onbuild ? !isOnbuildShellRun(instruction) : instruction.jsonForm) continue
    const body = scriptLines(instruction, lines, escape, run.onbuild ? 2 : 1)
    if (!body) continue
    scripts.push({
      line: instruction.line,
      stage: run.stage,
      lines: body.lines,
      lineMap: body.lines.map((_line, index) => body.firstLine + index),
      shellVariables: variablesInScope(model, instruction),
      shell: run.shell
    })
  }
  return scripts
}

function isOnbuildShellRun(instruction: Instruction): boolean {
  const [trigger, next] = instruction.argv
  return (
    trigger?.toUpperCase() === 'RUN' && next !== undefined && !next.startsWith('[') && !next.startsWith('<<')
  )
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

/**
 * The names in scope at `instruction`, as Docker scopes them: the ENV names of the stage's
 * `FROM <stage>` chain (ENV is inherited, ARG is not), the stage's own ENV and ARG names before
 * `instruction`, and Docker's predefined proxy ARGs. A global ARG counts only where the stage
 * redeclares it; before the first FROM, the global ARGs before `instruction`.
 */
export function variablesInScope(model: DockerfileModel, instruction: Instruction): string[] {
  const stage = model.stages[instruction.stage]
  const names = new Set<string>()
  if (!stage) {
    for (const arg of model.globalArgs) if (arg.line < instruction.line) names.add(arg.name)
    return [...names]
  }
  const chain: Stage[] = []
  for (let current: Stage | undefined = stage; current && !chain.includes(current);) {
    chain.unshift(current)
    current = current.baseStage !== undefined ? model.stages[current.baseStage] : undefined
  }
  for (const name of PREDEFINED_ARGS) names.add(name)
  for (const current of chain) {
    for (const other of current.instructions) {
      if (current === stage && other.line >= instruction.line) break
      const isEnv = other.keyword === 'ENV'
      // ARG is scoped to its stage: `FROM build` inherits ENV, not ARG.
      if (!isEnv && !(other.keyword === 'ARG' && current === stage)) continue
      if (isEnv && other.argv.length > 1 && !(other.argv[0] as string).includes('=')) {
        names.add(other.argv[0] as string)
        continue
      }
      for (const word of other.argv) {
        const key = splitKeyValue(word).key
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) names.add(key)
      }
    }
  }
  return [...names]
}

function collect(model: DockerfileModel): ModelRuns {
  const runs: ModelRuns = { all: [], byInstruction: new Map(), byStage: new Map(), parsed: new Map() }
  const parse = (script: string): ShellCommand[] => {
    let commands = runs.parsed.get(script)
    if (!commands) {
      commands = parseShell(script)
      runs.parsed.set(script, commands)
    }
    return commands
  }
  const add = (body: RunBody): void => {
    runs.all.push(body)
    runs.byInstruction.set(body.instruction, body)
    const list = runs.byStage.get(body.stage)
    if (list) list.push(body)
    else runs.byStage.set(body.stage, [body])
  }
  for (const instruction of model.preamble) {
    const body = readRun(instruction, DEFAULT_SHELL, parse)
    if (body) add(body)
  }
  for (const stage of model.stages) {
    const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
    let shell: readonly string[] = base ? base.shell : DEFAULT_SHELL
    for (const instruction of stage.instructions) {
      if (setsShell(instruction)) {
        shell = instruction.argv
        continue
      }
      const body = readRun(instruction, shell, parse)
      if (body) add(body)
    }
  }
  return runs
}

function readRun(
  instruction: Instruction,
  shell: readonly string[],
  parse: (script: string) => ShellCommand[]
): RunBody | undefined {
  if (instruction.keyword === 'RUN') return readBody(instruction, instruction, false, shell, parse)
  if (instruction.keyword !== 'ONBUILD') return undefined
  const match = /^RUN(\s+|$)/i.exec(instruction.args)
  if (!match) return undefined
  const { flags, rest } = splitFlags(instruction.args.slice(match[0].length))
  const argv = execFormArgv(rest)
  const trigger: Instruction = {
    ...instruction,
    keyword: 'RUN',
    args: rest,
    argv: argv ?? [],
    jsonForm: argv !== undefined,
    flags
  }
  return readBody(instruction, trigger, true, shell, parse)
}

function readBody(
  instruction: Instruction,
  run: Instruction,
  onbuild: boolean,
  shell: readonly string[],
  parse: (script: string) => ShellCommand[]
): RunBody {
  // Every body is made by `body` below with the same fields in the same order: one object shape
  // for all of them keeps the rules' property reads monomorphic (spreading a shared base object
  // was a twentieth of lint time).
  const body = (
    form: RunBody['form'],
    script: string,
    lineMap: number[],
    commands: ShellCommand[],
    bodyShell: readonly string[],
    posix: boolean
  ): RunBody => ({
    instruction,
    stage: instruction.stage,
    flags: run.flags,
    onbuild,
    form,
    script,
    lineMap,
    commands,
    shell: bodyShell,
    posix,
    byName: undefined
  })
  if (run.jsonForm) {
    const argv = run.argv
    const dashC = argv.indexOf('-c')
    if (POSIX_SHELLS.has(basename(argv[0] ?? '')) && dashC > 0 && argv[dashC + 1] !== undefined) {
      const script = argv[dashC + 1] as string
      return body(
        'exec',
        script,
        script.split('\n').map(() => instruction.line),
        parse(script),
        argv.slice(0, dashC + 1),
        true
      )
    }
    const script = argv.map(shellQuote).join(' ')
    const commands = argv.length > 0 ? [shellCommand([...argv], [], argv.join(' '))] : []
    return body('exec', script, [instruction.line], commands, argv, !isNonPosixShell(argv))
  }
  if (isNonPosixShell(shell)) return body('shell', run.args, [instruction.line], [], shell, false)
  const commands = parse(run.args)
  if (run.heredocs.length > 0) {
    // `RUN <<EOF` or `RUN bash <<EOF`: the heredoc body is the script. A heredoc fed to another
    // command (`RUN cat <<EOF > f`, `RUN python3 <<EOF`) is data.
    const only = commands.length === 1 ? (commands[0] as ShellCommand) : undefined
    const bodyIsScript =
      commands.length === 0 ||
      (only !== undefined && POSIX_SHELLS.has(commandName(only)) && effectiveArgv(only).length === 1)
    if (bodyIsScript) {
      const script = run.heredocs.map(heredoc => heredoc.body).join('\n')
      const lineMap: number[] = []
      for (const heredoc of run.heredocs) {
        const count = heredoc.body === '' ? 0 : heredoc.body.split('\n').length - 1
        for (let i = 0; i < count; i++) lineMap.push(heredoc.line + 1 + i)
        lineMap.push(heredoc.endLine)
      }
      // BuildKit runs a heredoc that starts with `#!` as a script file: its interpreter, not the
      // SHELL. A shell's script is read as that shell; any other program's (python) is no shell.
      const interpreter = shebangArgv(script)
      if (interpreter) {
        const posix = POSIX_SHELLS.has(basename(interpreter[0] as string))
        return body('heredoc', script, lineMap, posix ? parse(script) : [], interpreter, posix)
      }
      return body('heredoc', script, lineMap, parse(script), shell, true)
    }
  }
  return body('shell', run.args, [instruction.line], commands, shell, true)
}

/** `#!/usr/bin/env bash -e` → `['bash', '-e']`, `#!/bin/sh` → `['/bin/sh']`; undefined without a shebang. */
export function shebangArgv(script: string): string[] | undefined {
  if (!script.startsWith('#!')) return undefined
  const end = script.indexOf('\n')
  const words = script
    .slice(2, end < 0 ? script.length : end)
    .trim()
    .split(/\s+/)
    .filter(word => word !== '')
  if (words.length > 1 && basename(words[0] as string) === 'env') words.shift()
  if (words[0] === '-S') words.shift()
  return words.length > 0 ? words : undefined
}

/** The argv of an exec-form text (`["a", "b"]`); undefined when it is not a JSON array of strings. */
export function execFormArgv(text: string): string[] | undefined {
  if (!text.trim().startsWith('[')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) && parsed.every(item => typeof item === 'string') ? parsed : undefined
  } catch {
    // Not JSON: Docker runs it through the shell as written.
    return undefined
  }
}

export interface Mount {
  type: string
  /** Target as written, trailing slashes removed ('' when none). */
  target: string
  options: Map<string, string>
}

/** The RUN's `--mount`s (type defaults to bind, as in BuildKit). */
export function mountsOf(flags: readonly Flag[]): Mount[] {
  const mounts: Mount[] = []
  for (const flag of flags) {
    if (flag.name !== 'mount' || flag.value === undefined) continue
    const options = parseMountOptions(flag.value)
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? ''
    mounts.push({ type: options.get('type') ?? 'bind', target: target.replace(/(.)\/+$/, '$1'), options })
  }
  return mounts
}

/**
 * True when the RUN mounts a cache or a tmpfs on one of `dirs` or on a parent of it (`/var/lib/apt`
 * covers `/var/lib/apt/lists`), so what is written there never lands in the layer.
 */
export function hasCacheMount(flags: readonly Flag[], ...dirs: string[]): boolean {
  return mountsOf(flags).some(
    mount =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      mount.target !== '' &&
      dirs.some(written => {
        const dir = written.replace(/(.)\/+$/, '$1')
        return dir === mount.target || mount.target === '/' || dir.startsWith(mount.target + '/')
      })
  )
}
