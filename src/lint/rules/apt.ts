// hadolint's apt-get / apt / aptitude rules: pinned versions, `-y`, `--no-install-recommends`, and no package lists left in the layer.

import { type ShellCommand, commandName, effectiveArgv, hasFlag } from '../../dockerfile/shell.js'
import {
  type RunBody,
  hasCacheMount,
  installCommand,
  mountTargets,
  perCommand,
  perRun,
  perUnpinnedPackage
} from '../kit.js'

/** Options of apt-get / apt / aptitude that take their value as the next word (`-o APT::X=y`, `-t bookworm-backports`). */
export const APT_GET_VALUE_OPTIONS = [
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

/**
 * A cache (or tmpfs) mount keeps the lists out of the layer when, as hadolint counts it, it is on
 * the lists directory itself, or on both of apt's directories (`/var/lib/apt` and
 * `/var/cache/apt`, or a parent of them): a cache on `/var/lib/apt` alone is not enough.
 */
function mountsAptCaches(run: RunBody): boolean {
  const onLists = mountTargets(run.flags, ['cache', 'tmpfs']).some(
    target => target === '/var/lib/apt/lists' || target.startsWith('/var/lib/apt/lists/')
  )
  return onLists || (hasCacheMount(run, '/var/lib/apt') && hasCacheMount(run, '/var/cache/apt'))
}

/**
 * Stage-aware as hadolint is: lists left behind in a stage that only feeds
 * `COPY --from` never reach the image, so only the final stage and the stages
 * it is built `FROM` are checked (and ONBUILD RUNs, which land wherever they trigger).
 */
export const DL3009 = perRun(
  { id: 'DL3009', severity: 'note', summary: 'Delete the apt-get lists after installing something.' },
  run =>
    run.commands.some(isAptUpdate) && !run.commands.some(removesAptLists) && !mountsAptCaches(run)
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
