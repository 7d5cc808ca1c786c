// `--format json`: Stagegate's report contract (DESIGN.md), one object for
// one Dockerfile, an array for several; JSON escapes every control character.
import type { Report } from '../report.js'
import { safeJson, type FormatContext } from './common.js'

export function formatJson(reports: readonly Report[], _context?: FormatContext): string {
  // The bytes of report/json.ts's formatJson, with U+2028/U+2029 escaped.
  return safeJson(reports.length === 1 ? reports[0] : reports, 2) + '\n'
}
