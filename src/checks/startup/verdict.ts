// Will it start? The verdict `image.startup` carries: the startup checks'
// errors and warnings (SG2040–SG2045), SG2012's missing loaders and
// libraries for the executables the command reaches, and SG2013's unknown
// USER. It is a prediction for the hardened smoke run (read-only rootfs, no
// network, no capabilities, no new privileges, as the image's USER).
// `expected` is false when any of those says the container will not start
// (errors) or will not do its basic work (the TLS and time-zone warnings);
// SG2046's notes never change it. Rules the config switches off do not count.
import type { Config } from '../../config.js'
import type { DockerfileModel } from '../../dockerfile/model.js'
import type { Finding, Severity } from '../../finding.js'
import type { ImageIndex } from '../../image/types.js'
import type { ImageCheck } from '../check.js'
import { SG2012 } from '../rules/dynamic-libs.js'
import { SG2013 } from '../rules/user.js'
import { runImageChecks } from '../run.js'
import { analyseStartup } from './analysis.js'
import { SG2043 } from './binary-platform.js'
import { SG2041 } from './command-permission.js'
import { SG2040 } from './command-resolves.js'
import { SG2042 } from './script-interpreter.js'
import { SG2045 } from './time-zones.js'
import { SG2044 } from './tls-roots.js'

export interface StartupReason {
  ruleId: string
  severity: Severity
  /** `start`: the container will not start; `work`: it starts but its basic work (HTTPS, time zones) fails. */
  impact: 'start' | 'work'
  message: string
  line?: number
  stage?: number
  path?: string
}

export interface StartupVerdict {
  expected: boolean
  reasons: StartupReason[]
  /** What the runtime executes (Entrypoint + Cmd) and as whom. */
  command: string[]
  user: string
}

const PREDICTING: readonly ImageCheck[] = [SG2012, SG2013, SG2040, SG2041, SG2042, SG2043, SG2044, SG2045]

export function predictStartup(
  index: ImageIndex,
  options: { model?: DockerfileModel; config: Config }
): StartupVerdict {
  const { model, config } = options
  const analysis = analyseStartup({
    index,
    config,
    attribution: [],
    historyAttribution: [],
    ...(model ? { model } : {})
  })
  const reached = new Set(analysis.steps.flatMap(step => (step.lookup.file ? [step.lookup.file.path] : [])))
  const findings = runImageChecks(index, { config, checks: PREDICTING, ...(model ? { model } : {}) })
  const reasons = findings
    .filter(finding => finding.severity !== 'note')
    .filter(
      finding => finding.ruleId !== 'SG2012' || (finding.path !== undefined && reached.has(finding.path))
    )
    .map(toReason)
  return {
    expected: reasons.length === 0,
    reasons,
    command: analysis.argv,
    user: analysis.identity.raw
  }
}

function toReason(finding: Finding): StartupReason {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    impact: finding.ruleId === 'SG2044' || finding.ruleId === 'SG2045' ? 'work' : 'start',
    message: finding.message,
    ...(finding.line !== undefined ? { line: finding.line } : {}),
    ...(finding.stage !== undefined ? { stage: finding.stage.index } : {}),
    ...(finding.path !== undefined ? { path: finding.path } : {})
  }
}
