// `oci-layout:DIR`: an OCI image layout directory (index.json, blobs/), or an
// unpacked docker archive (manifest.json).
import { createReadStream } from 'node:fs'
import { lstat, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { UsageError } from '../../errors.js'
import type { BlobFile } from '../inflate-worker.js'
import { archivePath } from './archive-keys.js'
import { readStream, type BlobStore, type ImageSource } from './store.js'

const HIGH_WATER_MARK = 1024 * 1024

class DirStore implements BlobStore {
  constructor(
    readonly dir: string,
    readonly label: string
  ) {}

  private pathOf(key: string): string {
    return join(this.dir, archivePath(key, this.label))
  }

  async open(key: string): Promise<Readable> {
    const file = this.pathOf(key)
    // A blob that is a symlink could point anywhere on the host (or at a directory): refuse it in one line.
    let link = false
    try {
      link = (await lstat(file)).isSymbolicLink()
    } catch {
      // missing: said below
    }
    if (link)
      throw new UsageError(
        `${this.label}: blob ${key} is a symlink; copy the layout with its blobs as regular files (cp -rL)`
      )
    if (!(await this.has(key))) throw new UsageError(`${this.label}: blob ${key} is missing`)
    return createReadStream(file, { highWaterMark: HIGH_WATER_MARK })
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- BlobStore.file is async; open() has checked the blob
  async file(key: string): Promise<BlobFile> {
    return { path: this.pathOf(key), start: 0 }
  }

  async readAll(key: string, maxBytes: number): Promise<Buffer> {
    return readStream(await this.open(key), maxBytes, `${this.label}: ${key}`)
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile()
    } catch {
      return false
    }
  }
}

async function readIfFile(path: string, maxBytes: number, label: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path)
    if (!info.isFile()) return undefined
    if (info.size > maxBytes) throw new UsageError(`${label}: ${path} is larger than ${maxBytes} bytes`)
  } catch (error) {
    if (error instanceof UsageError) throw error
    return undefined
  }
  return readFile(path)
}

export async function openLayoutDir(dir: string, maxJsonBytes: number): Promise<ImageSource> {
  const label = `oci-layout:${dir}`
  let info
  try {
    info = await stat(dir)
  } catch {
    throw new UsageError(`${label}: no such directory`)
  }
  if (!info.isDirectory()) throw new UsageError(`${label}: not a directory`)
  const store = new DirStore(dir, label)
  const index = await readIfFile(join(dir, 'index.json'), maxJsonBytes, label)
  if (index)
    return { store, top: { kind: 'oci-index', json: index }, knowsAttestations: true, close: async () => {} }
  const manifest = await readIfFile(join(dir, 'manifest.json'), maxJsonBytes, label)
  if (manifest)
    return {
      store,
      top: { kind: 'docker-manifest-json', json: manifest },
      knowsAttestations: false,
      close: async () => {}
    }
  throw new UsageError(`${label}: not an image layout (no index.json or manifest.json)`)
}
