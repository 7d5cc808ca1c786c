import type { FailOn, Finding } from '../../src/finding.js'
import { buildReport } from '../../src/report/build-report.js'
import { atOrAbove, verdict } from '../../src/report/verdict.js'

function findings(errors: number, warnings: number, notes: number): Finding[] {
  const make = (severity: Finding['severity'], n: number, id: string): Finding[] =>
    Array.from({ length: n }, (_, i) => ({ ruleId: id, severity, message: 'm', line: i + 1 }))
  return [...make('error', errors, 'E1'), ...make('warning', warnings, 'W1'), ...make('note', notes, 'N1')]
}

describe('verdict', () => {
  test.each<[FailOn, [number, number, number], 'pass' | 'fail', number]>([
    ['error', [0, 3, 3], 'pass', 0],
    ['error', [1, 0, 0], 'fail', 1],
    ['warning', [0, 2, 5], 'fail', 2],
    ['warning', [0, 0, 5], 'pass', 0],
    ['note', [0, 0, 1], 'fail', 1],
    ['never', [9, 9, 9], 'pass', 0]
  ])('fail-on %s with %j → %s', (failOn, [e, w, n], result, failing) => {
    const report = buildReport({ dockerfile: 'Dockerfile', findings: findings(e, w, n), toolVersion: '1' })
    const outcome = verdict(report, failOn)
    expect(outcome.result).toBe(result)
    expect(outcome.failing).toHaveLength(failing)
  })

  test('the failure message says which findings and where, five at most', () => {
    const report = buildReport({
      dockerfile: 'app/Dockerfile',
      findings: [
        ...findings(7, 0, 0),
        { ruleId: 'SG2001', severity: 'error', message: 'key', line: 9, path: '/root/.ssh/id_rsa' }
      ],
      toolVersion: '1'
    })
    expect(verdict(report, 'error').reason).toBe(
      '8 findings at or above fail-on error: E1 at app/Dockerfile:1, E1 at app/Dockerfile:2, E1 at app/Dockerfile:3, E1 at app/Dockerfile:4, E1 at app/Dockerfile:5 and 3 more.'
    )
    const one = buildReport({ dockerfile: 'Dockerfile', findings: [findings(0, 1, 0)[0]!], toolVersion: '1' })
    expect(verdict(one, 'warning').reason).toBe('1 finding at or above fail-on warning: W1 at Dockerfile:1.')
  })

  test('a failed build fails whatever the policy', () => {
    const report = buildReport({
      dockerfile: 'Dockerfile',
      findings: [],
      toolVersion: '1',
      build: { ok: false, error: 'exit 1' }
    })
    expect(verdict(report, 'never')).toMatchObject({ result: 'fail', reason: 'The build failed: exit 1' })
  })

  test.each<[FailOn, number]>([
    ['error', 1],
    ['warning', 3],
    ['note', 6],
    ['never', 0]
  ])('atOrAbove(%s) counts %d', (failOn, expected) => {
    expect(atOrAbove(findings(1, 2, 3), failOn)).toHaveLength(expected)
  })
})
