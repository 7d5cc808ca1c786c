// Everything the phases produced → the one Report every reporter renders
// (the JSON contract in DESIGN.md). Pure: data in, data out.
import { isDigestPinned } from '../dockerfile/image-ref.js'
import type { DockerfileModel, Stage } from '../dockerfile/model.js'
import { compareFindings, countFindings } from '../finding.js'
import { aggregateFindings } from '../findings/aggregate.js'
import type { Finding } from '../finding.js'
import { fingerprintFindings, instructionTextFromModels } from './fingerprint.js'
import type { Report, ReportEdge, ReportFinding, ReportImage, ReportStage } from './report.js'

/** Bytes that crossed one stage-graph edge, when the image phase measured them directly. */
export interface EdgeSize {
  /** Line of the instruction that made the edge. */
  line: number
  /** Source stage index (or undefined with `image` for an external image). */
  from?: number
  image?: string
  sizeBytes: number
}

export interface ReportParts {
  /** Dockerfile path relative to the workspace. */
  dockerfile: string
  model?: DockerfileModel
  findings: readonly Finding[]
  image?: ReportImage | null
  /** Measured edge sizes; without them a COPY edge into the final image takes its layer's size. */
  edgeSizes?: readonly EdgeSize[]
  notices?: string[]
  build?: Report['build']
  toolVersion: string
}

/** Pinned by digest; undefined when pinning does not apply (`scratch`, another stage). */
export function isPinned(stage: Pick<Stage, 'base' | 'baseStage'>): boolean | undefined {
  if (stage.baseStage !== undefined || stage.base.toLowerCase() === 'scratch') return undefined
  return isDigestPinned(stage.base)
}

export function buildReport(parts: ReportParts): Report {
  const image = parts.image ?? null
  const edges = parts.model ? reportEdges(parts.model, image, parts.edgeSizes ?? []) : undefined
  const stages = parts.model ? reportStages(parts.model, image, edges ?? []) : []
  const findings = normaliseFindings(parts.findings, parts.dockerfile, parts.model)
  const report: Report = {
    version: 1,
    tool: { name: 'stagegate', version: parts.toolVersion },
    dockerfile: parts.dockerfile,
    stages,
    ...(edges ? { edges } : {}),
    image,
    findings,
    counts: countFindings(findings),
    ...(parts.notices && parts.notices.length > 0 ? { notices: [...parts.notices] } : {}),
    ...(parts.build ? { build: { ...parts.build } } : {})
  }
  return report
}

function reportEdges(
  model: DockerfileModel,
  image: ReportImage | null,
  sizes: readonly EdgeSize[]
): ReportEdge[] {
  return model.edges.map(edge => {
    const out: ReportEdge = { to: edge.to, kind: edge.kind, line: edge.line, sources: [...edge.sources] }
    if (edge.from !== undefined) out.from = edge.from
    if (edge.image !== undefined) out.image = edge.image
    if (edge.dest !== undefined) out.dest = edge.dest
    const measured = sizes.find(
      size => size.line === edge.line && size.from === edge.from && size.image === edge.image
    )
    // A COPY --from=X layer is attributed to stage X (where its bytes came
    // from), so match the layer by the COPY's line and either end of the edge.
    const layer =
      edge.kind === 'copy'
        ? image?.layers.find(l => l.line === edge.line && (l.stage === edge.to || l.stage === edge.from))
        : undefined
    const sizeBytes = measured?.sizeBytes ?? layer?.sizeBytes
    if (sizeBytes !== undefined) out.sizeBytes = sizeBytes
    return out
  })
}

/**
 * Bytes each stage put into the final image: a layer counts for the stage it
 * is attributed to, except a `COPY --from=X` layer, whose bytes came from X.
 */
function stageContributions(image: ReportImage, edges: readonly ReportEdge[]): Map<number, number> {
  const bytes = new Map<number, number>()
  for (const layer of image.layers) {
    if (layer.stage === undefined) continue
    const copy = edges.find(
      edge =>
        edge.kind === 'copy' && edge.from !== undefined && edge.to === layer.stage && edge.line === layer.line
    )
    const owner = copy?.from ?? layer.stage
    bytes.set(owner, (bytes.get(owner) ?? 0) + layer.sizeBytes)
  }
  return bytes
}

function reportStages(
  model: DockerfileModel,
  image: ReportImage | null,
  edges: readonly ReportEdge[]
): ReportStage[] {
  const contributions = image ? stageContributions(image, edges) : undefined
  return model.stages.map(stage => {
    const pinned = isPinned(stage)
    return {
      index: stage.index,
      ...(stage.name !== undefined ? { name: stage.name } : {}),
      base: stage.base,
      line: stage.line,
      final: stage.final,
      ...(pinned !== undefined ? { pinned } : {}),
      ...(contributions ? { sizeBytes: contributions.get(stage.index) ?? 0 } : {})
    }
  })
}

/** Sorted most severe first, keys in one canonical order, each with its fingerprint. */
function normaliseFindings(
  findings: readonly Finding[],
  dockerfile: string,
  model: DockerfileModel | undefined
): ReportFinding[] {
  // Past a limit per rule, the rest of a rule is one aggregate finding: every output stays bounded.
  const sorted = aggregateFindings([...findings].sort(compareFindings)).sort(compareFindings)
  // The model is this Dockerfile's, whatever path it was parsed under.
  const lookup = model ? instructionTextFromModels([{ ...model, path: dockerfile }]) : undefined
  const fingerprints = fingerprintFindings(sorted, dockerfile, lookup)
  return sorted.map((finding, index) => {
    const out: ReportFinding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message
    }
    if (finding.file !== undefined) out.file = finding.file
    if (finding.line !== undefined) out.line = finding.line
    if (finding.endLine !== undefined) out.endLine = finding.endLine
    if (finding.column !== undefined) out.column = finding.column
    if (finding.stage !== undefined) out.stage = { ...finding.stage }
    if (finding.layer !== undefined) out.layer = { ...finding.layer }
    if (finding.path !== undefined) out.path = finding.path
    if (finding.evidence !== undefined) out.evidence = finding.evidence
    if (finding.confirmed) out.confirmed = true
    if (finding.also !== undefined && finding.also.length > 0) out.also = [...finding.also]
    if (finding.count !== undefined) out.count = finding.count
    if (finding.relatedLines !== undefined && finding.relatedLines.length > 0)
      out.relatedLines = [...finding.relatedLines]
    out.fingerprint = fingerprints[index]
    return out
  })
}
