// .dockerignore as Docker reads it: one pattern a line, `#` comments, `!`
// re-includes, paths relative to the context root (a leading `/` is the
// root), Go filepath.Match syntax plus `**` for any number of directories;
// a pattern that matches a directory excludes everything under it; the last
// matching pattern wins.

export function parseDockerignore(text: string): string[] {
  const patterns: string[] = []
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '').trim()
    if (line === '' || line.startsWith('#')) continue
    patterns.push(line)
  }
  return patterns
}

interface CompiledPattern {
  negate: boolean
  regex: RegExp
}

const compiledCache = new Map<string, CompiledPattern>()
/** Compiled patterns kept at most (then the cache starts afresh): one process may lint many files. */
const COMPILED_CACHE_LIMIT = 20_000

function compile(pattern: string): CompiledPattern {
  const cached = compiledCache.get(pattern)
  if (cached) return cached
  if (compiledCache.size >= COMPILED_CACHE_LIMIT) compiledCache.clear()
  let text = pattern
  const negate = text.startsWith('!')
  if (negate) text = text.slice(1).trim()
  text = cleanPath(text)
  let source = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '*') {
      if (text[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything.
        if (text[i + 2] === '/') {
          source += '(?:.*/)?'
          i += 2
        } else {
          source += '.*'
          i += 1
        }
      } else source += '[^/]*'
    } else if (ch === '?') source += '[^/]'
    else if (ch === '[') {
      const close = text.indexOf(']', i + 1)
      if (close < 0) source += '\\['
      else {
        let body = text.slice(i + 1, close)
        if (body.startsWith('^')) body = '^' + body.slice(1)
        else if (body.startsWith('!')) body = '^' + body.slice(1)
        source += `[${body.replace(/\\/g, '\\\\')}]`
        i = close
      }
    } else if (ch === '\\' && i + 1 < text.length) {
      source += escapeRegex(text[i + 1] as string)
      i++
    } else source += escapeRegex(ch)
  }
  let regex: RegExp
  try {
    regex = new RegExp(`^${source}(?:/.*)?$`)
  } catch {
    regex = /^\0never$/
  }
  const compiled = { negate, regex }
  compiledCache.set(pattern, compiled)
  return compiled
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch
}

/** Clean like Go's filepath.Clean, relative to the root: no leading `/` or `./`, no `.` or `..` parts. */
export function cleanPath(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

/** True when `path` (relative to the context root) is excluded by the patterns. */
export function isIgnored(path: string, patterns: readonly string[]): boolean {
  const clean = cleanPath(path)
  if (clean === '') return false
  let ignored = false
  for (const pattern of patterns) {
    const compiled = compile(pattern)
    // Only a pattern that could change the answer needs testing.
    if (compiled.negate === ignored && compiled.regex.test(clean)) ignored = !compiled.negate
  }
  return ignored
}
