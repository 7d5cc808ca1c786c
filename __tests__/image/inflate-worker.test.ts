// The layer inflater worker against the in-thread path it replaces: the same
// entries, the same digest verdicts (blob side and tar side, from a stream or
// from a file the worker reads itself), the same one-line errors; for both of
// its engines (zlib's handle driven directly on the worker, and the zlib
// stream on the thread pool it falls back to).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { InflateWorkerError, LayerInflater } from '../../src/image/inflate-worker.js'
import { parseLayer, type LayerVerification } from '../../src/image/layer-stream.js'
import type { TarEntry, TarVisitor } from '../../src/image/tar.js'
import { sha256, tar } from './support/tar-writer.js'

type Engine = 'direct' | 'stream'

let dir: string
let inflater: LayerInflater
let inflaters: Record<Engine, LayerInflater>
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-inflate-'))
  inflaters = { direct: new LayerInflater(), stream: new LayerInflater({ engine: 'stream' }) }
  inflater = inflaters.direct
})
afterAll(async () => {
  await Promise.all(Object.values(inflaters).map(i => i.close()))
  rmSync(dir, { recursive: true, force: true })
})

/** Records entries and the first bytes of every file (copied: chunks are views the worker takes back). */
class Recorder implements TarVisitor {
  readonly seen: string[] = []
  private current = ''
  entry(entry: TarEntry): number {
    this.current = `${entry.type} ${entry.name} ${entry.size}`
    this.seen.push(this.current)
    return 16
  }
  data(piece: Buffer): void {
    this.seen.push(`  ${Buffer.from(piece).toString('latin1')}`)
  }
  dataEnd(): void {}
}

// Big enough for many 1 MiB chunks, with files straddling chunk boundaries.
const files = Array.from({ length: 600 }, (_, i) => ({
  name: `srv/f${i}`,
  data: Buffer.alloc(7_000 + ((i * 7919) % 20_000), `file ${i} `)
}))
const plain = tar(files)
const gzipped = gzipSync(plain, { level: 1 })

type Where = 'stream' | 'file'

async function parse(
  blob: Buffer,
  where: Where | 'in-thread',
  verification?: LayerVerification,
  budget?: { maxBytes: number; maxRatio: number },
  engine: Engine = 'direct'
): Promise<{ seen: string[]; digestProblem?: string; tarBytes: number }> {
  const recorder = new Recorder()
  const path = join(dir, `blob-${Math.random().toString(36).slice(2)}`)
  writeFileSync(path, blob)
  const offload =
    where === 'in-thread'
      ? undefined
      : {
          inflater: inflaters[engine],
          ...(where === 'file' ? { file: { path, start: 0, length: blob.length } } : {})
        }
  const result = await parseLayer(
    Readable.from([blob.subarray(0, 1000), blob.subarray(1000)]),
    recorder,
    undefined,
    verification,
    budget,
    offload
  )
  return {
    seen: recorder.seen,
    tarBytes: result.tarBytes,
    ...(result.digestProblem ? { digestProblem: result.digestProblem } : {})
  }
}

describe.each<[Engine, Where]>([
  ['direct', 'stream'],
  ['direct', 'file'],
  ['stream', 'stream'],
  ['stream', 'file']
])('the worker (%s engine), the blob from a %s', (engine, where) => {
  it.each([
    ['gzip', gzipped],
    ['uncompressed', plain]
  ])('parses a %s layer to what the in-thread path parses', async (_kind, blob) => {
    const expected = await parse(blob, 'in-thread')
    const got = await parse(blob, where, undefined, undefined, engine)
    expect(got.seen).toEqual(expected.seen)
    expect(got.seen).toHaveLength(files.length * 2)
    expect(got.tarBytes).toBe(plain.length)
  })

  it.each<[string, LayerVerification, string | undefined]>([
    [
      'the blob digest',
      { expected: { digest: sha256(gzipped), size: gzipped.length }, side: 'blob' },
      undefined
    ],
    ['the diff_id', { expected: { digest: sha256(plain) }, side: 'tar' }, undefined],
    [
      'a wrong blob digest',
      { expected: { digest: sha256(plain) }, side: 'blob' },
      `content does not match its digest ${sha256(plain)} (the bytes hash to ${sha256(gzipped)})`
    ],
    [
      'a wrong diff_id',
      { expected: { digest: sha256(gzipped) }, side: 'tar' },
      `content does not match its digest ${sha256(gzipped)} (the bytes hash to ${sha256(plain)})`
    ],
    [
      'a wrong declared size',
      { expected: { digest: sha256(gzipped), size: 12 }, side: 'blob' },
      `is ${gzipped.length} bytes, its descriptor says 12`
    ],
    [
      'an unknown algorithm',
      { expected: { digest: 'md5:abc' }, side: 'blob' },
      'cannot verify digest "md5:abc"'
    ]
  ])('checks %s as the in-thread path does', async (_what, verification, problem) => {
    const expected = await parse(gzipped, 'in-thread', verification)
    const got = await parse(gzipped, where, verification, undefined, engine)
    expect(expected.digestProblem).toBe(problem)
    expect(got.digestProblem).toBe(problem)
  })

  it('refuses bytes after the gzip stream as the in-thread path does (zlib reads them as a next member)', async () => {
    const blob = Buffer.concat([gzipped, Buffer.from('trailing bytes no runtime unpacks')])
    const verification: LayerVerification = { expected: { digest: sha256(blob) }, side: 'blob' }
    await expect(parse(blob, 'in-thread', verification)).rejects.toThrow(
      /^corrupt gzip stream: incorrect header check$/
    )
    await expect(parse(blob, where, verification, undefined, engine)).rejects.toThrow(
      /^corrupt gzip stream: incorrect header check$/
    )
  })

  it.each<[string, Buffer, { maxBytes: number; maxRatio: number } | undefined, RegExp]>([
    [
      'a truncated gzip stream',
      gzipped.subarray(0, gzipped.length - 30),
      undefined,
      /^corrupt gzip stream: unexpected end of file$/
    ],
    [
      'a damaged gzip stream',
      Buffer.concat([gzipped.subarray(0, 20), Buffer.alloc(40, 0x55), gzipped.subarray(60)]),
      undefined,
      /^corrupt gzip stream: [^\n]+$/
    ],
    [
      'inflating past the budget',
      gzipped,
      { maxBytes: 1024 * 1024, maxRatio: 2000 },
      /^inflates past the reader's limit of 1048576 uncompressed bytes \(a decompression bomb\?\)$/
    ]
  ])(
    'ends %s in the in-thread path’s one-line error, and the next layer reads',
    async (_what, blob, budget, message) => {
      await expect(parse(blob, 'in-thread', undefined, budget)).rejects.toThrow(message)
      await expect(parse(blob, where, undefined, budget, engine)).rejects.toThrow(message)
      // The failed worker is replaced: the same inflater reads the next layer.
      expect((await parse(gzipped, where, undefined, undefined, engine)).seen).toHaveLength(files.length * 2)
    }
  )
})

it('a blob file that vanished is an I/O error with its code, for the reader to name the layer', async () => {
  const recorder = new Recorder()
  const missing = join(dir, 'gone')
  const read = parseLayer(Readable.from([gzipped]), recorder, undefined, undefined, undefined, {
    inflater,
    file: { path: missing, start: 0 }
  })
  await expect(read).rejects.toThrow(InflateWorkerError)
  await expect(
    parseLayer(Readable.from([gzipped]), recorder, undefined, undefined, undefined, {
      inflater,
      file: { path: missing, start: 0 }
    })
  ).rejects.toMatchObject({ code: 'ENOENT' })
})

it('a parser error stops the worker and comes back as it was thrown', async () => {
  const throwing: TarVisitor = {
    entry: () => {
      throw new Error('visitor refused')
    },
    data: () => undefined,
    dataEnd: () => undefined
  }
  await expect(
    parseLayer(Readable.from([gzipped]), throwing, undefined, undefined, undefined, { inflater })
  ).rejects.toThrow(/^visitor refused$/)
})

it('a worker that dies mid-layer fails the layer with a code (one line), and the next layer reads', async () => {
  expect(plain.length).toBeGreaterThan(8 * 1024 * 1024) // more than the worker's buffers hold (3 MiB): it cannot finish alone
  let killed = false
  const killer: TarVisitor = {
    entry: () => {
      if (!killed)
        void (inflater as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate()
      killed = true
      return 0
    },
    data: () => undefined,
    dataEnd: () => undefined
  }
  await expect(
    parseLayer(Readable.from([gzipped]), killer, undefined, undefined, undefined, { inflater })
  ).rejects.toMatchObject({ code: 'ERR_WORKER_EXIT', message: 'the layer inflater stopped (exit code 1)' })
  expect((await parse(gzipped, 'stream')).seen).toHaveLength(files.length * 2)
})

it('chunks a failed worker posted before it was replaced never reach the next layer', async () => {
  // Under load the old worker's queued 'out' messages arrive after the next layer started on
  // its replacement (seen as "bad tar header checksum at offset 0" in that layer): replay one.
  const internals = inflater as unknown as { worker: EventEmitter | undefined }
  await parse(gzipped, 'stream') // a worker for the layers
  const stale = internals.worker
  // Its message listener as it stands before it fails (Node drops a worker's listeners when it exits).
  const deliver = stale!.listeners('message')[0] as (message: unknown) => void
  await expect(
    parse(gzipped, 'stream', undefined, { maxBytes: 1024 * 1024, maxRatio: 2000 })
  ).rejects.toThrow(/decompression bomb/)
  const recorder = new Recorder()
  let replayed = false
  const replaying: TarVisitor = {
    entry: entry => {
      if (!replayed) {
        replayed = true
        const garbage = new Uint8Array(100).fill(0x41).buffer // not a whole tar block: shifts every header after it
        // Between two of the new worker's chunks, as a queued message arrives.
        setImmediate(() => deliver({ type: 'out', buffer: garbage, length: 100, consumed: 0 }))
      }
      return recorder.entry(entry)
    },
    data: piece => recorder.data(piece),
    dataEnd: () => recorder.dataEnd()
  }
  await parseLayer(Readable.from([gzipped]), replaying, undefined, undefined, undefined, { inflater })
  expect(internals.worker).not.toBe(stale)
  expect(replayed).toBe(true)
  expect(recorder.seen).toHaveLength(files.length * 2)
})

it.each<[Engine, Where]>([
  ['direct', 'stream'],
  ['direct', 'file'],
  ['stream', 'stream'],
  ['stream', 'file']
])('the %s engine is the one that inflates (blob from a %s)', async (engine, where) => {
  const path = join(dir, `engine-${engine}-${where}`)
  writeFileSync(path, gzipped)
  let bytes = 0
  const outcome = await inflaters[engine].run(
    Readable.from([gzipped]),
    { compression: 'gzip', ...(where === 'file' ? { file: { path, start: 0 } } : {}) },
    chunk => (bytes += chunk.length)
  )
  expect(outcome.engine).toBe(engine)
  expect(bytes).toBe(plain.length)
})

describe.each<Engine>(['direct', 'stream'])('the %s engine at the edges of a gzip stream', engine => {
  it.each<[string, Buffer[], string | undefined, number]>([
    // Padding zeros after the stream: zlib takes them for padding and stops; every byte is still hashed, and
    // (as in the in-thread path) the blob is no less what its digest names.
    [
      'zeros after the stream, in its last chunk',
      [Buffer.concat([gzipped, Buffer.alloc(700)])],
      undefined,
      plain.length
    ],
    [
      'zeros after the stream, in a chunk of their own',
      [gzipped, Buffer.alloc(700)],
      undefined,
      plain.length
    ],
    // Two gzip members are one stream to zlib (and to containerd's gzip reader): both are read.
    ['a second gzip member', [gzipped, gzipSync(plain)], undefined, 2 * plain.length],
    [
      'the stream one byte at a time at its end',
      [gzipped.subarray(0, -8), ...[...gzipped.subarray(-8)].map(b => Buffer.from([b]))],
      undefined,
      plain.length
    ]
  ])('%s', async (_what, pieces, problem, tarBytes) => {
    const blob = Buffer.concat(pieces)
    const verification: LayerVerification = { expected: { digest: sha256(blob) }, side: 'blob' }
    const recorder = new Recorder()
    const result = await parseLayer(Readable.from(pieces), recorder, undefined, verification, undefined, {
      inflater: inflaters[engine]
    })
    const inThread = await parseLayer(Readable.from(pieces), new Recorder(), undefined, verification)
    expect(result.digestProblem).toBe(problem)
    expect(inThread.digestProblem).toBe(problem)
    expect(result.tarBytes).toBe(tarBytes)
    expect(inThread.tarBytes).toBe(tarBytes)
  })
})

describe('the blob digest on the digest worker (direct engine, blob from a file)', () => {
  // Incompressible: the blob spans many of the buffers the two workers share, so each is reused.
  const big = tar([{ name: 'srv/random.bin', data: randomBytes(9 * 1024 * 1024) }, ...files.slice(0, 50)])
  const bigGz = gzipSync(big, { level: 1 })
  it.each<[string, Buffer, (blob: Buffer) => LayerVerification, (blob: Buffer) => string | undefined]>([
    [
      'a small blob, its digest',
      gzipped,
      blob => ({ expected: { digest: sha256(blob), size: blob.length }, side: 'blob' }),
      () => undefined
    ],
    [
      'a blob over many shared buffers, its digest',
      bigGz,
      blob => ({ expected: { digest: sha256(blob), size: blob.length }, side: 'blob' }),
      () => undefined
    ],
    [
      'a blob over many shared buffers, a wrong digest',
      bigGz,
      () => ({ expected: { digest: sha256(big) }, side: 'blob' }),
      blob => `content does not match its digest ${sha256(big)} (the bytes hash to ${sha256(blob)})`
    ],
    [
      'a blob over many shared buffers, a wrong size',
      bigGz,
      blob => ({ expected: { digest: sha256(blob), size: blob.length - 1 }, side: 'blob' }),
      blob => `is ${blob.length} bytes, its descriptor says ${blob.length - 1}`
    ]
  ])('%s: the verdict of the in-thread path', async (_what, blob, verify, problem) => {
    expect(blob.length).toBeGreaterThan(0)
    const expected = await parse(blob, 'in-thread', verify(blob))
    const got = await parse(blob, 'file', verify(blob))
    expect(expected.digestProblem).toBe(problem(blob))
    expect(got.digestProblem).toBe(problem(blob))
    expect(got.seen).toEqual(expected.seen)
  })

  it.each<[string, Where, boolean]>([
    ['a file blob is hashed on the digest worker', 'file', true],
    ['a streamed blob is hashed on the inflater', 'stream', false]
  ])('%s', async (_what, where, apart) => {
    const path = join(dir, `apart-${where}`)
    writeFileSync(path, bigGz)
    const outcome = await inflater.run(
      Readable.from([bigGz]),
      {
        compression: 'gzip',
        blobAlgorithm: 'sha256',
        ...(where === 'file' ? { file: { path, start: 0 } } : {})
      },
      () => undefined
    )
    expect(outcome.digestedApart).toBe(apart)
    expect(`sha256:${outcome.blobHex}`).toBe(sha256(bigGz))
    expect(outcome.blobBytes).toBe(bigGz.length)
  })
})
