// Shared by the part A hadolint rule tests: lint one Dockerfile text with one
// rule and return the lines it reports, so each table row states exactly
// which lines must be caught (an empty list: nothing may be caught).
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import type { LintRule, RuleHit } from '../../src/lint/rule.js'

export function hits(rule: LintRule, text: string, config: Partial<Config> = {}, target?: string): RuleHit[] {
  const model = parseDockerfile(
    text,
    target === undefined ? { path: 'Dockerfile' } : { path: 'Dockerfile', target }
  )
  return rule.check({ model, config: { ...emptyConfig(), ...config } })
}

export function lines(rule: LintRule, text: string, config: Partial<Config> = {}, target?: string): number[] {
  return hits(rule, text, config, target).map(hit => hit.line)
}

/** Dockerfile text from lines (keeps tables readable). */
export function df(...textLines: string[]): string {
  return textLines.join('\n') + '\n'
}

export type Case = [name: string, dockerfile: string, expectedLines: number[]]
