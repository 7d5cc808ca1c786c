// Path handling for untrusted layer entries: lexical normalisation that can
// never climb above the image root, and symlink resolution over the index
// (never the host filesystem) with the kernel's hop limit.
import type { ImageFile } from './types.js'

export interface NormalisedPath {
  /** Absolute path inside the image: `/`, `/etc/passwd`. */
  path: string
  /** True when `..` tried to climb above the root and was clamped. */
  escaped: boolean
}

/** Strips `./` and leading `/`, resolves `.` and `..` lexically, clamps at root. */
export function normalisePath(name: string): NormalisedPath {
  // Fast path: the common `./usr/bin/x` or `usr/bin/x` with no dot segments or doubled slashes.
  let start = 0
  while (name.startsWith('./', start)) start += 2
  while (name.charCodeAt(start) === 0x2f) start++
  let end = name.length
  while (end > start && name.charCodeAt(end - 1) === 0x2f) end--
  const body = name.slice(start, end)
  if (body === '' || body === '.') return { path: '/', escaped: false }
  // No segment starts with a dot and no empty segment: nothing to resolve (the common case, no regex).
  if (body.charCodeAt(0) !== 0x2e && !body.includes('/.') && !body.includes('//'))
    return { path: `/${body}`, escaped: false }
  const parts: string[] = []
  let escaped = false
  for (const part of body.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) escaped = true
      else parts.pop()
      continue
    }
    parts.push(part)
  }
  return { path: `/${parts.join('/')}`, escaped }
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`
}

/** The kernel's limit on symlinks followed while resolving one path (MAXSYMLINKS). */
export const MAX_SYMLINK_HOPS = 40

/** Linux PATH_MAX: longer symlink targets are refused (ENAMETOOLONG). */
export const MAX_LINK_TARGET = 4095

export interface ResolvedPath {
  /** The path reached after following symlinks (as far as resolution got). */
  path: string
  /** The entry at `path`, when it exists. */
  file?: ImageFile
  /** Why resolution stopped short: a loop or too many hops, a missing component, a target longer than PATH_MAX, a file used as a directory. */
  problem?: 'loop' | 'missing' | 'too-long' | 'not-dir'
}

export interface ResolveOptions {
  /**
   * Treat `/proc/self/root`, `/proc/thread-self/root` and `/proc/<pid>/root`
   * as the root, as they are in a running container (default true). The
   * layer applier (no /proc mounted) resolves them literally.
   */
  procRoot?: boolean
  /** Follow a symlink in the last component too (default true). */
  followLast?: boolean
}

const PROC_ROOT = /^(?:self|thread-self|\d+)$/

/**
 * Resolves `path` inside the image by following symlinks (absolute targets
 * are relative to the image root, `..` never leaves it), as the kernel would
 * in a container. Stops after MAX_SYMLINK_HOPS hops; targets longer than
 * PATH_MAX are refused. Linear in the length of the path and the targets
 * followed (components are consumed from a stack, never re-joined).
 */
export function resolvePath(
  index: { files: ReadonlyMap<string, ImageFile> },
  path: string,
  options: ResolveOptions = {}
): ResolvedPath {
  const procRoot = options.procRoot !== false
  const followLast = options.followLast !== false
  const start = normalisePath(path).path
  // The kernel refuses longer paths (ENAMETOOLONG); refusing them here keeps every lookup short.
  if (start.length > MAX_LINK_TARGET + 1) return { path: start.slice(0, 80), problem: 'too-long' }
  // Pending components, last one first, so taking the next is a pop.
  const pending = start.split('/').filter(Boolean).reverse()
  // The resolved prefix as a string and the lengths it had before each component.
  let resolved = ''
  const lengths: number[] = []
  let hops = 0
  while (pending.length > 0) {
    const part = pending.pop() as string
    if (part === '.' || part === '') continue
    if (part === '..') {
      if (lengths.length > 0) resolved = resolved.slice(0, lengths.pop())
      continue
    }
    const candidate = `${resolved}/${part}`
    const file = index.files.get(candidate)
    if (
      procRoot &&
      file === undefined &&
      part === 'root' &&
      lengths.length === 2 &&
      resolved.startsWith('/proc/') &&
      PROC_ROOT.test(resolved.slice(6))
    ) {
      // /proc/self/root is the container's own root.
      resolved = ''
      lengths.length = 0
      continue
    }
    if (file === undefined) {
      // Layers need not list parent directories: a missing middle component is an implicit directory.
      if (pending.length > 0) {
        lengths.push(resolved.length)
        resolved = candidate
        continue
      }
      return { path: candidate, problem: 'missing' }
    }
    if (file.type === 'symlink' && file.linkTarget !== undefined && (followLast || pending.length > 0)) {
      hops++
      if (hops > MAX_SYMLINK_HOPS) return { path: candidate, file, problem: 'loop' }
      const target = file.linkTarget
      if (target.length > MAX_LINK_TARGET || resolved.length + target.length > 4 * MAX_LINK_TARGET)
        return { path: candidate, file, problem: 'too-long' }
      if (target.startsWith('/')) {
        resolved = ''
        lengths.length = 0
      }
      const parts = target.split('/')
      for (let i = parts.length - 1; i >= 0; i--) if (parts[i]) pending.push(parts[i] as string)
      continue
    }
    if (pending.length > 0 && file.type !== 'dir' && file.type !== 'symlink')
      return { path: candidate, file, problem: 'not-dir' }
    lengths.push(resolved.length)
    resolved = candidate
  }
  const finalPath = resolved === '' ? '/' : resolved
  const file = index.files.get(finalPath)
  return file || finalPath === '/'
    ? { path: finalPath, ...(file ? { file } : {}) }
    : { path: finalPath, problem: 'missing' }
}
