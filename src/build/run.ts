// The build phase end to end: validate (no build for a bad input), detect
// the builder once, write secrets, run buildx with its output streamed to
// `log`, read the outputs, and always clean up. A failed build is a result
// (ok: false with buildx's own error lines), not an exception: the caller
// still writes outputs and the report, then fails. Every string that leaves
// here (log lines, argv, error) has the secret values redacted.
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import type { Inputs } from '../inputs.js'
import { getBuildArgs, hasExporterType, planAttestations, planCache, type BuildEnv } from './args.js'
import { checkBuilderSupports, detectBuildx, type BuildxInfo, type BuildxRunner } from './buildx.js'
import {
  actionsCacheService,
  restoreLocalCache,
  saveLocalCache,
  type CacheService,
  type LocalCache
} from './cache-local.js'
import { parseBuildOutputs } from './metadata.js'
import { prepareSecrets, type PreparedSecrets } from './secrets.js'
import { removeOnSignal } from './cleanup.js'
import { isPrivateRepository, resolveContext } from './context.js'
import { validateBuildInputs } from './validate.js'

export interface BuildDeps {
  runner: BuildxRunner
  /** One line of buildx output, already redacted (the action prints it inside a collapsed group). */
  log: (line: string) => void
  /** A notice for the user (the action passes core.notice). */
  notice: (message: string) => void
  /** Registers a secret value with the log masker (the action passes core.setSecret). */
  mask: (value: string) => void
  /** RUNNER_TEMP or os.tmpdir(): secrets, metadata and the local cache go under it. */
  tempDir: string
  cwd: string
  /** The environment buildx runs with, and where GITHUB_* and secret-envs are read. */
  env: NodeJS.ProcessEnv
  /** Whether this run may push (registry cache export); default: read from the GitHub event. */
  canPush?: boolean
  /** The Actions cache service for `cache-local` (default @actions/cache; tests pass an in-memory one). */
  cache?: CacheService
  /** Builder facts detected earlier; detected here when absent. */
  buildx?: BuildxInfo
  now?: () => number
}

export interface BuildResult {
  ok: boolean
  /** buildx's own error lines (the failing step's output and the ERROR: lines), redacted. */
  error?: string
  imageid?: string
  digest?: string
  /** The --metadata-file JSON, pretty-printed (the `metadata` output). */
  metadata?: string
  imageName?: string
  /** A single-platform image came out as an index because of attestations: the summary should say so. */
  indexFromAttestations?: boolean
  seconds: number
  /** The docker argv that ran, redacted. */
  argv: string[]
  /** Cache exports were dropped (fork pull request, or a builder that cannot export cache). */
  cacheExportDropped?: boolean
  /** How many build steps buildx reported CACHED. */
  cachedSteps: number
  /** The Dockerfile built, when the context is local (absolute). */
  dockerfile?: string
  buildx: BuildxInfo
  /** The context buildx got (the Git context of the commit when `context` was empty). */
  context?: string
  /** The attestations the build carries. */
  attestations?: { sbom: boolean; provenance: boolean }
  /** `outputs` wrote local files or a tarball only: there is no image in an engine or registry. */
  filesOnly?: boolean
}

/**
 * False for a run whose token cannot push: a `pull_request` from a fork (head
 * repo ≠ base repo, or a deleted fork), or one opened by Dependabot, whose
 * pull_request runs get a read-only token.
 */
export function runCanPush(env: NodeJS.ProcessEnv, event: unknown): boolean {
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (!['pull_request', 'pull_request_review', 'pull_request_review_comment'].includes(name)) return true
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return false
  const pr = (
    event as {
      pull_request?: {
        head?: { repo?: { full_name?: string } | null }
        base?: { repo?: { full_name?: string } }
      }
    }
  )?.pull_request
  if (!pr) return true
  const head = pr.head?.repo?.full_name
  const base = pr.base?.repo?.full_name
  return head !== undefined && head === base
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    return JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

/**
 * The workflow run URL with `/attempts/N`, as build-push-action sets the
 * provenance builder-id (the toolkit's workflowRunURL(true)); undefined
 * outside GitHub Actions.
 */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? Number(env.GITHUB_RUN_ATTEMPT) : 1
  return `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${attempt}`
}

/**
 * buildx's environment: plain progress unless the user chose another (the
 * step parses `#N CACHED` lines), and build warnings in the metadata file,
 * as build-push-action sets BUILDX_METADATA_WARNINGS.
 */
export function buildxEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, BUILDKIT_PROGRESS: env.BUILDKIT_PROGRESS || 'plain', BUILDX_METADATA_WARNINGS: 'true' }
}

/**
 * buildx's error, as a user wants it in the failure message: the failing
 * step's captured output (the block between `------` lines) and the
 * `ERROR:` lines; the last lines of output when there is no ERROR line.
 */
export function extractBuildError(lines: readonly string[]): string {
  const errors = [...new Set(lines.filter(line => /^ERROR:? /.test(line)))]
  const block: string[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '------' && /^ > /.test(lines[i + 1] ?? '')) {
      for (let j = i + 1; j < lines.length && lines[j] !== '------'; j++) block.push(lines[j] as string)
      break
    }
  }
  if (errors.length === 0)
    return lines
      .filter(line => line.trim() !== '')
      .slice(-10)
      .join('\n')
  return [...block.slice(0, 1), ...block.slice(1).slice(-20), ...errors].join('\n')
}

/** Steps buildx reported as `#N CACHED` (each step number once). */
export function countCachedSteps(lines: readonly string[]): number {
  const steps = new Set<string>()
  for (const line of lines) {
    const match = /^#(\d+) CACHED$/.exec(line)
    if (match) steps.add(match[1] as string)
  }
  return steps.size
}

const KEEP_LINES = 5000

export async function runBuild(given: Inputs, deps: BuildDeps): Promise<BuildResult> {
  const now = deps.now ?? Date.now
  const started = now()
  const event = await readEvent(deps.env)
  const resolved = resolveContext(given.context, deps.env, event)
  const inputs: Inputs = { ...given, context: resolved.context }
  const validated = validateBuildInputs(inputs, { cwd: deps.cwd, env: deps.env })
  const info = deps.buildx ?? (await detectBuildx(deps.runner, inputs.builder))
  checkBuilderSupports(inputs, info)
  const canPush = deps.canPush ?? runCanPush(deps.env, event)
  const attestations = planAttestations(inputs, {
    builderId: workflowRunUrl(deps.env),
    privateRepository: isPrivateRepository(event),
    support: info.attestationSupport,
    noDefaults: /^(1|t|true)$/i.test(deps.env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? '')
  })
  if (attestations.skipped) deps.notice(attestations.skipped)

  await fs.mkdir(deps.tempDir, { recursive: true })
  const work = await fs.mkdtemp(path.join(deps.tempDir, 'stagegate-build-'))
  let secrets: PreparedSecrets | undefined
  const uninstall = removeOnSignal(() => [secrets?.dir ?? '', work])
  try {
    secrets = await prepareSecrets(
      inputs,
      { tempRoot: deps.tempDir, mask: deps.mask, env: deps.env, cwd: deps.cwd },
      {
        context: resolved.context,
        defaultContext: resolved.defaultContext,
        serverUrl: deps.env.GITHUB_SERVER_URL || 'https://github.com'
      }
    )
    const redact = secrets.redact

    const cache = deps.cache ?? actionsCacheService()
    let localCache: LocalCache | undefined
    if (inputs['cache-local']) {
      if (!info.cacheExportSupported)
        deps.notice(
          `cache-local is skipped: the builder "${info.builderName}" (docker driver on the classic image store) cannot export cache; enable the containerd image store or use a docker-container builder.`
        )
      else
        localCache = await restoreLocalCache({
          service: cache,
          root: deps.tempDir,
          contextDir: validated.contextDir,
          dockerfilePath: validated.dockerfilePath,
          target: inputs.target,
          platforms: inputs.platforms,
          env: deps.env
        })
    }

    const env: BuildEnv = {
      metadataFile: path.join(work, 'metadata.json'),
      iidFile: path.join(work, 'iid'),
      context: resolved.context,
      defaultContext: resolved.defaultContext,
      secrets: secrets.groups,
      canExportCache: canPush,
      cacheExportSupported: info.cacheExportSupported,
      buildxVersion: info.buildxVersion,
      attests: attestations.args,
      localCache: localCache ? { src: localCache.src, dest: localCache.dest } : undefined
    }
    const plan = planCache(inputs, env)
    if (plan.dropped.length > 0) {
      const why = !info.cacheExportSupported
        ? `the builder "${info.builderName}" (docker driver on the classic image store) cannot export cache`
        : 'this run cannot push (a pull request from a fork, or a read-only token)'
      deps.notice(
        `Cache export skipped because ${why}; the build still imports the cache. Dropped: ${plan.dropped.map(redact).join('; ')}`
      )
    }
    const args = getBuildArgs(inputs, env)
    const argv = args.map(redact)
    deps.log(`docker ${argv.join(' ')}`)

    const lines: string[] = []
    const onLine = (line: string): void => {
      const clean = redact(line)
      lines.push(clean)
      if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES)
      deps.log(clean)
    }
    const run = await deps.runner.exec(args, {
      onStdout: onLine,
      onStderr: onLine,
      env: buildxEnv(deps.env),
      cwd: deps.cwd
    })
    const ok = run.exitCode === 0
    const outputs = parseBuildOutputs(
      await fs.readFile(env.metadataFile, 'utf8').catch(() => undefined),
      await fs.readFile(env.iidFile, 'utf8').catch(() => undefined),
      { platforms: inputs.platforms.length, attestations: attestations.sbom || attestations.provenance }
    )
    if (localCache) {
      try {
        await saveLocalCache(cache, localCache, ok)
      } catch (error) {
        deps.notice(
          `cache-local: saving the cache failed (${redact(String(error))}); the build is not affected.`
        )
      }
    }
    return {
      ok,
      error: ok ? undefined : redact(extractBuildError(lines)) || `buildx exited with code ${run.exitCode}`,
      imageid: outputs.imageid,
      digest: outputs.digest,
      metadata: outputs.metadata === undefined ? undefined : redact(outputs.metadata),
      imageName: outputs.imageName,
      indexFromAttestations: outputs.indexFromAttestations,
      seconds: (now() - started) / 1000,
      argv,
      cacheExportDropped: plan.dropped.length > 0,
      cachedSteps: countCachedSteps(lines),
      dockerfile: validated.dockerfilePath,
      buildx: info,
      context: resolved.context,
      attestations: { sbom: attestations.sbom, provenance: attestations.provenance },
      filesOnly:
        inputs.outputs.length > 0 &&
        inputs.outputs.every(output => hasExporterType('local', [output]) || hasExporterType('tar', [output]))
    }
  } finally {
    uninstall()
    await secrets?.dispose()
    await fs.rm(work, { recursive: true, force: true })
  }
}
