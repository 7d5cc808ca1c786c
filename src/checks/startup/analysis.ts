// "What the command reaches": the process the runtime starts for this image
// (ENTRYPOINT + CMD from the image config, as the runtime combines them),
// and every executable on the way to running code: the command itself, a
// script's `#!` interpreter, the program `env` is asked to find, and for
// `sh -c "simple command"` the command inside. Each step records how it was
// found (lookup.ts) and what it is (script, ELF, neither); the startup
// checks and SG2012's reach filter read this one walk, computed once per
// check run.
import type { Instruction } from '../../dockerfile/model.js'
import { stageRefOf } from '../../dockerfile/query.js'
import { joinPath, normalisePath } from '../../image/paths.js'
import type { ImageIndex } from '../../image/types.js'
import { stageChain } from '../attribution.js'
import { basenameOf, capturedContent } from '../capture.js'
import type { CheckContext } from '../check.js'
import { isElf, parseElf, type ElfInfo } from '../elf.js'
import { lastInstruction } from '../image-files.js'
import { imageIdentity, permits, type Identity } from './identity.js'
import { findExecutable, lookupPath, workingDir, type Lookup } from './lookup.js'

/** The Dockerfile instruction that set the command (ENTRYPOINT when the config has one, else CMD). */
export interface CommandOrigin {
  keyword: 'ENTRYPOINT' | 'CMD'
  line?: number
  endLine?: number
  stage?: number
  /** The instruction's form; undefined when the Dockerfile does not set it (inherited from the base image). */
  jsonForm?: boolean
  /** True when no instruction of the final stage chain sets it: it comes with the base image. */
  inherited: boolean
}

export interface Shebang {
  /** The interpreter path exactly as the kernel reads it (a trailing `\r` kept). */
  interpreter: string
  /** The single optional argument (Linux passes the rest of the line as one). */
  arg?: string
  /** The line ends in `\r\n`: the `\r` becomes part of the interpreter or its argument. */
  crlf: boolean
}

export type StepRole = 'command' | 'shell-command' | 'interpreter' | 'env-target'

export interface Step {
  role: StepRole
  lookup: Lookup
  /** The file that named this step (the script for an interpreter, the shell for its command). */
  via?: string
  /** What the file is, when its leading bytes were read. */
  kind?: 'script' | 'elf' | 'other'
  shebang?: Shebang
  elf?: ElfInfo
  /** A script the user cannot read: the interpreter cannot open it. */
  unreadableScript?: boolean
}

export interface StartupAnalysis {
  /** What the runtime executes: Entrypoint followed by Cmd (Cmd alone without an Entrypoint). */
  argv: string[]
  origin?: CommandOrigin
  identity: Identity
  steps: Step[]
}

/** Linux follows at most this many nested interpreters (binfmt_script recursion). */
const MAX_INTERPRETER_DEPTH = 4
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh'])
/** Shell builtins: a "command" named like one never needs a file. */
const BUILTINS = new Set(
  '. : [ alias bg break cd command continue echo eval exec exit export false fg getopts hash jobs kill printf pwd read readonly return set shift test times trap true type ulimit umask unalias unset wait'.split(
    ' '
  )
)
/** A `sh -c` string plain enough to name its program without running a shell: words, no quoting or expansion. */
const SIMPLE_COMMAND = /^[\w./:=@%+,-]+(?:[ \t]+[\w./:=@%+,-]+)*$/

export function commandArgv(index: ImageIndex): string[] {
  const entrypoint = index.config.Entrypoint ?? []
  const cmd = index.config.Cmd ?? []
  return entrypoint.length > 0 ? [...entrypoint, ...cmd] : [...cmd]
}

function commandOrigin(context: CheckContext): CommandOrigin {
  const keyword = (context.index.config.Entrypoint ?? []).length > 0 ? 'ENTRYPOINT' : 'CMD'
  const model = context.model
  if (!model) return { keyword, inherited: false }
  const found = lastInstruction(model, keyword)
  if (found) return fromInstruction(keyword, found.instruction, found.stage.index)
  const chain = stageChain(model)
  const root = chain[chain.length - 1]
  return root
    ? { keyword, line: root.line, stage: stageRefOf(root).index, inherited: true }
    : { keyword, inherited: true }
}

function fromInstruction(
  keyword: CommandOrigin['keyword'],
  instruction: Instruction,
  stage: number
): CommandOrigin {
  return {
    keyword,
    line: instruction.line,
    endLine: instruction.endLine,
    stage,
    jsonForm: instruction.jsonForm,
    inherited: false
  }
}

/** The `#!` line as binfmt_script reads it: up to the newline, trailing blanks dropped, then interpreter and one argument. */
export function parseShebang(content: Buffer): Shebang | undefined {
  if (content.length < 2 || content[0] !== 0x23 || content[1] !== 0x21) return undefined
  const newline = content.indexOf(0x0a)
  let line = content.toString(
    'latin1',
    2,
    newline < 0 ? Math.min(content.length, 256) : Math.min(newline, 256)
  )
  line = line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, '')
  const crlf = line.endsWith('\r')
  const split = line.search(/[ \t]/)
  if (split < 0) return { interpreter: line, crlf }
  const arg = line.slice(split).replace(/^[ \t]+/, '')
  return { interpreter: line.slice(0, split), ...(arg !== '' ? { arg } : {}), crlf }
}

/** The program `#!/usr/bin/env ARG` runs: ARG itself, or with `-S`, its first word that is not an option or assignment. */
export function envTarget(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined
  if (!arg.startsWith('-S')) return arg
  const words = arg
    .slice(2)
    .trim()
    .split(/[ \t]+/)
  return words.find(word => word !== '' && !word.startsWith('-') && !/^\w+=/.test(word))
}

/** The program a plain `sh -c` string runs first, or undefined when it takes a shell to know. */
export function shellCommandName(script: string): string | undefined {
  const text = script.trim()
  if (!SIMPLE_COMMAND.test(text)) return undefined
  const words = text.split(/[ \t]+/)
  let i = 0
  while (i < words.length && (words[i] === 'exec' || /^[A-Za-z_]\w*=/.test(words[i] as string))) i++
  const name = words[i]
  return name === undefined || BUILTINS.has(name) ? undefined : name
}

function walk(index: ImageIndex, who: Identity, steps: Step[], step: Step, depth: number): void {
  steps.push(step)
  const file = step.lookup.file
  if (step.lookup.status !== 'ok' || !file) return
  const content = capturedContent(index, file)
  if (!content) return // not read (capture budget): nothing more is known, nothing is guessed
  const shebang = parseShebang(content)
  if (shebang) {
    step.kind = 'script'
    step.shebang = shebang
    if (!permits(file, who, 'read')) step.unreadableScript = true
    if (depth >= MAX_INTERPRETER_DEPTH || shebang.interpreter === '') return
    const name = shebang.interpreter
    const path = name.startsWith('/')
      ? normalisePath(name).path
      : normalisePath(joinPath(workingDir(index), name)).path
    const interpreter: Step = {
      role: 'interpreter',
      lookup: lookupPath(index, name, path, who),
      via: file.path
    }
    walk(index, who, steps, interpreter, depth + 1)
    if (interpreter.lookup.status === 'ok' && basenameOf(name) === 'env') {
      const target = envTarget(shebang.arg)
      if (target !== undefined)
        walk(
          index,
          who,
          steps,
          { role: 'env-target', lookup: findExecutable(index, target, who), via: file.path },
          depth + 1
        )
    }
    return
  }
  if (isElf(content)) {
    step.kind = 'elf'
    const elf = parseElf(content)
    if (elf) step.elf = elf
    return
  }
  step.kind = 'other'
}

export function analyseStartup(context: CheckContext): StartupAnalysis {
  const { index } = context
  const argv = commandArgv(index)
  const identity = imageIdentity(index)
  const analysis: StartupAnalysis = { argv, identity, steps: [], origin: commandOrigin(context) }
  const name = argv[0]
  if (name === undefined || name === '') return analysis
  const command: Step = { role: 'command', lookup: findExecutable(index, name, identity) }
  walk(index, identity, analysis.steps, command, 0)
  if (
    command.lookup.status === 'ok' &&
    SHELLS.has(basenameOf(name)) &&
    argv[1] === '-c' &&
    argv[2] !== undefined
  ) {
    const inner = shellCommandName(argv[2])
    if (inner !== undefined)
      walk(
        index,
        identity,
        analysis.steps,
        {
          role: 'shell-command',
          lookup: findExecutable(index, inner, identity),
          via: command.lookup.file?.path
        },
        0
      )
  }
  return analysis
}

const cache = new WeakMap<CheckContext, StartupAnalysis>()

/** One walk per check run: every startup check (and the verdict) reads the same analysis. */
export function startupAnalysis(context: CheckContext): StartupAnalysis {
  let analysis = cache.get(context)
  if (!analysis) {
    analysis = analyseStartup(context)
    cache.set(context, analysis)
  }
  return analysis
}

/** `ENTRYPOINT (line 9)`, `CMD (inherited from the base image)`, or just the keyword without a Dockerfile. */
export function describeOrigin(origin: CommandOrigin | undefined): string {
  if (!origin) return 'the command'
  if (origin.inherited) return `${origin.keyword} (inherited from the base image)`
  return origin.line === undefined ? origin.keyword : `${origin.keyword} (line ${origin.line})`
}

export function showArgv(argv: readonly string[]): string {
  const text = JSON.stringify(argv)
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}
