// Compiler-style text for the CLI: one line per finding that editors and
// terminals can jump to, then one summary line.
//   Dockerfile:12 DL3008 warning: Pin versions in apt-get install. [stage builder]
import { formatBytes } from '../bytes.js'
import type { Counts, Finding } from '../finding.js'
import { escapeControl } from './escape.js'
import type { Report, ReportImage } from './report.js'

export function stageLabel(stage: Finding['stage']): string | undefined {
  if (!stage) return undefined
  return stage.name !== undefined && stage.name !== '' ? stage.name : String(stage.index)
}

export function formatFindingLine(finding: Finding, dockerfile: string): string {
  const file = finding.file ?? dockerfile
  const where = finding.line !== undefined ? `${file}:${finding.line}` : file
  const inImage = finding.path !== undefined ? ` (${finding.path})` : ''
  const stage = stageLabel(finding.stage)
  const stagePart = stage !== undefined ? ` [stage ${stage}]` : ''
  // Every part may come from the Dockerfile or the image: escaped, so no line can be forged or the terminal driven.
  return escapeControl(
    `${where} ${finding.ruleId} ${finding.severity}: ${oneLine(finding.message)}${inImage}${stagePart}`
  )
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function formatCounts(counts: Counts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`
}

/** One report, or several (one per Dockerfile) with a total line. */
export function formatText(reports: Report | readonly Report[]): string {
  const list = Array.isArray(reports) ? (reports as readonly Report[]) : [reports as Report]
  const lines: string[] = []
  const total: Counts = { error: 0, warning: 0, note: 0 }
  for (const report of list) {
    for (const finding of report.findings) lines.push(formatFindingLine(finding, report.dockerfile))
    for (const notice of report.notices ?? [])
      lines.push(escapeControl(`${report.dockerfile}: notice: ${oneLine(notice)}`))
    if (report.image) lines.push(escapeControl(`${report.dockerfile}: ${imageLine(report.image)}`))
    if (report.build && !report.build.ok) {
      lines.push(
        escapeControl(
          `${report.dockerfile}: build failed${report.build.error ? `: ${oneLine(report.build.error)}` : ''}`
        )
      )
    }
    total.error += report.counts.error
    total.warning += report.counts.warning
    total.note += report.counts.note
  }
  const findings = total.error + total.warning + total.note
  const scope = list.length === 1 ? (list[0]?.dockerfile ?? '') : plural(list.length, 'Dockerfile')
  lines.push(escapeControl(`${scope}: ${plural(findings, 'finding')} (${formatCounts(total)})`))
  return lines.join('\n') + '\n'
}

/** The image in one line: what shipped, how big, how much of it is waste, which attestations. */
export function imageLine(image: ReportImage): string {
  const layers = plural(image.layers.length, 'layer')
  const efficiency = `${(image.efficiency * 100).toFixed(1)} % efficient`
  const attested = `SBOM ${image.attestations.sbom ? 'yes' : 'no'}, provenance ${image.attestations.provenance ? 'yes' : 'no'}`
  return `image ${image.ref}: ${formatBytes(image.sizeBytes)} in ${layers}, ${efficiency}, ${formatBytes(image.wastedBytes)} wasted, ${attested}`
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim()
}
