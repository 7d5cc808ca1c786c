// Shared by the Stagegate (SG1xxx) rule files and the BuildKit checks: building rule objects and hits.
import type { Instruction } from '../../dockerfile/model.js'
import type { LintContext, LintRule, RuleHit } from '../rule.js'

export function defineRule(
  id: string,
  severity: LintRule['severity'],
  summary: string,
  check: (context: LintContext) => RuleHit[]
): LintRule {
  return { id, aliases: [], severity, phase: 'dockerfile', summary, check }
}

/** A hit on an instruction: its first line, its last line, its stage. */
export function hitAt(instruction: Instruction, message: string, evidence?: string): RuleHit {
  const result: RuleHit = { line: instruction.line, message }
  if (instruction.stage >= 0) result.stage = instruction.stage
  if (instruction.endLine !== instruction.line) result.endLine = instruction.endLine
  if (evidence !== undefined) result.evidence = evidence
  return result
}
