import { DIVE_DEFAULTS } from '../../src/checks/dive-ci.js'
import {
  DEFAULT_THRESHOLDS,
  SG2009,
  SG2016,
  effectiveThresholds,
  userWastedPercent,
  wastedPaths
} from '../../src/checks/rules/size.js'
import { reportImage } from '../../src/report/image.js'
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
    expect(findings[0]?.evidence).toBe('largest: /big (31.5 MB: 31.5 MB in layer 1); user wasted 100.0%')
  })

  it('uses configured thresholds', () => {
    const index = new ImageBuilder()
      .layer('COPY a /a # buildkit', { '/a': sized(1000) })
      .layer('COPY a /a # buildkit', { '/a': sized(1000) })
      .with({ efficiency: 0.99 })
      .build()
    // Under Stagegate's thresholds; dive's default highestUserWastedPercent (0.1) fails it: a note.
    expect(where(runOne(SG2009, index))).toEqual([
      { ruleId: 'SG2009', severity: 'note', layer: 0, path: '/a' }
    ])
    const findings = runOne(SG2009, index, { config: { thresholds: { wastedBytes: 500 } } })
    expect(where(findings)).toEqual([{ ruleId: 'SG2009', severity: 'warning', layer: 0, path: '/a' }])
    const byEfficiency = runOne(
      SG2009,
      { ...index, efficiency: 0.5, wastedBytes: 2_000_000 },
      { config: { thresholds: { efficiency: 0.9, wastedBytes: 50_000_000 } } }
    )
    expect(byEfficiency[0]?.message).toContain('efficiency 50.0% (minimum 90.0%)')
  })

  it("an image dive's default rules fail (efficiency 0.79) with under 1 MB wasted is a note, not a silent pass", () => {
    const tiny = new ImageBuilder()
      .layer('A', { '/k': sized(83), '/app': sized(317) })
      .layer('B', { '/k': WHITEOUT })
      .with({ efficiency: 0.79, wastedBytes: 83 })
      .build()
    const findings = runOne(SG2009, tiny)
    expect(where(findings)).toEqual([{ ruleId: 'SG2009', severity: 'note', layer: 0, path: '/k' }])
    expect(findings[0]?.message).toContain(
      "dive's default CI rules fail (lowestEfficiency: efficiency 0.7900 < 0.9"
    )
  })

  it.each<[string, Record<string, number | 'disabled'>, number, number, string[]]>([
    ['lowestEfficiency below', { lowestEfficiency: 0.95 }, 0.9, 10, ['lowestEfficiency']],
    ['lowestEfficiency met', { lowestEfficiency: 0.9 }, 0.9, 10, []],
    ['highestWastedBytes over', { highestWastedBytes: 5 }, 1, 10, ['highestWastedBytes']],
    ['highestWastedBytes equal passes', { highestWastedBytes: 10 }, 1, 10, []],
    [
      'everything disabled',
      { lowestEfficiency: 'disabled', highestUserWastedPercent: 'disabled' },
      0.1,
      10,
      []
    ]
  ])(
    'a .dive-ci applies as dive does, with no small-waste floor: %s',
    (_name, rules, efficiency, wasted, failing) => {
      const index = new ImageBuilder()
        .layer('A', { '/base': sized(1000) })
        .layer('B', { '/x': sized(100_000) })
        .with({ efficiency, wastedBytes: wasted })
        .build()
      const dive = {
        source: '.dive-ci',
        rules: { ...DIVE_DEFAULTS, highestUserWastedPercent: 'disabled' as const, ...rules }
      }
      const findings = runOne(SG2009, index, { config: { dive } })
      const named = failing.map(rule => `.dive-ci ${rule}`)
      expect(findings.map(finding => finding.severity)).toEqual(named.length === 0 ? [] : ['warning'])
      for (const rule of named) expect(findings[0]?.message).toContain(rule)
    }
  )

  it("computes dive's user wasted percent over the bytes above the base layer", () => {
    const index = new ImageBuilder()
      .layer('A', { '/base': sized(900) })
      .layer('B', { '/x': sized(50) })
      .layer('C', { '/x': sized(50) })
      .with({ wastedBytes: 100 })
      .build()
    expect(userWastedPercent(index)).toBeCloseTo(1)
    expect(userWastedPercent({ ...index, wastedBytes: 10 })).toBeCloseTo(0.1)
    // The report carries the same figure to the summary.
    expect(reportImage({ ...index, wastedBytes: 10 }, []).userWastedPercent).toBeCloseTo(0.1)
  })

  it('names every copy of a wasted path, the final one too, so they add up to what it says is wasted', () => {
    const index = new ImageBuilder()
      .layer('COPY data /data # buildkit', { '/data': sized(21_000_000) })
      .layer('COPY data /data # buildkit', { '/data': sized(21_000_000) })
      .build()
    const findings = runOne(SG2009, { ...index, wastedBytes: 42_000_000 })
    expect(findings[0]?.message).toContain('42.0 MB wasted')
    expect(findings[0]?.evidence).toContain('/data (42.0 MB: 21.0 MB in layer 0, 21.0 MB in layer 1 (final))')
  })

  it('ranks wasted paths by bytes', () => {
    const index = new ImageBuilder()
      .layer('A', { '/x': sized(10), '/y': sized(300) })
      .layer('B', { '/x': sized(20), '/y': WHITEOUT })
      .layer('C', { '/x': sized(30) })
      .build()
    expect(wastedPaths(index).map(({ path, bytes, layer }) => ({ path, bytes, layer }))).toEqual([
      { path: '/y', bytes: 300, layer: 0 },
      { path: '/x', bytes: 60, layer: 2 }
    ])
    expect(wastedPaths(index)[1]?.copies).toEqual([
      { layer: 0, bytes: 10, live: false },
      { layer: 1, bytes: 20, live: false },
      { layer: 2, bytes: 30, live: true }
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
