// The path → slot table behind the file index (compact-files.ts): every key
// kept as bytes in one arena rather than as a JS string, found through an
// open-addressing hash table of slot numbers. A layer of millions of files
// then costs each file its path's bytes plus 12 bytes of per-slot columns and
// about 8 of table, where a Map<string, number> costs a string (16 bytes of
// header, the characters, 8-byte alignment) and a map entry of three words
// plus its buckets: 147 bytes a file against about 60 on a 22-character path.
//
// Slots are handed out in insertion order and never reused: a deleted key's
// slot stays dead and a re-added key gets a new slot at the end, which is
// exactly a Map's iteration order (a key set again after a delete goes last).
// The dead slots' bytes stay in the arena; the reader's entry limit bounds them.
//
// A key whose code units are all below 256 is stored as Latin-1 bytes, any
// other as UTF-16LE (bit 31 of its length says which), so each string has one
// encoding and two keys are equal exactly when their bytes are.

import { UsageError } from '../errors.js'

const UTF16 = 0x80000000
const DEAD = 0xffffffff
const INITIAL_SLOTS = 1024
/** Cells of a new table (exported for the test that builds probe runs across its end). */
export const INITIAL_TABLE = 2048
/**
 * The arena is a list of 1 MiB chunks, never copied as it grows (a doubling buffer would hold up
 * to twice the keys' bytes, and both copies while growing); a key never straddles two chunks.
 */
const CHUNK_BITS = 20
const CHUNK = 1 << CHUNK_BITS
const MAX_CHUNKS = 2 ** (32 - CHUNK_BITS) - 1
/** The table doubles once more than this share of it is in use (linear probing stays short). */
const MAX_LOAD = 0.75

export class PathTable {
  /** The arena's chunks; a key's start is its chunk's index << CHUNK_BITS plus its offset there. */
  private chunks: Chunk[] = []
  /** Bytes used in the last chunk. */
  private chunkUsed = CHUNK
  /** Per slot: where its key starts in the arena (DEAD once deleted), its length and hash. */
  private starts = new Uint32Array(INITIAL_SLOTS)
  private lengths = new Uint32Array(INITIAL_SLOTS)
  private hashes = new Int32Array(INITIAL_SLOTS)
  /** Open addressing, linear probing: slot + 1, or 0 for an empty cell. */
  private table = new Uint32Array(INITIAL_TABLE)
  private live = 0
  private slotsUsed = 0

  /** Keys present. */
  get count(): number {
    return this.live
  }

  /** One past the last slot ever handed out: iterate 0 ≤ slot < end, skipping dead slots. */
  get end(): number {
    return this.slotsUsed
  }

  isLive(slot: number): boolean {
    return slot < this.slotsUsed && this.starts[slot] !== DEAD
  }

  /**
   * The slot holding `key`'s first `length` code units (all of it by default), or -1. A caller
   * that hashed the key already (`hashOf`, or `hashRange` over a prefix) passes the hash: the
   * reader looks up an entry's parent directory and then the entry by one pass over its path,
   * with no parent string made.
   */
  find(key: string, hash = hashOf(key), length = key.length): number {
    const mask = this.table.length - 1
    for (let cell = hash & mask; ; cell = (cell + 1) & mask) {
      const entry = this.table[cell] as number
      if (entry === 0) return -1
      const slot = entry - 1
      if (this.hashes[slot] === hash && this.equals(slot, key, length)) return slot
    }
  }

  /** Stores `key` (which must be absent; `hash` its `hashOf`) in a new slot at the end and returns the slot. */
  add(key: string, hash = hashOf(key)): number {
    if ((this.live + 1) / this.table.length > MAX_LOAD) this.rehash(this.table.length * 2)
    const slot = this.newSlot()
    let wide = false
    for (let i = 0; i < key.length; i++)
      if (key.charCodeAt(i) > 0xff) {
        wide = true
        break
      }
    const bytes = wide ? key.length * 2 : key.length
    const start = this.reserve(bytes)
    const chunk = this.chunks[start >>> CHUNK_BITS] as Chunk
    if (wide) chunk.ucs2Write(key, start & (CHUNK - 1), bytes)
    else chunk.latin1Write(key, start & (CHUNK - 1), bytes)
    this.starts[slot] = start
    this.lengths[slot] = wide ? (bytes | UTF16) >>> 0 : bytes
    this.hashes[slot] = hash
    this.insert(slot, hash)
    this.live++
    return slot
  }

  /** Deletes the key at a live slot; the slot stays dead. */
  remove(slot: number): void {
    const mask = this.table.length - 1
    let cell = (this.hashes[slot] as number) & mask
    while (this.table[cell] !== slot + 1) cell = (cell + 1) & mask
    // Backward-shift deletion: later cells of the probe run move up, so no tombstones build up.
    let hole = cell
    for (let next = (hole + 1) & mask; this.table[next] !== 0; next = (next + 1) & mask) {
      const home = (this.hashes[(this.table[next] as number) - 1] as number) & mask
      // The entry at `next` may fill the hole only if its home is not in (hole, next].
      if ((next > hole && (home <= hole || home > next)) || (next < hole && home <= hole && home > next)) {
        this.table[hole] = this.table[next] as number
        hole = next
      }
    }
    this.table[hole] = 0
    this.starts[slot] = DEAD
    this.live--
  }

  /** The key at a slot (live or not: a dead slot keeps its bytes). */
  keyAt(slot: number): string {
    const length = this.lengths[slot] as number
    const start = this.starts[slot] as number
    if (start === DEAD) throw new RangeError(`slot ${slot} was deleted`)
    const chunk = this.chunks[start >>> CHUNK_BITS] as Chunk
    const offset = start & (CHUNK - 1)
    return length >= UTF16
      ? chunk.ucs2Slice(offset, offset + (length - UTF16))
      : chunk.latin1Slice(offset, offset + length)
  }

  clear(): void {
    this.chunks = []
    this.chunkUsed = CHUNK
    this.starts = new Uint32Array(INITIAL_SLOTS)
    this.lengths = new Uint32Array(INITIAL_SLOTS)
    this.hashes = new Int32Array(INITIAL_SLOTS)
    this.table = new Uint32Array(INITIAL_TABLE)
    this.live = 0
    this.slotsUsed = 0
  }

  /** Whether the slot's key is `key`'s first `keyLength` code units. */
  private equals(slot: number, key: string, keyLength: number): boolean {
    const length = this.lengths[slot] as number
    const start = this.starts[slot] as number
    const arena = this.chunks[start >>> CHUNK_BITS] as Chunk
    const offset = start & (CHUNK - 1)
    if (length >= UTF16) {
      if (length - UTF16 !== keyLength * 2) return false
      for (let i = 0; i < keyLength; i++)
        if (arena.readUInt16LE(offset + 2 * i) !== key.charCodeAt(i)) return false
      return true
    }
    if (length !== keyLength) return false
    for (let i = 0; i < length; i++) if (arena[offset + i] !== key.charCodeAt(i)) return false
    return true
  }

  private insert(slot: number, hash: number): void {
    const mask = this.table.length - 1
    let cell = hash & mask
    while (this.table[cell] !== 0) cell = (cell + 1) & mask
    this.table[cell] = slot + 1
  }

  private rehash(size: number): void {
    this.table = new Uint32Array(size)
    for (let slot = 0; slot < this.slotsUsed; slot++)
      if (this.starts[slot] !== DEAD) this.insert(slot, this.hashes[slot] as number)
  }

  private newSlot(): number {
    if (this.slotsUsed === this.starts.length) {
      const length = this.starts.length * 2
      this.starts = grown(this.starts, new Uint32Array(length))
      this.lengths = grown(this.lengths, new Uint32Array(length))
      this.hashes = grown(this.hashes, new Int32Array(length))
    }
    return this.slotsUsed++
  }

  /** `bytes` free bytes in the last chunk (a new one when they do not fit); returns their start. */
  private reserve(bytes: number): number {
    // The first key gets the first chunk even when it has no bytes (the empty key).
    if (this.chunkUsed + bytes > CHUNK || this.chunks.length === 0) {
      // Starts are 32-bit: 4 GiB of paths (millions of files of kilobyte names) is refused, never wrapped.
      if (this.chunks.length >= MAX_CHUNKS)
        throw new UsageError(
          `the image's paths take more than ${MAX_CHUNKS} MiB: too many files or too long names to index`
        )
      // A key longer than a chunk (only through the Map interface: the reader caps paths) gets its own.
      this.chunks.push(Buffer.alloc(Math.max(CHUNK, bytes)) as Chunk)
      this.chunkUsed = 0
    }
    const start = (this.chunks.length - 1) * CHUNK + this.chunkUsed
    this.chunkUsed = Math.min(CHUNK, this.chunkUsed + bytes)
    return start
  }
}

/**
 * Buffer's own decoders, which `toString(encoding, start, end)` reaches through an encoding
 * switch and argument checks: the checks decode every key a dozen times a run, and the wrapper
 * was half of that cost (Node 20). Both are on every Buffer since Node 0.x, though not in its types.
 */
type Chunk = Buffer & {
  latin1Slice(start: number, end: number): string
  ucs2Slice(start: number, end: number): string
  latin1Write(text: string, offset: number, length: number): number
  ucs2Write(text: string, offset: number, length: number): number
}

/** `next` (a longer typed array) holding `old`'s values. */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(old: T, next: T): T {
  next.set(old)
  return next
}

const FNV_OFFSET = 0x811c9dc5 | 0

/** FNV-1a over the key's UTF-16 code units, as an int32 (the hashes column's type: the empty key too). */
export function hashOf(key: string): number {
  return hashRange(key, 0, key.length, FNV_OFFSET)
}

/**
 * FNV-1a over `key`'s code units [start, end), continued from `seed` (another range's hash):
 * FNV runs left to right, so the hash of a path is its parent's hash continued over the rest.
 */
export function hashRange(key: string, start: number, end: number, seed = FNV_OFFSET): number {
  let hash = seed
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash
}
