// Inflating and hashing a layer off the main thread, so that decompression,
// the digest checks and the tar parsing overlap. The main thread reads the
// blob and parses the tar; one worker thread (per readImage) hashes the
// compressed bytes, inflates them (zlib on the libuv pool), hashes the
// uncompressed tar when the diff_id is what can be checked, and hands the tar
// back in fixed buffers that travel to and fro by transfer: no copies across
// threads, no new allocation per chunk (which made V8 collect the whole heap
// again and again for external memory), and memory bounded by the buffers:
// IN_SLOTS compressed (made when first needed) and OUT_SLOTS uncompressed, each CHUNK bytes. When the
// parser is slower, the worker runs out of output buffers and pauses the
// inflater; when the inflater is slower, the main thread runs out of input
// buffers and pauses the blob.
//
// The worker's code is the function below, run from its source text
// (`eval: true`): the bundle needs no second entry file and the tests, which
// run the TypeScript sources, no build step. It may use only what it is
// given (Node built-ins): no imports, no closures.
import type * as cryptoModule from 'node:crypto'
import type * as fsModule from 'node:fs'
import type { Readable } from 'node:stream'
import { Worker, type MessagePort } from 'node:worker_threads'
import * as zlib from 'node:zlib'

/** Bytes in one buffer either way. */
export const CHUNK = 1024 * 1024
const IN_SLOTS = 4
/**
 * Eight: the parser's pace is uneven (a MiB of tiny files costs it far more
 * than inflating that MiB, a MiB of one big file almost nothing), and each
 * hand-over between the threads can wait for a core on a loaded machine; the
 * slack lets the inflater run on through both. Three kept the inflater
 * waiting (0.53x the tuned gunzip rate against 0.63x with eight, same sitting).
 */
const OUT_SLOTS = 8

export type WorkerCompression = 'gzip' | 'zstd' | 'none'
type Algorithm = 'sha256' | 'sha512'

/** A blob that is (part of) a local file: the worker reads it itself, into buffers it reuses. */
export interface BlobFile {
  path: string
  /** Offset of the blob's first byte. */
  start: number
  /** Bytes of the blob (to the file's end when absent). */
  length?: number
}

export interface InflateJob {
  compression: WorkerCompression
  /** Read the blob from here (else the main thread sends it). */
  file?: BlobFile
  /** Hash the blob (compressed) bytes with this. */
  blobAlgorithm?: Algorithm
  /** Hash the inflated (tar) bytes with this. */
  tarAlgorithm?: Algorithm
}

export interface InflateOutcome {
  /** Compressed bytes read from the blob. */
  blobBytes: number
  blobHex?: string
  tarHex?: string
  /** The decompressor ended before the blob did (bytes after the stream). */
  trailing: boolean
}

/** An error the worker met, carried back with what identifies it (zlib's `Z_*` codes). */
export class InflateWorkerError extends Error {
  override name = 'InflateWorkerError'
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly originalName: string
  ) {
    super(message)
  }
}

type ToWorker =
  | ({ type: 'start' } & InflateJob)
  | { type: 'data'; buffer: ArrayBuffer; length: number }
  | { type: 'end' }
  | { type: 'slot'; buffer: ArrayBuffer }

type FromWorker =
  | { type: 'out'; buffer: ArrayBuffer; length: number; consumed: number }
  | { type: 'in'; buffer: ArrayBuffer }
  | ({ type: 'done'; slots: ArrayBuffer[] } & InflateOutcome)
  | { type: 'error'; message: string; code?: string; name: string }

interface WorkerModules {
  fs: typeof fsModule
  /** A young-generation collection. */
  collect: (options: { type: 'minor' }) => void
  parentPort: MessagePort
  zlib: typeof zlib
  crypto: typeof cryptoModule
}

/* istanbul ignore next -- runs in the worker from its source text (coverage counters would not exist there) */
function inflateWorkerMain({ parentPort, zlib, crypto, fs, collect }: WorkerModules): void {
  type Piece = { bytes: Uint8Array; at: number; done: (() => void) | undefined }
  let job: ({ type: 'start' } & InflateJob) | undefined
  let inflater: (NodeJS.ReadWriteStream & { bytesWritten: number; pause(): void; resume(): void }) | undefined
  let blobHash: ReturnType<typeof crypto.createHash> | undefined
  let tarHash: ReturnType<typeof crypto.createHash> | undefined
  let blobBytes = 0
  let inputEnded = false
  let inflaterEnded = false
  let trailing = false
  let failed = false
  let free: ArrayBuffer[] = []
  let current: ArrayBuffer | undefined
  let fill = 0
  let pending: Piece[] = []

  const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
    parentPort.postMessage(message, transfer)
  const fail = (error: unknown): void => {
    if (failed) return
    failed = true
    const { message, code, name } = (error ?? {}) as { message?: unknown; code?: unknown; name?: unknown }
    post({
      type: 'error',
      message: String(message ?? error),
      ...(typeof code === 'string' ? { code } : {}),
      name: typeof name === 'string' ? name : 'Error'
    })
  }
  const consumed = (): number => (inflater ? inflater.bytesWritten : blobBytes)
  const flushSlot = (): void => {
    const buffer = current as ArrayBuffer
    post({ type: 'out', buffer, length: fill, consumed: consumed() }, [buffer])
    current = undefined
    fill = 0
  }
  /** Copies pending pieces into output buffers; false when it ran out of buffers. */
  const drain = (): boolean => {
    while (pending.length > 0) {
      const piece = pending[0] as Piece
      while (piece.at < piece.bytes.length) {
        if (current === undefined) {
          current = free.pop()
          fill = 0
          if (current === undefined) return false
        }
        const take = Math.min(piece.bytes.length - piece.at, current.byteLength - fill)
        new Uint8Array(current, fill, take).set(piece.bytes.subarray(piece.at, piece.at + take))
        fill += take
        piece.at += take
        if (fill === current.byteLength) flushSlot()
      }
      pending.shift()
      piece.done?.()
    }
    return true
  }
  const finishIfDone = (): void => {
    if (failed || !job || !inputEnded || pending.length > 0) return
    if (inflater && !inflaterEnded) return
    if (current !== undefined && fill > 0) flushSlot()
    if (current !== undefined) free.push(current)
    current = undefined
    const slots = free
    free = []
    const outcome: FromWorker = {
      type: 'done',
      slots,
      blobBytes,
      trailing,
      ...(blobHash ? { blobHex: blobHash.digest('hex') } : {}),
      ...(tarHash ? { tarHex: tarHash.digest('hex') } : {})
    }
    job = undefined
    post(outcome, slots)
  }
  const start = (message: { type: 'start' } & InflateJob): void => {
    job = message
    failed = false
    blobBytes = 0
    inputEnded = false
    inflaterEnded = false
    trailing = false
    pending = []
    blobHash = message.blobAlgorithm ? crypto.createHash(message.blobAlgorithm) : undefined
    tarHash = message.tarAlgorithm ? crypto.createHash(message.tarAlgorithm) : undefined
    inflater = undefined
    // 1 MiB of output per trip to the thread pool: a quarter of the hand-overs of 256 KiB, each a pause for the inflater.
    const chunkSize = 1024 * 1024
    if (message.compression === 'gzip') inflater = zlib.createGunzip({ chunkSize })
    else if (message.compression === 'zstd') {
      const create = (zlib as unknown as { createZstdDecompress: (o: object) => typeof inflater })
        .createZstdDecompress
      inflater = create({ chunkSize })
    }
    const stream = inflater
    if (!stream) return
    let sinceCollect = 0
    stream.on('data', (piece: Buffer) => {
      if (failed) return
      sinceCollect += piece.length
      if (sinceCollect >= 4 * 1024 * 1024) {
        sinceCollect = 0
        collect({ type: 'minor' })
      }
      tarHash?.update(piece)
      // zlib hands out views of its own output buffer, never rewritten: safe to hold until copied.
      pending.push({ bytes: piece, at: 0, done: undefined })
      if (!drain()) stream.pause()
    })
    stream.on('end', () => {
      inflaterEnded = true
      finishIfDone()
    })
    stream.on('error', fail)
  }
  /** One buffer of the blob: hashed, then inflated (or, uncompressed, passed on); `giveBack` once it is free again. */
  const accept = (bytes: Uint8Array, giveBack: () => void): void => {
    blobBytes += bytes.length
    blobHash?.update(bytes)
    if (!inflater) {
      tarHash?.update(bytes)
      pending.push({ bytes, at: 0, done: giveBack })
      drain()
    } else if (inflaterEnded) {
      trailing = true
      giveBack()
    } else inflater.write(bytes, giveBack)
  }
  const endInput = (): void => {
    inputEnded = true
    if (inflater && !inflaterEnded) inflater.end()
    finishIfDone()
  }
  /**
   * Reads a file blob in three rotating buffers: a buffer is read and hashed
   * as soon as its last bytes have been inflated, so the inflater always has
   * the next MiB queued and never waits for the read or the hash.
   */
  const pumpFile = async (file: BlobFile): Promise<void> => {
    const fd = fs.openSync(file.path, 'r')
    try {
      const buffers = [new Uint8Array(1024 * 1024), new Uint8Array(1024 * 1024), new Uint8Array(1024 * 1024)]
      const inFlight: (Promise<void> | undefined)[] = buffers.map(() => undefined)
      let position = file.start
      let left = file.length ?? Infinity
      for (let turn = 0; left > 0 && !failed; turn = (turn + 1) % buffers.length) {
        await inFlight[turn]
        if (failed) return
        const buffer = buffers[turn] as Uint8Array
        const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, left), position)
        if (read === 0) break
        position += read
        left -= read
        inFlight[turn] = new Promise<void>(resolve => accept(buffer.subarray(0, read), resolve))
      }
      for (const pending of inFlight) await pending
      if (!failed) endInput()
    } finally {
      fs.closeSync(fd)
    }
  }
  parentPort.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'start') {
        start(message)
        if (message.file) pumpFile(message.file).catch(fail)
      } else if (message.type === 'slot') {
        free.push(message.buffer)
        if (drain()) {
          inflater?.resume()
          finishIfDone()
        }
      } else if (failed) {
        if (message.type === 'data') post({ type: 'in', buffer: message.buffer }, [message.buffer])
      } else if (message.type === 'data') {
        const { buffer } = message
        accept(new Uint8Array(buffer, 0, message.length), () => post({ type: 'in', buffer }, [buffer]))
      } else if (message.type === 'end') endInput()
    } catch (error) {
      fail(error)
    }
  })
}

// The inflater's output buffers are garbage as soon as they are copied, but V8 frees such
// external memory only after up to 64 MiB of it piled up, per thread: collecting the young
// generation every few MiB (a tiny heap: well under a millisecond) keeps the worker's share
// of peak RSS to its buffers.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
require('node:v8').setFlagsFromString('--expose-gc')
const collect = require('node:vm').runInNewContext('gc')
;(${inflateWorkerMain.toString()})({ parentPort, zlib: require('node:zlib'), crypto: require('node:crypto'), fs: require('node:fs'), collect })
`

/** Whether this Node's zlib inflates zstd (Node ≥ 22.15 / 23.8); else zstd stays on the main thread (fzstd). */
export function workerInflates(compression: WorkerCompression): boolean {
  return (
    compression !== 'zstd' ||
    typeof (zlib as { createZstdDecompress?: unknown }).createZstdDecompress === 'function'
  )
}

interface Job {
  onChunk: (chunk: Buffer, consumedCompressed: number) => void
  resolve: (outcome: InflateOutcome) => void
  reject: (error: Error) => void
  blob: Readable
  done: boolean
}

/**
 * One worker for the layers of one image, read one at a time. `close()`
 * ends it; after a failure it is replaced by a fresh one on the next layer.
 */
export class LayerInflater {
  private worker: Worker | undefined
  private job: Job | undefined
  private outSlots: ArrayBuffer[] = []
  private inSlots: ArrayBuffer[] = []
  /** Input buffers are made on first use: blobs the worker reads itself need none. */
  private inSlotsMade = 0

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      stdout: false,
      stderr: false,
      // The worker holds no state beyond a job's buffers: a small heap keeps peak RSS in bounds.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 }
    })
    worker.unref()
    // A worker replaced after a failure may still deliver chunks it had posted before it was
    // terminated: only the current worker's messages reach the current job.
    worker.on('message', (message: FromWorker) => {
      if (this.worker === worker) this.onMessage(message)
    })
    // Only the current worker's death fails the current job: one replaced after a failure exits later.
    // A code makes the reader say it in one line, naming the layer ("reading failed: …").
    worker.on('error', error => {
      const code = (error as { code?: unknown }).code
      if (this.worker === worker)
        this.fail(
          new InflateWorkerError(
            `the layer inflater stopped: ${error.message.split('\n')[0]}`,
            typeof code === 'string' ? code : 'ERR_WORKER_FAILED',
            'Error'
          )
        )
    })
    worker.on('exit', code => {
      if (this.worker === worker)
        this.fail(
          new InflateWorkerError(`the layer inflater stopped (exit code ${code})`, 'ERR_WORKER_EXIT', 'Error')
        )
    })
    this.worker = worker
    this.outSlots = Array.from({ length: OUT_SLOTS }, () => new ArrayBuffer(CHUNK))
    this.inSlots = []
    this.inSlotsMade = 0
    return worker
  }

  /**
   * Streams `blob` through the worker; `onChunk` gets the tar in order, on
   * this thread, each chunk a view valid only during the call (copy what you
   * keep), with the compressed bytes the inflater had consumed by then.
   */
  run(
    blob: Readable,
    job: InflateJob,
    onChunk: (chunk: Buffer, consumedCompressed: number) => void
  ): Promise<InflateOutcome> {
    const worker = this.ensureWorker()
    return new Promise<InflateOutcome>((resolve, reject) => {
      const current: Job = { onChunk, resolve, reject, blob, done: false }
      this.job = current
      worker.postMessage({ type: 'start', ...job } satisfies ToWorker)
      const slots = this.outSlots
      this.outSlots = []
      for (const buffer of slots) worker.postMessage({ type: 'slot', buffer } satisfies ToWorker, [buffer])
      if (job.file) blob.destroy()
      else this.feed(current)
    })
  }

  /** Reads the blob into input buffers, pausing it while the worker holds them all. */
  private feed(job: Job): void {
    const { blob } = job
    let slot: ArrayBuffer | undefined
    let fill = 0
    let waiting: Buffer | undefined
    const send = (): void => {
      const buffer = slot as ArrayBuffer
      this.worker?.postMessage({ type: 'data', buffer, length: fill } satisfies ToWorker, [buffer])
      slot = undefined
      fill = 0
    }
    /** Copies `chunk` into input buffers; returns what did not fit (no free buffer). */
    const put = (chunk: Buffer): Buffer | undefined => {
      let at = 0
      while (at < chunk.length) {
        if (slot === undefined) {
          slot = this.inSlots.pop()
          if (slot === undefined && this.inSlotsMade < IN_SLOTS) {
            this.inSlotsMade++
            slot = new ArrayBuffer(CHUNK)
          }
          if (slot === undefined) return chunk.subarray(at)
        }
        const take = Math.min(chunk.length - at, CHUNK - fill)
        new Uint8Array(slot, fill, take).set(chunk.subarray(at, at + take))
        fill += take
        at += take
        if (fill === CHUNK) send()
      }
      return undefined
    }
    this.onInputSlot = () => {
      if (waiting === undefined || job.done) return
      waiting = put(waiting)
      if (waiting === undefined) blob.resume()
    }
    blob.on('data', (chunk: Buffer) => {
      if (job.done) return
      waiting = put(chunk)
      if (waiting !== undefined) blob.pause()
    })
    blob.once('end', () => {
      if (job.done) return
      const finish = (): void => {
        if (slot !== undefined && fill > 0) send()
        if (slot !== undefined) this.inSlots.push(slot)
        slot = undefined
        this.worker?.postMessage({ type: 'end' } satisfies ToWorker)
      }
      if (waiting === undefined) finish()
      else {
        // The last bytes wait for a buffer: end once they are in.
        const before = this.onInputSlot
        this.onInputSlot = () => {
          before()
          if (waiting === undefined) finish()
        }
      }
    })
    blob.once('error', error => this.fail(error))
  }

  private onInputSlot: () => void = () => undefined

  private onMessage(message: FromWorker): void {
    const job = this.job
    if (message.type === 'in') {
      this.inSlots.push(message.buffer)
      this.onInputSlot()
      return
    }
    if (!job || job.done) return
    if (message.type === 'out') {
      try {
        job.onChunk(Buffer.from(message.buffer, 0, message.length), message.consumed)
      } catch (error) {
        this.fail(error as Error)
        return
      }
      this.worker?.postMessage({ type: 'slot', buffer: message.buffer } satisfies ToWorker, [message.buffer])
    } else if (message.type === 'done') {
      job.done = true
      this.job = undefined
      this.outSlots.push(...message.slots)
      const { blobBytes, blobHex, tarHex, trailing } = message
      job.resolve({
        blobBytes,
        trailing,
        ...(blobHex !== undefined ? { blobHex } : {}),
        ...(tarHex !== undefined ? { tarHex } : {})
      })
    } else if (message.type === 'error') {
      this.fail(new InflateWorkerError(message.message, message.code, message.name))
    }
  }

  /** Ends the current job with `error`; the worker, whose state is unknown now, is replaced next time. */
  private fail(error: Error): void {
    const job = this.job
    const worker = this.worker
    this.worker = undefined
    this.job = undefined
    this.onInputSlot = () => undefined
    if (worker) void worker.terminate()
    if (!job || job.done) return
    job.done = true
    job.blob.pause()
    job.reject(error)
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    if (worker) {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}
