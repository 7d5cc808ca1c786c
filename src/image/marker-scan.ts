// Looks for a few byte strings anywhere in selected files while their layer
// streams by, without keeping the files: the startup checks need to know
// whether a 30 MB Go binary names `/etc/ssl/certs/ca-certificates.crt` or
// embeds `time/tzdata`, which lies far beyond the leading bytes the capture
// policy keeps. Memory per file is one marker's length; the scan wraps the
// file-index builder (same entries, same layer numbering), so the index is
// built exactly as without it.
import type { FileIndexBuilder, LayerStats } from './file-index.js'
import { normalisePath } from './paths.js'
import type { TarEntry, TarVisitor } from './tar.js'
import { contentKey, type ContainerConfig } from './types.js'

export interface MarkerScan {
  /** Byte strings (latin1) to look for; each file records the ones it contains. */
  markers: readonly string[]
  /** Which regular files to scan, asked once per file; the image config is known by then. */
  select(path: string, size: number, mode: number, config: ContainerConfig): boolean
}

/** The visitor readLayers drives: the builder's layer hooks plus the tar callbacks. */
export interface LayerVisitor extends TarVisitor {
  beginLayer(layer: number): void
  endLayer(): LayerStats
}

export class MarkerScanner implements LayerVisitor {
  /** Markers found, keyed like ImageIndex.contents (`${layer}:${path}`). */
  readonly found = new Map<string, string[]>()
  private readonly needles: Buffer[]
  private readonly overlap: number
  private layer = -1
  /** Bytes of the current entry the builder asked for, and how many it got so far. */
  private innerWanted = 0
  private innerGiven = 0
  private scanning = false
  private key = ''
  private pending: Set<number> = new Set()
  private tail: Buffer = Buffer.alloc(0)

  constructor(
    private readonly builder: FileIndexBuilder,
    private readonly scan: MarkerScan,
    private readonly config: ContainerConfig
  ) {
    this.needles = scan.markers
      .filter(marker => marker.length > 0)
      .map(marker => Buffer.from(marker, 'latin1'))
    this.overlap = Math.max(0, ...this.needles.map(needle => needle.length - 1))
  }

  beginLayer(layer: number): void {
    this.layer = layer
    this.builder.beginLayer(layer)
  }

  endLayer(): LayerStats {
    return this.builder.endLayer()
  }

  entry(entry: TarEntry): number {
    this.innerWanted = this.builder.entry(entry)
    this.innerGiven = 0
    this.scanning = false
    if (entry.type !== 'file' || entry.dataSize === 0 || this.needles.length === 0) return this.innerWanted
    const { path } = normalisePath(entry.name)
    // Only entries the builder indexed as this layer's regular file (not skipped, not a whiteout).
    const indexed = this.builder.files.get(path)
    if (indexed?.layer !== this.layer || indexed.type !== 'file') return this.innerWanted
    if (!this.scan.select(path, indexed.size, indexed.mode, this.config)) return this.innerWanted
    this.scanning = true
    this.key = contentKey(this.layer, path)
    this.pending = new Set(this.needles.map((_, i) => i))
    this.tail = Buffer.alloc(0)
    return entry.dataSize
  }

  data(piece: Buffer): void {
    if (this.innerGiven < this.innerWanted) {
      const give = Math.min(piece.length, this.innerWanted - this.innerGiven)
      this.builder.data(give === piece.length ? piece : piece.subarray(0, give))
      this.innerGiven += give
    }
    if (!this.scanning || this.pending.size === 0) return
    // A marker may straddle two pieces: search the previous tail joined to this piece's head too.
    const seam =
      this.tail.length > 0 ? Buffer.concat([this.tail, piece.subarray(0, this.overlap)]) : undefined
    for (const i of [...this.pending]) {
      const needle = this.needles[i] as Buffer
      if (piece.indexOf(needle) >= 0 || (seam !== undefined && seam.indexOf(needle) >= 0))
        this.pending.delete(i)
    }
    const joined = piece.length >= this.overlap ? piece : Buffer.concat([this.tail, piece])
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - this.overlap)))
  }

  dataEnd(): void {
    if (this.innerWanted > 0) this.builder.dataEnd()
    if (!this.scanning) return
    const hits = this.needles.flatMap((needle, i) => (this.pending.has(i) ? [] : [needle.toString('latin1')]))
    if (hits.length > 0) this.found.set(this.key, hits)
    this.scanning = false
    this.tail = Buffer.alloc(0)
  }
}
