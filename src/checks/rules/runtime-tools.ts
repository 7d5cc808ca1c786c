// What the final image can run besides the application: shells (SG2001),
// package managers (SG2002), compilers and build caches (SG2007: apt, apk,
// yum, dnf, zypper, language package managers). Each is
// attack surface and size that a minimal final stage does not ship.
import type { ImageFile, ImageIndex } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { examples, filesUnderEach, findPrograms, heaviestLayer } from '../image-files.js'
import { formatBytes } from '../../bytes.js'
import { resolveFile } from '../resolve.js'

export const SHELLS = ['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'csh', 'tcsh', 'fish', 'busybox']

export const PACKAGE_MANAGERS = [
  'apt',
  'apt-get',
  'dpkg',
  'apk',
  'yum',
  'dnf',
  'microdnf',
  'tdnf',
  'rpm',
  'zypper',
  'pacman',
  'pip',
  'pip3',
  'npm',
  'yarn',
  'pnpm',
  'gem',
  'composer'
]

export const TOOLCHAINS = ['cc', 'gcc', 'g++', 'c++', 'clang', 'clang++', 'go', 'javac', 'rustc', 'cargo']

/** Directories whose presence is a toolchain even without a program on PATH. */
const TOOLCHAIN_DIRS = ['/usr/lib/gcc', '/usr/local/go/pkg/tool', '/usr/local/cargo/bin', '/root/.rustup']

/** A package or repository-metadata file an RPM package manager caches (not its lock or state files). */
function isRpmCacheFile(path: string): boolean {
  return (
    /\.(rpm|solv|solvx|sqlite|sqlite\.(bz2|gz|xz|zst)|xml|xml\.(gz|zst|xz|bz2))$/.test(path) ||
    /\/(repodata|packages|raw|solv)\//.test(path)
  )
}

/** Build caches: directory (glob-free) and, optionally, which files in it count. */
interface CacheDir {
  dir: string
  counts?: (path: string) => boolean
}

const CACHE_DIRS: readonly CacheDir[] = [
  { dir: '/root/.cache' },
  { dir: '/var/cache/apt/archives', counts: path => path.endsWith('.deb') },
  { dir: '/var/lib/apt/lists', counts: path => !/\/(lock|partial)$/.test(path) },
  { dir: '/var/cache/apk', counts: path => path.endsWith('.apk') || path.endsWith('.tar.gz') },
  // RPM families: downloaded packages and repository metadata (what `yum/dnf/zypper clean all` removes).
  { dir: '/var/cache/yum', counts: isRpmCacheFile },
  { dir: '/var/cache/dnf', counts: isRpmCacheFile },
  { dir: '/var/cache/libdnf5', counts: isRpmCacheFile },
  { dir: '/var/cache/zypp', counts: isRpmCacheFile },
  { dir: '/root/.npm' },
  { dir: '/usr/local/share/.cache/yarn' },
  { dir: '/root/go/pkg/mod' },
  { dir: '/go/pkg/mod' },
  { dir: '/root/.cargo/registry' },
  { dir: '/usr/local/cargo/registry' },
  { dir: '/root/.m2/repository' },
  { dir: '/root/.gradle/caches' }
]

/**
 * One hit per layer for the programs of one kind it brought (a base image's
 * bash and sh are one finding on its FROM line), named by the first path,
 * with every path (and its link target) as evidence and the count.
 */
function programHits(
  index: ImageIndex,
  names: readonly string[],
  what: (names: string[]) => string,
  options: { skipBusyboxApplets?: boolean } = {}
): CheckHit[] {
  const found = findPrograms(index, names).filter(
    ({ target }) => !(options.skipBusyboxApplets && /\/busybox$/.test(target.path))
  )
  const byLayer = new Map<number, typeof found>()
  for (const program of found) {
    const list = byLayer.get(program.target.layer)
    if (list) list.push(program)
    else byLayer.set(program.target.layer, [program])
  }
  return [...byLayer].map(([layer, programs]) => {
    const sorted = [...programs].sort((a, b) => a.path.localeCompare(b.path))
    const programNames = [...new Set(sorted.map(({ path }) => path.slice(path.lastIndexOf('/') + 1)))]
    return {
      message: what(programNames),
      path: sorted[0]!.path,
      layer,
      evidence: sorted
        .map(({ path, target }) => (target.path === path ? path : `${path} → ${target.path}`))
        .join(', '),
      ...(sorted.length > 1 ? { count: sorted.length } : {})
    }
  })
}

function list(names: readonly string[], one: string, many: string): string {
  return `${names.length === 1 ? one : many} ${names.join(', ')}`
}

export const SG2001: ImageCheck = {
  id: 'SG2001',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'A shell in the final image',
  run: ({ index }) =>
    programHits(
      index,
      SHELLS,
      names =>
        `The final image ships the ${list(names, 'shell', 'shells')}; copy only the application into a scratch or distroless final stage`
    )
}

export const SG2002: ImageCheck = {
  id: 'SG2002',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'A package manager in the final image',
  // busybox's dpkg/rpm applets are part of the shell binary SG2001 already reports.
  run: ({ index }) =>
    programHits(
      index,
      PACKAGE_MANAGERS,
      names =>
        `The final image ships the ${list(names, 'package manager', 'package managers')}; install packages in a build stage and copy only what runs`,
      { skipBusyboxApplets: true }
    )
}

/** Users' home caches (`/home/x/.npm`, `/home/x/.cache`) with their regular files, in one pass. */
function homeCacheFiles(index: ImageIndex): Map<string, ImageFile[]> {
  const dirs = new Map<string, ImageFile[]>()
  for (const path of index.files.keys()) {
    if (!path.startsWith('/home/')) continue
    const match = /^(\/home\/[^/]+\/\.(?:npm|cache))\//.exec(path)
    if (!match) continue
    let list = dirs.get(match[1]!)
    if (!list) dirs.set(match[1]!, (list = []))
    const file = index.files.get(path)!
    if (file.type === 'file' || file.type === 'hardlink') list.push(file)
  }
  return dirs
}

export const SG2007: ImageCheck = {
  id: 'SG2007',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Build toolchains or build caches in the final image',
  run: ({ index }) => {
    const hits = programHits(
      index,
      TOOLCHAINS,
      names =>
        `The final image ships the ${list(names, 'build tool', 'build tools')}; build in an earlier stage and copy only the result into the final stage`
    )
    const seenToolchainDirs = new Set(
      findPrograms(index, TOOLCHAINS).flatMap(({ path, target }) => [path, target.path])
    )
    const toolchainDirs = TOOLCHAIN_DIRS.flatMap(dir => {
      const resolved = resolveFile(index.files, dir)
      return resolved?.type === 'dir' && !seenToolchainDirs.has(dir) ? [{ dir, resolved: resolved.path }] : []
    })
    // Home caches are grouped in one pass over the files (hostile: 40k /home/*/.npm dirs would be
    // quadratic); the fixed directories share one more.
    const homeCaches = homeCacheFiles(index)
    const under = filesUnderEach(index, [
      ...toolchainDirs.map(({ resolved }) => resolved),
      ...CACHE_DIRS.map(({ dir }) => dir)
    ])
    for (const { dir, resolved } of toolchainDirs) {
      const files = under.get(resolved) ?? []
      if (files.length === 0) continue
      const layer = heaviestLayer(files)
      hits.push({
        message: `The final image ships a toolchain directory ${dir} (${formatBytes(sum(files))}); leave it in the build stage`,
        path: dir,
        ...(layer === undefined ? {} : { layer })
      })
    }
    const caches: CacheDir[] = [...CACHE_DIRS, ...[...homeCaches.keys()].sort().map(dir => ({ dir }))]
    for (const { dir, counts } of caches) {
      const files = (homeCaches.get(dir) ?? under.get(dir) ?? []).filter(file => !counts || counts(file.path))
      if (files.length === 0) continue
      const layer = heaviestLayer(files)
      hits.push({
        message: `The final image keeps the build cache ${dir} (${files.length} files, ${formatBytes(sum(files))}); use RUN --mount=type=cache or clean it in the same RUN`,
        path: dir,
        evidence: examples(files.map(file => file.path).sort()),
        ...(layer === undefined ? {} : { layer })
      })
    }
    return hits
  }
}

function sum(files: readonly { size: number }[]): number {
  return files.reduce((total, file) => total + file.size, 0)
}
