// The image section of the report: what was read, and each layer with the
// stage and Dockerfile line it is attributed to.
import type { LayerAttribution } from '../checks/attribution.js'
import { userWastedPercent } from '../checks/rules/size.js'
import { redactCreatedBy } from '../checks/secrets.js'
import type { StartupVerdict } from '../checks/startup/verdict.js'
import type { ImageIndex } from '../image/types.js'
import { NOT_RUN } from '../smoke/run.js'
import type { ReportImage } from './report.js'

export function reportImage(
  index: ImageIndex,
  attribution: readonly LayerAttribution[],
  startup?: StartupVerdict
): ReportImage {
  const byLayer = new Map(attribution.map(entry => [entry.layer, entry]))
  const image: ReportImage = {
    ref: index.ref,
    sizeBytes: index.sizeBytes,
    efficiency: index.efficiency,
    wastedBytes: index.wastedBytes,
    userWastedPercent: userWastedPercent(index),
    layers: index.layers.map(layer => {
      const attributed = byLayer.get(layer.index)
      return {
        index: layer.index,
        digest: layer.digest,
        sizeBytes: layer.sizeBytes,
        // Build-arg values show in created_by: never carry a secret-looking one.
        createdBy: redactCreatedBy(layer.createdBy),
        ...(attributed ? { stage: attributed.stage.index, line: attributed.line } : {})
      }
    }),
    attestations: {
      sbom: index.attestations?.sbom ?? false,
      provenance: index.attestations?.provenance ?? false
    }
  }
  if (index.digest !== undefined) image.digest = index.digest
  if (index.indexFromAttestations) image.indexFromAttestations = true
  if (startup) image.startup = { ...startup, smoke: { ...NOT_RUN } }
  return image
}
