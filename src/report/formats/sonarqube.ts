// SonarQube's generic issue import format (`--format sonarqube`), the one
// SonarQube Server 10.3+ and SonarQube Cloud read from
// `sonar.externalIssuesReportPaths`: the rules that fired (with their clean
// code attribute and impacts) and the issues, each at a file and text range.
import { findRule } from '../../catalog.js'
import type { Severity } from '../../finding.js'
import type { Report } from '../report.js'
import {
  escapeControl,
  isImageRule,
  locatedFindings,
  oneLine,
  safeJson,
  type FormatContext
} from './common.js'

export const SONAR_ENGINE_ID = 'stagegate'

const IMPACT_SEVERITY: Record<Severity, 'HIGH' | 'MEDIUM' | 'LOW'> = {
  error: 'HIGH',
  warning: 'MEDIUM',
  note: 'LOW'
}

export interface SonarRule {
  id: string
  name: string
  description: string
  engineId: string
  cleanCodeAttribute: string
  impacts: { softwareQuality: 'MAINTAINABILITY' | 'RELIABILITY' | 'SECURITY'; severity: string }[]
}

export interface SonarIssue {
  ruleId: string
  primaryLocation: {
    message: string
    filePath: string
    textRange: { startLine: number; endLine?: number }
  }
}

export function formatSonarqube(reports: readonly Report[], _context?: FormatContext): string {
  const located = locatedFindings(reports)
  const rules = new Map<string, SonarRule>()
  const issues: SonarIssue[] = []
  for (const entry of located) {
    const { finding } = entry
    if (!rules.has(finding.ruleId)) {
      const meta = findRule(finding.ruleId)
      const summary = escapeControl(oneLine(meta?.summary ?? finding.ruleId))
      const security = isImageRule(finding.ruleId)
      rules.set(finding.ruleId, {
        id: finding.ruleId,
        name: summary,
        description: `${summary} (${finding.ruleId.startsWith('SC') ? 'ShellCheck' : 'Stagegate'} rule ${finding.ruleId})`,
        engineId: SONAR_ENGINE_ID,
        cleanCodeAttribute: security ? 'TRUSTWORTHY' : 'CONVENTIONAL',
        impacts: [
          {
            softwareQuality: security
              ? 'SECURITY'
              : finding.severity === 'error'
                ? 'RELIABILITY'
                : 'MAINTAINABILITY',
            severity: IMPACT_SEVERITY[meta?.severity ?? finding.severity]
          }
        ]
      })
    }
    const textRange: SonarIssue['primaryLocation']['textRange'] = { startLine: entry.line }
    if (finding.endLine !== undefined && finding.endLine > entry.line) textRange.endLine = finding.endLine
    // No columns: SonarQube wants a start and end column together, and findings know at most a start.
    issues.push({
      ruleId: finding.ruleId,
      primaryLocation: { message: entry.message, filePath: entry.file, textRange }
    })
  }
  return safeJson({ rules: [...rules.values()], issues }, 2) + '\n'
}
