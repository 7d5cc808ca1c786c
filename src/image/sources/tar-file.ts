// `docker-archive:FILE` and the engine's `docker save` output: a tar holding
// either an OCI layout (index.json, blobs/) or a legacy docker archive
// (manifest.json, <id>/layer.tar). The outer tar is indexed once by reading
// its headers only (positional reads, data never read), then blobs are
// streamed straight from their byte ranges.
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import { decodeName } from '../names.js'
import { normalisePath } from '../paths.js'
import { BLOCK, isZeroBlock, parseHeader, parsePax, TarError } from '../tar.js'
import type { BlobFile } from '../inflate-worker.js'
import { archivePath } from './archive-keys.js'
import { readStream, type BlobStore, type ImageSource } from './store.js'

const HIGH_WATER_MARK = 1024 * 1024
const MAX_OUTER_ENTRIES = 1_000_000
const MAX_OUTER_EXTENSION = 1024 * 1024

interface Member {
  offset: number
  size: number
}

/** Lists the regular files of a tar file with their data offsets, reading headers only. */
export async function indexTarFile(file: string, label: string): Promise<Map<string, Member>> {
  const members = new Map<string, Member>()
  const handle = await open(file, 'r')
  try {
    const fileSize = (await handle.stat()).size
    const block = Buffer.alloc(BLOCK)
    let offset = 0
    // Read as Go's archive/tar (docker load) reads: the last pax header's records
    // apply to the next entry (its `size` decides where the data ends), and a GNU
    // long name wins over a pax path.
    let gnuName: string | undefined
    let pax: Map<string, string> | undefined
    let count = 0
    while (offset + BLOCK <= fileSize) {
      await handle.read(block, 0, BLOCK, offset)
      if (isZeroBlock(block)) break
      if (++count > MAX_OUTER_ENTRIES) throw new UsageError(`${label}: too many entries in the archive`)
      const header = parseHeader(block)
      const isExtension = header.typeflag === 'x' || header.typeflag === 'L' || header.typeflag === 'g'
      const paxSize = isExtension ? undefined : pax?.get('size')
      if (paxSize !== undefined && !/^\d+$/.test(paxSize))
        throw new UsageError(`${label}: invalid pax size ${JSON.stringify(paxSize)} for ${header.name}`)
      const size = paxSize === undefined ? header.size : Number(paxSize)
      if (!Number.isSafeInteger(size)) throw new UsageError(`${label}: absurd pax size for ${header.name}`)
      const dataOffset = offset + BLOCK
      const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK
      if (dataOffset + size > fileSize)
        throw new UsageError(`${label}: truncated archive (${header.name} runs past the end of the file)`)
      if (isExtension) {
        if (size > MAX_OUTER_EXTENSION) throw new UsageError(`${label}: oversized extended header`)
        const data = Buffer.alloc(size)
        await handle.read(data, 0, size, dataOffset)
        if (header.typeflag === 'L') {
          const end = data.indexOf(0)
          gnuName = decodeName(data, 0, end < 0 ? data.length : end)
        } else if (header.typeflag === 'x') pax = parsePax(data)
        else {
          gnuName = undefined
          pax = undefined
        }
      } else {
        const name = gnuName ?? pax?.get('path') ?? header.name
        gnuName = undefined
        pax = undefined
        if (header.typeflag === '0' || header.typeflag === '\0' || header.typeflag === '7') {
          const { path } = normalisePath(name)
          members.set(path.slice(1), { offset: dataOffset, size })
        }
      }
      offset = next
    }
    return members
  } catch (error) {
    if (error instanceof TarError) throw new UsageError(`${label}: not a tar archive (${error.message})`)
    throw error
  } finally {
    await handle.close()
  }
}

class TarFileStore implements BlobStore {
  constructor(
    private readonly archive: string,
    private readonly members: Map<string, Member>,
    readonly label: string
  ) {}

  private member(key: string): Member | undefined {
    return this.members.get(archivePath(key, this.label))
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- BlobSource is async: archivePath() throws on a bad key and callers expect a rejected promise, not a synchronous throw
  async open(key: string): Promise<Readable> {
    const member = this.member(key)
    if (!member) throw new UsageError(`${this.label}: blob ${key} is missing from the archive`)
    // An empty member: an empty stream (createReadStream refuses start > end).
    if (member.size === 0) return Readable.from([])
    return createReadStream(this.archive, {
      start: member.offset,
      end: member.offset + member.size - 1,
      highWaterMark: HIGH_WATER_MARK
    })
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- BlobStore.file is async
  async file(key: string): Promise<BlobFile | undefined> {
    const member = this.member(key)
    return member ? { path: this.archive, start: member.offset, length: member.size } : undefined
  }

  async readAll(key: string, maxBytes: number): Promise<Buffer> {
    const member = this.member(key)
    if (member && member.size > maxBytes)
      throw new UsageError(`${this.label}: ${key} is larger than ${maxBytes} bytes`)
    return readStream(await this.open(key), maxBytes, `${this.label}: ${key}`)
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- BlobSource is async: archivePath() throws on a bad key and callers expect a rejected promise, not a synchronous throw
  async has(key: string): Promise<boolean> {
    return this.member(key) !== undefined
  }
}

export async function openTarFile(
  file: string,
  maxJsonBytes: number,
  label = `docker-archive:${file}`,
  knowsAttestations = true
): Promise<ImageSource> {
  try {
    if (!(await stat(file)).isFile()) throw new UsageError(`${label}: not a file`)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${label}: no such file`)
  }
  const members = await indexTarFile(file, label)
  const store = new TarFileStore(file, members, label)
  const close = async (): Promise<void> => {}
  if (members.has('index.json'))
    return {
      store,
      top: { kind: 'oci-index', json: await store.readAll('index.json', maxJsonBytes) },
      knowsAttestations,
      close
    }
  if (members.has('manifest.json'))
    return {
      store,
      top: { kind: 'docker-manifest-json', json: await store.readAll('manifest.json', maxJsonBytes) },
      knowsAttestations: false,
      close
    }
  throw new UsageError(`${label}: not an image archive (no index.json or manifest.json)`)
}
