// buildx's --metadata-file and --iidfile → the `imageid`, `digest` and
// `metadata` outputs, as docker/build-push-action sets them (metadata is the
// file's JSON pretty-printed; digest is `containerimage.digest`). Pure.

export interface BuildOutputs {
  imageid?: string
  digest?: string
  /** The metadata JSON, pretty-printed (build-push-action's `metadata` output). */
  metadata?: string
  /** `image.name` (comma-separated when several tags). */
  imageName?: string
  configDigest?: string
  buildRef?: string
  /** The pushed/exported top-level descriptor's media type. */
  mediaType?: string
  /**
   * True when a single-platform build came out as an index only because
   * attestations were attached (build-push-action's best-known surprise:
   * "unknown/unknown" platform entries, tools that expect a plain manifest).
   */
  indexFromAttestations: boolean
}

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function parseBuildOutputs(
  metadataText: string | undefined,
  iidText: string | undefined,
  build: { platforms: number; attestations: boolean }
): BuildOutputs {
  const imageid = asString(iidText?.trim())
  let parsed: Record<string, unknown> | undefined
  if (metadataText !== undefined && metadataText.trim() !== '' && metadataText.trim() !== 'null') {
    try {
      const value: unknown = JSON.parse(metadataText)
      if (value && typeof value === 'object' && !Array.isArray(value))
        parsed = value as Record<string, unknown>
    } catch {
      parsed = undefined
    }
  }
  if (!parsed) return { imageid, indexFromAttestations: false }
  const descriptor = parsed['containerimage.descriptor']
  const mediaType =
    descriptor && typeof descriptor === 'object'
      ? asString((descriptor as Record<string, unknown>)['mediaType'])
      : undefined
  return {
    imageid,
    digest: asString(parsed['containerimage.digest']),
    metadata: JSON.stringify(parsed, null, 2),
    imageName: asString(parsed['image.name']),
    configDigest: asString(parsed['containerimage.config.digest']),
    buildRef: asString(parsed['buildx.build.ref']),
    mediaType,
    indexFromAttestations:
      build.attestations && build.platforms <= 1 && mediaType !== undefined && INDEX_TYPES.has(mediaType)
  }
}
