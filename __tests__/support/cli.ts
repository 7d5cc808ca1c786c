// Drives the CLI in process, as a user's shell would run it: argv in, the
// exit status main() returns, stdout and stderr captured, the environment and
// working directory given. The pipeline's I/O is real unless a test swaps a
// piece (`pipeline`).
import { main } from '../../src/cli/main.js'
import type { PipelineDeps } from '../../src/pipeline.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  tempDir?: string
  pipeline?: Partial<PipelineDeps>
}

export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    env: options.env ?? { ...process.env, STAGEGATE_DEBUG: '' },
    cwd: options.cwd ?? process.cwd(),
    ...(options.tempDir ? { tempDir: options.tempDir } : {}),
    ...(options.pipeline ? { pipeline: options.pipeline } : {})
  })
  return { code, stdout, stderr }
}
