// The process growth.ts's runJobChild starts: builds the input of one job of
// growth-jobs.ts (untimed) and prints what was asked as JSON: the time growth
// from a small to a large input (measureGrowth), or the peak RSS of this
// whole process after one run of the job (memory.ts's measurePeakRss).
import { readFileSync } from 'node:fs'
import { jobs, removeScratch } from './growth-jobs.js'
import { leastGrowth, type GrowthOptions, type JobRequest } from './growth.js'

type Request = JobRequest & GrowthOptions & { small: number; large: number; size: number }

/**
 * The most this process has held resident, in bytes, input and Node itself
 * included. On Linux that is VmHWM, the high-water mark of this program's
 * memory, not getrusage's maxRSS: Linux carries maxRSS over execve from the
 * process that forked this one (started by a 430 MB Jest worker, a job of
 * 10 MB read 430 MB). Elsewhere, maxRSS (KiB).
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1]) * 1024
  } catch {
    // no /proc
  }
  return process.resourceUsage().maxRSS * 1024
}

async function measure(request: Request): Promise<unknown> {
  const job = jobs[request.name]
  if (!job) throw new Error(`growth-jobs.ts has no job ${request.name}`)
  if (request.measure === 'peakRss') {
    const work = await job(request.size)
    await work()
    return { peakRssBytes: peakRss() }
  }
  const small = await job(request.small)
  const large = await job(request.large)
  return leastGrowth(small, large, request)
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as Request
  try {
    process.stdout.write(JSON.stringify(await measure(request)))
  } finally {
    removeScratch()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
