// An image check: metadata (id, default severity, summary) plus a pure `run`
// over the image index, the Dockerfile model and the layer attribution. The
// runner (run.ts) applies config, fills stage/line/layer and sorts; checks
// only say what and where (a layer, a path, or an explicit line).
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import type { Severity } from '../finding.js'
import type { ImageIndex } from '../image/types.js'
import type { RuleMeta } from '../rule-meta.js'
import type { HistoryAttribution, LayerAttribution } from './attribution.js'

export interface RequestedAttestations {
  sbom: boolean
  provenance: boolean
}

export interface CheckContext {
  index: ImageIndex
  model?: DockerfileModel
  /** One entry per layer of `index.layers` (empty when there is no model). */
  attribution: LayerAttribution[]
  /** One entry per `index.history` entry, empty-layer entries (ENV, ARG, USER ...) included (empty without a model). */
  historyAttribution: HistoryAttribution[]
  config: Config
  /** What the build asked for; undefined when unknown (e.g. `stagegate check`). */
  requested?: RequestedAttestations
  /** The tags the image was built under (the `tags` input); empty or undefined: the checked reference. */
  tags?: readonly string[]
}

export interface CheckHit {
  message: string
  /** Layer (index into `index.layers`) that put the problem there; the runner maps it to stage and line. */
  layer?: number
  /** A file inside the image. */
  path?: string
  /** An explicit Dockerfile line (and the stage index it belongs to) when no layer says it better. */
  line?: number
  endLine?: number
  stage?: number
  /** Always redacted. */
  evidence?: string
  /** How many files (or instructions) this one hit stands for, when it aggregates several. */
  count?: number
  /** Other layers that show the same problem (their Dockerfile lines become the finding's relatedLines). */
  alsoLayers?: number[]
  /** Other Dockerfile lines that show the same problem. */
  alsoLines?: number[]
  /** A hit less (or more) severe than the check's default, e.g. an aggregate note. */
  severity?: Severity
}

export interface ImageCheck extends RuleMeta {
  phase: 'image'
  run(context: CheckContext): CheckHit[]
}
