// The JSON report as written to `report-file` and printed by `--format json`:
// 2-space indented, keys in the order buildReport creates them, one newline.
import type { Report } from './report.js'

export function formatJson(reports: Report | readonly Report[]): string {
  return JSON.stringify(reports, null, 2) + '\n'
}
