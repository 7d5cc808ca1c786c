// A 1M-entry .dockerignore ran the linter out of memory (1.6 GB after 100 s:
// a compiled regular expression a pattern, tested against every COPY
// source). Past DOCKERIGNORE_LIMITS it is refused with one line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyConfig } from '../../src/config.js'
import { UsageError } from '../../src/errors.js'
import { DOCKERIGNORE_LIMITS, lintFile } from '../../src/lint/lint-file.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-dockerignore-'))
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY app/ /app/\nCOPY . /src\n')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lint = () => lintFile(join(dir, 'Dockerfile'), { config: emptyConfig(), shellcheck: false, cwd: dir })
const patterns = (n: number): string => Array.from({ length: n }, (_, i) => `dir${i}/**/*.log\n`).join('')

it.each([
  [
    '1M patterns (19 MB)',
    patterns(1_000_000),
    /\.dockerignore: the \.dockerignore is 18\.\d MB \(the limit is 10000 patterns, 4 MB\)/
  ],
  [
    '20k patterns',
    patterns(20_000),
    /\.dockerignore: the \.dockerignore has 20000 patterns \(the limit is 10000 patterns, 4 MB\); use \*\* patterns/
  ]
])('refuses a .dockerignore of %s as one line', async (_name, text, message) => {
  writeFileSync(join(dir, '.dockerignore'), text)
  const error = await lint().catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(UsageError)
  expect((error as Error).message).toMatch(message)
  expect((error as Error).message.split('\n')).toHaveLength(1)
})

it('reads one at the limit', async () => {
  writeFileSync(join(dir, '.dockerignore'), patterns(DOCKERIGNORE_LIMITS.patterns - 1) + 'app\n')
  const result = await lint()
  expect(result.model.stages).toHaveLength(1)
})
