import {
  DEFAULT_THRESHOLDS,
  SG2009,
  SG2016,
  effectiveThresholds,
  wastedPaths
} from '../../src/checks/rules/size.js'
import { ImageBuilder, WHITEOUT, sized } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const dockerfile = [
  'FROM stagegate-fixture/busybox:latest',
  'RUN dd if=/dev/zero of=/big bs=1M count=30',
  'RUN rm /big',
  'USER 1000',
  ''
].join('\n')

function wasteful(): ImageBuilder {
  return new ImageBuilder()
    .layer('COPY busybox /bin/busybox # buildkit', { '/bin/busybox': sized(2_000_000, 0o755) })
    .layer('RUN /bin/sh -c dd if=/dev/zero of=/big bs=1M count=30 # buildkit', { '/big': sized(31_457_280) })
    .layer('RUN /bin/sh -c rm /big # buildkit', { '/big': WHITEOUT })
    .empty('USER 1000')
}

describe('SG2009 wasted bytes and efficiency', () => {
  it('catches a big file written then deleted, attributed to the layer and line that wrote it', () => {
    const findings = runOne(SG2009, wasteful().build(), { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2009', severity: 'warning', line: 2, stage: 0, layer: 1, path: '/big' }
    ])
    expect(findings[0]?.message).toContain('31.5 MB wasted (limit 20.0 MB)')
    expect(findings[0]?.evidence).toBe('largest: /big (31.5 MB)')
  })

  it('uses configured thresholds', () => {
    const index = new ImageBuilder()
      .layer('COPY a /a # buildkit', { '/a': sized(1000) })
      .layer('COPY a /a # buildkit', { '/a': sized(1000) })
      .with({ efficiency: 0.99 })
      .build()
    expect(runOne(SG2009, index)).toEqual([])
    const findings = runOne(SG2009, index, { config: { thresholds: { wastedBytes: 500 } } })
    expect(where(findings)).toEqual([{ ruleId: 'SG2009', severity: 'warning', layer: 0, path: '/a' }])
    const byEfficiency = runOne(
      SG2009,
      { ...index, efficiency: 0.5, wastedBytes: 2_000_000 },
      { config: { thresholds: { efficiency: 0.9, wastedBytes: 50_000_000 } } }
    )
    expect(byEfficiency[0]?.message).toContain('efficiency 50.0% (minimum 90.0%)')
  })

  it('ignores low efficiency while less than 1 MB is wasted (tiny images)', () => {
    const tiny = new ImageBuilder()
      .layer('A', { '/k': sized(83) })
      .layer('B', { '/k': WHITEOUT })
      .build()
    expect(tiny.efficiency).toBeLessThan(0.9)
    expect(runOne(SG2009, tiny)).toEqual([])
  })

  it('ranks wasted paths by bytes', () => {
    const index = new ImageBuilder()
      .layer('A', { '/x': sized(10), '/y': sized(300) })
      .layer('B', { '/x': sized(20), '/y': WHITEOUT })
      .layer('C', { '/x': sized(30) })
      .build()
    expect(wastedPaths(index)).toEqual([
      { path: '/y', bytes: 300, layer: 0 },
      { path: '/x', bytes: 30, layer: 1 }
    ])
  })
})

describe('SG2016 size and layer count', () => {
  it('catches an image over the size limit at its largest layer, and too many layers at the final FROM', () => {
    const findings = runOne(SG2016, wasteful().build(), {
      dockerfile,
      config: { thresholds: { imageSize: 10_000_000, layerCount: 2 } }
    })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2016', severity: 'warning', line: 1, stage: 0 },
      { ruleId: 'SG2016', severity: 'warning', line: 2, stage: 0, layer: 1 }
    ])
    expect(findings.map(finding => finding.message.slice(0, 30))).toEqual([
      'The image has 3 layers, over t',
      'The image is 33.5 MB, over the'
    ])
  })

  it('is not raised under the default thresholds', () => {
    expect(runOne(SG2016, wasteful().build())).toEqual([])
    expect(effectiveThresholds({})).toEqual(DEFAULT_THRESHOLDS)
    expect(effectiveThresholds({ imageSize: 5 }).imageSize).toBe(5)
  })
})
