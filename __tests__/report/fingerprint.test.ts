import type { Instruction } from '../../src/dockerfile/model.js'
import {
  fingerprintFindings,
  instructionAt,
  instructionTextFromModels,
  normaliseInstruction
} from '../../src/report/fingerprint.js'
import { sampleModel } from './fixtures.js'

function instruction(overrides: Partial<Instruction>): Instruction {
  return {
    keyword: 'RUN',
    args: 'echo hi',
    argv: [],
    jsonForm: false,
    flags: [],
    line: 1,
    endLine: 1,
    heredocs: [],
    stage: 0,
    ...overrides
  }
}

describe('instructionAt', () => {
  test.each([
    [1, 'FROM'],
    [2, 'RUN'],
    [3, 'RUN'], // continuation line of the RUN on line 2
    [6, 'COPY'],
    [9, undefined]
  ])('line %d → %s', (line, keyword) => {
    expect(instructionAt(sampleModel(), line)?.keyword).toBe(keyword)
  })
})

describe('normaliseInstruction', () => {
  test.each([
    [
      instruction({ args: 'apt-get   update &&\n   apt-get install -y make' }),
      'RUN apt-get update && apt-get install -y make'
    ],
    [
      instruction({
        keyword: 'COPY',
        args: '/out /app',
        flags: [{ name: 'from', value: 'build' }, { name: 'link' }]
      }),
      'COPY --from=build --link /out /app'
    ],
    [
      instruction({
        args: '<<EOF',
        heredocs: [{ name: 'EOF', body: 'set -e\n  make\n', line: 2, endLine: 4 }]
      }),
      'RUN <<EOF set -e make'
    ]
  ])('%#', (input, expected) => {
    expect(normaliseInstruction(input)).toBe(expected)
  })
})

describe('fingerprintFindings', () => {
  const lookup = instructionTextFromModels([sampleModel()])

  test('same rule on the same instruction from two lines of it → one fingerprint plus an occurrence suffix', () => {
    const prints = fingerprintFindings(
      [
        { ruleId: 'DL3008', severity: 'warning', message: 'a', line: 2 },
        { ruleId: 'DL3008', severity: 'warning', message: 'b', line: 3 }
      ],
      'Dockerfile',
      lookup
    )
    expect(prints[1]).toBe(`${prints[0]}:2`)
  })

  test.each([
    ['rule', { ruleId: 'DL3009' }],
    ['file', { file: 'other/Dockerfile' }],
    ['image path', { path: '/etc/shadow' }],
    ['instruction', { line: 4 }]
  ])('a different %s gives a different fingerprint', (_name, change) => {
    const base = { ruleId: 'DL3008', severity: 'warning' as const, message: 'm', line: 2 }
    const [a, b] = fingerprintFindings([base, { ...base, ...change }], 'Dockerfile', lookup)
    expect(a).not.toBe(b)
  })

  test('without instruction text the stage and message identify the finding', () => {
    const finding = {
      ruleId: 'SG2010',
      severity: 'note' as const,
      message: 'Image is large.',
      stage: { index: 1, final: true }
    }
    const [a] = fingerprintFindings([finding], 'Dockerfile')
    const [b] = fingerprintFindings([{ ...finding, message: 'Image is huge.' }], 'Dockerfile')
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(a).not.toBe(b)
  })
})
