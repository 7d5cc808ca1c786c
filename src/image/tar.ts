// A streaming tar parser for untrusted layers: chunks are pushed in as they
// come out of the decompressor, headers are validated (checksum, numeric
// fields, sizes), and file data is either skipped (no copy, no buffering) or
// handed over only up to the prefix the visitor asked for. Handles ustar,
// pax (`x`) and GNU long names (`L`/`K`), base-256 numbers and old GNU sparse
// files. Anything it cannot trust ends in a TarError naming the offset.

import { decodeName } from './names.js'

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other'

export interface TarEntry {
  /** Name as stored (after pax/GNU overrides), not normalised. */
  name: string
  linkName: string
  type: TarEntryType
  /** Logical file size (the real size of a sparse file). */
  size: number
  /** Bytes of data that follow the header in the archive. */
  dataSize: number
  mode: number
  uid: number
  gid: number
  /** Offset of the entry's header in the uncompressed stream. */
  offset: number
}

export interface TarVisitor {
  /** Called per entry; returns how many leading data bytes to hand to `data` (0 skips it all). */
  entry(entry: TarEntry): number
  /** Consecutive pieces of the requested prefix; views into the input chunk, copy what you keep. */
  data(piece: Buffer): void
  /** After the last piece of an entry that asked for data. */
  dataEnd(): void
}

export class TarError extends Error {
  override readonly name = 'TarError'
}

export const BLOCK = 512
/** pax and GNU long-name payloads are kept in memory: cap them. */
export const DEFAULT_MAX_EXTENSION_BYTES = 1024 * 1024

export interface RawHeader {
  name: string
  linkName: string
  typeflag: string
  size: number
  mode: number
  uid: number
  gid: number
  /** Old GNU sparse: the file's real size, and whether extension blocks follow. */
  realSize?: number
  sparseExtended: boolean
}

export function isZeroBlock(block: Buffer, at = 0): boolean {
  for (let i = at; i < at + BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** Parses a numeric header field: octal text, or GNU base-256 when the high bit is set. */
export function parseNumeric(block: Buffer, at: number, length: number, field: string): number {
  const first = block[at] ?? 0
  if (first & 0x80) {
    if (first === 0xff) throw new TarError(`negative ${field} in tar header`)
    let value = first & 0x7f
    for (let i = at + 1; i < at + length; i++) {
      value = value * 256 + (block[i] ?? 0)
      if (value > Number.MAX_SAFE_INTEGER) throw new TarError(`absurd ${field} in tar header`)
    }
    return value
  }
  let i = at
  const end = at + length
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++
  let value = 0
  let digits = 0
  for (; i < end; i++) {
    const c = block[i] ?? 0
    if (c === 0 || c === 0x20) break
    if (c < 0x30 || c > 0x37) throw new TarError(`invalid ${field} in tar header`)
    value = value * 8 + (c - 0x30)
    digits++
  }
  if (value > Number.MAX_SAFE_INTEGER) throw new TarError(`absurd ${field} in tar header`)
  return digits === 0 ? 0 : value
}

/**
 * A NUL-terminated field as a name. One pass finds the end and whether every
 * byte is ASCII (nearly every name in real layers): then a latin1 slice is the
 * exact decoding, with no UTF-8 validation and no view object per field.
 */
function cString(block: Buffer, at: number, length: number): string {
  const limit = at + length
  let end = at
  let high = 0
  for (; end < limit; end++) {
    const byte = block[end] as number
    if (byte === 0) break
    high |= byte
  }
  if (end === at) return ''
  return high < 0x80 ? block.toString('latin1', at, end) : decodeName(block, at, end)
}

/**
 * A word view of a chunk's whole buffer, made once per chunk (making a typed
 * array costs more than summing a block with it): one per parser, so no
 * buffer outlives the parse that read it.
 */
export class WordViews {
  private buffer: ArrayBufferLike | undefined
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0)
  /** The words of `block`'s buffer. */
  of(block: Buffer): Int32Array<ArrayBufferLike> {
    if (block.buffer !== this.buffer) {
      this.buffer = block.buffer
      this.words = new Int32Array(block.buffer, 0, block.buffer.byteLength >>> 2)
    }
    return this.words
  }
}

/**
 * The sum of a block's 512 bytes. Every header pays it, so when the block is
 * 4-byte aligned (always, for blocks inside the reader's chunks) it is read a
 * word at a time with the bytes summed two lanes at once, in two sums: each
 * 16-bit lane of one sum collects at most 128 × 255 = 32640, so no lane
 * overflows into the next and each sum stays below 2^31 (signed words and
 * small-integer arithmetic: V8 keeps the loop in int32, with no doubles).
 */
function blockSum(block: Buffer, at: number, views: WordViews | undefined): number {
  const offset = block.byteOffset + at
  if ((offset & 3) === 0) {
    const words = views ? views.of(block) : new Int32Array(block.buffer, offset, BLOCK / 4)
    let even = 0
    let odd = 0
    for (let i = views ? offset >>> 2 : 0, end = i + BLOCK / 4; i < end; i++) {
      const word = words[i] as number
      even = (even + (word & 0x00ff00ff)) | 0
      odd = (odd + ((word >>> 8) & 0x00ff00ff)) | 0
    }
    return (even & 0xffff) + (even >>> 16) + (odd & 0xffff) + (odd >>> 16)
  }
  let sum = 0
  for (let i = at, end = at + BLOCK; i < end; i++) sum += block[i] as number
  return sum
}

function checksumMatches(block: Buffer, at: number, views: WordViews | undefined): boolean {
  const stored = parseNumeric(block, at + 148, 8, 'checksum')
  // Sum with the checksum field counted as spaces; the signed variant (old tars) only when needed.
  let unsigned = 8 * 0x20 + blockSum(block, at, views)
  for (let i = at + 148; i < at + 156; i++) unsigned -= block[i] as number
  if (stored === unsigned) return true
  let signed = 8 * 0x20
  for (let i = at; i < at + BLOCK; i++) {
    if (i >= at + 148 && i < at + 156) continue
    const byte = block[i] as number
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === signed
}

/** Parses and validates one 512-byte header block starting at `at` (`views`: the parser's word views). */
export function parseHeader(block: Buffer, at = 0, views?: WordViews): RawHeader {
  if (!checksumMatches(block, at, views)) throw new TarError('bad tar header checksum')
  const typeflag = String.fromCharCode(block[at + 156] ?? 0)
  let name = cString(block, at, 100)
  // "ustar\0": POSIX ustar, whose prefix field extends the name (old GNU "ustar " has none).
  const isUstar =
    block[at + 257] === 0x75 &&
    block[at + 258] === 0x73 &&
    block[at + 259] === 0x74 &&
    block[at + 260] === 0x61 &&
    block[at + 261] === 0x72 &&
    block[at + 262] === 0
  if (isUstar && block[at + 345] !== 0) {
    const prefix = cString(block, at + 345, 155)
    if (prefix) name = `${prefix}/${name}`
  }
  const header: RawHeader = {
    name,
    linkName: block[at + 157] === 0 ? '' : cString(block, at + 157, 100),
    typeflag,
    size: parseNumeric(block, at + 124, 12, 'size'),
    mode: parseNumeric(block, at + 100, 8, 'mode'),
    uid: parseNumeric(block, at + 108, 8, 'uid'),
    gid: parseNumeric(block, at + 116, 8, 'gid'),
    sparseExtended: false
  }
  if (typeflag === 'S') {
    header.realSize = parseNumeric(block, at + 483, 12, 'sparse real size')
    header.sparseExtended = block[at + 482] !== 0
  }
  return header
}

/** Parses pax extended header records (`LEN key=value\n`). */
export function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  let pos = 0
  while (pos < data.length) {
    if (data[pos] === 0) break // NUL padding after the last record
    const space = data.indexOf(0x20, pos)
    if (space < 0) throw new TarError('malformed pax header record')
    const length = Number(data.toString('latin1', pos, space))
    if (!Number.isInteger(length) || length <= space - pos || pos + length > data.length)
      throw new TarError('malformed pax header record length')
    const record = decodeName(data, space + 1, pos + length - 1)
    if (data[pos + length - 1] !== 0x0a) throw new TarError('malformed pax header record')
    const eq = record.indexOf('=')
    if (eq <= 0) throw new TarError('malformed pax header record')
    records.set(record.slice(0, eq), record.slice(eq + 1))
    pos += length
  }
  return records
}

function paxNumber(records: Map<string, string>, key: string): number | undefined {
  const text = records.get(key)
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new TarError(`invalid pax ${key}: ${text}`)
  return value
}

function entryType(typeflag: string, name: string): TarEntryType {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
    case 'S':
      return name.endsWith('/') ? 'dir' : 'file'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '5':
      return 'dir'
    default:
      return 'other'
  }
}

/** Shared empty overrides: most entries have no pax or GNU header, so no per-entry allocation. */
const NO_OVERRIDES: Readonly<Overrides> = Object.freeze({})

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK

const enum State {
  Header,
  Extension,
  SparseBlocks,
  Data,
  Padding,
  Done
}

interface Overrides {
  path?: string
  linkPath?: string
  /** GNU `L`/`K` names: they win over pax `path`/`linkpath` whatever the order, as in Go's archive/tar (containerd). */
  gnuPath?: string
  gnuLinkPath?: string
  size?: number
  uid?: number
  gid?: number
  realSize?: number
}

export class TarParser {
  private state = State.Header
  private offset = 0
  /** Header bytes when a header straddles two chunks. */
  private readonly headerBuffer = Buffer.alloc(BLOCK)
  private headerFill = 0
  private headerOffset = 0
  private extension: Buffer | undefined
  private extensionFill = 0
  private extensionType = ''
  private pending: RawHeader | undefined
  private overrides: Overrides = NO_OVERRIDES
  private remaining = 0
  private deliver = 0
  private zeroBlocks = 0
  private current: TarEntry | undefined
  private readonly views = new WordViews()

  constructor(
    private readonly visitor: TarVisitor,
    private readonly maxExtensionBytes = DEFAULT_MAX_EXTENSION_BYTES
  ) {}

  /** Bytes consumed so far. */
  get position(): number {
    return this.offset
  }

  write(chunk: Buffer): void {
    let pos = 0
    const length = chunk.length
    while (pos < length) {
      switch (this.state) {
        case State.Done:
          this.offset += length - pos
          return
        case State.Header: {
          if (this.headerFill === 0 && length - pos >= BLOCK) {
            this.headerOffset = this.offset
            pos += BLOCK
            this.offset += BLOCK
            this.onHeader(chunk, pos - BLOCK)
          } else {
            if (this.headerFill === 0) this.headerOffset = this.offset
            pos += this.fillBlock(chunk, pos, length)
            if (this.headerFill === BLOCK) {
              this.headerFill = 0
              this.onHeader(this.headerBuffer, 0)
            }
          }
          break
        }
        case State.Extension: {
          const extension = this.extension as Buffer
          const take = Math.min(extension.length - this.extensionFill, length - pos)
          chunk.copy(extension, this.extensionFill, pos, pos + take)
          this.extensionFill += take
          pos += take
          this.offset += take
          if (this.extensionFill === extension.length) this.onExtension()
          break
        }
        case State.SparseBlocks: {
          pos += this.fillBlock(chunk, pos, length)
          if (this.headerFill === BLOCK) {
            this.headerFill = 0
            if (this.headerBuffer[504] === 0) this.startEntry()
          }
          break
        }
        case State.Data: {
          const take = Math.min(this.remaining, length - pos)
          if (this.deliver > 0) {
            const give = Math.min(this.deliver, take)
            this.visitor.data(chunk.subarray(pos, pos + give))
            this.deliver -= give
            if (this.deliver === 0) this.visitor.dataEnd()
          }
          this.remaining -= take
          pos += take
          this.offset += take
          if (this.remaining === 0) this.afterData()
          break
        }
        case State.Padding: {
          const take = Math.min(this.remaining, length - pos)
          this.remaining -= take
          pos += take
          this.offset += take
          if (this.remaining === 0) this.state = State.Header
          break
        }
      }
    }
  }

  /** The input ended: throws when it ended inside an entry. */
  end(): void {
    const where = this.current ? ` in ${this.current.name}` : ''
    if (this.state === State.Data)
      throw new TarError(
        `truncated tar stream${where}: entry declares ${this.current?.dataSize ?? 0} bytes, ${this.remaining} missing`
      )
    if (this.state === State.Extension || this.state === State.SparseBlocks)
      throw new TarError(`truncated tar stream inside an extended header at offset ${this.headerOffset}`)
    if (this.state === State.Header && this.headerFill > 0)
      throw new TarError(`truncated tar stream: partial header at offset ${this.headerOffset}`)
    // A missing end-of-archive marker or padding after the last entry is tolerated, as GNU tar does.
  }

  /** Copies bytes into headerBuffer until it holds a whole block (a header or a sparse map); returns how many it took. */
  private fillBlock(chunk: Buffer, pos: number, length: number): number {
    const take = Math.min(BLOCK - this.headerFill, length - pos)
    chunk.copy(this.headerBuffer, this.headerFill, pos, pos + take)
    this.headerFill += take
    this.offset += take
    return take
  }

  private onHeader(block: Buffer, at: number): void {
    if (isZeroBlock(block, at)) {
      this.zeroBlocks++
      if (this.zeroBlocks >= 2) this.state = State.Done
      return
    }
    if (this.zeroBlocks > 0)
      throw new TarError(`data after an end-of-archive block at offset ${this.headerOffset}`)
    let header: RawHeader
    try {
      header = parseHeader(block, at, this.views)
    } catch (error) {
      if (error instanceof TarError) throw new TarError(`${error.message} at offset ${this.headerOffset}`)
      throw error
    }
    const type = header.typeflag
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      if (header.size > this.maxExtensionBytes)
        throw new TarError(
          `tar extended header of ${header.size} bytes at offset ${this.headerOffset} exceeds ${this.maxExtensionBytes}`
        )
      this.extensionType = type
      this.extension = Buffer.allocUnsafe(header.size)
      this.extensionFill = 0
      this.remaining = header.size
      this.state = State.Extension
      if (header.size === 0) this.onExtension()
      return
    }
    this.pending = header
    if (header.sparseExtended) {
      this.state = State.SparseBlocks
      this.headerFill = 0
      return
    }
    this.startEntry()
  }

  private onExtension(): void {
    const data = this.extension as Buffer
    this.extension = undefined
    const type = this.extensionType
    if (this.overrides === NO_OVERRIDES) this.overrides = {}
    if (type === 'L') this.overrides.gnuPath = cString(data, 0, data.length)
    else if (type === 'K') this.overrides.gnuLinkPath = cString(data, 0, data.length)
    else if (type === 'g') {
      // Go's reader returns a global header as an entry of its own (containerd skips it): what came before it is dropped.
      this.overrides = NO_OVERRIDES
    } else if (type === 'x') {
      // A later pax header replaces an earlier one wholesale (Go keeps only the last); GNU names survive.
      const { gnuPath, gnuLinkPath } = this.overrides
      this.overrides = {}
      if (gnuPath !== undefined) this.overrides.gnuPath = gnuPath
      if (gnuLinkPath !== undefined) this.overrides.gnuLinkPath = gnuLinkPath
      let records: Map<string, string>
      try {
        records = parsePax(data)
      } catch (error) {
        if (error instanceof TarError) throw new TarError(`${error.message} at offset ${this.headerOffset}`)
        throw error
      }
      // Go lets GNU.sparse.name override path only on a pax sparse file (major/map records present).
      const sparse = records.has('GNU.sparse.major') || records.has('GNU.sparse.map')
      const path = sparse ? (records.get('GNU.sparse.name') ?? records.get('path')) : records.get('path')
      if (path !== undefined) this.overrides.path = path
      const linkPath = records.get('linkpath')
      if (linkPath !== undefined) this.overrides.linkPath = linkPath
      const size = paxNumber(records, 'size')
      if (size !== undefined) this.overrides.size = size
      const uid = paxNumber(records, 'uid')
      if (uid !== undefined) this.overrides.uid = uid
      const gid = paxNumber(records, 'gid')
      if (gid !== undefined) this.overrides.gid = gid
      const realSize = paxNumber(records, 'GNU.sparse.realsize') ?? paxNumber(records, 'GNU.sparse.size')
      if (realSize !== undefined) this.overrides.realSize = realSize
    }
    this.remaining = padding(data.length)
    this.state = this.remaining > 0 ? State.Padding : State.Header
  }

  private startEntry(): void {
    const header = this.pending as RawHeader
    this.pending = undefined
    const o = this.overrides
    if (o !== NO_OVERRIDES) this.overrides = NO_OVERRIDES
    const name = o.gnuPath ?? o.path ?? header.name
    const dataSize = o.size ?? header.size
    const type = entryType(header.typeflag, name)
    const entry: TarEntry = {
      name,
      linkName: o.gnuLinkPath ?? o.linkPath ?? header.linkName,
      type,
      size: type === 'file' ? (o.realSize ?? header.realSize ?? dataSize) : dataSize,
      dataSize,
      mode: header.mode & 0o7777,
      uid: o.uid ?? header.uid,
      gid: o.gid ?? header.gid,
      offset: this.headerOffset
    }
    // Links and directories carry no data even if the header says otherwise
    // (a hostile size on them would otherwise swallow the next headers).
    if (header.typeflag === '1' || header.typeflag === '2' || header.typeflag === '5') entry.dataSize = 0
    this.current = entry
    const wanted = this.visitor.entry(entry)
    this.deliver = Math.max(0, Math.min(wanted, entry.dataSize))
    this.remaining = entry.dataSize
    this.state = State.Data
    if (entry.dataSize === 0) this.afterData()
  }

  private afterData(): void {
    const entry = this.current as TarEntry
    this.remaining = padding(entry.dataSize)
    this.state = this.remaining > 0 ? State.Padding : State.Header
  }
}
