// Shared plumbing for the hadolint rules of part A (DL3000–DL3030): walking
// the RUN bodies of a Dockerfile as parsed shell commands (shell form, exec
// form, `RUN <<EOF` scripts, ONBUILD RUN triggers), skipping stages whose
// SHELL is not POSIX, turning an instruction into a hit, and the
// package-pinning check several rules share.
import type { DockerfileModel, Flag, Instruction, Stage } from '../../../dockerfile/model.js'
import { parseMountOptions } from '../../../dockerfile/parse.js'
import { parseShellCached } from '../../../dockerfile/query.js'
import type { LintRule, RuleHit } from '../../rule.js'
import { commandName, effectiveArgv, positionalArgs, subcommandArgs, type ShellCommand } from '../../shell.js'
import { execFormArgv, finalImageStages, hitAt, onbuildRunParts } from './common.js'

export { finalImageStages, hitAt }

export interface RunBody {
  instruction: Instruction
  /** The RUN's flags (`--mount=...`), also for an ONBUILD RUN trigger. */
  flags: Flag[]
  commands: ShellCommand[]
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'])
const NON_POSIX_SHELLS = /^(pwsh|powershell|cmd)(\.exe)?$/i

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
}

/** Shell commands of a script given as exec-form argv: `["sh", "-c", "..."]` is parsed, anything else is one command. */
function execFormCommands(argv: string[]): ShellCommand[] {
  const shell = basename(argv[0] ?? '')
  const dashC = argv.indexOf('-c')
  if (POSIX_SHELLS.has(shell) && dashC > 0 && argv[dashC + 1] !== undefined) {
    return parseShellCached(argv[dashC + 1] as string)
  }
  return argv.length > 0 ? [{ argv: [...argv], env: [], raw: argv.join(' ') }] : []
}

/** The commands a RUN (or its ONBUILD trigger text) runs. */
function bodyCommands(
  instruction: Pick<Instruction, 'args' | 'argv' | 'jsonForm' | 'heredocs'>
): ShellCommand[] {
  if (instruction.jsonForm) return execFormCommands(instruction.argv)
  const commands = parseShellCached(instruction.args)
  if (instruction.heredocs.length === 0) return commands
  // `RUN <<EOF` or `RUN bash <<EOF`: the heredoc body is the script. A heredoc
  // fed to another command (`RUN cat <<EOF > f`, `RUN python3 <<EOF`) is data.
  const only = commands.length === 1 ? (commands[0] as ShellCommand) : undefined
  const bodyIsScript =
    commands.length === 0 ||
    (only !== undefined && POSIX_SHELLS.has(commandName(only)) && effectiveArgv(only).length === 1)
  return bodyIsScript ? instruction.heredocs.flatMap(heredoc => parseShellCached(heredoc.body)) : commands
}

function onbuildRun(instruction: Instruction): RunBody | undefined {
  const parts = onbuildRunParts(instruction)
  if (!parts) return undefined
  const argv = execFormArgv(parts.rest)
  return {
    instruction,
    flags: parts.flags,
    commands: argv ? execFormCommands(argv) : parseShellCached(parts.rest)
  }
}

function isNonPosixShell(shell: readonly string[]): boolean {
  return NON_POSIX_SHELLS.test(basename(shell[0] ?? ''))
}

/**
 * Every RUN body of a stage in order, ONBUILD RUN triggers included; RUNs
 * under a non-POSIX SHELL (PowerShell, cmd) are left out, as hadolint does.
 */
export function stageRuns(model: DockerfileModel, stage: Stage): RunBody[] {
  // Every shell rule walks the same bodies: split each script once per model.
  const cached = runsByStage.get(stage)
  if (cached) return cached
  const runs = collectStageRuns(model, stage)
  runsByStage.set(stage, runs)
  return runs
}

const runsByStage = new WeakMap<Stage, RunBody[]>()

function collectStageRuns(model: DockerfileModel, stage: Stage): RunBody[] {
  const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
  let shell: readonly string[] = base ? base.shell : ['/bin/sh', '-c']
  const runs: RunBody[] = []
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'SHELL' && instruction.jsonForm && instruction.argv.length > 0) {
      shell = instruction.argv
      continue
    }
    if (isNonPosixShell(shell)) continue
    if (instruction.keyword === 'RUN') {
      runs.push({ instruction, flags: instruction.flags, commands: bodyCommands(instruction) })
    } else if (instruction.keyword === 'ONBUILD') {
      const run = onbuildRun(instruction)
      if (run) runs.push(run)
    }
  }
  return runs
}

export function allRuns(model: DockerfileModel): RunBody[] {
  return model.stages.flatMap(stage => stageRuns(model, stage))
}

type RuleMetaFields = Pick<LintRule, 'id' | 'severity' | 'summary'> & { aliases?: readonly string[] }

export function defineRule(meta: RuleMetaFields, check: LintRule['check']): LintRule {
  return { aliases: [], ...meta, phase: 'dockerfile', check }
}

/** A rule asked of each RUN body on its own: `check` returns a message when the body breaks it. */
export function perRun(meta: RuleMetaFields, check: (run: RunBody) => string | undefined): LintRule {
  return defineRule(meta, ({ model }) => {
    const hits: RuleHit[] = []
    for (const run of allRuns(model)) {
      const message = check(run)
      if (message !== undefined) hits.push(hitAt(run.instruction, message))
    }
    return hits
  })
}

/** A rule asked of each shell command of each RUN: one hit per RUN, naming the first offending command. */
export function perCommand(
  meta: RuleMetaFields,
  check: (command: ShellCommand) => string | undefined
): LintRule {
  return perRun(meta, run => {
    for (const command of run.commands) {
      const message = check(command)
      if (message !== undefined) return message
    }
    return undefined
  })
}

/** True when the RUN mounts a cache or tmpfs over one of `dirs` (or a parent), so nothing there lands in the layer. */
export function hasCacheMountOn(flags: readonly Flag[], dirs: readonly string[]): boolean {
  return flags.some(flag => {
    if (flag.name !== 'mount' || flag.value === undefined) return false
    const options = parseMountOptions(flag.value)
    const type = options.get('type')
    if (type !== 'cache' && type !== 'tmpfs') return false
    const target = (options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '').replace(
      /\/+$/,
      ''
    )
    // A mount on the directory or on one of its parents (`/var/lib/apt` covers the lists).
    return target !== '' && dirs.some(dir => dir === target || dir.startsWith(target + '/'))
  })
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

/**
 * When `command` is `<tool> <subcommand> ...` for one of `tools` and `subcommands`,
 * its arguments and package words; undefined otherwise.
 */
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

/** The first package word not pinned by `isPinned` (dynamic words are given the benefit of the doubt). */
export function firstUnpinned(
  packages: readonly string[],
  isPinned: (word: string) => boolean
): string | undefined {
  return packages.find(word => !isDynamicWord(word) && !isPinned(word))
}
