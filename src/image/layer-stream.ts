// One layer blob → decompressed tar chunks → the tar parser. Compression is
// told by magic bytes, not by media type (registries and archives mislabel):
// gzip via node:zlib, zstd via node:zlib when this Node has it, else fzstd;
// anything else is read as an uncompressed tar.
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { Decompress as ZstdDecompress } from 'fzstd'
import { TarParser, type TarVisitor } from './tar.js'
import { BlobHasher, VerifyingStream, type Expected } from './verify.js'

/** What to verify a layer against: its blob digest (the compressed bytes) or its diff_id (the tar). */
export interface LayerVerification {
  expected: Expected
  side: 'blob' | 'tar'
}

export type Compression = 'gzip' | 'zstd' | 'none'

/** Large output chunks: fewer callbacks per byte, which is where the time goes. */
const CHUNK = 256 * 1024
const READ_AHEAD = 4 * CHUNK

export function detectCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
    return 'zstd'
  return 'none'
}

class FzstdTransform extends Transform {
  private readonly decompressor: ZstdDecompress
  constructor() {
    super()
    this.decompressor = new ZstdDecompress(data => {
      this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    })
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decompressor.push(chunk)
      callback()
    } catch (error) {
      callback(error as Error)
    }
  }
  override _flush(callback: TransformCallback): void {
    try {
      this.decompressor.push(new Uint8Array(0), true)
      callback()
    } catch (error) {
      callback(error as Error)
    }
  }
}

type ZlibWithZstd = typeof zlib & { createZstdDecompress?: (options?: { chunkSize?: number }) => Transform }

function decompressor(kind: Compression): Transform | undefined {
  // readableHighWaterMark lets inflate run ahead on the thread pool while the main thread parses.
  if (kind === 'gzip')
    return zlib.createGunzip({ chunkSize: CHUNK, readableHighWaterMark: READ_AHEAD } as zlib.ZlibOptions)
  if (kind === 'zstd') {
    const native = (zlib as ZlibWithZstd).createZstdDecompress
    return native ? native({ chunkSize: CHUNK }) : new FzstdTransform()
  }
  return undefined
}

/** Thrown for a damaged compressed stream; the caller names the layer. */
export class CompressionError extends Error {
  override readonly name = 'CompressionError'
}

/** Reads the first chunk without losing it: it is put back for the pipeline. */
async function peek(stream: Readable): Promise<Buffer | undefined> {
  for (;;) {
    const chunk = stream.read() as Buffer | null
    if (chunk !== null) {
      stream.unshift(chunk)
      return chunk
    }
    if (stream.readableEnded || stream.destroyed) return undefined
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        stream.off('readable', done)
        stream.off('end', done)
        stream.off('error', fail)
        resolve()
      }
      const fail = (error: Error): void => {
        stream.off('readable', done)
        stream.off('end', done)
        reject(error)
      }
      stream.once('readable', done)
      stream.once('end', done)
      stream.once('error', fail)
    })
  }
}

/**
 * Streams a layer blob through decompression into a tar parser driving the
 * visitor. Resolves with the compression found and the uncompressed bytes.
 */
export async function parseLayer(
  blob: Readable,
  visitor: TarVisitor,
  maxExtensionBytes?: number,
  verification?: LayerVerification
): Promise<{ compression: Compression; tarBytes: number; digestProblem?: string }> {
  const parser = new TarParser(visitor, maxExtensionBytes)
  const head = await peek(blob)
  if (head === undefined) {
    parser.end()
    const digestProblem = verification ? new BlobHasher(verification.expected).finish() : undefined
    return { compression: 'none', tarBytes: 0, ...(digestProblem ? { digestProblem } : {}) }
  }
  const compression = detectCompression(head)
  let digestProblem: string | undefined
  const tarHasher = verification?.side === 'tar' ? new BlobHasher(verification.expected) : undefined
  const blobVerifier =
    verification?.side === 'blob'
      ? new VerifyingStream(verification.expected, problem => (digestProblem = problem))
      : undefined
  // The sink calls the parser synchronously: no per-chunk copies, no queue beyond the streams' own buffers.
  const sink = new Writable({
    highWaterMark: CHUNK,
    write(chunk: Buffer, _encoding, callback) {
      try {
        tarHasher?.update(chunk)
        parser.write(chunk)
        callback()
      } catch (error) {
        callback(error as Error)
      }
    },
    final(callback) {
      try {
        parser.end()
        callback()
      } catch (error) {
        callback(error as Error)
      }
    }
  })
  const inflate = decompressor(compression)
  const stages: (Readable | Transform | Writable)[] = [blob]
  if (blobVerifier) stages.push(blobVerifier)
  if (inflate) stages.push(inflate)
  stages.push(sink)
  try {
    await pipeline(stages)
  } catch (error) {
    blob.destroy()
    if (inflate && isDecompressionError(error))
      throw new CompressionError(`corrupt ${compression} stream: ${(error as Error).message}`)
    throw error
  }
  if (tarHasher) digestProblem = tarHasher.finish()
  // A decompressor that stopped before the blob's end left bytes unverified (and unread): say so.
  else if (blobVerifier && !blobVerifier.verdictGiven)
    digestProblem = 'was not read to its end (bytes after the stream)'
  return { compression, tarBytes: parser.position, ...(digestProblem ? { digestProblem } : {}) }
}

function isDecompressionError(error: unknown): boolean {
  // Duck-typed: zlib's errors may come from another realm (test VMs), where instanceof fails.
  if (typeof error !== 'object' || error === null) return false
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown }
  if (
    typeof code === 'string' &&
    (code.startsWith('Z_') || code.startsWith('ERR_ZSTD') || code === 'ERR_ZLIB_INITIALIZATION_FAILED')
  )
    return true
  if (name === 'TarError') return false
  // fzstd throws plain Errors with messages like "invalid zstd data" / "unexpected EOF".
  return (
    name === 'Error' && typeof message === 'string' && /zstd|EOF|window|block|dictionary|magic/i.test(message)
  )
}
