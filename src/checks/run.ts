// The image phase's entry: attribute layers, run every check, apply the
// config (ignore, severity overrides, allow.paths), and turn hits into
// Findings that carry stage, line, layer and path.
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import type { Finding, Severity, StageRef } from '../finding.js'
import { compareFindings, severityRank } from '../finding.js'
import type { ImageIndex } from '../image/types.js'
import { attributeHistory, attributeLayers, stageRef } from './attribution.js'
import type { LayerAttribution } from './attribution.js'
import { IMAGE_CHECKS } from './catalog.js'
import type { CheckContext, CheckHit, ImageCheck, RequestedAttestations } from './check.js'
import { isAllowedPath } from './glob.js'
import { redactCreatedBy, scrubTokens } from './secrets.js'

export interface ImageCheckOptions {
  model?: DockerfileModel
  config: Config
  /** Dockerfile path for findings (defaults to the model's path). */
  file?: string
  requested?: RequestedAttestations
  /** The checks to run (tests); defaults to IMAGE_CHECKS. */
  checks?: readonly ImageCheck[]
}

function selects(config: Config, check: ImageCheck, list: readonly string[]): boolean {
  const names = [check.id, ...check.aliases].map(name => name.toLowerCase())
  return list.some(entry => names.includes(entry.toLowerCase()))
}

function configuredSeverity(config: Config, check: ImageCheck): Severity | 'off' | undefined {
  for (const name of [check.id, ...check.aliases]) {
    const match = Object.entries(config.severity).find(([key]) => key.toLowerCase() === name.toLowerCase())
    if (match) return match[1]
  }
  return undefined
}

export function runImageChecks(index: ImageIndex, options: ImageCheckOptions): Finding[] {
  const { model, config } = options
  const attribution = model ? attributeLayers(index, model) : []
  const context: CheckContext = {
    index,
    attribution,
    historyAttribution: model ? attributeHistory(index, model) : [],
    config,
    ...(model ? { model } : {}),
    ...(options.requested ? { requested: options.requested } : {})
  }
  const file = options.file ?? model?.path
  const findings: Finding[] = []
  for (const check of options.checks ?? IMAGE_CHECKS) {
    if (selects(config, check, config.ignore)) continue
    const override = configuredSeverity(config, check)
    if (override === 'off') continue
    for (const hit of check.run(context)) {
      if (hit.path !== undefined && isAllowedPath(config.allow.paths, hit.path)) continue
      const base = override ?? check.severity
      // A hit that asks for less (SG2012's aggregate note) stays at most that severe under any override.
      const severity = hit.severity && severityRank(hit.severity) > severityRank(base) ? hit.severity : base
      findings.push(toFinding(check, hit, severity, { index, model, attribution, file }))
    }
  }
  return findings.sort(compareFindings)
}

function toFinding(
  check: ImageCheck,
  hit: CheckHit,
  severity: Severity,
  where: { index: ImageIndex; model?: DockerfileModel; attribution: LayerAttribution[]; file?: string }
): Finding {
  const { index, model, attribution, file } = where
  const layerInfo = hit.layer === undefined ? undefined : index.layers[hit.layer]
  const attributed = hit.layer === undefined ? undefined : attribution[hit.layer]
  let line = hit.line ?? attributed?.line
  let endLine = hit.line !== undefined ? hit.endLine : attributed?.endLine
  let stage: StageRef | undefined
  if (hit.stage !== undefined && model?.stages[hit.stage]) stage = stageRef(model.stages[hit.stage]!)
  else stage = attributed?.stage
  if (line === undefined && stage === undefined && model) {
    // Image-wide findings (size, layer count, attestations) belong to the final stage's FROM.
    const final = model.stages[model.finalStage]
    if (final) {
      stage = stageRef(final)
      line = final.line
      endLine = final.instructions[0]?.endLine
    }
  }
  // Defence in depth: whatever a check wrote, no known token format leaves as plain text.
  const finding: Finding = { ruleId: check.id, severity, message: scrubTokens(hit.message) }
  if (file !== undefined && line !== undefined) finding.file = file
  if (line !== undefined) finding.line = line
  if (line !== undefined && endLine !== undefined && endLine > line) finding.endLine = endLine
  if (stage) finding.stage = stage
  if (layerInfo)
    finding.layer = {
      index: layerInfo.index,
      ...(layerInfo.digest ? { digest: layerInfo.digest } : {}),
      ...(layerInfo.createdBy ? { createdBy: redactCreatedBy(layerInfo.createdBy) } : {})
    }
  if (hit.path !== undefined) finding.path = hit.path
  if (hit.evidence !== undefined) finding.evidence = scrubTokens(hit.evidence)
  return finding
}
