// Renders reports for the CLI's --format and decides the exit status.
import { failsPolicy, type FailOn } from '../finding.js'
import { FORMATS, formatReports, type Format } from '../report/formats/index.js'
import type { Report } from '../report/report.js'
import { wantsColor } from '../report/formats/tty.js'
import { VERSION } from '../version.js'

export { FORMATS, type Format }

export const FAIL_LEVELS = ['error', 'warning', 'note', 'never'] as const

/** One report prints as an object; several (lint of many files) as an array (json). SARIF paths are relative to srcRoot. */
export function renderReports(
  reports: readonly Report[],
  format: Format,
  srcRoot: string = process.cwd()
): Promise<string> {
  return formatReports(reports, format, {
    toolVersion: VERSION,
    srcRoot,
    color: wantsColor(process.stdout, process.env)
  })
}

/** 1 when any report has findings at or above the level, or a failed build; else 0. */
export function exitStatus(reports: readonly Report[], failOn: FailOn): number {
  return reports.some(report => (report.build && !report.build.ok) || failsPolicy(report.counts, failOn))
    ? 1
    : 0
}

/** Writes text as whole lines (a final newline added when missing); empty output (gnu or codeclimate with no findings) stays empty. */
export function writeOut(text: string, write: (text: string) => void): void {
  if (text === '') return
  write(text.endsWith('\n') || text.endsWith('\0') ? text : `${text}\n`)
}
