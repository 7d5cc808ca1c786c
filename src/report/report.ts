// The JSON report (`--format json`, `report-file`): the contract in DESIGN.md.
import type { StageEdge } from '../dockerfile/model.js'
import type { StartupVerdict } from '../checks/startup/verdict.js'
import type { Counts, Finding } from '../finding.js'
import type { SmokeResult } from '../smoke/run.js'
import type { ReportSigning, StageSupplyChain } from '../sign/report.js'

export interface ReportStage {
  index: number
  name?: string
  base: string
  line: number
  final: boolean
  /** Bytes this stage contributed to the final image (image phase only). */
  sizeBytes?: number
  pinned?: boolean
  /** The FROM image's supply chain (`verify-base-images`). */
  supplyChain?: StageSupplyChain
}

export interface ReportLayer {
  index: number
  digest: string
  sizeBytes: number
  createdBy: string
  /** Stage index and Dockerfile line the layer is attributed to. */
  stage?: number
  line?: number
}

export interface ReportImage {
  ref: string
  digest?: string
  sizeBytes: number
  efficiency: number
  wastedBytes: number
  /** dive's highestUserWastedPercent measure: wasted bytes over the bytes the layers above the base add (0..). */
  userWastedPercent?: number
  layers: ReportLayer[]
  attestations: { sbom: boolean; provenance: boolean }
  /** True when provenance/SBOM turned a single-platform image into an index. */
  indexFromAttestations?: boolean
  /** Will it start under the hardened smoke run: the static prediction, and the smoke run's result when it ran. */
  startup?: ReportStartup
}

export interface ReportStartup extends StartupVerdict {
  smoke: SmokeResult
}

/** Stage-graph edges (the model's), with the bytes that crossed when the image phase measured them. */
export interface ReportEdge extends StageEdge {
  sizeBytes?: number
}

/**
 * A finding as the report carries it: the Finding plus a stable fingerprint
 * (rule, file, normalised instruction text, in-image path; never the line
 * number), so a PR run can tell which findings it adds or fixes against the
 * base branch's report, and SARIF's partialFingerprints survive line shifts.
 */
export interface ReportFinding extends Finding {
  fingerprint?: string
}

export interface Report {
  version: 1
  tool: { name: 'stagegate'; version: string }
  dockerfile: string
  stages: ReportStage[]
  edges?: ReportEdge[]
  image: ReportImage | null
  findings: ReportFinding[]
  counts: Counts
  /** Informational lines for humans (e.g. "shellcheck not found: SC checks skipped"). */
  notices?: string[]
  build?: { ok: boolean; error?: string; imageid?: string; digest?: string; seconds?: number }
  /** What the step signed and attested (src/sign). */
  signing?: ReportSigning
}
