// GitLab's code quality report (`--format gitlab_codeclimate`): one JSON
// array of issues with the fields GitLab reads (description, check_name,
// fingerprint, severity, location.path, location.lines.begin), for
// `artifacts: reports: codequality`. The fingerprint is the report's
// line-independent one, so an issue keeps its identity when lines move
// and the merge request widget shows it as unchanged, not fixed + new.
import type { Report } from '../report.js'
import { CODECLIMATE_SEVERITY } from './codeclimate.js'
import { locatedFindings, safeJson, type FormatContext } from './common.js'

export interface GitlabIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: string
  location: { path: string; lines: { begin: number; end?: number } }
}

export function formatGitlabCodeclimate(reports: readonly Report[], _context?: FormatContext): string {
  const issues: GitlabIssue[] = locatedFindings(reports).map(entry => {
    const end = entry.finding.endLine
    return {
      description: `${entry.finding.ruleId}: ${entry.message}`,
      check_name: entry.finding.ruleId,
      fingerprint: entry.fingerprint,
      severity: CODECLIMATE_SEVERITY[entry.finding.severity],
      location: {
        path: entry.file,
        lines: end !== undefined && end > entry.line ? { begin: entry.line, end } : { begin: entry.line }
      }
    }
  })
  return safeJson(issues, 2) + '\n'
}
