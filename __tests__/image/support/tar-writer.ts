// A tiny tar writer for tests only: builds well-formed and deliberately
// hostile archives (bad checksums, lying sizes, traversal names, pax and GNU
// long names, base-256 sizes) and whole OCI layouts around them.
import { createHash } from 'node:crypto'
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip, gzipSync } from 'node:zlib'

export interface EntrySpec {
  name: string
  /** '0' file (default), '1' hard link, '2' symlink, '5' dir, 'x' pax, 'L' GNU long name, 'S' GNU sparse … */
  typeflag?: string
  data?: Buffer | string
  linkName?: string
  mode?: number
  uid?: number
  gid?: number
  /** Size written in the header when it must differ from the data (a lying header). */
  declaredSize?: number
  /** Write the size field in GNU base-256. */
  base256Size?: boolean
  /** Corrupt the checksum. */
  badChecksum?: boolean
  /** For 'S': the real size field. */
  realSize?: number
  /** ustar prefix field. */
  prefix?: string
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0'
}

export function header(spec: EntrySpec, dataLength: number): Buffer {
  const block = Buffer.alloc(512)
  block.write(spec.name.slice(0, 100), 0, 'utf8')
  block.write(octal(spec.mode ?? (spec.typeflag === '5' ? 0o755 : 0o644), 8), 100, 'latin1')
  block.write(octal(spec.uid ?? 0, 8), 108, 'latin1')
  block.write(octal(spec.gid ?? 0, 8), 116, 'latin1')
  const size = spec.declaredSize ?? dataLength
  if (spec.base256Size || size > 0o77777777777) {
    block[124] = 0x80
    let v = BigInt(size)
    for (let i = 135; i > 124; i--) {
      block[i] = Number(v & 0xffn)
      v >>= 8n
    }
  } else block.write(octal(size, 12), 124, 'latin1')
  block.write(octal(0, 12), 136, 'latin1')
  block.write(spec.typeflag ?? '0', 156, 'latin1')
  block.write((spec.linkName ?? '').slice(0, 100), 157, 'utf8')
  block.write('ustar\0' + '00', 257, 'latin1')
  if (spec.prefix) block.write(spec.prefix, 345, 'utf8')
  if (spec.typeflag === 'S') {
    block.write('ustar  \0', 257, 'latin1') // old GNU magic: no prefix field
    block.write(octal(spec.realSize ?? dataLength, 12), 483, 'latin1')
  }
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  if (spec.badChecksum) sum += 1
  block.write(octal(sum, 7) + ' ', 148, 'latin1')
  return block
}

const pad = (length: number): Buffer => Buffer.alloc((512 - (length % 512)) % 512)

export function entry(spec: EntrySpec): Buffer {
  const data = typeof spec.data === 'string' ? Buffer.from(spec.data) : (spec.data ?? Buffer.alloc(0))
  return Buffer.concat([header(spec, data.length), data, pad(data.length)])
}

export function paxEntry(records: Record<string, string>, target: EntrySpec): Buffer {
  let body = ''
  for (const [key, value] of Object.entries(records)) {
    const tail = ` ${key}=${value}\n`
    let length = Buffer.byteLength(tail) + 1
    while (String(length).length + Buffer.byteLength(tail) !== length)
      length = String(length).length + Buffer.byteLength(tail)
    body += `${length}${tail}`
  }
  return Buffer.concat([entry({ name: 'PaxHeader', typeflag: 'x', data: body }), entry(target)])
}

export function gnuLongName(name: string, target: EntrySpec, kind: 'L' | 'K' = 'L'): Buffer {
  return Buffer.concat([entry({ name: '././@LongLink', typeflag: kind, data: name + '\0' }), entry(target)])
}

/** Files (string/Buffer data), dirs (trailing '/') and raw pre-built entries. */
export function tar(parts: (EntrySpec | Buffer)[], { endMarker = true } = {}): Buffer {
  const blocks = parts.map(p => (Buffer.isBuffer(p) ? p : entry(p)))
  if (endMarker) blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

/** A zstd frame made of raw (stored) blocks: valid zstd without a compressor. */
export function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])]
  const max = 128 * 1024
  let pos = 0
  do {
    const size = Math.min(max, data.length - pos)
    const last = pos + size >= data.length ? 1 : 0
    const h = (size << 3) | last // block type 0 = raw
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), data.subarray(pos, pos + size))
    pos += size
  } while (pos < data.length)
  return Buffer.concat(parts)
}

export const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

export interface LayoutOptions {
  compression?: 'gzip' | 'zstd' | 'none'
  config?: Record<string, unknown>
  history?: { created_by: string; empty_layer?: boolean }[]
  /** Extra manifests (e.g. attestation manifests) to list beside the image in an inner index. */
  attestations?: { predicateTypes: string[] }
  /** Raw layer blobs used as-is (already compressed or deliberately corrupt). */
  rawLayers?: boolean
  /** The manifest lists the layers in this order (indexes into `layers`, repeats allowed). */
  layerOrder?: number[]
}

function writeBlob(dir: string, data: Buffer): string {
  const digest = sha256(data)
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), data)
  return digest
}

/** Writes an OCI image layout holding one image made of the given layer tars. */
export function writeOciLayout(
  dir: string,
  layers: Buffer[],
  options: LayoutOptions = {}
): { manifestDigest: string } {
  const compression = options.compression ?? 'gzip'
  const mediaType =
    compression === 'gzip'
      ? 'application/vnd.oci.image.layer.v1.tar+gzip'
      : compression === 'zstd'
        ? 'application/vnd.oci.image.layer.v1.tar+zstd'
        : 'application/vnd.oci.image.layer.v1.tar'
  const layerDescriptors = layers.map(layer => {
    const blob = options.rawLayers
      ? layer
      : compression === 'gzip'
        ? gzipSync(layer)
        : compression === 'zstd'
          ? zstdStored(layer)
          : layer
    return { mediaType, digest: writeBlob(dir, blob), size: blob.length, diffId: sha256(layer) }
  })
  const listed = options.layerOrder ? options.layerOrder.map(i => layerDescriptors[i]!) : layerDescriptors
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: options.config ?? { User: '1000' },
      rootfs: { type: 'layers', diff_ids: listed.map(l => l.diffId) },
      history: options.history ?? listed.map((_, i) => ({ created_by: `RUN step ${i}` }))
    })
  )
  const configDigest = writeBlob(dir, config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length
      },
      layers: listed.map(({ mediaType: m, digest, size }) => ({ mediaType: m, digest, size }))
    })
  )
  const manifestDigest = writeBlob(dir, manifest)
  const imageDescriptor = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: manifestDigest,
    size: manifest.length,
    platform: { architecture: 'amd64', os: 'linux' }
  }
  let top: unknown[] = [imageDescriptor]
  if (options.attestations) {
    const statement = Buffer.from('{}')
    const statementDigest = writeBlob(dir, statement)
    const attConfig = Buffer.from(
      '{"architecture":"unknown","os":"unknown","config":{},"rootfs":{"type":"layers","diff_ids":[]}}'
    )
    const attConfigDigest = writeBlob(dir, attConfig)
    const attManifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: attConfigDigest,
          size: attConfig.length
        },
        layers: options.attestations.predicateTypes.map(p => ({
          mediaType: 'application/vnd.in-toto+json',
          digest: statementDigest,
          size: statement.length,
          annotations: { 'in-toto.io/predicate-type': p }
        }))
      })
    )
    const attDigest = writeBlob(dir, attManifest)
    const inner = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          imageDescriptor,
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: attDigest,
            size: attManifest.length,
            platform: { architecture: 'unknown', os: 'unknown' },
            annotations: {
              'vnd.docker.reference.digest': manifestDigest,
              'vnd.docker.reference.type': 'attestation-manifest'
            }
          }
        ]
      })
    )
    const innerDigest = writeBlob(dir, inner)
    top = [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: innerDigest, size: inner.length }]
  }
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: top }))
  return { manifestDigest }
}

/**
 * A tar of `count` empty files named `srv/data/d<i % 1000>/f<i>`, streamed in 1 MiB chunks by
 * patching one template header (fast enough not to dominate a test of millions of files).
 */
export function* manyEmptyFiles(count: number): Generator<Buffer> {
  const template = header({ name: '' }, 0)
  template.fill(0, 148, 156)
  let base = 8 * 0x20
  for (const byte of template) base += byte
  const batch = Buffer.alloc(512 * 2048)
  let fill = 0
  for (let i = 0; i < count; i++) {
    const block = batch.subarray(fill, fill + 512)
    template.copy(block)
    const written = block.write(`srv/data/d${i % 1000}/f${i}`, 0, 'latin1')
    let sum = base
    for (let j = 0; j < written; j++) sum += block[j] as number
    block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
    fill += 512
    if (fill === batch.length) {
      yield Buffer.from(batch)
      fill = 0
    }
  }
  yield Buffer.concat([batch.subarray(0, fill), Buffer.alloc(1024)])
}

/** An OCI layout in `dir` whose one gzip layer holds manyEmptyFiles(count). */
export async function writeManyFilesLayout(dir: string, count: number): Promise<void> {
  const layerFile = join(dir, 'layer.tar.gz')
  await pipeline(Readable.from(manyEmptyFiles(count)), createGzip({ level: 1 }), createWriteStream(layerFile))
  const layout = join(dir, 'layout')
  mkdirSync(layout)
  writeOciLayout(layout, [readFileSync(layerFile)], { rawLayers: true })
  rmSync(layerFile)
}
