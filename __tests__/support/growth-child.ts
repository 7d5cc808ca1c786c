// The process measureGrowth (growth.ts) starts: builds the two inputs of one
// job of growth-jobs.ts (untimed), measures their growth, prints it as JSON.
import { jobs, removeScratch } from './growth-jobs.js'
import { leastGrowth, type GrowthOptions } from './growth.js'

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as GrowthOptions & {
    name: string
    small: number
    large: number
  }
  const job = jobs[request.name]
  if (!job) throw new Error(`growth-jobs.ts has no job ${request.name}`)
  try {
    const small = await job(request.small)
    const large = await job(request.large)
    process.stdout.write(JSON.stringify(await leastGrowth(small, large, request)))
  } finally {
    removeScratch()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
