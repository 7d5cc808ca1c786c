// The peak-RSS measure the memory bounds rely on (measurePeakRss: a fresh
// process running a job of growth-jobs.ts once) sees what a job holds.
import { MB, measurePeakRss } from './support/memory.js'

test('a job holding 400 MB reads over 400 MB; one holding 10 MB stays near Node’s own baseline', async () => {
  const large = await measurePeakRss('allocate', 400)
  expect(large).toBeGreaterThan(400 * MB)
  expect(large).toBeLessThan(600 * MB)
  expect(await measurePeakRss('allocate', 10)).toBeLessThan(150 * MB)
}, 120_000)

test('an unknown job is an error, not a figure', async () => {
  await expect(measurePeakRss('noSuchJob', 1)).rejects.toThrow(/growth-jobs.ts has no job noSuchJob/)
}, 120_000)
