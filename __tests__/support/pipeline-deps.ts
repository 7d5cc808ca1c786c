// Pipeline I/O for in-process tests: the real adapters (defaultPipelineDeps)
// with a recording log, so a test sees every line, notice and group, and
// swaps only what it must (a build that cannot run here, an image source).
import { tmpdir } from 'node:os'
import type { BuildResult } from '../../src/build/run.js'
import type { PipelineDeps } from '../../src/pipeline.js'
import { defaultPipelineDeps } from '../../src/pipeline-deps.js'

export interface PipelineLog {
  info: string[]
  notices: string[]
  warnings: string[]
  groups: string[]
  masked: string[]
}

export function recordingPipelineDeps(
  cwd: string,
  overrides: Partial<PipelineDeps> = {}
): { deps: PipelineDeps; log: PipelineLog } {
  const log: PipelineLog = { info: [], notices: [], warnings: [], groups: [], masked: [] }
  const deps = {
    ...defaultPipelineDeps({
      cwd,
      env: {},
      tempDir: tmpdir(),
      info: line => void log.info.push(line),
      notice: message => void log.notices.push(message),
      warning: message => void log.warnings.push(message),
      group: async (name, phase) => {
        log.groups.push(name)
        return phase()
      },
      mask: value => void log.masked.push(value)
    }),
    ...overrides
  }
  return { deps, log }
}

/** A build result as runBuild gives it (the docker driver unless told otherwise). */
export function builtResult(overrides: Partial<BuildResult> = {}): BuildResult {
  return {
    ok: true,
    seconds: 1,
    argv: [],
    cachedSteps: 0,
    buildx: { driver: 'docker' } as BuildResult['buildx'],
    ...overrides
  }
}
