import { parseBoolean, parseInputs, parseList } from '../src/inputs.js'

describe('parseList', () => {
  const cases: [number, string, boolean, string[]][] = [
    [1, '', false, []],
    [2, 'a,b', false, ['a', 'b']],
    [3, 'a\nb,c', false, ['a', 'b', 'c']],
    [4, 'type=registry,ref=x\n', true, ['type=registry,ref=x']],
    [5, '"a,b",c', false, ['a,b', 'c']],
    [6, '  # comment\n x \n\n', false, ['x']],
    [7, 'a\r\nb', true, ['a', 'b']]
  ]
  test.each(cases)('case %i: %j', (_n, raw, ignoreComma, expected) => {
    expect(parseList(raw, ignoreComma)).toEqual(expected)
  })
})

describe('parseBoolean', () => {
  test.each([
    ['true', true],
    ['False', false],
    ['', true]
  ])('%j → %s', (raw, expected) => {
    expect(parseBoolean('push', raw, true)).toBe(expected)
  })
  test('rejects anything else with the input name', () => {
    expect(() => parseBoolean('push', 'yes', false)).toThrow('Input "push" must be true or false, got "yes".')
  })
})

describe('parseInputs', () => {
  test('defaults', () => {
    const inputs = parseInputs(() => '')
    expect(inputs.context).toBe('.')
    expect(inputs.sbom).toBe('true')
    expect(inputs.provenance).toBe('mode=max')
    expect(inputs.comment).toBe('auto')
    expect(inputs.build).toBe(true)
  })
  test('rejects a bad fail-on', () => {
    const values: Record<string, string> = { 'fail-on': 'fatal' }
    expect(() => parseInputs(name => values[name] ?? '')).toThrow(
      'Input "fail-on" must be one of error, warning, note, never, got "fatal".'
    )
  })
})
