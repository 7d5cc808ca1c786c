// Symlink-aware lookups in the merged file index. The image reader's own
// resolver was not available when the checks were written, so this is a
// local one: every path component is resolved (absolute and relative
// targets, `..` clamped at `/`), with a hop limit so loops end.
import type { ImageFile } from '../image/types.js'

export const MAX_SYMLINK_HOPS = 40

export function normalizePath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return '/' + parts.join('/')
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * The file a path finally names after following symlinks (in every
 * component), or undefined when it is missing, dangling or loops. Hard links
 * resolve to their target entry.
 */
export function resolvePath(files: ReadonlyMap<string, ImageFile>, path: string): ImageFile | undefined {
  let hops = 0
  let pending = normalizePath(path).split('/').filter(Boolean)
  let current = ''
  while (pending.length > 0) {
    const next = `${current}/${pending[0]!}`
    pending = pending.slice(1)
    const entry = files.get(next)
    if (!entry) return undefined
    if (entry.type === 'symlink' && entry.linkTarget !== undefined) {
      if (++hops > MAX_SYMLINK_HOPS) return undefined
      const target = entry.linkTarget.startsWith('/')
        ? entry.linkTarget
        : `${current === '' ? '' : current}/${entry.linkTarget}`
      pending = [...normalizePath(target).split('/').filter(Boolean), ...pending]
      current = ''
      continue
    }
    current = next
  }
  const found = files.get(current === '' ? '/' : current)
  if (found?.type === 'hardlink' && found.linkTarget !== undefined) {
    const target = files.get(normalizePath(found.linkTarget))
    return target ? { ...target, path: found.path, layer: found.layer } : found
  }
  return found
}
