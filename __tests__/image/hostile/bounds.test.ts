// Small inputs that would make the reader run for hours: decompression bombs
// and a layer listed again and again. Each is refused or made cheap, and the
// tests compare run times of the same reader on two sizes (no absolute times).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { UsageError } from '../../../src/errors.js'
import { readImage } from '../../../src/image/read.js'
import { header, sha256, tar, writeOciLayout } from '../support/tar-writer.js'
import { readFileSync, writeFileSync } from 'node:fs'

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

function layoutWith(blobs: Buffer[], list: number[]): string {
  const dir = join(root, `layout-${counter++}`)
  mkdirSync(dir)
  writeOciLayout(dir, blobs, { rawLayers: true })
  if (list.length === blobs.length) return dir
  // List the written layers again as `list` says (indexes into blobs).
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    manifests: { digest: string; size: number }[]
  }
  const manifestPath = join(dir, 'blobs', 'sha256', index.manifests[0]!.digest.slice(7))
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    layers: unknown[]
    config: { digest: string }
  }
  manifest.layers = list.map(i => manifest.layers[i])
  const configPath = join(dir, 'blobs', 'sha256', manifest.config.digest.slice(7))
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
    rootfs: { diff_ids: string[] }
    history: unknown[]
  }
  config.rootfs.diff_ids = list.map(i => config.rootfs.diff_ids[i]!)
  config.history = list.map(i => ({ created_by: `layer ${i}` }))
  const configBytes = Buffer.from(JSON.stringify(config))
  const configDigest = sha256(configBytes)
  writeFileSync(join(dir, 'blobs', 'sha256', configDigest.slice(7)), configBytes)
  manifest.config = { ...manifest.config, digest: configDigest, size: configBytes.length } as never
  const manifestBytes = Buffer.from(JSON.stringify(manifest))
  const manifestDigest = sha256(manifestBytes)
  writeFileSync(join(dir, 'blobs', 'sha256', manifestDigest.slice(7)), manifestBytes)
  index.manifests[0] = { ...index.manifests[0]!, digest: manifestDigest, size: manifestBytes.length }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
  return dir
}

async function best(runs: number, work: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await work()
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start))
  }
  return fastest
}

describe('decompression bombs', () => {
  it('refuses a zstd layer declaring 1 TiB at the uncompressed-bytes limit, as one line', async () => {
    const dir = layoutWith([zstdBomb(256 * 1024 ** 2)], [0])
    const read = readImage(`oci-layout:${dir}`, { limits: { maxUncompressedBytes: 32 * 1024 ** 2 } })
    await expect(read).rejects.toThrow(UsageError)
    await expect(
      readImage(`oci-layout:${dir}`, { limits: { maxUncompressedBytes: 32 * 1024 ** 2 } })
    ).rejects.toThrow(
      /^layer 0 \(sha256:[a-f0-9]{64}\): inflates past the reader's limit of 33554432 uncompressed bytes/
    )
  })

  it('refuses a zstd frame inflating past the ratio limit with the default limits (1 TiB declared)', async () => {
    const dir = layoutWith([zstdBomb(1024 ** 4)], [0])
    await expect(readImage(`oci-layout:${dir}`)).rejects.toThrow(
      /inflates more than 2000:1 .*: a decompression bomb$/
    )
  }, 60_000)
})

describe('a repeated layer digest is inflated once', () => {
  it('reads one layer listed 200 times in about the time of reading it once, with the same index as reading it again', async () => {
    const big = Buffer.concat([
      header({ name: 'data.bin' }, 48 * 1024 ** 2),
      Buffer.alloc(48 * 1024 ** 2),
      header({ name: 'bin/su', mode: 0o4755 }, 2),
      Buffer.from('su'),
      Buffer.alloc(510),
      Buffer.alloc(1024)
    ])
    const other = Buffer.concat([header({ name: '.wh.data.bin' }, 0), Buffer.alloc(1024)])
    const blobs = [gzipSync(big, { level: 1 }), gzipSync(other)]
    const once = layoutWith(blobs, [0])
    const many = layoutWith(
      blobs,
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0 : 1))
    )
    const index = await readImage(`oci-layout:${many}`)
    // Odd layers delete data.bin, even ones (the same blob as layer 0) restore it: the replays applied it again.
    expect(index.files.has('/data.bin')).toBe(false)
    expect(index.shadowed.filter(f => f.path === '/data.bin' && f.how === 'deleted')).toHaveLength(100)
    expect(index.files.get('/bin/su')).toMatchObject({ mode: 0o4755, layer: 198 })
    expect(index.layers).toHaveLength(200)
    const tOnce = await best(3, () => readImage(`oci-layout:${once}`))
    const tMany = await best(3, () => readImage(`oci-layout:${many}`))
    expect(tMany / tOnce).toBeLessThan(2.5)
  }, 60_000)
})

describe('linear in the input', () => {
  const timeRead = async (layers: Buffer[]): Promise<number> => {
    const dir = join(root, `layout-${counter++}`)
    mkdirSync(dir)
    writeOciLayout(dir, layers)
    await readImage(`oci-layout:${dir}`)
    return best(3, () => readImage(`oci-layout:${dir}`))
  }

  it('deep directories under whiteout layers: doubling the depth at most ~2.5x the time (per whiteout, not per parent)', async () => {
    const deep = (n: number): Buffer[] => {
      const entries = []
      let path = ''
      for (let i = 0; i < n; i++) {
        path += `${i % 10}/`
        entries.push({ name: path, typeflag: '5' })
        entries.push({ name: `${path}f`, data: 'x' })
      }
      const whiteouts = Array.from({ length: 10 }, (_, i) => tar([{ name: `.wh.other${i}`, data: '' }]))
      return [tar(entries), ...whiteouts]
    }
    // Depth is capped by PATH_MAX (2 characters a level): 1000 and 2000 levels stay under it.
    const small = await timeRead(deep(1000))
    const large = await timeRead(deep(2000))
    expect(large / small).toBeLessThan(2.5 * 2) // path lengths double too: total name bytes grow 4x
  }, 120_000)
})
