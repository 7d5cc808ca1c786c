// Table runner shared by the hadolint part-B tests: each rule gets Dockerfiles
// it must catch (with the exact lines reported) and Dockerfiles it must pass.
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import type { LintRule, RuleHit } from '../../src/lint/rule.js'

export interface RuleCases {
  /** Dockerfile text → the 1-based lines the rule must report, in order. */
  catches: [string, number[]][]
  /** Dockerfiles the rule must not report anything in. */
  passes: string[]
  config?: Partial<Config>
}

export function run(
  rule: LintRule,
  dockerfile: string,
  config: Partial<Config> = {},
  target?: string
): RuleHit[] {
  const model = parseDockerfile(
    dockerfile,
    target === undefined ? { path: 'Dockerfile' } : { path: 'Dockerfile', target }
  )
  return rule.check({ model, config: { ...emptyConfig(), ...config } })
}

export function describeRule(rule: LintRule, cases: RuleCases): void {
  describe(rule.id, () => {
    test.each(cases.catches)('catches %j', (dockerfile, lines) => {
      const hits = run(rule, dockerfile, cases.config)
      expect(hits.map(hit => hit.line)).toEqual(lines)
      for (const hit of hits) expect(hit.message).toMatch(/\S.*[.]$/)
    })
    test.each(cases.passes)('passes %j', dockerfile => {
      expect(run(rule, dockerfile, cases.config)).toEqual([])
    })
  })
}
