// hadolint's package-manager rules of part A: pinned versions (apt-get, pip,
// npm, apk, gem), non-interactive switches (apt-get -y, yum -y), lean
// installs (--no-install-recommends, apk --no-cache), apt list cleanup, and
// apt vs apt-get. Each reads the RUN bodies through the shell splitter.
import type { LintRule } from '../../rule.js'
import { commandName, effectiveArgv, hasFlag, positionalArgs, type ShellCommand } from '../../shell.js'
import { hasCacheMountOn, installCommand, perCommand, perRun, perUnpinnedPackage } from './a-helpers.js'

// --- apt-get ---------------------------------------------------------------

const APT_GET_VALUE_OPTIONS = [
  '-t',
  '--target-release',
  '--default-release',
  '-o',
  '--option',
  '-c',
  '--config-file'
]

function aptGetInstall(command: ShellCommand) {
  return installCommand(command, ['apt-get'], ['install'], APT_GET_VALUE_OPTIONS)
}

/** `pkg=1.2`, `pkg/bookworm-backports` (release pin), `./local.deb`, `/tmp/x.deb`. */
function aptPinned(word: string): boolean {
  return word.includes('=') || word.includes('/') || word.endsWith('.deb')
}

export const DL3008 = perUnpinnedPackage(
  { id: 'DL3008', severity: 'warning', summary: 'Pin versions in apt-get install.' },
  command => aptGetInstall(command)?.packages,
  aptPinned,
  unpinned => `Pin the version of \`${unpinned}\` in apt-get install (\`${unpinned}=<version>\`).`
)

function isAptUpdate(command: ShellCommand): boolean {
  return installCommand(command, ['apt-get', 'apt'], ['update']) !== undefined
}

function removesAptLists(command: ShellCommand): boolean {
  return (
    commandName(command) === 'rm' &&
    effectiveArgv(command).some(word => word.startsWith('/var/lib/apt/lists'))
  )
}

const APT_LISTS = ['/var/lib/apt/lists']

/**
 * Stage-aware as hadolint is: lists left behind in a stage that only feeds
 * `COPY --from` never reach the image, so only the final stage and the stages
 * it is built `FROM` are checked.
 */
export const DL3009 = perRun(
  { id: 'DL3009', severity: 'note', summary: 'Delete the apt-get lists after installing something.' },
  run =>
    run.commands.some(isAptUpdate) &&
    !run.commands.some(removesAptLists) &&
    !hasCacheMountOn(run.flags, APT_LISTS)
      ? 'Remove the apt lists in the same RUN (`rm -rf /var/lib/apt/lists/*`) or mount a cache on /var/lib/apt/lists.'
      : undefined,
  'final-image'
)

/** `-y`, `--yes`, `--assume-yes`, or quiet level 2 (`-qq`, `-q=2`, `--quiet=2`), which implies yes. */
function aptAssumesYes(command: ShellCommand): boolean {
  if (hasFlag(command, '-y', '--yes', '--assume-yes')) return true
  const args = effectiveArgv(command).slice(1)
  let quiet = 0
  for (const word of args) {
    if (word === '--') break
    if (word === '-q=2' || word === '--quiet=2') return true
    if (word === '--quiet') quiet++
    else if (/^-[A-Za-z]+$/.test(word)) quiet += [...word].filter(ch => ch === 'q').length
  }
  return quiet >= 2
}

export const DL3014 = perCommand(
  { id: 'DL3014', severity: 'warning', summary: 'Use the -y switch with apt-get install.' },
  command =>
    aptGetInstall(command) && !aptAssumesYes(command)
      ? 'Add `-y` to apt-get install so the build never waits for a confirmation.'
      : undefined
)

function disablesRecommends(command: ShellCommand): boolean {
  if (hasFlag(command, '--no-install-recommends')) return true
  const args = effectiveArgv(command).slice(1)
  return args.some((word, i) => {
    const value =
      word === '-o' || word === '--option' ? args[i + 1] : word.startsWith('-o') ? word.slice(2) : undefined
    return value !== undefined && /^APT::Install-Recommends=(false|0|no)$/i.test(value.replace(/^=/, ''))
  })
}

export const DL3015 = perCommand(
  {
    id: 'DL3015',
    severity: 'note',
    summary: 'Avoid additional packages by specifying --no-install-recommends.'
  },
  command =>
    aptGetInstall(command) && !disablesRecommends(command)
      ? 'Add `--no-install-recommends` to apt-get install to keep recommended packages out of the image.'
      : undefined
)

export const DL3027 = perCommand(
  {
    id: 'DL3027',
    severity: 'warning',
    summary: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead.'
  },
  command =>
    commandName(command) === 'apt'
      ? 'Use apt-get or apt-cache instead of apt, whose interface is meant for people and may change.'
      : undefined
)

// --- pip -------------------------------------------------------------------

const PIP_VALUE_OPTIONS = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--progress-bar',
  '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--no-binary', '--only-binary',
  '--global-option', '--install-option', '-C', '--config-settings', '--cache-dir', '--log', '--proxy', '--retries',
  '--timeout', '--exists-action', '--cert', '--client-cert', '--report', '--python', '--keyring-provider'
] // prettier-ignore

const PIP = /^pip(\d+(\.\d+)?)?$/
const PYTHON = /^python(\d+(\.\d+)?)?$/

/** Arguments after `install` of `pip install` or `python -m pip install`. */
function pipInstallArgs(command: ShellCommand): string[] | undefined {
  let argv = effectiveArgv(command)
  const name = commandName(command)
  if (PYTHON.test(name)) {
    const m = argv.indexOf('-m')
    if (m < 0 || !PIP.test(argv[m + 1] ?? '')) return undefined
    argv = argv.slice(m + 1)
  } else if (!PIP.test(name)) return undefined
  const install = argv.indexOf('install')
  return install < 0 ? undefined : argv.slice(install + 1)
}

/** Version specifiers, direct references (`pkg @ url`), VCS/URL requirements, local paths and archives. */
function pipPinned(word: string): boolean {
  return (
    /[=<>~!]/.test(word) ||
    word.includes('@') ||
    word.includes('://') ||
    /^[./~]/.test(word) ||
    /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(word)
  )
}

export const DL3013 = perUnpinnedPackage(
  { id: 'DL3013', severity: 'warning', summary: 'Pin versions in pip.' },
  command => {
    const args = pipInstallArgs(command)
    return args && positionalArgs(args, PIP_VALUE_OPTIONS)
  },
  pipPinned,
  unpinned =>
    `Pin the version of \`${unpinned}\` in pip install (\`${unpinned}==<version>\`) or install from a requirements file.`
)

// --- npm -------------------------------------------------------------------

const NPM_VALUE_OPTIONS = [
  '--registry',
  '--prefix',
  '-w',
  '--workspace',
  '--tag',
  '--cache',
  '--omit',
  '--include',
  '--userconfig'
]

/** Git and GitHub shorthands are pinned by a `#commit-ish`; URLs, tarballs and paths are fixed content. */
function npmPinned(word: string): boolean {
  const isGit =
    /^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(word) || /^[^@./][^:]*\/[^/]+$/.test(word)
  if (isGit) return word.includes('#')
  if (/^(https?:|file:|\.|\/|~)/.test(word) || /\.(tgz|tar\.gz|tar)$/.test(word)) return true
  const at = word.indexOf('@', 1)
  if (at < 0) return false
  const version = word.slice(at + 1)
  return version !== '' && version !== 'latest' && version !== 'next'
}

export const DL3016 = perUnpinnedPackage(
  { id: 'DL3016', severity: 'warning', summary: 'Pin versions in npm.' },
  command => installCommand(command, ['npm'], ['install', 'i', 'add'], NPM_VALUE_OPTIONS)?.packages,
  npmPinned,
  unpinned =>
    `Pin the version of \`${unpinned}\` in npm install (\`${unpinned.replace(/@[^@]*$/, '') || unpinned}@<version>\`).`
)

// --- apk -------------------------------------------------------------------

const APK_VALUE_OPTIONS = [
  '-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir',
  '--keys-dir', '--cache-max-age'
] // prettier-ignore

function apkAdd(command: ShellCommand) {
  return installCommand(command, ['apk'], ['add'], APK_VALUE_OPTIONS)
}

/** `pkg=1.2-r0`, `pkg~1.2`, `pkg>1.2`, or a local `.apk` file. */
function apkPinned(word: string): boolean {
  return /[=~<>]/.test(word) || word.endsWith('.apk')
}

export const DL3018 = perUnpinnedPackage(
  { id: 'DL3018', severity: 'warning', summary: 'Pin versions in apk add.' },
  command => apkAdd(command)?.packages,
  apkPinned,
  unpinned => `Pin the version of \`${unpinned}\` in apk add (\`${unpinned}=<version>\`).`
)

const APK_CACHE = ['/var/cache/apk', '/etc/apk/cache']

export const DL3019 = perRun(
  {
    id: 'DL3019',
    severity: 'note',
    summary:
      'Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/* when done.'
  },
  run => {
    if (hasCacheMountOn(run.flags, APK_CACHE)) return undefined
    const offending = run.commands.find(command => apkAdd(command) && !hasFlag(command, '--no-cache'))
    return offending
      ? 'Add `--no-cache` to apk add so the package index stays out of the layer (no --update or cache cleanup needed).'
      : undefined
  }
)

// --- gem -------------------------------------------------------------------

const GEM_VALUE_OPTIONS = [
  '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy',
  '--platform', '-g', '--file', '--build-root'
] // prettier-ignore

export const DL3028 = perUnpinnedPackage(
  { id: 'DL3028', severity: 'warning', summary: 'Pin versions in gem install.' },
  command => {
    // `-v <version>` pins every gem of the install.
    const install = installCommand(command, ['gem'], ['install', 'i'], GEM_VALUE_OPTIONS)
    return install && !hasFlag(command, '-v', '--version') ? install.packages : undefined
  },
  word => word.includes(':') || word.endsWith('.gem'),
  unpinned =>
    `Pin the version of \`${unpinned}\` in gem install (\`${unpinned}:<version>\` or \`-v <version>\`).`
)

// --- yum -------------------------------------------------------------------

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

export const PACKAGE_RULES: readonly LintRule[] = [
  DL3008,
  DL3009,
  DL3013,
  DL3014,
  DL3015,
  DL3016,
  DL3018,
  DL3019,
  DL3027,
  DL3028,
  DL3030
]
