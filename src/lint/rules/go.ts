// hadolint's go rule: `go install` / `go get` of a pinned version.
import { commandsNamed, operandsAfterSubcommand, requiresPinnedVersions, subcommandOf } from '../kit.js'

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
