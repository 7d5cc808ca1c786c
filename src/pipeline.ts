// The pipeline both entries run: config → Dockerfile model and lint → build
// (buildx) → image reader and stage-aware checks → one Report. Every piece of
// I/O (files, the docker CLI, registries, the log) reaches it through
// `PipelineDeps`: `defaultPipelineDeps()` (src/pipeline-deps.ts) binds the
// real ones, and the action (core.*), the CLI (stderr) and tests each supply
// their log and may swap any other piece. Nothing here imports an I/O module.
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { BuildxRunner } from './build/buildx.js'
import type { AfterBuildDeps, AfterBuildResult } from './sign/after-build.js'
import type { BuildDeps, BuildResult } from './build/run.js'
import { isRemoteContext } from './build/spec.js'
import { lintTarget, resolveContext } from './build/context.js'
import { isKnownRuleId } from './catalog.js'
import { attributeLayers } from './checks/attribution.js'
import { IMAGE_CAPTURE } from './checks/capture.js'
import { runImageChecksDetailed } from './checks/run.js'
import { STARTUP_SCAN } from './checks/startup/markers.js'
import { predictStartup } from './checks/startup/verdict.js'
import { mergeFindings } from './findings/merge.js'
import { createPolicy } from './policy.js'
import { ALL_RULES } from './catalog.js'
import type { Config } from './config.js'
import type { LoadConfigOptions } from './config-load.js'
import type { DockerfileModel } from './dockerfile/model.js'
import { parseDockerfile } from './dockerfile/parse.js'
import { errorMessage, isUsageError } from './errors.js'
import type { FailOn, Finding } from './finding.js'
import type { ReadOptions } from './image/read.js'
import type { ContainerConfig, ImageIndex } from './image/types.js'
import type { Inputs } from './inputs.js'
import type { LintFileOptions, LintFileResult } from './lint/lint-file.js'
import { buildReport } from './report/build-report.js'
import { reportImage } from './report/image.js'
import type { Report, ReportImage } from './report/report.js'
import { smokeLine } from './report/startup.js'
import { smokeImage } from './smoke/run.js'
import { VERSION } from './version.js'

/** Where the pipeline runs and how it talks to the user (core.* in the action, stderr in the CLI). */
export interface PipelineIO {
  /** Workspace root: config files are found here and paths in findings are relative to it. */
  cwd: string
  env: NodeJS.ProcessEnv
  /** RUNNER_TEMP or the OS temp dir. */
  tempDir: string
  info: (line: string) => void
  notice: (message: string) => void
  warning: (message: string) => void
  /** Runs a phase inside a (collapsed) log group. */
  group: <T>(name: string, phase: () => Promise<T>) => Promise<T>
  /** Registers a secret value with the log masker. */
  mask: (value: string) => void
  /** Called as soon as the build has run, before the image is checked (the action sets its outputs there). */
  onBuild?: (build: BuildResult) => void
}

/** Everything the pipeline reads, writes or runs: the log, and each I/O step as a function. */
export interface PipelineDeps extends PipelineIO {
  /** Reads .stagegate.yml / .hadolint.yaml (src/config-load.ts). */
  loadConfig: (options: LoadConfigOptions) => Promise<Config>
  /** Reads a Dockerfile's text (`display` names it in errors). */
  readDockerfile: (path: string, display: string) => string
  /** Lints a Dockerfile on disk (reads it, .dockerignore, runs shellcheck). */
  lintFile: (path: string, options: LintFileOptions) => Promise<LintFileResult>
  /** Lints several Dockerfiles in one run (one shellcheck batch for all their RUNs). */
  lintFiles: (paths: readonly string[], options: LintFileOptions) => Promise<LintFileResult[]>
  /** Runs the build (secrets files, buildx, metadata) through `runner`. */
  runBuild: (inputs: Inputs, deps: BuildDeps) => Promise<BuildResult>
  /** docker/buildx runner. */
  runner: BuildxRunner
  /** Reads an image from the engine, an archive, a layout or a registry. */
  readImage: (source: string, options: ReadOptions) => Promise<ImageIndex>
  /**
   * What the entries run after the pipeline (src/sign/after-build.ts): base images' supply chain
   * and signing what was pushed. Not called by runPipeline; here so tests swap it as the rest.
   */
  afterBuild: (inputs: Inputs, result: PipelineResult, io: AfterBuildDeps) => Promise<AfterBuildResult>
}

export interface PipelineResult {
  report: Report
  config: Config
  failOn: FailOn
  model?: DockerfileModel
  build?: BuildResult
}

/** The Dockerfile path the build uses, as buildx resolves it (relative to the working directory). */
export function dockerfilePath(inputs: Pick<Inputs, 'context' | 'file'>): string | undefined {
  if (inputs.file !== '') return inputs.file
  if (isRemoteContext(inputs.context)) return undefined
  return join(inputs.context, 'Dockerfile')
}

/**
 * `{ checkDirective }` from a `BUILDKIT_DOCKERFILE_CHECK=…` build arg: BuildKit lints with it in
 * place of the Dockerfile's `# check=` directive, so the lint step does too. The last one wins,
 * as with any repeated build arg.
 */
export function checkDirectiveArg(buildArgs: readonly string[]): { checkDirective?: string } {
  const prefix = 'BUILDKIT_DOCKERFILE_CHECK='
  let value: string | undefined
  for (const arg of buildArgs) if (arg.startsWith(prefix)) value = arg.slice(prefix.length)
  return value === undefined ? {} : { checkDirective: value }
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
    ? rel.split('\\').join('/')
    : resolve(cwd, path)
}

export function resolveFailOn(inputs: Pick<Inputs, 'fail-on'>, config: Config): FailOn {
  return inputs['fail-on'] || config.failOn || 'error'
}

/** Which image to check: the `image` input, else what the build left where a reader can reach it. */
export function imageToCheck(inputs: Inputs, build: BuildResult | undefined): string | undefined {
  if (inputs.image !== '') return inputs.image
  if (!build?.ok || build.filesOnly || inputs.call !== '') return undefined
  const tag = inputs.tags[0]
  if (inputs.push && tag !== undefined && build.digest !== undefined) {
    // What was pushed, exactly: name@digest, read from the local engine when
    // the builder also stored it there, else from the registry.
    return `${tag.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[^:/]+$/, '')}@${build.digest}`
  }
  if (build.buildx.driver === 'docker' || inputs.load) {
    if (tag !== undefined) return tag
    // Untagged: the containerd store names the image by its manifest (index)
    // digest, `containerimage.digest`; the classic store by the config digest (iidfile).
    return build.buildx.containerdStore === true ? (build.digest ?? build.imageid) : build.imageid
  }
  return undefined
}

export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const config = await deps.loadConfig({
    cwd: deps.cwd,
    ...(inputs.config !== '' ? { explicitPath: inputs.config } : {}),
    knownRuleIds: isKnownRuleId
  })
  const failOn = resolveFailOn(inputs, config)
  const findings: Finding[] = []
  const notices: string[] = []
  let silencedLint: Finding[] = []
  // The Dockerfile buildx reads, as a workspace file: for the commit's Git
  // context (no `context`), the checked-out copy when there is one.
  const context = resolveContext(inputs.context, deps.env)
  const target = lintTarget(inputs, context, deps.cwd)
  const path = target.dockerfile
  const dockerfile = path === undefined ? context.context : displayPath(deps.cwd, path)

  let model: DockerfileModel | undefined
  if (path !== undefined) {
    model = await deps.group('Lint', async () => {
      if (!inputs.lint) {
        const text = deps.readDockerfile(resolve(deps.cwd, path), path)
        return parseDockerfile(text, {
          path: dockerfile,
          ...(inputs.target ? { target: inputs.target } : {})
        })
      }
      const linted = await deps.lintFile(path, {
        config,
        cwd: deps.cwd,
        context: target.contextDir ?? inputs.context,
        ...(inputs.target ? { target: inputs.target } : {}),
        ...(inputs.check ? { keepSilenced: true } : {}),
        ...checkDirectiveArg(inputs['build-args'])
      })
      findings.push(...linted.findings)
      silencedLint = linted.silenced ?? []
      notices.push(...linted.notices)
      deps.info(`${linted.findings.length} lint finding(s) in ${dockerfile}`)
      return linted.model
    })
  } else if (inputs.lint && target.skipped) {
    notices.push(target.skipped)
  }
  for (const notice of notices) deps.notice(notice)

  let build: BuildResult | undefined
  if (inputs.build) {
    build = await deps.group('Build', () =>
      deps.runBuild(inputs, {
        runner: deps.runner,
        log: deps.info,
        notice: deps.notice,
        mask: deps.mask,
        tempDir: deps.tempDir,
        cwd: deps.cwd,
        env: deps.env
      })
    )
    deps.onBuild?.(build)
  }

  let image: ReportImage | null = null
  const source = inputs.check ? imageToCheck(inputs, build) : undefined
  if (inputs.check && source === undefined && build?.ok) {
    const why =
      inputs.call !== ''
        ? `call: ${inputs.call} evaluates the build and makes no image`
        : build.filesOnly
          ? 'outputs wrote files (type=local or type=tar), not an image'
          : 'the builder kept the image only in its cache (set load: true or push: true to check it)'
    deps.notice(`The image was not checked: ${why}.`)
    notices.push(`The image was not checked: ${why}.`)
  }
  if (source !== undefined) {
    // What the build really attached (defaults can be dropped on a builder that cannot keep them).
    const attached = build?.attestations
    const expected = attached
      ? {
          ...inputs,
          sbom: attached.sbom ? 'true' : 'false',
          provenance: attached.provenance ? 'true' : 'false'
        }
      : inputs
    const checked = await deps.group('Check the image', () =>
      checkPlatforms(source, expected, model, config, dockerfile, deps)
    )
    for (const notice of checked.notices) deps.notice(notice)
    notices.push(...checked.notices)
    // Say each problem once: image findings that confirm a lint finding become one with it.
    const policy = createPolicy({ config, rules: ALL_RULES, ...(model ? { model } : {}) })
    const merged = mergeFindings({
      lint: findings.splice(0),
      image: checked.findings,
      silencedImage: checked.silenced,
      silencedLint,
      silences: finding => policy.silences(finding)
    })
    findings.push(...merged)
    image = checked.image
    if (inputs.smoke && image.startup) {
      const config = checked.config ?? {}
      image.startup.smoke = await deps.group('Smoke run', () => smokeImage(deps.runner, source, config))
      deps.info(smokeLine(image.startup.smoke))
    }
    if (build?.indexFromAttestations) image.indexFromAttestations = true
    if (build?.digest && inputs.push) image.digest = build.digest
  }

  const report = buildReport({
    dockerfile,
    ...(model ? { model } : {}),
    findings,
    image,
    notices,
    ...(build
      ? {
          build: {
            ok: build.ok,
            seconds: build.seconds,
            ...(build.error !== undefined ? { error: build.error } : {}),
            ...(build.imageid !== undefined ? { imageid: build.imageid } : {}),
            ...(build.digest !== undefined ? { digest: build.digest } : {})
          }
        }
      : {}),
    toolVersion: VERSION
  })
  return { report, config, failOn, ...(model ? { model } : {}), ...(build ? { build } : {}) }
}

interface CheckedImage {
  findings: Finding[]
  /** Findings the policy silenced (the merge needs them). */
  silenced: Finding[]
  /** Image checks that threw, one line each. */
  notices: string[]
  image: ReportImage
  /** The image config (USER and Env for the smoke run). */
  config?: ContainerConfig
}

/**
 * A pushed multi-platform image is checked platform by platform, read from
 * the registry (the local engine may hold only the host's platform). The
 * first platform's image goes into the report; findings seen only on another
 * platform say which.
 */
async function checkPlatforms(
  source: string,
  inputs: Pick<Inputs, 'platforms' | 'push' | 'sbom' | 'provenance' | 'image' | 'tags'>,
  model: DockerfileModel | undefined,
  config: Config,
  dockerfile: string,
  deps: Pick<PipelineDeps, 'tempDir' | 'info' | 'readImage'>
): Promise<CheckedImage> {
  const perPlatform = inputs.push && inputs.image === '' && inputs.platforms.length > 1
  if (!perPlatform) return checkImage(source, inputs, model, config, dockerfile, deps)
  const results: PlatformFindings[] = []
  let first: CheckedImage | undefined
  for (const platform of inputs.platforms) {
    const checked = await checkImage(
      `registry:${source}`,
      { ...inputs, platforms: [platform] },
      model,
      config,
      dockerfile,
      deps
    )
    first ??= checked
    results.push({ platform, findings: checked.findings })
  }
  const firstChecked = first as CheckedImage
  return { ...firstChecked, findings: mergePlatformFindings(results) }
}

export interface PlatformFindings {
  platform: string
  findings: Finding[]
}

/** The first platform's findings, then those only other platforms have, each naming its platform. */
export function mergePlatformFindings(results: readonly PlatformFindings[]): Finding[] {
  const key = (finding: Finding): string =>
    [finding.ruleId, finding.path ?? '', finding.line ?? '', finding.message].join('\0')
  const seen = new Set<string>()
  const merged: Finding[] = []
  results.forEach((result, index) => {
    for (const finding of result.findings) {
      const id = key(finding)
      if (seen.has(id)) continue
      seen.add(id)
      merged.push(
        index === 0 ? finding : { ...finding, message: `${finding.message} (on ${result.platform})` }
      )
    }
  })
  return merged
}

export async function checkImage(
  source: string,
  inputs: Pick<Inputs, 'platforms' | 'push' | 'sbom' | 'provenance'> &
    Partial<Pick<Inputs, 'tags' | 'image'>>,
  model: DockerfileModel | undefined,
  config: Config,
  dockerfile: string,
  deps: Pick<PipelineDeps, 'tempDir' | 'info' | 'readImage'>
): Promise<CheckedImage> {
  let index: ImageIndex
  try {
    index = await deps.readImage(source, {
      capture: IMAGE_CAPTURE,
      scan: STARTUP_SCAN,
      tempDir: deps.tempDir,
      ...(inputs.platforms.length === 1 && inputs.platforms[0] ? { platform: inputs.platforms[0] } : {})
    })
  } catch (error) {
    if (isUsageError(error)) throw error
    throw new Error(`reading the image ${source} failed: ${errorMessage(error)}`, { cause: error })
  }
  const platform = index.platform ? ` (${index.platform.os}/${index.platform.architecture})` : ''
  deps.info(`read ${source}${platform}: ${index.layers.length} layers, ${index.files.size} files`)
  const requested = inputs.push
    ? { sbom: inputs.sbom !== 'false', provenance: inputs.provenance !== 'false' }
    : undefined
  const checked = runImageChecksDetailed(index, {
    config,
    file: dockerfile,
    ...(model ? { model } : {}),
    ...(requested ? { requested } : {}),
    // The tags the build wrote (SG2019); an `image` input is checked under its own reference.
    ...(!inputs.image && inputs.tags && inputs.tags.length > 0 ? { tags: inputs.tags } : {})
  })
  const startup = predictStartup(index, { config, ...(model ? { model } : {}) })
  return {
    ...checked,
    image: reportImage(index, model ? attributeLayers(index, model) : [], startup),
    config: index.config
  }
}
