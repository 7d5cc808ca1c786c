// Issue 14: no hostile input may take a process over 300 MB RSS. Each case is
// a job of growth-jobs.ts run once in a fresh Node process (memory.ts), its
// peak RSS read from the kernel (VmHWM): Node itself and building the input count
// too, so the figure bounds what a CLI process given that input would hold.
// Before the fixes these cases took 476 MB to 1.6 GB; on the 2-core test
// machine they peak at 70-165 MB each (December 2026).
import { MB, measurePeakRss } from '../support/memory.js'

const BOUND = 300 * MB

it.each([
  ['a SARIF log of 200k setuid findings (was 1.35 GB)', 'sarifManyFindings', 200_000],
  ['a 10 MB Dockerfile line, refused (was 1.4 GB)', 'refuseLongInstruction', 10],
  ['a .dockerignore of 1M patterns, refused at lint (was 1.6 GB)', 'refuseBigDockerignore', 1_000_000],
  [
    '400 ELF binaries repeating DT_NEEDED/DT_RUNPATH 1,500 times (was 476 MB for one)',
    'repeatedElfEntries',
    400
  ],
  ['an image of 30k setuid files, read, checked and written as SARIF', 'setuidImageToSarif', 30_000],
  [
    'a layer of 1M files, read and checked as `stagegate check` does (was 500 MB)',
    'checkManyFiles',
    1_000_000
  ],
  ['2,000-deep directories under ten whiteout layers', 'readDeepWhiteouts', 2000],
  ['one 48 MiB layer listed 200 times', 'readRepeatedLayer', 200]
])(
  '%s stays under 300 MB RSS',
  async (_name, job, size) => {
    const peak = await measurePeakRss(job, size)
    process.stdout.write(`${job}: peak RSS ${(peak / MB).toFixed(0)} MB\n`)
    expect(peak).toBeLessThan(BOUND)
  },
  120_000
)
