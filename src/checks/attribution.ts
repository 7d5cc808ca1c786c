// Maps every history entry and every layer of the final image back to the
// Dockerfile instruction that made it. BuildKit writes one history entry per
// instruction of the stages the final image descends from (FROM excepted),
// in order, after the base image's own entries. So the final stage's
// instructions are matched from the END of history backwards, then those of
// the stage it is built `FROM` (recursively); what remains belongs to the
// base image and is attributed to the root stage's FROM line. A COPY
// --from=X layer is attributed to the COPY line and to stage X.
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model.js'
import { stageRefOf } from '../dockerfile/query.js'
import type { StageRef } from '../finding.js'
import type { ImageIndex } from '../image/types.js'
import { historyKeyword } from './created-by.js'

export interface HistoryAttribution {
  historyIndex: number
  stage: StageRef
  line: number
  endLine?: number
  /** The instruction that wrote the entry; undefined for base-image entries (attributed to FROM). */
  instruction?: Instruction
  /** Where the content came from: a stage (`COPY --from=builder`) or an external image (base or `COPY --from=img`). */
  via?: { fromStage?: number; image?: string }
}

export interface LayerAttribution {
  layer: number
  historyIndex?: number
  stage: StageRef
  line: number
  endLine?: number
  instruction?: Instruction
  via?: { fromStage?: number; image?: string }
}

/** How many history entries to look back past when one does not match the instruction expected. */
const LOOKAHEAD = 3

/** One StageRef builder for lint and image findings (run.ts imports it by this name). */
export { stageRefOf as stageRef }

/** The final stage, then the stage it is built FROM, and so on (cycle-safe). */
export function stageChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = []
  const seen = new Set<number>()
  let stage = model.stages[model.finalStage]
  while (stage && !seen.has(stage.index)) {
    chain.push(stage)
    seen.add(stage.index)
    stage = stage.baseStage === undefined ? undefined : model.stages[stage.baseStage]
  }
  return chain
}

/** `--from=` value of a COPY → an earlier stage (by name, case-insensitive, or index) or an external image. */
export function resolveCopyFrom(
  model: DockerfileModel,
  instruction: Instruction
): { fromStage?: number; image?: string } | undefined {
  if (instruction.keyword !== 'COPY') return undefined
  const value = instruction.flags.find(flag => flag.name.toLowerCase() === 'from')?.value
  if (value === undefined || value === '') return undefined
  const lower = value.toLowerCase()
  const named = model.stages.find(stage => stage.name?.toLowerCase() === lower)
  if (named) return { fromStage: named.index }
  if (/^\d+$/.test(value)) {
    const byIndex = model.stages[Number(value)]
    if (byIndex) return { fromStage: byIndex.index }
  }
  return { image: value }
}

export function attributeHistory(index: ImageIndex, model: DockerfileModel): HistoryAttribution[] {
  const chain = stageChain(model)
  const root = chain[chain.length - 1]
  if (!root) return []
  const result = new Array<HistoryAttribution>(index.history.length)
  let cursor = index.history.length - 1

  for (const stage of chain) {
    const instructions = stage.instructions.filter(instruction => instruction.keyword !== 'FROM')
    for (let i = instructions.length - 1; i >= 0 && cursor >= 0; i--) {
      const instruction = instructions[i]!
      const match = findMatch(index, cursor, instruction.keyword)
      if (match === undefined) continue // not in history (e.g. an engine that skips it): keep the cursor
      const entry = forInstruction(model, stage, instruction)
      for (let h = cursor; h >= match; h--) result[h] = { historyIndex: h, ...entry }
      cursor = match - 1
    }
  }
  const base: Omit<HistoryAttribution, 'historyIndex'> = {
    stage: stageRefOf(root),
    line: root.line,
    ...(root.instructions[0]
      ? { endLine: root.instructions[0].endLine, instruction: root.instructions[0] }
      : {}),
    via: { image: root.base }
  }
  for (let h = cursor; h >= 0; h--) result[h] = { historyIndex: h, ...base }
  return result
}

function findMatch(index: ImageIndex, cursor: number, keyword: string): number | undefined {
  for (let h = cursor; h >= 0 && h >= cursor - LOOKAHEAD; h--) {
    if (historyKeyword(index.history[h]?.createdBy ?? '') === keyword) return h
  }
  return undefined
}

function forInstruction(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction
): Omit<HistoryAttribution, 'historyIndex'> {
  const via = resolveCopyFrom(model, instruction)
  const source = via?.fromStage === undefined ? stage : (model.stages[via.fromStage] ?? stage)
  return {
    stage: stageRefOf(source),
    line: instruction.line,
    endLine: instruction.endLine,
    instruction,
    ...(via ? { via } : {})
  }
}

/** For each layer, the history entry that made it: the reader's mapping, else the n-th non-empty entry. */
export function layerHistoryIndexes(index: ImageIndex): (number | undefined)[] {
  const nonEmpty: number[] = []
  index.history.forEach((entry, h) => {
    if (!entry.emptyLayer) nonEmpty.push(h)
  })
  // Some images carry fewer non-empty history entries than layers: align them at the end.
  const offset = index.layers.length - nonEmpty.length
  return index.layers.map((layer, i) => layer.historyIndex ?? nonEmpty[i - offset])
}

export function attributeLayers(index: ImageIndex, model: DockerfileModel): LayerAttribution[] {
  const history = attributeHistory(index, model)
  const chain = stageChain(model)
  const root = chain[chain.length - 1]
  if (!root) return []
  const historyIndexes = layerHistoryIndexes(index)
  return index.layers.map((_, layer) => {
    const historyIndex = historyIndexes[layer]
    const entry = historyIndex === undefined ? undefined : history[historyIndex]
    if (entry) {
      const { historyIndex: _h, ...rest } = entry
      return { layer, historyIndex: entry.historyIndex, ...rest }
    }
    return {
      layer,
      ...(historyIndex === undefined ? {} : { historyIndex }),
      stage: stageRefOf(root),
      line: root.line,
      via: { image: root.base }
    }
  })
}
