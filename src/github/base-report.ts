// The base branch's report, for the PR comment's "adds / fixes / size
// delta". A push to the default branch saves its report with the Actions
// cache; a PR run restores the newest one saved on its base branch (exact
// base commit first). Behind small interfaces so tests use an in-memory
// cache; every failure is a warning, never a thrown error.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import type { Report } from '../report/report.js'

/** The two @actions/cache calls used (and what tests fake). */
export interface CacheBackend {
  isFeatureAvailable(): boolean
  saveCache(paths: string[], key: string): Promise<number>
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>
}

export interface SaveResult {
  saved: boolean
  key: string
  /** Why nothing was saved, when that is expected (no cache service, key exists): for the debug log. */
  skipped?: string
  warning?: string
}

export interface RestoreResult {
  report?: Report
  /** The cache key the report came from. */
  key?: string
  warning?: string
}

export interface BaseReportStore {
  save(report: Report, where: { branch: string; sha: string }): Promise<SaveResult>
  restore(dockerfile: string, where: { branch: string; sha?: string }): Promise<RestoreResult>
}

export const actionsCacheBackend: CacheBackend = {
  isFeatureAvailable: () => cache.isFeatureAvailable(),
  saveCache: (paths, key) => cache.saveCache(paths, key),
  restoreCache: (paths, primaryKey, restoreKeys) => cache.restoreCache(paths, primaryKey, restoreKeys)
}

/** Short hash of the Dockerfile path, so a matrix of Dockerfiles keeps one report each. */
export function dockerfileHash(dockerfile: string): string {
  const normalised = dockerfile.replace(/\\/g, '/').replace(/^\.\//, '')
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16)
}

/** Cache keys may not contain commas and are at most 512 characters. */
function keyPart(text: string): string {
  return text.replace(/[,\s]/g, '_').slice(0, 200)
}

export function baseReportKeyPrefix(dockerfile: string, branch: string): string {
  return `stagegate-report-${dockerfileHash(dockerfile)}-${keyPart(branch)}-`
}

export function baseReportKey(dockerfile: string, branch: string, sha: string): string {
  return `${baseReportKeyPrefix(dockerfile, branch)}${keyPart(sha)}`
}

/** A restored file is only trusted when it has the report's shape. */
export function parseStoredReport(text: string): Report | undefined {
  try {
    const value = JSON.parse(text) as Partial<Report>
    if (
      value.version === 1 &&
      typeof value.dockerfile === 'string' &&
      Array.isArray(value.findings) &&
      value.findings.every(f => typeof f?.ruleId === 'string' && typeof f.severity === 'string') &&
      Array.isArray(value.stages) &&
      typeof value.counts === 'object' &&
      value.counts !== null
    ) {
      return value as Report
    }
  } catch {
    // fall through
  }
  return undefined
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export interface StoreOptions {
  backend?: CacheBackend
  /** Directory for the cached file; must be the same path in the saving and restoring runs. */
  dir?: string
}

export function createBaseReportStore(options: StoreOptions = {}): BaseReportStore {
  const backend = options.backend ?? actionsCacheBackend
  const dir = options.dir ?? path.join(process.env.RUNNER_TEMP || tmpdir(), 'stagegate-base-report')
  const fileFor = (dockerfile: string): string => path.join(dir, `${dockerfileHash(dockerfile)}.json`)

  return {
    async save(report, where) {
      const key = baseReportKey(report.dockerfile, where.branch, where.sha)
      if (!backend.isFeatureAvailable()) {
        return { saved: false, key, skipped: 'the Actions cache service is not available' }
      }
      try {
        const file = fileFor(report.dockerfile)
        mkdirSync(dir, { recursive: true })
        writeFileSync(file, JSON.stringify(report), { mode: 0o600 })
        const id = await backend.saveCache([file], key)
        // saveCache answers -1 when it did not save (e.g. the key exists already).
        return id === -1
          ? { saved: false, key, skipped: 'a report for this commit is cached already' }
          : { saved: true, key }
      } catch (error) {
        return {
          saved: false,
          key,
          warning: `Could not save the report for pull requests to compare against: ${reason(error)}`
        }
      }
    },

    async restore(dockerfile, where) {
      if (!backend.isFeatureAvailable()) return {}
      const prefix = baseReportKeyPrefix(dockerfile, where.branch)
      const primary = where.sha ? baseReportKey(dockerfile, where.branch, where.sha) : prefix
      try {
        const file = fileFor(dockerfile)
        const key = await backend.restoreCache([file], primary, [prefix])
        if (key === undefined) return {}
        const report = parseStoredReport(readFileSync(file, 'utf8'))
        if (!report)
          return {
            key,
            warning: `The base branch report in the cache (${key}) is not a Stagegate report; ignored.`
          }
        return { report, key }
      } catch (error) {
        return { warning: `Could not restore the base branch report: ${reason(error)}` }
      }
    }
  }
}
