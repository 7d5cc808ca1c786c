// The Code Climate engine spec's issue stream (`--format codeclimate`): each
// issue a JSON object followed by a NUL byte, as engines write to stdout
// (https://github.com/codeclimate/platform/blob/master/spec/analyzers/SPEC.md).
import type { Severity } from '../../finding.js'
import type { Report } from '../report.js'
import {
  escapeControl,
  isImageRule,
  locatedFindings,
  safeJson,
  type FormatContext,
  type LocatedFinding
} from './common.js'

export const CODECLIMATE_SEVERITY: Record<Severity, string> = {
  error: 'critical',
  warning: 'major',
  note: 'minor'
}

export interface CodeClimateIssue {
  type: 'issue'
  check_name: string
  description: string
  categories: string[]
  location: { path: string; lines: { begin: number; end: number } }
  severity: string
  fingerprint: string
  content?: { body: string }
}

export function codeClimateIssue(entry: LocatedFinding): CodeClimateIssue {
  const { finding } = entry
  const issue: CodeClimateIssue = {
    type: 'issue',
    check_name: finding.ruleId,
    description: entry.message,
    categories: [
      isImageRule(finding.ruleId) ? 'Security' : finding.severity === 'note' ? 'Style' : 'Bug Risk'
    ],
    location: {
      path: entry.file,
      lines: { begin: entry.line, end: Math.max(entry.line, finding.endLine ?? entry.line) }
    },
    severity: CODECLIMATE_SEVERITY[finding.severity],
    fingerprint: entry.fingerprint
  }
  if (finding.path !== undefined)
    issue.content = { body: `Path in the image: \`${escapeControl(finding.path)}\`` }
  return issue
}

export function formatCodeclimate(reports: readonly Report[], _context?: FormatContext): string {
  return locatedFindings(reports)
    .map(entry => `${safeJson(codeClimateIssue(entry))}\0`)
    .join('')
}
