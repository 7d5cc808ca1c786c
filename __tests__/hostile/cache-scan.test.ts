// 40k-80k `/home/*/.npm` directories: the cache check groups files in one pass,
// so doubling the directories at most ~2.5x the time (it was quadratic).
import { SG2007 } from '../../src/checks/rules/runtime-tools.js'
import { checkContext, indexWithHomes } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

it('finds the cache of every home', () => {
  const hits = SG2007.run(checkContext(indexWithHomes(20_000)))
  expect(hits.filter(h => h.path?.startsWith('/home/'))).toHaveLength(20_000)
})

it('scans home caches in time linear in the number of homes', async () => {
  const growth = await measureGrowth('cacheScan', 40_000, 80_000, { bound: 2.5 })
  expect(growth.ratio).toBeLessThan(2.5)
}, 300_000)
