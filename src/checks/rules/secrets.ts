// Secrets that shipped: in any layer's files, even ones a later layer
// deleted (SG2004: the blob still carries them), and in the image config or
// history (SG2005: ENV, LABEL, build-arg values BuildKit records in RUN
// history). Evidence is always redacted.
import { capturedContent, isSecretScanTarget } from '../capture.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { historyBuildArgs, historyKeyword } from '../created-by.js'
import { layerHistoryIndexes } from '../attribution.js'
import { findTokens, scanFileForSecrets, secretAssignment } from '../secrets.js'
import type { SecretMatch } from '../secrets.js'
import type { DockerfileModel, Instruction } from '../../dockerfile/model.js'
import type { ImageFile } from '../../image/types.js'

export const SG2004: ImageCheck = {
  id: 'SG2004',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'Secret material in a layer, including files deleted by a later layer',
  run: ({ index }) => {
    const hits: CheckHit[] = []
    // Every version of every file, the final ones first: visited one at a time, never
    // gathered into an array (a layer of millions of files would hold two objects each).
    const visit = (file: ImageFile, hiddenBy: number | undefined): void => {
      if (file.type !== 'file' || !isSecretScanTarget(file.path, file.mode)) return
      const content = capturedContent(index, file)
      if (!content) return
      const matches = scanFileForSecrets(file.path, content)
      if (matches.length === 0) return
      const kinds = [...new Set(matches.map(match => match.kind))].join(', ')
      const where =
        hiddenBy === undefined
          ? 'is in the final image'
          : `was deleted by layer ${hiddenBy} but is still in layer ${file.layer}'s blob`
      hits.push({
        message: `${file.path} holds ${kinds} and ${where}; pass secrets with RUN --mount=type=secret and rotate this one`,
        path: file.path,
        layer: file.layer,
        evidence: matches.map(match => match.evidence).join('; ')
      })
    }
    for (const file of index.files.values()) visit(file, undefined)
    for (const file of index.shadowed) visit(file, file.hiddenBy)
    return hits
  }
}

export const SG2005: ImageCheck = {
  id: 'SG2005',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'A secret in the image config or history (ENV, LABEL, build arguments)',
  run: ({ index, historyAttribution, model }) => {
    const hits: CheckHit[] = []
    const layerOfHistory = new Map<number, number>()
    layerHistoryIndexes(index).forEach((historyIndex, layer) => {
      if (historyIndex !== undefined) layerOfHistory.set(historyIndex, layer)
    })
    const where = (
      historyIndex: number | undefined
    ): Pick<CheckHit, 'layer' | 'line' | 'endLine' | 'stage'> => {
      if (historyIndex === undefined) return {}
      const layer = layerOfHistory.get(historyIndex)
      if (layer !== undefined) return { layer }
      const attribution = historyAttribution[historyIndex]
      return attribution
        ? {
            line: attribution.line,
            ...(attribution.endLine ? { endLine: attribution.endLine } : {}),
            stage: attribution.stage.index
          }
        : {}
    }
    // One hit per secret per history entry: a token already reported for an entry (as `NAME=ghp_…`) is not
    // reported again bare, and a config ENV is the same secret as the history ENV that set it.
    const evidenceByEntry = new Map<string, string[]>()
    const add = (match: SecretMatch, message: string, historyIndex: number | undefined): void => {
      const key = String(historyIndex ?? 'config')
      const known = evidenceByEntry.get(key) ?? []
      if (known.some(evidence => evidence.endsWith(match.evidence))) return
      evidenceByEntry.set(key, [...known, match.evidence])
      hits.push({ message, evidence: match.evidence, ...where(historyIndex) })
    }
    /** The last history entry that set `NAME=` with this keyword (ENV or LABEL). */
    const setter = (keyword: string, name: string): number | undefined => {
      for (let h = index.history.length - 1; h >= 0; h--) {
        const createdBy = index.history[h]!.createdBy
        if (
          historyKeyword(createdBy) === keyword &&
          new RegExp(`(^|\\s)"?${escape(name)}"?=`).test(createdBy)
        )
          return h
      }
      return undefined
    }

    for (const entry of index.config.Env ?? []) {
      const eq = entry.indexOf('=')
      if (eq <= 0) continue
      const name = entry.slice(0, eq)
      const match = secretAssignment(name, entry.slice(eq + 1))
      if (match)
        add(
          match,
          `ENV ${name} puts a ${match.kind} into the image config; pass it at run time or with RUN --mount=type=secret`,
          setter('ENV', name)
        )
    }
    for (const [name, value] of Object.entries(index.config.Labels ?? {})) {
      const match = secretAssignment(name, value)
      if (match)
        add(
          match,
          `LABEL ${name} puts a ${match.kind} into the image config; remove it`,
          setter('LABEL', name)
        )
    }
    // A build argument BuildKit records in every RUN that can see it: one hit per argument, on its
    // ARG line when the Dockerfile is known, with every RUN that recorded it as related layers.
    const argHits = new Map<string, { match: SecretMatch; entries: number[] }>()
    index.history.forEach((entry, historyIndex) => {
      for (const { name, value } of historyBuildArgs(entry.createdBy)) {
        const match = secretAssignment(name, value)
        if (!match) continue
        const key = `${name}\0${match.evidence}`
        const known = argHits.get(key)
        if (known) known.entries.push(historyIndex)
        else argHits.set(key, { match, entries: [historyIndex] })
      }
    })
    for (const [key, { match, entries }] of argHits) {
      const name = key.slice(0, key.indexOf('\0'))
      const first = where(entries[0])
      const declared = model ? argDeclaration(model, name, historyAttribution[entries[0]!]?.line) : undefined
      const layers = entries
        .map(h => layerOfHistory.get(h))
        .filter((layer): layer is number => layer !== undefined)
      const lines = entries
        .map(h => historyAttribution[h]?.line)
        .filter((line): line is number => line !== undefined)
      hits.push({
        message: `Build argument ${name} holds a ${match.kind} and is recorded in the image history by ${entries.length === 1 ? 'a RUN' : `${entries.length} RUNs`}; pass it with RUN --mount=type=secret instead of ARG`,
        evidence: `${match.evidence}${lines.length > 0 ? ` (recorded by RUN on line${lines.length === 1 ? '' : 's'} ${[...new Set(lines)].join(', ')})` : ''}`,
        ...(declared
          ? {
              line: declared.line,
              endLine: declared.endLine,
              stage: declared.stage,
              ...(layers[0] !== undefined ? { layer: layers[0] } : {}),
              alsoLayers: layers.slice(1),
              alsoLines: lines
            }
          : { ...first, ...(layers.length > 1 ? { alsoLayers: layers.slice(1) } : {}) }),
        ...(entries.length > 1 ? { count: entries.length } : {})
      })
      for (const h of entries) {
        const known = evidenceByEntry.get(String(h)) ?? []
        evidenceByEntry.set(String(h), [...known, match.evidence])
      }
    }
    index.history.forEach((entry, historyIndex) => {
      for (const token of findTokens(entry.createdBy)) {
        add(
          token,
          `The image history contains a ${token.kind}; never write secrets into Dockerfile instructions or build arguments`,
          historyIndex
        )
      }
    })
    return hits
  }
}

/** The `ARG NAME` (or `ARG NAME=default`) in effect at `line`: the last one before it in that line's stage. */
function argDeclaration(
  model: DockerfileModel,
  name: string,
  line: number | undefined
): { line: number; endLine: number; stage: number } | undefined {
  if (line === undefined) return undefined
  const stage = model.stages.find(
    candidate => candidate.line <= line && (candidate.instructions.at(-1)?.endLine ?? candidate.line) >= line
  )
  if (!stage) return undefined
  let found: Instruction | undefined
  for (const instruction of stage.instructions) {
    if (instruction.line >= line) break
    if (instruction.keyword !== 'ARG') continue
    if (instruction.argv.some(word => word === name || word.startsWith(`${name}=`))) found = instruction
  }
  return found ? { line: found.line, endLine: found.endLine, stage: stage.index } : undefined
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
