// The step's verdict from the fail-on policy: pass or fail, with a message
// that says which findings failed it and where (the setFailed message).
import { failsPolicy, severityRank } from '../finding.js'
import type { FailOn, Finding } from '../finding.js'
import type { Report } from './report.js'

export interface Verdict {
  result: 'pass' | 'fail'
  failOn: FailOn
  /** One line for humans: why it passed or failed. */
  reason: string
  /** The findings at or above the fail-on level (empty when passing by policy). */
  failing: Finding[]
}

const LISTED = 5

export function atOrAbove(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return []
  return findings.filter(finding => severityRank(finding.severity) <= severityRank(failOn))
}

function where(finding: Finding, dockerfile: string): string {
  const file = finding.file ?? dockerfile
  const at = finding.line !== undefined ? `${file}:${finding.line}` : file
  return finding.path !== undefined
    ? `${finding.ruleId} at ${at} (${finding.path})`
    : `${finding.ruleId} at ${at}`
}

export function verdict(report: Report, failOn: FailOn): Verdict {
  const failing = atOrAbove(report.findings, failOn)
  if (report.build && !report.build.ok) {
    return {
      result: 'fail',
      failOn,
      failing,
      reason: `The build failed${report.build.error ? `: ${report.build.error}` : '.'}`
    }
  }
  if (!failsPolicy(report.counts, failOn)) {
    const reason =
      failOn === 'never'
        ? 'Passed: fail-on is never.'
        : `Passed: no findings at or above ${failOn} (${report.findings.length} below it).`
    return { result: 'pass', failOn, failing: [], reason }
  }
  const listed = failing.slice(0, LISTED).map(finding => where(finding, report.dockerfile))
  const more = failing.length > LISTED ? ` and ${failing.length - LISTED} more` : ''
  const noun = failing.length === 1 ? 'finding' : 'findings'
  return {
    result: 'fail',
    failOn,
    failing,
    reason: `${failing.length} ${noun} at or above fail-on ${failOn}: ${listed.join(', ')}${more}.`
  }
}
