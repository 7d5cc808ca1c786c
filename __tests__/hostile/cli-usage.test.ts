// Usage mistakes the CLI must refuse up front with exit 2 and one line,
// tested in-process against the source.
import { jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { errorMessage } from '../../src/errors.js'

let dir: string
let cwd: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-cli-usage-'))
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch AS app\nCOPY x /x\nUSER 1000\n')
  cwd = process.cwd()
  process.chdir(dir)
})
afterAll(() => {
  process.chdir(cwd)
  rmSync(dir, { recursive: true, force: true })
})

async function run(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = ''
  let stdout = ''
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(chunk => ((stderr += String(chunk)), true))
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation(chunk => ((stdout += String(chunk)), true))
  try {
    return { code: await main(argv), stderr, stdout }
  } finally {
    err.mockRestore()
    out.mockRestore()
  }
}

describe('usage errors exit 2 with one line, before any work', () => {
  it.each([
    [
      'check --target naming no stage',
      ['check', 'oci-layout:/nonexistent', '--dockerfile', 'Dockerfile', '--target', 'nope'],
      /^stagegate check: target stage "nope" not found in Dockerfile \(stages: app\)$/
    ],
    [
      'check --target without a Dockerfile',
      ['check', 'oci-layout:/x', '--target', 'app'],
      /give --dockerfile too/
    ],
    [
      'build --format without a value',
      ['build', '.', '--format'],
      /^stagegate build: --format needs a value\.$/
    ],
    ['build --format followed by a flag', ['build', '--format', '--push', '.'], /--format needs a value/],
    [
      'build with an invalid tag',
      ['build', '.', '--tags', 'Bad Tag!'],
      /^stagegate build: --tags: "Bad Tag!" is not a valid image reference/
    ],
    [
      'build with an uppercase repository',
      ['build', '.', '--tags', 'ghcr.io/Owner/App:1'],
      /is not a valid image reference/
    ]
  ])('%s', async (_name, argv, message) => {
    const { code, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr.trimEnd()).toMatch(message)
  })
})

describe('engine limits read as what to do, never as internals', () => {
  it.each([
    [new RangeError('Maximum call stack size exceeded'), /nested too deeply .*; flatten it$/],
    [new RangeError('Invalid string length'), /too large to render/],
    [Object.assign(new Error('spawn E2BIG'), { code: 'E2BIG' }), /argument list too long/],
    [new Error('first line\n    at internal (x.js:1)'), /^first line$/]
  ])('%s', (error, message) => {
    expect(errorMessage(error)).toMatch(message)
  })
})
