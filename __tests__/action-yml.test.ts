// action.yml is the action's public contract: it must parse, run on node24,
// and name exactly the inputs that parseInputs reads.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseInputs } from '../src/inputs.js'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml

describe('action.yml', () => {
  test('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  test('declares exactly the inputs parseInputs reads', () => {
    const read = new Set<string>()
    parseInputs(name => {
      read.add(name)
      return ''
    })
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  test('keeps build-push-action input names and Stagegate outputs from the design', () => {
    for (const name of [
      'context',
      'file',
      'tags',
      'cache-from',
      'cache-to',
      'secrets',
      'sbom',
      'provenance'
    ]) {
      expect(action.inputs).toHaveProperty(name)
    }
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'attestation-id',
        'attestation-url',
        'counts',
        'digest',
        'imageid',
        'metadata',
        'report-file',
        'result',
        'sarif-file',
        'signature'
      ].sort()
    )
  })

  test('every input and output has a description', () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect([name, typeof spec.description, spec.description.trim().length > 5]).toEqual([
        name,
        'string',
        true
      ])
    }
  })
})
