import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  inputEnvironment,
  inputVariable,
  parseOutputFile,
  parseWorkflowCommands
} from '../support/run-action.js'

describe('runner harness parsing', () => {
  test('workflow commands with escaped properties and data', () => {
    const stdout = [
      'plain log line',
      '::error title=SG2001%3A key%2C here,file=Dockerfile,line=6,endLine=6::line one%0Aline two 100%25',
      '::notice::n',
      '::add-mask::s3cret',
      '::group::Lint',
      '::endgroup::'
    ].join('\n')
    expect(parseWorkflowCommands(stdout)).toEqual([
      {
        command: 'error',
        properties: { title: 'SG2001: key, here', file: 'Dockerfile', line: '6', endLine: '6' },
        message: 'line one\nline two 100%'
      },
      { command: 'notice', properties: {}, message: 'n' },
      { command: 'add-mask', properties: {}, message: 's3cret' },
      { command: 'group', properties: {}, message: 'Lint' },
      { command: 'endgroup', properties: {}, message: '' }
    ])
  })

  test('GITHUB_OUTPUT heredoc and key=value forms', () => {
    const text = 'counts<<ghadelimiter_1\n{"error":0}\nghadelimiter_1\nmulti<<EOF\na\nb\nEOF\nresult=pass\n'
    expect(parseOutputFile(text)).toEqual({ counts: '{"error":0}', multi: 'a\nb', result: 'pass' })
  })

  test.each([
    ['fail-on', 'INPUT_FAIL-ON'],
    ['github-token', 'INPUT_GITHUB-TOKEN'],
    ['my input', 'INPUT_MY_INPUT']
  ])('inputVariable(%s) = %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable)
  })

  test('every declared input gets its default, github.token resolved; given inputs win', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stagegate-harness-'))
    try {
      const yml = path.join(dir, 'action.yml')
      writeFileSync(
        yml,
        "inputs:\n  a:\n    default: 'x'\n  b:\n    required: false\n  github-token:\n    default: ${{ github.token }}\n"
      )
      expect(inputEnvironment(yml, { b: 'given' }, 'ghs_t')).toEqual({
        INPUT_A: 'x',
        INPUT_B: 'given',
        'INPUT_GITHUB-TOKEN': 'ghs_t'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
