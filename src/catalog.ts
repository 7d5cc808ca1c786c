// Every rule Stagegate knows, lint rules and image checks, for `stagegate
// rules`, SARIF's rule metadata, the config's id validation and the docs.
import { IMAGE_CHECKS } from './checks/catalog.js'
import { LINT_RULES } from './lint/catalog.js'
import { helpUri, type RuleMeta } from './rule-meta.js'

export const ALL_RULES: readonly RuleMeta[] = [...LINT_RULES, ...IMAGE_CHECKS]

const BY_NAME = new Map<string, RuleMeta>()
for (const rule of ALL_RULES) {
  for (const name of [rule.id, ...rule.aliases]) BY_NAME.set(name.toLowerCase(), rule)
}

/** A rule by id or alias, case-insensitively. */
export function findRule(idOrAlias: string): RuleMeta | undefined {
  return BY_NAME.get(idOrAlias.toLowerCase())
}

/** True for rule ids, aliases and ShellCheck codes (SC1000–SC9999) that config and pragmas may name. */
export function isKnownRuleId(id: string): boolean {
  return findRule(id) !== undefined || /^SC\d{4}$/i.test(id)
}

export interface RuleListing {
  id: string
  aliases: string[]
  severity: RuleMeta['severity']
  phase: RuleMeta['phase']
  summary: string
  helpUri: string
  /** Present (true) for rules that report only when turned on: hadolint's "ignore" level, BuildKit's experimental checks. */
  offByDefault?: true
}

function isOff(rule: RuleMeta): boolean {
  const flags = rule as { offByDefault?: boolean; experimental?: boolean }
  return flags.offByDefault === true || flags.experimental === true
}

/** The `stagegate rules --format json` shape, in id order. */
export function ruleListing(): RuleListing[] {
  return [...ALL_RULES]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(rule => ({
      id: rule.id,
      aliases: [...rule.aliases],
      severity: rule.severity,
      phase: rule.phase,
      summary: rule.summary,
      helpUri: helpUri(rule.id),
      ...(isOff(rule) ? { offByDefault: true as const } : {})
    }))
}
