// Renders reports for the CLI's --format and decides the exit status.
import { ALL_RULES } from '../catalog.js'
import { failsPolicy, type FailOn } from '../finding.js'
import { formatJson } from '../report/json.js'
import type { Report } from '../report/report.js'
import { formatSarif, toSarif } from '../report/sarif.js'
import { formatText } from '../report/text.js'
import { VERSION } from '../version.js'

export const FORMATS = ['text', 'json', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

export const FAIL_LEVELS = ['error', 'warning', 'note', 'never'] as const

/** One report prints as an object; several (lint of many files) as an array. SARIF paths are relative to srcRoot. */
export function renderReports(
  reports: readonly Report[],
  format: Format,
  srcRoot: string = process.cwd()
): string {
  switch (format) {
    case 'json':
      return formatJson(reports.length === 1 ? (reports[0] as Report) : reports)
    case 'sarif':
      return formatSarif(toSarif(reports, { toolVersion: VERSION, rules: ALL_RULES, srcRoot }))
    case 'text':
      return formatText(reports)
  }
}

/** 1 when any report has findings at or above the level, or a failed build; else 0. */
export function exitStatus(reports: readonly Report[], failOn: FailOn): number {
  return reports.some(report => (report.build && !report.build.ok) || failsPolicy(report.counts, failOn))
    ? 1
    : 0
}

/** Writes text as whole lines (a final newline added when missing). */
export function writeOut(
  text: string,
  write: (text: string) => void = chunk => void process.stdout.write(chunk)
): void {
  write(text.endsWith('\n') ? text : `${text}\n`)
}
