// Test helpers for the lint engine and rule tests: lint a Dockerfile text
// with one rule or all, and read back (rule, line) pairs.
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { lintModel } from '../../src/lint/engine.js'
import { LINT_RULES } from '../../src/lint/catalog.js'
import type { Finding } from '../../src/finding.js'

export interface LintOptions {
  config?: Partial<Config>
  dockerignore?: string[] | null
  target?: string
  only?: string[]
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const model = parseDockerfile(
    text,
    options.target === undefined ? { path: 'Dockerfile' } : { path: 'Dockerfile', target: options.target }
  )
  const rules = options.only ? LINT_RULES.filter(rule => options.only?.includes(rule.id)) : LINT_RULES
  const context = {
    config: { ...emptyConfig(), ...options.config },
    rules,
    ...(options.dockerignore !== undefined ? { dockerignore: options.dockerignore } : {})
  }
  return lintModel(model, context)
}

/** `RULE@line` for each finding of the given rules, sorted by line. */
export function hits(text: string, ruleId: string, options: LintOptions = {}): number[] {
  return lintText(text, { ...options, only: options.only ?? [ruleId] })
    .filter(finding => finding.ruleId === ruleId)
    .map(finding => finding.line ?? 0)
    .sort((a, b) => a - b)
}
