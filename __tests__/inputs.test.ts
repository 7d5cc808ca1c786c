import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseBoolean, parseInputs, parseList } from '../src/inputs.js'

describe('parseList', () => {
  const cases: [number, string, boolean, string[]][] = [
    [1, '', false, []],
    [2, 'a,b', false, ['a', 'b']],
    [3, 'a\nb,c', false, ['a', 'b', 'c']],
    [4, 'type=registry,ref=x\n', true, ['type=registry,ref=x']],
    [5, '"a,b",c', false, ['a,b', 'c']],
    [6, '  # not a comment\n x \n\n', false, ['# not a comment', 'x']],
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
    // '' = build-push-action's defaults: the Git context; Stagegate's attestation defaults.
    expect(inputs.context).toBe('')
    expect(inputs.sbom).toBe('')
    expect(inputs.provenance).toBe('')
    expect(inputs.annotations).toEqual([])
    expect(inputs['github-annotations']).toBe(true)
    expect(inputs.comment).toBe('auto')
    expect(inputs.build).toBe(true)
  })
  test('every build-push-action v7 input is read with its meaning', () => {
    const values: Record<string, string> = {
      'add-hosts': 'a:1.2.3.4,b:1.2.3.5',
      allow: 'network.host',
      annotations: 'manifest:k=v, w',
      'build-contexts': 'x=./x',
      call: 'check',
      'cgroup-parent': 'cg',
      network: 'none',
      'no-cache-filters': 'a,b',
      outputs: 'type=local,dest=out',
      'shm-size': '1g',
      ssh: 'default',
      ulimit: 'nofile=1:2'
    }
    const inputs = parseInputs(name => values[name] ?? '')
    expect(inputs).toMatchObject({
      'add-hosts': ['a:1.2.3.4', 'b:1.2.3.5'],
      allow: ['network.host'],
      annotations: ['manifest:k=v, w'],
      'build-contexts': ['x=./x'],
      call: 'check',
      'cgroup-parent': 'cg',
      network: 'none',
      'no-cache-filters': ['a', 'b'],
      outputs: ['type=local,dest=out'],
      'shm-size': '1g',
      ssh: ['default'],
      ulimit: ['nofile=1:2']
    })
  })
  test('rejects a bad fail-on', () => {
    const values: Record<string, string> = { 'fail-on': 'fatal' }
    expect(() => parseInputs(name => values[name] ?? '')).toThrow(
      'Input "fail-on" must be one of error, warning, note, never, got "fatal".'
    )
  })
})

describe('action.yml keeps build-push-action v7 inputs and defaults', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  test.each([
    'add-hosts',
    'allow',
    'annotations',
    'attests',
    'build-args',
    'build-contexts',
    'builder',
    'cache-from',
    'cache-to',
    'call',
    'cgroup-parent',
    'context',
    'file',
    'labels',
    'load',
    'network',
    'no-cache',
    'no-cache-filters',
    'outputs',
    'platforms',
    'provenance',
    'pull',
    'push',
    'sbom',
    'secrets',
    'secret-envs',
    'secret-files',
    'shm-size',
    'ssh',
    'tags',
    'target',
    'ulimit',
    'github-token'
  ])('%s is declared', name => {
    expect(action.inputs).toHaveProperty([name])
  })
  test("no default where an empty value means build-push-action's default (Git context, attestation defaults)", () => {
    for (const name of ['context', 'sbom', 'provenance', 'annotations'])
      expect(action.inputs[name]?.default).toBeUndefined()
    for (const name of ['load', 'push', 'pull', 'no-cache'])
      expect(action.inputs[name]?.default).toBe('false')
    expect(action.inputs['github-annotations']?.default).toBe('true')
  })
})
