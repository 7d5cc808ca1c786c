import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  findLockFiles,
  localCacheKeys,
  restoreLocalCache,
  saveLocalCache,
  type CacheService
} from '../../src/build/cache-local.js'

let root: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-cache-local-'))
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

function memoryService(
  entries: Map<string, string> = new Map()
): CacheService & { saved: string[]; restoreCalls: string[][] } {
  const saved: string[] = []
  const restoreCalls: string[][] = []
  return {
    saved,
    restoreCalls,
    available: () => true,
    async restore(paths, key, restoreKeys) {
      restoreCalls.push([key, ...restoreKeys])
      for (const candidate of [key, ...restoreKeys]) {
        const hit = [...entries.keys()].find(
          k => k === candidate || (candidate !== key && k.startsWith(candidate))
        )
        if (hit) {
          await fs.mkdir(paths[0] as string, { recursive: true })
          await fs.writeFile(path.join(paths[0] as string, 'index.json'), entries.get(hit) as string)
          return hit
        }
      }
      return undefined
    },
    async save(paths, key) {
      saved.push(key)
      entries.set(key, await fs.readFile(path.join(paths[0] as string, 'index.json'), 'utf8'))
    }
  }
}

const BASE = {
  runnerOs: 'Linux',
  runId: '7-1',
  dockerfile: 'FROM scratch\n',
  target: '',
  platforms: [],
  lockFiles: []
}

describe('localCacheKeys', () => {
  test('shape: prefix, build hash, lock hash, run id; restore keys widen', () => {
    const { key, restoreKeys } = localCacheKeys(BASE)
    expect(key).toMatch(/^stagegate-buildkit-Linux-[0-9a-f]{16}-[0-9a-f]{16}-7-1$/)
    expect(restoreKeys).toHaveLength(3)
    expect(key.startsWith(restoreKeys[0] as string)).toBe(true)
    expect((restoreKeys[0] as string).startsWith(restoreKeys[1] as string)).toBe(true)
    expect(restoreKeys[2]).toBe('stagegate-buildkit-Linux-')
  })
  const base = localCacheKeys(BASE)
  test.each([
    // Which restore keys (build+lock, build, prefix) differ from the base's.
    ['the Dockerfile changes', { dockerfile: 'FROM scratch\nCOPY . .\n' }, [true, true, false]],
    ['the target changes', { target: 'test' }, [true, true, false]],
    ['a lock file changes', { lockFiles: [{ path: 'go.sum', content: 'x' }] }, [true, false, false]],
    ['only the run changes', { runId: '8-1' }, [false, false, false]]
  ] as const)('%s', (_what, change, restoreKeysDiffer) => {
    const changed = localCacheKeys({ ...BASE, ...change })
    expect(changed.key).not.toBe(base.key)
    expect(changed.restoreKeys.map((restoreKey, i) => restoreKey !== base.restoreKeys[i])).toEqual(
      restoreKeysDiffer
    )
  })
})

test('findLockFiles: by name, a few levels deep, skipping node_modules', async () => {
  for (const file of [
    'package-lock.json',
    'svc/go.sum',
    'py/requirements-dev.txt',
    'node_modules/x/yarn.lock',
    'a/b/c/d/Cargo.lock',
    'README.md'
  ])
    await fs
      .mkdir(path.dirname(path.join(root, file)), { recursive: true })
      .then(() => fs.writeFile(path.join(root, file), file))
  expect(await findLockFiles(root)).toEqual(['package-lock.json', 'py/requirements-dev.txt', 'svc/go.sum'])
})

describe('restore → build → rotate → save', () => {
  test('restores the nearest earlier entry, rotates DIR.new into DIR and saves under the new key', async () => {
    const ctx = path.join(root, 'ctx')
    await fs.mkdir(ctx)
    await fs.writeFile(path.join(ctx, 'Dockerfile'), 'FROM scratch\n')
    const earlier = localCacheKeys({ ...BASE, runId: '6-1', dockerfile: 'FROM scratch\n' })
    const service = memoryService(new Map([[earlier.key, '{"old":true}']]))
    const options = {
      service,
      root,
      contextDir: ctx,
      dockerfilePath: path.join(ctx, 'Dockerfile'),
      target: '',
      platforms: [],
      env: { RUNNER_OS: 'Linux', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' }
    }
    const cache = await restoreLocalCache(options)
    expect(cache.restoredKey).toBe(earlier.key)
    expect(cache.key).toBe(localCacheKeys(BASE).key)
    expect(await fs.readFile(path.join(cache.src, 'index.json'), 'utf8')).toBe('{"old":true}')
    // What buildx's local exporter would write:
    await fs.mkdir(cache.dest)
    await fs.writeFile(path.join(cache.dest, 'index.json'), '{"new":true}')
    expect(await saveLocalCache(service, cache, true)).toBe(true)
    expect(await fs.readFile(path.join(cache.src, 'index.json'), 'utf8')).toBe('{"new":true}')
    await expect(fs.stat(cache.dest)).rejects.toThrow()
    expect(service.saved).toEqual([cache.key])
  })
  test('a failed build keeps the old cache and saves nothing', async () => {
    const service = memoryService()
    const cache = await restoreLocalCache({
      service,
      root,
      target: '',
      platforms: [],
      env: { GITHUB_RUN_ID: '1' }
    })
    expect(cache.restoredKey).toBeUndefined()
    await fs.mkdir(cache.src, { recursive: true })
    await fs.writeFile(path.join(cache.src, 'index.json'), 'old')
    await fs.mkdir(cache.dest)
    await fs.writeFile(path.join(cache.dest, 'index.json'), 'partial')
    expect(await saveLocalCache(service, cache, false)).toBe(false)
    expect(await fs.readFile(path.join(cache.src, 'index.json'), 'utf8')).toBe('old')
    await expect(fs.stat(cache.dest)).rejects.toThrow()
    expect(service.saved).toEqual([])
  })
})
