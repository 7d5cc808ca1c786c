// SG2009 (wasted bytes and efficiency, as dive computes them) and SG2016
// (image size and layer count) against `thresholds` in the config.
import type { Thresholds } from '../../config.js'
import type { ImageIndex } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { formatBytes } from '../../bytes.js'
import { examples } from '../image-files.js'
import { redactCreatedBy } from '../secrets.js'
import { DIVE_DEFAULTS, failingDiveRules } from '../dive-ci.js'

/** Used where the config does not set a threshold. dive's CI default for efficiency is 0.9. */
export const DEFAULT_THRESHOLDS: Required<Thresholds> = {
  efficiency: 0.9,
  wastedBytes: 20_000_000,
  imageSize: 1_000_000_000,
  layerCount: 40
}

export function effectiveThresholds(thresholds: Thresholds): Required<Thresholds> {
  return {
    efficiency: thresholds.efficiency ?? DEFAULT_THRESHOLDS.efficiency,
    wastedBytes: thresholds.wastedBytes ?? DEFAULT_THRESHOLDS.wastedBytes,
    imageSize: thresholds.imageSize ?? DEFAULT_THRESHOLDS.imageSize,
    layerCount: thresholds.layerCount ?? DEFAULT_THRESHOLDS.layerCount
  }
}

/**
 * Efficiency swings wildly on tiny images (83 wasted bytes of 400 is 79%), so
 * it only counts once at least this much is wasted.
 */
export const MIN_WASTE_FOR_EFFICIENCY = 1_000_000

/**
 * Per path that has more than one version (dive's "inefficient" files): every
 * version's bytes, the final one included (so they add up to the wasted
 * bytes), biggest first, with each copy's layer and the layer of the biggest.
 */
export function wastedPaths(index: ImageIndex): {
  path: string
  bytes: number
  layer: number
  copies: { layer: number; bytes: number; live: boolean }[]
}[] {
  const byPath = new Map<string, { layer: number; bytes: number; live: boolean }[]>()
  for (const file of index.shadowed) {
    if (file.type !== 'file' || file.size === 0) continue
    const copies = byPath.get(file.path) ?? []
    copies.push({ layer: file.layer, bytes: file.size, live: false })
    byPath.set(file.path, copies)
  }
  for (const [path, copies] of byPath) {
    const live = index.files.get(path)
    if (live && live.type === 'file' && live.size > 0)
      copies.push({ layer: live.layer, bytes: live.size, live: true })
    copies.sort((a, b) => a.layer - b.layer)
  }
  return [...byPath]
    .map(([path, copies]) => {
      const biggest = copies.reduce((best, copy) => (copy.bytes > best.bytes ? copy : best), copies[0]!)
      return {
        path,
        bytes: copies.reduce((total, copy) => total + copy.bytes, 0),
        layer: biggest.layer,
        copies
      }
    })
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
}

/** Wasted bytes over the bytes the layers above the first (the base) add: dive's user wasted percent. */
export function userWastedPercent(index: ImageIndex): number {
  const userBytes = index.sizeBytes - (index.layers[0]?.sizeBytes ?? 0)
  return userBytes <= 0 ? 0 : index.wastedBytes / userBytes
}

function describeCopies(entry: ReturnType<typeof wastedPaths>[number]): string {
  const copies = entry.copies.map(
    copy => `${formatBytes(copy.bytes)} in layer ${copy.layer}${copy.live ? ' (final)' : ''}`
  )
  return `${entry.path} (${formatBytes(entry.bytes)}: ${copies.join(', ')})`
}

export const SG2009: ImageCheck = {
  id: 'SG2009',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Wasted bytes or image efficiency over the configured thresholds (and dive CI rules)',
  run: ({ index, config }) => {
    const limits = effectiveThresholds(config.thresholds)
    const reasons: string[] = []
    if (index.wastedBytes > limits.wastedBytes)
      reasons.push(`${formatBytes(index.wastedBytes)} wasted (limit ${formatBytes(limits.wastedBytes)})`)
    if (index.efficiency < limits.efficiency && index.wastedBytes >= MIN_WASTE_FOR_EFFICIENCY)
      reasons.push(
        `efficiency ${(index.efficiency * 100).toFixed(1)}% (minimum ${(limits.efficiency * 100).toFixed(1)}%)`
      )
    const measures = {
      efficiency: index.efficiency,
      wastedBytes: index.wastedBytes,
      userWastedPercent: userWastedPercent(index)
    }
    // A `.dive-ci` is the user's gate: its rules apply exactly as dive applies them (no small-waste floor).
    const dive = config.dive
    const diveFailing = failingDiveRules(dive?.rules ?? DIVE_DEFAULTS, measures)
    if (dive) for (const rule of diveFailing) reasons.push(`${dive.source} ${rule}`)
    let severity: CheckHit['severity']
    if (reasons.length === 0 && diveFailing.length > 0) {
      // dive's default rules fail this image (a tiny image can be 79% efficient with a few KB wasted):
      // say so, as a note, rather than pass silently.
      reasons.push(`dive's default CI rules fail (${diveFailing.join('; ')})`)
      severity = 'note'
    }
    if (reasons.length === 0) return []
    const top = wastedPaths(index)
    const biggest = top[0]
    const hit: CheckHit = {
      message: `The image wastes space: ${reasons.join(', ')}; delete files in the same RUN that creates them, or build in a separate stage`,
      evidence:
        top.length > 0
          ? `largest: ${examples(top.map(describeCopies), 5)}; user wasted ${(measures.userWastedPercent * 100).toFixed(1)}%`
          : reasons.join(', '),
      ...(biggest ? { path: biggest.path, layer: biggest.layer } : {}),
      ...(severity ? { severity } : {})
    }
    return [hit]
  }
}

export const SG2016: ImageCheck = {
  id: 'SG2016',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Image size or layer count over the configured thresholds',
  run: ({ index, config }) => {
    const limits = effectiveThresholds(config.thresholds)
    const hits: CheckHit[] = []
    if (index.sizeBytes > limits.imageSize) {
      const largest = [...index.layers].sort((a, b) => b.sizeBytes - a.sizeBytes)[0]
      hits.push({
        message: `The image is ${formatBytes(index.sizeBytes)}, over the ${formatBytes(limits.imageSize)} limit; start the final stage from a smaller base and copy only what runs`,
        ...(largest
          ? {
              layer: largest.index,
              evidence:
                `largest layer: ${largest.index} (${formatBytes(largest.sizeBytes)}) ${redactCreatedBy(largest.createdBy)}`.trim()
            }
          : {})
      })
    }
    if (index.layers.length > limits.layerCount) {
      hits.push({
        message: `The image has ${index.layers.length} layers, over the limit of ${limits.layerCount}; combine RUN steps or copy a prepared tree in one COPY`,
        evidence: `${index.layers.length} layers`
      })
    }
    return hits
  }
}
