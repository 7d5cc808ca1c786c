// Hand-built ImageIndex objects for the checks' unit tests: layers of file
// entries applied the way the reader applies them (overlay semantics, a
// deletion shadows the path and everything under it), and contents kept
// exactly as the reader would keep them under IMAGE_CAPTURE.
import { emptyConfig } from '../../../src/config.js'
import type { Config } from '../../../src/config.js'
import { IMAGE_CAPTURE } from '../../../src/checks/capture.js'
import type {
  ContainerConfig,
  FileType,
  HistoryEntry,
  ImageFile,
  ImageIndex,
  LayerInfo,
  ShadowedFile
} from '../../../src/image/types.js'
import { contentKey } from '../../../src/image/types.js'

export interface FileSpec {
  type?: FileType
  size?: number
  mode?: number
  uid?: number
  gid?: number
  linkTarget?: string
  content?: string | Buffer
}

/** A string is a regular file's content; `DELETE` is a whiteout. */
export type EntrySpec = FileSpec | string | typeof DELETE

export const DELETE = Symbol('whiteout')

export const dir = (mode = 0o755): FileSpec => ({ type: 'dir', mode })
export const symlink = (linkTarget: string): FileSpec => ({ type: 'symlink', linkTarget, mode: 0o777 })
export const exe = (content: string | Buffer, mode = 0o755): FileSpec => ({ content, mode })
export const sized = (size: number, mode = 0o644): FileSpec => ({ size, mode })

export class ImageBuilder {
  private readonly history: HistoryEntry[] = []
  private readonly layers: { createdBy: string; entries: [string, EntrySpec][] }[] = []
  // A HEALTHCHECK by default, so tests of other checks do not all carry SG2017's note.
  private containerConfig: ContainerConfig = { Healthcheck: { Test: ['CMD', '/healthcheck'] } }
  private extra: Partial<ImageIndex> = {}

  /** A history entry that made a layer with these entries. */
  layer(createdBy: string, entries: Record<string, EntrySpec> = {}): this {
    this.history.push({ createdBy, emptyLayer: false })
    this.layers.push({ createdBy, entries: Object.entries(entries) })
    return this
  }

  /** A history entry without a layer (ENV, USER, ARG ...). */
  empty(createdBy: string): this {
    this.history.push({ createdBy, emptyLayer: true })
    return this
  }

  config(config: ContainerConfig): this {
    this.containerConfig = { ...this.containerConfig, ...config }
    return this
  }

  with(extra: Partial<ImageIndex>): this {
    this.extra = { ...this.extra, ...extra }
    return this
  }

  build(): ImageIndex {
    const files = new Map<string, ImageFile>()
    const shadowed: ShadowedFile[] = []
    const contents = new Map<string, Buffer>()
    const layers: LayerInfo[] = []
    let sizeBytes = 0
    const historyIndexes = this.history.flatMap((entry, h) => (entry.emptyLayer ? [] : [h]))

    this.layers.forEach(({ createdBy, entries }, layer) => {
      let layerSize = 0
      const hide = (path: string, how: 'deleted' | 'overwritten'): void => {
        for (const [existing, file] of [...files]) {
          if (existing === path || (how === 'deleted' && existing.startsWith(`${path}/`))) {
            shadowed.push({ ...file, hiddenBy: layer, how })
            files.delete(existing)
          }
        }
      }
      for (const [path, spec] of entries) {
        if (spec === DELETE) {
          hide(path, 'deleted')
          continue
        }
        const file: FileSpec = typeof spec === 'string' ? { content: spec } : spec
        const type = file.type ?? 'file'
        const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content
        const size = type === 'file' ? (file.size ?? content?.length ?? 0) : 0
        const mode = file.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644)
        // Parent directories, as tar streams carry them.
        for (let slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
          const parent = path.slice(0, slash)
          if (!files.has(parent))
            files.set(parent, { path: parent, type: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0, layer })
        }
        if (files.has(path) && files.get(path)!.type !== 'dir') hide(path, 'overwritten')
        files.set(path, {
          path,
          type,
          size,
          mode,
          uid: file.uid ?? 0,
          gid: file.gid ?? 0,
          layer,
          ...(file.linkTarget === undefined ? {} : { linkTarget: file.linkTarget })
        })
        layerSize += size
        if (content && type === 'file') {
          const keep = IMAGE_CAPTURE(path, size, mode)
          if (keep > 0) contents.set(contentKey(layer, path), content.subarray(0, keep))
        }
      }
      sizeBytes += layerSize
      layers.push({
        index: layer,
        digest: `sha256:${String(layer).padStart(64, '0')}`,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        compressedSize: layerSize,
        sizeBytes: layerSize,
        createdBy,
        fileCount: entries.length,
        ...(historyIndexes[layer] === undefined ? {} : { historyIndex: historyIndexes[layer] })
      })
    })
    const wastedBytes = shadowed.reduce((total, file) => total + file.size, 0)
    return {
      // A versioned tag: SG2019 (tagged :latest) is tested on its own.
      ref: 'test:1.0',
      config: this.containerConfig,
      history: this.history,
      layers,
      files,
      shadowed,
      contents,
      sizeBytes,
      wastedBytes,
      efficiency: sizeBytes === 0 ? 1 : 1 - wastedBytes / sizeBytes,
      warnings: [],
      ...this.extra
    }
  }
}

export function config(overrides: Partial<Config> = {}): Config {
  return { ...emptyConfig(), ...overrides }
}

/** A minimal 64-bit little-endian ELF executable: optional PT_INTERP, optional PT_DYNAMIC with DT_NEEDED/DT_RUNPATH. */
export function elfBinary(
  options: { interpreter?: string; needed?: string[]; runpath?: string; padTo?: number } = {}
): Buffer {
  const strings: string[] = ['', ...(options.needed ?? []), ...(options.runpath ? [options.runpath] : [])]
  const strtab = Buffer.from(strings.map(s => `${s}\0`).join(''))
  const stringOffset = (s: string): number => strtab.indexOf(Buffer.from(`${s}\0`))
  const interp = options.interpreter === undefined ? undefined : Buffer.from(`${options.interpreter}\0`)
  const dynamicEntries: [number, number][] = []
  for (const name of options.needed ?? []) dynamicEntries.push([1, stringOffset(name)])
  if (options.runpath) dynamicEntries.push([29, stringOffset(options.runpath)])
  const hasDynamic = options.needed !== undefined || options.runpath !== undefined
  const phnum = 1 + (interp ? 1 : 0) + (hasDynamic ? 1 : 0)
  const phoff = 64
  const afterHeaders = phoff + phnum * 56
  const interpOffset = afterHeaders
  const strtabOffset = interpOffset + (interp?.length ?? 0)
  const dynamicOffset = Math.max(strtabOffset + strtab.length, options.padTo ?? 0)
  if (hasDynamic) dynamicEntries.push([5, strtabOffset], [0, 0]) // DT_STRTAB as vaddr == offset (one PT_LOAD at 0)
  const dynamic = Buffer.alloc(dynamicEntries.length * 16)
  dynamicEntries.forEach(([tag, value], i) => {
    dynamic.writeBigUInt64LE(BigInt(tag), i * 16)
    dynamic.writeBigUInt64LE(BigInt(value), i * 16 + 8)
  })
  const total = dynamicOffset + (hasDynamic ? dynamic.length : 0)
  const buffer = Buffer.alloc(total)
  buffer.writeUInt32BE(0x7f454c46, 0)
  buffer[4] = 2 // 64-bit
  buffer[5] = 1 // little-endian
  buffer[6] = 1
  buffer.writeUInt16LE(2, 16) // ET_EXEC
  buffer.writeUInt16LE(62, 18) // x86-64
  buffer.writeBigUInt64LE(BigInt(phoff), 32)
  buffer.writeUInt16LE(64, 52)
  buffer.writeUInt16LE(56, 54)
  buffer.writeUInt16LE(phnum, 56)
  let ph = phoff
  const header = (type: number, offset: number, size: number): void => {
    buffer.writeUInt32LE(type, ph)
    buffer.writeBigUInt64LE(BigInt(offset), ph + 8)
    buffer.writeBigUInt64LE(BigInt(offset), ph + 16)
    buffer.writeBigUInt64LE(BigInt(size), ph + 32)
    ph += 56
  }
  header(1, 0, total)
  if (interp) {
    header(3, interpOffset, interp.length)
    interp.copy(buffer, interpOffset)
  }
  strtab.copy(buffer, strtabOffset)
  if (hasDynamic) {
    header(2, dynamicOffset, dynamic.length)
    dynamic.copy(buffer, dynamicOffset)
  }
  return buffer
}

export { DELETE as WHITEOUT }
