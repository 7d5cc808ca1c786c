// One layer blob → decompressed tar chunks → the tar parser. Compression is
// told by magic bytes, not by media type (registries and archives mislabel):
// gzip via node:zlib, zstd via node:zlib when this Node has it, else fzstd;
// anything else is read as an uncompressed tar.
import { Transform, Writable, Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { Decompress as ZstdDecompress } from 'fzstd'
import { TarParser, type TarVisitor } from './tar.js'

export type Compression = 'gzip' | 'zstd' | 'none'

/** Large output chunks: fewer callbacks per byte, which is where the time goes. */
const CHUNK = 256 * 1024

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
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK })
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

/** Yields the first chunk again after peeking at it. */
async function* replay(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first
  for (;;) {
    const next = await rest.next()
    if (next.done) return
    yield next.value
  }
}

/**
 * Streams a layer blob through decompression into a tar parser driving the
 * visitor. Resolves with the compression found and the uncompressed bytes.
 */
export async function parseLayer(
  blob: Readable,
  visitor: TarVisitor,
  maxExtensionBytes?: number
): Promise<{ compression: Compression; tarBytes: number }> {
  const iterator = blob[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const first = await iterator.next()
  const parser = new TarParser(visitor, maxExtensionBytes)
  if (first.done) {
    parser.end()
    return { compression: 'none', tarBytes: 0 }
  }
  const head = first.value
  const compression = detectCompression(head)
  const sink = new Writable({
    highWaterMark: CHUNK,
    write(chunk: Buffer, _encoding, callback) {
      try {
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
  const source = Readable.from(replay(head, iterator), { objectMode: false, highWaterMark: CHUNK })
  const inflate = decompressor(compression)
  try {
    if (inflate) await pipeline(source, inflate, sink)
    else await pipeline(source, sink)
  } catch (error) {
    if (inflate && isDecompressionError(error)) {
      blob.destroy()
      throw new CompressionError(`corrupt ${compression} stream: ${(error as Error).message}`)
    }
    blob.destroy()
    throw error
  }
  return { compression, tarBytes: parser.position }
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
