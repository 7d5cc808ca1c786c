// Keep a report readable and its outputs bounded whatever the input: a
// crafted Dockerfile or image can raise one rule hundreds of thousands of
// times (200k setuid files, 20k RUNs each missing a pin), and every output
// format (SARIF, JSON, the summary) would carry each one, up to gigabytes or a
// string longer than V8 allows. Past a limit per kind (rule and severity), the
// rest of a kind becomes one finding that says how many it stands for, with
// examples: no finding is hidden, its severity still counts for the policy.
// Pure: findings in, findings out, in the order given.
import type { Finding, StageRef } from '../finding.js'

/** Findings of one rule and severity listed one by one; the rest become one aggregate finding. */
export const FINDINGS_PER_KIND = 200

function where(finding: Finding): string {
  if (finding.path !== undefined) return finding.path
  if (finding.line !== undefined) return `line ${finding.line}`
  return finding.message
}

function sameStage(findings: readonly Finding[]): StageRef | undefined {
  const first = findings[0]?.stage
  if (!first) return undefined
  return findings.every(finding => finding.stage?.index === first.index) ? first : undefined
}

function aggregate(rest: readonly Finding[], limit: number): Finding {
  const first = rest[0] as Finding
  const covered = rest.reduce((total, finding) => total + (finding.count ?? 1), 0)
  const places = rest.slice(0, 10).map(where)
  const more = rest.length - places.length
  const out: Finding = {
    ruleId: first.ruleId,
    severity: first.severity,
    message: `${covered} more ${first.ruleId} findings, not listed one by one (a report lists the first ${limit} of each rule), e.g. ${places.slice(0, 3).join(', ')}`,
    count: covered,
    evidence: more > 0 ? `${places.join(', ')} (+${more} more)` : places.join(', ')
  }
  const stage = sameStage(rest)
  if (stage) out.stage = stage
  if (first.file !== undefined) out.file = first.file
  if (first.line !== undefined && stage) out.line = first.line
  return out
}

/** `findings` with every kind past `limit` findings cut to `limit`, plus one aggregate finding for the rest. */
export function aggregateFindings(findings: readonly Finding[], limit = FINDINGS_PER_KIND): Finding[] {
  const seen = new Map<string, number>()
  const rest = new Map<string, Finding[]>()
  const out: Finding[] = []
  for (const finding of findings) {
    const kind = `${finding.ruleId}\u0000${finding.severity}`
    const count = (seen.get(kind) ?? 0) + 1
    seen.set(kind, count)
    if (count <= limit) out.push(finding)
    else {
      let list = rest.get(kind)
      if (!list) rest.set(kind, (list = []))
      list.push(finding)
    }
  }
  for (const list of rest.values()) out.push(aggregate(list, limit))
  return out
}
