// Time growth instead of absolute time: how much longer a job takes when its
// input doubles, on whatever machine runs the tests. Time is this process's
// CPU time (user + system), not wall time, so other processes on a shared
// machine do not count; each size runs several times, interleaved, and the
// best run counts (the least disturbed by garbage collection); the ratio of
// the bests is what a test asserts.

export interface Growth {
  /** Best CPU time of the small input, ms. */
  small: number
  /** Best CPU time of the doubled input, ms. */
  large: number
  /** large / small. */
  ratio: number
}

/** Runs `job(small)` and `job(large)` alternately `runs` times each (after one warm-up of each). */
export function timeGrowth<T>(job: (input: T) => unknown, small: T, large: T, runs = 5): Growth {
  job(small)
  job(large)
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let i = 0; i < runs; i++) {
    bestSmall = Math.min(
      bestSmall,
      timed(() => job(small))
    )
    bestLarge = Math.min(
      bestLarge,
      timed(() => job(large))
    )
  }
  return { small: bestSmall, large: bestLarge, ratio: bestLarge / bestSmall }
}

/** CPU milliseconds the job took. */
function timed(job: () => unknown): number {
  const started = process.cpuUsage()
  job()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}

/**
 * The least growth over up to `rounds` rounds of timeGrowth, stopping early once
 * a round is under `bound`. Noise only ever inflates a ratio; a job that really
 * grows faster than the bound (quadratic: about 4x per doubling) stays above it
 * in every round.
 */
export function leastGrowth<T>(
  job: (input: T) => unknown,
  small: T,
  large: T,
  options: { bound: number; rounds?: number; runs?: number }
): Growth {
  let best: Growth | undefined
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const growth = timeGrowth(job, small, large, options.runs ?? 7)
    if (!best || growth.ratio < best.ratio) best = growth
    if (best.ratio < options.bound) break
  }
  return best as Growth
}
