// The merged configuration: `.stagegate.yml` (or `.github/stagegate.yml`, or
// the `config` input), with an existing `.hadolint.yaml` filling what the
// Stagegate file does not set. Loading lives in config-load.ts.
import type { DiveRules } from './checks/dive-ci.js'
import type { FailOn, Severity } from './finding.js'

export interface Thresholds {
  /** Minimum image efficiency (0..1), as dive computes it. */
  efficiency?: number
  wastedBytes?: number
  imageSize?: number
  layerCount?: number
}

export interface Config {
  failOn?: FailOn
  /** Rule ids or aliases to drop. */
  ignore: string[]
  /** Per-rule severity overrides, or 'off'. */
  severity: Record<string, Severity | 'off'>
  trustedRegistries: string[]
  thresholds: Thresholds
  allow: { paths: string[] }
  /** hadolint's label-schema: label name → type (text, url, semver, hash, rfc3339, spdx, email). */
  labelSchema: Record<string, string>
  strictLabels: boolean
  /** dive's CI rules from a `.dive-ci` file beside the config, when there is one (SG2009 applies them as dive does). */
  dive?: { source: string; rules: DiveRules }
  /** Where each part came from, for messages. */
  sources: string[]
}

export function emptyConfig(): Config {
  return {
    ignore: [],
    severity: {},
    trustedRegistries: [],
    thresholds: {},
    allow: { paths: [] },
    labelSchema: {},
    strictLabels: false,
    sources: []
  }
}
