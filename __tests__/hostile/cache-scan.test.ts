// 40k `/home/*/.npm` directories: the cache check groups files in one pass,
// so doubling the directories at most ~2.5x the time (it was quadratic).
import { SG2007 } from '../../src/checks/rules/runtime-tools.js'
import type { ImageFile, ImageIndex } from '../../src/image/types.js'

function indexWithHomes(n: number): ImageIndex {
  const files = new Map<string, ImageFile>()
  for (let i = 0; i < n; i++) {
    const path = `/home/u${i}/.npm/_cacache/x`
    files.set(path, { path, type: 'file', size: 10, mode: 0o644, uid: 0, gid: 0, layer: 0 })
  }
  return {
    ref: 'x',
    config: {},
    history: [],
    layers: [],
    files,
    shadowed: [],
    contents: new Map(),
    sizeBytes: 0,
    wastedBytes: 0,
    efficiency: 1,
    warnings: []
  }
}

function best(run: () => unknown): number {
  let fastest = Infinity
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint()
    run()
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start))
  }
  return fastest
}

it('scans home caches in time linear in the number of homes', () => {
  const context = (index: ImageIndex) => ({
    index,
    attribution: [],
    historyAttribution: [],
    config: {} as never
  })
  const small = indexWithHomes(20_000)
  const large = indexWithHomes(40_000)
  expect(SG2007.run(context(small)).filter(h => h.path?.startsWith('/home/'))).toHaveLength(20_000)
  const ratio = best(() => SG2007.run(context(large))) / best(() => SG2007.run(context(small)))
  expect(ratio).toBeLessThan(2.5)
}, 120_000)
