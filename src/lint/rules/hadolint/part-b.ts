// hadolint rules, part B: DL1001, DL3031–DL3067 and DL4000–DL4006, in id
// order. Rules with `offByDefault` (hadolint's "ignore" severity, and the
// retired DL3031/DL3039) only report when the config gives them a severity.
// Every rule the part-B modules export is registered: a new rule needs only
// its `export const DLxxxx` in one of them.
import type { LintRule } from '../../rule.js'
import * as instructionRules from './b-instructions.js'
import * as labelRules from './b-labels.js'
import * as packageRules from './b-packages.js'

export type { PartBRule } from './b-helpers.js'

/** The rules among a module's exports (its exported helper functions left out). */
function rulesOf(module: Record<string, unknown>): LintRule[] {
  return Object.values(module).filter(
    (value): value is LintRule =>
      typeof value === 'object' && value !== null && 'id' in value && 'check' in value
  )
}

export const HADOLINT_RULES_B: readonly LintRule[] = [
  ...rulesOf(instructionRules),
  ...rulesOf(labelRules),
  ...rulesOf(packageRules)
].sort((a, b) => a.id.localeCompare(b.id))

/** Ids of part-B rules that stay silent unless the config sets their severity. */
export const HADOLINT_B_OFF_BY_DEFAULT: readonly string[] = HADOLINT_RULES_B.filter(
  rule => (rule as { offByDefault?: boolean }).offByDefault === true
).map(rule => rule.id)
