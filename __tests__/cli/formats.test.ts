// `stagegate lint|check --format X` for every format, run in-process from
// the source (main()), with the output checked by its consumer's definition
// (the XSDs and JSON schemas of __tests__/report/formats/schemas). `check`
// reads a real OCI layout written here: its findings have no Dockerfile line.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AjvModule from 'ajv'
import { main } from '../../src/cli/main.js'
import { FORMATS } from '../../src/report/formats/index.js'
import { tar, writeOciLayout } from '../image/support/tar-writer.js'

const SCHEMAS = join(process.cwd(), '__tests__/report/formats/schemas')
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (
  options: object
) => {
  compile(schema: object): (data: unknown) => boolean
}
const ajv = new Ajv({ allErrors: true, strict: false })
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as object)
const VALIDATE: Record<string, (out: string) => void> = {
  junit: out => xsd(out, 'junit.xsd'),
  checkstyle: out => xsd(out, 'checkstyle.xsd'),
  gitlab_codeclimate: out => expect(schema('gitlab-code-quality.schema.json')(JSON.parse(out))).toBe(true),
  sonarqube: out => expect(schema('sonarqube-generic-issues.schema.json')(JSON.parse(out))).toBe(true),
  codeclimate: out => {
    const valid = schema('codeclimate-issue.schema.json')
    for (const issue of out.split('\0').filter(chunk => chunk !== ''))
      // eslint-disable-next-line jest/no-standalone-expect -- a format validator, called only from the test.each below
      expect(valid(JSON.parse(issue))).toBe(true)
  },
  gnu: out => {
    for (const line of out.trimEnd().split('\n'))
      expect(line).toMatch(/^[^\n]+:\d+:\d+: (error|warning|note): \S.*$/)
  },
  json: out => {
    const parsed = JSON.parse(out) as unknown
    for (const report of Array.isArray(parsed) ? parsed : [parsed])
      expect(report).toHaveProperty('version', 1)
  },
  sarif: out => expect(JSON.parse(out)).toHaveProperty('version', '2.1.0'),
  tty: out => expect(out).toMatch(/\d+ findings? \(/),
  text: out => expect(out).toMatch(/\d+ findings? \(/)
}

function xsd(xml: string, name: string): void {
  const run = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, name), '-'], {
    input: xml,
    encoding: 'utf8'
  })
  if (run.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils): ${run.error.message}`)
  expect(run.stderr).toMatch(/- validates/)
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const writeOut = process.stdout.write.bind(process.stdout)
  const writeErr = process.stderr.write.bind(process.stderr)
  process.stdout.write = (chunk: string | Uint8Array) => ((stdout += String(chunk)), true)
  process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true)
  try {
    const code = await main(argv)
    return { code, stdout, stderr }
  } finally {
    process.stdout.write = writeOut
    process.stderr.write = writeErr
  }
}

let dir: string
let cwd: string
beforeAll(() => {
  cwd = process.cwd()
  dir = mkdtempSync(join(tmpdir(), 'sg-cli-formats-'))
  writeFileSync(
    join(dir, 'Dockerfile'),
    'FROM debian:12\nENV HOME_DIR=/srv\nRUN apt-get update && apt-get install curl && echo $HOME_DIR $unset\n'
  )
  writeFileSync(join(dir, 'Other.Dockerfile'), 'FROM alpine:3\nRUN apk add curl\n')
  writeOciLayout(
    join(dir, 'layout'),
    [
      tar([
        { name: 'usr/', typeflag: '5' },
        { name: 'usr/bin/', typeflag: '5' },
        { name: 'usr/bin/tool', data: '#!/bin/sh\n', mode: 0o4755 }
      ])
    ],
    { config: { User: '' } }
  )
  process.chdir(dir)
})
afterAll(() => {
  process.chdir(cwd)
  rmSync(dir, { recursive: true, force: true })
})

describe.each([...FORMATS])('--format %s', format => {
  test('lint of two Dockerfiles', async () => {
    const result = await run([
      'lint',
      '--format',
      format,
      '--fail-on',
      'never',
      'Dockerfile',
      'Other.Dockerfile'
    ])
    expect(result.code).toBe(0)
    VALIDATE[format]!(result.stdout)
    expect(result.stdout).toContain('Other.Dockerfile')
  })

  test('check of an image: findings without a line still listed', async () => {
    const result = await run(['check', 'oci-layout:layout', '--format', format, '--fail-on', 'never'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/SG2\d{3}/)
    VALIDATE[format]!(result.stdout)
  })
})

test('SC findings come from one batch with the ENV in scope: $HOME_DIR is quiet, $unset is not', async () => {
  const result = await run(['lint', '--format', 'gnu', '--fail-on', 'never', 'Dockerfile'])
  const sc = result.stdout.split('\n').filter(line => / SC\d{4} /.test(line))
  expect(sc.some(line => line.includes('SC2086'))).toBe(true)
  expect(sc.filter(line => line.includes('SC2086'))).toHaveLength(1)
  // $unset starts at column 62 of line 3.
  expect(sc.find(line => line.includes('SC2086'))).toMatch(/^Dockerfile:3:62: note: SC2086 /)
})

describe.each([
  ['lint', ['lint', 'Dockerfile']],
  ['check', ['check', 'oci-layout:layout']],
  ['build', ['build', '.']],
  ['rules', ['rules']]
])('%s: a bad --format is one line, exit 2', (_name, base) => {
  test.each([
    ['an unknown format', ['--format', 'xml'], /--format must be one of .*got "xml"/],
    ['no value at the end', ['--format'], /--format needs a value/],
    ['a flag where the value should be', ['--format', '--fail-on'], /--format needs a value/]
  ])('%s', async (_case, flags, message) => {
    const argv = base[0] === 'build' ? [...base, ...flags] : [...base.slice(0, 1), ...flags, ...base.slice(1)]
    const result = await run(flags[0] === '--format' && flags.length === 1 ? [...base, ...flags] : argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
  })
})

test('stagegate rules marks default-off rules in text and json', async () => {
  const text = await run(['rules'])
  const line = (id: string) => text.stdout.split('\n').find(row => row.startsWith(`${id} `)) ?? ''
  expect(line('DL1001')).toMatch(/^DL1001\s+\S+\s+dockerfile\s+off\s+\S/)
  expect(line('DL3008')).toMatch(/^DL3008\s+\S+\s+dockerfile\s+on\s+\S/)
  const json = JSON.parse((await run(['rules', '--format', 'json'])).stdout) as {
    id: string
    enabled: boolean
    offByDefault: boolean
  }[]
  expect(json.find(rule => rule.id === 'DL3057')).toMatchObject({ enabled: false, offByDefault: true })
  expect(json.find(rule => rule.id === 'DL3008')).toMatchObject({ enabled: true, offByDefault: false })
})
