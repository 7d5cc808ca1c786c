// Shared plumbing for the hadolint rules of part A (DL3000–DL3030): walking
// the RUN bodies of a Dockerfile as parsed shell commands (shell form, exec
// form, `RUN <<EOF` scripts, ONBUILD RUN triggers), skipping stages whose
// SHELL is not POSIX, turning an instruction into a hit, and the
// package-pinning check several rules share.
import type { DockerfileModel, Flag, Instruction, Stage } from '../../../dockerfile/model.js'
import { parseShellCached } from '../../../dockerfile/query.js'
import type { LintRule } from '../../rule.js'
import { commandName, effectiveArgv, positionalArgs, subcommandArgs, type ShellCommand } from '../../shell.js'
import {
  dockerfileRule,
  execFormArgv,
  finalImageStages,
  hitAt,
  hitsPerRun,
  instructionsWithShell,
  isNonPosixShell,
  mountTargets,
  onbuildRunParts,
  type StageScope
} from './common.js'

export { finalImageStages, hitAt }

export interface RunBody {
  instruction: Instruction
  /** The RUN's flags (`--mount=...`), also for an ONBUILD RUN trigger. */
  flags: Flag[]
  commands: ShellCommand[]
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'])

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
  const runs: RunBody[] = []
  for (const { instruction, shell } of instructionsWithShell(model, stage)) {
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

type RuleMetaFields = Pick<LintRule, 'id' | 'severity' | 'summary'> & { aliases?: readonly string[] }

export function defineRule(meta: RuleMetaFields, check: LintRule['check']): LintRule {
  return dockerfileRule({ aliases: [], ...meta }, check)
}

/**
 * A rule asked of each RUN body on its own (of every stage, or with
 * `'final-image'` only of those whose files reach the final image): `check`
 * returns a message when the body breaks it.
 */
export function perRun(
  meta: RuleMetaFields,
  check: (run: RunBody) => string | undefined,
  scope: StageScope = 'all'
): LintRule {
  return defineRule(meta, ({ model }) => hitsPerRun(model, stage => stageRuns(model, stage), check, scope))
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
  return mountTargets(flags, ['cache', 'tmpfs']).some(written => {
    const target = written.replace(/\/+$/, '')
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

/**
 * A pinning rule asked of each shell command: `packagesOf` gives the package
 * words of a command that installs (undefined for any other), and the first
 * one `isPinned` rejects is named by `message`.
 */
export function perUnpinnedPackage(
  meta: RuleMetaFields,
  packagesOf: (command: ShellCommand) => readonly string[] | undefined,
  isPinned: (word: string) => boolean,
  message: (unpinned: string) => string
): LintRule {
  return perCommand(meta, command => {
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
