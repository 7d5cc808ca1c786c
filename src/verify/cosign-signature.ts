// cosign's signature layout: a `sha256-<hex>.sig` tag whose manifest has one
// layer per signature, each a simple-signing JSON payload whose signature is
// in the layer annotation `dev.cosignproject.cosign/signature`. Verified
// here with node:crypto against a cosign public key (PKIX PEM).
import { createPublicKey, verify as verifySignature } from 'node:crypto'
import { openImage, referrersTag, type RegistryImage } from './registry.js'

const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature'

interface SignatureLayer {
  digest: string
  payload: Buffer
  signature: string
}

interface ManifestJson {
  layers?: { digest?: string; annotations?: Record<string, string> }[]
}

export async function cosignSignatureLayers(image: RegistryImage, digest: string): Promise<SignatureLayer[]> {
  const found = await image.manifest(`${referrersTag(digest)}.sig`)
  if (!found) return []
  const manifest = JSON.parse(found.json.toString('utf8')) as ManifestJson
  const layers: SignatureLayer[] = []
  for (const layer of manifest.layers ?? []) {
    const signature = layer.annotations?.[SIGNATURE_ANNOTATION]
    if (!layer.digest || !signature) continue
    layers.push({ digest: layer.digest, signature, payload: await image.blob(layer.digest, 1024 * 1024) })
  }
  return layers
}

/** The first cosign signature of NAME@DIGEST, unverified (for the `signature` output). */
export async function readCosignSignature(
  name: string,
  digest: string
): Promise<{ signature: string } | undefined> {
  const image = await openImage(`${name}@${digest}`)
  const [first] = await cosignSignatureLayers(image, digest)
  return first ? { signature: first.signature } : undefined
}

export type CosignVerdict = { ok: true } | { ok: false; reason: string }

/** Whether one signature layer signs DIGEST with KEY: signature valid and the payload names that digest. */
export function checkCosignLayer(layer: SignatureLayer, digest: string, publicKeyPem: string): CosignVerdict {
  let valid: boolean
  try {
    valid = verifySignature(
      'sha256',
      layer.payload,
      createPublicKey(publicKeyPem),
      Buffer.from(layer.signature, 'base64')
    )
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: 'the cosign signature does not verify with the given key' }
  let signed: string | undefined
  try {
    const payload = JSON.parse(layer.payload.toString('utf8')) as {
      critical?: { image?: { 'docker-manifest-digest'?: string } }
    }
    signed = payload.critical?.image?.['docker-manifest-digest']
  } catch {
    signed = undefined
  }
  if (signed !== digest)
    return {
      ok: false,
      reason: `the cosign signature is for ${signed ?? 'an unreadable payload'}, not the image digest ${digest}`
    }
  return { ok: true }
}
