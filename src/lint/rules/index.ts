// The one registry of Dockerfile rules: every rule a module below exports is
// registered, so a new rule is an `export const` in the file of its topic
// (plus its doc page in docs/rules/ and its cases). A new topic file is one
// line here. hadolint's rules keep their DL ids; BuildKit's checks their
// names; Stagegate's own are SG1xxx.
import { compareRuleIds } from '../../finding.js'
import type { LintRule } from '../rule.js'
import * as apk from './apk.js'
import * as apt from './apt.js'
import * as buildkit from './buildkit.js'
import * as copyAdd from './copy-add.js'
import * as gem from './gem.js'
import * as hardening from './hardening.js'
import * as go from './go.js'
import * as instructions from './instructions.js'
import * as labels from './labels.js'
import * as npm from './npm.js'
import * as pip from './pip.js'
import * as rpm from './rpm.js'
import * as shell from './shell.js'
import * as stagegateBase from './stagegate-base.js'
import * as stagegateCopy from './stagegate-copy.js'
import * as stagegateRun from './stagegate-run.js'
import * as stages from './stages.js'

export const RULE_MODULES: readonly Record<string, unknown>[] = [
  apt,
  apk,
  rpm,
  pip,
  npm,
  gem,
  go,
  labels,
  copyAdd,
  instructions,
  stages,
  shell,
  buildkit,
  stagegateBase,
  stagegateCopy,
  stagegateRun,
  hardening
]

/** A module's exported rules (its exported helpers left out). */
export function rulesOf(module: Record<string, unknown>): LintRule[] {
  return Object.values(module).filter(
    (value): value is LintRule =>
      typeof value === 'object' &&
      value !== null &&
      'id' in value &&
      'check' in value &&
      (value as { phase?: unknown }).phase === 'dockerfile'
  )
}

/** Every registered rule, hadolint's first, each group in id order. */
export const REGISTERED_RULES: readonly LintRule[] = RULE_MODULES.flatMap(rulesOf).sort(
  (a, b) => group(a.id) - group(b.id) || compareRuleIds(a.id, b.id)
)

function group(id: string): number {
  if (/^DL\d/.test(id)) return 0
  if (/^SG\d/.test(id)) return 2
  return 1
}
