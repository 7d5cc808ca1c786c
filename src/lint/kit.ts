// The rule kit: one way to define a Dockerfile rule and the questions rules
// share. A rule is the plain `LintRule` shape (id, aliases, severity, summary,
// offByDefault, check(context) → hits); `defineRule` fills the defaults, and
// `perRun`, `perCommand`, `perInstruction` are the loops most rules are.
// RUN bodies come from the model layer's one reader (src/dockerfile/run.ts):
// shell form, exec form with `sh -c`, heredoc scripts and ONBUILD RUN
// triggers alike, every stage and the lines before the first FROM.
import type { DockerfileModel, Flag, Instruction, Stage } from '../dockerfile/model.js'
import { onbuildTrigger } from '../dockerfile/parse.js'
import {
  commandsNamed,
  hasCacheMount as flagsHaveCacheMount,
  mountsOf,
  runBodies,
  stageRunBodies,
  type RunBody
} from '../dockerfile/run.js'
import {
  commandName,
  effectiveArgv,
  positionalArgs,
  subcommandArgs,
  type ShellCommand
} from '../dockerfile/shell.js'
import type { LintRule, RuleHit } from './rule.js'

export type { RunBody }
export { commandsNamed, isNonPosixShell, execFormArgv } from '../dockerfile/run.js'

/** What a rule says about itself; `aliases` defaults to none. */
export type RuleSpec = Omit<LintRule, 'phase' | 'check' | 'aliases'> & { aliases?: readonly string[] }

/** The one way to define a Dockerfile rule. */
export function defineRule(spec: RuleSpec, check: LintRule['check']): LintRule {
  // Every rule has these fields in this order, the optional ones included: one object shape for
  // all rules keeps the engine's reads of them monomorphic (a spread of each spec gave V8 a
  // shape per rule, and the engine's loop over them was deoptimized again and again).
  return {
    id: spec.id,
    aliases: spec.aliases ?? [],
    severity: spec.severity,
    phase: 'dockerfile',
    summary: spec.summary,
    offByDefault: spec.offByDefault === true,
    experimental: spec.experimental === true,
    readsRunBodies: spec.readsRunBodies === true,
    check
  }
}

/**
 * `items.flatMap(map)` as a loop: V8's Array#flatMap is some twenty times slower than a loop on the
 * short lists rules walk (stages, instructions, commands), and rules walk them for every file.
 */
export function flatMapOf<T, U>(items: readonly T[], map: (item: T) => readonly U[]): U[] {
  const out: U[] = []
  for (const item of items) for (const value of map(item)) out.push(value)
  return out
}

/** A hit on an instruction: its first line, its last line, its stage. */
export function hitAt(instruction: Instruction, message: string, evidence?: string): RuleHit {
  const hit: RuleHit = { line: instruction.line, message }
  if (instruction.endLine !== instruction.line) hit.endLine = instruction.endLine
  if (instruction.stage >= 0) hit.stage = instruction.stage
  if (evidence !== undefined) hit.evidence = evidence
  return hit
}

/** The stage and the stages it is built `FROM`, base first; the chain ends at an external image (or a cycle). */
export function baseChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = []
  for (let current: Stage | undefined = stage; current && !chain.includes(current);) {
    chain.unshift(current)
    current = current.baseStage !== undefined ? model.stages[current.baseStage] : undefined
  }
  return chain
}

/** True when a stage that `stage` is built `FROM`, directly or through others, has an instruction passing `test`. */
export function baseStagesHave(
  model: DockerfileModel,
  stage: Stage,
  test: (instruction: Instruction) => boolean
): boolean {
  return baseChain(model, stage).some(link => link !== stage && link.instructions.some(test))
}

/** The stages built `FROM` this one, directly or through others, in Dockerfile order. */
export function derivedStages(model: DockerfileModel, stage: Stage): Stage[] {
  return model.stages.filter(
    other => other !== stage && baseChain(model, other).some(link => link.index === stage.index)
  )
}

/** True when a later stage takes files from this one (`COPY --from`, `RUN --mount=from=`). */
export function feedsAnotherStage(model: DockerfileModel, stage: Stage): boolean {
  return model.edges.some(
    edge =>
      edge.from === stage.index && edge.to !== stage.index && (edge.kind === 'copy' || edge.kind === 'mount')
  )
}

/**
 * What many rules ask of one model, computed once: 139 rules each rebuilding the same
 * instruction lists were a tenth of lint time on small files. The model is not changed
 * after parsing, so the answers stay valid for its lifetime.
 */
interface ModelLists {
  finalImageStages?: ReadonlySet<number>
  instructions: Partial<Record<InstructionScope, readonly Instruction[]>>
  triggered: Partial<Record<InstructionScope, readonly Instruction[]>>
  byKeyword?: ReadonlyMap<string, readonly Instruction[]>
  runs?: readonly RunBody[]
}

const modelLists = new WeakMap<DockerfileModel, ModelLists>()

function listsOf(model: DockerfileModel): ModelLists {
  let lists = modelLists.get(model)
  if (!lists) {
    lists = { instructions: {}, triggered: {} }
    modelLists.set(model, lists)
  }
  return lists
}

/** The stage indices whose content ends up in the final image: the final stage and its `FROM <stage>` chain. */
export function finalImageStages(model: DockerfileModel): ReadonlySet<number> {
  const lists = listsOf(model)
  if (!lists.finalImageStages) {
    const final = model.stages[model.finalStage]
    lists.finalImageStages = new Set(final ? baseChain(model, final).map(stage => stage.index) : [])
  }
  return lists.finalImageStages
}

/**
 * Where a rule looks: everywhere (`all`: every stage and the instructions before the first FROM,
 * as hadolint lints every instruction), or only the stages whose files reach the final image.
 */
export type StageScope = 'all' | 'final-image'
/** @deprecated the same as 'all' (which now includes the lines before the first FROM). */
export type InstructionScope = StageScope | 'with-preamble'

/** The stages of `scope`, in Dockerfile order. */
export function stagesIn(model: DockerfileModel, scope: InstructionScope): Stage[] {
  if (scope !== 'final-image') return model.stages
  const shipped = finalImageStages(model)
  return model.stages.filter(stage => shipped.has(stage.index))
}

const triggerCache = new WeakMap<Instruction, Instruction | null>()

/** The instruction an ONBUILD triggers (kept with the ONBUILD); undefined for other instructions. */
export function triggerOf(model: DockerfileModel, instruction: Instruction): Instruction | undefined {
  if (instruction.keyword !== 'ONBUILD') return undefined
  let trigger = triggerCache.get(instruction)
  if (trigger === undefined) {
    const escape = model.directives.find(d => d.name === 'escape')?.value === '`' ? '`' : '\\'
    trigger = onbuildTrigger(instruction, escape) ?? null
    triggerCache.set(instruction, trigger)
  }
  return trigger ?? undefined
}

/**
 * The instructions with each ONBUILD replaced by the instruction it triggers (same lines and
 * stage): hadolint checks `ONBUILD COPY ...` as it checks `COPY ...`.
 */
export function withTriggers(model: DockerfileModel, instructions: readonly Instruction[]): Instruction[] {
  return instructions.map(instruction => triggerOf(model, instruction) ?? instruction)
}

/** The instructions of `scope` with each ONBUILD read as its trigger (withTriggers), computed once per model. */
export function instructionsWithTriggers(
  model: DockerfileModel,
  scope: InstructionScope = 'all'
): readonly Instruction[] {
  const lists = listsOf(model)
  let list = lists.triggered[scope]
  if (!list) {
    const all = instructionsIn(model, scope)
    list = all.some(instruction => instruction.keyword === 'ONBUILD') ? withTriggers(model, all) : all
    lists.triggered[scope] = list
  }
  return list
}

/** The instructions of `scope`, in Dockerfile order. */
export function instructionsIn(
  model: DockerfileModel,
  scope: InstructionScope = 'all'
): readonly Instruction[] {
  const lists = listsOf(model)
  let list = lists.instructions[scope]
  if (!list) {
    const inStages = flatMapOf(stagesIn(model, scope), stage => stage.instructions)
    list = scope === 'final-image' ? inStages : [...model.preamble, ...inStages]
    lists.instructions[scope] = list
  }
  return list
}

/** The RUN bodies of a stage in order, ONBUILD RUN triggers included unless excluded. */
export function stageRuns(model: DockerfileModel, stage: Stage, includeOnbuild = true): readonly RunBody[] {
  const runs = stageRunBodies(model, stage)
  return includeOnbuild ? runs : runs.filter(run => !run.onbuild)
}

/**
 * The RUN bodies of `scope`, in order. `all`: every one, those before the first FROM too.
 * `final-image`: those of the stages whose files reach the final image, plus, as hadolint
 * judges them, the RUNs before any FROM and every ONBUILD RUN: a trigger runs in whatever image
 * is built FROM this one, so where it is written says nothing about where its files land.
 */
export function runsIn(model: DockerfileModel, scope: StageScope = 'all'): readonly RunBody[] {
  if (scope === 'all') return runBodies(model)
  const lists = listsOf(model)
  if (!lists.runs) {
    const shipped = finalImageStages(model)
    lists.runs = runBodies(model).filter(run => run.stage < 0 || run.onbuild || shipped.has(run.stage))
  }
  return lists.runs
}

/** Where a RUN body is: the model and its stage (undefined before the first FROM). */
export interface RunPlace {
  model: DockerfileModel
  stage: Stage | undefined
}

/**
 * A rule asked of each RUN body on its own (of `scope`): `check` returns a message when the body
 * breaks it. Bodies under a non-POSIX SHELL are skipped: their text is not shell.
 */
export function perRun(
  spec: RuleSpec,
  check: (run: RunBody, where: RunPlace) => string | undefined,
  scope: StageScope = 'all'
): LintRule {
  return defineRule({ ...spec, readsRunBodies: true }, ({ model }) => {
    const hits: RuleHit[] = []
    for (const run of runsIn(model, scope)) {
      if (!run.posix) continue
      const message = check(run, { model, stage: model.stages[run.stage] })
      if (message !== undefined) hits.push(hitAt(run.instruction, message))
    }
    return hits
  })
}

/** A rule asked of each shell command of each RUN: one hit per RUN, naming the first offending command. */
export function perCommand(
  spec: RuleSpec,
  check: (command: ShellCommand, run: RunBody) => string | undefined,
  scope: StageScope = 'all'
): LintRule {
  return perRun(
    spec,
    run => {
      for (const command of run.commands) {
        const message = check(command, run)
        if (message !== undefined) return message
      }
      return undefined
    },
    scope
  )
}

/** A rule asked of each instruction of `keywords` (in `scope`): `check` returns a message when it breaks it. */
export function perInstruction(
  spec: RuleSpec,
  keywords: readonly string[],
  check: (instruction: Instruction, model: DockerfileModel) => string | undefined,
  scope: InstructionScope = 'all'
): LintRule {
  return defineRule(spec, ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of keywords.includes('ONBUILD')
      ? instructionsIn(model, scope)
      : instructionsWithTriggers(model, scope)) {
      if (!keywords.includes(instruction.keyword)) continue
      const message = check(instruction, model)
      if (message !== undefined) hits.push(hitAt(instruction, message))
    }
    return hits
  })
}

/**
 * True when the RUN mounts a cache or tmpfs on one of `dirs` or a parent of it, so nothing written
 * there lands in the layer. The one mount test every cache rule uses.
 */
export function hasCacheMount(run: RunBody | readonly Flag[], ...dirs: string[]): boolean {
  return flagsHaveCacheMount(Array.isArray(run) ? run : (run as RunBody).flags, ...dirs)
}

/** Flags of COPY/ADD/RUN that need `=value` (the bare ones are `--link`, `--parents`, `--keep-git-dir`). */
const VALUE_FLAGS = new Set(['from', 'chown', 'chmod', 'mount', 'network', 'security', 'exclude', 'checksum'])

/** A flag that takes a value written bare (`--from build`): BuildKit refuses it (SG1030). */
export function isMissingValue(flag: Flag): boolean {
  return flag.value === undefined && VALUE_FLAGS.has(flag.name)
}

/**
 * True when a flag of the instruction is written without its `=value`: the model then reads the
 * value as the first argument, so rules about the arguments must not judge it (SG1030 reports it).
 */
export function hasMisreadFlag(instruction: Instruction): boolean {
  return instruction.flags.some(isMissingValue)
}

/** The targets of a RUN's `--mount`s of one of `types`, as written (trailing slashes removed). */
export function mountTargets(flags: readonly Flag[], types: readonly string[]): string[] {
  return mountsOf(flags)
    .filter(mount => types.includes(mount.type))
    .map(mount => mount.target)
}

/**
 * The first non-option word after the command name: the subcommand of a package manager
 * (`dnf -y --setopt=x install a` → `install`). Options that take a separate value are listed.
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

/** True when the RUN removes one of `directories` (`rm -rf /var/cache/yum`, `rm -rf /var/cache/yum/*`). */
export function removesDirectory(run: RunBody, ...directories: string[]): boolean {
  return commandsNamed(run, 'rm').some(command =>
    effectiveArgv(command)
      .slice(1)
      .some(word => directories.some(dir => word === dir || word.startsWith(dir.replace(/\/?$/, '/'))))
  )
}

/** A word whose value is only known at build time (`$PKGS`, `$(cat list)`): pinning cannot be judged. */
export function isDynamicWord(word: string): boolean {
  return /^(\$|`)/.test(word)
}

export interface InstallCommand {
  /** Options and package words after the subcommand. */
  args: string[]
  /** Package words (positional arguments, option values skipped). */
  packages: string[]
}

/** When `command` is `<tool> <subcommand> ...` for one of `tools` and `subcommands`: its arguments and packages. */
export function installCommand(
  command: ShellCommand,
  tools: readonly string[],
  subcommands: readonly string[],
  valueOptions: readonly string[] = []
): InstallCommand | undefined {
  if (!tools.includes(commandName(command))) return undefined
  const args = subcommandArgs(command, ...subcommands)
  if (args === undefined) return undefined
  return { args, packages: positionalArgs(args, valueOptions) }
}

/**
 * A pinning rule asked of each shell command: `packagesOf` gives the package words of a command
 * that installs (undefined for any other), and the first one `isPinned` rejects is named by `message`.
 */
export function perUnpinnedPackage(
  spec: RuleSpec,
  packagesOf: (command: ShellCommand) => readonly string[] | undefined,
  isPinned: (word: string) => boolean,
  message: (unpinned: string) => string
): LintRule {
  return perCommand(spec, command => {
    const packages = packagesOf(command)
    const unpinned = packages && firstUnpinned(packages, isPinned)
    return unpinned === undefined ? undefined : message(unpinned)
  })
}

/** The first package word not pinned by `isPinned` (dynamic words are given the benefit of the doubt). */
export function firstUnpinned(
  packages: readonly string[],
  isPinned: (word: string) => boolean
): string | undefined {
  return packages.find(word => !isDynamicWord(word) && !isPinned(word))
}

/**
 * Cache cleaning that comes after the install it cleans up: `clean` ran after `install` in the
 * same RUN (a clean before the install cleans nothing).
 */
export function cleanedAfter(
  run: RunBody,
  isInstall: (command: ShellCommand) => boolean,
  isClean: (command: ShellCommand) => boolean
): boolean {
  let installed = false
  let cleaned = false
  for (const command of run.commands) {
    if (isInstall(command)) {
      installed = true
      cleaned = false
    } else if (installed && isClean(command)) cleaned = true
  }
  return cleaned
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

/** Pairs by instruction (kept with the instruction object): several rules read the same ENV/LABEL. */
const pairCache = new WeakMap<object, RawPair[]>()

/** The pairs of an ENV or LABEL: `K=v K2="v 2"`, or the legacy `K value with spaces` form (one pair). */
export function keyValuePairs(instruction: Pick<Instruction, 'args'>): RawPair[] {
  let pairs = pairCache.get(instruction)
  if (!pairs) {
    pairs = splitPairs(instruction.args)
    pairCache.set(instruction, pairs)
  }
  return pairs
}

/**
 * The pairs of the ENVs and ARGs in effect at `line` of `stage`: ENVs of the stages it is built
 * `FROM` (ARGs do not cross stages), then its own ENVs and ARGs before `line`, in order. Before
 * the first FROM (no stage): the ARGs and ENVs before `line`.
 */
export function definitionsBefore(model: DockerfileModel, stage: Stage | undefined, line: number): RawPair[] {
  const pairs: RawPair[] = []
  if (!stage) {
    for (const instruction of model.preamble) {
      if (instruction.line >= line) break
      // A file without FROM is read as one sequence, as hadolint reads it: its ENVs count too.
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV')
        pairs.push(...keyValuePairs(instruction))
    }
    return pairs
  }
  for (const current of baseChain(model, stage)) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.line >= line) break
      if (instruction.keyword === 'ENV' || (instruction.keyword === 'ARG' && current === stage))
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

/** The instructions of one keyword in `stages`. */
export function instructions(stages: readonly Stage[], keyword: string): Instruction[] {
  return flatMapOf(stages, stage => stage.instructions.filter(instruction => instruction.keyword === keyword))
}

/**
 * The instructions of one keyword everywhere, the lines before the first FROM included, and the
 * ONBUILD triggers of that keyword (read as the instruction, at the ONBUILD's line).
 */
export function keywordInstructions(model: DockerfileModel, keyword: string): readonly Instruction[] {
  const lists = listsOf(model)
  if (!lists.byKeyword) {
    const byKeyword = new Map<string, Instruction[]>()
    const add = (instruction: Instruction): void => {
      const same = byKeyword.get(instruction.keyword)
      if (same) same.push(instruction)
      else byKeyword.set(instruction.keyword, [instruction])
    }
    for (const instruction of instructionsWithTriggers(model))
      if (instruction.keyword !== 'ONBUILD') add(instruction)
    for (const instruction of instructionsIn(model)) if (instruction.keyword === 'ONBUILD') add(instruction)
    lists.byKeyword = byKeyword
  }
  return lists.byKeyword.get(keyword) ?? []
}

/** `a`, `b` and 3 more: keeps a message one readable sentence however long the install. */
export function list(words: readonly string[], max = 4): string {
  const shown = words.slice(0, max).map(word => `\`${word}\``)
  const more = words.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

/** A RUN whose `unpinnedOf` is not empty is reported with `message` of the (shortened) list of them. */
export function requiresPinnedVersions(
  spec: RuleSpec,
  unpinnedOf: (run: RunBody) => string[],
  message: (packages: string, run: RunBody) => string
): LintRule {
  return perRun(spec, run => {
    const unpinned = unpinnedOf(run)
    return unpinned.length > 0 ? message(list(unpinned), run) : undefined
  })
}
