// hadolint's rules grouped as the older tests count them: DL3000–DL3030, and
// the rest (DL1001, DL3031 on, DL4xxx), from the one registry.
import { REGISTERED_RULES } from '../../src/lint/rules/index.js'

const hadolint = REGISTERED_RULES.filter(rule => /^DL\d{4}$/.test(rule.id))

export const HADOLINT_RULES_A = hadolint.filter(rule => rule.id >= 'DL3000' && rule.id <= 'DL3030')
export const HADOLINT_RULES_B = hadolint.filter(rule => !HADOLINT_RULES_A.includes(rule))
export const HADOLINT_B_OFF_BY_DEFAULT = HADOLINT_RULES_B.filter(rule => rule.offByDefault === true).map(
  rule => rule.id
)
