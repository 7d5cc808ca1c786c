// hadolint's go rule: `go install`, `go get` and `go run` of a pinned version.
import { effectiveArgv, positionalArgs, type ShellCommand } from '../../dockerfile/shell.js'
import { commandsNamed, flatMapOf, requiresPinnedVersions } from '../kit.js'

/** Build flags of the go command that take a separate value. */
const GO_VALUE_OPTIONS = [
  '-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-overlay', '-pkgdir',
  '-exec', '-toolexec', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-pgo', '-covermode',
  '-coverpkg'
] // prettier-ignore

/** A local package (`.`, `./cmd/x`, `/go/src/app`, `./...`) or one only known at build time: nothing to pin. */
function isLocalOrDynamic(word: string): boolean {
  return word.startsWith('.') || word.startsWith('/') || word.startsWith('$')
}

function isPinned(word: string): boolean {
  const at = word.lastIndexOf('@')
  return at > 0 && at < word.length - 1 && word.slice(at + 1) !== 'latest'
}

/**
 * The module paths a go command fetches: every package of `go install` and `go get` (`go install
 * tool` is the meta-package of the module's tools, not a download), and the one package of
 * `go run` (the words after it are the program's arguments).
 */
function fetchedPackages(command: ShellCommand): string[] {
  const args = effectiveArgv(command).slice(1)
  const subcommand = fetchingSubcommand(command)
  if (subcommand === undefined) return []
  const afterSubcommand = args.slice(args.indexOf(subcommand) + 1)
  if (subcommand === 'run') {
    // Flags before the package are go's; the first word that is not a flag is the package.
    for (let i = 0; i < afterSubcommand.length; i++) {
      const word = afterSubcommand[i] as string
      if (word === '--') return afterSubcommand.slice(i + 1, i + 2)
      if (!word.startsWith('-')) return word.endsWith('.go') ? [] : [word]
      if (GO_VALUE_OPTIONS.includes(word)) i++
    }
    return []
  }
  const packages = positionalArgs(afterSubcommand, GO_VALUE_OPTIONS)
  return subcommand === 'install' ? packages.filter(word => word !== 'tool') : packages
}

/** `install`, `get` or `run`: the go subcommands that fetch what they are given. */
function fetchingSubcommand(command: ShellCommand): 'install' | 'get' | 'run' | undefined {
  const subcommand = positionalArgs(effectiveArgv(command).slice(1), GO_VALUE_OPTIONS)[0]
  return subcommand === 'install' || subcommand === 'get' || subcommand === 'run' ? subcommand : undefined
}

const unpinned = (word: string): boolean => !isLocalOrDynamic(word) && !isPinned(word)

/** Package paths fetched without an `@version` (`@latest` is no pin); local paths build the module at hand. */
export const DL3062 = requiresPinnedVersions(
  {
    id: 'DL3062',
    aliases: [],
    severity: 'warning',
    summary: 'Pin versions in `go install` (`<package>@<version>`)'
  },
  run => flatMapOf(commandsNamed(run, 'go'), fetchedPackages).filter(unpinned),
  (packages, run) => {
    // Named by the command written (`go get` too), not always `go install`.
    const commands = new Set(
      commandsNamed(run, 'go')
        .filter(command => fetchedPackages(command).some(unpinned))
        .map(command => `\`go ${fetchingSubcommand(command) ?? 'install'}\``)
    )
    return `Pin the version of ${packages} in ${[...commands].join(' and ')} (\`<package>@<version>\`, not \`@latest\`).`
  }
)
