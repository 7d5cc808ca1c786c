// The signed bundle in the registry, as an OCI referrer of the image
// (@sigstore/oci, which attest-build-provenance's push-to-registry uses): an
// artifact manifest of type application/vnd.dev.sigstore.bundle.v0.3+json
// whose subject is the image digest. Registries without the OCI 1.1
// referrers API (distribution 2.8, GHCR) get the referrers tag schema
// fallback, the `sha256-<hex>` index @sigstore/oci maintains.
import type { SerializedBundle } from '@sigstore/bundle'
import { attachArtifactToImage, getRegistryCredentials, type Credentials } from '@sigstore/oci'
import { SigningError } from './error.js'
import { SIGSTORE_BUNDLE_V03 } from './statement.js'

export interface PushedReferrer {
  /** The referrer manifest's digest. */
  digest: string
}

function credentialsFor(imageName: string): Credentials | undefined {
  try {
    return getRegistryCredentials(imageName)
  } catch {
    return undefined // an anonymous registry (the local one), or no docker login for it
  }
}

export async function pushBundleReferrer(
  imageName: string,
  imageDigest: string,
  bundle: SerializedBundle,
  predicateType: string
): Promise<PushedReferrer> {
  try {
    const descriptor = await attachArtifactToImage({
      imageName,
      imageDigest,
      artifact: Buffer.from(JSON.stringify(bundle)),
      mediaType: SIGSTORE_BUNDLE_V03,
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': predicateType
      },
      credentials: credentialsFor(imageName) as Credentials,
      fetchOpts: { timeout: 30_000, retry: 2 } as never
    })
    return { digest: descriptor.digest }
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    const detail =
      cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error)
    throw new SigningError(`pushing the attestation to ${imageName} failed: ${detail.replace(/\s+/g, ' ')}`)
  }
}
