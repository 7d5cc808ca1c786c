// What every CI format needs from a report: each finding with the file,
// line and column a consumer can point at, the message on one line, and text
// made safe for the medium (a terminal line, an XML attribute).
import type { Finding, Severity } from '../../finding.js'
import { escapeControl } from '../escape.js'
import { fingerprintFindings } from '../fingerprint.js'
import type { Report } from '../report.js'

// One escaper for every text format (control, bidi, undecodable name bytes): src/report/escape.ts.
export { escapeControl }

export interface FormatContext {
  toolVersion: string
  /** Absolute workspace path (SARIF's %SRCROOT%). */
  srcRoot: string
  /** Colour for the tty format (the caller decides: a terminal, NO_COLOR unset). */
  color?: boolean
}

export interface LocatedFinding {
  report: Report
  finding: Finding
  file: string
  /** The finding's line; for a finding without one (an image finding), its stage's FROM line. */
  line: number
  /** False when `line` stands in for a missing one. */
  exact: boolean
  column?: number
  /** Line-independent and unique within the run (the report's fingerprint, else computed). */
  fingerprint: string
  /** Message with the in-image path, one line, control characters escaped. */
  message: string
}

/** Every finding of every report, with a line to show it at. */
export function locatedFindings(reports: readonly Report[]): LocatedFinding[] {
  const out: LocatedFinding[] = []
  for (const report of reports) {
    const computed = fingerprintFindings(report.findings, report.dockerfile)
    report.findings.forEach((finding, index) => {
      const located: LocatedFinding = {
        report,
        finding,
        file: finding.file ?? report.dockerfile,
        line: finding.line ?? fallbackLine(report, finding),
        exact: finding.line !== undefined,
        fingerprint: report.findings[index]?.fingerprint ?? computed[index] ?? '',
        message: findingMessage(finding)
      }
      if (finding.column !== undefined) located.column = finding.column
      out.push(located)
    })
  }
  return out
}

/** An image finding belongs to a stage: point at its FROM; else at the final stage's; else line 1. */
function fallbackLine(report: Report, finding: Finding): number {
  const stage =
    finding.stage !== undefined
      ? report.stages.find(candidate => candidate.index === finding.stage?.index)
      : undefined
  return stage?.line ?? report.stages.find(candidate => candidate.final)?.line ?? 1
}

export function findingMessage(finding: Finding): string {
  const text = finding.path !== undefined ? `${finding.message} (${finding.path})` : finding.message
  return escapeControl(oneLine(text))
}

export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim()
}

/** XML 1.0 cannot hold lone surrogates or U+FFFE/U+FFFF at all: shown as escapes too. */
export function xmlSafe(text: string): string {
  return escapeControl(text).replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** File, line, column, then most severe first and rule id: the order the per-file formats list findings in. */
export function byLocation(a: LocatedFinding, b: LocatedFinding): number {
  return (
    compare(a.file, b.file) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0) ||
    rank(a.finding.severity) - rank(b.finding.severity) ||
    compare(a.finding.ruleId, b.finding.ruleId)
  )
}

function rank(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Image checks (SG2xxx) are about what ships: secrets, setuid, root. */
export function isImageRule(ruleId: string): boolean {
  return /^SG2\d{3}$/.test(ruleId)
}

/** The files the reports cover, in order, each once (a clean file still shows as checked). */
export function reportFiles(reports: readonly Report[]): string[] {
  return [...new Set(reports.map(report => report.dockerfile))]
}

/**
 * JSON with U+2028/U+2029 written as escapes: valid JSON either way, but raw
 * they end a line for line-oriented readers and for JavaScript before ES2019.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u2028\u2029]/g,
    char => `\\u${char.charCodeAt(0).toString(16)}`
  )
}
