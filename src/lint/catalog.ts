// Every Dockerfile rule Stagegate runs: hadolint's DL rules (with the BuildKit
// names that mean the same as aliases), BuildKit's other checks under their
// own names, and Stagegate's SG1xxx rules. Ids are unique; aliases may be
// shared (one BuildKit name can select several DL rules).
import { BUILDKIT_ALIASES } from './aliases.js'
import { defineRule } from './kit.js'
import type { LintRule } from './rule.js'
import { REGISTERED_RULES } from './rules/index.js'

function withBuildkitAliases(rule: LintRule): LintRule {
  const extra = BUILDKIT_ALIASES[rule.id]
  if (!extra) return rule
  const aliases = [...rule.aliases, ...extra.filter(alias => !rule.aliases.includes(alias))]
  return defineRule({ ...rule, aliases }, rule.check)
}

export const LINT_RULES: readonly LintRule[] = REGISTERED_RULES.map(withBuildkitAliases)

const KNOWN = new Map<string, string>()
for (const rule of LINT_RULES) {
  KNOWN.set(rule.id.toLowerCase(), rule.id)
  for (const alias of rule.aliases) KNOWN.set(alias.toLowerCase(), rule.id)
}

/** True for a rule id or alias of a Dockerfile rule, or a shellcheck id (SC1234). For config validation. */
export function isKnownLintRuleId(id: string): boolean {
  return KNOWN.has(id.toLowerCase()) || /^SC\d{4}$/i.test(id)
}

/** Rules that report only when the config gives them a severity (hadolint's "ignore" level). */
export function isOffByDefault(rule: LintRule): boolean {
  return rule.offByDefault === true
}
