// From a source's top-level document to one image: walks OCI indexes and
// Docker manifest lists (nested ones too, as `docker save` and buildx's OCI
// export write them), picks the requested platform, notices BuildKit
// attestation manifests beside the image, and reads the image config.
import { UsageError } from '../errors.js'
import type { Warnings } from './limits.js'
import { checkDigest, type ImageSource } from './sources/store.js'
import { diffIdList } from './config-shape.js'
import { digestFromArchivePath, verifyBuffer } from './verify.js'

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerLayerTar: 'application/vnd.docker.image.rootfs.diff.tar'
} as const

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList])
const ATTESTATION_TYPE = 'attestation-manifest'
const MAX_INDEX_DEPTH = 4

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export interface Descriptor {
  mediaType?: string
  digest: string
  size?: number
  platform?: Platform
  annotations?: Record<string, string>
}

export interface LayerRef {
  /** What to open in the store: a digest, or a path in a legacy archive. */
  key: string
  digest: string
  mediaType: string
  compressedSize: number
}

export interface ImageConfigJson {
  architecture?: string
  os?: string
  variant?: string
  config?: Record<string, unknown>
  rootfs?: { diff_ids?: string[] }
  history?: { created?: string; created_by?: string; comment?: string; empty_layer?: boolean }[]
}

export interface ResolvedImage {
  digest?: string
  config: ImageConfigJson
  layers: LayerRef[]
  attestations?: { sbom: boolean; provenance: boolean }
  indexFromAttestations?: boolean
}

const ARCHES: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x'
}

export function hostPlatform(): string {
  return `linux/${ARCHES[process.arch] ?? process.arch}`
}

export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split('/')
  if (!os || !architecture)
    throw new UsageError(`invalid platform ${JSON.stringify(text)} (expected os/arch[/variant])`)
  return variant ? { os, architecture, variant } : { os, architecture }
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

function platformMatches(have: Platform, want: Platform): boolean {
  if (have.os !== want.os || have.architecture !== want.architecture) return false
  if (want.variant === undefined) return true
  const normal = (v: string | undefined): string | undefined =>
    have.architecture === 'arm64' && v === undefined ? 'v8' : v
  return normal(have.variant) === normal(want.variant)
}

function parseJson<T>(json: Buffer, what: string): T {
  try {
    const value: unknown = JSON.parse(json.toString('utf8'))
    if (value === null || typeof value !== 'object') throw new Error('not an object')
    return value as T
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`)
  }
}

function descriptors(value: unknown, what: string): Descriptor[] {
  if (!Array.isArray(value)) throw new UsageError(`${what} has no manifests list`)
  return value.map((raw, i) => {
    const d = raw as Descriptor
    checkDigest(d?.digest, `${what} entry ${i}`)
    return d
  })
}

function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === ATTESTATION_TYPE
}

function isIndexJson(json: { mediaType?: string; manifests?: unknown }): boolean {
  return (json.mediaType !== undefined && INDEX_TYPES.has(json.mediaType)) || Array.isArray(json.manifests)
}

interface Found {
  digest: string
  json: Buffer
  /** The index the manifest was chosen from, if any. */
  siblings?: Descriptor[]
}

/** Reads a blob named by `key` and checks it against the digest that named it (tampering when it differs). */
async function readVerified(
  source: ImageSource,
  key: string,
  maxJson: number,
  warnings: Warnings,
  what: string,
  size: unknown,
  asManifest: boolean
): Promise<Buffer> {
  const { store } = source
  // Registries keep manifests apart from blobs; configs are blobs everywhere.
  const json =
    asManifest && store.manifest
      ? (await store.manifest(key, maxJson)).json
      : await store.readAll(key, maxJson)
  const digest = key.includes(':') ? key : digestFromArchivePath(key)
  // A legacy archive may name its config freely (docker load takes the image id from the bytes): no claim to check.
  if (digest !== undefined) {
    const declared = typeof size === 'number' && Number.isSafeInteger(size) ? { size } : {}
    const problem = verifyBuffer(json, { digest, ...declared })
    if (problem) warnings.addTampering(`${what} ${problem}`)
  }
  return json
}

async function fetchManifest(
  source: ImageSource,
  descriptor: Descriptor,
  maxJson: number,
  warnings: Warnings
): Promise<Buffer> {
  return readVerified(
    source,
    descriptor.digest,
    maxJson,
    warnings,
    `manifest ${descriptor.digest}`,
    descriptor.size,
    true
  )
}

async function chooseFromIndex(
  source: ImageSource,
  entries: Descriptor[],
  want: Platform,
  what: string,
  maxJson: number,
  warnings: Warnings,
  depth: number
): Promise<Found> {
  if (depth > MAX_INDEX_DEPTH) throw new UsageError(`${what}: indexes nested too deeply`)
  const images = entries.filter(d => !isAttestation(d))
  if (images.length === 0) throw new UsageError(`${what}: the index lists no image`)
  const withPlatform = images.filter(d => d.platform?.os && d.platform.architecture)
  let chosen: Descriptor | undefined
  if (withPlatform.length > 0) {
    chosen = withPlatform.find(d => platformMatches(d.platform as Platform, want))
    if (!chosen) {
      const unknown = images.filter(d => !withPlatform.includes(d))
      if (unknown.length === 0)
        throw new UsageError(
          `${what}: no ${formatPlatform(want)} image (it has ${withPlatform.map(d => formatPlatform(d.platform as Platform)).join(', ')})`
        )
      chosen = unknown[0]
    }
  } else {
    chosen = images[0]
    if (images.length > 1)
      warnings.add(`${what} holds ${images.length} images; reading the first (${chosen?.digest ?? ''})`)
  }
  const descriptor = chosen as Descriptor
  const json = await fetchManifest(source, descriptor, maxJson, warnings)
  const parsed = parseJson<{ mediaType?: string; manifests?: unknown }>(json, `manifest ${descriptor.digest}`)
  const isIndex =
    (descriptor.mediaType !== undefined && INDEX_TYPES.has(descriptor.mediaType)) || isIndexJson(parsed)
  if (isIndex)
    return chooseFromIndex(
      source,
      descriptors(parsed.manifests, `index ${descriptor.digest}`),
      want,
      `index ${descriptor.digest}`,
      maxJson,
      warnings,
      depth + 1
    )
  return { digest: descriptor.digest, json, siblings: entries }
}

const SBOM_PREDICATES = ['https://spdx.dev/Document', 'https://cyclonedx.org/bom']
const PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/'

async function readAttestations(
  source: ImageSource,
  found: Found,
  maxJson: number,
  warnings: Warnings
): Promise<{ attestations?: ResolvedImage['attestations']; indexFromAttestations?: boolean }> {
  const siblings = found.siblings ?? []
  const forImage = siblings.filter(
    d => isAttestation(d) && d.annotations?.['vnd.docker.reference.digest'] === found.digest
  )
  const images = siblings.filter(d => !isAttestation(d))
  const indexFromAttestations = found.siblings
    ? images.length === 1 && siblings.length > images.length
    : undefined
  if (forImage.length === 0) {
    return source.knowsAttestations && found.siblings
      ? {
          attestations: { sbom: false, provenance: false },
          indexFromAttestations: indexFromAttestations ?? false
        }
      : indexFromAttestations === undefined
        ? {}
        : { indexFromAttestations }
  }
  const result = { sbom: false, provenance: false }
  let unreadable = 0
  for (const d of forImage) {
    const present = source.store.manifest ? true : await source.store.has(d.digest)
    if (!present) {
      unreadable++
      continue
    }
    const manifest = parseJson<{ layers?: Descriptor[] }>(
      await fetchManifest(source, d, maxJson, warnings),
      `attestation manifest ${d.digest}`
    )
    for (const layer of Array.isArray(manifest.layers) ? manifest.layers : []) {
      const predicate = String(layer?.annotations?.['in-toto.io/predicate-type'] ?? '')
      if (SBOM_PREDICATES.some(p => predicate.startsWith(p))) result.sbom = true
      if (predicate.startsWith(PROVENANCE_PREDICATE)) result.provenance = true
    }
  }
  if (unreadable === forImage.length) {
    warnings.add(
      `attestation manifests are listed but missing from ${source.store.label}: cannot tell which attestations exist`
    )
    return { indexFromAttestations: indexFromAttestations ?? false }
  }
  return { attestations: result, indexFromAttestations: indexFromAttestations ?? false }
}

function layerRefs(manifest: { layers?: Descriptor[] }, what: string): LayerRef[] {
  if (!Array.isArray(manifest.layers)) throw new UsageError(`${what} has no layers list`)
  return manifest.layers.map((d, i) => {
    const digest = checkDigest(d?.digest, `${what} layer ${i}`)
    const mediaType = typeof d.mediaType === 'string' ? d.mediaType : ''
    const size = typeof d.size === 'number' && Number.isSafeInteger(d.size) && d.size >= 0 ? d.size : 0
    return { key: digest, digest, mediaType, compressedSize: size }
  })
}

async function readConfig(
  source: ImageSource,
  key: string,
  maxJson: number,
  warnings: Warnings,
  size?: unknown
): Promise<ImageConfigJson> {
  const json = await readVerified(source, key, maxJson, warnings, `image config ${key}`, size, false)
  return parseJson<ImageConfigJson>(json, `image config ${key}`)
}

export async function resolveImage(
  source: ImageSource,
  platform: string,
  maxJson: number,
  warnings: Warnings
): Promise<ResolvedImage> {
  const want = parsePlatform(platform)
  const label = source.store.label
  const top = source.top
  if (top.kind === 'docker-manifest-json') {
    const list = parseJson<{ Config?: string; Layers?: string[] }[]>(top.json, `${label}: manifest.json`)
    if (!Array.isArray(list) || list.length === 0)
      throw new UsageError(`${label}: manifest.json lists no image`)
    if (list.length > 1) warnings.add(`${label} holds ${list.length} images; reading the first`)
    const entry = list[0] as { Config?: string; Layers?: string[] }
    if (typeof entry.Config !== 'string' || !Array.isArray(entry.Layers))
      throw new UsageError(`${label}: manifest.json entry has no Config or Layers`)
    const config = await readConfig(source, entry.Config, maxJson, warnings)
    const diffIds = diffIdList(config.rootfs)
    const layers = entry.Layers.map((raw, i): LayerRef => {
      if (typeof raw !== 'string')
        throw new UsageError(`${label}: manifest.json layer ${i} is not a path: ${JSON.stringify(raw)}`)
      const path = raw
      const fromPath = /^blobs\/(sha256)\/([a-f0-9]{64})$/.exec(path)
      const digest = fromPath ? `${fromPath[1]}:${fromPath[2]}` : diffIds[i] || path
      return { key: String(path), digest, mediaType: MEDIA_TYPES.dockerLayerTar, compressedSize: 0 }
    })
    return { config, layers }
  }

  let found: Found
  if (top.kind === 'oci-index') {
    const index = parseJson<{ manifests?: unknown }>(top.json, `${label}: index.json`)
    found = await chooseFromIndex(
      source,
      descriptors(index.manifests, `${label}`),
      want,
      label,
      maxJson,
      warnings,
      0
    )
  } else {
    // A registry names the manifest it served (Docker-Content-Digest, or the digest asked for): check it.
    if (top.digest) {
      const problem = verifyBuffer(top.json, { digest: top.digest })
      if (problem) warnings.addTampering(`manifest ${top.digest} ${problem}`)
    }
    const parsed = parseJson<{ mediaType?: string; manifests?: unknown }>(top.json, `${label}: manifest`)
    found = isIndexJson(parsed)
      ? await chooseFromIndex(source, descriptors(parsed.manifests, label), want, label, maxJson, warnings, 0)
      : { digest: top.digest, json: top.json }
    if (!isIndexJson(parsed) && top.digest) found.digest = top.digest
  }
  const manifest = parseJson<{ schemaVersion?: number; config?: Descriptor; layers?: Descriptor[] }>(
    found.json,
    `manifest ${found.digest}`
  )
  if (manifest.schemaVersion === 1) throw new UsageError(`${label}: schema 1 manifests are not supported`)
  const configDigest = checkDigest(manifest.config?.digest, `manifest ${found.digest} config`)
  const config = await readConfig(source, configDigest, maxJson, warnings, manifest.config?.size)
  const layers = layerRefs(manifest, `manifest ${found.digest}`)
  const extra = await readAttestations(source, found, maxJson, warnings)
  return { digest: found.digest, config, layers, ...extra }
}
