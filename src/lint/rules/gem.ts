// hadolint's gem rule: pinned versions.
import { flagValue } from '../../dockerfile/shell.js'
import { installCommand, perUnpinnedPackage } from '../kit.js'

const GEM_VALUE_OPTIONS = [
  '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy',
  '--platform', '-g', '--file', '--build-root'
] // prettier-ignore

/**
 * The gems of a `gem install`: words after `--` are build options for native extensions
 * (`-- --use-system-libraries`), and a `true`/`false` after an option is that option's value.
 */
function gemNames(args: readonly string[]): string[] {
  const names: string[] = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word === '--') break
    if (word.startsWith('-')) {
      if (GEM_VALUE_OPTIONS.includes(word) || /^(true|false)$/.test(args[i + 1] ?? '')) i++
      continue
    }
    names.push(word)
  }
  return names
}

export const DL3028 = perUnpinnedPackage(
  { id: 'DL3028', severity: 'warning', summary: 'Pin versions in gem install.' },
  command => {
    const install = installCommand(command, ['gem'], ['install', 'i'], GEM_VALUE_OPTIONS)
    // `-v <version>` (`-v1.2`, `--version=1.2`) pins every gem of the install.
    if (!install || flagValue(command, '-v', '--version') !== undefined) return undefined
    return gemNames(install.args)
  },
  word => word.includes(':') || word.endsWith('.gem'),
  unpinned =>
    `Pin the version of \`${unpinned}\` in gem install (\`${unpinned}:<version>\` or \`-v <version>\`).`
)
