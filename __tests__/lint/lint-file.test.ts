import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptyConfig } from '../../src/config.js'
import { UsageError } from '../../src/errors.js'
import { lintFile } from '../../src/lint/lint-file.js'
import { longDockerfile } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-lintfile-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, content)
  return path
}

const lint = (path: string, extra: { target?: string } = {}) =>
  lintFile(path, { config: emptyConfig(), cwd: dir, shellcheck: false, ...extra })

async function usageError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).not.toContain('\n')
    return (error as Error).message
  }
  throw new Error('expected a UsageError')
}

describe('lintFile refuses what is not a Dockerfile', () => {
  test.each([
    ['missing', () => join(dir, 'nope/Dockerfile'), 'Dockerfile not found: '],
    [
      'directory',
      () => (mkdirSync(join(dir, 'adir'), { recursive: true }), join(dir, 'adir')),
      'is not a Dockerfile: it is a directory'
    ],
    [
      'empty',
      () => file('empty/Dockerfile', ''),
      'is not a Dockerfile: it has no instructions (the file is empty)'
    ],
    [
      'only comments',
      () => file('comments/Dockerfile', '# nothing\n\n# here\n'),
      'is not a Dockerfile: it has no instructions'
    ],
    [
      'binary',
      () => file('bin/Dockerfile', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3])),
      'is not a Dockerfile: it contains binary data (NUL bytes)'
    ],
    [
      'prose',
      () => file('prose/Dockerfile', 'Hello there,\nthis is a letter.\n'),
      'is not a Dockerfile: no line starts with a Dockerfile instruction'
    ],
    [
      'over 10 MB',
      () => file('big/Dockerfile', 'FROM a\n' + 'RUN true\n'.repeat(1_200_000)),
      'is not a Dockerfile: it is 10.3 MB (the limit is 10 MB)'
    ]
  ])('%s', async (_name, make, message) => {
    expect(await usageError(lint(make()))).toContain(message)
  })

  test('an unknown target names the stages', async () => {
    const path = file('target/Dockerfile', 'FROM a AS build\nFROM b AS run\n')
    expect(await usageError(lint(path, { target: 'tset' }))).toBe(
      `target stage "tset" not found in ${path} (stages: build, run)`
    )
  })
})

describe('lintFile lints', () => {
  test('findings carry the relative path and the stage', async () => {
    const path = file(
      'app/Dockerfile',
      'FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nCOPY --from=0 /out /out\nCMD /out\n'
    )
    const result = await lint(path)
    expect(result.model.stages).toHaveLength(2)
    const sg1009 = result.findings.find(f => f.ruleId === 'SG1009')
    expect(sg1009).toMatchObject({ file: 'app/Dockerfile', line: 4, stage: { index: 1, final: true } })
    expect(result.findings.find(f => f.ruleId === 'SG1013')).toMatchObject({ line: 5, severity: 'error' })
  })

  test('unterminated heredoc: lints, lines within the file', async () => {
    const path = file('heredoc/Dockerfile', 'FROM debian\nRUN <<EOF\napt-get install -y curl\n')
    const result = await lint(path)
    for (const finding of result.findings) expect(finding.line).toBeLessThanOrEqual(3)
  })

  test('a UTF-8 BOM is not part of the first instruction', async () => {
    const path = file('bom/Dockerfile', '\ufeffFROM alpine\n')
    const result = await lint(path)
    expect(result.model.stages[0]!.base).toBe('alpine')
  })

  test('a long Dockerfile (1 MB) lints, with its findings', async () => {
    const result = await lint(file('large/Dockerfile', longDockerfile(1024 * 1024)))
    expect(result.findings.length).toBeGreaterThan(0)
  }, 180_000)

  test('parsing and linting grow linearly: twice the size (128 KB to 256 KB) at most 2.5x the CPU time', async () => {
    // CPU time of parse + rules in a fresh process (__tests__/support/growth.ts): no absolute time,
    // and shellcheck's own process is not counted (its batch is tested in shellcheck.test.ts).
    const growth = await measureGrowth('lintLongFile', 128 * 1024, 256 * 1024, { bound: 2.5, runs: 3 })
    expect(growth.ratio).toBeLessThan(2.5)
  }, 300_000)

  test.each([
    ['.dockerignore in the context', '.dockerignore', '.git\n.env\n*.pem\n*.key\n', false],
    ['Dockerfile-specific ignore file', 'Dockerfile.dockerignore', '.git\n.env\n*.pem\n*.key\n', false],
    ['ignore file missing .env', '.dockerignore', '.git\n*.key\n', true]
  ])('%s', async (_name, ignoreName, ignoreText, expectSG1005) => {
    const sub = `ctx-${ignoreName}-${expectSG1005}`
    const path = file(`${sub}/Dockerfile`, 'FROM alpine\nCOPY . /app\n')
    file(`${sub}/${ignoreName}`, ignoreText)
    const result = await lint(path)
    expect(result.findings.some(f => f.ruleId === 'SG1005')).toBe(expectSG1005)
  })

  test('no .dockerignore at all is SG1005', async () => {
    const path = file('noignore/Dockerfile', 'FROM alpine\nCOPY . /app\n')
    const result = await lint(path)
    expect(result.findings.find(f => f.ruleId === 'SG1005')?.message).toMatch(/^Add a \.dockerignore/)
  })
})
