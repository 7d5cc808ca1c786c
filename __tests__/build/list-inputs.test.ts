// List inputs as build-push-action users write them (its README and issues
// #210, #245): quoted items, multi-line secret values, JSON with quotes.
import { parseSecretPair } from '../../src/build/secrets.js'
import { parseList } from '../../src/inputs.js'

describe('parseList, build-push-action compatible', () => {
  const cases: [number, string, boolean, string[]][] = [
    [1, '"MYSECRET=line1\nline2\nline3"\nFOO=bar', true, ['MYSECRET=line1\nline2\nline3', 'FOO=bar']],
    [
      2,
      'GIT_AUTH_TOKEN=abc,def=012\n"EMPTYLINE=aaaa\n\nbbbb"',
      true,
      ['GIT_AUTH_TOKEN=abc,def=012', 'EMPTYLINE=aaaa\n\nbbbb']
    ],
    [3, 'SERVER={"host":"h","user":"u"}', true, ['SERVER={"host":"h","user":"u"}']],
    [4, '"KEY=say ""hi"""', true, ['KEY=say "hi"']],
    [5, '"KEY=a,b"\n# "a comment with a quote\nX=1', true, ['KEY=a,b', 'X=1']],
    [6, 'r/a:1,"r/a:2"\n\n  r/a:3  ', false, ['r/a:1', 'r/a:2', 'r/a:3']],
    [7, '  "type=registry,ref=x"  ', true, ['type=registry,ref=x']],
    [8, 'a\r\n"b\r\nc"', true, ['a', 'b\r\nc']],
    [9, '"a"    ,"b" \nc', false, ['a', 'b', 'c']]
  ]
  test.each(cases)('case %i: %j', (_n, raw, ignoreComma, expected) => {
    expect(parseList(raw, ignoreComma)).toEqual(expected)
  })

  test('a multi-line secret stays one secret with its whole value', () => {
    const [item] = parseList('"PEM=-----BEGIN KEY-----\nMIIabc\n-----END KEY-----"', true)
    expect(parseSecretPair('secrets', item as string)).toEqual({
      id: 'PEM',
      value: '-----BEGIN KEY-----\nMIIabc\n-----END KEY-----'
    })
  })
})
