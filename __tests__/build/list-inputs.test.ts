// List inputs as build-push-action users write them (its README and issues
// #210, #245): quoted items, multi-line secret values, JSON with quotes.
import { parseSecretPair } from '../../src/build/secrets.js'
import { parseInputs, parseList, type ListOptions } from '../../src/inputs.js'

describe('parseList, build-push-action compatible', () => {
  const cases: [number, string, boolean | ListOptions, string[]][] = [
    [1, '"MYSECRET=line1\nline2\nline3"\nFOO=bar', true, ['MYSECRET=line1\nline2\nline3', 'FOO=bar']],
    [
      2,
      'GIT_AUTH_TOKEN=abc,def=012\n"EMPTYLINE=aaaa\n\nbbbb"',
      true,
      ['GIT_AUTH_TOKEN=abc,def=012', 'EMPTYLINE=aaaa\n\nbbbb']
    ],
    [3, 'SERVER={"host":"h","user":"u"}', true, ['SERVER={"host":"h","user":"u"}']],
    [4, '"KEY=say ""hi"""', true, ['KEY=say "hi"']],
    // build-push-action passes no comment character to csv-parse: a `#` line is an item.
    [5, '"KEY=a,b"\n# "not a comment\nX=1', true, ['KEY=a,b', '# "not a comment', 'X=1']],
    [6, 'r/a:1,"r/a:2"\n\n  r/a:3  ', false, ['r/a:1', 'r/a:2', 'r/a:3']],
    [7, '  "type=registry,ref=x"  ', true, ['type=registry,ref=x']],
    [8, 'a\r\n"b\r\nc"', true, ['a', 'b\r\nc']],
    // relaxed quotes: a closing quote followed by spaces is no quoting at all, as csv-parse reads it
    [9, '"a"    ,"b" \nc', false, ['"a"', '"b"', 'c']],
    [
      10,
      '"KEY=-----BEGIN-----\nabc\n-----END-----\n"\nX=1',
      { ignoreComma: true, keepNewlines: true },
      ['KEY=-----BEGIN-----\nabc\n-----END-----\n', 'X=1']
    ],
    [11, '  TOKEN=abc  \n\n', { ignoreComma: true, keepNewlines: true }, ['TOKEN=abc']]
  ]
  test.each(cases)('case %i: %j', (_n, raw, ignoreComma, expected) => {
    expect(parseList(raw, ignoreComma)).toEqual(expected)
  })

  test("the secrets input keeps a quoted value's trailing newline (an SSH key needs it)", () => {
    const inputs = parseInputs(name => (name === 'secrets' ? '"KEY=line1\nline2\n"\nB=2' : ''))
    expect(inputs.secrets).toEqual(['KEY=line1\nline2\n', 'B=2'])
  })

  test('an unclosed quote is one line that does not echo the value', () => {
    expect(() => parseInputs(name => (name === 'secrets' ? '"KEY=hunter2' : ''))).toThrow(
      /^Input "secrets": a list input is not valid CSV \(line 1\): close every double quote/
    )
    expect(() => parseInputs(name => (name === 'secrets' ? '"KEY=hunter2' : ''))).not.toThrow(/hunter2/)
  })

  test('a multi-line secret stays one secret with its whole value', () => {
    const [item] = parseList('"PEM=-----BEGIN KEY-----\nMIIabc\n-----END KEY-----"', true)
    expect(parseSecretPair('secrets', item as string)).toEqual({
      id: 'PEM',
      value: '-----BEGIN KEY-----\nMIIabc\n-----END KEY-----'
    })
  })
})
