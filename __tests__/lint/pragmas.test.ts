import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { parseCheckDirective, parsePragmas, splitIds } from '../../src/lint/pragmas.js'

const parse = (text: string) => parseDockerfile(text, { path: 'Dockerfile' })

describe('parsePragmas', () => {
  test.each([
    [
      'next instruction',
      'FROM a\n# hadolint ignore=DL3008\nRUN x \\\n  y\n',
      { scope: 'next', ids: ['DL3008'], line: 2, fromLine: 3, toLine: 4 }
    ],
    [
      'stagegate spelling, two ids',
      'FROM a\n# stagegate ignore=SG1001, DL3007\nRUN x\n',
      { scope: 'next', ids: ['SG1001', 'DL3007'], line: 2, fromLine: 3, toLine: 3 }
    ],
    [
      'global',
      'FROM a\nRUN x\n# hadolint global ignore=DL3059\n',
      { scope: 'global', ids: ['DL3059'], line: 3, fromLine: 1, toLine: Number.MAX_SAFE_INTEGER }
    ],
    [
      'stage: up to the next FROM',
      'FROM a\n# stagegate stage ignore=DL3008\nRUN x\nRUN y\nFROM b\n',
      { scope: 'stage', ids: ['DL3008'], line: 2, fromLine: 2, toLine: 4 }
    ],
    [
      'stage pragma above a FROM covers that stage',
      'FROM a\n# hadolint stage ignore=DL3008\nFROM b\nRUN x\n',
      { scope: 'stage', ids: ['DL3008'], line: 2, fromLine: 2, toLine: Number.MAX_SAFE_INTEGER }
    ]
  ])('%s', (_name, text, expected) => {
    expect(parsePragmas(parse(text))).toEqual([expected])
  })

  test.each([
    ['plain comment', 'FROM a\n# ignore=DL3008 is what hadolint wants\nRUN x\n'],
    ['other tool', 'FROM a\n# tflint ignore=DL3008\nRUN x\n'],
    ['hadolint shell pragma', 'FROM a\n# hadolint shell=powershell\nRUN x\n']
  ])('not a pragma: %s', (_name, text) => {
    expect(parsePragmas(parse(text))).toEqual([])
  })
})

describe('parseCheckDirective', () => {
  test.each([
    [
      '# check=skip=StageNameCasing,FromAsCasing\nFROM a\n',
      {
        skipAll: false,
        skip: ['StageNameCasing', 'FromAsCasing'],
        error: false,
        experimentalAll: false,
        experimental: [],
        line: 1
      }
    ],
    [
      '# check=skip=all\nFROM a\n',
      { skipAll: true, skip: [], error: false, experimentalAll: false, experimental: [], line: 1 }
    ],
    [
      '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM a\n',
      {
        skipAll: false,
        skip: ['JSONArgsRecommended'],
        error: true,
        experimentalAll: false,
        experimental: [],
        line: 2
      }
    ],
    [
      '# check=error=true\nFROM a\n',
      { skipAll: false, skip: [], error: true, experimentalAll: false, experimental: [], line: 1 }
    ]
  ])('%j', (text, expected) => {
    expect(parseCheckDirective(parse(text))).toEqual(expected)
  })

  test.each(['FROM a\n# check=skip=all\n', '# hello\n# check=skip=all\nFROM a\n', 'FROM a\n'])(
    'no directive in %j',
    text => {
      expect(parseCheckDirective(parse(text))).toBeUndefined()
    }
  )
})

test.each([
  ['DL3008,DL3009', ['DL3008', 'DL3009']],
  [' DL3008 , DL3009 ', ['DL3008', 'DL3009']],
  ['DL3008 DL3009', ['DL3008', 'DL3009']],
  ['', []]
])('splitIds(%j)', (input, expected) => {
  expect(splitIds(input)).toEqual(expected)
})
