// Checkstyle XML (`--format checkstyle`), as Jenkins' warnings-ng, reviewdog
// and most CI annotators read it: one <file> per Dockerfile (a clean one
// too, so it shows as checked), one <error> per finding with line, column,
// severity (error, warning, info) and the rule id as `source`.
import type { Severity } from '../../finding.js'
import type { Report } from '../report.js'
import { byLocation, locatedFindings, reportFiles, type FormatContext } from './common.js'
import { xmlDocument, type XmlNode } from './xml.js'

const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'info' }

export function formatCheckstyle(reports: readonly Report[], _context?: FormatContext): string {
  const located = locatedFindings(reports).sort(byLocation)
  const files = [...new Set([...reportFiles(reports), ...located.map(entry => entry.file)])]
  const file: XmlNode[] = files.map(name => {
    const errors: XmlNode[] = located
      .filter(entry => entry.file === name)
      .map(entry => ({
        '@_line': entry.line,
        '@_column': entry.column ?? 1,
        '@_severity': SEVERITY[entry.finding.severity],
        '@_message': entry.message,
        '@_source': entry.finding.ruleId
      }))
    return errors.length > 0 ? { '@_name': name, error: errors } : { '@_name': name }
  })
  return xmlDocument({ checkstyle: { '@_version': '4.3', file } })
}
