// 200k / 500k setuid findings into SARIF (were 1.35 GB RSS / `Invalid string
// length`): past FINDINGS_PER_KIND findings of one rule and severity, the
// rest is one aggregate finding with their count and examples, so every
// output stays bounded and nothing is hidden.
import type { Finding } from '../../src/finding.js'
import { FINDINGS_PER_KIND, aggregateFindings } from '../../src/findings/aggregate.js'
import { sarifOf, setuidFindings } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

const finding = (ruleId: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: 'warning',
  message: ruleId,
  ...extra
})

describe('aggregateFindings', () => {
  it('leaves kinds at or under the limit as they are', () => {
    const input = [finding('A', { line: 1 }), finding('A', { line: 2 }), finding('B')]
    expect(aggregateFindings(input, 2)).toEqual(input)
  })

  it('keeps the first of a kind and sums the rest into one finding with examples', () => {
    const stage = { index: 1, final: true }
    const input = [
      finding('A', { line: 1, stage }),
      finding('A', { line: 2, stage }),
      finding('A', { path: '/x', stage, count: 5 }),
      finding('A', { line: 4, stage }),
      finding('A', { severity: 'error', line: 9 })
    ]
    const out = aggregateFindings(input, 1)
    expect(out.slice(0, 2)).toEqual([input[0], input[4]])
    expect(out[2]).toEqual({
      ruleId: 'A',
      severity: 'warning',
      message:
        '7 more A findings, not listed one by one (a report lists the first 1 of each rule), e.g. line 2, /x, line 4',
      count: 7,
      evidence: 'line 2, /x, line 4',
      stage,
      line: 2
    })
    expect(out).toHaveLength(3)
  })

  it('names no stage nor line when the rest spans stages', () => {
    const input = [0, 1, 2].map(index => finding('A', { line: index + 1, stage: { index, final: false } }))
    const [, rest] = aggregateFindings(input, 1)
    expect(rest).not.toHaveProperty('stage')
    expect(rest).not.toHaveProperty('line')
    expect(rest?.count).toBe(2)
  })
})

describe('SARIF of a crafted image raising one rule 200k times', () => {
  it('lists the first of the rule and one aggregate for the rest, at about the size of 50k', () => {
    const large = JSON.parse(sarifOf(setuidFindings(200_000))) as {
      runs: { results: { message: { text: string }; properties?: { count?: number } }[] }[]
    }
    const results = large.runs[0]?.results ?? []
    expect(results).toHaveLength(FINDINGS_PER_KIND + 1)
    const rest = results.find(result => result.message.text.startsWith('199800 more SG2010'))
    expect(rest?.properties?.count).toBe(200_000 - FINDINGS_PER_KIND)
    // Bounded: four times the findings, the same output within a few per cent.
    expect(sarifOf(setuidFindings(200_000)).length / sarifOf(setuidFindings(50_000)).length).toBeLessThan(
      1.05
    )
  })

  it('is written in time linear in the findings', async () => {
    const growth = await measureGrowth('sarifManyFindings', 100_000, 200_000, { bound: 2.5 })
    expect(growth.ratio).toBeLessThan(2.5)
  }, 300_000)
})
