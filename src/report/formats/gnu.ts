// The GNU coding standard's error format (`--format gnu`), which Emacs,
// Vim's quickfix and most editors jump to:
//   Dockerfile:12:1: warning: DL3008 Pin versions in apt-get install.
// A finding without a line (an image finding) points at its stage's FROM.
// Every field is one line with control characters escaped, so nothing in a
// Dockerfile or an image path can forge another line.
import type { Report } from '../report.js'
import { escapeControl, locatedFindings, type FormatContext } from './common.js'

export function formatGnu(reports: readonly Report[], _context?: FormatContext): string {
  const lines = locatedFindings(reports).map(
    entry =>
      `${escapeControl(entry.file)}:${entry.line}:${entry.column ?? 1}: ${entry.finding.severity}: ${entry.finding.ruleId} ${entry.message}`
  )
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}
