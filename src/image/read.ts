// readImage: one streaming pass over an image's layers, from whichever source
// the reference names, into the ImageIndex the checks consume.
//
// Sources: `oci-layout:DIR`, `docker-archive:FILE`, `registry:HOST/REPO:TAG`,
// or a plain reference: the local engine when it has the image, else (when
// the reference names a registry host, e.g. `127.0.0.1:5000/x/y:1`) that
// registry; otherwise the image is missing.
import { UsageError } from '../errors.js'
import { configString, diffIdList, sanitizeContainerConfig } from './config-shape.js'
import { FileIndexBuilder } from './file-index.js'
import { LayerInflater } from './inflate-worker.js'
import { CompressionError, parseLayer, type LayerVerification } from './layer-stream.js'
import { resolveLimits, Warnings, type ReaderLimits } from './limits.js'
import { MarkerScanner, type LayerVisitor, type MarkerScan } from './marker-scan.js'
import {
  hostPlatform,
  resolveImage,
  type ImageConfigJson,
  type LayerRef,
  type ResolvedImage
} from './manifest.js'
import { engineHasImage, openEngineImage } from './sources/engine.js'
import { openLayoutDir } from './sources/layout-dir.js'
import { hasRegistryHost, openRegistryImage } from './sources/registry.js'
import type { ImageSource } from './sources/store.js'
import { openTarFile } from './sources/tar-file.js'
import { TarError } from './tar.js'
import { RecordingVisitor, replay } from './replay.js'
import { digestFromArchivePath } from './verify.js'
import type { CapturePolicy, HistoryEntry, ImageIndex, LayerInfo } from './types.js'

export type { ReaderLimits } from './limits.js'
export { DEFAULT_LIMITS } from './limits.js'
export { resolvePath, normalisePath, MAX_SYMLINK_HOPS, type ResolvedPath } from './paths.js'

export interface ReadOptions {
  /** Which leading bytes of which files to keep for the checks. */
  capture?: CapturePolicy
  /** Byte strings to look for anywhere in selected files (ImageIndex.markers), without keeping them. */
  scan?: MarkerScan
  /** `os/arch[/variant]` to pick from a multi-platform index; default the host's (linux/amd64 here). */
  platform?: string
  /** Where `docker save` output is spooled (a private dir inside it, always removed). Default os.tmpdir(). */
  tempDir?: string
  limits?: Partial<ReaderLimits>
}

export type SourceKind = 'engine' | 'oci-layout' | 'docker-archive' | 'registry'

/** Which source a reference names before anything is read (engine refs are confirmed at open). */
export function sourceKind(ref: string): { kind: SourceKind; target: string } {
  for (const kind of ['oci-layout', 'docker-archive', 'registry'] as const) {
    if (ref.startsWith(`${kind}:`)) return { kind, target: ref.slice(kind.length + 1) }
  }
  return { kind: 'engine', target: ref }
}

async function openSource(ref: string, options: ReadOptions, limits: ReaderLimits): Promise<ImageSource> {
  const { kind, target } = sourceKind(ref)
  if (!target) throw new UsageError(`empty image reference: ${JSON.stringify(ref)}`)
  switch (kind) {
    case 'oci-layout':
      return openLayoutDir(target, limits.maxJsonBytes)
    case 'docker-archive':
      return openTarFile(target, limits.maxJsonBytes)
    case 'registry':
      return openRegistryImage(target, limits.maxJsonBytes, limits.registryIdleMs)
    case 'engine':
      if (await engineHasImage(target)) return openEngineImage(target, limits.maxJsonBytes, options.tempDir)
      if (hasRegistryHost(target))
        return openRegistryImage(target, limits.maxJsonBytes, limits.registryIdleMs)
      throw new UsageError(
        `image not found in the local engine: ${target} (use oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG for other sources)`
      )
  }
}

function toHistory(config: ImageConfigJson): HistoryEntry[] {
  return (Array.isArray(config.history) ? config.history : []).map(h => {
    const entry: HistoryEntry = {
      createdBy: String(h?.created_by ?? ''),
      emptyLayer: h?.empty_layer === true
    }
    if (typeof h?.created === 'string') entry.created = h.created
    if (typeof h?.comment === 'string') entry.comment = h.comment
    return entry
  })
}

/** Non-empty history entries map, in order, onto the layers. */
export function mapLayersToHistory(history: HistoryEntry[], layerCount: number): (number | undefined)[] {
  const nonEmpty = history.flatMap((h, i) => (h.emptyLayer ? [] : [i]))
  return Array.from({ length: layerCount }, (_, i) => nonEmpty[i])
}

function describeLayerError(error: unknown, index: number, digest: string): unknown {
  const where = `layer ${index} (${digest})`
  if (error instanceof CompressionError) return new UsageError(`${where}: ${error.message}`)
  if (error instanceof TarError) return new UsageError(`${where}: not a valid tar: ${error.message}`)
  // I/O failures while streaming (a registry connection reset, a disk error) are the environment's, not bugs.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' || message === 'terminated')
    return new UsageError(
      `${where}: reading failed: ${String(message)}${typeof code === 'string' ? ` (${code})` : ''}`
    )
  return error
}

/** What a layer's bytes must hash to: its blob digest, or for a legacy `ID/layer.tar` its diff_id. */
function layerVerification(layer: LayerRef, diffId: unknown): LayerVerification | undefined {
  if (layer.key === layer.digest)
    return {
      expected: { digest: layer.digest, ...(layer.compressedSize > 0 ? { size: layer.compressedSize } : {}) },
      side: 'blob'
    }
  const named = digestFromArchivePath(layer.key)
  if (named) return { expected: { digest: named }, side: 'blob' }
  return typeof diffId === 'string' ? { expected: { digest: diffId }, side: 'tar' } : undefined
}

async function readLayers(
  resolved: ResolvedImage,
  source: ImageSource,
  builder: LayerVisitor,
  limits: ReaderLimits,
  warnings: Warnings
): Promise<{ sizeBytes: number; fileCount: number }[]> {
  // Inflating and hashing run on a worker thread while this one parses (see inflate-worker.ts).
  const inflater = new LayerInflater()
  try {
    return await readLayersWith(inflater, resolved, source, builder, limits, warnings)
  } finally {
    await inflater.close()
  }
}

async function readLayersWith(
  inflater: LayerInflater,
  resolved: ResolvedImage,
  source: ImageSource,
  builder: LayerVisitor,
  limits: ReaderLimits,
  warnings: Warnings
): Promise<{ sizeBytes: number; fileCount: number }[]> {
  const stats = []
  const diffIds = diffIdList(resolved.config.rootfs)
  // How often each blob is still to come: a repeated layer is inflated once and replayed after.
  const remaining = new Map<string, number>()
  for (const layer of resolved.layers) remaining.set(layer.key, (remaining.get(layer.key) ?? 0) + 1)
  const recordings = new Map<string, RecordingVisitor['recorded']>()
  let inflated = 0
  for (const [index, layer] of resolved.layers.entries()) {
    const left = (remaining.get(layer.key) ?? 1) - 1
    remaining.set(layer.key, left)
    builder.beginLayer(index)
    const recording = recordings.get(layer.key)
    if (recording) {
      replay(recording, builder)
      if (left === 0) recordings.delete(layer.key)
      stats.push(builder.endLayer())
      continue
    }
    const blob = await source.store.open(layer.key)
    const verification = layerVerification(layer, diffIds[index] || undefined)
    if (!verification) warnings.addTampering(`layer ${index} (${layer.key}): no digest to verify it against`)
    const recorder = left > 0 ? new RecordingVisitor(builder) : undefined
    try {
      const { digestProblem, tarBytes } = await parseLayer(
        blob,
        recorder ?? builder,
        limits.maxExtensionBytes,
        verification,
        { maxBytes: limits.maxUncompressedBytes - inflated, maxRatio: limits.maxCompressionRatio },
        { inflater, file: await source.store.file?.(layer.key) }
      )
      inflated += tarBytes
      if (digestProblem) warnings.addTampering(`layer ${index} (${layer.digest}) ${digestProblem}`)
    } catch (error) {
      throw describeLayerError(error, index, layer.digest)
    } finally {
      blob.destroy()
    }
    if (recorder && !recorder.overflowed) recordings.set(layer.key, recorder.recorded)
    stats.push(builder.endLayer())
  }
  return stats
}

export async function readImage(source: string, options: ReadOptions = {}): Promise<ImageIndex> {
  const limits = resolveLimits(options.limits)
  const warnings = new Warnings(limits.maxWarnings)
  const opened = await openSource(source, options, limits)
  try {
    const resolved = await resolveImage(
      opened,
      options.platform ?? hostPlatform(),
      limits.maxJsonBytes,
      warnings
    )
    const builder = new FileIndexBuilder(source, limits, warnings, options.capture)
    const scanner = options.scan
      ? new MarkerScanner(builder, options.scan, resolved.config.config ?? {})
      : undefined
    const stats = await readLayers(resolved, opened, scanner ?? builder, limits, warnings)
    const history = toHistory(resolved.config)
    const historyIndexes = mapLayersToHistory(history, resolved.layers.length)
    const nonEmpty = history.filter(h => !h.emptyLayer).length
    if (history.length > 0 && nonEmpty !== resolved.layers.length)
      warnings.add(`history lists ${nonEmpty} layer-making steps for ${resolved.layers.length} layers`)
    const diffIds = diffIdList(resolved.config.rootfs)
    const layers: LayerInfo[] = resolved.layers.map((layer, index) => {
      const historyIndex = historyIndexes[index]
      const info: LayerInfo = {
        index,
        digest: layer.digest,
        mediaType: layer.mediaType,
        compressedSize: layer.compressedSize,
        sizeBytes: stats[index]?.sizeBytes ?? 0,
        createdBy: historyIndex === undefined ? '' : (history[historyIndex]?.createdBy ?? ''),
        fileCount: stats[index]?.fileCount ?? 0
      }
      const diffId = diffIds[index]
      if (diffId) info.diffId = diffId
      if (historyIndex !== undefined) info.historyIndex = historyIndex
      return info
    })
    const totals = builder.totals()
    const config = resolved.config
    const index: ImageIndex = {
      ref: source,
      config: sanitizeContainerConfig(config.config, warnings),
      history,
      layers,
      files: builder.files,
      shadowed: builder.shadowed,
      contents: builder.contents,
      sizeBytes: totals.sizeBytes,
      wastedBytes: totals.wastedBytes,
      efficiency: totals.efficiency,
      warnings: warnings.toArray()
    }
    if (scanner) index.markers = scanner.found
    const tampering = warnings.tampering()
    if (tampering.length > 0) index.tampering = tampering
    if (resolved.digest) index.digest = resolved.digest
    const os = configString(config.os)
    const architecture = configString(config.architecture)
    const variant = configString(config.variant)
    if (os && architecture) index.platform = { os, architecture, ...(variant ? { variant } : {}) }
    if (resolved.attestations) index.attestations = resolved.attestations
    if (resolved.indexFromAttestations !== undefined)
      index.indexFromAttestations = resolved.indexFromAttestations
    return index
  } finally {
    await opened.close()
  }
}
