// SG2009 (wasted bytes and efficiency, as dive computes them) and SG2016
// (image size and layer count) against `thresholds` in the config.
import type { Thresholds } from '../../config.js'
import type { ImageIndex } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { formatBytes } from '../../bytes.js'
import { examples } from '../image-files.js'
import { redactCreatedBy } from '../secrets.js'

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

/** Bytes made unreachable per path (deleted or overwritten versions), biggest first, with the layer that wrote the most. */
export function wastedPaths(index: ImageIndex): { path: string; bytes: number; layer: number }[] {
  const byPath = new Map<string, { bytes: number; layer: number; biggest: number }>()
  for (const file of index.shadowed) {
    if (file.type !== 'file' || file.size === 0) continue
    const entry = byPath.get(file.path)
    if (!entry) byPath.set(file.path, { bytes: file.size, layer: file.layer, biggest: file.size })
    else {
      entry.bytes += file.size
      if (file.size > entry.biggest) Object.assign(entry, { layer: file.layer, biggest: file.size })
    }
  }
  return [...byPath]
    .map(([path, { bytes, layer }]) => ({ path, bytes, layer }))
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
}

export const SG2009: ImageCheck = {
  id: 'SG2009',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Wasted bytes or image efficiency over the configured thresholds',
  run: ({ index, config }) => {
    const limits = effectiveThresholds(config.thresholds)
    const reasons: string[] = []
    if (index.wastedBytes > limits.wastedBytes)
      reasons.push(`${formatBytes(index.wastedBytes)} wasted (limit ${formatBytes(limits.wastedBytes)})`)
    if (index.efficiency < limits.efficiency && index.wastedBytes >= MIN_WASTE_FOR_EFFICIENCY)
      reasons.push(
        `efficiency ${(index.efficiency * 100).toFixed(1)}% (minimum ${(limits.efficiency * 100).toFixed(1)}%)`
      )
    if (reasons.length === 0) return []
    const top = wastedPaths(index)
    const biggest = top[0]
    const hit: CheckHit = {
      message: `The image wastes space: ${reasons.join(', ')}; delete files in the same RUN that creates them, or build in a separate stage`,
      evidence:
        top.length > 0
          ? `largest: ${examples(
              top.map(entry => `${entry.path} (${formatBytes(entry.bytes)})`),
              5
            )}`
          : reasons.join(', '),
      ...(biggest ? { path: biggest.path, layer: biggest.layer } : {})
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
