// Every Dockerfile of the vendored corpus (__tests__/fixtures/corpus) lints
// without a crash or a rule failure, twice with the same result, and every
// finding names a known rule and a line inside the file.
import { readFileSync } from 'node:fs'
import { emptyConfig } from '../../src/config.js'
import { compareFindings } from '../../src/finding.js'
import { isKnownLintRuleId } from '../../src/lint/catalog.js'
import { lintFile } from '../../src/lint/lint-file.js'
import { findOnPath } from '../../src/lint/shellcheck.js'
import { CORPUS_DIR, corpusFiles } from '../dockerfile/corpus-files.js'

const files = corpusFiles()

test('the corpus is in the repository', () => {
  expect(files.length).toBeGreaterThanOrEqual(200)
})

describe('corpus', () => {
  test.each(files.map(file => [file.slice(CORPUS_DIR.length + 1), file]))('%s', async (_name, file) => {
    const lineCount = readFileSync(file, 'utf8').split('\n').length
    const first = await lintFile(file, { config: emptyConfig(), cwd: CORPUS_DIR, shellcheck: false })
    const second = await lintFile(file, { config: emptyConfig(), cwd: CORPUS_DIR, shellcheck: false })
    expect(second.findings).toEqual(first.findings)
    expect(first.notices).toEqual([])
    expect([...first.findings].sort(compareFindings)).toEqual(first.findings)
    for (const finding of first.findings) {
      expect(isKnownLintRuleId(finding.ruleId)).toBe(true)
      expect(finding.line).toBeGreaterThanOrEqual(1)
      expect(finding.line).toBeLessThanOrEqual(lineCount)
      expect(finding.endLine ?? finding.line).toBeLessThanOrEqual(lineCount)
      expect(finding.message.length).toBeGreaterThan(0)
    }
  })
})

describe('corpus with shellcheck', () => {
  const sample = files.filter((_file, index) => index % 10 === 0)
  test('shellcheck is on PATH', () => {
    expect(findOnPath('shellcheck')).toBeDefined()
  })
  test.each(sample.map(file => [file.slice(CORPUS_DIR.length + 1), file]))('%s', async (_name, file) => {
    const lineCount = readFileSync(file, 'utf8').split('\n').length
    const result = await lintFile(file, { config: emptyConfig(), cwd: CORPUS_DIR })
    expect(result.notices).toEqual([])
    for (const finding of result.findings.filter(f => f.ruleId.startsWith('SC'))) {
      expect(finding.line).toBeGreaterThanOrEqual(1)
      expect(finding.line).toBeLessThanOrEqual(lineCount)
    }
  })
})
