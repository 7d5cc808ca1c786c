import {
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3058,
  isEmail,
  isGitHash,
  isRfc3339,
  isSemver,
  isSpdxExpression,
  isUrl,
  isValidLabelKey
} from '../../src/lint/rules/labels.js'
import { describeRule, hits } from './rule-cases.js'

const schema = {
  labelSchema: {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.version': 'semver',
    'org.opencontainers.image.authors': 'email',
    'org.opencontainers.image.title': 'text'
  }
}

describeRule(DL3048, {
  catches: [
    ['FROM debian\nLABEL Maintainer=me\n', [2]],
    ['FROM debian\nLABEL org.example.ok=1 com.docker.thing=2\nLABEL "a..b"=3 x-=4\n', [2, 3, 3]],
    ['FROM debian\nLABEL under_score=1\n', [2]],
    // Reserved namespaces, also without a FROM and as an ONBUILD trigger (hadolint checks both).
    ['LABEL io.docker.build=1\n', [1]],
    ['FROM debian\nONBUILD LABEL org.dockerproject.x=1\n', [2]],
    // Characters outside [a-z0-9.-]: a variable key is not judged differently (hadolint reads it as written).
    ['FROM debian\nLABEL app$name=1\n', [2]],
    ['FROM debian\nLABEL $KEY=x\n', [2]],
    // Starts with a lower-case letter, ends with a letter or digit.
    ['FROM debian\nLABEL 9lives=1\n', [2]],
    ['FROM debian\nLABEL .hidden=1\n', [2]],
    ['FROM debian\nLABEL -dash=1\n', [2]],
    ['FROM debian\nLABEL trailing.=1\n', [2]],
    // No consecutive separators.
    ['FROM debian\nONBUILD LABEL org--example=1\n', [2]],
    ['FROM debian\nLABEL org..example=1\n', [2]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.title="My app" version=1\n',
    'LABEL org.example.v2="x"\n',
    'FROM debian\nONBUILD LABEL team-a.service=1\n',
    'FROM debian\nLABEL a.b-c.d3=1 z=2\n',
    // A namespace merely containing `docker` is not reserved.
    'FROM debian\nLABEL com.dockerhub.x=1 org.docker.y=2\n'
  ]
})

describeRule(DL3049, {
  config: { labelSchema: { 'org.opencontainers.image.source': 'url', team: 'text' } },
  catches: [
    ['FROM debian\nLABEL team=core\n', [1]],
    [
      'FROM debian AS build\nLABEL org.opencontainers.image.source=https://x team=a\nFROM debian\nRUN x\n',
      [3, 3]
    ],
    // Per stage, as hadolint reports it: a stage nothing builds on or copies from is an image too.
    ['FROM debian AS tools\nFROM debian\nLABEL org.opencontainers.image.source=https://x team=a\n', [1, 1]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.source=https://x \\\n  team=core\n',
    // Only copied from, or only the base of a stage that sets the labels: not an image of its own.
    'FROM debian AS build\nFROM debian\nLABEL org.opencontainers.image.source=https://x team=a\nCOPY --from=build /a /a\n',
    'FROM debian AS base\nFROM base\nLABEL org.opencontainers.image.source=https://x team=a\n',
    'FROM debian AS base\nLABEL team=core\nFROM base\nLABEL org.opencontainers.image.source=https://x\n'
  ]
})

describe('DL3049 without a schema', () => {
  test('reports nothing', () => {
    expect(hits(DL3049, 'FROM debian\n')).toEqual([])
  })
})

describeRule(DL3050, {
  config: { labelSchema: { team: 'text' }, strictLabels: true },
  catches: [
    ['FROM debian\nLABEL team=core extra=1\n', [2]],
    ['FROM debian AS a\nLABEL other=1\nFROM debian\nLABEL team=x\n', [2]]
  ],
  passes: ['FROM debian\nLABEL team=core\n']
})

describe('DL3050 without strictLabels', () => {
  test('reports nothing', () => {
    expect(hits(DL3050, 'FROM debian\nLABEL extra=1\n', { labelSchema: { team: 'text' } })).toEqual([])
  })
})

describeRule(DL3051, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.title=""\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.source= \\\n  other=""\n', [2]]
  ],
  passes: ['FROM debian\nLABEL org.opencontainers.image.title="x" other=""\n']
})

describeRule(DL3052, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.source=github.com/x/y\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.source="https://x y"\n', [2]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.source=https://github.com/x/y\n',
    'FROM debian\nLABEL org.opencontainers.image.source=$SOURCE_URL\n',
    'FROM debian\nLABEL other=not-a-url\n'
  ]
})

describeRule(DL3053, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.created=2024-05-01\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.created=2024-02-30T10:00:00Z\n', [2]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.created=2024-05-01T12:00:00Z\n',
    'FROM debian\nLABEL org.opencontainers.image.created=2024-05-01T12:00:00.123+02:00\n'
  ]
})

describeRule(DL3054, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.licenses="Apache 2.0"\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.licenses=GPLv3\n', [2]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.licenses=MIT\n',
    'FROM debian\nLABEL org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"\n'
  ]
})

describeRule(DL3055, {
  config: schema,
  catches: [['FROM debian\nLABEL org.opencontainers.image.revision=main\n', [2]]],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.revision=3c178e4\n',
    'FROM debian\nLABEL org.opencontainers.image.revision=3c178e4a0e5b0f3e2d8f1c7b6a5d4e3f2a1b0c9d\n'
  ]
})

describeRule(DL3056, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.version=v1.2.3\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.version=1.2\n', [2]]
  ],
  passes: [
    'FROM debian\nLABEL org.opencontainers.image.version=1.2.3\n',
    'FROM debian\nLABEL org.opencontainers.image.version=1.0.0-rc.1+build.5\n'
  ]
})

describeRule(DL3058, {
  config: schema,
  catches: [
    ['FROM debian\nLABEL org.opencontainers.image.authors="Jane Doe"\n', [2]],
    ['FROM debian\nLABEL org.opencontainers.image.authors=jane@localhost\n', [2]]
  ],
  passes: ['FROM debian\nLABEL org.opencontainers.image.authors=jane.doe+oss@example.org\n']
})

describe('validators', () => {
  test.each([
    ['org.example.name', true],
    ['a', true],
    ['1abc', false],
    ['abc.', false],
    ['a--b', false],
    ['io.docker.x', false],
    ['Upper', false]
  ])('isValidLabelKey(%j) is %j', (key, valid) => expect(isValidLabelKey(key)).toBe(valid))

  test.each([
    ['https://example.com/x?y=1', true],
    ['mailto:a@b.c', true],
    ['example.com', false],
    ['', false]
  ])('isUrl(%j) is %j', (value, valid) => expect(isUrl(value)).toBe(valid))

  test.each([
    ['2024-12-31T23:59:59Z', true],
    ['2024-02-29T00:00:00-05:00', true],
    ['2023-02-29T00:00:00Z', false],
    ['2024-13-01T00:00:00Z', false],
    ['2024-01-01 00:00:00Z', false]
  ])('isRfc3339(%j) is %j', (value, valid) => expect(isRfc3339(value)).toBe(valid))

  test.each([
    ['MIT', true],
    ['GPL-2.0+', true],
    ['LicenseRef-my-license', true],
    ['MIT OR', false],
    ['(MIT', false],
    ['MIT AND AND BSD-3-Clause', false],
    ['proprietary', false],
    ['', false],
    // Ids come from the SPDX list: well-formed names that are not on it are refused.
    ['Apache-2.0 WITH LLVM-exception', true],
    ['made-up-license', false],
    ['MIT WITH not-an-exception', false]
  ])('isSpdxExpression(%j) is %j', (value, valid) => expect(isSpdxExpression(value)).toBe(valid))

  test.each([
    ['abcdef1', true],
    ['abcdef', false],
    ['g123456', false]
  ])('isGitHash(%j) is %j', (value, valid) => expect(isGitHash(value)).toBe(valid))

  test.each([
    ['0.0.1', true],
    ['01.0.0', false],
    ['1.0.0-alpha..1', false]
  ])('isSemver(%j) is %j', (value, valid) => expect(isSemver(value)).toBe(valid))

  test.each([
    ['a@b.co', true],
    ['a..b@c.de', false],
    ['@c.de', false]
  ])('isEmail(%j) is %j', (value, valid) => expect(isEmail(value)).toBe(valid))
})
