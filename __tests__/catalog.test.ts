// The rule catalog is public: ids are unique across phases, every rule has a
// docs page (and every page a rule), the README lists every rule, and
// `stagegate rules --format json` has the contract's shape.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { ALL_RULES, findRule, isKnownRuleId, ruleListing } from '../src/catalog.js'
import { helpUri } from '../src/rule-meta.js'
import { VERSION } from '../src/version.js'

describe('rule catalog', () => {
  test("ids are unique, and no alias is another rule's id", () => {
    const ids = ALL_RULES.map(rule => rule.id.toLowerCase())
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    // One BuildKit check may stand for several DL rules (MultipleInstructionsDisallowed
    // covers DL3012, DL4003 and DL4004), so aliases may repeat, but never shadow an id.
    const aliases = ALL_RULES.flatMap(rule => rule.aliases.map(alias => alias.toLowerCase()))
    expect(aliases.filter(alias => ids.includes(alias))).toEqual([])
  })

  test('covers hadolint, BuildKit and Stagegate families', () => {
    const ids = new Set(ALL_RULES.map(rule => rule.id))
    for (const id of ['DL3008', 'DL3025', 'DL4006', 'SG1001', 'SG1015', 'SG2001', 'SG2016'])
      expect(ids).toContain(id)
    expect(findRule('JSONArgsRecommended')?.id).toBe('DL3025')
    expect(ALL_RULES.filter(rule => rule.phase === 'image').every(rule => rule.id.startsWith('SG2'))).toBe(
      true
    )
  })

  test('every rule has a docs page with why, bad and good', () => {
    const missing = ALL_RULES.filter(rule => !existsSync(`docs/rules/${rule.id}.md`)).map(rule => rule.id)
    expect(missing).toEqual([])
  })

  test('every docs page belongs to a rule', () => {
    const pages = readdirSync('docs/rules')
      .filter(name => name.endsWith('.md') && name !== 'README.md')
      .map(name => name.slice(0, -3))
    expect(pages.filter(id => !ALL_RULES.some(rule => rule.id === id))).toEqual([])
  })

  test('the README lists every rule with a link to its page', () => {
    const readme = readFileSync('README.md', 'utf8')
    const unlisted = ALL_RULES.filter(rule => !readme.includes(`](docs/rules/${rule.id}.md)`)).map(
      rule => rule.id
    )
    expect(unlisted).toEqual([])
  })

  test('listing has the contract shape', () => {
    const listing = ruleListing()
    expect(listing).toHaveLength(ALL_RULES.length)
    for (const rule of listing) {
      expect(Object.keys(rule).sort()).toEqual([
        'aliases',
        'enabled',
        'helpUri',
        'id',
        'offByDefault',
        'phase',
        'severity',
        'summary'
      ])
      expect(rule.enabled).toBe(!rule.offByDefault)
      expect(rule.helpUri).toBe(helpUri(rule.id))
      expect(['error', 'warning', 'note']).toContain(rule.severity)
      expect(rule.summary.length).toBeGreaterThan(10)
    }
  })

  test('default-off rules say so, the others carry no flag', () => {
    const off = ruleListing()
      .filter(rule => rule.offByDefault === true)
      .map(rule => rule.id)
    expect(off).toEqual(expect.arrayContaining(['DL1001', 'DL3057', 'InvalidDefinitionDescription']))
    expect(off).not.toContain('DL3008')
  })

  test.each([
    ['DL1001', true],
    ['DL3057', true],
    ['DL3008', false],
    ['SG2004', false]
  ])('%s is off by default: %s', (id, off) => {
    expect(ruleListing().find(rule => rule.id === id)).toMatchObject({ offByDefault: off, enabled: !off })
  })

  test.each([
    ['DL3008', true],
    ['dl3008', true],
    ['SC2086', true],
    ['JSONArgsRecommended', true],
    ['DL9999', false],
    ['SG3000', false]
  ])('isKnownRuleId(%s) = %s', (id, known) => {
    expect(isKnownRuleId(id)).toBe(known)
  })
})

test('VERSION matches package.json', () => {
  expect(VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version)
})
