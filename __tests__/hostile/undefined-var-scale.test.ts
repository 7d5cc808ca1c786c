// 5k chained stages: UndefinedVar hands each stage's definitions to the last
// stage built on it instead of copying them, looks up each stage's root base
// once, and bounds its typo guesses (it was cubic: 1000 → 2000 stages 1.5 s →
// 7.7 s). Doubling the stages at most ~2.5x the time.
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { emptyConfig } from '../../src/config.js'
import { undefinedVar } from '../../src/lint/rules/buildkit.js'
import { chainedStages } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

const messages = (source: string): string[] =>
  undefinedVar
    .check({ model: parseDockerfile(source, { path: 'Dockerfile' }), config: emptyConfig() })
    .map(hit => `${hit.line}: ${hit.message}`)

describe('definitions flow down FROM chains, and only down them', () => {
  it.each([
    ['a chain inherits its ENVs', 'FROM scratch AS a\nENV X=1\nFROM a AS b\nFROM b AS c\nENV Y=$X\n', []],
    [
      // BuildKit: a stage starts from its base's build args too.
      'and its ARGs',
      'FROM scratch AS a\nARG X\nFROM a AS b\nFROM b AS c\nENV Y=$X$Q\n',
      ["5: Define '$Q' before using it."]
    ],
    [
      'a sibling does not see what the other sibling defined (the last reader takes the set over)',
      'FROM scratch AS a\nENV X=1\nFROM a AS b\nENV Z=1\nFROM a AS c\nENV Y=$Z $X\nFROM b\nENV W=$Z\n',
      ["6: Define '$Z' before using it."]
    ],
    [
      'the first sibling does not see the last one',
      'FROM scratch AS a\nFROM a AS b\nENV Y=$Z\nFROM a AS c\nENV Z=1\n',
      ["3: Define '$Z' before using it."]
    ],
    [
      'a typo deep in a chain is still guessed',
      chainedStages(3),
      [
        "5: Define '$VALU1' before using it (did you mean $VALUE1?).",
        "8: Define '$VALU2' before using it (did you mean $VALUE2?)."
      ]
    ]
  ])('%s', (_name, source, expected) => {
    expect(messages(source)).toEqual(expected)
  })
})

it('reports every undefined variable of a 5,000-stage chain on scratch', () => {
  expect(messages(chainedStages(5000))).toHaveLength(4999)
})

it('checks chained stages in time linear in the stages', async () => {
  const growth = await measureGrowth('undefinedVarChain', 2500, 5000, { bound: 2.5 })
  expect(growth.ratio).toBeLessThan(2.5)
}, 300_000)
