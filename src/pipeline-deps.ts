// The real I/O behind the pipeline: the adapter both entries (the action and
// the CLI) use, and the one place that binds the file system, the docker CLI
// and the image readers to `PipelineDeps`. Tests take it and swap pieces.
import type { BuildxRunner } from './build/buildx.js'
import { loadConfig } from './config-load.js'
import { lintFile, lintFiles, readDockerfile } from './lint/lint-file.js'
import type { PipelineDeps, PipelineIO } from './pipeline.js'

export function defaultPipelineDeps(io: PipelineIO): PipelineDeps {
  return {
    ...io,
    loadConfig,
    readDockerfile,
    lintFile,
    lintFiles,
    // The build and image phases load on first use, so a lint-only run does not pay for them.
    runBuild: async (inputs, deps) => (await import('./build/run.js')).runBuild(inputs, deps),
    runner: lazyDockerRunner,
    readImage: async (source, options) => (await import('./image/read.js')).readImage(source, options),
    // Signing and the base images' supply chain (Sigstore, the registry clients) load only after a build.
    afterBuild: async (inputs, result, io) =>
      (await import('./sign/after-build.js')).afterBuild(inputs, result, io)
  }
}

/** The docker CLI runner, loaded (with @actions/exec and semver) when a command first runs docker. */
const lazyDockerRunner: BuildxRunner = {
  exec: async (args, options) => (await import('./build/buildx.js')).createDockerRunner().exec(args, options)
}
