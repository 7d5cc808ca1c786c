// compareRuleIds orders rule ids as the default collator does, without loading
// ICU's collation data (a cold `stagegate lint` saves 10-30 ms): every pair of
// the ids and aliases Stagegate knows, ShellCheck codes and a table of cases
// where case and digits decide.
import { ALL_RULES } from '../../src/catalog.js'
import { compareRuleIds, compareText } from '../../src/finding.js'

const collator = new Intl.Collator()
const sign = (n: number): number => Math.sign(n)

const ids = [
  ...new Set([
    ...ALL_RULES.flatMap(rule => [rule.id, ...rule.aliases]),
    'SC1000',
    'SC2086',
    'SC3037',
    'sc2086',
    'Sc2086',
    'SG1003',
    'SecretsUsedInArgOrEnv',
    'JSONArgsRecommended',
    'JsonArgs',
    'a1',
    'A1',
    'a',
    'A',
    'ab',
    'aB',
    'Ab',
    'AB',
    '1a',
    'a10',
    'a9',
    ''
  ])
]

test('the known ids are many and alphanumeric', () => {
  expect(ids.length).toBeGreaterThan(150)
})

test('every pair of ids compares as the collator compares it', () => {
  const disagreements: string[] = []
  for (const a of ids)
    for (const b of ids)
      if (sign(compareRuleIds(a, b)) !== sign(collator.compare(a, b))) disagreements.push(`${a} vs ${b}`)
  expect(disagreements).toEqual([])
})

test.each([
  ['SG1003', 'SecretsUsedInArgOrEnv'],
  ['DL3008', 'DL3015'],
  ['a', 'A'],
  ['UndefinedVar', 'undefinedVar'],
  ['my-rule', 'my_rule'],
  ['Ä', 'B'],
  ['path/a.txt', 'path/B.txt']
])('%s vs %s: the collator order, also for text that is not an id', (a, b) => {
  expect(sign(compareRuleIds(a, b))).toBe(sign(collator.compare(a, b)))
  expect(sign(compareRuleIds(b, a))).toBe(sign(collator.compare(b, a)))
  expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)))
})
