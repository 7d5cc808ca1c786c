import { buildReport, isPinned } from '../../src/report/build-report.js'
import { formatJson } from '../../src/report/json.js'
import { BUILD_STAGE, PINNED_DIGEST, sampleFindings, sampleImage, sampleModel } from './fixtures.js'

describe('isPinned', () => {
  test.each([
    [{ base: `alpine@${PINNED_DIGEST}` }, true],
    [{ base: `ghcr.io/o/r:1.2@${PINNED_DIGEST}` }, true],
    [{ base: 'alpine:3.20' }, false],
    [{ base: 'alpine@sha256:short' }, false],
    [{ base: 'scratch' }, undefined],
    [{ base: 'build', baseStage: 0 }, undefined]
  ])('%j → %s', (stage, expected) => {
    expect(isPinned(stage)).toBe(expected)
  })
})

describe('buildReport', () => {
  const base = { dockerfile: 'Dockerfile', toolVersion: '1.2.3' }

  test('lint only: stages from the model, image null, counts, edges without sizes', () => {
    const report = buildReport({ ...base, model: sampleModel(), findings: sampleFindings() })
    expect(report.version).toBe(1)
    expect(report.tool).toEqual({ name: 'stagegate', version: '1.2.3' })
    expect(report.image).toBeNull()
    expect(report.stages).toEqual([
      {
        index: 0,
        name: 'build',
        base: 'stagegate-fixture/builder:latest',
        line: 1,
        final: false,
        pinned: false
      },
      {
        index: 1,
        name: 'runtime',
        base: `stagegate-fixture/busybox@${PINNED_DIGEST}`,
        line: 5,
        final: true,
        pinned: true
      }
    ])
    expect(report.edges?.map(edge => edge.sizeBytes)).toEqual([undefined, undefined])
    expect(report.counts).toEqual({ error: 1, warning: 2, note: 1 })
    expect(report.notices).toBeUndefined()
    expect(report.build).toBeUndefined()
  })

  test('findings are sorted most severe first and carry unique fingerprints', () => {
    const report = buildReport({ ...base, model: sampleModel(), findings: sampleFindings() })
    expect(report.findings.map(f => `${f.severity}:${f.ruleId}`)).toEqual([
      'error:SG2001',
      'warning:DL3008',
      'warning:DL3002',
      'note:SG1001'
    ])
    const prints = report.findings.map(f => f.fingerprint)
    expect(new Set(prints).size).toBe(4)
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{32}$/)
  })

  test('image phase: stage bytes credit COPY --from layers to the source stage; edges get layer sizes', () => {
    const report = buildReport({ ...base, model: sampleModel(), findings: [], image: sampleImage() })
    // busybox base (4 MB) + certs copied from an external image (0.4 MB) stay with runtime; /out/app (2 MB) is build's.
    expect(report.stages.map(stage => stage.sizeBytes)).toEqual([2_000_000, 4_400_000])
    expect(report.edges?.map(edge => edge.sizeBytes)).toEqual([2_000_000, 400_000])
  })

  test('a COPY --from layer attributed to its source stage (as the image checks attribute it) still sizes its edge', () => {
    const image = sampleImage()
    const copied = image.layers.find(layer => layer.line === 6)
    if (copied) copied.stage = 0
    const report = buildReport({ ...base, model: sampleModel(), findings: [], image })
    expect(report.stages.map(stage => stage.sizeBytes)).toEqual([2_000_000, 4_400_000])
    expect(report.edges?.map(edge => edge.sizeBytes)).toEqual([2_000_000, 400_000])
  })

  test('measured edge sizes win over layer sizes', () => {
    const report = buildReport({
      ...base,
      model: sampleModel(),
      findings: [],
      image: sampleImage(),
      edgeSizes: [{ line: 6, from: 0, sizeBytes: 1234 }]
    })
    expect(report.edges?.[0]?.sizeBytes).toBe(1234)
    expect(report.edges?.[1]?.sizeBytes).toBe(400_000)
  })

  test('without a model: no stages, no edges; notices and build kept', () => {
    const report = buildReport({
      ...base,
      findings: [{ ruleId: 'DL3008', severity: 'warning', message: 'm', stage: BUILD_STAGE }],
      notices: ['shellcheck not found'],
      build: { ok: false, error: 'exit 1' }
    })
    expect(report.stages).toEqual([])
    expect(report.edges).toBeUndefined()
    expect(report.notices).toEqual(['shellcheck not found'])
    expect(report.build).toEqual({ ok: false, error: 'exit 1' })
  })

  test('JSON keys follow the contract order, whatever order the findings came in', () => {
    const shuffled = sampleFindings().map(f => Object.fromEntries(Object.entries(f).reverse()) as typeof f)
    const a = formatJson(buildReport({ ...base, model: sampleModel(), findings: sampleFindings() }))
    const b = formatJson(buildReport({ ...base, model: sampleModel(), findings: shuffled.reverse() }))
    expect(a).toBe(b)
    expect(Object.keys(JSON.parse(a) as object)).toEqual([
      'version',
      'tool',
      'dockerfile',
      'stages',
      'edges',
      'image',
      'findings',
      'counts'
    ])
    expect(a.endsWith('}\n')).toBe(true)
    expect(a).toContain('\n  "version": 1,')
  })

  test('fingerprints ignore line shifts but change with the instruction text', () => {
    const finding = sampleFindings()[1]!
    const original = buildReport({ ...base, model: sampleModel(), findings: [finding] })
    const shifted = sampleModel()
    for (const stage of shifted.stages)
      for (const instruction of stage.instructions) {
        instruction.line += 3
        instruction.endLine += 3
      }
    const moved = buildReport({ ...base, model: shifted, findings: [{ ...finding, line: 5, endLine: 6 }] })
    expect(moved.findings[0]?.fingerprint).toBe(original.findings[0]?.fingerprint)

    const edited = sampleModel()
    edited.stages[0]!.instructions[1]!.args = 'apt-get update && apt-get install -y make=4.3-4.1'
    const changed = buildReport({ ...base, model: edited, findings: [finding] })
    expect(changed.findings[0]?.fingerprint).not.toBe(original.findings[0]?.fingerprint)
  })
})
