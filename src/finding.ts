// The one record every phase (lint, build, image checks) produces and every
// reporter (text, JSON, SARIF, annotations, summary, PR comment) consumes.

export type Severity = 'error' | 'warning' | 'note'

/** Most severe first; reporters sort and policies compare with this. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note']

export interface StageRef {
  index: number
  name?: string
  final: boolean
}

export interface LayerRef {
  index: number
  digest?: string
  createdBy?: string
}

export interface Finding {
  /** Canonical id: DL3008, JSONArgsRecommended, SG2004 ... */
  ruleId: string
  severity: Severity
  /** One sentence that says what to do. */
  message: string
  /** Dockerfile path relative to the workspace. */
  file?: string
  /** 1-based line of the instruction that caused it. */
  line?: number
  endLine?: number
  /** 1-based column on `line`, where the tool knows it (shellcheck). */
  column?: number
  stage?: StageRef
  layer?: LayerRef
  /** A file inside the image, for image findings. */
  path?: string
  /** Always redacted: never a secret's value. */
  evidence?: string
  /**
   * The built image confirmed what this Dockerfile finding predicted: the lint
   * and image findings became this one (their ids are in `also`).
   */
  confirmed?: true
  /** Other rule ids this one finding stands for; ignoring any of them silences it. */
  also?: string[]
  /** How many files (or instructions) this one finding covers, when more than one. */
  count?: number
  /** Other Dockerfile lines where the same problem shows (SARIF relatedLocations). */
  relatedLines?: number[]
}

export interface Counts {
  error: number
  warning: number
  note: number
}

export type FailOn = Severity | 'never'

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0 }
  for (const finding of findings) counts[finding.severity]++
  return counts
}

/** True when a finding at or above `failOn` exists. */
export function failsPolicy(counts: Counts, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const limit = severityRank(failOn)
  return SEVERITIES.some((severity, rank) => rank <= limit && counts[severity] > 0)
}

/** Stable order for every reporter: most severe, then file, line, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareRuleIds(a.ruleId, b.ruleId) ||
    compareText(a.path ?? '', b.path ?? '')
  )
}

let defaultCollator: Intl.Collator | undefined

/**
 * `a.localeCompare(b)`, with the collator made on first use and skipped for equal strings (the
 * findings of one file share it): making a collator loads ICU's collation data, 10-30 ms that a
 * cold `stagegate lint` of one file need not pay.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0
  defaultCollator ??= new Intl.Collator()
  return defaultCollator.compare(a, b)
}

const ALPHANUMERIC = /^[A-Za-z0-9]*$/

/**
 * Rule ids (DL3008, SG1003, SC2086, UndefinedVar) in the collator's order without the collator:
 * for ASCII letters and digits the root collation compares case-insensitively first (digits
 * before letters, a prefix first), then lower case before upper at the first difference. Other
 * text goes to the collator.
 */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0
  if (!ALPHANUMERIC.test(a) || !ALPHANUMERIC.test(b)) return compareText(a, b)
  const lowerA = a.toLowerCase()
  const lowerB = b.toLowerCase()
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === lowerA[i] ? -1 : 1
  return 0
}
