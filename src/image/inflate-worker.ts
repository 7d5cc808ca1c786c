// Inflating and hashing a layer off the main thread, so that decompression,
// the digest checks and the tar parsing overlap. The main thread parses the
// tar; one worker thread (per readImage) inflates, driving zlib's native
// handle itself (the direct engine: on this thread, straight into the output
// buffers) or, where a Node lacks those internals, a zlib stream on the libuv
// pool (the stream engine). A blob the worker reads from a file is hashed on a
// digest worker of its own over the same shared read buffers; a streamed blob,
// and the uncompressed tar when the diff_id is what can be checked, are hashed
// on the inflate worker. The tar goes back in fixed buffers that travel to and
// fro by transfer: no copies across threads, no new allocation per chunk
// (which made V8 collect the whole heap again and again for external memory),
// and memory bounded by the buffers: IN_SLOTS compressed (made when first
// needed), OUT_SLOTS uncompressed and DIGEST_SLOTS shared, each CHUNK bytes.
// When the parser is slower, the worker runs out of output buffers and stops
// inflating; when the inflater is slower, the main thread runs out of input
// buffers and pauses the blob; when the digest worker is slower, the inflater
// waits for its next read buffer.
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
  /** Inflate through a zlib stream on the thread pool even where the direct engine would serve (LayerInflater's option). */
  streamEngine?: boolean
}

export interface InflateOutcome {
  /** Compressed bytes read from the blob. */
  blobBytes: number
  blobHex?: string
  tarHex?: string
  /** The decompressor ended before the blob did (bytes after the stream). */
  trailing: boolean
  /** Which engine inflated: zlib's handle driven on the worker, or a zlib stream on the thread pool. */
  engine: 'direct' | 'stream'
  /** The blob digest was computed on the digest worker (beside the inflater, over the same buffers). */
  digestedApart: boolean
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
  /** Starts the digest worker (see digestWorkerMain); undefined when it cannot be started. */
  startDigester: () => DigesterThread | undefined
  /** A young-generation collection. */
  collect: (options: { type: 'minor' }) => void
  parentPort: MessagePort
  zlib: typeof zlib
  crypto: typeof cryptoModule
}

/** What the inflate worker holds of its digest worker. */
interface DigesterThread {
  postMessage(message: ToDigester): void
  on(event: 'message', listener: (message: FromDigester) => void): void
  on(event: 'error' | 'exit', listener: (error: unknown) => void): void
}

type ToDigester =
  | { type: 'start'; algorithm: Algorithm; shared: SharedArrayBuffer }
  | { type: 'update'; slot: number; length: number }
  | { type: 'digest' }

type FromDigester = { type: 'hashed'; slot: number } | { type: 'digest'; hex: string }

/**
 * The digest worker: hashes the blob's bytes in the very buffers the inflater
 * reads (shared memory, no copy), so the digest check runs beside inflating
 * and parsing, on whichever core is free, and still covers exactly the bytes inflated.
 */
/* istanbul ignore next -- runs in a worker from its source text */
function digestWorkerMain({
  parentPort,
  crypto
}: {
  parentPort: MessagePort
  crypto: typeof cryptoModule
}): void {
  const SLOT = 1024 * 1024
  let hash: ReturnType<typeof crypto.createHash> | undefined
  let shared: SharedArrayBuffer | undefined
  parentPort.on('message', (message: ToDigester) => {
    if (message.type === 'start') {
      hash = crypto.createHash(message.algorithm)
      shared = message.shared
    } else if (message.type === 'update') {
      hash?.update(new Uint8Array(shared as SharedArrayBuffer, message.slot * SLOT, message.length))
      parentPort.postMessage({ type: 'hashed', slot: message.slot } satisfies FromDigester)
    } else {
      const hex = hash?.digest('hex') ?? ''
      hash = undefined
      parentPort.postMessage({ type: 'digest', hex } satisfies FromDigester)
    }
  })
}

/* istanbul ignore next -- runs in the worker from its source text (coverage counters would not exist there) */
function inflateWorkerMain({ parentPort, zlib, crypto, fs, collect, startDigester }: WorkerModules): void {
  /** Read buffers this worker and its digest worker share: each is read once, then hashed there while inflated here. */
  const DIGEST_SLOTS = 4
  type Piece = { bytes: Uint8Array; at: number; done: (() => void) | undefined }
  /** zlib's native handle, as Node's own zlib.*Sync functions drive it. */
  type NativeHandle = {
    writeSync(
      flush: number,
      input: Uint8Array,
      inOff: number,
      inLen: number,
      out: Uint8Array,
      outOff: number,
      outLen: number
    ): void
    onerror: (message: string, errno: number, code?: string) => void
  }
  type NativeStream = {
    _handle?: NativeHandle
    _writeState?: unknown
    _defaultFlushFlag?: unknown
    _finishFlushFlag?: unknown
    close(): void
  }
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
  /** The direct engine (see startDirect): the native handle and what the job has fed it. */
  let direct:
    | {
        stream: NativeStream
        handle: NativeHandle
        state: Uint32Array
        flush: number
        finish: number
        error: { message: string; code?: string } | undefined
        consumed: number
        finished: boolean
        /** The file the worker reads itself, into one reused buffer. */
        fd: number | undefined
        position: number
        left: number
        readBuffer: Uint8Array | undefined
        /** The blob is hashed on the digest worker: its answer is awaited before the job is done. */
        digested: boolean
        digestAwaited: boolean
      }
    | undefined
  /** The digest worker, made on the first job that can use it (one for this worker's lifetime). */
  let digester:
    | {
        thread: DigesterThread
        shared: SharedArrayBuffer
        views: Uint8Array[]
        busy: boolean[]
        turn: number
      }
    | undefined
  let digesterFailed = false
  /** The blob digest the digest worker gave. */
  let digestedHex: string | undefined

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
  const consumed = (): number => (direct ? direct.consumed : inflater ? inflater.bytesWritten : blobBytes)
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
  const closeDirect = (): void => {
    if (!direct) return
    if (direct.fd !== undefined) fs.closeSync(direct.fd)
    direct.fd = undefined
    direct.stream.close()
  }
  const finishIfDone = (): void => {
    if (failed || !job || !inputEnded || pending.length > 0) return
    if (direct && (!direct.finished || direct.digestAwaited)) return
    if (inflater && !inflaterEnded) return
    if (current !== undefined && fill > 0) flushSlot()
    if (current !== undefined) free.push(current)
    current = undefined
    const engine = direct ? 'direct' : 'stream'
    closeDirect()
    direct = undefined
    const slots = free
    free = []
    const outcome: FromWorker = {
      type: 'done',
      slots,
      blobBytes,
      trailing,
      engine,
      digestedApart: digestedHex !== undefined,
      ...(digestedHex !== undefined
        ? { blobHex: digestedHex }
        : blobHash
          ? { blobHex: blobHash.digest('hex') }
          : {}),
      ...(tarHash ? { tarHex: tarHash.digest('hex') } : {})
    }
    job = undefined
    post(outcome, slots)
  }
  /**
   * The direct engine: the worker drives zlib's native handle itself, as
   * Node's zlib.gunzipSync does, inflating straight into the output buffers
   * (no copy, no allocation per chunk) on this thread (no round trip to the
   * thread pool per MiB, and one thread less wanting a core). Each call
   * writes at most one output buffer, so a bomb is bounded as before. Undefined
   * when this Node's zlib stream lacks the internals (the stream engine then serves).
   */
  const startDirect = (message: { type: 'start' } & InflateJob): boolean => {
    if (message.streamEngine || message.compression === 'none') return false
    const stream = (message.compression === 'gzip'
      ? zlib.createGunzip()
      : (
          zlib as unknown as { createZstdDecompress: () => NativeStream }
        ).createZstdDecompress()) as unknown as NativeStream
    const handle = stream._handle
    const state = stream._writeState
    const flush = stream._defaultFlushFlag
    const finish = stream._finishFlushFlag
    if (
      !handle ||
      typeof handle.writeSync !== 'function' ||
      !(state instanceof Uint32Array) ||
      state.length < 2 ||
      typeof flush !== 'number' ||
      typeof finish !== 'number'
    ) {
      stream.close()
      return false
    }
    const engine = {
      stream,
      handle,
      state,
      flush,
      finish,
      error: undefined as { message: string; code?: string } | undefined,
      consumed: 0,
      finished: false,
      fd: undefined as number | undefined,
      position: 0,
      left: 0,
      readBuffer: undefined as Uint8Array | undefined,
      digested: false,
      digestAwaited: false
    }
    // Called synchronously from writeSync when zlib reports an error (the code names it: Z_DATA_ERROR ...).
    handle.onerror = (message: string, errno: number, code?: string) => {
      const name =
        code ?? (zlib as unknown as { codes: Record<string, string | undefined> }).codes[String(errno)]
      engine.error = { message, ...(name ? { code: name } : {}) }
    }
    direct = engine
    return true
  }
  /** Input the direct engine has not inflated yet: the blob's buffers in order. */
  let queued: Piece[] = []
  const empty = new Uint8Array(0)
  /** Inflates what is queued into free output buffers until either runs out (then a message resumes it). */
  const pumpDirect = (): void => {
    const engine = direct
    if (!engine || failed) return
    const { handle, state } = engine
    for (;;) {
      if (current === undefined) {
        current = free.pop()
        fill = 0
        if (current === undefined) return
      }
      let piece = queued[0]
      if (piece === undefined && engine.fd !== undefined) {
        // Read the file's next MiB (queued holds it until it is inflated): into the next shared buffer the
        // digest worker is done with (else wait for its word), or into the one read buffer.
        const shared = engine.digested ? (digester as NonNullable<typeof digester>) : undefined
        if (shared?.busy[shared.turn]) return
        const buffer = shared ? (shared.views[shared.turn] as Uint8Array) : (engine.readBuffer as Uint8Array)
        const read =
          engine.left > 0
            ? fs.readSync(engine.fd, buffer, 0, Math.min(buffer.length, engine.left), engine.position)
            : 0
        if (read === 0) {
          fs.closeSync(engine.fd)
          engine.fd = undefined
          inputEnded = true
          if (shared) {
            engine.digestAwaited = true
            shared.thread.postMessage({ type: 'digest' })
          }
        } else {
          engine.position += read
          engine.left -= read
          const bytes = buffer.subarray(0, read)
          blobBytes += read
          if (shared) {
            shared.busy[shared.turn] = true
            shared.thread.postMessage({ type: 'update', slot: shared.turn, length: read })
            shared.turn = (shared.turn + 1) % DIGEST_SLOTS
          } else blobHash?.update(bytes)
          piece = { bytes, at: 0, done: undefined }
          queued.push(piece)
        }
      }
      if (piece === undefined) {
        if (!inputEnded) return
        if (!engine.finished) {
          // The end of input: flush with the finish flag until zlib leaves room (it says if the stream was cut short).
          const out = new Uint8Array(current, fill, current.byteLength - fill)
          handle.writeSync(engine.finish, empty, 0, 0, out, 0, out.length)
          if (engine.error) return fail(engine.error)
          const produced = out.length - (state[0] as number)
          if (produced > 0) tarHash?.update(out.subarray(0, produced))
          fill += produced
          if (fill === current.byteLength) {
            flushSlot()
            continue
          }
          engine.finished = true
        }
        finishIfDone()
        return
      }
      if (engine.finished) {
        // The stream ended before the blob did (zlib takes zeros after a gzip member for padding): the rest is
        // hashed but not inflated, as zlib's stream and the in-thread path treat it.
        queued.shift()
        piece.done?.()
        continue
      }
      const inLength = piece.bytes.length - piece.at
      const room = current.byteLength - fill
      const out = new Uint8Array(current, fill, room)
      handle.writeSync(engine.flush, piece.bytes, piece.at, inLength, out, 0, room)
      if (engine.error) return fail(engine.error)
      const availOut = state[0] as number
      const availIn = state[1] as number
      const produced = room - availOut
      engine.consumed += inLength - availIn
      piece.at += inLength - availIn
      if (produced > 0) tarHash?.update(out.subarray(0, produced))
      fill += produced
      if (availIn === 0) {
        queued.shift()
        piece.done?.()
      } else if (availOut > 0) {
        // Room left and input refused: the compressed stream has ended (what follows starts with a zero byte).
        engine.finished = true
      }
      if (fill === current.byteLength) flushSlot()
    }
  }
  const start = (message: { type: 'start' } & InflateJob): void => {
    job = message
    failed = false
    blobBytes = 0
    inputEnded = false
    inflaterEnded = false
    trailing = false
    pending = []
    queued = []
    digestedHex = undefined
    blobHash = message.blobAlgorithm ? crypto.createHash(message.blobAlgorithm) : undefined
    tarHash = message.tarAlgorithm ? crypto.createHash(message.tarAlgorithm) : undefined
    inflater = undefined
    closeDirect()
    direct = undefined
    if (startDirect(message)) return
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
    if (direct) {
      queued.push({ bytes, at: 0, done: giveBack })
      pumpDirect()
    } else if (!inflater) {
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
    if (direct) return pumpDirect()
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
  /** The digest worker, started on first use; undefined (hash here) when it cannot start. */
  const ensureDigester = (): NonNullable<typeof digester> | undefined => {
    if (digester || digesterFailed) return digester
    const thread = startDigester()
    if (!thread) {
      digesterFailed = true
      return undefined
    }
    const shared = new SharedArrayBuffer(DIGEST_SLOTS * 1024 * 1024)
    const made = {
      thread,
      shared,
      views: Array.from(
        { length: DIGEST_SLOTS },
        (_, i) => new Uint8Array(shared, i * 1024 * 1024, 1024 * 1024)
      ),
      busy: Array.from({ length: DIGEST_SLOTS }, () => false),
      turn: 0
    }
    thread.on('message', (message: FromDigester) => {
      try {
        if (message.type === 'hashed') {
          made.busy[message.slot] = false
          if (direct?.digested) pumpDirect()
        } else if (direct?.digestAwaited) {
          digestedHex = message.hex
          direct.digestAwaited = false
          finishIfDone()
        }
      } catch (error) {
        fail(error)
      }
    })
    // The layer cannot be verified without it: the job fails (the main thread replaces this worker).
    const stopped = (error: unknown): void => {
      const { message } = (error ?? {}) as { message?: unknown }
      fail({
        message: `the digest worker stopped${typeof message === 'string' ? `: ${message}` : ''}`,
        code: 'ERR_WORKER_EXIT'
      })
    }
    thread.on('error', stopped)
    thread.on('exit', stopped)
    digester = made
    return made
  }
  parentPort.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'start') {
        start(message)
        const { file } = message
        if (file && direct) {
          // The direct engine reads the file itself, one MiB whenever the inflater wants the next.
          direct.fd = fs.openSync(file.path, 'r')
          direct.position = file.start
          direct.left = file.length ?? Infinity
          const digest = message.blobAlgorithm ? ensureDigester() : undefined
          if (digest && message.blobAlgorithm) {
            direct.digested = true
            blobHash = undefined
            digest.turn = 0
            digest.thread.postMessage({
              type: 'start',
              algorithm: message.blobAlgorithm,
              shared: digest.shared
            })
          } else direct.readBuffer = new Uint8Array(1024 * 1024)
          pumpDirect()
        } else if (file) pumpFile(file).catch(fail)
      } else if (message.type === 'slot') {
        free.push(message.buffer)
        if (direct) pumpDirect()
        else if (drain()) {
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
const DIGEST_WORKER_SOURCE = `
;(${digestWorkerMain.toString()})({ parentPort: require('node:worker_threads').parentPort, crypto: require('node:crypto') })
`

const WORKER_SOURCE = `
const { parentPort, Worker } = require('node:worker_threads')
require('node:v8').setFlagsFromString('--expose-gc')
const collect = require('node:vm').runInNewContext('gc')
const startDigester = () => {
  try {
    const thread = new Worker(${JSON.stringify(DIGEST_WORKER_SOURCE)}, {
      eval: true,
      stdout: false,
      stderr: false,
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }
    })
    thread.unref()
    return thread
  } catch {
    return undefined
  }
}
;(${inflateWorkerMain.toString()})({ parentPort, zlib: require('node:zlib'), crypto: require('node:crypto'), fs: require('node:fs'), collect, startDigester })
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
  /** `engine: 'stream'` inflates through a zlib stream on the thread pool even where the direct engine would serve. */
  constructor(private readonly options: { engine?: 'direct' | 'stream' } = {}) {}

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
      const streamEngine = this.options.engine === 'stream'
      worker.postMessage({
        type: 'start',
        ...job,
        ...(streamEngine ? { streamEngine } : {})
      } satisfies ToWorker)
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
      const { blobBytes, blobHex, tarHex, trailing, engine, digestedApart } = message
      job.resolve({
        blobBytes,
        trailing,
        engine,
        digestedApart,
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
