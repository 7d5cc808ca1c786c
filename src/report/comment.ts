// The sticky PR comment: one per workflow, job and Dockerfile, found again by
// its hidden marker and updated in place. It gives the verdict, counts, and
// with a base-branch report what this PR adds and fixes (by fingerprint) and
// the image size delta. Pure; github/sticky-comment.ts posts it.
import type { FailOn, Finding, Severity } from '../finding.js'
import { fingerprintFindings } from './fingerprint.js'
import { formatBytes } from '../bytes.js'
import { code, escapeMarkdown, linkTarget } from './markdown.js'
import type { Report, ReportFinding } from './report.js'
import { blobUrl, stageName } from './summary.js'
import type { BlobContext } from './summary.js'
import { verdict } from './verdict.js'
import { signingComment } from '../sign/render.js'

/** GitHub rejects issue comments longer than this. */
export const COMMENT_MAX_LENGTH = 65536

export interface MarkerParts {
  workflow: string
  job: string
  dockerfile: string
}

/**
 * `<!-- stagegate:<workflow>:<job>:<dockerfile> -->`, each part
 * percent-encoded so none can contain `:` or close the comment (`-->`).
 */
export function stickyMarker(parts: MarkerParts): string {
  const encode = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D')
  return `<!-- stagegate:${encode(parts.workflow)}:${encode(parts.job)}:${encode(parts.dockerfile)} -->`
}

export interface ReportDiff {
  added: ReportFinding[]
  fixed: ReportFinding[]
  /** head − base image size, when both reports have an image. */
  sizeDeltaBytes?: number
}

function fingerprintsOf(report: Report): string[] {
  const computed = fingerprintFindings(report.findings, report.dockerfile)
  return report.findings.map((finding, index) => finding.fingerprint ?? computed[index] ?? '')
}

export function diffReports(head: Report, base: Report): ReportDiff {
  const headPrints = fingerprintsOf(head)
  const basePrints = fingerprintsOf(base)
  const inBase = new Set(basePrints)
  const inHead = new Set(headPrints)
  const diff: ReportDiff = {
    added: head.findings.filter((_, index) => !inBase.has(headPrints[index] ?? '')),
    fixed: base.findings.filter((_, index) => !inHead.has(basePrints[index] ?? ''))
  }
  if (head.image && base.image) diff.sizeDeltaBytes = head.image.sizeBytes - base.image.sizeBytes
  return diff
}

export interface CommentOptions {
  marker: string
  failOn: FailOn
  /** The base branch's report, when one was restored. */
  base?: Report | null
  blob?: BlobContext
  /** The workflow run's page, where the job summary is. */
  runUrl?: string
  /** How many findings to list when there is no base report (default 10). */
  topFindings?: number
  maxLength?: number
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' }
const DIFF_LISTED = 50

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function signedBytes(delta: number): string {
  return delta === 0 ? '±0 B' : `${delta > 0 ? '+' : ''}${formatBytes(delta)}`
}

function findingItem(finding: Finding, report: Report, blob: BlobContext | undefined): string {
  const file = finding.file ?? report.dockerfile
  const at = finding.line !== undefined ? `${file}:${finding.line}` : file
  const location = blob
    ? `[${escapeMarkdown(at)}](${linkTarget(blobUrl(blob, file, finding.line, finding.endLine))})`
    : escapeMarkdown(at)
  const stage = finding.stage ? ` (stage ${escapeMarkdown(stageName(finding.stage))})` : ''
  const inImage = finding.path !== undefined ? ` ${code(finding.path)}` : ''
  return `- ${ICON[finding.severity]} **${escapeMarkdown(finding.ruleId)}** ${location}${stage}${inImage}: ${escapeMarkdown(finding.message)}`
}

function list(
  findings: readonly Finding[],
  report: Report,
  blob: BlobContext | undefined,
  max: number
): string[] {
  const lines = findings.slice(0, max).map(finding => findingItem(finding, report, blob))
  if (findings.length > max) lines.push(`- … and ${plural(findings.length - max, 'more finding')}`)
  return lines
}

function pointer(runUrl: string | undefined): string {
  return runUrl ? `[job summary](${linkTarget(runUrl)})` : 'job summary'
}

export function renderComment(report: Report, options: CommentOptions): string {
  const max = options.maxLength ?? COMMENT_MAX_LENGTH
  const outcome = verdict(report, options.failOn)
  const icon = outcome.result === 'pass' ? '✅' : '❌'
  const counts = report.counts
  const facts = [
    `**${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${plural(counts.note, 'note')}**`,
    `fail-on ${code(options.failOn)}`
  ]
  const diff = options.base ? diffReports(report, options.base) : undefined
  if (report.image) {
    const delta = diff?.sizeDeltaBytes !== undefined ? ` (${signedBytes(diff.sizeDeltaBytes)} vs base)` : ''
    facts.push(`image ${formatBytes(report.image.sizeBytes)}${delta}`)
  }
  const lines = [
    options.marker,
    `### ${icon} Stagegate: ${outcome.result} · ${code(report.dockerfile)}`,
    '',
    facts.join(' · '),
    '',
    escapeMarkdown(outcome.reason)
  ]
  if (diff && options.base) {
    lines.push('', `**This PR adds ${plural(diff.added.length, 'finding')}**`)
    if (diff.added.length > 0) lines.push('', ...list(diff.added, report, options.blob, DIFF_LISTED))
    lines.push('', `**This PR fixes ${plural(diff.fixed.length, 'finding')}**`)
    if (diff.fixed.length > 0) lines.push('', ...list(diff.fixed, options.base, undefined, DIFF_LISTED))
  } else if (report.findings.length > 0) {
    const top = options.topFindings ?? 10
    lines.push('', `**Top findings**`, '', ...list(report.findings, report, options.blob, top))
  }
  lines.push(...signingComment(report))
  lines.push(
    '',
    `Every finding, the stage graph and the image details are in the ${pointer(options.runUrl)}.`
  )
  return trimComment(lines.join('\n') + '\n', max, options.runUrl)
}

/** Cuts at a line boundary so the body fits `max`, with a pointer to the job summary. */
export function trimComment(body: string, max: number, runUrl?: string): string {
  if (body.length <= max) return body
  const note = `\n\n… trimmed to fit GitHub's comment limit; the full report is in the ${pointer(runUrl)}.\n`
  const room = Math.max(0, max - note.length)
  const cut = body.lastIndexOf('\n', room)
  return body.slice(0, cut > 0 ? cut : room) + note
}
