// Compiler-style text for the CLI: one line per finding that editors and
// terminals can jump to, then one summary line.
//   Dockerfile:12 DL3008 warning: Pin versions in apt-get install. [stage builder]
import { formatBytes } from '../bytes.js'
import type { Counts, Finding } from '../finding.js'
import { escapeControl } from './formats/common.js'
import { mergeNote } from '../findings/describe.js'
import type { Report, ReportImage } from './report.js'

/** Optional colour for the terminal (the tty format); the identity when absent. */
export interface Paint {
  severity(severity: Finding['severity'], text: string): string
  dim(text: string): string
}

export function stageLabel(stage: Finding['stage']): string | undefined {
  if (!stage) return undefined
  return stage.name !== undefined && stage.name !== '' ? stage.name : String(stage.index)
}

export function formatFindingLine(finding: Finding, dockerfile: string, paint?: Paint): string {
  const file = oneLine(finding.file ?? dockerfile)
  const where = finding.line !== undefined ? `${file}:${finding.line}` : file
  const inImage = finding.path !== undefined ? ` (${oneLine(finding.path)})` : ''
  const stage = stageLabel(finding.stage)
  const stagePart = stage !== undefined ? ` [stage ${oneLine(stage)}]` : ''
  const head = `${finding.ruleId} ${finding.severity}:`
  const note = mergeNote(finding)
  const merged = note !== undefined ? ` {${oneLine(note)}}` : ''
  return `${paint ? paint.dim(where) : where} ${paint ? paint.severity(finding.severity, head) : head} ${oneLine(finding.message)}${inImage}${stagePart}${merged}`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function formatCounts(counts: Counts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`
}

/** One report, or several (one per Dockerfile) with a total line. */
export function formatText(reports: Report | readonly Report[], paint?: Paint): string {
  const list = Array.isArray(reports) ? (reports as readonly Report[]) : [reports as Report]
  const lines: string[] = []
  const total: Counts = { error: 0, warning: 0, note: 0 }
  for (const report of list) {
    const dockerfile = oneLine(report.dockerfile)
    for (const finding of report.findings) lines.push(formatFindingLine(finding, report.dockerfile, paint))
    for (const notice of report.notices ?? []) lines.push(`${dockerfile}: notice: ${oneLine(notice)}`)
    if (report.image) lines.push(`${dockerfile}: ${oneLine(imageLine(report.image))}`)
    if (report.build && !report.build.ok) {
      lines.push(`${dockerfile}: build failed${report.build.error ? `: ${oneLine(report.build.error)}` : ''}`)
    }
    total.error += report.counts.error
    total.warning += report.counts.warning
    total.note += report.counts.note
  }
  const findings = total.error + total.warning + total.note
  const scope = list.length === 1 ? oneLine(list[0]?.dockerfile ?? '') : plural(list.length, 'Dockerfile')
  lines.push(`${scope}: ${plural(findings, 'finding')} (${formatCounts(total)})`)
  return lines.join('\n') + '\n'
}

/** The image in one line: what shipped, how big, how much of it is waste, which attestations. */
export function imageLine(image: ReportImage): string {
  const layers = plural(image.layers.length, 'layer')
  const efficiency = `${(image.efficiency * 100).toFixed(1)} % efficient`
  const attested = `SBOM ${image.attestations.sbom ? 'yes' : 'no'}, provenance ${image.attestations.provenance ? 'yes' : 'no'}`
  return `image ${image.ref}: ${formatBytes(image.sizeBytes)} in ${layers}, ${efficiency}, ${formatBytes(image.wastedBytes)} wasted, ${attested}`
}

/** One line, control characters as visible escapes: nothing in a Dockerfile or image can forge a line. */
function oneLine(text: string): string {
  return escapeControl(text.replace(/\s*\r?\n\s*/g, ' ').trim())
}
