// Time growth instead of absolute time: how much longer a job takes when its
// input grows (usually doubles), on whatever machine runs the tests.
//
// What makes the figure trustworthy on a loaded 2-core CI machine:
// - time is CPU time of the measuring process (user + system), not wall time,
//   so other processes on the machine do not count;
// - the job runs in a fresh Node process (measureGrowth), bundled from the
//   source for the purpose: no coverage counters, no Jest module registry in
//   the heap whose garbage collection would be charged to the larger input;
// - a full garbage collection before every timed run, so one run does not pay
//   for the garbage of the one before;
// - each size runs several times, interleaved, and the best run counts; and
//   up to `rounds` rounds, keeping the least ratio: noise only ever inflates a
//   ratio, while a job that really grows faster than the bound (quadratic:
//   about 4x per doubling) stays above it in every round.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { TEST_BUNDLE_DIR } from './unit-global-setup.js'

export interface Growth {
  /** Best CPU time of the small input, ms. */
  small: number
  /** Best CPU time of the large input, ms. */
  large: number
  /** large / small. */
  ratio: number
}

export interface GrowthOptions {
  /** Stop at the first round whose ratio is under this. */
  bound: number
  /** Rounds at most (default 5). */
  rounds?: number
  /** Timed runs of each size a round (default 7). */
  runs?: number
}

type Job = () => unknown

/** A full collection before a timed run: V8's gc(), exposed at run time. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** CPU milliseconds the job took, after a full collection. */
async function timed(job: Job): Promise<number> {
  collectGarbage()
  const started = process.cpuUsage()
  await job()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}

/** One round: `small` and `large` alternately, `runs` times each after one warm-up of each; the bests. */
export async function timeGrowth(small: Job, large: Job, runs = 5): Promise<Growth> {
  await small()
  await large()
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let i = 0; i < runs; i++) {
    bestSmall = Math.min(bestSmall, await timed(small))
    bestLarge = Math.min(bestLarge, await timed(large))
  }
  return { small: bestSmall, large: bestLarge, ratio: bestLarge / bestSmall }
}

/** The least growth over up to `rounds` rounds of timeGrowth, stopping early once a round is under `bound`. */
export async function leastGrowth(small: Job, large: Job, options: GrowthOptions): Promise<Growth> {
  let best: Growth | undefined
  for (let round = 0; round < (options.rounds ?? 5); round++) {
    const growth = await timeGrowth(small, large, options.runs ?? 7)
    if (!best || growth.ratio < best.ratio) best = growth
    if (best.ratio < options.bound) break
  }
  return best as Growth
}

const run = promisify(execFile)

/**
 * Where the child's bundle goes: the directory the unit project's global
 * set-up made for the whole Jest run (unit-global-setup.ts), so that all test
 * files and workers share one bundle; else (outside that run) a directory of
 * this module's own, removed at the end.
 */
const sharedBundleDir = process.env[TEST_BUNDLE_DIR]
let ownBundleDir: string | undefined

function removeOwnBundleDir(): void {
  if (ownBundleDir) rmSync(ownBundleDir, { recursive: true, force: true })
  ownBundleDir = undefined
}

// Registered now, at import: Jest refuses hooks added inside a test, and it
// gives a test file its own `process` object, whose 'exit' never fires.
const jestAfterAll = (globalThis as { afterAll?: (hook: () => void) => void }).afterAll
if (!sharedBundleDir) {
  if (jestAfterAll) jestAfterAll(removeOwnBundleDir)
  else process.once('exit', removeOwnBundleDir)
}

/**
 * The bundle of growth-child.ts (the jobs and the source they call), built
 * once and reused by every measurement: bundling takes about a second, and
 * the scale and memory tests measure dozens of times.
 */
let childBundle: Promise<string> | undefined

function bundleChild(): Promise<string> {
  childBundle ??= (async () => {
    const dir = sharedBundleDir ?? (ownBundleDir = mkdtempSync(path.join(tmpdir(), 'stagegate-growth-')))
    const outfile = path.join(dir, 'growth-child.mjs')
    if (existsSync(outfile)) return outfile
    // Imported here, not at the top: the child's bundle includes this module but never bundles.
    const { bundleEntry } = await import('./bundle.js')
    // Built aside, then renamed into place: another worker may be building or running the same file.
    const building = `${outfile}.${process.pid}`
    await bundleEntry(path.join(path.dirname(fileURLToPath(import.meta.url)), 'growth-child.ts'), building)
    renameSync(building, outfile)
    return outfile
  })()
  return childBundle
}

/** What growth-child.ts is asked: a measure, the job of growth-jobs.ts, the measure's parameters. */
export type JobRequest = { measure: 'growth' | 'peakRss'; name: string } & Record<string, unknown>

/**
 * Runs growth-child.ts in a fresh Node process (no coverage counters, no Jest
 * heap) with `request`, and parses what it prints. Its failure (an unknown
 * job, a job that throws) rejects with the child's stderr.
 */
export async function runJobChild<T>(request: JobRequest): Promise<T> {
  const outfile = await bundleChild()
  const { stdout } = await run(process.execPath, [outfile, JSON.stringify(request)], {
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 1024 * 1024,
    timeout: 600_000
  })
  return JSON.parse(stdout) as T
}

/**
 * The growth of the job `name` of growth-jobs.ts from input size `small` to
 * `large`, measured in a fresh Node process that runs a bundle of the job and
 * the source it calls (built with esbuild: never a stale dist/).
 */
export function measureGrowth(
  name: string,
  small: number,
  large: number,
  options: GrowthOptions
): Promise<Growth> {
  return runJobChild<Growth>({ measure: 'growth', name, small, large, ...options })
}
