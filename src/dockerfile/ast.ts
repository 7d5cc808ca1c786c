// dockerfile-ast → the instructions, comments and parser directives the model
// is built from. dockerfile-ast finds where each instruction starts and ends
// (continuations, comments and blank lines inside them, heredoc bodies, the
// escape directive, CRLF); here each instruction's argument text is joined as
// BuildKit joins it (continuation lines glued with a space, comment and blank
// lines inside a continuation dropped) and its heredoc bodies are cut out of
// the source lines. Only the cheap parts of dockerfile-ast's API are used
// (keywords and ranges): argument splitting and the rest are done once by
// parse.ts, which keeps linting all rules close to the cost of parsing.
import { DockerfileParser } from 'dockerfile-ast'

export interface SourceHeredoc {
  name: string
  body: string
  /** Line of the `<<NAME` marker (1-based). */
  line: number
  /** Line of the closing delimiter (or the last line with content, when unterminated). */
  endLine: number
}

export interface SourceInstruction {
  /** The keyword as written. */
  word: string
  /** Text after the keyword: continuation lines joined by a space, heredoc bodies excluded. */
  rest: string
  line: number
  endLine: number
  heredocs: SourceHeredoc[]
}

export interface SourceDirective {
  name: string
  value: string
  line: number
}

export interface SourceFile {
  /** The text's lines, a trailing `\r` removed. */
  lines: string[]
  escape: string
  directives: SourceDirective[]
  instructions: SourceInstruction[]
  comments: { text: string; line: number }[]
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD'])
const HEREDOC_MARKER = /^<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check'])

const DIRECTIVE_LINE = /^#[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*=[ \t]*(.*?)[ \t]*$/
/** How many times one file may be read again after dockerfile-ast took a quoted `<<` for a heredoc. */
const MAX_REREADS = 64

export function readSource(text: string): SourceFile {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1)
  }
  const ast = DockerfileParser.parse(text)
  const escape = ast.getEscapeCharacter() === '`' ? '`' : '\\'
  const directives: SourceDirective[] = []
  const comments: SourceFile['comments'] = []
  let directivesOpen = true
  for (const directive of ast.getDirectives()) {
    const name = directive.getName().toLowerCase()
    const line = directive.getRange().start.line + 1
    const lineText = (lines[line - 1] ?? '').trim()
    // BuildKit stops reading directives at the first it does not know; the rest are comments.
    if (directivesOpen && KNOWN_DIRECTIVES.has(name) && !directives.some(d => d.name === name)) {
      // The whole value as written (dockerfile-ast stops at a space: `check=skip=A, B`).
      const value = DIRECTIVE_LINE.exec(lineText)?.[1] ?? directive.getValue()
      directives.push({ name, value, line })
    } else {
      directivesOpen = false
      comments.push({ text: lineText.replace(/^#\s*/, ''), line })
    }
  }
  const instructions: SourceInstruction[] = []
  readInstructions(ast, lines, escape, 0, 0, instructions, comments, { rereads: 0 })
  if (comments.length > 1) comments.sort((a, b) => a.line - b.line)
  return { lines, escape, directives, instructions, comments }
}

/**
 * The instructions and comments of `ast`, a parse of `lines` from `offset` on. dockerfile-ast
 * reads `echo "a <<EOF"` as a heredoc and swallows the lines after it; BuildKit only takes an
 * unquoted `<<WORD`. Where the two part, the rest of the file is parsed again from the line
 * after the instruction's true end.
 */
function readInstructions(
  ast: ReturnType<typeof DockerfileParser.parse>,
  lines: readonly string[],
  escape: string,
  offset: number,
  from: number,
  instructions: SourceInstruction[],
  comments: SourceFile['comments'],
  budget: { rereads: number }
): void {
  for (const comment of ast.getComments()) {
    const line = comment.getRange().start.line + offset
    if (line >= from) comments.push({ text: comment.getContent().trim(), line: line + 1 })
  }
  for (const instruction of ast.getInstructions()) {
    const range = instruction.getRange()
    const keywordRange = instruction.getInstructionRange()
    if (keywordRange.start.line + offset < from) continue
    const read = readInstruction(
      lines,
      escape,
      instruction.getInstruction(),
      keywordRange.end.line + offset,
      keywordRange.end.character,
      range.end.line + offset
    )
    instructions.push(read)
    const astEnd = range.end.line + offset
    if (
      astEnd + 1 > read.endLine &&
      budget.rereads < MAX_REREADS &&
      hasContent(lines, read.endLine, astEnd + 1)
    ) {
      budget.rereads++
      // Re-read from the line after the instruction; the escape directive carries over on a first line.
      const restStart = read.endLine
      const prefix = escape === '`' ? '# escape=`\n' : ''
      const rest = DockerfileParser.parse(prefix + lines.slice(restStart).join('\n'))
      readInstructions(
        rest,
        lines,
        escape,
        restStart - (prefix ? 1 : 0),
        restStart,
        instructions,
        comments,
        budget
      )
      return
    }
  }
}

/** True when a line in [from, to) (0-based) is neither blank nor a comment. */
function hasContent(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to && i < lines.length; i++) {
    const line = lines[i] as string
    if (!isBlank(line) && !isComment(line)) return true
  }
  return false
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false
  }
  return true
}

function isComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 35) return true
    if (c !== 32 && c !== 9) return false
  }
  return false
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

/**
 * One instruction from its keyword's end to the last line dockerfile-ast gives it (0-based
 * lines): the argument text up to where the continuation stops, then heredoc bodies.
 */
function readInstruction(
  lines: readonly string[],
  escape: string,
  word: string,
  keywordLine: number,
  argsStart: number,
  lastLine: number
): SourceInstruction {
  const head = stripContinuation((lines[keywordLine] ?? '').slice(argsStart), escape)
  const parts: string[] = [head.text.trim()]
  let continues = head.continues
  let end = keywordLine
  let i = keywordLine + 1
  while (continues && i <= lastLine) {
    const next = lines[i] as string
    i++
    if (isBlank(next) || isComment(next)) continue
    const stripped = stripContinuation(next, escape)
    parts.push(stripped.text.trim())
    continues = stripped.continues
    end = i - 1
  }
  const rest = parts.length === 1 ? (parts[0] as string) : parts.join(' ').trim()
  const heredocs: SourceHeredoc[] = []
  if (rest.includes('<<') && HEREDOC_KEYWORDS.has(word.toUpperCase())) {
    const markerLine = end + 1
    let at = end + 1
    for (const { name, stripTabs } of heredocMarkers(rest)) {
      const body: string[] = []
      let closed = false
      while (at < lines.length) {
        const bodyLine = lines[at] as string
        at++
        if ((stripTabs ? bodyLine.replace(/^\t+/, '') : bodyLine) === name) {
          closed = true
          break
        }
        body.push(bodyLine)
      }
      let bodyEnd = at
      // An unterminated heredoc ends at the last line of the file that has content.
      if (!closed) while (bodyEnd > markerLine && isBlank(lines[bodyEnd - 1] ?? '')) bodyEnd--
      heredocs.push({
        name,
        body: body.length > 0 ? body.join('\n') + '\n' : '',
        line: markerLine,
        endLine: Math.max(bodyEnd, markerLine)
      })
      end = Math.max(end, bodyEnd - 1)
    }
  }
  return { word, rest, line: keywordLine + 1, endLine: end + 1, heredocs }
}

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
