// Lookups the checks share: programs on the usual PATH directories, the
// instructions of the final stage chain, and where a hit with no layer goes.
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model.js'
import type { ImageFile, ImageIndex } from '../image/types.js'
import { stageChain } from './attribution.js'
import { resolveFile } from './resolve.js'

export const PROGRAM_DIRS = ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin']

export interface FoundProgram {
  /** The name as found on a PATH directory (`/bin/sh`). */
  path: string
  /** The file it finally resolves to (`/bin/busybox`). */
  target: ImageFile
}

/**
 * Each program (by name) present on the usual PATH directories, once per
 * real file: `/bin/sh` and `/usr/bin/sh` both pointing to dash count once.
 */
export function findPrograms(index: ImageIndex, names: readonly string[]): FoundProgram[] {
  const found: FoundProgram[] = []
  const seenTargets = new Set<string>()
  for (const name of names) {
    for (const dir of PROGRAM_DIRS) {
      const path = `${dir}/${name}`
      const target = resolveFile(index.files, path)
      if (!target || (target.type !== 'file' && target.type !== 'hardlink')) continue
      if ((target.mode & 0o111) === 0) continue
      const key = `${target.path}`
      if (seenTargets.has(key)) continue
      seenTargets.add(key)
      found.push({ path, target })
    }
  }
  return found
}

/** The last instruction with this keyword in the final stage chain (final stage first, then its bases). */
export function lastInstruction(
  model: DockerfileModel,
  keyword: string
): { stage: Stage; instruction: Instruction } | undefined {
  for (const stage of stageChain(model)) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const instruction = stage.instructions[i]!
      if (instruction.keyword === keyword) return { stage, instruction }
    }
  }
  return undefined
}

/**
 * For each directory, the regular files (and hard links) under it (the directory itself
 * excluded), from one walk over the
 * paths: a record is built only for a path under one of them, so twenty cache directories
 * cost one pass over a layer of millions of files, not twenty.
 */
export function filesUnderEach(index: ImageIndex, dirs: readonly string[]): Map<string, ImageFile[]> {
  const prefixes = [...new Set(dirs)].map(dir => ({ dir, prefix: dir.endsWith('/') ? dir : `${dir}/` }))
  const result = new Map<string, ImageFile[]>(prefixes.map(({ dir }) => [dir, []]))
  for (const path of index.files.keys()) {
    let file: ImageFile | undefined
    for (const { dir, prefix } of prefixes) {
      if (!path.startsWith(prefix)) continue
      file ??= index.files.get(path)
      if (file && (file.type === 'file' || file.type === 'hardlink')) result.get(dir)!.push(file)
    }
  }
  return result
}

/** The layer that contributed the most bytes among these files (ties: the latest). */
export function heaviestLayer(files: readonly ImageFile[]): number | undefined {
  const bytes = new Map<number, number>()
  for (const file of files) bytes.set(file.layer, (bytes.get(file.layer) ?? 0) + file.size)
  let best: number | undefined
  for (const [layer, size] of bytes) {
    if (best === undefined || size > (bytes.get(best) ?? 0) || (size === bytes.get(best) && layer > best))
      best = layer
  }
  return best
}

/** `a, b, c (+4 more)` */
export function examples(paths: readonly string[], limit = 3): string {
  const shown = paths.slice(0, limit).join(', ')
  return paths.length > limit ? `${shown} (+${paths.length - limit} more)` : shown
}
