// Experimental BuildKit checks (InvalidDefinitionDescription) are off unless
// the Dockerfile's `# check=experimental=` directive or the config enables them.
import { readFileSync } from 'node:fs'
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { lintModel } from '../../src/lint/engine.js'
import { LINT_RULES } from '../../src/lint/catalog.js'
import { parseCheckDirective } from '../../src/lint/pragmas.js'
import { hits, lintText } from './sg-helpers.js'

const ID = 'InvalidDefinitionDescription'
const BAD = '# a note\nFROM scratch AS base\n'

test("BuildKit's experimental checks are the experimental rules", () => {
  expect(
    LINT_RULES.filter(rule => rule.experimental === true)
      .map(rule => rule.id)
      .sort()
  ).toEqual(['CopyIgnoredFile', ID])
})

test.each<[string, string, Parameters<typeof lintText>[1], number[]]>([
  ['off by default', BAD, {}, []],
  ['enabled by name', `# check=experimental=${ID}\n${BAD}`, {}, [3]],
  ['enabled by name, any case', `# check=experimental=invaliddefinitiondescription\n${BAD}`, {}, [3]],
  ['enabled among others', `# check=skip=StageNameCasing;experimental=Foo,${ID}\n${BAD}`, {}, [3]],
  ['enabled by experimental=all', `# check=experimental=all\n${BAD}`, {}, [3]],
  ['other experimental names do not enable it', `# check=experimental=Foo\n${BAD}`, {}, []],
  ['enabled by a config severity', BAD, { config: { severity: { [ID]: 'warning' } } }, [2]],
  [
    'config severity off wins over the directive',
    `# check=experimental=${ID}\n${BAD}`,
    { config: { severity: { [ID]: 'off' } } },
    []
  ],
  // BuildKit applies skip= to the other checks only: an experimental one named is enabled.
  ['experimental wins over skip', `# check=experimental=${ID};skip=${ID}\n${BAD}`, {}, [3]],
  ['experimental wins over skip=all', `# check=skip=all;experimental=${ID}\n${BAD}`, {}, [3]],
  [
    'config ignore wins over the directive',
    `# check=experimental=all\n${BAD}`,
    { config: { ignore: [ID] } },
    []
  ]
])('%s', (_name, text, options, lines) => {
  expect(hits(text, ID, options)).toEqual(lines)
})

test('a config severity sets the findings severity', () => {
  const findings = lintText(BAD, { config: { severity: { [ID]: 'warning' } } }).filter(f => f.ruleId === ID)
  expect(findings.map(f => f.severity)).toEqual(['warning'])
})

// What the rule catches once enabled (line numbers shift by the directive line).
const ON = `# check=experimental=${ID}\n`
test.each<[string, string, number[]]>([
  ['comment not starting with the stage name', '# a note\nFROM scratch AS base\n', [3]],
  ['comment not starting with the ARG name', 'FROM a\n# another note\nARG VERSION=1\n', [4]],
  [
    'description comment',
    '# base is the runtime\nFROM scratch AS base\n# VERSION of the app\nARG VERSION=1\n',
    []
  ],
  ['separated by a blank line', '# a note\n\nFROM scratch AS base\n', []],
  ['pragma above', '# hadolint ignore=DL3006\nFROM scratch AS base\n', []],
  // An ARG of several keys: the comment may name any of them.
  ['comment naming the second key', 'FROM a\n# PORT the port to listen on\nARG HOST=0.0.0.0 PORT=80\n', []],
  ['comment naming none of the keys', 'FROM a\n# where to listen\nARG HOST=0.0.0.0 PORT=80\n', [4]],
  // An empty `#` line ends the block: nothing describes the ARG below it.
  ['empty comment line above', 'FROM a\n# build settings\n#\nARG VERSION=1\n', []],
  ['block after an empty comment line', 'FROM a\n#\n# a note\nARG VERSION=1\n', [5]]
])('enabled: %s', (_name, text, lines) => {
  expect(hits(ON + text, ID)).toEqual(lines)
})

test.each([
  ['experimental=all', { experimentalAll: true, experimental: [] }],
  ['experimental=A, B', { experimentalAll: false, experimental: ['A', 'B'] }],
  ['skip=X;experimental=A', { experimentalAll: false, experimental: ['A'] }],
  ['error=true', { experimentalAll: false, experimental: [] }]
])('parseCheckDirective(%j) reads experimental', (value, expected) => {
  const model = parseDockerfile(`# check=${value}\nFROM scratch\n`, { path: 'Dockerfile' })
  expect(parseCheckDirective(model)).toMatchObject(expected)
})

test.each(['examples/hello-c/Dockerfile', 'examples/bloated/Dockerfile'])(
  '%s gets no InvalidDefinitionDescription by default',
  path => {
    const model = parseDockerfile(readFileSync(path, 'utf8'), { path })
    const ids = lintModel(model, { config: emptyConfig() }).map(f => f.ruleId)
    expect(ids.length).toBeGreaterThan(0)
    expect(ids).not.toContain(ID)
  }
)

test('skip=all beside experimental= still skips the other BuildKit checks', () => {
  const text = `# check=skip=all;experimental=${ID}\n# a note\nFROM scratch AS Base\n`
  expect(hits(text, ID)).toEqual([3])
  expect(hits(text, 'StageNameCasing')).toEqual([])
})
