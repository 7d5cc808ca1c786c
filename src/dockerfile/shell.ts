// A small POSIX-shell splitter for RUN bodies: good enough for lint rules to
// ask "which commands run, with which words", not a full shell grammar.
// Quotes group words and are removed; `$(...)`, `${...}` and backticks stay
// inside their word; `&&`, `||`, `;`, `|`, `&`, newlines and loose subshell
// parens/braces separate commands; redirections and their targets are dropped
// from argv; heredoc bodies are skipped; leading `NAME=value` words become
// `env`. Linear in the input: never throws, never hangs (an unterminated
// quote or substitution consumes to the end).

export interface EnvAssignment {
  name: string
  value: string
}

export interface ShellCommand {
  /** Words with quotes removed; env-assignment prefixes and redirections excluded. */
  argv: string[]
  /** `FOO=bar` words before the command name. */
  env: EnvAssignment[]
  /** The command's source text, from its first to its last word. */
  raw: string
  /** The right side of a `|`. */
  pipedFrom: boolean
  /** The left side of a `|`. */
  pipesTo: boolean
  /** Index in argv of the command that actually runs, past `sudo`, `env`, `timeout 10` … */
  start: number
  /** That command's name without its path; '' when there is none. */
  name: string
}

/**
 * Every command is made here, with the same fields in the same order: one object shape keeps the
 * rules' reads of it monomorphic (commands that differed by an optional `pipesTo` made V8 throw
 * away the rules' optimized code), and the wrapped command is found once, not by every rule.
 */
export function shellCommand(
  argv: string[],
  env: EnvAssignment[],
  raw: string,
  pipedFrom = false,
  pipesTo = false
): ShellCommand {
  const start = commandStart(argv)
  const first = argv[start]
  return { argv, env, raw, pipedFrom, pipesTo, start, name: first === undefined ? '' : basename(first) }
}

interface WordToken {
  kind: 'word'
  value: string
  /** True when the word's text before its first `=` had no quotes or escapes (so `NAME=` is an assignment). */
  plainPrefix: boolean
  /** True when the word had quotes or escapes (so it cannot be a reserved word like `esac`). */
  quoted: boolean
  start: number
  end: number
}

interface OperatorToken {
  kind: 'op'
  op: string
  start: number
  end: number
}

type Token = WordToken | OperatorToken

const SEPARATORS = new Set(['&&', '||', ';', ';;', ';&', ';;&', '&', '\n', '|', '|&', '(', ')'])
const REDIRECTS = ['<<<', '<<-', '&>>', '>>', '<<', '>&', '<&', '&>', '>|', '<>', '<', '>']
/** Reserved words that open a compound command: dropped when they lead a command. */
const LEADING_KEYWORDS = new Set(['{', '}', '!', 'if', 'then', 'else', 'elif', 'do', 'while', 'until'])
/** Reserved words that close a compound command: a command of only these is dropped. */
const CLOSING_KEYWORDS = new Set(['fi', 'done', 'esac', '}'])
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/
/** What may stand before `=(` in an array assignment: `NAME`, `NAME+`. */
const ARRAY_TARGET = /^[A-Za-z_][A-Za-z0-9_]*\+?$/

export function parseShell(script: string): ShellCommand[] {
  const tokens = tokenize(script)
  const commands: ShellCommand[] = []
  let words: WordToken[] = []
  let previousPipes = false

  const flush = (separator: string | undefined): void => {
    const pipes = separator === '|' || separator === '|&'
    const command = buildCommand(script, words, previousPipes, pipes)
    words = []
    if (!command) {
      previousPipes = false
      return
    }
    previousPipes = pipes
    commands.push(command)
  }

  // `case` compounds, innermost last: 'pattern' while reading a clause's pattern list up to its
  // `)`, 'body' while in the clause's commands. The `|` between a pattern's alternatives
  // (`amd64|arm64)`) is not a pipeline, and the pattern words are not a command; a `|` inside a
  // clause body (`a) curl … | sh ;;`) is a real pipe again.
  const cases: ('pattern' | 'body')[] = []

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const inCase = cases[cases.length - 1]
    if (inCase === 'pattern') {
      if (token.kind === 'word') {
        // `esac` where a pattern would start closes the compound (after the last `;;`).
        if (token.value === 'esac' && !token.quoted) cases.pop()
      } else if (token.op === ')') {
        cases[cases.length - 1] = 'body'
      }
      // Alternatives (`|`), the optional leading `(` and newlines belong to the pattern list.
      continue
    }
    if (token.kind === 'word') {
      const head = commandHead(words)
      if (inCase === 'body' && head.length === 0 && token.value === 'esac' && !token.quoted) {
        // A last clause without `;;`.
        flush(undefined)
        cases.pop()
        continue
      }
      // `case WORD in`: the header is a command of its own (as before); the clauses follow.
      const opensCase =
        head.length === 2 &&
        head[0]?.value === 'case' &&
        !head[0].quoted &&
        token.value === 'in' &&
        !token.quoted
      words.push(token)
      if (opensCase) {
        flush(undefined)
        cases.push('pattern')
      }
      continue
    }
    if (inCase === 'body' && (token.op === ';;' || token.op === ';&' || token.op === ';;&')) {
      flush(token.op)
      cases[cases.length - 1] = 'pattern'
      continue
    }
    if (SEPARATORS.has(token.op)) {
      flush(token.op)
      continue
    }
    // A redirection: its target word is not an argument.
    const next = tokens[i + 1]
    if (next && next.kind === 'word') i++
  }
  flush(undefined)
  return commands
}

/** The words of the command so far, past leading reserved words (`then`, `do`, `{` …). */
function commandHead(words: readonly WordToken[]): readonly WordToken[] {
  let start = 0
  while (start < words.length && LEADING_KEYWORDS.has((words[start] as WordToken).value)) start++
  return start === 0 ? words : words.slice(start)
}

function buildCommand(
  script: string,
  words: WordToken[],
  pipedFrom: boolean,
  pipesTo: boolean
): ShellCommand | undefined {
  const rest = commandHead(words)
  if (rest.length === 0) return undefined
  if (rest.every(word => CLOSING_KEYWORDS.has(word.value))) return undefined
  const env: EnvAssignment[] = []
  let index = 0
  for (; index < rest.length; index++) {
    const word = rest[index] as WordToken
    const match = word.plainPrefix ? ASSIGNMENT.exec(word.value) : null
    if (!match) break
    env.push({ name: match[1] as string, value: word.value.slice(match[0].length) })
  }
  const first = rest[0] as WordToken
  const last = rest[rest.length - 1] as WordToken
  return shellCommand(
    rest.slice(index).map(word => word.value),
    env,
    script.slice(first.start, last.end),
    pipedFrom,
    pipesTo
  )
}

function tokenize(script: string): Token[] {
  const tokens: Token[] = []
  const n = script.length
  let i = 0
  /** Delimiters of heredocs opened on the current line; their bodies start after the next newline. */
  let pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = []
  let heredocOperator: string | undefined

  while (i < n) {
    const ch = script[i] as string
    // Line continuation.
    if (ch === '\\' && script[i + 1] === '\n') {
      i += 2
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++
      continue
    }
    if (ch === '#') {
      while (i < n && script[i] !== '\n') i++
      continue
    }
    if (ch === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 })
      i++
      if (pendingHeredocs.length > 0) {
        i = skipHeredocBodies(script, i, pendingHeredocs)
        pendingHeredocs = []
      }
      continue
    }
    const operator = readOperator(script, i)
    if (operator) {
      tokens.push({ kind: 'op', op: operator, start: i, end: i + operator.length })
      if (operator === '<<' || operator === '<<-') heredocOperator = operator
      i += operator.length
      continue
    }
    const word = readWord(script, i)
    // `2>file`, `2>&1`: a number right before a redirection is its file descriptor.
    const after = script[word.end]
    if (
      (after === '>' || after === '<') &&
      word.end - word.start === word.value.length &&
      /^\d+$/.test(word.value)
    ) {
      i = word.end
      continue
    }
    tokens.push(word)
    if (heredocOperator) {
      pendingHeredocs.push({ delimiter: word.value, stripTabs: heredocOperator === '<<-' })
      heredocOperator = undefined
    }
    i = word.end
  }
  return tokens
}

function readOperator(script: string, i: number): string | undefined {
  // Most tokens are words: one character decides, before any slice or startsWith.
  const c = script.charCodeAt(i)
  // ; & | ( ) < >
  if (c !== 59 && c !== 38 && c !== 124 && c !== 40 && c !== 41 && c !== 60 && c !== 62) return undefined
  const two = script.slice(i, i + 2)
  if (script.startsWith(';;&', i)) return ';;&'
  if (two === '&&' || two === '||' || two === ';;' || two === ';&' || two === '|&') return two
  for (const redirect of REDIRECTS) if (script.startsWith(redirect, i)) return redirect
  const ch = script[i] as string
  if (ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')') return ch
  return undefined
}

/** One word from `i`: quotes removed, substitutions kept verbatim. */
function readWord(script: string, start: number): WordToken {
  const n = script.length
  // The value is built from slices of the script between quotes and escapes, not a character at
  // a time: most words are one slice, and per-character concatenation was most of the tokenizer's
  // allocation.
  let value = ''
  let plainPrefix = true
  let quoted = false
  let sawEquals = false
  let i = start
  /** Start of the run of plain characters not yet added to `value`. */
  let run = start
  while (i < n) {
    const ch = script[i] as string
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break
    if (ch === ';' || ch === '&' || ch === '|' || ch === '<' || ch === '>' || ch === '(' || ch === ')') break
    if (ch === '=') {
      sawEquals = true
      i++
      // `PKGS=(wget sudo)`: a bash array assignment is one word; its elements are no commands.
      if (script[i] === '(' && plainPrefix && ARRAY_TARGET.test(script.slice(start, i - 1)))
        i = skipSubstitution(script, i)
      continue
    }
    const substitution = ch === '$' && (script[i + 1] === '(' || script[i + 1] === '{')
    if (ch !== '\\' && ch !== "'" && ch !== '"' && ch !== '`' && !substitution) {
      i++
      continue
    }
    if (i > run) value += script.slice(run, i)
    if (ch !== '$' && ch !== '`') quoted = true
    if (ch === '\\') {
      if (!sawEquals) plainPrefix = false
      if (script[i + 1] !== '\n' && i + 1 < n) value += script[i + 1]
      i += 2
    } else if (ch === "'") {
      if (!sawEquals) plainPrefix = false
      const close = script.indexOf("'", i + 1)
      const end = close < 0 ? n : close
      value += script.slice(i + 1, end)
      i = end + 1
    } else if (ch === '"') {
      if (!sawEquals) plainPrefix = false
      i = readDoubleQuoted(script, i + 1, part => {
        value += part
      })
      i++
    } else {
      const end = substitution ? skipSubstitution(script, i + 1) : skipBackticks(script, i)
      value += script.slice(i, end)
      i = end
    }
    run = i
  }
  const end = Math.min(i, n)
  if (end > run) value = value === '' ? script.slice(run, end) : value + script.slice(run, end)
  return { kind: 'word', value, plainPrefix, quoted, start, end }
}

/**
 * The inside of a double-quoted string from `i` (just past the opening quote) to its closing
 * quote (or the end), handed to `add` in pieces with escapes resolved; returns the closing
 * quote's index.
 */
function readDoubleQuoted(script: string, i: number, add: (part: string) => void): number {
  const n = script.length
  let run = i
  while (i < n && script[i] !== '"') {
    const inner = script[i] as string
    if (inner === '\\' && i + 1 < n) {
      if (i > run) add(script.slice(run, i))
      const escaped = script[i + 1] as string
      if (escaped !== '\n') add('$`"\\'.includes(escaped) ? escaped : inner + escaped)
      i += 2
      run = i
      continue
    }
    if ((inner === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) || inner === '`') {
      if (i > run) add(script.slice(run, i))
      const end = inner === '`' ? skipBackticks(script, i) : skipSubstitution(script, i + 1)
      add(script.slice(i, end))
      i = end
      run = i
      continue
    }
    i++
  }
  if (i > run) add(script.slice(run, Math.min(i, n)))
  return i
}

/** From an opening `(` or `{` at `open`, the index just past its match (or the end). */
function skipSubstitution(script: string, open: number): number {
  const openChar = script[open] as string
  const closeChar = openChar === '(' ? ')' : '}'
  let depth = 0
  let i = open
  const n = script.length
  while (i < n) {
    const ch = script[i] as string
    if (ch === '\\') {
      i += 2
      continue
    }
    if (ch === "'" && openChar === '(') {
      const close = script.indexOf("'", i + 1)
      i = close < 0 ? n : close + 1
      continue
    }
    if (ch === '"') {
      i++
      while (i < n && script[i] !== '"') i += script[i] === '\\' ? 2 : 1
      i++
      continue
    }
    if (ch === '`') {
      i = skipBackticks(script, i)
      continue
    }
    if (ch === openChar) depth++
    else if (ch === closeChar) {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  return n
}

function skipBackticks(script: string, open: number): number {
  let i = open + 1
  const n = script.length
  while (i < n && script[i] !== '`') i += script[i] === '\\' ? 2 : 1
  return Math.min(i + 1, n)
}

/** Skip heredoc bodies starting at `i` (just after a newline); returns the index after the last delimiter line. */
function skipHeredocBodies(
  script: string,
  i: number,
  heredocs: { delimiter: string; stripTabs: boolean }[]
): number {
  const n = script.length
  for (const heredoc of heredocs) {
    while (i < n) {
      const lineEnd = script.indexOf('\n', i)
      const end = lineEnd < 0 ? n : lineEnd
      let line = script.slice(i, end)
      if (line.endsWith('\r')) line = line.slice(0, -1)
      if (heredoc.stripTabs) line = line.replace(/^\t+/, '')
      i = lineEnd < 0 ? n : lineEnd + 1
      if (line === heredoc.delimiter) break
    }
  }
  return i
}

// ---------------------------------------------------------------------------
// Helpers the rules use.

/** Wrappers that run another command, with their options that take a value; those are skipped to reach it. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R'],
    doas: ['-u', '-C'],
    env: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'],
    exec: ['-a'],
    command: [],
    builtin: [],
    nohup: [],
    nice: ['-n', '--adjustment'],
    time: ['-f', '-o', '--format', '--output'],
    stdbuf: ['-i', '-o', '-e'],
    eatmydata: [],
    timeout: ['-s', '-k', '--signal', '--kill-after']
  }).map(([name, options]) => [name, new Set(options)])
)

function basename(word: string): string {
  const slash = word.lastIndexOf('/')
  return slash < 0 ? word : word.slice(slash + 1)
}

/** Index in argv of the command that actually runs, past wrappers and their options. */
function commandStart(argv: readonly string[]): number {
  let i = 0
  while (i < argv.length) {
    const name = basename(argv[i] as string)
    const valueOptions = WRAPPERS.get(name)
    if (!valueOptions) break
    i++
    // `timeout 10 cmd`: its first positional is the duration.
    let durationPending = name === 'timeout'
    while (i < argv.length) {
      const word = argv[i] as string
      if (word === '--') {
        i++
        break
      }
      if (word.startsWith('-') && word.length > 1) {
        i += valueOptions.has(word) ? 2 : 1
        continue
      }
      if (name === 'env' && ASSIGNMENT.test(word)) {
        i++
        continue
      }
      if (durationPending) {
        durationPending = false
        i++
        continue
      }
      break
    }
  }
  return i
}

/** argv from the wrapped command on: `sudo -u x env A=1 apt-get install` → `apt-get install`. */
export function effectiveArgv(command: ShellCommand): string[] {
  return command.argv.slice(command.start)
}

/** The command's name without its path, looking through `sudo`, `env`, `exec` …; '' when there is none. */
export function commandName(command: ShellCommand): string {
  return command.name
}

/** True when the wrapper chain of the command includes `wrapper` (e.g. 'sudo'). */
export function usesWrapper(command: ShellCommand, wrapper: string): boolean {
  for (let i = 0; i < command.start; i++) if (basename(command.argv[i] as string) === wrapper) return true
  return false
}

/**
 * True when any of `flags` is given before a bare `--`: exactly, as `--long=value`,
 * or (single-letter short flags) bundled as in `-qy`.
 */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  const argv = command.argv
  for (let i = command.start + 1; i < argv.length; i++) {
    const word = argv[i] as string
    if (word === '--') return false
    if (matchesFlag(word, flags)) return true
  }
  return false
}

/** The value of the first of `flags` given (`--opt value`, `--opt=value`, `-ovalue`); undefined when absent. */
export function flagValue(command: ShellCommand, ...flags: string[]): string | undefined {
  const args = effectiveArgv(command).slice(1)
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word === '--') break
    for (const flag of flags) {
      if (word === flag) return args[i + 1]
      if (flag.startsWith('--') && word.startsWith(flag + '=')) return word.slice(flag.length + 1)
      if (
        !flag.startsWith('--') &&
        flag.length === 2 &&
        word.startsWith(flag) &&
        word.length > 2 &&
        !word.startsWith('--')
      )
        return word.slice(2)
    }
  }
  return undefined
}

/** Index in `args` of the first word that is one of `flags`, -1 when none. */
export function flagIndex(args: readonly string[], flags: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word === '--') return -1
    if (matchesFlag(word, flags)) return i
  }
  return -1
}

function matchesFlag(word: string, flags: readonly string[]): boolean {
  for (const flag of flags) {
    if (word === flag) return true
    if (flag.startsWith('--')) {
      if (word.startsWith(flag + '=')) return true
    } else if (flag.length === 2 && flag.startsWith('-') && /^-[A-Za-z0-9]{2,}$/.test(word)) {
      if (word.includes(flag[1] as string)) return true
    }
  }
  return false
}

/**
 * The words after the first occurrence of any of `subcommands` (`apt-get -y install a b` →
 * `['a', 'b']`), or undefined when the command has none of them.
 */
export function subcommandArgs(command: ShellCommand, ...subcommands: string[]): string[] | undefined {
  const argv = command.argv
  for (let i = command.start + 1; i < argv.length; i++) {
    if (subcommands.includes(argv[i] as string)) return argv.slice(i + 1)
  }
  return undefined
}

/** Words that are not options, skipping the value of each option in `valueOptions` (`-t x`, `-o x`). */
export function positionalArgs(args: readonly string[], valueOptions: readonly string[] = []): string[] {
  const positional: string[] = []
  let afterDashes = false
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (afterDashes) {
      positional.push(word)
      continue
    }
    if (word === '--') {
      afterDashes = true
      continue
    }
    if (word.startsWith('-') && word.length > 1) {
      if (valueOptions.includes(word)) i++
      continue
    }
    positional.push(word)
  }
  return positional
}
