// The few registry reads verification needs, on the image reader's registry
// client (src/image/sources/registry.ts: loopback over HTTP, anonymous
// bearer tokens, stored docker logins): the image's top manifest, other
// manifests by tag or digest (a missing one is `undefined`), small blobs.
import { createHash } from 'node:crypto'
import { UsageError } from '../errors.js'
import { openRegistryImage } from '../image/sources/registry.js'

const MAX_JSON = 4 * 1024 * 1024

export interface Manifest {
  json: Buffer
  mediaType?: string
  digest: string
}

export interface RegistryImage {
  /** registry/repository, without tag or digest. */
  name: string
  /** The digest the reference resolved to. */
  digest: string
  top: Manifest
  manifest(reference: string): Promise<Manifest | undefined>
  blob(digest: string, maxBytes?: number): Promise<Buffer>
}

export function splitReference(reference: string): { name: string; tagOrDigest?: string } {
  const at = reference.indexOf('@')
  if (at >= 0) return { name: reference.slice(0, at), tagOrDigest: reference.slice(at + 1) }
  const colon = reference.lastIndexOf(':')
  if (colon > reference.lastIndexOf('/'))
    return { name: reference.slice(0, colon), tagOrDigest: reference.slice(colon + 1) }
  return { name: reference }
}

export async function openImage(reference: string): Promise<RegistryImage> {
  const source = await openRegistryImage(reference, MAX_JSON)
  const store = source.store
  // A registry source's top level is always a fetched manifest, with its digest.
  const fetched = source.top as { json: Buffer; digest?: string; mediaType?: string }
  const top: Manifest = {
    json: fetched.json,
    digest: fetched.digest ?? `sha256:${createHash('sha256').update(fetched.json).digest('hex')}`,
    ...(fetched.mediaType ? { mediaType: fetched.mediaType } : {})
  }
  return {
    name: splitReference(reference).name,
    digest: top.digest,
    top,
    async manifest(ref) {
      if (!store.manifest) return undefined
      try {
        const found = await store.manifest(ref, MAX_JSON)
        const digest = `sha256:${createHash('sha256').update(found.json).digest('hex')}`
        return { json: found.json, digest, ...(found.mediaType ? { mediaType: found.mediaType } : {}) }
      } catch (error) {
        if (error instanceof UsageError && / not found$/.test(error.message)) return undefined
        throw error
      }
    },
    blob: (digest, maxBytes = MAX_JSON) => store.readAll(digest, maxBytes)
  }
}

/** The referrers tag schema's tag for a digest: sha256:abc → sha256-abc. */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-')
}
