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

export interface ResolvedPath {
  /** The path reached after following symlinks (as far as resolution got). */
  path: string
  /** The entry at `path`, when it exists. */
  file?: ImageFile
  /** Why resolution stopped short: a loop or too many hops, or a missing component. */
  problem?: 'loop' | 'missing'
}

/**
 * Resolves `path` inside the image by following symlinks (absolute targets
 * are relative to the image root, `..` never leaves it), as the kernel would
 * in a container. Stops after MAX_SYMLINK_HOPS hops.
 */
export function resolvePath(index: { files: ReadonlyMap<string, ImageFile> }, path: string): ResolvedPath {
  let pending = normalisePath(path).path.split('/').filter(Boolean)
  let resolved: string[] = []
  let hops = 0
  while (pending.length > 0) {
    const part = pending.shift() as string
    if (part === '.') continue
    if (part === '..') {
      resolved.pop()
      continue
    }
    const candidate = `/${[...resolved, part].join('/')}`
    const file = index.files.get(candidate)
    if (file === undefined) {
      // Layers need not list parent directories: a missing middle component is an implicit directory.
      if (pending.length > 0) {
        resolved.push(part)
        continue
      }
      return { path: candidate, problem: 'missing' }
    }
    if (file.type === 'symlink' && file.linkTarget !== undefined) {
      hops++
      if (hops > MAX_SYMLINK_HOPS) return { path: candidate, file, problem: 'loop' }
      const target = file.linkTarget
      if (target.startsWith('/')) resolved = []
      pending = [...target.split('/').filter(Boolean), ...pending]
      continue
    }
    resolved.push(part)
  }
  const finalPath = `/${resolved.join('/')}`
  const file = index.files.get(finalPath)
  return file || finalPath === '/'
    ? { path: finalPath, ...(file ? { file } : {}) }
    : { path: finalPath, problem: 'missing' }
}
