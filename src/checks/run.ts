// The image phase's entry: attribute layers, run every check, apply the
// policy (policy.ts: ignore, severity overrides, pragmas) and allow.paths,
// and turn hits into Findings that carry stage, line, layer and path. A
// check that throws becomes a notice, as a lint rule that throws does.
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import type { Finding, Severity, StageRef } from '../finding.js'
import { compareFindings, severityRank } from '../finding.js'
import type { ImageIndex } from '../image/types.js'
import { attributeHistory, attributeLayers, stageRef } from './attribution.js'
import type { LayerAttribution } from './attribution.js'
import { IMAGE_CHECKS } from './catalog.js'
import { ALL_RULES } from '../catalog.js'
import { createPolicy } from '../policy.js'
import type { CheckContext, CheckHit, ImageCheck, RequestedAttestations } from './check.js'
import { isAllowedPath } from './glob.js'
import { redactCreatedBy, scrubTokens } from './secrets.js'

export interface ImageCheckOptions {
  model?: DockerfileModel
  config: Config
  /** Dockerfile path for findings (defaults to the model's path). */
  file?: string
  requested?: RequestedAttestations
  /** The tags the image was built under (SG2019 reads them). */
  tags?: readonly string[]
  /** The checks to run (tests); defaults to IMAGE_CHECKS. */
  checks?: readonly ImageCheck[]
}

export interface ImageCheckResult {
  /** What the user sees. */
  findings: Finding[]
  /**
   * Findings the policy silenced (config ignore or `off`, a pragma on their line). The merge needs
   * them: ignoring the image id of a merged pair silences the Dockerfile finding it confirms too.
   */
  silenced: Finding[]
  /** Checks that threw: one line each, for the caller to print (the other checks still ran). */
  notices: string[]
}

export function runImageChecks(index: ImageIndex, options: ImageCheckOptions): Finding[] {
  return runImageChecksDetailed(index, options).findings
}

export function runImageChecksDetailed(index: ImageIndex, options: ImageCheckOptions): ImageCheckResult {
  const { model, config } = options
  const attribution = model ? attributeLayers(index, model) : []
  const context: CheckContext = {
    index,
    attribution,
    historyAttribution: model ? attributeHistory(index, model) : [],
    config,
    ...(model ? { model } : {}),
    ...(options.requested ? { requested: options.requested } : {}),
    ...(options.tags ? { tags: options.tags } : {})
  }
  const file = options.file ?? model?.path
  const rules = options.checks ? [...ALL_RULES, ...options.checks] : ALL_RULES
  const policy = createPolicy({ config, rules, ...(model ? { model } : {}) })
  const result: ImageCheckResult = { findings: [], silenced: [], notices: [] }
  for (const check of options.checks ?? IMAGE_CHECKS) {
    let hits: CheckHit[]
    try {
      // Silenced checks run too (they are cheap): their findings decide which merged findings go.
      hits = check.run(context)
    } catch (error) {
      // One broken check (or a hostile image tripping it) costs that check, not the image phase.
      result.notices.push(
        `image check ${check.id} failed on ${index.ref}: ${scrubTokens(error instanceof Error ? error.message : String(error))}`
      )
      continue
    }
    const base = policy.severityOf(check.id, check.severity)
    for (const hit of hits) {
      if (hit.path !== undefined && isAllowedPath(config.allow.paths, hit.path)) continue
      // A hit that asks for less (SG2012's aggregate note) stays at most that severe under any override.
      const severity = hit.severity && severityRank(hit.severity) > severityRank(base) ? hit.severity : base
      const finding = toFinding(check, hit, severity, { index, model, attribution, file })
      if (policy.silences(finding)) result.silenced.push(finding)
      else result.findings.push(finding)
    }
  }
  result.findings.sort(compareFindings)
  return result
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
  if (hit.count !== undefined && hit.count > 1) finding.count = hit.count
  const related = new Set<number>()
  for (const other of hit.alsoLayers ?? []) {
    const otherLine = attribution[other]?.line
    if (otherLine !== undefined && otherLine !== line) related.add(otherLine)
  }
  for (const otherLine of hit.alsoLines ?? []) if (otherLine !== line) related.add(otherLine)
  if (related.size > 0) finding.relatedLines = [...related].sort((a, b) => a - b)
  return finding
}
