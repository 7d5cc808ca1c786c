// The merged file index (ImageIndex.files) kept as columns instead of one
// object per file: a path → slot map plus typed arrays for the fields, so a
// layer of millions of files costs its path strings, a map entry and about
// 23 bytes of fields a file, not an object of eight properties each (which
// V8 also copies twice while promoting it, and traces in every full
// collection). Reads through the Map interface build an ImageFile on demand,
// so the checks see exactly the objects they saw before; the builder works
// on slots and never builds one unless it needs the whole record (a shadowed
// version, a resolved parent).
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

/** Values that do not fit a column's width are kept exactly beside it (a pax uid of 2^40). */
const WIDE32 = 0xffffffff
const WIDE16 = 0xffff
const INITIAL_SLOTS = 1024

export class CompactFileMap implements Map<string, ImageFile> {
  readonly [Symbol.toStringTag] = 'Map'
  private readonly slots = new Map<string, number>()
  private types = new Uint8Array(INITIAL_SLOTS)
  private sizes = new Float64Array(INITIAL_SLOTS)
  private modes = new Uint16Array(INITIAL_SLOTS)
  private uids = new Uint32Array(INITIAL_SLOTS)
  private gids = new Uint32Array(INITIAL_SLOTS)
  private layers = new Uint32Array(INITIAL_SLOTS)
  /** Link targets by slot: only links have one. */
  private readonly links = new Map<number, string>()
  /** Exact values of fields too wide for their column, by `${column}:${slot}`. */
  private readonly wide = new Map<string, number>()
  private readonly freeSlots: number[] = []
  private used = 0

  get size(): number {
    return this.slots.size
  }

  /** The slot holding `path`, or -1. */
  slotOf(path: string): number {
    return this.slots.get(path) ?? -1
  }

  typeAt(slot: number): TypeCode {
    return this.types[slot] as TypeCode
  }

  layerAt(slot: number): number {
    const layer = this.layers[slot] as number
    return layer === WIDE32 ? (this.wide.get(`l:${slot}`) as number) : layer
  }

  sizeAt(slot: number): number {
    return this.sizes[slot] as number
  }

  /** The record at `slot`, as the ImageFile the Map interface returns. */
  fileAt(slot: number, path: string): ImageFile {
    const mode = this.modes[slot] as number
    const uid = this.uids[slot] as number
    const gid = this.gids[slot] as number
    return {
      path,
      type: TYPES[this.types[slot] as number] as FileType,
      size: this.sizes[slot] as number,
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
    layer: number
  ): number {
    if (slot < 0) {
      slot = this.freeSlots.pop() ?? this.grow()
      this.slots.set(path, slot)
    } else this.clearWide(slot)
    this.types[slot] = type
    this.sizes[slot] = size
    this.modes[slot] = this.fit(mode, WIDE16, 'm', slot)
    this.uids[slot] = this.fit(uid, WIDE32, 'u', slot)
    this.gids[slot] = this.fit(gid, WIDE32, 'g', slot)
    this.layers[slot] = this.fit(layer, WIDE32, 'l', slot)
    if (linkTarget === undefined) this.links.delete(slot)
    else this.links.set(slot, linkTarget)
    return slot
  }

  /** Path → slot pairs, in insertion order; deleting while iterating is safe, as with a Map. */
  slotEntries(): MapIterator<[string, number]> {
    return this.slots.entries()
  }

  get(path: string): ImageFile | undefined {
    const slot = this.slots.get(path)
    return slot === undefined ? undefined : this.fileAt(slot, path)
  }

  has(path: string): boolean {
    return this.slots.has(path)
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
    const slot = this.slots.get(path)
    if (slot === undefined) return false
    this.slots.delete(path)
    this.links.delete(slot)
    this.clearWide(slot)
    this.freeSlots.push(slot)
    return true
  }

  clear(): void {
    for (const path of [...this.slots.keys()]) this.delete(path)
  }

  forEach(
    callback: (value: ImageFile, key: string, map: Map<string, ImageFile>) => void,
    thisArg?: unknown
  ): void {
    for (const [path, slot] of this.slots) callback.call(thisArg, this.fileAt(slot, path), path, this)
  }

  keys(): MapIterator<string> {
    return this.slots.keys()
  }

  values(): MapIterator<ImageFile> {
    return new SlotIterator(this.slots.entries(), (slot, path) => this.fileAt(slot, path))
  }

  entries(): MapIterator<[string, ImageFile]> {
    return new SlotIterator(this.slots.entries(), (slot, path) => [path, this.fileAt(slot, path)])
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
    for (const column of ['m', 'u', 'g', 'l']) this.wide.delete(`${column}:${slot}`)
  }

  /** A fresh slot, doubling the columns when they are full. */
  private grow(): number {
    if (this.used === this.types.length) {
      const length = this.types.length * 2
      const widen = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
        old: T,
        make: (n: number) => T
      ): T => {
        const next = make(length)
        next.set(old)
        return next
      }
      this.types = widen(this.types, n => new Uint8Array(n))
      this.sizes = widen(this.sizes, n => new Float64Array(n))
      this.modes = widen(this.modes, n => new Uint16Array(n))
      this.uids = widen(this.uids, n => new Uint32Array(n))
      this.gids = widen(this.gids, n => new Uint32Array(n))
      this.layers = widen(this.layers, n => new Uint32Array(n))
    }
    return this.used++
  }
}

/**
 * The records of a path → slot iterator, built one at a time. A plain iterator, not a generator:
 * the image checks walk every file about a dozen times, and a generator's resumption cost three
 * times as much per file as this `next()` (Node 20, 300k files).
 */
class SlotIterator<T> implements MapIterator<T> {
  constructor(
    private readonly slots: MapIterator<[string, number]>,
    private readonly record: (slot: number, path: string) => T
  ) {}

  next(): IteratorResult<T, BuiltinIteratorReturn> {
    const step = this.slots.next()
    if (step.done === true) return { done: true, value: undefined }
    const [path, slot] = step.value
    return { done: false, value: this.record(slot, path) }
  }

  [Symbol.iterator](): MapIterator<T> {
    return this
  }
}
