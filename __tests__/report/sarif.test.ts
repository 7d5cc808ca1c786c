import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { expect } from '@jest/globals'
import type { Finding } from '../../src/finding.js'
import type { RuleMeta } from '../../src/rule-meta.js'
import { buildReport } from '../../src/report/build-report.js'
import { FINGERPRINT_KEY } from '../../src/report/fingerprint.js'
import { formatSarif, relativeUri, toSarif } from '../../src/report/sarif.js'
import { validateSarif } from '../support/sarif-multitool.js'
import { sampleFindings, sampleImage, sampleModel } from './fixtures.js'

const RULES: RuleMeta[] = [
  {
    id: 'DL3008',
    aliases: [],
    severity: 'warning',
    phase: 'dockerfile',
    summary: 'Pin versions in apt-get install'
  },
  {
    id: 'DL3002',
    aliases: [],
    severity: 'warning',
    phase: 'dockerfile',
    summary: 'Last USER should not be root'
  },
  {
    id: 'SG1001',
    aliases: ['CopyFromLink'],
    severity: 'note',
    phase: 'dockerfile',
    summary: 'Use --link on COPY --from'
  },
  { id: 'SG2001', aliases: [], severity: 'error', phase: 'image', summary: 'Private key in the image' }
]

function sampleReport(findings: Finding[] = sampleFindings(), dockerfile = 'Dockerfile') {
  return buildReport({
    dockerfile,
    model: sampleModel(dockerfile),
    findings,
    image: sampleImage(),
    toolVersion: '0.1.0'
  })
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stagegate-sarif-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('relativeUri', () => {
  test.each([
    ['Dockerfile', 'Dockerfile'],
    ['./docker/Dockerfile', 'docker/Dockerfile'],
    ['dir with space/Dockerfile#1', 'dir%20with%20space/Dockerfile%231'],
    ['a\\b\\Dockerfile', 'a/b/Dockerfile'],
    ['ünï/Dockerfile', '%C3%BCn%C3%AF/Dockerfile']
  ])('%s → %s', (file, uri) => {
    expect(relativeUri(file)).toBe(uri)
  })
})

describe('toSarif', () => {
  test('one run; driver with the rules that fired; results point at lines under %SRCROOT%', () => {
    const log = toSarif(sampleReport(), {
      toolVersion: '0.1.0',
      rules: RULES,
      srcRoot: '/home/runner/work/r/r'
    })
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({
      name: 'stagegate',
      version: '0.1.0',
      informationUri: expect.stringMatching(/^https:\/\//)
    })
    expect(run.tool.driver.rules.map(rule => rule.id)).toEqual(['DL3002', 'DL3008', 'SG1001', 'SG2001'])
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/runner/work/r/r/' } })
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
      expect(['error', 'warning', 'note']).toContain(result.level)
    }
    const key = run.results.find(result => result.ruleId === 'SG2001')!
    expect(key.level).toBe('error')
    expect(key.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        region: { startLine: 6, endLine: 6 }
      },
      logicalLocations: [{ name: 'id_rsa', fullyQualifiedName: '/app/id_rsa', kind: 'resource' }]
    })
    expect(key.properties).toMatchObject({
      imagePath: '/app/id_rsa',
      stage: { index: 1, name: 'runtime', final: true }
    })
    const apt = run.results.find(result => result.ruleId === 'DL3008')!
    expect(apt.locations[0]?.physicalLocation.region).toEqual({ startLine: 2, endLine: 3 })
  })

  test('rule metadata: help text and markdown, helpUri, default level, tags, alias as name', () => {
    const log = toSarif(sampleReport(), { toolVersion: '0.1.0', rules: RULES })
    const link = log.runs[0]!.tool.driver.rules.find(rule => rule.id === 'SG1001')!
    expect(link).toMatchObject({
      name: 'CopyFromLink',
      shortDescription: { text: 'Use --link on COPY --from' },
      helpUri: 'https://github.com/stagegate/stagegate/blob/main/docs/rules/SG1001.md',
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['stagegate', 'dockerfile'], aliases: ['CopyFromLink'] }
    })
    expect(link.help.markdown).toContain(
      '[SG1001](https://github.com/stagegate/stagegate/blob/main/docs/rules/SG1001.md)'
    )
    const image = log.runs[0]!.tool.driver.rules.find(rule => rule.id === 'SG2001')!
    expect(image.properties.tags).toEqual(['stagegate', 'image', 'security'])
  })

  test.each([
    ['one report: a category per Dockerfile', [undefined], undefined, 'stagegate/docker/app.Dockerfile/'],
    ['explicit category', [undefined], 'images/web', 'images/web/'],
    ['several reports: no default category', [undefined, undefined], undefined, undefined]
  ])('automationDetails: %s', (_name, dockerfiles, category, id) => {
    const reports = dockerfiles.map(() => sampleReport(undefined, 'docker/app.Dockerfile'))
    const log = toSarif(reports, { toolVersion: '1', ...(category ? { category } : {}) })
    expect(log.runs[0]!.automationDetails?.id).toBe(id)
  })

  test('image (security) rules carry a security-severity from their level', () => {
    const rules = toSarif(sampleReport(), { toolVersion: '1', rules: RULES }).runs[0]!.tool.driver.rules
    expect(rules.find(rule => rule.id === 'SG2001')?.properties['security-severity']).toBe('8.0')
    expect(rules.find(rule => rule.id === 'DL3008')?.properties['security-severity']).toBeUndefined()
  })

  test('an unknown rule id still gets a rule entry', () => {
    const log = toSarif(sampleReport([{ ruleId: 'XX9', severity: 'warning', message: 'm', line: 1 }]), {
      toolVersion: '0.1.0'
    })
    expect(log.runs[0]!.tool.driver.rules).toEqual([
      expect.objectContaining({ id: 'XX9', defaultConfiguration: { level: 'warning' } })
    ])
  })

  test('a finding without a line points at the final stage FROM line', () => {
    const log = toSarif(sampleReport([{ ruleId: 'SG2010', severity: 'warning', message: 'Too big.' }]), {
      toolVersion: '1'
    })
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 5,
      endLine: 5
    })
  })

  test('partialFingerprints survive a line shift and differ per finding', () => {
    const before = toSarif(sampleReport(), { toolVersion: '1' }).runs[0]!.results
    const shiftedModel = sampleModel()
    for (const stage of shiftedModel.stages)
      for (const instruction of stage.instructions) {
        instruction.line += 10
        instruction.endLine += 10
      }
    const shiftedFindings = sampleFindings().map(f => ({
      ...f,
      line: f.line! + 10,
      ...(f.endLine ? { endLine: f.endLine + 10 } : {})
    }))
    const shifted = buildReport({
      dockerfile: 'Dockerfile',
      model: shiftedModel,
      findings: shiftedFindings,
      toolVersion: '1'
    })
    const after = toSarif(shifted, { toolVersion: '1' }).runs[0]!.results
    const prints = (results: typeof before) =>
      results.map(r => `${r.ruleId}=${r.partialFingerprints[FINGERPRINT_KEY]}`).sort()
    expect(prints(after)).toEqual(prints(before))
    expect(new Set(before.map(r => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(before.length)
  })

  test('several reports: one run, results name each Dockerfile', () => {
    const withoutFile = sampleFindings().map(({ file: _file, ...rest }) => rest)
    const log = toSarif(
      [sampleReport(withoutFile, 'a/Dockerfile'), sampleReport(withoutFile, 'b/Dockerfile')],
      {
        toolVersion: '1'
      }
    )
    const uris = new Set(log.runs[0]!.results.map(r => r.locations[0]!.physicalLocation.artifactLocation.uri))
    expect(uris).toEqual(new Set(['a/Dockerfile', 'b/Dockerfile']))
  })
})

describe('SARIF validated by Microsoft SARIF multitool', () => {
  test('the multitool does report schema errors (control)', async () => {
    const file = path.join(dir, 'broken.sarif')
    writeFileSync(
      file,
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'error', bogus: 1 }] }]
      })
    )
    const diagnostics = await validateSarif(file)
    expect(diagnostics.filter(d => d.level === 'error').map(d => d.code)).toEqual(
      expect.arrayContaining(['JSON1002', 'JSON1005'])
    )
  }, 60000)

  test.each([
    ['full report', () => [sampleReport()]],
    ['no findings', () => [sampleReport([])]],
    [
      'odd paths and messages',
      () => [
        sampleReport(
          [
            {
              ruleId: 'DL3008',
              severity: 'warning',
              message: 'Quote "x" <b>&amp; | #',
              line: 2,
              file: 'dir with space/Dockerfile'
            },
            { ruleId: 'SG2003', severity: 'note', message: 'No line here.', path: '/weird path/ü' }
          ],
          'dir with space/Dockerfile'
        )
      ]
    ]
  ])(
    '%s: zero errors and zero warnings',
    async (name, reports) => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.sarif`)
      writeFileSync(
        file,
        formatSarif(
          toSarif(reports(), { toolVersion: '0.1.0', rules: RULES, srcRoot: '/home/runner/work/r/r' })
        )
      )
      const diagnostics = await validateSarif(file)
      expect(diagnostics.filter(d => d.level !== 'note')).toEqual([])
    },
    60000
  )
})
