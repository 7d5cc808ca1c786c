// Shared by the rule tests: lint one Dockerfile text with one rule and return
// its hits or the lines it reports, so each case states exactly which lines
// must be caught (an empty list: nothing may be caught). Two ways to write the
// cases: `Case` rows of a table run with `lines`, or `describeRule` with the
// Dockerfiles a rule must catch and those it must pass.
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

export interface RuleCases {
  /** Dockerfile text → the 1-based lines the rule must report, in order. */
  catches: [string, number[]][]
  /** Dockerfiles the rule must not report anything in. */
  passes: string[]
  config?: Partial<Config>
}

/** One describe per rule: each catch reports exactly its lines with a one-sentence message, each pass nothing. */
export function describeRule(rule: LintRule, cases: RuleCases): void {
  describe(rule.id, () => {
    test.each(cases.catches)('catches %j', (dockerfile, expectedLines) => {
      const found = hits(rule, dockerfile, cases.config)
      expect(found.map(hit => hit.line)).toEqual(expectedLines)
      for (const hit of found) expect(hit.message).toMatch(/\S.*[.]$/)
    })
    test.each(cases.passes)('passes %j', dockerfile => {
      expect(hits(rule, dockerfile, cases.config)).toEqual([])
    })
  })
}
