// scripts/check-readme.mjs run as the CI runs it, against fixture files in a temp dir.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = path.resolve('scripts/check-readme.mjs')

const ACTION = `name: T
description: t
inputs:
  file:
    description: Dockerfile
    required: false
  fail-on:
    description: Level
    required: false
    default: 'error'
  token:
    description: Token
    required: true
  github-token:
    description: gh
    default: \${{ github.token }}
outputs:
  result:
    description: pass or fail
  counts:
    description: JSON
runs:
  using: node24
  main: dist/index.js
`

const GOOD = `# T

## Usage

### Inputs

| Name | Description | Default |
| --- | --- | --- |
| \`file\` | Path to the Dockerfile. | |
| \`fail-on\` | Level (error \\| warning). | \`error\` |
| \`token\` | A token. | **required** |
| \`github-token\` | GitHub token. | \`\${{ github.token }}\` |

### Outputs

| Name | Description |
|---|---|
| \`result\` | pass or fail |
| \`counts\` | JSON counts |

### Environment variables

| Name | Description |
| --- | --- |
| \`FOO\` | not checked |
`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stagegate-readme-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function check(
  readme: string,
  action = ACTION
): Promise<{ code: number; stdout: string; stderr: string }> {
  writeFileSync(path.join(dir, 'README.md'), readme)
  writeFileSync(path.join(dir, 'action.yml'), action)
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT], { cwd: dir })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('check-readme', () => {
  test('in sync → exit 0', async () => {
    const result = await check(GOOD)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toContain('documents every input and output')
  })

  test('a Required column works as well as "required" in the Default cell', async () => {
    const readme = GOOD.replace(
      '| Name | Description | Default |\n| --- | --- | --- |',
      '| Name | Description | Default | Required |\n| --- | --- | --- | --- |'
    )
      .replace('| `file` | Path to the Dockerfile. | |', '| `file` | Path to the Dockerfile. | | no |')
      .replace(
        '| `fail-on` | Level (error \\| warning). | `error` |',
        '| `fail-on` | Level (error \\| warning). | `error` | no |'
      )
      .replace('| `token` | A token. | **required** |', '| `token` | A token. | — | yes |')
      .replace(
        '| `github-token` | GitHub token. | `${{ github.token }}` |',
        '| `github-token` | GitHub token. | `${{ github.token }}` | no |'
      )
    expect((await check(readme)).code).toBe(0)
  })

  test.each([
    [
      'missing input',
      GOOD.replace('| `file` | Path to the Dockerfile. | |\n', ''),
      'README.md:7: input "file" from action.yml is missing in the Inputs table'
    ],
    [
      'extra input',
      GOOD.replace('| `token` |', '| `tokn` |'),
      'README.md:11: input "tokn" is not in action.yml'
    ],
    [
      'wrong default',
      GOOD.replace('| `error` |', '| `warning` |'),
      'README.md:10: input "fail-on" default is "warning" in README.md but "error" in action.yml'
    ],
    [
      'default shown but none in action.yml',
      GOOD.replace(
        '| `file` | Path to the Dockerfile. | |',
        '| `file` | Path to the Dockerfile. | `Dockerfile` |'
      ),
      'README.md:9: input "file" default is "Dockerfile" in README.md but unset in action.yml'
    ],
    [
      'required not marked',
      GOOD.replace('| **required** |', '| |'),
      'README.md:11: input "token" is not marked required in README.md but required: true in action.yml'
    ],
    [
      'duplicate input',
      GOOD.replace(
        '| `token` | A token. | **required** |\n',
        '| `token` | A token. | **required** |\n| `token` | A token. | **required** |\n'
      ),
      'README.md:12: input "token" is listed twice'
    ],
    [
      'missing output',
      GOOD.replace('| `counts` | JSON counts |\n', ''),
      'README.md:16: output "counts" from action.yml is missing in the Outputs table'
    ],
    [
      'extra output',
      GOOD.replace('| `counts` | JSON counts |', '| `counts` | JSON counts |\n| `digest` | d |'),
      'README.md:20: output "digest" is not in action.yml'
    ],
    [
      'empty description',
      GOOD.replace('| `result` | pass or fail |', '| `result` | |'),
      'README.md:18: output "result" has no description'
    ],
    ['no Inputs heading', GOOD.replace('### Inputs', '### Parameters'), 'README.md: no "### Inputs" heading'],
    [
      'no Outputs table',
      GOOD.replace(/### Outputs[\s\S]*?### Environment/, '### Outputs\n\nSee below.\n\n### Environment'),
      'README.md: no table under "### Outputs"'
    ],
    [
      'wrong columns',
      GOOD.replace('| Name | Description | Default |', '| Input | Description | Default |'),
      'README.md:7: the Inputs table needs the columns Name | Description | Default'
    ]
  ])('%s → exit 1 with a precise message', async (_name, readme, message) => {
    const result = await check(readme)
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')).toContain(message)
    expect(result.stderr).toMatch(/check-readme: \d+ differences? between README\.md and action\.yml/)
  })

  test('a table inside a code fence under the heading is not taken for the real one', async () => {
    const readme = GOOD.replace(
      '### Inputs\n',
      '### Inputs\n\n```md\n| Name | Description | Default |\n| --- | --- | --- |\n| `bogus` | x | |\n```\n'
    )
    expect((await check(readme)).code).toBe(0)
  })

  test('missing files and bad arguments → exit 2', async () => {
    await expect(run(process.execPath, [SCRIPT], { cwd: dir })).rejects.toMatchObject({ code: 2 })
    await expect(run(process.execPath, [SCRIPT, '--bogus'], { cwd: dir })).rejects.toMatchObject({ code: 2 })
  })

  test("this repository's README is in sync with its action.yml", async () => {
    const { stdout } = await run(process.execPath, [SCRIPT], { cwd: path.resolve('.') })
    expect(stdout).toContain('documents every input and output')
  })
})
