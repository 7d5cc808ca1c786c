import { lastValue, oneOf, parseArgv } from '../../src/cli/argv.js'

const spec = { values: ['format', 'config', 'tags'], booleans: ['push'] }

describe('parseArgv', () => {
  test.each([
    [1, ['a', 'b'], { positionals: ['a', 'b'] }],
    [2, ['--format', 'json', 'Dockerfile'], { positionals: ['Dockerfile'], format: 'json' }],
    [3, ['--format=sarif', 'x'], { positionals: ['x'], format: 'sarif' }],
    [4, ['--push', 'x'], { positionals: ['x'], push: true }],
    [5, ['--push=false'], { positionals: [], push: false }],
    [6, ['--', '--format'], { positionals: ['--format'] }],
    [7, ['-'], { positionals: ['-'] }]
  ] as const)('case %i', (_n, argv, expected) => {
    const parsed = parseArgv('lint', argv, spec)
    // toEqual: a flag the row leaves out must be absent (undefined) in the result.
    expect({
      positionals: parsed.positionals,
      format: lastValue(parsed, 'format'),
      push: parsed.booleans.get('push')
    }).toEqual(expected)
  })

  test('repeatable flags collect every value', () => {
    expect(parseArgv('build', ['--tags', 'a', '--tags=b'], spec).values.get('tags')).toEqual(['a', 'b'])
  })

  test.each([
    [['--nope'], 'unknown option "--nope"; run `stagegate lint --help`.'],
    [['-x'], 'unknown option "-x"; run `stagegate lint --help`.'],
    [['--format'], '--format needs a value.'],
    [['--format', '--config'], '--format needs a value.'],
    [['--push=maybe'], '--push takes true or false, got "maybe".']
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgv('lint', argv, spec)).toThrow(message)
  })

  test('oneOf', () => {
    expect(oneOf('lint', 'format', undefined, ['text', 'json'] as const, 'text')).toBe('text')
    expect(() => oneOf('lint', 'format', 'xml', ['text', 'json'] as const, 'text')).toThrow(
      '--format must be one of text, json, got "xml".'
    )
  })
})
