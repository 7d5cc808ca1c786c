// Inline suppressions, read from the model's comments and parser directives:
//   # stagegate ignore=ID[,ID]          the next instruction
//   # stagegate global ignore=ID,...    the whole file
//   # stagegate stage ignore=ID,...     the rest of the current stage
//   # hadolint ignore= / global ignore= / stage ignore=   the same, hadolint's spelling
//   # check=skip=A,B | skip=all ; error=true             BuildKit's parser directive
// Ids may be rule ids or aliases; the engine resolves them.
import type { DockerfileModel } from '../dockerfile/model.js'

export type PragmaScope = 'next' | 'global' | 'stage'

export interface Pragma {
  scope: PragmaScope
  ids: string[]
  /** Line of the comment. */
  line: number
  /** Lines the pragma covers (inclusive); global pragmas cover everything. */
  fromLine: number
  toLine: number
}

export interface CheckDirective {
  skipAll: boolean
  skip: string[]
  /** `error=true`: BuildKit check violations become errors. */
  error: boolean
  /** `experimental=all`: every experimental BuildKit check runs. */
  experimentalAll: boolean
  /** `experimental=A,B`: these experimental checks run (they are off otherwise). */
  experimental: string[]
  line: number
}

const PRAGMA = /^(stagegate|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*(.*)$/i

export function splitIds(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map(id => id.trim())
    .filter(id => id !== '')
}

export function parsePragmas(model: DockerfileModel): Pragma[] {
  const pragmas: Pragma[] = []
  if (model.comments.length === 0) return pragmas
  const starts = instructionStarts(model)
  for (const comment of model.comments) {
    const match = PRAGMA.exec(comment.text)
    if (!match) continue
    const ids = splitIds(match[3] as string)
    const scopeWord = match[2]?.toLowerCase()
    const scope: PragmaScope = scopeWord === 'global' ? 'global' : scopeWord === 'stage' ? 'stage' : 'next'
    const next = firstAfter(starts, comment.line)
    let fromLine = comment.line
    let toLine = comment.line
    if (scope === 'global') {
      fromLine = 1
      toLine = Number.MAX_SAFE_INTEGER
    } else if (scope === 'next') {
      if (next) {
        fromLine = next.line
        toLine = next.endLine
      }
    } else {
      const nextStage = firstAfter(model.stages, next?.line ?? comment.line)
      toLine = nextStage ? nextStage.line - 1 : Number.MAX_SAFE_INTEGER
    }
    pragmas.push({ scope, ids, line: comment.line, fromLine, toLine })
  }
  return pragmas
}

/** The first item whose line is greater than `line` (items sorted by line): binary search. */
function firstAfter<T extends { line: number }>(items: readonly T[], line: number): T | undefined {
  let low = 0
  let high = items.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((items[mid] as T).line > line) high = mid
    else low = mid + 1
  }
  return items[low]
}

function instructionStarts(model: DockerfileModel): { line: number; endLine: number }[] {
  const starts: { line: number; endLine: number }[] = []
  for (const instruction of model.preamble) starts.push(instruction)
  for (const stage of model.stages) for (const instruction of stage.instructions) starts.push(instruction)
  return starts
}

/** BuildKit's `# check=skip=A,B;error=true;experimental=C` parser directive, if present. */
export function parseCheckDirective(model: DockerfileModel, override?: string): CheckDirective | undefined {
  const directive = model.directives.find(d => d.name === 'check')
  // BuildKit's BUILDKIT_DOCKERFILE_CHECK build arg takes the place of the file's directive.
  const value = override ?? directive?.value
  if (value === undefined) return undefined
  const result: CheckDirective = {
    skipAll: false,
    skip: [],
    error: false,
    experimentalAll: false,
    experimental: [],
    line: directive?.line ?? 0
  }
  for (const part of value.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const key = part.slice(0, eq).trim().toLowerCase()
    const value = part.slice(eq + 1).trim()
    if (key === 'skip') {
      const ids = splitIds(value)
      if (ids.some(id => id.toLowerCase() === 'all')) result.skipAll = true
      else result.skip.push(...ids)
    } else if (key === 'error') {
      result.error = value.toLowerCase() === 'true'
    } else if (key === 'experimental') {
      const ids = splitIds(value)
      if (ids.some(id => id.toLowerCase() === 'all')) result.experimentalAll = true
      else result.experimental.push(...ids)
    }
  }
  return result
}
