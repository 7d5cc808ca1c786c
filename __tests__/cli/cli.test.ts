// The CLI as users run it: the committed bundle dist/cli.js in a child
// process. Exit codes are the contract: 0 nothing at the fail level, 1
// findings at or above it, 2 a usage or input error with one line on stderr.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const CLI = resolve('dist/cli.js')
const dir = mkdtempSync(join(tmpdir(), 'stagegate-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, STAGEGATE_DEBUG: '' }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const CLEAN = [
  'FROM scratch AS base',
  'COPY --chown=65532:65532 app /app',
  'USER 65532:65532',
  'ENTRYPOINT ["/app"]',
  ''
].join('\n')

describe('stagegate lint', () => {
  test('a clean Dockerfile exits 0 and says so', () => {
    file('Clean.Dockerfile', CLEAN)
    const run = cli(['lint', 'Clean.Dockerfile'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Clean\.Dockerfile: 0 findings/m)
  })

  test('findings at the fail level exit 1, with compiler-style lines', () => {
    file('Bad.Dockerfile', 'FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD echo hi\n')
    const run = cli(['lint', '--fail-on', 'warning', 'Bad.Dockerfile'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Bad\.Dockerfile:2 DL3008 warning: .+\[stage 0\]$/m)
    expect(run.stdout).toMatch(/^Bad\.Dockerfile:3 DL3025 warning: /m)
  })

  test('--fail-on never exits 0 whatever it finds', () => {
    expect(cli(['lint', '--fail-on', 'never', 'Bad.Dockerfile']).code).toBe(0)
  })

  test('json: one report per file, an array for several', () => {
    const one = JSON.parse(cli(['lint', '--format', 'json', '--fail-on', 'never', 'Bad.Dockerfile']).stdout)
    expect(one.version).toBe(1)
    expect(one.dockerfile).toBe('Bad.Dockerfile')
    expect(one.image).toBeNull()
    expect(one.stages).toEqual([expect.objectContaining({ index: 0, base: 'debian', line: 1, final: true })])
    expect(one.findings.find((f: { ruleId: string }) => f.ruleId === 'DL3008')).toMatchObject({
      line: 2,
      stage: { index: 0, final: true }
    })
    const two = JSON.parse(
      cli(['lint', '--format', 'json', '--fail-on', 'never', 'Bad.Dockerfile', 'Clean.Dockerfile']).stdout
    )
    expect(two.map((r: { dockerfile: string }) => r.dockerfile)).toEqual([
      'Bad.Dockerfile',
      'Clean.Dockerfile'
    ])
  })

  test('sarif: one SARIF 2.1.0 log naming each Dockerfile by its relative path', () => {
    const log = JSON.parse(cli(['lint', '--format', 'sarif', '--fail-on', 'never', 'Bad.Dockerfile']).stdout)
    expect(log.version).toBe('2.1.0')
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri
    )
    expect(new Set(uris)).toEqual(new Set(['Bad.Dockerfile']))
  })

  test.each([
    [['lint'], /^stagegate lint: name at least one Dockerfile/],
    [['lint', 'missing.Dockerfile'], /^stagegate lint: Dockerfile not found: missing\.Dockerfile$/],
    [
      ['lint', '--format', 'xml', 'Bad.Dockerfile'],
      /^stagegate lint: --format must be one of tty, text, json, sarif, checkstyle, .*got "xml"\.$/
    ],
    [['lint', '--nope', 'Bad.Dockerfile'], /^stagegate lint: unknown option "--nope"/],
    [['lint', '--config', 'none.yml', 'Bad.Dockerfile'], /none\.yml/],
    [['frobnicate'], /^stagegate: unknown command "frobnicate"/]
  ])('%j is a usage error: exit 2, one line, no stack', (args, message) => {
    const run = cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toMatch(/\bat .+\.js:\d+/)
  })

  test.each([
    ['empty', ''],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])],
    ['prose', 'Dear reader,\nthis is not a Dockerfile.\n']
  ])('a %s file is not a Dockerfile: exit 2 with one line', (name, content) => {
    file(`${name}.txt`, content)
    const run = cli(['lint', `${name}.txt`])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(new RegExp(`^stagegate lint: ${name}\\.txt is not a Dockerfile`))
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  test('an unknown rule id in the config is a usage error naming it', () => {
    file('.stagegate.yml', 'ignore: [DL9999]\n')
    const run = cli(['lint', 'Clean.Dockerfile'])
    rmSync(join(dir, '.stagegate.yml'))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/DL9999/)
  })
})

describe('stagegate rules', () => {
  test('--format json lists every rule with the contract fields', () => {
    const run = cli(['rules', '--format', 'json'])
    expect(run.code).toBe(0)
    const rules = JSON.parse(run.stdout) as { id: string; phase: string; helpUri: string }[]
    expect(rules.length).toBeGreaterThan(100)
    expect(rules.find(rule => rule.id === 'SG2004')).toMatchObject({ phase: 'image' })
    expect(rules.find(rule => rule.id === 'DL3008')?.helpUri).toMatch(/docs\/rules\/DL3008\.md$/)
  })
})

describe('stagegate check', () => {
  test('a missing image is a usage error', () => {
    const run = cli(['check', 'oci-layout:/nonexistent/layout', '--dockerfile', 'Clean.Dockerfile'])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})

test('--help and --version', () => {
  expect(cli(['--help']).stdout).toMatch(/^usage:/)
  expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  expect(cli([]).code).toBe(2)
})
