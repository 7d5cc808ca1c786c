// `cache-local: true`: a local BuildKit cache kept between runs with the
// Actions cache service. The build imports from DIR and exports (mode=max) to
// a fresh DIR.new; after a good build DIR.new replaces DIR, so the saved cache
// holds only what this build used and never grows without bound (BuildKit's
// local exporter otherwise only ever adds blobs). Keys: the Dockerfile (with
// target and platforms) and the lock files in the context, then the run id,
// since cache entries are immutable; restore keys fall back to the nearest
// earlier entry. The service is an interface so tests swap it.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import * as path from 'node:path'

export interface CacheService {
  /** False outside GitHub Actions (no cache service): the cache is then kept on disk only. */
  available(): boolean
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>
  save(paths: string[], key: string): Promise<void>
}

/** The real service, on @actions/cache (loaded on first use, so the CLI never pays for it). */
export function actionsCacheService(): CacheService {
  const load = () => import('@actions/cache')
  return {
    available: () =>
      Boolean(process.env.ACTIONS_RUNTIME_TOKEN) &&
      Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL),
    async restore(paths, primaryKey, restoreKeys) {
      return (await load()).restoreCache(paths, primaryKey, restoreKeys)
    },
    async save(paths, key) {
      await (await load()).saveCache(paths, key)
    }
  }
}

/** Lock files whose change means dependency layers change (matched by name anywhere in the first levels of the context). */
export const LOCK_FILE_PATTERNS: readonly RegExp[] = [
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /^go\.sum$/,
  /^Cargo\.lock$/,
  /^poetry\.lock$/,
  /^Pipfile\.lock$/,
  /^uv\.lock$/,
  /^requirements.*\.txt$/,
  /^Gemfile\.lock$/,
  /^composer\.lock$/
]
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', 'target', 'dist', '.venv', '__pycache__'])

/** Lock files in the context, relative paths sorted, up to `maxDepth` directories down. */
export async function findLockFiles(contextDir: string, maxDepth = 3): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (depth < maxDepth && !SKIP_DIRS.has(entry.name)) await walk(full, depth + 1)
      } else if (entry.isFile() && LOCK_FILE_PATTERNS.some(pattern => pattern.test(entry.name))) {
        found.push(path.relative(contextDir, full).split(path.sep).join('/'))
      }
    }
  }
  await walk(contextDir, 0)
  return found.sort()
}

function sha(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('hex').slice(0, 16)
}

export interface CacheKeyInput {
  runnerOs: string
  runId: string
  dockerfile: string
  target: string
  platforms: readonly string[]
  lockFiles: readonly { path: string; content: string }[]
}

/** Pure: the primary key and the restore-keys fallback chain. */
export function localCacheKeys(input: CacheKeyInput): { key: string; restoreKeys: string[] } {
  const prefix = `stagegate-buildkit-${input.runnerOs}-`
  const build = sha([input.dockerfile, input.target, input.platforms.join(',')])
  const locks = sha(input.lockFiles.flatMap(file => [file.path, file.content]))
  return {
    key: `${prefix}${build}-${locks}-${input.runId}`,
    restoreKeys: [`${prefix}${build}-${locks}-`, `${prefix}${build}-`, prefix]
  }
}

export interface LocalCache {
  /** Imported from (`--cache-from type=local,src=`). */
  src: string
  /** Exported to (`--cache-to type=local,dest=`), rotated into `src` after a good build. */
  dest: string
  key: string
  restoreKeys: string[]
  /** The entry restored, if any. */
  restoredKey?: string
}

export interface LocalCacheOptions {
  service: CacheService
  /** Where the cache directories live (RUNNER_TEMP or the OS temp dir). */
  root: string
  contextDir?: string
  dockerfilePath?: string
  target: string
  platforms: readonly string[]
  env: NodeJS.ProcessEnv
}

export async function restoreLocalCache(options: LocalCacheOptions): Promise<LocalCache> {
  const src = path.join(options.root, 'stagegate-buildkit-cache')
  const dest = `${src}.new`
  await fs.rm(dest, { recursive: true, force: true })
  const lockPaths = options.contextDir ? await findLockFiles(options.contextDir) : []
  const lockFiles = await Promise.all(
    lockPaths.map(async file => ({
      path: file,
      content: await fs.readFile(path.join(options.contextDir as string, file), 'utf8')
    }))
  )
  const dockerfile = options.dockerfilePath
    ? await fs.readFile(options.dockerfilePath, 'utf8').catch(() => '')
    : ''
  const keys = localCacheKeys({
    runnerOs: options.env.RUNNER_OS ?? process.platform,
    runId: `${options.env.GITHUB_RUN_ID ?? Date.now()}-${options.env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    dockerfile,
    target: options.target,
    platforms: options.platforms,
    lockFiles
  })
  const restoredKey = options.service.available()
    ? await options.service.restore([src], keys.key, keys.restoreKeys)
    : undefined
  return { src, dest, ...keys, restoredKey }
}

/** DIR.new → DIR, so the next import (and the saved entry) holds only this build's cache. */
export async function rotateLocalCache(cache: Pick<LocalCache, 'src' | 'dest'>): Promise<boolean> {
  const exported = await fs.stat(path.join(cache.dest, 'index.json')).catch(() => undefined)
  if (!exported) return false
  await fs.rm(cache.src, { recursive: true, force: true })
  await fs.rename(cache.dest, cache.src)
  return true
}

/** After a good build: rotate, then save under this run's key. A failed build keeps the old cache. */
export async function saveLocalCache(
  service: CacheService,
  cache: LocalCache,
  buildOk: boolean
): Promise<boolean> {
  if (!buildOk) {
    await fs.rm(cache.dest, { recursive: true, force: true })
    return false
  }
  const rotated = await rotateLocalCache(cache)
  if (!rotated || !service.available() || cache.restoredKey === cache.key) return false
  await service.save([cache.src], cache.key)
  return true
}
