import { expect } from '@jest/globals'
import type { Finding, Severity } from '../../src/finding.js'
import {
  annotationTitle,
  planAnnotations,
  toAnnotation,
  workspaceRelative
} from '../../src/report/annotations.js'
import { sampleFindings } from './fixtures.js'

const WS = '/home/runner/work/repo/repo'

describe('workspaceRelative', () => {
  test.each([
    ['Dockerfile', WS, WS, 'Dockerfile'],
    ['./docker/Dockerfile', WS, WS, 'docker/Dockerfile'],
    ['Dockerfile', WS, `${WS}/app`, 'app/Dockerfile'],
    [`${WS}/x/Dockerfile`, WS, WS, 'x/Dockerfile'],
    ['../other/Dockerfile', WS, WS, undefined],
    ['/tmp/Dockerfile', WS, WS, undefined],
    ['..foo/Dockerfile', WS, WS, undefined]
  ])('%s (ws %s, cwd %s) → %s', (file, workspace, cwd, expected) => {
    expect(workspaceRelative(file, workspace, cwd)).toBe(expected)
  })
})

describe('toAnnotation', () => {
  const [keyFinding] = sampleFindings().filter(f => f.ruleId === 'SG2001')

  test('image finding: annotates its Dockerfile line, says the path, layer, stage and evidence', () => {
    expect(toAnnotation(keyFinding!, { workspace: WS, dockerfile: 'Dockerfile' })).toEqual({
      level: 'error',
      title: 'SG2001: Remove the private key from the image.',
      file: 'Dockerfile',
      startLine: 6,
      endLine: 6,
      message: [
        'Remove the private key from the image.',
        'Stage: runtime (final)',
        'In image: /app/id_rsa (layer 1)',
        'Evidence: -----BEGIN OPENSSH PRIVATE KEY----- [redacted]'
      ].join('\n')
    })
  })

  test('rule summary is the title text; note → notice; endLine from the finding', () => {
    const finding: Finding = { ruleId: 'DL3008', severity: 'note', message: 'x', line: 2, endLine: 4 }
    const annotation = toAnnotation(finding, {
      workspace: WS,
      dockerfile: 'Dockerfile',
      rules: [{ id: 'DL3008', summary: 'Pin versions in apt-get install' }]
    })
    expect(annotation).toMatchObject({
      level: 'notice',
      title: 'DL3008: Pin versions in apt-get install',
      startLine: 2,
      endLine: 4
    })
  })

  test('a file outside the workspace gets no file or line, and the message says where', () => {
    const finding: Finding = {
      ruleId: 'DL3008',
      severity: 'warning',
      message: 'Pin.',
      file: '/etc/Dockerfile',
      line: 3
    }
    const annotation = toAnnotation(finding, { workspace: WS, dockerfile: 'Dockerfile' })
    expect(annotation.file).toBeUndefined()
    expect(annotation.startLine).toBeUndefined()
    expect(annotation.message).toBe('Pin.\nAt: /etc/Dockerfile:3')
  })

  test.each([
    ['Short. Second sentence.', 'X1: Short.'],
    ['a'.repeat(200), `X1: ${'a'.repeat(79)}…`],
    ['Line one\nline two', 'X1: Line one line two']
  ])('title from message %#', (message, expected) => {
    expect(annotationTitle({ ruleId: 'X1', severity: 'error', message })).toBe(expected)
  })
})

function many(severity: Severity, count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    ruleId: `R${severity}`,
    severity,
    message: `m${i}`,
    line: i + 1
  }))
}

describe('planAnnotations', () => {
  const options = { workspace: WS, dockerfile: 'Dockerfile' }
  const levels = (plan: ReturnType<typeof planAnnotations>): Record<string, number> =>
    plan.annotations.reduce<Record<string, number>>(
      (acc, a) => ({ ...acc, [a.level]: (acc[a.level] ?? 0) + 1 }),
      {}
    )

  test('everything fits: one annotation per finding, most severe first, no overflow notice', () => {
    const plan = planAnnotations(sampleFindings(), options)
    expect(plan.omitted).toBe(0)
    expect(plan.annotations.map(a => a.level)).toEqual(['error', 'warning', 'warning', 'notice'])
  })

  test.each([
    // [errors, warnings, notes] → [shown errors, warnings, notices incl. overflow, omitted]
    [
      [12, 3, 0],
      [10, 3, 1, 2]
    ],
    [
      [0, 25, 0],
      [0, 10, 1, 15]
    ],
    [
      [3, 3, 10],
      [3, 3, 10, 0]
    ],
    [
      [3, 3, 11],
      [3, 3, 10, 2]
    ],
    [
      [11, 11, 11],
      [10, 10, 10, 4]
    ]
  ])('%j findings → %j', ([e, w, n], [se, sw, sn, omitted]) => {
    const plan = planAnnotations([...many('note', n!), ...many('warning', w!), ...many('error', e!)], options)
    expect(levels(plan)).toEqual({
      ...(se ? { error: se } : {}),
      ...(sw ? { warning: sw } : {}),
      ...(sn ? { notice: sn } : {})
    })
    expect(plan.omitted).toBe(omitted)
    // Something left out: one notice, the last annotation, says how many; nothing left out: no such notice.
    const overflow = plan.annotations.filter(a => / in the job summary and SARIF/.test(a.message))
    const pattern = new RegExp(`^${omitted} more findings? (is|are) in the job summary and SARIF`)
    expect(overflow).toHaveLength(omitted ? 1 : 0)
    for (const notice of overflow) {
      expect(notice).toMatchObject({ level: 'notice', message: expect.stringMatching(pattern) })
      expect(notice.file).toBeUndefined()
    }
    expect(plan.annotations.slice(plan.annotations.length - overflow.length)).toEqual(overflow)
  })

  test('kept errors are the first by line (stable order)', () => {
    const plan = planAnnotations(many('error', 12), options)
    expect(plan.annotations.filter(a => a.level === 'error').map(a => a.startLine)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ])
  })

  test('custom limits', () => {
    const plan = planAnnotations(many('warning', 5), {
      ...options,
      limits: { error: 1, warning: 2, notice: 1 }
    })
    expect(levels(plan)).toEqual({ warning: 2, notice: 1 })
    expect(plan.omitted).toBe(3)
  })
})
