// One layer blob → decompressed tar chunks → the tar parser. Compression is
// told by magic bytes, not by media type (registries and archives mislabel):
// gzip via node:zlib, zstd via node:zlib when this Node has it, else fzstd;
// anything else is read as an uncompressed tar.
import { Transform, Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { Decompress as ZstdDecompress } from 'fzstd'
import {
  InflateWorkerError,
  workerInflates,
  type BlobFile,
  type InflateJob,
  type LayerInflater
} from './inflate-worker.js'
import { TarParser, type TarVisitor } from './tar.js'
import { BlobHasher, digestAlgorithm, digestVerdict, VerifyingStream, type Expected } from './verify.js'

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

/** Compressed bytes fzstd is given at a time: its output per push is unbounded by backpressure, so keep pushes small. */
const FZSTD_SLICE = 1024

/**
 * fzstd as an async generator stage: one push of 1 KiB can still yield up
 * to 32 MiB (RLE blocks), but each piece is yielded and awaited, so the
 * pipeline's backpressure holds (a Transform would buffer a whole chunk's
 * output: 32 GiB from 1 MiB of RLE blocks).
 */
function fzstdStage(): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* (source) {
    const out: Buffer[] = []
    const decompressor = new ZstdDecompress(data => {
      out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    })
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += FZSTD_SLICE) {
        decompressor.push(chunk.subarray(at, Math.min(chunk.length, at + FZSTD_SLICE)))
        while (out.length > 0) yield out.shift() as Buffer
      }
    }
    decompressor.push(new Uint8Array(0), true)
    while (out.length > 0) yield out.shift() as Buffer
  }
}

type ZlibWithZstd = typeof zlib & { createZstdDecompress?: (options?: { chunkSize?: number }) => Transform }

type Stage = Transform | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>)

function decompressor(kind: Compression): Stage | undefined {
  // readableHighWaterMark lets inflate run ahead on the thread pool while the main thread parses.
  if (kind === 'gzip')
    return zlib.createGunzip({ chunkSize: CHUNK, readableHighWaterMark: READ_AHEAD } as zlib.ZlibOptions)
  if (kind === 'zstd') {
    const native = (zlib as ZlibWithZstd).createZstdDecompress
    return native ? native({ chunkSize: CHUNK }) : fzstdStage()
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
/** Bounds on how far one layer may inflate. */
export interface InflateBudget {
  /** Uncompressed bytes this layer may still produce. */
  maxBytes: number
  /** Refused ratio of uncompressed to compressed bytes, past RATIO_GRACE. */
  maxRatio: number
}

const RATIO_GRACE = 256 * 1024 ** 2

/** The budget's verdict on `inflated` bytes from `compressed`: throws past either limit. */
function checkBudget(budget: InflateBudget, inflated: number, compressed: number): void {
  if (inflated > budget.maxBytes)
    throw new CompressionError(
      `inflates past the reader's limit of ${budget.maxBytes} uncompressed bytes (a decompression bomb?)`
    )
  if (inflated > RATIO_GRACE && inflated > compressed * budget.maxRatio)
    throw new CompressionError(
      `inflates more than ${budget.maxRatio}:1 (${inflated} bytes from ${compressed}): a decompression bomb`
    )
}

export async function parseLayer(
  blob: Readable,
  visitor: TarVisitor,
  maxExtensionBytes?: number,
  verification?: LayerVerification,
  budget?: InflateBudget,
  /** Inflate and hash on this worker (when it can: zstd needs a Node whose zlib has it), reading `file` itself when given. */
  offload?: { inflater: LayerInflater; file?: BlobFile | undefined }
): Promise<{ compression: Compression; tarBytes: number; digestProblem?: string }> {
  const parser = new TarParser(visitor, maxExtensionBytes)
  const head = await peek(blob)
  if (head === undefined) {
    parser.end()
    const digestProblem = verification ? new BlobHasher(verification.expected).finish() : undefined
    return { compression: 'none', tarBytes: 0, ...(digestProblem ? { digestProblem } : {}) }
  }
  const compression = detectCompression(head)
  if (offload && workerInflates(compression))
    return parseOnWorker(blob, parser, compression, offload, verification, budget)
  let digestProblem: string | undefined
  const tarHasher = verification?.side === 'tar' ? new BlobHasher(verification.expected) : undefined
  let compressedBytes = 0
  let inflatedBytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      compressedBytes += chunk.length
      callback(null, chunk)
    }
  })
  const blobVerifier =
    verification?.side === 'blob'
      ? new VerifyingStream(verification.expected, problem => (digestProblem = problem))
      : undefined
  // The sink calls the parser synchronously: no per-chunk copies, no queue beyond the streams' own buffers.
  const sink = new Writable({
    highWaterMark: CHUNK,
    write(chunk: Buffer, _encoding, callback) {
      try {
        inflatedBytes += chunk.length
        if (budget && compression !== 'none') checkBudget(budget, inflatedBytes, compressedBytes)
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
  const stages: (Readable | Stage | Writable)[] = [blob]
  if (blobVerifier) stages.push(blobVerifier)
  if (budget && compression !== 'none') stages.push(counter)
  if (inflate) stages.push(inflate)
  stages.push(sink)
  try {
    await (pipeline as unknown as (streams: unknown[]) => Promise<void>)(stages)
  } catch (error) {
    blob.destroy()
    if (error instanceof CompressionError) throw error
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

/** parseLayer with the inflating and hashing on the worker; the tar is parsed here as its chunks arrive. */
async function parseOnWorker(
  blob: Readable,
  parser: TarParser,
  compression: Compression,
  { inflater, file }: { inflater: LayerInflater; file?: BlobFile | undefined },
  verification: LayerVerification | undefined,
  budget: InflateBudget | undefined
): Promise<{ compression: Compression; tarBytes: number; digestProblem?: string }> {
  const algorithm = verification ? digestAlgorithm(verification.expected.digest) : undefined
  const job: InflateJob = {
    compression,
    ...(file ? { file } : {}),
    ...(algorithm && verification?.side === 'blob' ? { blobAlgorithm: algorithm } : {}),
    ...(algorithm && verification?.side === 'tar' ? { tarAlgorithm: algorithm } : {})
  }
  let inflatedBytes = 0
  let outcome
  try {
    outcome = await inflater.run(blob, job, (chunk, consumed) => {
      inflatedBytes += chunk.length
      if (budget && compression !== 'none') checkBudget(budget, inflatedBytes, consumed)
      parser.write(chunk)
    })
    parser.end()
  } catch (error) {
    blob.destroy()
    if (error instanceof InflateWorkerError) {
      const { code, message, originalName: name } = error
      if (compression !== 'none' && isDecompressionError({ code, message, name }))
        throw new CompressionError(`corrupt ${compression} stream: ${message}`)
    }
    throw error
  }
  let digestProblem: string | undefined
  if (verification?.side === 'blob') {
    digestProblem = digestVerdict(verification.expected, outcome.blobHex, outcome.blobBytes)
    // The decompressor stopped before the blob's end: bytes no runtime unpacks. Say so.
    if (!digestProblem && outcome.trailing) digestProblem = 'was not read to its end (bytes after the stream)'
  } else if (verification?.side === 'tar')
    digestProblem = digestVerdict(verification.expected, outcome.tarHex, inflatedBytes)
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
