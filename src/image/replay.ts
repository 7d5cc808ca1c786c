// A manifest may list the same layer digest many times (one 4 GiB layer
// listed 200 times). Applying it again must still happen (it restores what
// layers in between deleted), but its bytes need not be inflated again: the
// entries seen the first time, with the content prefixes the checks kept, are
// recorded (bounded) and replayed into the index.
import type { TarEntry, TarVisitor } from './tar.js'

interface Recorded {
  entry: TarEntry
  data?: Buffer
}

export const MAX_RECORDED_ENTRIES = 200_000

/** Passes entries through to the index while recording them; gives up (overflowed) past the cap. */
export class RecordingVisitor implements TarVisitor {
  readonly recorded: Recorded[] = []
  overflowed = false
  private pieces: Buffer[] = []
  constructor(
    private readonly inner: TarVisitor,
    private readonly maxEntries = MAX_RECORDED_ENTRIES
  ) {}
  entry(entry: TarEntry): number {
    if (!this.overflowed) {
      if (this.recorded.length >= this.maxEntries) {
        this.overflowed = true
        this.recorded.length = 0
      } else this.recorded.push({ entry })
    }
    return this.inner.entry(entry)
  }
  data(piece: Buffer): void {
    if (!this.overflowed) this.pieces.push(Buffer.from(piece))
    this.inner.data(piece)
  }
  dataEnd(): void {
    if (!this.overflowed) {
      const last = this.recorded[this.recorded.length - 1]
      if (last) last.data = Buffer.concat(this.pieces)
      this.pieces = []
    }
    this.inner.dataEnd()
  }
}

/** Feeds a recorded layer into the index again, as if its tar streamed by. */
export function replay(recorded: readonly Recorded[], visitor: TarVisitor): void {
  for (const { entry, data } of recorded) {
    const wanted = Math.min(visitor.entry(entry), entry.dataSize)
    if (wanted <= 0) continue
    const have = data ?? Buffer.alloc(0)
    visitor.data(
      have.length >= wanted
        ? have.subarray(0, wanted)
        : Buffer.concat([have, Buffer.alloc(wanted - have.length)])
    )
    visitor.dataEnd()
  }
}
