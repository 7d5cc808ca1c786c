// Runs one check through the real runner, so tests see findings exactly as
// reporters will (stage, line, layer, path filled from attribution).
import type { ImageCheck, RequestedAttestations } from '../../../src/checks/check.js'
import { runImageChecks } from '../../../src/checks/run.js'
import type { Config } from '../../../src/config.js'
import { parseDockerfile } from '../../../src/dockerfile/parse.js'
import type { Finding } from '../../../src/finding.js'
import type { ImageIndex } from '../../../src/image/types.js'
import { config as makeConfig } from './image-builder.js'

export function runOne(
  check: ImageCheck,
  index: ImageIndex,
  options: { dockerfile?: string; config?: Partial<Config>; requested?: RequestedAttestations } = {}
): Finding[] {
  return runImageChecks(index, {
    config: makeConfig(options.config),
    checks: [check],
    ...(options.dockerfile === undefined
      ? {}
      : { model: parseDockerfile(options.dockerfile, { path: 'Dockerfile' }) }),
    ...(options.requested ? { requested: options.requested } : {})
  })
}

/** The parts of findings tests assert on. */
export function where(findings: readonly Finding[]): {
  ruleId: string
  severity: string
  line?: number
  stage?: number
  layer?: number
  path?: string
}[] {
  return findings.map(finding => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    ...(finding.line === undefined ? {} : { line: finding.line }),
    ...(finding.stage === undefined ? {} : { stage: finding.stage.index }),
    ...(finding.layer === undefined ? {} : { layer: finding.layer.index }),
    ...(finding.path === undefined ? {} : { path: finding.path })
  }))
}
