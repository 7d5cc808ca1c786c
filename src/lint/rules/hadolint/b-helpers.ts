// Shared plumbing for the hadolint rules of part B: walking RUN bodies
// (shell form, exec form, heredoc scripts and ONBUILD RUN triggers) as
// parsed shell commands, turning an instruction into a hit, and the few
// package-manager questions several rules ask (is this `dnf install`? is
// there a cache mount for /var/cache/dnf?).
import type { DockerfileModel, Instruction, Stage } from '../../../dockerfile/model.js'
import { parseShellCached } from '../../../dockerfile/query.js'
import type { LintRule, RuleHit } from '../../rule.js'
import { commandName, effectiveArgv, positionalArgs, type ShellCommand } from '../../shell.js'
import {
  baseChain,
  dockerfileRule,
  execFormArgv,
  finalImageStages,
  hitAt,
  hitsPerRun,
  mountTargets,
  onbuildRunParts,
  stagesIn,
  type StageScope
} from './common.js'

export { finalImageStages, hitAt }
export { stageAtLine } from '../../../dockerfile/query.js'

/**
 * hadolint's "ignore" severity: the rule exists but is off unless the user
 * turns it on (a `severity:` override in config). The engine reads this flag.
 */
export interface PartBRule extends LintRule {
  offByDefault?: boolean
}

/** A RUN whose body is known: the instruction it belongs to and its commands. */
export interface RunBody {
  instruction: Instruction
  /** Flags of the RUN (`--mount=...`), also for an ONBUILD RUN trigger. */
  flags: Instruction['flags']
  /** The script as a shell would read it. */
  script: string
  commands: ShellCommand[]
  /** True for `ONBUILD RUN ...`: runs in a downstream build. */
  onbuild: boolean
  /** Commands by name (through wrappers), filled on first use. */
  byName?: Map<string, ShellCommand[]>
}

/** Quote a word so a shell reads it back as the same single word. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * The script a RUN runs: the exec form's argv as one command line; a heredoc
 * body when the RUN is `RUN <<EOF` (the body is the script); otherwise the
 * argument text. A heredoc fed to a command (`RUN cat <<EOF > f`) is data,
 * not script, and stays out.
 */
export function runScript(instruction: Pick<Instruction, 'argv' | 'args' | 'jsonForm' | 'heredocs'>): string {
  if (instruction.jsonForm) return instruction.argv.map(shellQuote).join(' ')
  const first = instruction.argv[0] ?? ''
  if (instruction.heredocs.length > 0 && first.startsWith('<<')) {
    return instruction.heredocs.map(heredoc => heredoc.body).join('\n')
  }
  return instruction.args
}

function onbuildRun(instruction: Instruction): RunBody | undefined {
  const parts = onbuildRunParts(instruction)
  if (!parts) return undefined
  const argv = execFormArgv(parts.rest)
  const script = argv ? argv.map(shellQuote).join(' ') : parts.rest
  return { instruction, flags: parts.flags, script, commands: parseShellCached(script), onbuild: true }
}

/** Parsed bodies by instruction: every part-B rule asks for the same RUNs, so each is parsed once per model. */
const parsedRuns = new WeakMap<Instruction, RunBody | null>()

export function runBody(instruction: Instruction): RunBody | undefined {
  const cached = parsedRuns.get(instruction)
  if (cached !== undefined) return cached ?? undefined
  const body = parseRunBody(instruction)
  parsedRuns.set(instruction, body ?? null)
  return body
}

function parseRunBody(instruction: Instruction): RunBody | undefined {
  if (instruction.keyword === 'ONBUILD') return onbuildRun(instruction)
  if (instruction.keyword !== 'RUN') return undefined
  const script = runScript(instruction)
  return { instruction, flags: instruction.flags, script, commands: parseShellCached(script), onbuild: false }
}

/** Every RUN body of a stage in order, ONBUILD RUN triggers included unless excluded. */
export function stageRuns(stage: Stage, includeOnbuild = true): RunBody[] {
  const runs: RunBody[] = []
  for (const instruction of stage.instructions) {
    if (!includeOnbuild && instruction.keyword === 'ONBUILD') continue
    const body = runBody(instruction)
    if (body) runs.push(body)
  }
  return runs
}

/** A part-B rule's metadata: everything but its phase and check. */
export type PartBMeta = Omit<PartBRule, 'check' | 'phase'>

/**
 * A rule that looks at each RUN body on its own (of every stage, or with
 * `'final-image'` only of those whose files reach the final image): `check`
 * returns a message when the body breaks it.
 */
export function perRun(
  meta: PartBMeta,
  check: (run: RunBody, where: { model: DockerfileModel; stage: Stage }) => string | undefined,
  scope: StageScope = 'all'
): PartBRule {
  return dockerfileRule(meta, ({ model }) =>
    hitsPerRun(model, stageRuns, (run, stage) => check(run, { model, stage }), scope)
  )
}

/** Where a per-instruction rule looks: the stages of a StageScope, or everywhere (the instructions before the first FROM too). */
export type InstructionScope = StageScope | 'with-preamble'

/** The instructions of `scope`, in Dockerfile order. */
function instructionsIn(model: DockerfileModel, scope: InstructionScope): Instruction[] {
  const inStages = stagesIn(model, scope === 'with-preamble' ? 'all' : scope).flatMap(
    stage => stage.instructions
  )
  return scope === 'with-preamble' ? [...model.preamble, ...inStages] : inStages
}

/**
 * A rule that looks at each instruction of `keywords` on its own (in `scope`):
 * `check` returns a message when the instruction breaks it.
 */
export function perInstruction(
  meta: PartBMeta,
  keywords: readonly string[],
  check: (instruction: Instruction, model: DockerfileModel) => string | undefined,
  scope: InstructionScope = 'all'
): PartBRule {
  return dockerfileRule(meta, ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of instructionsIn(model, scope)) {
      if (!keywords.includes(instruction.keyword)) continue
      const message = check(instruction, model)
      if (message !== undefined) hits.push(hitAt(instruction, message))
    }
    return hits
  })
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
  return run.commands.filter(command => names.some(name => run.byName?.get(name)?.includes(command)))
}

/**
 * The first non-option word after the command name: the subcommand of a
 * package manager (`dnf -y --setopt=x install a` → `install`). Options that
 * take a separate value are listed per tool in `valueOptions`.
 */
export function subcommandOf(
  command: ShellCommand,
  valueOptions: readonly string[] = []
): string | undefined {
  return positionalArgs(effectiveArgv(command).slice(1), valueOptions)[0]
}

/** Non-option words after the subcommand (packages, for an install). */
export function operandsAfterSubcommand(
  command: ShellCommand,
  valueOptions: readonly string[] = []
): string[] {
  return positionalArgs(effectiveArgv(command).slice(1), valueOptions).slice(1)
}

/** True when the RUN mounts a cache (`--mount=type=cache`) whose target starts with one of `targets`. */
export function hasCacheMount(run: RunBody, ...targets: string[]): boolean {
  return mountTargets(run.flags, ['cache']).some(target =>
    targets.some(prefix => target === prefix || target.startsWith(prefix.replace(/\/?$/, '/')))
  )
}

/** True when the RUN removes one of `directories` (`rm -rf /var/cache/yum`, `rm -rf /var/cache/yum/*`). */
export function removesDirectory(run: RunBody, ...directories: string[]): boolean {
  return commandsNamed(run, 'rm').some(command =>
    effectiveArgv(command)
      .slice(1)
      .some(word => directories.some(dir => word === dir || word.startsWith(dir.replace(/\/?$/, '/'))))
  )
}

/** One `KEY=value` of an ENV/LABEL/ARG with the value's raw text (quotes and escapes kept). */
export interface RawPair {
  key: string
  /** As written, quotes included; undefined for a bare `ARG NAME`. */
  rawValue?: string
}

/** Split on unquoted whitespace, keeping quotes and escapes in the words. */
export function splitRawWords(text: string, escape = '\\'): string[] {
  const words: string[] = []
  let word = ''
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quote) {
      word += ch
      if (ch === escape && quote === '"' && i + 1 < text.length) word += text[++i]
      else if (ch === quote) quote = undefined
      continue
    }
    if (/\s/.test(ch)) {
      if (word !== '') words.push(word)
      word = ''
      continue
    }
    word += ch
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === escape && i + 1 < text.length) word += text[++i]
  }
  if (word !== '') words.push(word)
  return words
}

/** Remove one level of quoting and escapes from a raw value, as Docker does for ENV/LABEL values. */
export function unquoteRaw(raw: string, escape = '\\'): string {
  let out = ''
  let quote: string | undefined
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === escape && quote === '"' && i + 1 < raw.length) out += raw[++i]
      else out += ch
      continue
    }
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === escape && i + 1 < raw.length) out += raw[++i]
    else out += ch
  }
  return out
}

/** Pairs by instruction: several rules read the same ENV/LABEL. */
const pairCache = new WeakMap<object, RawPair[]>()

/**
 * The pairs of an ENV or LABEL: `K=v K2="v 2"`, or the legacy `K value with spaces`
 * form (one pair, the rest of the line its value).
 */
export function keyValuePairs(instruction: Pick<Instruction, 'args'>): RawPair[] {
  let pairs = pairCache.get(instruction)
  if (!pairs) {
    pairs = splitPairs(instruction.args)
    pairCache.set(instruction, pairs)
  }
  return pairs
}

/**
 * The pairs of the ENVs and ARGs in effect at `line` of `stage`: those of the
 * stages it is built `FROM`, then its own before `line`, in order (a later
 * pair of the same key overrides an earlier one).
 */
export function definitionsBefore(model: DockerfileModel, stage: Stage, line: number): RawPair[] {
  const pairs: RawPair[] = []
  for (const current of baseChain(model, stage)) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.line >= line) break
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG')
        pairs.push(...keyValuePairs(instruction))
    }
  }
  return pairs
}

function splitPairs(args: string): RawPair[] {
  const words = splitRawWords(args)
  const first = words[0]
  if (first === undefined) return []
  if (!first.includes('=')) {
    const rest = args.trim().slice(first.length).trim()
    return [{ key: unquoteRaw(first), rawValue: rest }]
  }
  return words.map(word => {
    const eq = word.indexOf('=')
    return eq < 0
      ? { key: unquoteRaw(word) }
      : { key: unquoteRaw(word.slice(0, eq)), rawValue: word.slice(eq + 1) }
  })
}
