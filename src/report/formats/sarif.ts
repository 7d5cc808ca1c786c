// `--format sarif`: one SARIF 2.1.0 log for code scanning (report/sarif.ts),
// written as report/sarif.ts's formatSarif does, with U+2028/U+2029 escaped.
import { ALL_RULES } from '../../catalog.js'
import type { Report } from '../report.js'
import { toSarif } from '../sarif.js'
import { safeJson, type FormatContext } from './common.js'

export function formatSarif(reports: readonly Report[], context: FormatContext): string {
  const log = toSarif(reports, {
    toolVersion: context.toolVersion,
    rules: ALL_RULES,
    srcRoot: context.srcRoot
  })
  return safeJson(log, 2) + '\n'
}
