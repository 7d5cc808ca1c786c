// hadolint's gem rule: pinned versions.
import { hasFlag } from '../../dockerfile/shell.js'
import { installCommand, perUnpinnedPackage } from '../kit.js'

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
