// Symlink-aware lookups in the merged file index, on top of the reader's
// resolvePath (image/paths.ts: every component resolved, `..` clamped at the
// root, the kernel's hop limit). Hard links resolve to their target entry.
import { normalisePath, resolvePath } from '../image/paths.js'
import type { ImageFile } from '../image/types.js'

export function normalizePath(path: string): string {
  return normalisePath(path).path
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}

/** The file a path finally names after following symlinks, or undefined when missing, dangling or looping. */
export function resolveFile(files: ReadonlyMap<string, ImageFile>, path: string): ImageFile | undefined {
  const resolved = resolvePath({ files }, path)
  if (resolved.problem !== undefined || !resolved.file) return undefined
  const found = resolved.file
  if (found.type === 'hardlink' && found.linkTarget !== undefined) {
    const target = files.get(normalizePath(found.linkTarget))
    return target ? { ...target, path: found.path, layer: found.layer } : found
  }
  return found
}
