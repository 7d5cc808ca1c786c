// Small text helpers shared by the parser and the rules: splitting an
// instruction's arguments into words the way Docker does (quotes group and
// are removed, the escape character escapes), and ARG-style variable
// expansion (`$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR:+x}`, `${VAR-x}`, `${VAR+x}`).

/** Split on unquoted whitespace; quotes are removed, `escape` escapes the next character outside single quotes. */
export function splitWords(text: string, escape = '\\'): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === escape && quote === '"' && i + 1 < text.length) word += text[++i]
      else word += ch
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      continue
    }
    inWord = true
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === escape && i + 1 < text.length) word += text[++i]
    else word += ch
  }
  if (inWord) words.push(word)
  return words
}

/** `NAME=value` pairs of ARG/ENV/LABEL (legacy `ENV NAME value` handled by the caller). */
export function splitKeyValue(word: string): { key: string; value?: string } {
  const eq = word.indexOf('=')
  return eq < 0 ? { key: word } : { key: word.slice(0, eq), value: word.slice(eq + 1) }
}

/** Build arguments BuildKit defines in the global scope without an ARG (their values depend on the build). */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE'
])

export type Lookup = (name: string) => string | undefined

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/

/**
 * Expand variables as BuildKit does for FROM, COPY --from and friends.
 * Unknown variables expand to the empty string (as Docker does); `unresolved`
 * collects their names so callers can tell a user why a base came out empty.
 */
export function expandVariables(
  text: string,
  lookup: Lookup,
  unresolved?: Set<string>,
  escape = '\\'
): string {
  if (!text.includes('$')) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === escape && text[i + 1] === '$') {
      out += '$'
      i++
      continue
    }
    if (ch !== '$') {
      out += ch
      continue
    }
    const rest = text.slice(i + 1)
    if (rest.startsWith('{')) {
      const close = findClosingBrace(text, i + 2)
      if (close < 0) {
        out += text.slice(i)
        break
      }
      const inner = text.slice(i + 2, close)
      out += expandBraced(inner, lookup, unresolved, escape)
      i = close
      continue
    }
    const name = NAME.exec(rest)
    if (!name) {
      out += ch
      continue
    }
    const value = lookup(name[0])
    if (value === undefined) unresolved?.add(name[0])
    out += value ?? ''
    i += name[0].length
  }
  return out
}

/**
 * Global (meta) ARG defaults as BuildKit resolves them when no `--build-arg` is given: in file
 * order, each default expanded with the values known so far (the earlier global ARGs, then
 * `predefined`), and only then added, so `ARG IMAGE=golang:${GO_VERSION}` sees an earlier
 * `ARG GO_VERSION=1.22` but not a later one. An ARG with a default replaces an earlier value; one
 * without keeps it (dockerfile2llb's buildMetaArgs).
 */
export function resolveGlobalArgs(
  args: readonly { name: string; value?: string }[],
  predefined: Lookup = () => undefined,
  escape = '\\'
): Map<string, string> {
  const values = new Map<string, string>()
  const lookup: Lookup = name => values.get(name) ?? predefined(name)
  for (const arg of args)
    if (arg.value !== undefined) values.set(arg.name, expandVariables(arg.value, lookup, undefined, escape))
  return values
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

function expandBraced(
  inner: string,
  lookup: Lookup,
  unresolved: Set<string> | undefined,
  escape: string
): string {
  const name = NAME.exec(inner)
  if (!name) return ''
  const key = name[0]
  const value = lookup(key)
  const op = inner.slice(key.length)
  if (op === '') {
    if (value === undefined) unresolved?.add(key)
    return value ?? ''
  }
  const word = (start: number): string => expandVariables(op.slice(start), lookup, unresolved, escape)
  if (op.startsWith(':-')) return value ? value : word(2)
  if (op.startsWith('-')) return value !== undefined ? value : word(1)
  if (op.startsWith(':+')) return value ? word(2) : ''
  if (op.startsWith('+')) return value !== undefined ? word(1) : ''
  if (op.startsWith(':?') || op.startsWith('?')) return value ?? ''
  // Pattern operators (#, %, /) are rare in FROM; keep the value unchanged.
  if (value === undefined) unresolved?.add(key)
  return value ?? ''
}

/**
 * Names of the variables a text refers to (`$X`, `${X}`, `${X:-..}`), escaped `\$` excluded.
 * `withDefaults: false` leaves out `${X:-default}`-style references, which are fine when X is unset.
 */
export function referencedVariables(text: string, escape = '\\', withDefaults = true): string[] {
  const names: string[] = []
  if (!text.includes('$')) return names
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === escape) {
      i++
      continue
    }
    if (ch !== '$') continue
    const braced = text[i + 1] === '{'
    const start = i + (braced ? 2 : 1)
    const match = NAME.exec(text.slice(start))
    if (!match) continue
    if (!withDefaults && braced && /^[:]?[-+?=]/.test(text.slice(start + match[0].length))) continue
    names.push(match[0])
  }
  return names
}
