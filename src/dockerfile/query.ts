// Read-only questions rules ask of the model, computed once per model where
// they cost more than a loop (source lines, instructions by line). RUN bodies: run.ts.
import type { StageRef } from '../finding.js'
import { isDigestPinned, parseImageRef, type ImageRef } from './image-ref.js'
import type { DockerfileModel, Instruction, Stage } from './model.js'
import { PLATFORM_ARGS, resolveGlobalArgs, type Lookup } from './words.js'

/** A SHELL that sets one: exec form naming at least the program (Docker refuses any other). */
export function setsShell(instruction: Instruction): boolean {
  return instruction.keyword === 'SHELL' && instruction.jsonForm && instruction.argv.length > 0
}

const linesCache = new WeakMap<DockerfileModel, string[]>()

/** The source lines (0-based array; use `sourceLine(model, n)` for 1-based access). */
export function sourceLines(model: DockerfileModel): string[] {
  let lines = linesCache.get(model)
  if (!lines) {
    lines = model.text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line))
    linesCache.set(model, lines)
  }
  return lines
}

export function sourceLine(model: DockerfileModel, line: number): string {
  return sourceLines(model)[line - 1] ?? ''
}

/** The escape character the file's `# escape=` directive sets (a backslash by default). */
export function escapeOf(model: DockerfileModel): string {
  return model.directives.find(directive => directive.name === 'escape')?.value === '`' ? '`' : '\\'
}

/**
 * A platform ARG (TARGETARCH, ...) is set by BuildKit per build: it expands to itself, so a value
 * built from one keeps its `$` and reads as "not known from the file".
 */
export const platformArgAsWritten: Lookup = name => (PLATFORM_ARGS.has(name) ? `\${${name}}` : undefined)

const globalsCache = new WeakMap<DockerfileModel, ReadonlyMap<string, string>>()

/**
 * The global ARGs' values as BuildKit resolves them with no --build-arg (none is known when
 * linting): each default expanded with the global ARGs above it. Cached; do not mutate.
 */
export function globalArgDefaults(model: DockerfileModel): ReadonlyMap<string, string> {
  let globals = globalsCache.get(model)
  if (!globals) {
    globals = resolveGlobalArgs(model.globalArgs, platformArgAsWritten, escapeOf(model))
    globalsCache.set(model, globals)
  }
  return globals
}

const instructionsCache = new WeakMap<DockerfileModel, readonly Instruction[]>()

/** Seed the source-lines cache (the parser has split the text already). */
export function primeSourceLines(model: DockerfileModel, lines: string[]): void {
  linesCache.set(model, lines)
}

/** Every instruction in file order: the preamble, then each stage's (FROM first). Cached; do not mutate. */
export function allInstructions(model: DockerfileModel): readonly Instruction[] {
  let all = instructionsCache.get(model)
  if (!all) {
    const list: Instruction[] = [...model.preamble]
    for (const stage of model.stages) for (const instruction of stage.instructions) list.push(instruction)
    all = list
    instructionsCache.set(model, all)
  }
  return all
}

const byLineCache = new WeakMap<DockerfileModel, Map<number, Instruction>>()

/** The instruction that starts on `line` (edges and findings carry lines). */
export function instructionAt(model: DockerfileModel, line: number): Instruction | undefined {
  let byLine = byLineCache.get(model)
  if (!byLine) {
    byLine = new Map(allInstructions(model).map(instruction => [instruction.line, instruction]))
    byLineCache.set(model, byLine)
  }
  return byLine.get(line)
}

/** How findings name a stage: its index, its name when it has one, and whether it is the final stage. */
export function stageRefOf(stage: Stage): StageRef {
  return stage.name === undefined
    ? { index: stage.index, final: stage.final }
    : { index: stage.index, name: stage.name, final: stage.final }
}

/** The stage whose lines contain `line`, if any (binary search: stages are in line order). */
export function stageAtLine(model: DockerfileModel, line: number): number | undefined {
  const stages = model.stages
  let low = 0
  let high = stages.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((stages[mid] as Stage).line <= line) low = mid + 1
    else high = mid
  }
  return low === 0 ? undefined : (stages[low - 1] as Stage).index
}

/** The stage's chain of bases, itself first, following `FROM <stage>`. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [stage]
  let current = stage
  while (current.baseStage !== undefined) {
    const base = model.stages[current.baseStage]
    if (!base || chain.includes(base)) break
    chain.push(base)
    current = base
  }
  return chain
}

/** The external image a stage ultimately builds on (`scratch` included), following stage bases. */
export function rootBase(model: DockerfileModel, stage: Stage): string {
  const chain = stageChain(model, stage)
  return (chain[chain.length - 1] as Stage).base
}

export function isScratch(base: string): boolean {
  return base.trim().toLowerCase() === 'scratch'
}

export function baseRef(base: string): ImageRef | undefined {
  return parseImageRef(base)
}

export { isDigestPinned }

export function flagValue(instruction: Instruction, name: string): string | undefined {
  return instruction.flags.find(flag => flag.name === name)?.value
}

export function hasFlag(instruction: Instruction, name: string): boolean {
  return instruction.flags.some(flag => flag.name === name)
}

/** COPY/ADD sources and destination (the last word is the destination). Heredoc sources are excluded. */
export function copyPaths(instruction: Instruction): { sources: string[]; dest?: string } {
  const argv = instruction.argv
  if (argv.length < 2) return { sources: [] }
  const heredocNames = new Set(instruction.heredocs.map(heredoc => heredoc.name))
  const sources = argv.slice(0, -1).filter(source => {
    const match = /^<<-?["']?(\w+)["']?$/.exec(source)
    return !(match && heredocNames.has(match[1] as string))
  })
  return { sources, dest: argv[argv.length - 1] }
}

/** True for `.`, `./`, `*`, `./*`: the whole build context (or source stage root). */
export function isWholeTree(source: string): boolean {
  return /^\.?\/?\*?$/.test(source) && source !== '' && source !== '/'
}

/** Edit distance counting a swap of two neighbours as one edit (PAHT → PATH), for "did you mean". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const up = rows[i - 1] as number[]
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      row.push(best)
    }
    rows.push(row)
  }
  return (rows[a.length] as number[])[b.length] as number
}

/** The closest name within distance 2 (case-insensitive equality counts as closest), if any. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  // Short names are a different word after two edits (UID → PWD): allow one.
  let bestDistance = name.length <= 4 ? 2 : 3
  for (const candidate of candidates) {
    if (candidate === name) continue
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate)
    if (distance < bestDistance && Math.abs(candidate.length - name.length) <= 2) {
      best = candidate
      bestDistance = distance
    }
  }
  return name.length > 2 || bestDistance === 0 ? best : undefined
}
