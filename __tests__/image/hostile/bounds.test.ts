// Small inputs that would make the reader run for hours: decompression bombs
// and a layer listed again and again. Each is refused or made cheap, and the
// tests compare run times of the same reader on two sizes (no absolute times).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../../../src/errors.js'
import { readImage } from '../../../src/image/read.js'
import { alternating, repeatedLayerBlobs } from '../../support/growth-jobs.js'
import { measureGrowth } from '../../support/growth.js'
import { header, writeOciLayout } from '../support/tar-writer.js'

let root: string
let counter = 0
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-bounds-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A zstd frame: one tar header for a file declaring `size` bytes, then RLE blocks of zeros (4 bytes per 128 KiB). */
function zstdBomb(size: number): Buffer {
  const tarHeader = header({ name: 'disk.img', base256Size: true, declaredSize: size }, 0)
  const blockSize = 128 * 1024
  const blocks = Math.ceil(size / blockSize)
  const body = Buffer.alloc(blocks * 4)
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0
    const h = (blockSize << 3) | (1 << 1) | last // block type 1 = RLE
    body[i * 4] = h & 0xff
    body[i * 4 + 1] = (h >> 8) & 0xff
    body[i * 4 + 2] = (h >> 16) & 0xff
    body[i * 4 + 3] = 0
  }
  // The first block carries the tar header raw (type 0), so the stream starts as a tar.
  const rawHeader = Buffer.concat([Buffer.from([(512 << 3) & 0xff, ((512 << 3) >> 8) & 0xff, 0]), tarHeader])
  return Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]), rawHeader, body])
}

function layoutWith(blobs: Buffer[]): string {
  const dir = join(root, `layout-${counter++}`)
  mkdirSync(dir)
  writeOciLayout(dir, blobs, { rawLayers: true })
  return dir
}

describe('decompression bombs', () => {
  it('refuses a zstd layer declaring 1 TiB at the uncompressed-bytes limit, as one line', async () => {
    const dir = layoutWith([zstdBomb(256 * 1024 ** 2)])
    const read = readImage(`oci-layout:${dir}`, { limits: { maxUncompressedBytes: 32 * 1024 ** 2 } })
    await expect(read).rejects.toThrow(UsageError)
    await expect(
      readImage(`oci-layout:${dir}`, { limits: { maxUncompressedBytes: 32 * 1024 ** 2 } })
    ).rejects.toThrow(
      /^layer 0 \(sha256:[a-f0-9]{64}\): inflates past the reader's limit of 33554432 uncompressed bytes/
    )
  })

  it('refuses a zstd frame inflating past the ratio limit with the default limits (1 TiB declared)', async () => {
    const dir = layoutWith([zstdBomb(1024 ** 4)])
    await expect(readImage(`oci-layout:${dir}`)).rejects.toThrow(
      /inflates more than 2000:1 .*: a decompression bomb$/
    )
  }, 60_000)
})

describe('a repeated layer digest is inflated once', () => {
  it('reads one layer listed 200 times to the same index as reading it again', async () => {
    const many = join(root, `layout-${counter++}`)
    mkdirSync(many)
    writeOciLayout(many, repeatedLayerBlobs(), { rawLayers: true, layerOrder: alternating(200) })
    const index = await readImage(`oci-layout:${many}`)
    // Odd layers delete data.bin, even ones (the same blob as layer 0) restore it: the replays applied it again.
    expect(index.files.has('/data.bin')).toBe(false)
    expect(index.shadowed.filter(f => f.path === '/data.bin' && f.how === 'deleted')).toHaveLength(100)
    expect(index.files.get('/bin/su')).toMatchObject({ mode: 0o4755, layer: 198 })
    expect(index.layers).toHaveLength(200)
  }, 60_000)

  it('in about the time of reading it once (at most 2.5x)', async () => {
    const growth = await measureGrowth('readRepeatedLayer', 1, 200, { bound: 2.5 })
    expect(growth.ratio).toBeLessThan(2.5)
  }, 300_000)
})

describe('linear in the input', () => {
  it('deep directories under whiteout layers: doubling the depth at most ~2.5x the time (per whiteout, not per parent)', async () => {
    // Depth is capped by PATH_MAX (2 characters a level): 1000 and 2000 levels stay under it.
    // Path lengths double too: total name bytes grow 4x, so the bound is 2.5 * 2.
    const growth = await measureGrowth('readDeepWhiteouts', 1000, 2000, { bound: 5 })
    expect(growth.ratio).toBeLessThan(5)
  }, 300_000)
})
