// Every --format checked against its consumer's definition: JUnit and
// checkstyle XML against an XSD with xmllint (Debian's libxml2-utils),
// GitLab's code quality report, SonarQube's generic issues and the Code
// Climate issue spec against JSON schemas with ajv, GNU's error format by
// its regex. Each on a lint report, an image report whose findings have no
// line, a clean report, and hostile text (`<`, `&`, `"`, ESC, newlines,
// U+2028, lone surrogates) in the Dockerfile path, messages and image paths.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import AjvModule from 'ajv'
import { parseDockerfile } from '../../../src/dockerfile/parse.js'
import { emptyConfig } from '../../../src/config.js'
import type { Finding } from '../../../src/finding.js'
import { lintModel } from '../../../src/lint/engine.js'
import { buildReport } from '../../../src/report/build-report.js'
import { escapeControl, xmlSafe } from '../../../src/report/formats/common.js'
import { FORMATS, formatReports, type Format } from '../../../src/report/formats/index.js'
import { ANSI_PAINT, wantsColor } from '../../../src/report/formats/tty.js'
import type { Report } from '../../../src/report/report.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const SCHEMAS = join(HERE, 'schemas')
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (
  options: object
) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown }
}
const ajv = new Ajv({ allErrors: true, strict: false })
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as object)
const validateGitlab = schema('gitlab-code-quality.schema.json')
const validateSonar = schema('sonarqube-generic-issues.schema.json')
const validateCodeClimate = schema('codeclimate-issue.schema.json')
const CONTEXT = { toolVersion: '9.9.9', srcRoot: '/work/space' }
const ESC = '\u001b'

// ---------------------------------------------------------------- fixtures

const DOCKERFILE = [
  'FROM debian:12 AS build', // 1
  'RUN apt-get update && \\', // 2
  '    apt-get install -y curl', // 3
  'FROM build', // 4
  'USER root' // 5
].join('\n')

function lintReport(path: string): Report {
  const model = parseDockerfile(DOCKERFILE, { path })
  const findings = lintModel(model, { config: emptyConfig(), dockerignore: null })
  return buildReport({ dockerfile: path, model, findings, toolVersion: '9.9.9' })
}

const HOSTILE_PATH = `we<ird>&"name'${ESC}[31m.Dockerfile`
const HOSTILE_FINDINGS: Finding[] = [
  {
    ruleId: 'SG1008',
    severity: 'error',
    message: `A message with <tags>, & "quotes" and ${ESC}[2J an escape\nand a second line`,
    line: 5,
    column: 3
  },
  {
    ruleId: 'SG2004',
    severity: 'warning',
    message: 'A secret-looking file ships in the image.',
    path: `/etc/</failure>${ESC}]0;pwned\u0007\u2028forged: line\ud800`,
    stage: { index: 1, final: true }
  }
]

function hostileReport(): Report {
  const model = parseDockerfile(DOCKERFILE, { path: HOSTILE_PATH })
  return buildReport({ dockerfile: HOSTILE_PATH, model, findings: HOSTILE_FINDINGS, toolVersion: '9.9.9' })
}

/** `stagegate check IMAGE` without --dockerfile: no stages, image findings without a line. */
function imageOnlyReport(): Report {
  return buildReport({
    dockerfile: 'registry:127.0.0.1:5000/app:1',
    findings: [
      { ruleId: 'SG2002', severity: 'error', message: 'The image runs as root.' },
      { ruleId: 'SG2005', severity: 'note', message: 'A setuid file.', path: '/usr/bin/passwd' }
    ],
    toolVersion: '9.9.9'
  })
}

function cleanReport(): Report {
  return buildReport({ dockerfile: 'clean/Dockerfile', findings: [], toolVersion: '9.9.9' })
}

const CASES: [string, () => Report[]][] = [
  ['lint of two Dockerfiles', () => [lintReport('a/Dockerfile'), lintReport('b/Dockerfile')]],
  ['hostile text', () => [hostileReport()]],
  ['image findings without a line', () => [imageOnlyReport()]],
  ['a clean Dockerfile', () => [cleanReport()]]
]

const render = (reports: Report[], format: Format) => formatReports(reports, format, CONTEXT)

// ---------------------------------------------------------------- helpers

function xmllint(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('xmllint', args, { input, encoding: 'utf8' })
  if (run.error)
    throw new Error(`xmllint is needed for these tests (apt-get install libxml2-utils): ${run.error.message}`)
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

function validXml(xml: string, xsd: string): void {
  const run = xmllint(['--noout', '--schema', join(SCHEMAS, xsd), '-'], xml)
  expect(run.stderr).toMatch(/- validates/)
  expect(run.status).toBe(0)
}

const xpath = (xml: string, expression: string) =>
  xmllint(['--xpath', expression, '-'], xml).stdout.replace(/\n$/, '')

function findingCount(reports: Report[]): number {
  return reports.reduce((sum, report) => sum + report.findings.length, 0)
}

// ---------------------------------------------------------------- tests

test('every format hadolint has is offered', () => {
  expect([...FORMATS].sort()).toEqual(
    [
      'checkstyle',
      'codeclimate',
      'gitlab_codeclimate',
      'gnu',
      'json',
      'junit',
      'sarif',
      'sonarqube',
      'text',
      'tty'
    ].sort()
  )
})

test('xmllint validates against the XSDs and refuses what they do not allow', () => {
  const bad =
    '<?xml version="1.0"?><checkstyle version="4.3"><file name="x"><error line="0" severity="fatal" message="m" source="s"/></file></checkstyle>'
  const run = xmllint(['--noout', '--schema', join(SCHEMAS, 'checkstyle.xsd'), '-'], bad)
  expect(run.status).not.toBe(0)
  expect(validateGitlab([{ description: 'x' }])).toBe(false)
  expect(validateSonar({ issues: [] })).toBe(false)
})

describe.each(CASES)('%s', (_name, make) => {
  const reports = make()
  const count = findingCount(reports)

  test('junit: valid JUnit XML, one failing testcase per finding, a passing one for a clean file', async () => {
    const xml = await render(reports, 'junit')
    validXml(xml, 'junit.xsd')
    expect(Number(xpath(xml, 'count(//testcase/failure)'))).toBe(count)
    expect(Number(xpath(xml, 'string(/testsuites/@failures)'))).toBe(count)
    expect(Number(xpath(xml, 'count(/testsuites/testsuite)'))).toBe(reports.length)
    const clean = reports.filter(report => report.findings.length === 0).length
    expect(Number(xpath(xml, 'count(//testcase)'))).toBe(count + clean)
  })

  test('checkstyle: valid against checkstyle XML, one <file> per Dockerfile, one <error> per finding', async () => {
    const xml = await render(reports, 'checkstyle')
    validXml(xml, 'checkstyle.xsd')
    expect(Number(xpath(xml, 'count(//error)'))).toBe(count)
    expect(Number(xpath(xml, 'count(/checkstyle/file)'))).toBe(reports.length)
  })

  test('gitlab_codeclimate: valid against GitLab code quality, unique fingerprints', async () => {
    const issues = JSON.parse(await render(reports, 'gitlab_codeclimate')) as { fingerprint: string }[]
    expect(validateGitlab(issues)).toBe(true)
    expect(issues).toHaveLength(count)
    expect(new Set(issues.map(issue => issue.fingerprint)).size).toBe(count)
  })

  test('sonarqube: valid generic issue import, every issue names a rule in rules', async () => {
    const log = JSON.parse(await render(reports, 'sonarqube')) as {
      rules: { id: string }[]
      issues: { ruleId: string }[]
    }
    expect(validateSonar(log)).toBe(true)
    expect(log.issues).toHaveLength(count)
    const ids = new Set(log.rules.map(rule => rule.id))
    expect(log.issues.every(issue => ids.has(issue.ruleId))).toBe(true)
  })

  test('codeclimate: NUL-terminated issues, each valid against the engine spec', async () => {
    const out = await render(reports, 'codeclimate')
    const issues = out.split('\0').filter(chunk => chunk !== '')
    // Each issue followed by a NUL, nothing between or after (none at all without findings).
    expect(out).toBe(issues.map(issue => `${issue}\0`).join(''))
    expect(issues).toHaveLength(count)
    for (const issue of issues) expect(validateCodeClimate(JSON.parse(issue))).toBe(true)
  })

  test('gnu: one line per finding, file:line:column: severity: message', async () => {
    const out = await render(reports, 'gnu')
    const lines = out === '' ? [] : out.replace(/\n$/, '').split('\n')
    expect(lines).toHaveLength(count)
    for (const line of lines)
      expect(line).toMatch(/^[^:\n]+(?::[^:\n]+)*:\d+:\d+: (error|warning|note): \S.*$/)
  })

  test.each([...FORMATS])(
    '%s: no raw control character in the output beyond newlines (and codeclimate NULs)',
    async format => {
      const out = await render(reports, format)
      const stripped = format === 'codeclimate' ? out.replace(/\0/g, '') : out
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(stripped).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/)
    }
  )
})

describe('hostile text is escaped, not dropped', () => {
  test('XML attributes decode to the escaped text: the markup cannot be closed early', async () => {
    const xml = await render([hostileReport()], 'checkstyle')
    expect(xpath(xml, 'string(/checkstyle/file/@name)')).toBe(xmlSafe(HOSTILE_PATH))
    expect(xpath(xml, 'string(//error[@source="SG1008"]/@message)')).toBe(
      'A message with <tags>, & "quotes" and \\x1b[2J an escape and a second line'
    )
    const junit = await render([hostileReport()], 'junit')
    expect(xpath(junit, 'count(//failure)')).toBe('2')
    expect(xpath(junit, 'string(//testcase[2]/failure/@message)')).toContain(
      '/etc/</failure>\\x1b]0;pwned\\x07\\u2028forged'
    )
  })

  test('gnu and tty: each finding stays on its own line, escapes visible', async () => {
    for (const format of ['gnu', 'tty'] as const) {
      const out = await render([hostileReport()], format)
      const lines = out.trimEnd().split('\n')
      expect(lines.filter(line => line.includes('SG1008'))).toHaveLength(1)
      expect(lines.filter(line => /^forged: line/.test(line))).toEqual([])
      expect(out).toContain('\\x1b[2J')
    }
  })

  test.each([
    ['ESC', `a${ESC}[31mb`, 'a\\x1b[31mb'],
    ['newline, CR, tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['DEL and C1', 'a\u007fb\u009bc', 'a\\x7fb\\x9bc'],
    ['line separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['plain text and non-ASCII untouched', 'héllo ✓ <&>', 'héllo ✓ <&>']
  ])('escapeControl: %s', (_name, input, expected) => {
    expect(escapeControl(input)).toBe(expected)
  })

  test('xmlSafe also escapes what XML 1.0 cannot hold, and keeps surrogate pairs', () => {
    expect(xmlSafe('a\ud800b\udc00c\ufffe')).toBe('a\\ud800b\\udc00c\\ufffe')
    expect(xmlSafe('emoji 😀')).toBe('emoji 😀')
  })
})

describe('findings without a line (image checks)', () => {
  test('point at their stage FROM, else line 1, in every format that needs a line', async () => {
    const hostile = JSON.parse(await render([hostileReport()], 'gitlab_codeclimate')) as {
      check_name: string
      location: { lines: { begin: number } }
    }[]
    // SG2004 belongs to stage 1 (FROM build on line 4).
    expect(hostile.find(issue => issue.check_name === 'SG2004')?.location.lines.begin).toBe(4)
    const image = await render([imageOnlyReport()], 'gnu')
    expect(image).toContain('registry:127.0.0.1:5000/app:1:1:1: error: SG2002 The image runs as root.')
    expect(image).toContain('note: SG2005 A setuid file. (/usr/bin/passwd)')
  })
})

describe('tty', () => {
  test('colour only when asked: severity in colour, the rest as text', async () => {
    const plain = await formatReports([lintReport('Dockerfile')], 'tty', CONTEXT)
    const color = await formatReports([lintReport('Dockerfile')], 'tty', { ...CONTEXT, color: true })
    expect(plain).not.toContain(ESC)
    expect(color).toContain(ANSI_PAINT.severity('warning', 'DL3008 warning:'))
    // eslint-disable-next-line no-control-regex -- removing the colour codes
    expect(color.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain)
    expect(await formatReports([lintReport('Dockerfile')], 'text', CONTEXT)).toBe(plain)
  })

  test.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['a terminal with NO_COLOR=1', true, { NO_COLOR: '1' }, false],
    ['a terminal with NO_COLOR empty (unset by the convention)', true, { NO_COLOR: '' }, true],
    ['a dumb terminal', true, { TERM: 'dumb' }, false]
  ])('%s', (_name, isTTY, env, expected) => {
    expect(wantsColor({ isTTY }, env)).toBe(expected)
  })
})

test('json and sarif keep their contracts', async () => {
  const one = JSON.parse(await render([lintReport('Dockerfile')], 'json')) as Report
  expect(one.version).toBe(1)
  const two = JSON.parse(await render([lintReport('a'), lintReport('b')], 'json')) as Report[]
  expect(two).toHaveLength(2)
  const sarif = JSON.parse(await render([hostileReport()], 'sarif')) as {
    version: string
    runs: { results: unknown[] }[]
  }
  expect(sarif.version).toBe('2.1.0')
  expect(sarif.runs[0]?.results).toHaveLength(2)
})

test('the same reports give the same bytes in every format (no timestamps)', async () => {
  for (const format of FORMATS) {
    expect(await render([lintReport('Dockerfile')], format)).toBe(
      await render([lintReport('Dockerfile')], format)
    )
  }
})
