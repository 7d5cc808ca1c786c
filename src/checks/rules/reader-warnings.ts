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
  run: ({ index }) =>
    index.warnings.map(warning => {
      const layer = /\blayer (\d+)\b/.exec(warning)
      const layerIndex = layer ? Number(layer[1]) : undefined
      return {
        message: `The image reader skipped unreadable or hostile content (${warning}); check results may be incomplete: rebuild the image from a trusted base`,
        ...(layerIndex !== undefined && layerIndex < index.layers.length ? { layer: layerIndex } : {})
      }
    })
}
