// hadolint's rules (DL1001, DL3xxx, DL4xxx) as the one registry holds them, in id order.
import { REGISTERED_RULES } from '../../src/lint/rules/index.js'

export const HADOLINT_RULES = REGISTERED_RULES.filter(rule => /^DL\d{4}$/.test(rule.id))
