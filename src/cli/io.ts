// What the CLI reads from and writes to, passed in so tests drive the CLI in
// process: argv goes to main(), text to stdout/stderr writers, and the
// pipeline's I/O (files, docker, registries) comes from `pipeline`.
import { tmpdir } from 'node:os'
import type { PipelineDeps, PipelineIO } from '../pipeline.js'
import { defaultPipelineDeps } from '../pipeline-deps.js'

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Relative paths (Dockerfiles, config, report files, the context) resolve against it. */
  cwd: string
  /** Where image spools and build secrets go; default os.tmpdir(). */
  tempDir?: string
  /** Swaps pieces of the pipeline's I/O (tests); default defaultPipelineDeps(). */
  pipeline?: Partial<PipelineDeps>
}

/** The process's own streams, environment and working directory. */
export function processCliIO(): CliIO {
  return {
    stdout: text => void process.stdout.write(text),
    stderr: text => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd()
  }
}

/** The pipeline's I/O for one CLI run: logs go to stderr, so stdout holds only the report. */
/** `mask` registers a secret the build met, so the caller's redactor learns it (default: nothing to learn). */
export function cliPipelineDeps(io: CliIO, mask: (value: string) => void = () => undefined): PipelineDeps {
  const log = (line: string): void => io.stderr(`${line}\n`)
  const base: PipelineIO = {
    cwd: io.cwd,
    env: io.env,
    tempDir: io.tempDir ?? tmpdir(),
    info: log,
    notice: message => log(`notice: ${message}`),
    warning: message => log(`warning: ${message}`),
    group: async (name, phase) => {
      log(`── ${name}`)
      return phase()
    },
    mask
  }
  return { ...defaultPipelineDeps(base), ...io.pipeline }
}
