// hadolint's RPM-family rules (yum, dnf, microdnf, zypper): non-interactive, no OS upgrade, pinned versions, the cache cleaned after the install.
import { type ShellCommand, commandName, effectiveArgv, hasFlag } from '../../dockerfile/shell.js'
import {
  type RuleSpec,
  type RunBody,
  commandsNamed,
  hasCacheMount,
  installCommand,
  operandsAfterSubcommand,
  perCommand,
  perRun,
  cleanedAfter,
  requiresPinnedVersions,
  subcommandOf
} from '../kit.js'
import type { LintRule } from '../rule.js'

export const DL3030 = perCommand(
  {
    id: 'DL3030',
    severity: 'warning',
    summary: 'Use the -y switch to avoid manual input: yum install -y <package>.'
  },
  command =>
    installCommand(command, ['yum'], ['install', 'groupinstall', 'localinstall', 'reinstall']) &&
    !hasFlag(command, '-y', '--assumeyes')
      ? 'Add `-y` to yum install so the build never waits for a confirmation.'
      : undefined
)

/** Options of yum/dnf/microdnf that take their value as the next word. */
export const RPM_VALUE_OPTIONS = [
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
export const ZYPPER_VALUE_OPTIONS = [
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

/** A RUN that runs one of `subcommands` of `family` (an OS upgrade in the build) is reported with `message`. */
function forbidsSubcommands(
  meta: RuleSpec,
  family: RpmFamily,
  subcommands: readonly string[],
  message: string
): LintRule {
  return perRun(meta, run => (invocations(run, family, subcommands).length > 0 ? message : undefined))
}

/** A RUN with a `prompting` subcommand of `family` lacking all of `yesFlags` is reported with `message`. */
function requiresNonInteractive(
  meta: RuleSpec,
  family: RpmFamily,
  prompting: readonly string[],
  yesFlags: readonly string[],
  message: string
): LintRule {
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
/** `rm ... /var/cache/yum` (or below it). */
function removesCacheDir(command: ShellCommand, dirs: readonly string[]): boolean {
  return (
    commandName(command) === 'rm' &&
    effectiveArgv(command)
      .slice(1)
      .some(word => dirs.some(dir => word === dir || word.startsWith(dir.replace(/\/?$/, '/'))))
  )
}

function requiresCacheCleanup(
  meta: RuleSpec,
  family: RpmFamily,
  cleanup: CacheCleanup,
  message: string
): LintRule {
  return perRun(meta, run => {
    if (invocations(run, family, INSTALL).length === 0) return undefined
    const { clean, cleanArgument, cacheDirs } = cleanup
    const installs = new Set(invocations(run, family, INSTALL))
    const cleans = new Set(
      invocations(run, family, clean).filter(
        command => cleanArgument === undefined || effectiveArgv(command).includes(cleanArgument)
      )
    )
    if (hasCacheMount(run, ...cacheDirs)) return undefined
    // Order matters: a clean before the install cleans nothing. And each tool cleans its own
    // cache: `dnf install … && microdnf clean all` leaves dnf's (hadolint pairs them the same way).
    const tools = new Set([...installs].map(command => commandName(command)))
    for (const tool of tools) {
      const cleaned = cleanedAfter(
        run,
        command => installs.has(command) && commandName(command) === tool,
        command =>
          (cleans.has(command) && commandName(command) === tool) || removesCacheDir(command, cacheDirs)
      )
      if (!cleaned) return message
    }
    return undefined
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
    summary: 'Use the `-y` switch with `dnf install` (and microdnf)'
  },
  // microdnf prompts too, and hadolint's DL3038 covers it.
  DNF,
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
  (packages, run) => {
    // Name the command written: `microdnf install` on UBI-minimal, `dnf install` elsewhere.
    const tools = DNF.tools.filter(tool => unpinnedPackages(run, { ...DNF, tools: [tool] }).length > 0)
    const shown = tools.map(tool => `\`${tool} install\``).join(' and ')
    return `Pin the version of ${packages} in ${shown} (\`<package>-<version>\`).`
  }
)
