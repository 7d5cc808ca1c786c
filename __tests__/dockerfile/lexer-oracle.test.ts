// The hand-written lexer against dockerfile-ast on real Dockerfiles: the same
// instructions (keyword, first and last line) and the same comment lines.
import { readFileSync } from 'node:fs'
import { DockerfileParser } from 'dockerfile-ast'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { allInstructions } from '../../src/dockerfile/query.js'
import { CORPUS_DIR as CORPUS, corpusFiles } from './corpus-files.js'

const EXTRA_CASES: [string, string][] = [
  ['continuations with comments and blanks', 'FROM a\nRUN a \\\n# c\n\n  b \\\n  c\nCMD x\n'],
  ['escape backtick', '# escape=`\nFROM a\nRUN a `\n  b\nUSER x\n'],
  ['heredocs', 'FROM a\nRUN <<EOF\nx\nEOF\nCOPY <<-A <<B /d/\n\ta\n\tA\nb\nB\nCMD y\n'],
  ['leading blank lines and indentation', '\n\n  FROM a\n\tRUN x\n'],
  ['trailing continuation', 'FROM a\nRUN echo \\']
]

describe('lexer agrees with dockerfile-ast', () => {
  const files = corpusFiles()
  test('the corpus is there', () => {
    expect(files.length).toBeGreaterThan(100)
  })
  const cases: [string, string][] = [
    ...files.map((file): [string, string] => [file.slice(CORPUS.length + 1), readFileSync(file, 'utf8')]),
    ...EXTRA_CASES
  ]
  test.each(cases)('%s', (_name, text) => {
    const ast = DockerfileParser.parse(text)
    const lines = text.split('\n')
    const trimEnd = (start: number, end: number): number => {
      let last = end
      while (last > start && (lines[last - 1] ?? '').trim() === '') last--
      return last
    }
    const expected = ast.getInstructions().map(i => {
      const range = i.getRange()
      return [
        i.getKeyword().toUpperCase(),
        range.start.line + 1,
        trimEnd(range.start.line + 1, range.end.line + 1)
      ]
    })
    const model = parseDockerfile(text, { path: 'Dockerfile' })
    const actual = allInstructions(model).map(i => [i.keyword, i.line, i.endLine])
    expect(actual).toEqual(expected)
    expect(model.comments.map(c => c.line)).toEqual(ast.getComments().map(c => c.getRange().start.line + 1))
  })
})
