// Which RUN bodies ShellCheck has nothing to say about, so they need not be
// sent to it.
//
// ShellCheck's cost is its analysis, about 0.4 ms of CPU per script line
// (0.9.0, measured on the vendored corpus), and a third of a typical
// corpus's RUN bodies are lists of package installs and file moves made of
// plain words. Every ShellCheck check needs something such a body does not
// have: an expansion, a quote, a glob, a pipe, a redirect, a compound
// command, a builtin with its own rules, or one of the few external
// commands ShellCheck knows the arguments of (rm, cp, mv, ln, mkdir, chmod,
// cd ...). So a body is skipped only when it is, exactly:
//
//   - ASCII letters, digits, blanks and `_ . / : = + , @ % * -`, with `\` only
//     as a line continuation, `&` only as `&&` and `*` never first in a word;
//   - commands joined by `&&`, `;` or newlines, each one an allow-listed program
//     (below) with plain-word arguments, the few ShellCheck checks the
//     arguments of held to the forms it accepts.
//
// Anything else goes to ShellCheck as before. `__tests__/lint/shellcheck-plain.test.ts`
// holds this list to ShellCheck itself: every body of the vendored corpus
// and every case of its table that this module skips must get no comment
// from the real shellcheck.

/** Programs whose plain-word arguments ShellCheck does not check (each held to it by the test). */
const PLAIN_PROGRAMS = new Set([
  'add-apt-repository',
  'apt-add-repository',
  'addgroup',
  'adduser',
  'apk',
  'apt',
  'apt-get',
  'bundle',
  'cargo',
  'chgrp',
  'chown',
  'cmake',
  'composer',
  'conda',
  'corepack',
  'cpanm',
  'curl',
  'docker-php-ext-configure',
  'docker-php-ext-enable',
  'docker-php-ext-install',
  'dnf',
  'dotnet',
  'dpkg',
  'gem',
  'git',
  'go',
  'gradle',
  'groupadd',
  'gunzip',
  'gzip',
  'ldconfig',
  'locale-gen',
  'make',
  'microdnf',
  'mvn',
  'ninja',
  'node',
  'npm',
  'pecl',
  'pip',
  'pip3',
  'pnpm',
  'python',
  'python3',
  'rustup',
  'tar',
  'touch',
  'true',
  'unzip',
  'update-ca-certificates',
  'useradd',
  'usermod',
  'wget',
  'yarn',
  'yum',
  'zypper'
])

/** Programs ShellCheck checks the arguments of, with the forms it has no comment on. */
const CHECKED_PROGRAMS: Record<string, (args: readonly string[], next: string | undefined) => boolean> = {
  // SC2114: removing `/`, a top-level directory or /usr/local (every /usr/<name> is refused).
  rm: args =>
    operands(args).every(
      path => !/^\/[^/]*\/?$/.test(path) && !/^\/usr\/[^/]*\/?$/.test(path) && !/^\.\.?\/?$/.test(path)
    ),
  // SC2224-SC2226: no destination. Options that take the target as their value are refused.
  cp: args => hasDestination(args),
  mv: args => hasDestination(args),
  ln: args => hasDestination(args),
  // SC2174: with -p, -m applies to the deepest directory only.
  mkdir: args => !args.some(arg => /^-[a-zA-Z]*m/.test(arg) || arg.startsWith('--mode')),
  // SC2253: -r is "remove read", not "recursive".
  chmod: args => !args.some(arg => /^-[a-zA-Z]*r/.test(arg)),
  // SC2164: a cd whose failure is not handled; SC2103: cd back out of a directory.
  cd: (args, next) =>
    next === '&&' &&
    args.length === 1 &&
    !(args[0] as string).startsWith('-') &&
    !(args[0] as string).includes('..'),
  // SC3040 and friends: only POSIX single-letter options.
  set: args => args.length > 0 && args.every(arg => /^[-+][abCefhmnuvx]+$/.test(arg))
}

/** Prefix assignments ShellCheck has no comment on (SC2209 and SC2037 are about `var=command`). */
const PLAIN_PREFIX =
  /^(?:DEBIAN_FRONTEND|LC_ALL|LANG|CGO_ENABLED|GOOS|GOARCH|GO111MODULE|GOFLAGS)=[A-Za-z0-9_.-]*$/

const PLAIN_TEXT = /^[A-Za-z0-9 \t_./:=+,@%*;&\\\n-]*$/

/**
 * True when the body (the RUN script without shellcheck's header) is one that ShellCheck has
 * no comment on, by the rules above; false whenever in doubt.
 */
export function hasNothingToCheck(lines: readonly string[]): boolean {
  const text = lines.join('\n')
  if (!PLAIN_TEXT.test(text)) return false
  const words = tokens(text)
  if (words === undefined) return false
  // command := word+ ; list := command (('&&' NL*) command)* ; script := (NL | list (';' | NL))*
  let index = 0
  while (index < words.length) {
    if (words[index] === '\n') {
      index++
      continue
    }
    if (words[index] === '&&' || words[index] === ';') return false // no command before it
    const end = commandEnd(words, index)
    const next = words[end]
    if (!plainCommand(words.slice(index, end), next)) return false
    index = end
    if (next === ';') index++
    else if (next === '&&') {
      index++
      while (words[index] === '\n') index++
      if (index >= words.length) return false // a dangling `&&`
    }
  }
  return true
}

/**
 * Words, `&&`, `;` and newline tokens; undefined for a `\` that is not a line continuation, an
 * `&` that is not `&&`, or a word that starts with a glob (SC2035: it may expand to an option).
 */
function tokens(text: string): string[] | undefined {
  const out: string[] = []
  for (const line of text.split(/\\\n/).join(' ').split('\n')) {
    if (line.includes('\\')) return undefined
    for (const word of line.replace(/;/g, ' ; ').split(/[ \t]+/)) {
      if (word === '') continue
      if (word.includes('&') && word !== '&&') return undefined
      if (word.startsWith('*')) return undefined
      out.push(word)
    }
    out.push('\n')
  }
  return out
}

function commandEnd(words: readonly string[], start: number): number {
  let end = start
  while (end < words.length && words[end] !== '\n' && words[end] !== '&&' && words[end] !== ';') end++
  return end
}

function plainCommand(command: readonly string[], next: string | undefined): boolean {
  let start = 0
  while (start < command.length && (command[start] as string).includes('=')) {
    if (!PLAIN_PREFIX.test(command[start] as string)) return false
    start++
  }
  const program = command[start]
  if (program === undefined) return false // only assignments: SC2034 and friends
  const args = command.slice(start + 1)
  // `x = y`, `x == y`: SC2283/SC2284 read these as misspelt assignments or comparisons.
  if (args.some(arg => arg.startsWith('='))) return false
  if (PLAIN_PROGRAMS.has(program)) return true
  if (/^\.\/[A-Za-z0-9_.-]+$/.test(program)) return true // ./configure, ./build.sh
  const checked = CHECKED_PROGRAMS[program]
  return checked !== undefined && checked(args, next)
}

function operands(args: readonly string[]): string[] {
  return args.filter(arg => !arg.startsWith('-'))
}

function hasDestination(args: readonly string[]): boolean {
  // -t/--target-directory and -S/--suffix take a value: refused rather than parsed.
  if (args.some(arg => /^-[a-zA-Z]*[tTS]/.test(arg) || /^--(?:target|suffix|no-target)/.test(arg)))
    return false
  return operands(args).length >= 2
}
