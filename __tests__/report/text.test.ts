import type { Finding } from '../../src/finding.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatCounts, formatFindingLine, formatText, imageLine } from '../../src/report/text.js'
import { sampleFindings, sampleModel } from './fixtures.js'

describe('formatFindingLine', () => {
  const cases: [string, Finding, string][] = [
    [
      'line and named stage',
      {
        ruleId: 'DL3008',
        severity: 'warning',
        message: 'Pin versions.',
        line: 12,
        stage: { index: 0, name: 'builder', final: false }
      },
      'Dockerfile:12 DL3008 warning: Pin versions. [stage builder]'
    ],
    [
      'unnamed stage uses its index',
      {
        ruleId: 'DL3002',
        severity: 'error',
        message: 'Do not run as root.',
        line: 3,
        stage: { index: 2, final: true }
      },
      'Dockerfile:3 DL3002 error: Do not run as root. [stage 2]'
    ],
    [
      'no line, no stage',
      { ruleId: 'SG2010', severity: 'note', message: 'Image is large.' },
      'Dockerfile SG2010 note: Image is large.'
    ],
    [
      'image path and own file; multi-line message folded',
      {
        ruleId: 'SG2001',
        severity: 'error',
        message: 'Remove the key.\n  It is secret.',
        file: 'app/Dockerfile',
        line: 6,
        path: '/app/id_rsa'
      },
      'app/Dockerfile:6 SG2001 error: Remove the key. It is secret. (/app/id_rsa)'
    ]
  ]
  test.each(cases)('%s', (_name, finding, expected) => {
    expect(formatFindingLine(finding, 'Dockerfile')).toBe(expected)
  })
})

describe('formatText', () => {
  test('one report: a line per finding, most severe first, then the summary', () => {
    const report = buildReport({
      dockerfile: 'Dockerfile',
      model: sampleModel(),
      findings: sampleFindings(),
      toolVersion: '1'
    })
    expect(formatText(report).split('\n')).toEqual([
      'Dockerfile:6 SG2001 error: Remove the private key from the image. (/app/id_rsa) [stage runtime]',
      'Dockerfile:2 DL3008 warning: Pin versions in apt-get install. [stage build]',
      'Dockerfile:8 DL3002 warning: Switch to a non-root user before the image ends. [stage runtime]',
      'Dockerfile:6 SG1001 note: Consider --link on COPY --from. [stage runtime]',
      'Dockerfile: 4 findings (1 error, 2 warnings, 1 note)',
      ''
    ])
  })

  test('several reports: notices, build failure, and a total', () => {
    const a = buildReport({
      dockerfile: 'a/Dockerfile',
      findings: [],
      toolVersion: '1',
      notices: ['shellcheck not found']
    })
    const b = buildReport({
      dockerfile: 'b/Dockerfile',
      findings: [{ ruleId: 'DL3008', severity: 'warning', message: 'Pin.', line: 1 }],
      toolVersion: '1',
      build: { ok: false, error: 'process "/bin/sh -c make"\ndid not complete' }
    })
    expect(formatText([a, b])).toBe(
      [
        'a/Dockerfile: notice: shellcheck not found',
        'b/Dockerfile:1 DL3008 warning: Pin.',
        'b/Dockerfile: build failed: process "/bin/sh -c make" did not complete',
        '2 Dockerfiles: 1 finding (0 errors, 1 warning, 0 notes)',
        ''
      ].join('\n')
    )
  })

  test.each([
    [{ error: 0, warning: 0, note: 0 }, '0 errors, 0 warnings, 0 notes'],
    [{ error: 1, warning: 1, note: 1 }, '1 error, 1 warning, 1 note'],
    [{ error: 2, warning: 10, note: 3 }, '2 errors, 10 warnings, 3 notes']
  ])('formatCounts(%j)', (counts, expected) => {
    expect(formatCounts(counts)).toBe(expected)
  })
})

describe('imageLine', () => {
  const image = {
    ref: 'app:1',
    sizeBytes: 2_500_000,
    efficiency: 0.9512,
    wastedBytes: 120_000,
    layers: [
      { index: 0, digest: 'sha256:a', sizeBytes: 2_000_000, createdBy: 'COPY a /' },
      { index: 1, digest: 'sha256:b', sizeBytes: 500_000, createdBy: 'RUN x' }
    ],
    attestations: { sbom: true, provenance: false }
  }
  test('size, layers, efficiency, waste and attestations in one line', () => {
    expect(imageLine(image)).toBe(
      'image app:1: 2.5 MB in 2 layers, 95.1 % efficient, 120.0 kB wasted, SBOM yes, provenance no'
    )
  })
  test('formatText prints it before the summary line', () => {
    const text = formatText(buildReport({ dockerfile: 'Dockerfile', findings: [], image, toolVersion: '1' }))
    expect(text.split('\n')).toEqual([
      'Dockerfile: image app:1: 2.5 MB in 2 layers, 95.1 % efficient, 120.0 kB wasted, SBOM yes, provenance no',
      'Dockerfile: 0 findings (0 errors, 0 warnings, 0 notes)',
      ''
    ])
  })
})
