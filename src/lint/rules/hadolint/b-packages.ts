// hadolint's package-manager rules for the RPM family (yum, dnf, microdnf,
// zypper), pip, yarn and `go install`: run non-interactively, do not upgrade
// the whole OS in an image build, pin versions, and leave no package cache
// in the layer. Each rule reads the parsed commands of one RUN body.
import type { DockerfileModel, Stage } from '../../../dockerfile/model.js'
import type { RuleHit } from '../../rule.js'
import { commandName, effectiveArgv, hasFlag, type ShellCommand } from '../../shell.js'
import {
  commandsNamed,
  definitionsBefore,
  hasCacheMount,
  hitAt,
  operandsAfterSubcommand,
  perRun,
  removesDirectory,
  runBody,
  stageRuns,
  subcommandOf,
  unquoteRaw,
  type PartBMeta,
  type PartBRule,
  type RunBody
} from './b-helpers.js'
import { instructionsWithShell, isNonPosixShell } from './common.js'

/** Options of yum/dnf/microdnf that take their value as the next word. */
const RPM_VALUE_OPTIONS = [
  '-c',
  '--config',
  '-d',
  '--debuglevel',
  '-e',
  '--errorlevel',
  '--installroot',
  '--enablerepo',
  '--disablerepo',
  '--repo',
  '--repoid',
  '-x',
  '--exclude',
  '--releasever',
  '--setopt',
  '--forcearch',
  '--downloaddir',
  '--destdir'
]
/** Options of zypper (global and install) that take their value as the next word. */
const ZYPPER_VALUE_OPTIONS = [
  '-R',
  '--root',
  '-c',
  '--config',
  '-D',
  '--reposd-dir',
  '-C',
  '--cache-dir',
  '-r',
  '--repo',
  '--from',
  '-t',
  '--type',
  '--installroot'
]

/** A package manager of the RPM family as the rules below see it. */
interface RpmFamily {
  /** Command names it runs under (dnf also covers microdnf). */
  tools: readonly string[]
  /** Its options that take their value as the next word. */
  valueOptions: readonly string[]
  /** True for a package spec that carries a version. */
  isPinned: (word: string) => boolean
  /** True when it has `module install <name>:<stream>` (pinned by the stream). */
  modules: boolean
}

/** An RPM package spec with a version: `name-1.2`, a `.rpm` file or URL. */
function rpmPinned(word: string): boolean {
  return /-\d/.test(word) || word.endsWith('.rpm')
}

/** A zypper package spec with a version constraint (`name=1.2`, `name>=1.2`) or an .rpm file. */
function zypperPinned(word: string): boolean {
  return /[=<>]/.test(word) || word.endsWith('.rpm')
}

const YUM: RpmFamily = { tools: ['yum'], valueOptions: RPM_VALUE_OPTIONS, isPinned: rpmPinned, modules: true }
const DNF: RpmFamily = {
  tools: ['dnf', 'microdnf'],
  valueOptions: RPM_VALUE_OPTIONS,
  isPinned: rpmPinned,
  modules: true
}
const ZYPPER: RpmFamily = {
  tools: ['zypper'],
  valueOptions: ZYPPER_VALUE_OPTIONS,
  isPinned: zypperPinned,
  modules: false
}

/** Commands of `family` whose subcommand is one of `subcommands`. */
function invocations(run: RunBody, family: RpmFamily, subcommands: readonly string[]): ShellCommand[] {
  return commandsNamed(run, ...family.tools).filter(command =>
    subcommands.includes(subcommandOf(command, family.valueOptions) ?? '')
  )
}

const INSTALL = ['install', 'in']

/**
 * Words of an install that cannot carry a version: variables, groups (`@x`),
 * globs, capabilities (`dnf-command(config-manager)`) and file provides
 * (`/usr/bin/make`; a local `.rpm` file is pinned by being a file).
 */
function isUnpinnable(word: string): boolean {
  return /^[$@/]/.test(word) || word.includes('*') || word.includes('(')
}

/** Package specs an install by `family` names that carry no version; modules (`module install x:1`) need a stream. */
function unpinnedPackages(run: RunBody, family: RpmFamily): string[] {
  const unpinned: string[] = []
  for (const command of commandsNamed(run, ...family.tools)) {
    const sub = subcommandOf(command, family.valueOptions)
    const operands = operandsAfterSubcommand(command, family.valueOptions)
    if (family.modules && sub === 'module') {
      if (operands[0] !== 'install') continue
      for (const module of operands.slice(1))
        if (!isUnpinnable(module) && !module.includes(':')) unpinned.push(module)
      continue
    }
    if (!INSTALL.includes(sub ?? '')) continue
    for (const word of operands) if (!isUnpinnable(word) && !family.isPinned(word)) unpinned.push(word)
  }
  return unpinned
}

/** `a`, `b` and 3 more: keeps a message one readable sentence however long the install. */
export function list(words: readonly string[], max = 4): string {
  const shown = words.slice(0, max).map(word => `\`${word}\``)
  const more = words.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

/** A RUN that runs one of `subcommands` of `family` (an OS upgrade in the build) is reported with `message`. */
function forbidsSubcommands(
  meta: PartBMeta,
  family: RpmFamily,
  subcommands: readonly string[],
  message: string
): PartBRule {
  return perRun(meta, run => (invocations(run, family, subcommands).length > 0 ? message : undefined))
}

/** A RUN with a `prompting` subcommand of `family` lacking all of `yesFlags` is reported with `message`. */
function requiresNonInteractive(
  meta: PartBMeta,
  family: RpmFamily,
  prompting: readonly string[],
  yesFlags: readonly string[],
  message: string
): PartBRule {
  return perRun(meta, run =>
    invocations(run, family, prompting).some(command => !hasFlag(command, ...yesFlags)) ? message : undefined
  )
}

/** How a RUN that installs with a package manager leaves its cache out of the layer. */
interface CacheCleanup {
  /** Subcommands that clean the cache (`clean`, `cc`). */
  clean: readonly string[]
  /** A word the clean command must have (`all` in `yum clean all`), if any. */
  cleanArgument?: string
  /** Cache directories whose removal (`rm -rf`) or cache mount also counts. */
  cacheDirs: readonly string[]
}

/** A RUN that installs by `family` without cleaning its cache (see CacheCleanup) is reported with `message`. */
function requiresCacheCleanup(
  meta: PartBMeta,
  family: RpmFamily,
  cleanup: CacheCleanup,
  message: string
): PartBRule {
  return perRun(meta, run => {
    if (invocations(run, family, INSTALL).length === 0) return undefined
    const { clean, cleanArgument, cacheDirs } = cleanup
    const cleaned =
      invocations(run, family, clean).some(
        command => cleanArgument === undefined || effectiveArgv(command).includes(cleanArgument)
      ) ||
      removesDirectory(run, ...cacheDirs) ||
      hasCacheMount(run, ...cacheDirs)
    return cleaned ? undefined : message
  })
}

/** A RUN whose `unpinnedOf` is not empty is reported with `message` of the (shortened) list of them. */
function requiresPinnedVersions(
  meta: PartBMeta,
  unpinnedOf: (run: RunBody) => string[],
  message: (packages: string) => string
): PartBRule {
  return perRun(meta, run => {
    const unpinned = unpinnedOf(run)
    return unpinned.length > 0 ? message(list(unpinned)) : undefined
  })
}

export const DL3031 = forbidsSubcommands(
  {
    id: 'DL3031',
    aliases: [],
    severity: 'error',
    summary: 'Do not use `yum update` or `yum upgrade` (retired by hadolint; off unless enabled)',
    offByDefault: true
  },
  YUM,
  ['update', 'update-to', 'upgrade', 'upgrade-to'],
  'Do not run `yum update`/`yum upgrade` in the build; rebuild from an updated base image instead.'
)

export const DL3032 = requiresCacheCleanup(
  {
    id: 'DL3032',
    aliases: [],
    severity: 'warning',
    summary: '`yum clean all` missing after `yum install`'
  },
  YUM,
  { clean: ['clean'], cleanArgument: 'all', cacheDirs: ['/var/cache/yum'] },
  'Run `yum clean all` in the same RUN as `yum install` so the cache stays out of the layer.'
)

export const DL3033 = requiresPinnedVersions(
  {
    id: 'DL3033',
    aliases: [],
    severity: 'warning',
    summary: 'Pin versions in `yum install` (`<package>-<version>`)'
  },
  run => unpinnedPackages(run, YUM),
  packages => `Pin the version of ${packages} in \`yum install\` (\`<package>-<version>\`).`
)

/** zypper commands that ask for confirmation unless run non-interactively. */
const ZYPPER_PROMPTING = [
  'install',
  'in',
  'remove',
  'rm',
  'source-install',
  'si',
  'patch',
  'update',
  'up',
  'dist-upgrade',
  'dup'
]

export const DL3034 = requiresNonInteractive(
  {
    id: 'DL3034',
    aliases: [],
    severity: 'warning',
    summary: 'Non-interactive switch missing from a `zypper` command'
  },
  ZYPPER,
  ZYPPER_PROMPTING,
  ['-n', '--non-interactive', '-y', '--no-confirm'],
  'Run `zypper` non-interactively: `zypper --non-interactive install` or `zypper install -y`.'
)

export const DL3035 = forbidsSubcommands(
  {
    id: 'DL3035',
    aliases: [],
    severity: 'warning',
    summary: 'Do not use `zypper dist-upgrade`'
  },
  ZYPPER,
  ['dist-upgrade', 'dup'],
  'Do not run `zypper dist-upgrade` in the build; rebuild from an updated base image instead.'
)

export const DL3036 = requiresCacheCleanup(
  {
    id: 'DL3036',
    aliases: [],
    severity: 'warning',
    summary: '`zypper clean` missing after `zypper install`'
  },
  ZYPPER,
  { clean: ['clean', 'cc'], cacheDirs: ['/var/cache/zypp'] },
  'Run `zypper clean` in the same RUN as `zypper install` so the cache stays out of the layer.'
)

export const DL3037 = requiresPinnedVersions(
  {
    id: 'DL3037',
    aliases: [],
    severity: 'warning',
    summary: 'Pin versions in `zypper install` (`<package>=<version>`)'
  },
  run => unpinnedPackages(run, ZYPPER),
  packages => `Pin the version of ${packages} in \`zypper install\` (\`<package>=<version>\`).`
)

/** dnf commands that ask for confirmation without `-y`. microdnf never asks, so it is not listed. */
const DNF_PROMPTING = [
  'install',
  'in',
  'groupinstall',
  'reinstall',
  'downgrade',
  'remove',
  'erase',
  'autoremove',
  'upgrade',
  'update',
  'distro-sync'
]

export const DL3038 = requiresNonInteractive(
  {
    id: 'DL3038',
    aliases: [],
    severity: 'warning',
    summary: 'Use the `-y` switch with `dnf install`'
  },
  { ...DNF, tools: ['dnf'] },
  DNF_PROMPTING,
  ['-y', '--assumeyes'],
  'Add `-y` to the `dnf` command so it never waits for an answer.'
)

export const DL3039 = forbidsSubcommands(
  {
    id: 'DL3039',
    aliases: [],
    severity: 'error',
    summary: 'Do not use `dnf upgrade` or `dnf update` (retired by hadolint; off unless enabled)',
    offByDefault: true
  },
  DNF,
  ['upgrade', 'update', 'upgrade-minimal', 'update-minimal'],
  'Do not run `dnf upgrade` in the build; rebuild from an updated base image instead.'
)

export const DL3040 = requiresCacheCleanup(
  {
    id: 'DL3040',
    aliases: [],
    severity: 'warning',
    summary: '`dnf clean all` missing after `dnf install`'
  },
  DNF,
  { clean: ['clean'], cleanArgument: 'all', cacheDirs: ['/var/cache/dnf', '/var/cache/yum'] },
  'Run `dnf clean all` in the same RUN as `dnf install` so the cache stays out of the layer.'
)

export const DL3041 = requiresPinnedVersions(
  {
    id: 'DL3041',
    aliases: [],
    severity: 'warning',
    summary: 'Pin versions in `dnf install` (`<package>-<version>`)'
  },
  run => unpinnedPackages(run, DNF),
  packages => `Pin the version of ${packages} in \`dnf install\` (\`<package>-<version>\`).`
)

const TRUTHY = new Set(['1', 'true', 'on', 'yes'])

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.trim().toLowerCase())
}

/** `pip install`, `pip3.12 install`, `python3 -m pip install`. */
function isPipInstall(command: ShellCommand): boolean {
  const name = commandName(command)
  const argv = effectiveArgv(command)
  if (/^pip[0-9.]*$/.test(name))
    return subcommandOf(command, ['--python', '--log', '--proxy', '--cache-dir']) === 'install'
  if (/^python[0-9.]*$/.test(name)) {
    const m = argv.indexOf('-m')
    return (
      m >= 0 && argv[m + 1] === 'pip' && argv.slice(m + 2).find(word => !word.startsWith('-')) === 'install'
    )
  }
  return false
}

/** True when PIP_NO_CACHE_DIR is set truthy by an ENV of the stage (or a stage it is based on) before `line`. */
function envDisablesPipCache(model: DockerfileModel, stage: Stage, line: number): boolean {
  const setting = definitionsBefore(model, stage, line)
    .filter(pair => pair.key === 'PIP_NO_CACHE_DIR')
    .pop()
  return setting !== undefined && isTruthy(unquoteRaw(setting.rawValue ?? ''))
}

function pipCacheOff(run: RunBody, command: ShellCommand): boolean {
  if (hasFlag(command, '--no-cache-dir')) return true
  if (command.env.some(assignment => assignment.name === 'PIP_NO_CACHE_DIR' && isTruthy(assignment.value)))
    return true
  // `export PIP_NO_CACHE_DIR=1` (or a bare assignment) earlier in the same script.
  return run.commands.some(
    other =>
      (commandName(other) === 'export' &&
        effectiveArgv(other).some(word => /^PIP_NO_CACHE_DIR=/.test(word) && isTruthy(word.split('=')[1]))) ||
      (other.argv.length === 0 && other.env.some(a => a.name === 'PIP_NO_CACHE_DIR' && isTruthy(a.value)))
  )
}

export const DL3042 = perRun(
  {
    id: 'DL3042',
    aliases: [],
    severity: 'warning',
    summary: 'Avoid the pip cache directory: `pip install --no-cache-dir`'
  },
  (run, { model, stage }) => {
    if (hasCacheMount(run, '/root/.cache/pip', '/root/.cache')) return undefined
    if (!run.commands.some(command => isPipInstall(command) && !pipCacheOff(run, command))) return undefined
    if (!run.onbuild && envDisablesPipCache(model, stage, run.instruction.line)) return undefined
    return 'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`) to keep the pip cache out of the layer.'
  }
)

/** `useradd` without `-l`/`--no-log-init` and a UID above 99999 writes a huge sparse /var/log/lastlog. */
export const DL3046 = perRun(
  {
    id: 'DL3046',
    aliases: [],
    severity: 'warning',
    summary: '`useradd` without `-l` and a high UID makes the image excessively large'
  },
  run => {
    const bad = commandsNamed(run, 'useradd').filter(command => {
      if (hasFlag(command, '-l', '--no-log-init')) return false
      const args = effectiveArgv(command).slice(1)
      for (let i = 0; i < args.length; i++) {
        const word = args[i] as string
        let uid: string | undefined
        if (word === '-u' || word === '--uid') uid = args[i + 1]
        else if (word.startsWith('--uid=')) uid = word.slice(6)
        else if (/^-u\d/.test(word)) uid = word.slice(2)
        if (uid !== undefined && /^\d+$/.test(uid) && uid.length > 5) return true
      }
      return false
    })
    return bad.length > 0
      ? 'Add `-l` (`--no-log-init`) to `useradd` with a high UID so lastlog does not bloat the image.'
      : undefined
  }
)

export const DL3047 = perRun(
  {
    id: 'DL3047',
    aliases: [],
    severity: 'note',
    summary: '`wget` without `--progress` bloats the build log'
  },
  run => {
    const noisy = commandsNamed(run, 'wget').filter(
      command =>
        !hasFlag(
          command,
          '--progress',
          '--quiet',
          '-nv',
          '--no-verbose',
          '--output-file',
          '--append-output'
        ) && !hasShortOption(command, 'q', 'o', 'a')
    )
    return noisy.length > 0
      ? 'Use `wget --progress=dot:giga` (or `-q`/`-nv`) so large downloads do not flood the build log.'
      : undefined
  }
)

/** wget short options that take a value: after one of these the rest of the word is its value. */
const WGET_VALUE_SHORT = [
  'O',
  'o',
  'a',
  'P',
  'e',
  'U',
  't',
  'T',
  'w',
  'Q',
  'i',
  'B',
  'l',
  'A',
  'R',
  'D',
  'I',
  'X'
]

/** A short option given alone or bundled, even with an attached value: `-q`, `-qO-`, `-o/dev/null`. */
function hasShortOption(command: ShellCommand, ...letters: string[]): boolean {
  for (const word of effectiveArgv(command).slice(1)) {
    if (word === '--') return false
    const bundle = /^-([A-Za-z]+)/.exec(word)?.[1]
    if (bundle === undefined || word.startsWith('--')) continue
    // Letters up to the first option that takes a value (the rest of the word is that value).
    for (const letter of bundle) {
      if (letters.includes(letter)) return true
      if (WGET_VALUE_SHORT.includes(letter)) break
    }
  }
  return false
}

/** `yarn install`, or `yarn` with only options (which installs). */
function isYarnInstall(command: ShellCommand): boolean {
  if (commandName(command) !== 'yarn') return false
  const sub = subcommandOf(command, ['--cwd', '--modules-folder', '--cache-folder', '--network-timeout'])
  return sub === undefined || sub === 'install'
}

function isYarnCacheClean(command: ShellCommand): boolean {
  if (commandName(command) !== 'yarn') return false
  const args = effectiveArgv(command)
    .slice(1)
    .filter(word => !word.startsWith('-'))
  return args[0] === 'cache' && args[1] === 'clean'
}

/** Stage-aware: only stages whose files reach the final image (the final stage and its FROM chain). */
export const DL3060 = perRun(
  {
    id: 'DL3060',
    aliases: [],
    severity: 'note',
    summary: '`yarn cache clean` missing after `yarn install`'
  },
  run => {
    if (!run.commands.some(isYarnInstall)) return undefined
    if (run.commands.some(isYarnCacheClean)) return undefined
    const cacheMounted = run.flags.some(
      flag => flag.name === 'mount' && /type=cache/.test(flag.value ?? '') && /yarn/.test(flag.value ?? '')
    )
    return cacheMounted
      ? undefined
      : 'Run `yarn cache clean` in the same RUN as `yarn install` so the cache stays out of the final image.'
  },
  'final-image'
)

/** Package paths of `go install` without an `@version` (local paths build the module at hand and are fine). */
export const DL3062 = requiresPinnedVersions(
  {
    id: 'DL3062',
    aliases: [],
    severity: 'warning',
    summary: 'Pin versions in `go install` (`<package>@<version>`)'
  },
  run => {
    const unpinned: string[] = []
    for (const command of commandsNamed(run, 'go')) {
      if (subcommandOf(command, ['-C']) !== 'install') continue
      for (const word of operandsAfterSubcommand(command, [
        '-C',
        '-o',
        '-p',
        '-tags',
        '-ldflags',
        '-gcflags',
        '-mod',
        '-modfile'
      ])) {
        if (word.startsWith('.') || word.startsWith('/') || word.startsWith('$')) continue
        const at = word.lastIndexOf('@')
        if (at < 0 || word.slice(at + 1) === 'latest' || at === word.length - 1) unpinned.push(word)
      }
    }
    return unpinned
  },
  packages => `Pin the version of ${packages} in \`go install\` (\`<package>@<version>\`, not \`@latest\`).`
)

/** Per stage: once both curl and wget have been used, each RUN that uses either is reported. */
export const DL4001: PartBRule = {
  id: 'DL4001',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: 'Use either wget or curl, not both',
  check({ model }) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const seen = new Set<string>()
      for (const run of stageRuns(stage)) {
        const tools = new Set(commandsNamed(run, 'curl', 'wget').map(commandName))
        if (tools.size === 0) continue
        for (const tool of tools) seen.add(tool)
        if (seen.size === 2)
          hits.push(hitAt(run.instruction, 'Use either `curl` or `wget` in this stage, not both.'))
      }
    }
    return hits
  }
}

export const DL4005 = perRun(
  {
    id: 'DL4005',
    aliases: [],
    severity: 'warning',
    summary: 'Use SHELL to change the default shell'
  },
  run => {
    const relinks = commandsNamed(run, 'ln').some(command => {
      const operands = effectiveArgv(command)
        .slice(1)
        .filter(word => !word.startsWith('-'))
      return operands.length >= 2 && operands[operands.length - 1] === '/bin/sh'
    })
    return relinks
      ? 'Use the `SHELL` instruction to change the default shell instead of relinking `/bin/sh`.'
      : undefined
  }
)

/** `-o pipefail` (or a bundle ending in `o`, `-euo pipefail`) among `words`. */
function hasPipefailOption(words: readonly string[]): boolean {
  return words.some((word, i) => /^-[a-z]*o$/.test(word) && words[i + 1] === 'pipefail')
}

function shellHasPipefail(shell: readonly string[]): boolean {
  // Shells without POSIX pipeline semantics, where pipefail means nothing.
  return isNonPosixShell(shell) || hasPipefailOption(shell)
}

/** `set -o pipefail` (or `set -euo pipefail`) before the first pipe of the script. */
function scriptSetsPipefail(commands: readonly ShellCommand[]): boolean {
  for (const command of commands) {
    if (command.pipesTo) return false
    const argv = effectiveArgv(command)
    if (argv[0] === 'set' && hasPipefailOption(argv.slice(1))) return true
  }
  return false
}

/** Stage-aware: the SHELL in effect is tracked through the stage and inherited from a `FROM <stage>` base. */
export const DL4006: PartBRule = {
  id: 'DL4006',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: 'Set the SHELL option `-o pipefail` before a RUN with a pipe in it',
  check({ model }) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const { instruction, shell } of instructionsWithShell(model, stage)) {
        if (instruction.keyword !== 'RUN' || instruction.jsonForm) continue
        const run = runBody(instruction)
        if (!run || !run.commands.some(command => command.pipesTo)) continue
        if (shellHasPipefail(shell) || scriptSetsPipefail(run.commands)) continue
        hits.push(
          hitAt(
            instruction,
            'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail`) before this RUN so a failing command in the pipe fails the build.'
          )
        )
      }
    }
    return hits
  }
}
