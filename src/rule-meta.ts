import type { Severity } from './finding.js'

/** What `stagegate rules` lists and SARIF's `tool.driver.rules` carries. */
export interface RuleMeta {
  id: string
  /** Other names that select the rule in ignore lists and pragmas (BuildKit check names). */
  aliases: readonly string[]
  severity: Severity
  phase: 'dockerfile' | 'image'
  /** One line: what the rule catches. */
  summary: string
}

export const DOCS_BASE_URL = 'https://github.com/stagegate/stagegate/blob/main/docs/rules'

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`
}
