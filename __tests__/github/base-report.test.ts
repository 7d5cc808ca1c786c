import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { CacheBackend } from '../../src/github/base-report.js'
import {
  baseReportKey,
  baseReportKeyPrefix,
  createBaseReportStore,
  dockerfileHash,
  parseStoredReport
} from '../../src/github/base-report.js'
import { buildReport } from '../../src/report/build-report.js'
import { sampleFindings, sampleImage, sampleModel } from '../report/fixtures.js'

/**
 * Behaves like the Actions cache: entries are immutable, restore takes the
 * exact key or else the newest entry whose key starts with a restore key,
 * and files come back at the same paths.
 */
class MemoryCache implements CacheBackend {
  readonly entries: { key: string; files: Map<string, string>; order: number }[] = []
  available = true
  failWith?: Error
  private order = 0
  constructor(private readonly storeDir: string) {}

  isFeatureAvailable(): boolean {
    return this.available
  }
  // Synchronous work behind the backend's promise API; a failure is a rejection, as the real one's.
  saveCache(paths: string[], key: string): Promise<number> {
    if (this.failWith) return Promise.reject(this.failWith)
    if (this.entries.some(entry => entry.key === key)) return Promise.resolve(-1)
    const files = new Map<string, string>()
    for (const file of paths) {
      const stored = path.join(this.storeDir, `${this.order}-${path.basename(file)}`)
      copyFileSync(file, stored)
      files.set(file, stored)
    }
    this.entries.push({ key, files, order: this.order++ })
    return Promise.resolve(this.order)
  }
  restoreCache(paths: string[], primaryKey: string, restoreKeys: string[] = []): Promise<string | undefined> {
    if (this.failWith) return Promise.reject(this.failWith)
    const newest = [...this.entries].sort((a, b) => b.order - a.order)
    const hit =
      newest.find(entry => entry.key === primaryKey) ??
      restoreKeys.map(prefix => newest.find(entry => entry.key.startsWith(prefix))).find(Boolean)
    if (!hit) return Promise.resolve(undefined)
    for (const file of paths) {
      const stored = hit.files.get(file)
      if (!stored) return Promise.resolve(undefined)
      mkdirSync(path.dirname(file), { recursive: true })
      copyFileSync(stored, file)
    }
    return Promise.resolve(hit.key)
  }
}

let root: string
let cache: MemoryCache
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'stagegate-base-'))
  mkdirSync(path.join(root, 'store'))
  cache = new MemoryCache(path.join(root, 'store'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function report(dockerfile = 'Dockerfile', findings = sampleFindings()) {
  return buildReport({
    dockerfile,
    model: sampleModel(dockerfile),
    findings,
    image: sampleImage(),
    toolVersion: '1'
  })
}

// Saving and restoring runs are different jobs: each gets a fresh store over the same directory path.
function store(dir = path.join(root, 'runner-temp')) {
  rmSync(dir, { recursive: true, force: true })
  return createBaseReportStore({ backend: cache, dir })
}

describe('keys', () => {
  test('per Dockerfile path, branch and commit; prefix for restore', () => {
    const key = baseReportKey('docker/Dockerfile', 'main', 'abc')
    expect(key).toBe(`stagegate-report-${dockerfileHash('docker/Dockerfile')}-main-abc`)
    expect(key.startsWith(baseReportKeyPrefix('docker/Dockerfile', 'main'))).toBe(true)
    expect(dockerfileHash('./docker/Dockerfile')).toBe(dockerfileHash('docker/Dockerfile'))
    expect(dockerfileHash('a/Dockerfile')).not.toBe(dockerfileHash('b/Dockerfile'))
    expect(baseReportKey('Dockerfile', 'feat,x y', 's')).not.toMatch(/[, ]/)
  })
})

describe('base report store', () => {
  test('saved on the default branch, restored in a PR run by exact base commit', async () => {
    const saved = await store().save(report(), { branch: 'main', sha: 'sha1' })
    expect(saved).toEqual({ saved: true, key: baseReportKey('Dockerfile', 'main', 'sha1') })
    await store().save(report('Dockerfile', []), { branch: 'main', sha: 'sha2' })
    const restored = await store().restore('Dockerfile', { branch: 'main', sha: 'sha1' })
    expect(restored.key).toBe(baseReportKey('Dockerfile', 'main', 'sha1'))
    expect(restored.report?.findings).toHaveLength(4)
    expect(restored.warning).toBeUndefined()
  })

  test('unknown base commit → the newest report on the base branch', async () => {
    await store().save(report('Dockerfile', []), { branch: 'main', sha: 'old' })
    await store().save(report(), { branch: 'main', sha: 'new' })
    const restored = await store().restore('Dockerfile', { branch: 'main', sha: 'not-saved' })
    expect(restored.key).toBe(baseReportKey('Dockerfile', 'main', 'new'))
    expect(restored.report?.counts).toEqual({ error: 1, warning: 2, note: 1 })
  })

  test('another Dockerfile or branch is never taken', async () => {
    await store().save(report('other/Dockerfile'), { branch: 'main', sha: 's' })
    await store().save(report(), { branch: 'release', sha: 's' })
    expect(await store().restore('Dockerfile', { branch: 'main', sha: 's' })).toEqual({})
  })

  test('saving the same key twice is not an error', async () => {
    await store().save(report(), { branch: 'main', sha: 's' })
    expect(await store().save(report(), { branch: 'main', sha: 's' })).toEqual({
      saved: false,
      key: baseReportKey('Dockerfile', 'main', 's'),
      skipped: 'a report for this commit is cached already'
    })
  })

  test('cache service unavailable: save warns, restore finds nothing', async () => {
    cache.available = false
    const saved = await store().save(report(), { branch: 'main', sha: 's' })
    expect(saved).toMatchObject({ saved: false, skipped: 'the Actions cache service is not available' })
    expect(saved.warning).toBeUndefined()
    expect(await store().restore('Dockerfile', { branch: 'main' })).toEqual({})
  })

  test('cache errors become warnings', async () => {
    cache.failWith = new Error('Cache service responded with 503')
    expect((await store().save(report(), { branch: 'main', sha: 's' })).warning).toBe(
      'Could not save the report for pull requests to compare against: Cache service responded with 503'
    )
    expect((await store().restore('Dockerfile', { branch: 'main' })).warning).toBe(
      'Could not restore the base branch report: Cache service responded with 503'
    )
  })

  test('a restored file that is not a report is ignored with a warning', async () => {
    const dir = path.join(root, 'runner-temp')
    const s = store(dir)
    await s.save(report(), { branch: 'main', sha: 's' })
    writeFileSync(cache.entries[0]!.files.values().next().value as string, '{"version":2}')
    const restored = await store(dir).restore('Dockerfile', { branch: 'main', sha: 's' })
    expect(restored.report).toBeUndefined()
    expect(restored.warning).toMatch(/not a Stagegate report/)
  })

  test.each([
    ['{"version":1,"dockerfile":"D","stages":[],"findings":[],"counts":{}}', true],
    ['{"version":1,"dockerfile":"D","stages":[],"findings":[{"ruleId":1}],"counts":{}}', false],
    ['{"version":1,"dockerfile":"D","findings":[],"counts":{}}', false],
    ['null', false],
    ['garbage', false]
  ])('parseStoredReport(%s) accepts: %s', (text, ok) => {
    expect(parseStoredReport(text) !== undefined).toBe(ok)
  })
})
