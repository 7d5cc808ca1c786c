// Builds the merged file index as layers stream by, bottom to top, applying
// whiteouts as overlayfs does: `.wh.NAME` deletes NAME (and everything under
// it) from lower layers, `.wh..wh..opq` hides a directory's lower contents.
// Whiteouts are applied when their layer ends, and only to lower layers, so
// the order of entries inside a layer does not matter. Also keeps dive's
// per-path bookkeeping for wasted bytes and efficiency, and the file contents
// the checks asked for.
import { UsageError } from '../errors.js'
import {
  CompactFileMap,
  TYPE_DIR,
  TYPE_FILE,
  TYPE_HARDLINK,
  TYPE_SYMLINK,
  typeCode
} from './compact-files.js'
import type { Warnings, ReaderLimits } from './limits.js'
import { PathTable, hashOf, hashRange } from './path-table.js'
import { baseName, joinPath, MAX_LINK_TARGET, normalisePath, parentOf, resolvePath } from './paths.js'
import type { TarEntry, TarVisitor } from './tar.js'
import { contentKey, type CapturePolicy, type ImageFile, type ShadowedFile } from './types.js'

const WHITEOUT = '.wh.'
const OPAQUE = '.wh..wh..opq'

/** Paths come from untrusted archives: quote any with control characters so a warning stays one line. */
function show(path: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(path) ? JSON.stringify(path) : path
}

export interface LayerStats {
  sizeBytes: number
  fileCount: number
}

/** dive's per-path record, kept only for paths seen more than once. */
interface PathUse {
  cumulative: number
  minimum: number
}

export interface IndexTotals {
  sizeBytes: number
  wastedBytes: number
  efficiency: number
}

export class FileIndexBuilder implements TarVisitor {
  /** The merged filesystem so far: a Map to its readers, columns inside (see compact-files.ts). */
  readonly files = new CompactFileMap()
  readonly shadowed: ShadowedFile[] = []
  readonly contents = new Map<string, Buffer>()
  private readonly reused = new Map<string, PathUse>()
  private totalSize = 0
  private entries = 0
  private capturedBytes = 0
  private captureBudgetWarned = false

  private layer = -1
  private layerStats: LayerStats = { sizeBytes: 0, fileCount: 0 }
  private whiteouts: string[] = []
  private opaqueDirs: string[] = []
  /** Paths whose lower-layer descendants this layer removes. */
  private sweepRoots = new Set<string>()

  /**
   * Directories known to have no symlink on their path (each prefix checked),
   * so placing an entry costs one lookup. Cleared only when a symlink replaces
   * one of them: a new symlink elsewhere cannot be on a clean path (every
   * prefix of a clean directory is clean itself). A path table, so an entry's
   * parent is found by the hash of its path's prefix, with no parent string made.
   */
  private readonly cleanDirs = cleanRoot(new PathTable())
  /** Bumped whenever a symlink appears or disappears: invalidates the cached parent below. */
  private linkEpoch = 0
  /** hashOf the path `place` last returned (the entry's path is hashed once, by `place`). */
  private placedHash = 0
  /** The last parent that was not clean (resolved through a symlink), and where it resolved to. */
  private lastParent = ''
  private lastParentResolved = ''
  private lastParentEpoch = -1

  private capture: Buffer | undefined
  private captureFill = 0
  private captureKey = ''

  constructor(
    private readonly ref: string,
    private readonly limits: ReaderLimits,
    private readonly warnings: Warnings,
    private readonly policy: CapturePolicy | undefined
  ) {}

  beginLayer(layer: number): void {
    this.layer = layer
    // The last layer's whiteouts may have deleted symlinks: resolved parents are stale.
    this.linkEpoch++
    this.layerStats = { sizeBytes: 0, fileCount: 0 }
    this.whiteouts = []
    this.opaqueDirs = []
    this.sweepRoots = new Set()
  }

  entry(entry: TarEntry): number {
    if (++this.entries > this.limits.maxEntries)
      throw new UsageError(`image has more than ${this.limits.maxEntries} files: ${this.ref}`)
    const layer = this.layer
    const lexical = normalisePath(entry.name)
    const escaped = lexical.escaped
    let path = lexical.path
    if (escaped)
      this.warnings.add(
        `layer ${layer}: entry ${JSON.stringify(entry.name)} climbs above the root; indexed as ${show(path)}`
      )
    if (path.length > this.limits.maxPathLength) {
      this.warnings.add(
        `layer ${layer}: skipped an entry with a ${path.length}-character path (${show(path.slice(0, 80))}…)`
      )
      return 0
    }
    if (path === '/') return 0
    // The runtime's layer applier resolves an entry's parent through the
    // symlinks already on disk (within the root): `usr/local/bin/sh` over
    // `/usr/local/bin -> /opt` lands at `/opt/sh`. Index it where it lands.
    const placed = this.place(path)
    if (placed === undefined) return 0
    path = placed
    const hash = this.placedHash
    if (path.startsWith(WHITEOUT, path.lastIndexOf('/') + 1)) {
      const name = baseName(path)
      const target = name.slice(WHITEOUT.length)
      if (name === OPAQUE) this.opaqueDirs.push(parentOf(path))
      else if (target === '' || target === '.' || target === '..')
        // containerd refuses these; read literally `.wh.` would delete the whole directory.
        this.warnings.addTampering(
          `layer ${layer}: invalid whiteout ${show(path)} (no runtime accepts it; ignored, nothing deleted)`
        )
      else if (!name.startsWith(`${WHITEOUT}${WHITEOUT}`))
        this.whiteouts.push(joinPath(parentOf(path), target))
      // Other `.wh..wh.` names are aufs bookkeeping (hard-link dirs): nothing to index.
      return 0
    }

    const files = this.files
    const type = typeCode(entry.type)
    const size = type === TYPE_FILE ? entry.size : 0
    let linkTarget: string | undefined
    if (type === TYPE_SYMLINK) {
      linkTarget = entry.linkName
      if (entry.linkName.length > MAX_LINK_TARGET)
        this.warnings.add(
          `layer ${layer}: symlink ${show(path)} has a ${entry.linkName.length}-character target (longer than PATH_MAX; the kernel refuses it)`
        )
    } else if (type === TYPE_HARDLINK) {
      const target = normalisePath(entry.linkName)
      if (!target.escaped && target.path !== '/') target.path = this.place(target.path) ?? target.path
      linkTarget = target.path
      if (target.escaped)
        this.warnings.add(
          `layer ${layer}: hard link ${show(path)} points above the root (${JSON.stringify(entry.linkName)})`
        )
      if (!files.has(target.path))
        this.warnings.add(`layer ${layer}: hard link ${show(path)} points to missing ${show(target.path)}`)
    }
    this.layerStats.fileCount++
    this.layerStats.sizeBytes += size
    this.totalSize += size

    const priorSlot = files.slotOf(path, hash)
    const priorType = priorSlot < 0 ? -1 : files.typeAt(priorSlot)
    if (priorSlot >= 0) {
      const bothDirs = priorType === TYPE_DIR && type === TYPE_DIR
      if (files.layerAt(priorSlot) === layer && !bothDirs)
        this.warnings.add(`layer ${layer}: duplicate entry ${show(path)} (the last one wins)`)
      // A directory restated by a later layer (metadata change) is not a new version of any bytes.
      if (!bothDirs) {
        this.shadow(files.fileAt(priorSlot, path), 'overwritten')
        if (priorType === TYPE_DIR) this.sweepRoots.add(path)
      }
    }
    if (type !== TYPE_DIR)
      this.countUse(path, size, priorSlot < 0 || priorType === TYPE_DIR ? undefined : files.sizeAt(priorSlot))
    if (type === TYPE_SYMLINK || priorType === TYPE_SYMLINK) {
      this.linkEpoch++
      if (type === TYPE_SYMLINK && this.cleanDirs.find(path, hash) >= 0) cleanRoot(this.cleanDirs)
    }
    files.put(priorSlot, path, type, size, entry.mode, entry.uid, entry.gid, linkTarget, layer, hash)

    if (type !== TYPE_FILE || entry.dataSize === 0 || this.policy === undefined) return 0
    const wanted = Math.min(Math.max(0, Math.floor(this.policy(path, size, entry.mode))), entry.dataSize)
    if (!(wanted > 0)) return 0
    if (this.capturedBytes + wanted > this.limits.maxCapturedBytes) {
      if (!this.captureBudgetWarned) {
        this.captureBudgetWarned = true
        this.warnings.add(
          `captured-content budget of ${this.limits.maxCapturedBytes} bytes reached at layer ${layer} ${show(path)}: later files were not read`
        )
      }
      return 0
    }
    this.capturedBytes += wanted
    this.capture = Buffer.allocUnsafe(wanted)
    this.captureFill = 0
    this.captureKey = contentKey(layer, path)
    return wanted
  }

  /**
   * Where an entry at lexical `path` lands once its parent is resolved (its hashOf in
   * `placedHash`); undefined when it cannot land.
   */
  private place(path: string): string | undefined {
    const slash = path.lastIndexOf('/')
    if (slash <= 0) {
      this.placedHash = hashOf(path)
      return path
    }
    // One pass over the path hashes its parent (to find it among the clean directories) and,
    // continued, the path itself (to find the entry in the index).
    const parentHash = hashRange(path, 0, slash)
    if (this.cleanDirs.find(path, parentHash, slash) >= 0) {
      this.placedHash = hashRange(path, slash, path.length, parentHash)
      return path
    }
    const parent = path.slice(0, slash)
    // Entries of one directory mostly come together: the last resolved parent's answer first.
    if (parent === this.lastParent && this.lastParentEpoch === this.linkEpoch)
      return this.landed(path, joinPath(this.lastParentResolved, baseName(path)), parentHash)
    let resolvedParent = parent
    if (!this.markClean(parent)) {
      const resolved = resolvePath(this, parent, { procRoot: false })
      if (resolved.problem === 'loop' || resolved.problem === 'too-long' || resolved.problem === 'not-dir') {
        this.warnings.add(
          `layer ${this.layer}: entry ${show(path)} lies under ${show(resolved.path)}, which is not a directory (${resolved.problem}); the runtime would refuse the layer`
        )
        return undefined
      }
      resolvedParent = resolved.path
    }
    if (resolvedParent === parent) return this.landed(path, path, parentHash)
    this.lastParent = parent
    this.lastParentResolved = resolvedParent
    this.lastParentEpoch = this.linkEpoch
    return this.landed(path, joinPath(resolvedParent, baseName(path)), parentHash)
  }

  /** `placed` (where lexical `path` lands), its hash kept for the entry's lookups. */
  private landed(path: string, placed: string, parentHash: number): string {
    this.placedHash =
      placed === path ? hashRange(path, path.lastIndexOf('/'), path.length, parentHash) : hashOf(placed)
    return placed
  }

  /** Marks `dir` and its prefixes clean when none is a symlink; false when one is. */
  private markClean(dir: string): boolean {
    const hash = hashOf(dir)
    if (this.cleanDirs.find(dir, hash) >= 0) return true
    const slot = this.files.slotOf(dir, hash)
    if (slot >= 0 && this.files.typeAt(slot) === TYPE_SYMLINK) return false
    if (!this.markClean(parentOf(dir))) return false
    this.cleanDirs.add(dir, hash)
    return true
  }

  data(piece: Buffer): void {
    const capture = this.capture as Buffer
    piece.copy(capture, this.captureFill)
    this.captureFill += piece.length
  }

  dataEnd(): void {
    if (this.capture) this.contents.set(this.captureKey, this.capture)
    this.capture = undefined
  }

  /** Applies this layer's whiteouts to the lower layers and returns its stats. */
  endLayer(): LayerStats {
    const layer = this.layer
    const sweepDirs = this.sweepRoots
    const files = this.files
    for (const target of this.whiteouts) {
      const slot = files.slotOf(target)
      const prior = slot < 0 ? undefined : files.fileAt(slot, target)
      if (prior !== undefined && prior.layer < layer) {
        files.delete(target)
        this.shadow(prior, 'deleted', layer)
        if (prior.type !== 'dir') this.countDeletion(target, prior.size)
      }
      // Descendants may exist even without the directory's own entry: sweep unless it was a plain file.
      if (prior === undefined || prior.type === 'dir' || prior.layer === layer) sweepDirs.add(target)
    }
    const opaque = new Set(this.opaqueDirs)
    if (sweepDirs.size > 0 || opaque.size > 0) {
      // Whether a directory lies under a swept one, decided once per directory (memoised),
      // so deep trees cost their size, not size × depth (2000-deep dirs over 10 layers).
      const under = new Map<string, boolean>()
      const isSwept = (dir: string): boolean => {
        const known = under.get(dir)
        if (known !== undefined) return known
        const pending: string[] = []
        let at = dir
        let result = false
        for (;;) {
          const cached = under.get(at)
          if (cached !== undefined) {
            result = cached
            break
          }
          if (sweepDirs.has(at) || opaque.has(at)) {
            result = true
            break
          }
          pending.push(at)
          if (at === '/') break
          at = parentOf(at)
        }
        for (const d of pending) under.set(d, result)
        return result
      }
      for (const [path, slot] of files.slotEntries()) {
        if (files.layerAt(slot) >= layer) continue
        if (!isSwept(parentOf(path))) continue
        const how: ShadowedFile['how'] = 'deleted'
        const file = files.fileAt(slot, path)
        files.delete(path)
        this.shadow(file, how, layer)
        if (file.type !== 'dir') this.countDeletion(path, file.size)
      }
    }
    return this.layerStats
  }

  /** Sizes and dive's wasted bytes and efficiency over all layers read. */
  totals(): IndexTotals {
    let wasted = 0
    let penalty = 0
    for (const use of this.reused.values()) {
      wasted += use.cumulative
      penalty += use.cumulative - use.minimum
    }
    const efficiency = this.totalSize === 0 ? 1 : (this.totalSize - penalty) / this.totalSize
    return { sizeBytes: this.totalSize, wastedBytes: wasted, efficiency }
  }

  private shadow(file: ImageFile, how: ShadowedFile['how'], hiddenBy = this.layer): void {
    this.shadowed.push({ ...file, hiddenBy, how })
  }

  // dive counts, per path, every layer's version (a deletion as a version of
  // size 0); a path seen more than once is "inefficient": its versions' sizes
  // sum to wasted bytes, and all but the smallest count against efficiency.
  /** `priorSize`: the size of the version this one replaces, undefined when none (or a directory) was there. */
  private countUse(path: string, size: number, priorSize: number | undefined): void {
    // A first version of a path never deleted before needs no record (and no lookup).
    if (priorSize === undefined && this.reused.size === 0) return
    let use = this.reused.get(path)
    if (use === undefined) {
      if (priorSize === undefined) return
      use = { cumulative: priorSize, minimum: priorSize }
      this.reused.set(path, use)
    }
    use.cumulative += size
    if (size < use.minimum) use.minimum = size
  }

  private countDeletion(path: string, size: number): void {
    let use = this.reused.get(path)
    if (use === undefined) {
      use = { cumulative: size, minimum: size }
      this.reused.set(path, use)
    }
    use.minimum = 0
  }
}

/** Empties a clean-directory table down to the root, which is always clean. */
function cleanRoot(table: PathTable): PathTable {
  table.clear()
  table.add('/')
  return table
}
