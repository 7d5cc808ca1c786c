// The CLI's source in process (src/cli/main.ts through runCli): argv in, the
// exit status main() returns, stdout and stderr as a shell would see them.
// Exit codes are the contract: 0 nothing at the fail level, 1 findings at or
// above it (or a failed build), 2 a usage or input error with one line on
// stderr. The bundle is tested separately (bundle.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliPipelineDeps, processCliIO } from '../../src/cli/io.js'
import { USAGE } from '../../src/cli/main.js'
import type { Report } from '../../src/report/report.js'
import type { SarifLog } from '../../src/report/sarif.js'
import { VERSION } from '../../src/version.js'
import { runCli } from '../support/cli.js'
import { tar, writeOciLayout } from '../image/support/tar-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'stagegate-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = (args: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli(args, { cwd: dir, ...options })

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
const BAD = 'FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD echo hi\n'

beforeAll(() => {
  file('Clean.Dockerfile', CLEAN)
  file('Bad.Dockerfile', BAD)
})

function expectOneLineError(run: { code: number; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(2)
  expect(run.stderr.trim()).toMatch(message)
  expect(run.stderr.trim().split('\n')).toHaveLength(1)
  expect(run.stderr).not.toMatch(/\bat .+\.[jt]s:\d+/)
}

describe('stagegate lint', () => {
  test('a clean Dockerfile exits 0 and says so', async () => {
    const run = await cli(['lint', 'Clean.Dockerfile'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Clean\.Dockerfile: 0 findings/m)
  })

  test('findings at the fail level exit 1, with compiler-style lines', async () => {
    const run = await cli(['lint', '--fail-on', 'warning', 'Bad.Dockerfile'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Bad\.Dockerfile:2 DL3008 warning: .+\[stage 0\]$/m)
    expect(run.stdout).toMatch(/^Bad\.Dockerfile:3 DL3025 warning: /m)
  })

  test.each([
    ['never', 0],
    ['error', 0],
    ['warning', 1],
    ['note', 1]
  ])('--fail-on %s exits %i on warnings', async (level, code) => {
    expect((await cli(['lint', '--fail-on', level, 'Bad.Dockerfile'])).code).toBe(code)
  })

  test('fail-on from the config file when no flag is given; the flag wins', async () => {
    const sub = join(dir, 'configured')
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, 'Dockerfile'), BAD)
    writeFileSync(join(sub, '.stagegate.yml'), 'fail-on: warning\n')
    expect((await cli(['lint', 'Dockerfile'], { cwd: sub })).code).toBe(1)
    expect((await cli(['lint', '--fail-on', 'never', 'Dockerfile'], { cwd: sub })).code).toBe(0)
  })

  test('json: one report per file, an array for several', async () => {
    const one = JSON.parse(
      (await cli(['lint', '--format', 'json', '--fail-on', 'never', 'Bad.Dockerfile'])).stdout
    ) as Report
    expect(one.version).toBe(1)
    expect(one.dockerfile).toBe('Bad.Dockerfile')
    expect(one.image).toBeNull()
    expect(one.stages).toEqual([expect.objectContaining({ index: 0, base: 'debian', line: 1, final: true })])
    expect(one.findings.find(f => f.ruleId === 'DL3008')).toMatchObject({
      line: 2,
      stage: { index: 0, final: true }
    })
    const two = JSON.parse(
      (await cli(['lint', '--format', 'json', '--fail-on', 'never', 'Bad.Dockerfile', 'Clean.Dockerfile']))
        .stdout
    ) as Report[]
    expect(two.map(r => r.dockerfile)).toEqual(['Bad.Dockerfile', 'Clean.Dockerfile'])
  })

  test('sarif: one SARIF 2.1.0 log naming each Dockerfile by its path relative to the working directory', async () => {
    const log = JSON.parse(
      (await cli(['lint', '--format', 'sarif', '--fail-on', 'never', 'Bad.Dockerfile'])).stdout
    ) as SarifLog
    expect(log.version).toBe('2.1.0')
    const uris = log.runs[0]?.results.map(r => r.locations[0]?.physicalLocation.artifactLocation.uri)
    expect(new Set(uris)).toEqual(new Set(['Bad.Dockerfile']))
  })

  test('--target: the stage given is linted (up to it), exit by the policy', async () => {
    file('Two.Dockerfile', 'FROM scratch AS a\nUSER 1\nFROM a AS b\nUSER 2\n')
    const run = await cli(['lint', '--target', 'a', '--format', 'json', 'Two.Dockerfile'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as Report).dockerfile).toBe('Two.Dockerfile')
  })

  test.each([
    [['lint'], /^stagegate lint: name at least one Dockerfile/],
    [['lint', 'missing.Dockerfile'], /^stagegate lint: Dockerfile not found: missing\.Dockerfile$/],
    [
      ['lint', '--format', 'xml', 'Bad.Dockerfile'],
      /^stagegate lint: --format must be one of tty, text, json, sarif, checkstyle, .*got "xml"\.$/
    ],
    [['lint', '--fail-on', 'sometimes', 'Bad.Dockerfile'], /^stagegate lint: --fail-on must be one of/],
    [['lint', '--nope', 'Bad.Dockerfile'], /^stagegate lint: unknown option "--nope"/],
    [['lint', '--config', 'none.yml', 'Bad.Dockerfile'], /none\.yml/],
    [['frobnicate'], /^stagegate: unknown command "frobnicate"/]
  ])('%j is a usage error: exit 2, one line, no stack', async (args, message) => {
    expectOneLineError(await cli(args), message)
  })

  test.each([
    ['empty', ''],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])],
    ['prose', 'Dear reader,\nthis is not a Dockerfile.\n']
  ])('a %s file is not a Dockerfile: exit 2 with one line', async (name, content) => {
    file(`${name}.txt`, content)
    expectOneLineError(
      await cli(['lint', `${name}.txt`]),
      new RegExp(`^stagegate lint: ${name}\\.txt is not a Dockerfile`)
    )
  })

  test('an unknown rule id in the config is a usage error naming it', async () => {
    const sub = join(dir, 'unknown-rule')
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, 'Dockerfile'), CLEAN)
    writeFileSync(join(sub, '.stagegate.yml'), 'ignore: [DL9999]\n')
    expectOneLineError(await cli(['lint', 'Dockerfile'], { cwd: sub }), /DL9999/)
  })

  test('an internal error is one line, and its stack only with STAGEGATE_DEBUG', async () => {
    const broken = {
      lintFiles: () => Promise.reject(new Error('the linter broke'))
    }
    expectOneLineError(
      await cli(['lint', 'Clean.Dockerfile'], { pipeline: broken }),
      /^stagegate lint: the linter broke$/
    )
    const debug = await cli(['lint', 'Clean.Dockerfile'], {
      pipeline: broken,
      env: { STAGEGATE_DEBUG: '1' }
    })
    expect(debug.code).toBe(2)
    expect(debug.stderr).toMatch(/^stagegate lint: the linter broke\nError: the linter broke\n\s+at /)
  })
})

describe('stagegate rules', () => {
  test('--format json lists every rule with the contract fields', async () => {
    const run = await cli(['rules', '--format', 'json'])
    expect(run.code).toBe(0)
    const rules = JSON.parse(run.stdout) as { id: string; phase: string; helpUri: string }[]
    expect(rules.length).toBeGreaterThan(100)
    expect(rules.find(rule => rule.id === 'SG2004')).toMatchObject({ phase: 'image' })
    expect(rules.find(rule => rule.id === 'DL3008')?.helpUri).toMatch(/docs\/rules\/DL3008\.md$/)
  })

  test('text: one aligned line per rule (id, severity, phase, summary)', async () => {
    const run = await cli(['rules'])
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(100)
    expect(lines.find(line => line.startsWith('SG2004 '))).toMatch(/^SG2004\s+\w+\s+image\s+\S/)
    expect(new Set(lines.map(line => line.search(/ (error|warning|note|info|style) /)))).toHaveProperty(
      'size',
      1
    )
  })

  test('--format sarif is refused', async () => {
    expectOneLineError(
      await cli(['rules', '--format', 'sarif']),
      /^stagegate rules: --format must be one of text, json/
    )
  })
})

describe('stagegate check', () => {
  let layout: string
  beforeAll(() => {
    // A real OCI layout: a shell at /bin/sh, no USER (root).
    layout = join(dir, 'layout')
    writeOciLayout(
      layout,
      [
        tar([
          { name: 'bin/', typeflag: '5' },
          { name: 'bin/sh', data: '#!/bin/sh\n', mode: 0o755 }
        ])
      ],
      { history: [{ created_by: 'COPY sh /bin/sh # buildkit' }] }
    )
    file('Image.Dockerfile', 'FROM scratch\nCOPY sh /bin/sh\n')
  })

  test('an image from an OCI layout: its findings, attributed to the Dockerfile line, exit by the policy', async () => {
    const run = await cli([
      'check',
      `oci-layout:${layout}`,
      '--dockerfile',
      'Image.Dockerfile',
      '--format',
      'json',
      '--fail-on',
      'warning'
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report.dockerfile).toBe('Image.Dockerfile')
    expect(report.findings.find(f => f.ruleId === 'SG2001')).toMatchObject({
      path: '/bin/sh',
      line: 2
    })
    expect(report.image?.layers).toEqual([expect.objectContaining({ index: 0, line: 2 })])
    expect((await cli(['check', `oci-layout:${layout}`, '--fail-on', 'never'])).code).toBe(0)
  })

  test('--platform and the image source reach the reader', async () => {
    const seen: { source: string; platform?: string }[] = []
    const run = await cli(['check', 'registry:example.test/app:1', '--platform', 'linux/arm64'], {
      pipeline: {
        readImage: (source, options) => {
          seen.push({ source, ...(options.platform ? { platform: options.platform } : {}) })
          return Promise.reject(new Error('registry unreachable'))
        }
      }
    })
    expect(seen).toEqual([{ source: 'registry:example.test/app:1', platform: 'linux/arm64' }])
    expectOneLineError(
      run,
      /^stagegate check: reading the image registry:example\.test\/app:1 failed: registry unreachable$/
    )
  })

  test.each([
    [['check'], /^stagegate check: name one image/],
    [['check', 'a', 'b'], /^stagegate check: name one image/],
    [['check', 'oci-layout:/nonexistent/layout', '--dockerfile', 'Clean.Dockerfile'], /nonexistent/],
    [['check', `oci-layout:/x`, '--dockerfile', 'missing.Dockerfile'], /missing\.Dockerfile/]
  ])('%j: exit 2 with one line', async (args, message) => {
    expectOneLineError(await cli(args), message)
  })
})

describe('stagegate build (lint and check through the pipeline; the build itself is e2e)', () => {
  test('--build=false --check=false: the pipeline lints the context Dockerfile, logs to stderr, writes the files', async () => {
    const context = join(dir, 'ctx')
    mkdirSync(context, { recursive: true })
    writeFileSync(join(context, 'Dockerfile'), BAD)
    const run = await cli([
      'build',
      'ctx',
      '--build=false',
      '--check=false',
      '--fail-on',
      'warning',
      '--format',
      'json',
      '--report-file',
      'out-report.json',
      '--sarif-file',
      'out.sarif'
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^── Lint$/m)
    expect(run.stderr).toMatch(/lint finding\(s\) in ctx\/Dockerfile$/m)
    const report = JSON.parse(run.stdout) as Report
    expect(report.dockerfile).toBe('ctx/Dockerfile')
    expect(report.build).toBeUndefined()
    expect(JSON.parse(readFileSync(join(dir, 'out-report.json'), 'utf8'))).toEqual(report)
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as SarifLog
    expect(sarif.runs[0]?.results).toHaveLength(report.findings.length)
  })

  test('a failed build exits 1 and prints the build error', async () => {
    const context = join(dir, 'failing')
    mkdirSync(context, { recursive: true })
    writeFileSync(join(context, 'Dockerfile'), CLEAN)
    const run = await cli(['build', 'failing', '--check=false', '--lint=false'], {
      pipeline: {
        runBuild: () =>
          Promise.resolve({
            ok: false,
            seconds: 1,
            argv: [],
            cachedSteps: 0,
            error: 'ERROR: failed to solve: exit code: 3',
            buildx: { driver: 'docker' } as never
          })
      }
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^── Build$/m)
    expect(run.stderr).toContain('stagegate: the build failed:\nERROR: failed to solve: exit code: 3\n')
  })

  test.each([
    [['build', 'a', 'b'], /^stagegate build: one context at most/],
    [['build', '--format', 'xml'], /^stagegate build: --format must be one of/],
    [['build', '--push=maybe'], /^stagegate build: --push takes true or false/]
  ])('%j: exit 2 with one line', async (args, message) => {
    expectOneLineError(await cli(args), message)
  })
})

describe('help and version', () => {
  test.each([[['--help']], [['-h']], [['help']], [['lint', '--help']], [['build', '-h']]])(
    '%j prints the usage on stdout, exit 0',
    async args => {
      const run = await cli(args)
      expect(run).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' })
    }
  )

  test('--version prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect((await cli(['-v'])).stdout).toBe(`${VERSION}\n`)
  })

  test('no command: the usage on stderr, exit 2', async () => {
    expect(await cli([])).toEqual({ code: 2, stdout: '', stderr: `${USAGE}\n` })
  })
})

describe('the CLI I/O', () => {
  test('processCliIO: the process streams, environment and working directory', () => {
    const io = processCliIO()
    expect(io.env).toBe(process.env)
    expect(io.cwd).toBe(process.cwd())
    io.stdout('')
    io.stderr('')
  })

  test('cliPipelineDeps: every log line goes to stderr, prefixed by its kind; secrets are not echoed', async () => {
    let stderr = ''
    const deps = cliPipelineDeps({
      stdout: () => undefined,
      stderr: text => void (stderr += text),
      env: {},
      cwd: dir
    })
    deps.info('line')
    deps.notice('n')
    deps.warning('w')
    deps.mask('s3cret')
    expect(await deps.group('Build', () => Promise.resolve(7))).toBe(7)
    expect(stderr).toBe('line\nnotice: n\nwarning: w\n── Build\n')
    expect(deps.cwd).toBe(dir)
  })
})
