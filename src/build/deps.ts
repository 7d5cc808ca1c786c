// The real BuildDeps for the action and the CLI: the docker CLI runner, the
// runner's temp dir, the Actions cache service. The caller passes its own
// log/notice/mask (the action: core.info inside core.group, core.notice,
// core.setSecret; the CLI: stderr and no masking).
import * as os from 'node:os'
import { createDockerRunner } from './buildx.js'
import { actionsCacheService } from './cache-local.js'
import type { BuildDeps } from './run.js'

export function createBuildDeps(
  io: Pick<BuildDeps, 'log' | 'notice' | 'mask'>,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd()
): BuildDeps {
  return {
    ...io,
    runner: createDockerRunner(),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    cwd,
    env,
    cache: actionsCacheService()
  }
}
