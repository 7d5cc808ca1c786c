import { parseBuildFlags } from '../../src/cli/build-flags.js'
import { parseInputs } from '../../src/inputs.js'

describe('parseBuildFlags', () => {
  test('no flags gives the action defaults, with the working directory as the context', () => {
    expect(parseBuildFlags([])).toEqual({ ...parseInputs(() => ''), context: '.' })
  })

  const cases: [number, string[], Record<string, unknown>][] = [
    [1, ['--tags', 'r/a:1', '--tags', 'r/a:2,r/a:latest'], { tags: ['r/a:1', 'r/a:2', 'r/a:latest'] }],
    [2, ['--push'], { push: true }],
    [3, ['--push=false', '--load'], { push: false, load: true }],
    [4, ['app'], { context: 'app' }],
    [5, ['--context=app', '--file', 'app/Dockerfile.ci'], { context: 'app', file: 'app/Dockerfile.ci' }],
    [
      6,
      ['--cache-registry', 'r/a:cache', '--secret-files', 'npmrc=.npmrc', '--secret-files', 'key=k.pem'],
      { 'cache-registry': 'r/a:cache', 'secret-files': ['npmrc=.npmrc', 'key=k.pem'] }
    ],
    [7, ['--cache-to', 'type=registry,ref=r/c,mode=max'], { 'cache-to': ['type=registry,ref=r/c,mode=max'] }],
    [8, ['--build-args', 'A=1,2', '--labels', 'x=y'], { 'build-args': ['A=1,2'], labels: ['x=y'] }],
    [
      9,
      ['--sbom', 'generator=r/gen:1', '--provenance=mode=min'],
      { sbom: 'generator=r/gen:1', provenance: 'mode=min' }
    ],
    [
      10,
      ['--no-cache', '--pull', '--cache-local', '.'],
      { 'no-cache': true, pull: true, 'cache-local': true, context: '.' }
    ],
    [11, ['--push', '--tags', 'r/a:1', 'app'], { push: true, tags: ['r/a:1'], context: 'app' }],
    [12, ['--push=true', '--load=false'], { push: true, load: false }],
    [
      13,
      ['--outputs', 'type=local,dest=out', '--ssh', 'default', '--network', 'none', '--call', 'check'],
      { outputs: ['type=local,dest=out'], ssh: ['default'], network: 'none', call: 'check' }
    ],
    [
      14,
      ['--annotations', 'manifest:a=1', '--github-annotations=false', '--add-hosts', 'h:1.2.3.4'],
      { annotations: ['manifest:a=1'], 'github-annotations': false, 'add-hosts': ['h:1.2.3.4'] }
    ]
  ]
  test.each(cases)('case %i: %j', (_n, argv, expected) => {
    expect(parseBuildFlags(argv)).toMatchObject(expected)
  })

  test.each([
    [['--tag', 'x'], 'unknown option "--tag"; run `stagegate build --help`.'],
    [['--file', 'a', '--file', 'b'], '--file is given 2 times; it takes one value.'],
    [['a', 'b'], 'one context at most, got 2 (a b); run `stagegate build --help`.'],
    [['--context', 'a', 'b'], 'the context is given twice (--context and a positional); keep one.'],
    [['--push=yes'], '--push takes true or false, got "yes".'],
    [['--push', 'true'], '--push takes no separate value: write --push or --push=true (got "--push true").'],
    [
      ['--load', 'false', '.'],
      '--load takes no separate value: write --load or --load=false (got "--load false").'
    ],
    [['--fail-on', 'fatal'], 'Input "fail-on" must be one of error, warning, note, never, got "fatal".']
  ] as [string[], string][])('%j is a usage error', (argv, message) => {
    expect(() => parseBuildFlags(argv)).toThrow(message)
  })
})
