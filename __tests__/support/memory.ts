// Peak memory as a test: the most resident memory a job of growth-jobs.ts
// makes a process hold, measured in a fresh Node process as growth.ts
// measures time (the same child bundle; no Jest heap or coverage counters
// to count), so a hostile input's memory bound can be asserted, not just
// measured by hand.
import { runJobChild } from './growth.js'

/** 10^6 bytes: issue 14's bound is "300 MB RSS". */
export const MB = 1_000_000

/**
 * The peak RSS, in bytes, of a fresh Node process that builds the input of
 * the job `name` at `size` and runs it once: Node's own baseline (about 45 MB)
 * and the input included, as a CLI process given that input would hold it.
 */
export async function measurePeakRss(name: string, size: number): Promise<number> {
  const { peakRssBytes } = await runJobChild<{ peakRssBytes: number }>({ measure: 'peakRss', name, size })
  return peakRssBytes
}
