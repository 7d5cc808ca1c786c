// What an image carries, read from the registry: BuildKit's SBOM and
// provenance attestation manifests in its index, Sigstore bundles attached
// as OCI referrers (referrers tag schema: the `sha256-<hex>` index), and
// cosign `.sig` signatures.
import { SIGSTORE_BUNDLE_V03 } from '../sign/statement.js'
import { cosignSignatureLayers } from './cosign-signature.js'
import { referrersTag, type RegistryImage } from './registry.js'

export interface BuildkitAttestations {
  sbom: boolean
  provenance: boolean
}

export interface ReferrerBundle {
  /** The referrer manifest's digest. */
  digest: string
  predicateType?: string
  bundle: unknown
}

interface Descriptor {
  mediaType?: string
  digest?: string
  artifactType?: string
  annotations?: Record<string, string>
}

interface ManifestJson {
  mediaType?: string
  manifests?: Descriptor[]
  layers?: Descriptor[]
  artifactType?: string
  config?: Descriptor
  annotations?: Record<string, string>
}

function parse(json: Buffer): ManifestJson {
  try {
    return JSON.parse(json.toString('utf8')) as ManifestJson
  } catch {
    return {}
  }
}

export function isSbomPredicate(type: string): boolean {
  return type === 'https://spdx.dev/Document' || type.startsWith('https://cyclonedx.org/bom')
}

export function isProvenancePredicate(type: string): boolean {
  return type.startsWith('https://slsa.dev/provenance/')
}

/** BuildKit's attestation manifests (vnd.docker.reference.type: attestation-manifest) and their predicate types. */
export async function buildkitAttestations(image: RegistryImage): Promise<BuildkitAttestations> {
  const found = { sbom: false, provenance: false }
  const top = parse(image.top.json)
  for (const entry of top.manifests ?? []) {
    if (entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' || !entry.digest) continue
    const manifest = await image.manifest(entry.digest)
    if (!manifest) continue
    for (const layer of parse(manifest.json).layers ?? []) {
      const type = layer.annotations?.['in-toto.io/predicate-type'] ?? ''
      if (isSbomPredicate(type)) found.sbom = true
      if (isProvenancePredicate(type)) found.provenance = true
    }
  }
  return found
}

/** Sigstore bundles attached to DIGEST as referrers (the tag-schema index), each read whole. */
export async function referrerBundles(image: RegistryImage, digest: string): Promise<ReferrerBundle[]> {
  const index = await image.manifest(referrersTag(digest))
  if (!index) return []
  const bundles: ReferrerBundle[] = []
  for (const entry of parse(index.json).manifests ?? []) {
    if (!entry.digest) continue
    const manifest = await image.manifest(entry.digest)
    if (!manifest) continue
    const parsed = parse(manifest.json)
    const artifactType = entry.artifactType ?? parsed.artifactType ?? parsed.config?.mediaType
    const layer =
      parsed.layers?.find(candidate => candidate.mediaType === SIGSTORE_BUNDLE_V03) ?? parsed.layers?.[0]
    if (artifactType !== SIGSTORE_BUNDLE_V03 && layer?.mediaType !== SIGSTORE_BUNDLE_V03) continue
    if (!layer?.digest) continue
    let bundle: unknown
    try {
      bundle = JSON.parse((await image.blob(layer.digest)).toString('utf8'))
    } catch {
      continue
    }
    const predicateType =
      entry.annotations?.['dev.sigstore.bundle.predicateType'] ??
      parsed.annotations?.['dev.sigstore.bundle.predicateType']
    bundles.push({ digest: entry.digest, bundle, ...(predicateType ? { predicateType } : {}) })
  }
  return bundles
}

export async function hasCosignSignature(image: RegistryImage, digest: string): Promise<boolean> {
  return (await cosignSignatureLayers(image, digest)).length > 0
}
