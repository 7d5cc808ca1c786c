// hadolint's apk rules: pinned versions and `--no-cache`.
import { type ShellCommand, hasFlag } from '../../dockerfile/shell.js'
import { hasCacheMount, installCommand, perRun, perUnpinnedPackage } from '../kit.js'

export const APK_VALUE_OPTIONS = [
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
    if (hasCacheMount(run.flags, ...APK_CACHE)) return undefined
    const offending = run.commands.find(command => apkAdd(command) && !hasFlag(command, '--no-cache'))
    return offending
      ? 'Add `--no-cache` to apk add so the package index stays out of the layer (no --update or cache cleanup needed).'
      : undefined
  }
)
