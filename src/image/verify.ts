// Content addressing is the only thing that ties what the checks read to what
// the runtime runs: every blob (layer, config, manifest, index) is hashed
// while it streams and compared with the digest that named it. A mismatch is
// reported as tampering, never passed over: a checker that reads different
// bytes than `docker pull` would vouch for an image it never saw.
import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'

export interface Expected {
  digest: string
  /** The size the descriptor declared, when it declared one. */
  size?: number
}

function algorithmOf(digest: string): 'sha256' | 'sha512' | undefined {
  if (digest.startsWith('sha256:')) return 'sha256'
  if (digest.startsWith('sha512:')) return 'sha512'
  return undefined
}

/** Incremental check of one blob. */
export class BlobHasher {
  private readonly hash: Hash | undefined
  private bytes = 0
  constructor(private readonly expected: Expected) {
    const algorithm = algorithmOf(expected.digest)
    this.hash = algorithm ? createHash(algorithm) : undefined
  }
  update(chunk: Buffer): void {
    this.bytes += chunk.length
    this.hash?.update(chunk)
  }
  /** The mismatch in one phrase, or undefined when the bytes are what the digest names. */
  finish(): string | undefined {
    return digestVerdict(this.expected, this.hash?.digest('hex'), this.bytes)
  }
}

/** The hash algorithm a digest names, when it is one the reader can compute. */
export function digestAlgorithm(digest: string): 'sha256' | 'sha512' | undefined {
  return algorithmOf(digest)
}

/**
 * The verdict on `bytes` bytes hashing to `hex` (computed with the digest's
 * algorithm; undefined when it has none the reader knows), as BlobHasher gives it.
 */
export function digestVerdict(
  expected: Expected,
  hex: string | undefined,
  bytes: number
): string | undefined {
  if (hex === undefined) return `cannot verify digest ${JSON.stringify(expected.digest)}`
  const computed = `${algorithmOf(expected.digest)}:${hex}`
  const { digest, size } = expected
  if (computed !== digest)
    return `content does not match its digest ${digest} (the bytes hash to ${computed})`
  if (size !== undefined && size > 0 && size !== bytes)
    return `is ${bytes} bytes, its descriptor says ${size}`
  return undefined
}

export function verifyBuffer(data: Buffer, expected: Expected): string | undefined {
  const hasher = new BlobHasher(expected)
  hasher.update(data)
  return hasher.finish()
}

/** A pass-through that hashes what flows and reports the verdict once the stream ends. */
export class VerifyingStream extends Transform {
  private readonly hasher: BlobHasher
  verdictGiven = false
  constructor(
    expected: Expected,
    private readonly onVerdict: (problem: string | undefined) => void
  ) {
    super()
    this.hasher = new BlobHasher(expected)
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hasher.update(chunk)
    callback(null, chunk)
  }
  override _flush(callback: TransformCallback): void {
    this.verdictGiven = true
    this.onVerdict(this.hasher.finish())
    callback()
  }
}

/** The digest a legacy docker-archive path names (`blobs/sha256/HEX`, `HEX.json`, `HEX/layer.tar` is not one). */
export function digestFromArchivePath(path: string): string | undefined {
  const blob = /^(?:\.\/)?blobs\/(sha256|sha512)\/([a-f0-9]{64,128})$/.exec(path)
  if (blob) return `${blob[1]}:${blob[2]}`
  const config = /^(?:\.\/)?([a-f0-9]{64})\.json$/.exec(path)
  if (config) return `sha256:${config[1]}`
  return undefined
}
