// A 10 MB Dockerfile line took 1.4 GB RSS (measured today: 14 s, 1.9 GB):
// dockerfile-ast, a dependency, builds an argument a character at a time, so
// an instruction over MAX_INSTRUCTION_BYTES is refused with one line before
// it is parsed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../../src/errors.js'
import { MAX_INSTRUCTION_BYTES, longestInstruction, readDockerfile } from '../../src/lint/lint-file.js'

describe('longestInstruction', () => {
  it.each([
    ['one line each', 'FROM a\nRUN echo hi\n', { line: 2, bytes: 12 }],
    ['continuation lines count together', 'FROM a\nRUN a \\\n  b \\\n  c\nRUN d\n', { line: 2, bytes: 18 }],
    ['spaces after the escape', 'FROM a\nRUN a \\  \n  bb\n', { line: 2, bytes: 15 }],
    ['a backtick escape', '# escape=`\nFROM a\nRUN a `\n  b\n', { line: 3, bytes: 12 }],
    [
      'blank and comment lines inside a continuation',
      'FROM a\nRUN a \\\n# note\n\n  b\nRUN c\n',
      { line: 2, bytes: 20 }
    ],
    [
      'a comment after an instruction ends it',
      'RUN a\n# a long comment here\nRUN b\n',
      { line: 2, bytes: 22 }
    ]
  ])('%s', (_name, text, expected) => {
    expect(longestInstruction(text)).toEqual(expected)
  })
})

describe('readDockerfile refuses an instruction over the limit, as one line', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-long-instruction-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const refusal = (text: string): string => {
    const path = join(dir, 'Dockerfile')
    writeFileSync(path, text)
    try {
      readDockerfile(path, 'Dockerfile')
      return 'read'
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      return (error as Error).message
    }
  }

  it.each([
    ['a 10 MB line', `FROM a\nRUN echo ${'x'.repeat(10 * 1024 * 1024 - 100)}\n`, 2, '10.0'],
    [
      'a 2 MB instruction over continuation and comment lines',
      'FROM a\nRUN true \\\n' + `  && echo ${'x'.repeat(1000)} \\\n# c\n`.repeat(2000) + '  && true\n',
      2,
      '1.9'
    ]
  ])('%s', (_name, text, line, size) => {
    expect(refusal(text)).toBe(
      `Dockerfile: the instruction at line ${line} is ${size} MB long (the limit is 1 MB an instruction); move the data into a file the build copies`
    )
  })

  it('reads an instruction at the limit', () => {
    expect(refusal(`FROM a\nRUN echo ${'x'.repeat(MAX_INSTRUCTION_BYTES - 10)}\n`)).toBe('read')
  })
})
