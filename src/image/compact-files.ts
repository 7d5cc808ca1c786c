// The merged file index (ImageIndex.files) kept as columns instead of one
// object per file: a path table (path-table.ts: the paths as bytes in one
// arena, found through an open-addressing hash of slot numbers) plus typed
// arrays for the fields, so a layer of millions of files costs about 17
// bytes of fields, 20 of table and its path's bytes a file, not a string, a
// map entry and an object of eight properties each (which V8 also copies
// twice while promoting it, and traces in every full collection). Reads
// through the Map interface build an ImageFile (and, for keys, a path string)
// on demand, so the checks see exactly the objects they saw before; the
// builder works on slots and never builds one unless it needs the whole
// record (a shadowed version, a resolved parent).
import { PathTable, grown } from './path-table.js'
import type { FileType, ImageFile } from './types.js'

const TYPES: readonly FileType[] = ['file', 'dir', 'symlink', 'hardlink', 'other']

/** The type column's codes: the index into TYPES. */
export type TypeCode = 0 | 1 | 2 | 3 | 4
export const TYPE_FILE = 0
export const TYPE_DIR = 1
export const TYPE_SYMLINK = 2
export const TYPE_HARDLINK = 3

export function typeCode(type: FileType): TypeCode {
  switch (type) {
    case 'file':
      return 0
    case 'dir':
      return 1
    case 'symlink':
      return 2
    case 'hardlink':
      return 3
    default:
      return 4
  }
}

/** Values that do not fit a column's width are kept exactly beside it (a pax uid of 2^40, a 5 GiB file). */
const WIDE32 = 0xffffffff
const WIDE16 = 0xffff
const INITIAL_SLOTS = 1024

export class CompactFileMap implements Map<string, ImageFile> {
  readonly [Symbol.toStringTag] = 'Map'
  private readonly paths = new PathTable()
  private types = new Uint8Array(INITIAL_SLOTS)
  private sizes = new Uint32Array(INITIAL_SLOTS)
  private modes = new Uint16Array(INITIAL_SLOTS)
  private uids = new Uint32Array(INITIAL_SLOTS)
  private gids = new Uint32Array(INITIAL_SLOTS)
  private layers = new Uint16Array(INITIAL_SLOTS)
  /** Link targets by slot: only links have one. */
  private readonly links = new Map<number, string>()
  /** Exact values of fields too wide for their column, by `${column}:${slot}`. */
  private readonly wide = new Map<string, number>()

  get size(): number {
    return this.paths.count
  }

  /** The slot holding `path` (whose `hashOf` the caller may already have), or -1. */
  slotOf(path: string, hash?: number): number {
    return this.paths.find(path, hash)
  }

  typeAt(slot: number): TypeCode {
    return this.types[slot] as TypeCode
  }

  layerAt(slot: number): number {
    const layer = this.layers[slot] as number
    return layer === WIDE16 ? (this.wide.get(`l:${slot}`) as number) : layer
  }

  sizeAt(slot: number): number {
    const size = this.sizes[slot] as number
    return size === WIDE32 ? (this.wide.get(`s:${slot}`) as number) : size
  }

  /** The record at `slot`, as the ImageFile the Map interface returns. */
  fileAt(slot: number, path: string): ImageFile {
    const mode = this.modes[slot] as number
    const uid = this.uids[slot] as number
    const gid = this.gids[slot] as number
    return {
      path,
      type: TYPES[this.types[slot] as number] as FileType,
      size: this.sizeAt(slot),
      mode: mode === WIDE16 ? (this.wide.get(`m:${slot}`) as number) : mode,
      uid: uid === WIDE32 ? (this.wide.get(`u:${slot}`) as number) : uid,
      gid: gid === WIDE32 ? (this.wide.get(`g:${slot}`) as number) : gid,
      linkTarget: this.links.get(slot),
      layer: this.layerAt(slot)
    }
  }

  /** Stores a record at `slot` (from slotOf; -1 for a new path) and returns its slot. */
  put(
    slot: number,
    path: string,
    type: TypeCode,
    size: number,
    mode: number,
    uid: number,
    gid: number,
    linkTarget: string | undefined,
    layer: number,
    /** `path`'s hashOf, when the caller has it. */
    hash?: number
  ): number {
    if (slot < 0) {
      slot = this.paths.add(path, hash)
      if (slot >= this.types.length) this.grow()
    } else this.clearWide(slot)
    this.types[slot] = type
    this.sizes[slot] = this.fit(size, WIDE32, 's', slot)
    this.modes[slot] = this.fit(mode, WIDE16, 'm', slot)
    this.uids[slot] = this.fit(uid, WIDE32, 'u', slot)
    this.gids[slot] = this.fit(gid, WIDE32, 'g', slot)
    this.layers[slot] = this.fit(layer, WIDE16, 'l', slot)
    if (linkTarget === undefined) this.links.delete(slot)
    else this.links.set(slot, linkTarget)
    return slot
  }

  /** Path → slot pairs, in insertion order; deleting while iterating is safe, as with a Map. */
  slotEntries(): MapIterator<[string, number]> {
    return new SlotIterator(this.paths, (slot, path) => [path, slot])
  }

  get(path: string): ImageFile | undefined {
    const slot = this.paths.find(path)
    return slot < 0 ? undefined : this.fileAt(slot, path)
  }

  has(path: string): boolean {
    return this.paths.find(path) >= 0
  }

  set(path: string, file: ImageFile): this {
    this.put(
      this.slotOf(path),
      path,
      typeCode(file.type),
      file.size,
      file.mode,
      file.uid,
      file.gid,
      file.linkTarget,
      file.layer
    )
    return this
  }

  delete(path: string): boolean {
    const slot = this.paths.find(path)
    if (slot < 0) return false
    this.paths.remove(slot)
    this.links.delete(slot)
    this.clearWide(slot)
    return true
  }

  clear(): void {
    this.paths.clear()
    this.links.clear()
    this.wide.clear()
  }

  forEach(
    callback: (value: ImageFile, key: string, map: Map<string, ImageFile>) => void,
    thisArg?: unknown
  ): void {
    for (const [path, slot] of this.slotEntries()) callback.call(thisArg, this.fileAt(slot, path), path, this)
  }

  keys(): MapIterator<string> {
    return new SlotIterator(this.paths, (_slot, path) => path)
  }

  values(): MapIterator<ImageFile> {
    return new SlotIterator(this.paths, (slot, path) => this.fileAt(slot, path))
  }

  entries(): MapIterator<[string, ImageFile]> {
    return new SlotIterator(this.paths, (slot, path) => [path, this.fileAt(slot, path)])
  }

  [Symbol.iterator](): MapIterator<[string, ImageFile]> {
    return this.entries()
  }

  private fit(value: number, wide: number, column: string, slot: number): number {
    if (Number.isInteger(value) && value >= 0 && value < wide) return value
    this.wide.set(`${column}:${slot}`, value)
    return wide
  }

  private clearWide(slot: number): void {
    if (this.wide.size === 0) return
    for (const column of ['s', 'm', 'u', 'g', 'l']) this.wide.delete(`${column}:${slot}`)
  }

  /** Doubles the columns (the path table hands out slots in order, one past the last). */
  private grow(): void {
    const length = this.types.length * 2
    this.types = grown(this.types, new Uint8Array(length))
    this.sizes = grown(this.sizes, new Uint32Array(length))
    this.modes = grown(this.modes, new Uint16Array(length))
    this.uids = grown(this.uids, new Uint32Array(length))
    this.gids = grown(this.gids, new Uint32Array(length))
    this.layers = grown(this.layers, new Uint16Array(length))
  }
}

/**
 * The live slots of a path table in slot order (insertion order), each as a record built on
 * demand. The end is read at every step, so keys added while iterating are visited and deleted
 * ones skipped, as a Map iterator does. A plain iterator, not a generator: the image checks walk
 * every file about a dozen times, and a generator's resumption cost three times as much per file
 * as this `next()` (Node 20, 300k files).
 */
class SlotIterator<T> implements MapIterator<T> {
  private slot = 0

  constructor(
    private readonly paths: PathTable,
    private readonly record: (slot: number, path: string) => T
  ) {}

  next(): IteratorResult<T, BuiltinIteratorReturn> {
    // Once done, done for good (a Map iterator does not wake for later keys).
    while (this.slot >= 0 && this.slot < this.paths.end) {
      const slot = this.slot++
      if (this.paths.isLive(slot)) return { done: false, value: this.record(slot, this.paths.keyAt(slot)) }
    }
    this.slot = -1
    return { done: true, value: undefined }
  }

  [Symbol.iterator](): MapIterator<T> {
    return this
  }
}
