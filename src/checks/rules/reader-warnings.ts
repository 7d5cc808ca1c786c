// SG2000: the image reader met content it refused or could not read (path
// traversal, links out of the image, truncated streams, lying headers). The
// check results may be incomplete, and the image was built oddly or
// tampered with.
import type { ImageCheck } from '../check.js'

export const SG2000: ImageCheck = {
  id: 'SG2000',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Unreadable or hostile archive content in the image',
  run: ({ index }) => {
    const layerOf = (text: string): { layer?: number } => {
      const layer = /\blayer (\d+)\b/.exec(text)
      const layerIndex = layer ? Number(layer[1]) : undefined
      return layerIndex !== undefined && layerIndex < index.layers.length ? { layer: layerIndex } : {}
    }
    return [
      // Tampering (a blob that is not what its digest names, a whiteout no runtime accepts) is an error: the image may not be what was checked.
      ...(index.tampering ?? []).map(problem => ({
        message: `The image looks tampered with (${problem}); what was checked may not be what runs: rebuild it from a trusted base and push it again`,
        severity: 'error' as const,
        ...layerOf(problem)
      })),
      ...index.warnings.map(warning => ({
        message: `The image reader skipped unreadable or hostile content (${warning}); check results may be incomplete: rebuild the image from a trusted base`,
        ...layerOf(warning)
      }))
    ]
  }
}
