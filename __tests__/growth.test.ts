// The growth measure the scale tests rely on (measureGrowth: a fresh process
// timing a job of growth-jobs.ts) tells linear from quadratic work.
import { measureGrowth } from './support/growth.js'

test('linear work doubles in about 2x and passes the 2.5x bound; quadratic (about 4x) fails it', async () => {
  // Sizes whose runs take tens of milliseconds: at 2000 → 4000 the quadratic pair took a few, and
  // one idle-machine run in about ten read 2.38 (CPU accounting and scheduling noise at that scale).
  const linear = await measureGrowth('linearWork', 6000, 12000, { bound: 2.5 })
  expect(linear.ratio).toBeLessThan(2.5)
  expect(linear.small).toBeGreaterThan(0)
  // The least ratio of five rounds: on a loaded machine it has read as low as 3.0, never near 2.5.
  const quadratic = await measureGrowth('quadraticWork', 6000, 12000, { bound: 2.5 })
  expect(quadratic.ratio).toBeGreaterThan(2.5)
  expect(quadratic.ratio).toBeLessThan(6)
})

test('an unknown job is an error, not a ratio', async () => {
  await expect(measureGrowth('noSuchJob', 1, 2, { bound: 2 })).rejects.toThrow(
    /growth-jobs.ts has no job noSuchJob/
  )
})
