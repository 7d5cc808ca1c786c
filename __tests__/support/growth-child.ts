// The process growth.ts's runJobChild starts: builds the input of one job of
// growth-jobs.ts (untimed) and prints what was asked as JSON: the time growth
// from a small to a large input (measureGrowth), or the peak RSS of this
// whole process after one run of the job (memory.ts's measurePeakRss).
import { jobs, removeScratch } from './growth-jobs.js'
import { leastGrowth, type GrowthOptions, type JobRequest } from './growth.js'

type Request = JobRequest & GrowthOptions & { small: number; large: number; size: number }

async function measure(request: Request): Promise<unknown> {
  const job = jobs[request.name]
  if (!job) throw new Error(`growth-jobs.ts has no job ${request.name}`)
  if (request.measure === 'peakRss') {
    await (
      await job(request.size)
    )()
    // maxRSS is in KiB: the most this process ever held resident, input and Node itself included.
    return { peakRssBytes: process.resourceUsage().maxRSS * 1024 }
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
