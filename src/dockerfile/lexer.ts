// Splits Dockerfile lines into instructions the way BuildKit's parser does,
// in one linear pass: a line ending in the escape character (trailing spaces
// allowed) continues; comment and blank lines inside a continuation are
// skipped; RUN/COPY/ADD heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`) take the
// following lines up to their delimiter. Never throws; an unterminated
// continuation or heredoc ends at the end of the file.
//
// A hand-written pass rather than dockerfile-ast: the linter must run all its
// rules in less than twice dockerfile-ast's own parse time, and this pass is
// several times faster. The tests check it against dockerfile-ast on the corpus.

export interface LexedHeredoc {
  name: string
  body: string
  /** Line of the `<<NAME` marker. */
  line: number
  /** Line of the closing delimiter (or the last line, when unterminated). */
  endLine: number
}

export interface LexedInstruction {
  /** The keyword as written. */
  word: string
  /** Text after the keyword: continuation lines joined by a space, heredoc bodies excluded. */
  rest: string
  line: number
  endLine: number
  heredocs: LexedHeredoc[]
}

export interface Lexed {
  instructions: LexedInstruction[]
  comments: { text: string; line: number }[]
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD'])
const HEREDOC_MARKER = /^<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/

/** `<<NAME` / `<<-"NAME"` markers outside quotes; `<<<` here-strings are not heredocs. */
export function heredocMarkers(text: string): { name: string; stripTabs: boolean }[] {
  const markers: { name: string; stripTabs: boolean }[] = []
  let quote = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quote) {
      if (ch === quote) quote = ''
      else if (ch === '\\' && quote === '"') i++
      continue
    }
    if (ch === '"' || ch === "'") {
      quote = ch
      continue
    }
    if (ch === '\\') {
      i++
      continue
    }
    if (ch !== '<' || text[i + 1] !== '<' || text[i - 1] === '<' || text[i + 2] === '<') continue
    const match = HEREDOC_MARKER.exec(text.slice(i))
    if (match) {
      markers.push({ name: match[3] as string, stripTabs: match[1] === '-' })
      i += match[0].length - 1
    } else i++
  }
  return markers
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false
  }
  return true
}

function firstNonBlank(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9) return i
  }
  return -1
}

/** The line without trailing spaces/tabs, and whether it ended with the escape character. */
function stripContinuation(line: string, escape: string): { text: string; continues: boolean } {
  let end = line.length
  while (end > 0) {
    const c = line.charCodeAt(end - 1)
    if (c !== 32 && c !== 9) break
    end--
  }
  if (end > 0 && line[end - 1] === escape) return { text: line.slice(0, end - 1), continues: true }
  return { text: end === line.length ? line : line.slice(0, end), continues: false }
}

/** `skipLines`: lines taken by parser directives at the top. */
export function lexDockerfile(lines: readonly string[], escape: string, skipLines: number): Lexed {
  const instructions: LexedInstruction[] = []
  const comments: Lexed['comments'] = []
  const n = lines.length
  let i = skipLines
  while (i < n) {
    const line = lines[i] as string
    const start = firstNonBlank(line)
    if (start < 0 || isBlank(line)) {
      i++
      continue
    }
    if (line[start] === '#') {
      comments.push({ text: commentText(line, start), line: i + 1 })
      i++
      continue
    }
    const firstLine = i
    let lastLine = i
    const head = stripContinuation(start === 0 ? line : line.slice(start), escape)
    const text = head.text
    let continues = head.continues
    const parts: string[] = [continues ? text.trimEnd() : text]
    i++
    while (continues && i < n) {
      const next = lines[i] as string
      const nextStart = firstNonBlank(next)
      if (nextStart < 0 || isBlank(next)) {
        i++
        continue
      }
      if (next[nextStart] === '#') {
        comments.push({ text: commentText(next, nextStart), line: i + 1 })
        i++
        continue
      }
      const stripped = stripContinuation(next, escape)
      parts.push(stripped.text.trim())
      continues = stripped.continues
      lastLine = i
      i++
    }
    const joined = parts.length === 1 ? (parts[0] as string).trimEnd() : parts.join(' ').trim()
    const wordEnd = joined.search(/\s/)
    const word = wordEnd < 0 ? joined : joined.slice(0, wordEnd)
    const rest = wordEnd < 0 ? '' : joined.slice(wordEnd + 1).trim()
    const heredocs: LexedHeredoc[] = []
    if (rest.includes('<<') && HEREDOC_KEYWORDS.has(word.toUpperCase())) {
      const markerLine = lastLine + 1
      const markers = heredocMarkers(rest)
      for (const { name, stripTabs } of markers) {
        const body: string[] = []
        let closed = false
        while (i < n) {
          const bodyLine = lines[i] as string
          i++
          const candidate = stripTabs ? bodyLine.replace(/^\t+/, '') : bodyLine
          if (candidate === name) {
            closed = true
            break
          }
          body.push(bodyLine)
        }
        // An unterminated heredoc ends at the last line of the file that has content.
        let end = i
        if (!closed) while (end > markerLine && isBlank(lines[end - 1] ?? '')) end--
        heredocs.push({
          name,
          body: body.length > 0 ? body.join('\n') + '\n' : '',
          line: markerLine,
          endLine: Math.max(end, markerLine)
        })
        lastLine = Math.max(lastLine, end - 1)
      }
    }
    instructions.push({ word, rest, line: firstLine + 1, endLine: lastLine + 1, heredocs })
  }
  return { instructions, comments }
}

function commentText(line: string, start: number): string {
  return line.slice(start + 1).trim()
}
