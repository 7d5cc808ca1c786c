// Bounds on what an untrusted image may make the reader hold in memory.

export interface ReaderLimits {
  /** Tar entries over all layers; more ends in a UsageError. */
  maxEntries: number
  /** Longer normalised paths are skipped with a warning (Linux PATH_MAX). */
  maxPathLength: number
  /** Total bytes of file contents kept for the checks; later requests are refused with a warning. */
  maxCapturedBytes: number
  /** Manifests, indexes and configs are read whole: cap them. */
  maxJsonBytes: number
  /** pax / GNU long-name payloads inside a layer. */
  maxExtensionBytes: number
  /** Warnings kept in ImageIndex.warnings (a summary line counts the rest). */
  maxWarnings: number
  /** Uncompressed tar bytes over all layers; a decompression bomb (a zstd frame declaring 1 TiB) ends in a UsageError. */
  maxUncompressedBytes: number
  /**
   * Uncompressed : compressed ratio refused once a layer has inflated past
   * 256 MiB (gzip cannot exceed ~1032:1; zstd frames of RLE blocks reach 32768:1).
   */
  maxCompressionRatio: number
  /** Longest pause between two chunks of a registry response body before the read is abandoned. */
  registryIdleMs: number
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxEntries: 5_000_000,
  maxPathLength: 4096,
  maxCapturedBytes: 32 * 1024 * 1024,
  maxJsonBytes: 16 * 1024 * 1024,
  maxExtensionBytes: 1024 * 1024,
  maxWarnings: 200,
  maxUncompressedBytes: 256 * 1024 ** 3,
  maxCompressionRatio: 2000,
  registryIdleMs: 60_000
}

export function resolveLimits(overrides: Partial<ReaderLimits> | undefined): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...overrides }
}

/**
 * Collects warnings up to a cap so a hostile archive cannot grow them without
 * bound. Tampering (a blob that does not match its digest, an invalid
 * whiteout) is kept apart: it is evidence of an attack, not a reading problem,
 * and becomes an error-level finding.
 */
export class Warnings {
  private readonly list: string[] = []
  private readonly tamperingList: string[] = []
  private dropped = 0
  private droppedTampering = 0
  constructor(private readonly max: number) {}
  add(message: string): void {
    if (this.list.length < this.max) this.list.push(message)
    else this.dropped++
  }
  addTampering(message: string): void {
    if (this.tamperingList.length < this.max) this.tamperingList.push(message)
    else this.droppedTampering++
  }
  toArray(): string[] {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more warnings`] : [...this.list]
  }
  tampering(): string[] {
    return this.droppedTampering > 0
      ? [...this.tamperingList, `… and ${this.droppedTampering} more signs of tampering`]
      : [...this.tamperingList]
  }
}
