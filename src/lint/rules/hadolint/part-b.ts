// hadolint rules, part B: DL1001, DL3031–DL3067 and DL4000–DL4006, in id
// order. Rules with `offByDefault` (hadolint's "ignore" severity, and the
// retired DL3031/DL3039) only report when the config gives them a severity.
import type { LintRule } from '../../rule.js'
import {
  DL1001,
  DL3043,
  DL3044,
  DL3045,
  DL3057,
  DL3059,
  DL3061,
  DL3063,
  DL3064,
  DL3065,
  DL3066,
  DL3067,
  DL4000,
  DL4003,
  DL4004
} from './b-instructions.js'
import { DL3048, DL3049, DL3050, DL3051, DL3052, DL3053, DL3054, DL3055, DL3056, DL3058 } from './b-labels.js'
import {
  DL3031,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3039,
  DL3040,
  DL3041,
  DL3042,
  DL3046,
  DL3047,
  DL3060,
  DL3062,
  DL4001,
  DL4005,
  DL4006
} from './b-packages.js'

export type { PartBRule } from './b-helpers.js'

export const HADOLINT_RULES_B: readonly LintRule[] = [
  DL1001,
  DL3031,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3039,
  DL3040,
  DL3041,
  DL3042,
  DL3043,
  DL3044,
  DL3045,
  DL3046,
  DL3047,
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3057,
  DL3058,
  DL3059,
  DL3060,
  DL3061,
  DL3062,
  DL3063,
  DL3064,
  DL3065,
  DL3066,
  DL3067,
  DL4000,
  DL4001,
  DL4003,
  DL4004,
  DL4005,
  DL4006
]

/** Ids of part-B rules that stay silent unless the config sets their severity. */
export const HADOLINT_B_OFF_BY_DEFAULT: readonly string[] = HADOLINT_RULES_B.filter(
  rule => (rule as { offByDefault?: boolean }).offByDefault === true
).map(rule => rule.id)
