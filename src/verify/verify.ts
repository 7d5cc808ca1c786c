// `stagegate verify`: for one image in a registry, a signature valid for the
// expected identity (a Sigstore bundle referrer, checked against a trusted
// root) or for the given cosign public key, an SBOM and provenance present,
// and the signed attestation's subject equal to the image digest.
import type { TrustMaterial } from '@sigstore/verify'
import { buildkitAttestations, isProvenancePredicate, referrerBundles } from './attestations.js'
import { verifyBundle, type BundleVerdict } from './bundle.js'
import { checkCosignLayer, cosignSignatureLayers } from './cosign-signature.js'
import { openImage } from './registry.js'

export interface VerifyOptions {
  /** The certificate SAN the signature must carry (keyless). */
  identity?: string
  issuer?: string
  trust?: TrustMaterial
  /** A cosign public key (PEM): verify the cosign signature instead. */
  publicKeyPem?: string
}

export interface VerifyCheck {
  name: 'signature' | 'subject' | 'sbom' | 'provenance'
  ok: boolean
  detail: string
}

export interface VerifyResult {
  image: string
  digest: string
  ok: boolean
  checks: VerifyCheck[]
  /** The first failed check, as one line. */
  failure?: string
}

const RANK: Record<string, number> = { subject: 3, identity: 2, signature: 1 }

/** The most telling of several failed bundles: a wrong subject beats a wrong identity beats a bad signature. */
function mostSpecific(verdicts: BundleVerdict[]): Extract<BundleVerdict, { ok: false }> | undefined {
  return verdicts
    .filter((verdict): verdict is Extract<BundleVerdict, { ok: false }> => !verdict.ok)
    .sort((a, b) => (RANK[b.stage] ?? 0) - (RANK[a.stage] ?? 0))[0]
}

export async function verifyImage(reference: string, options: VerifyOptions): Promise<VerifyResult> {
  const image = await openImage(reference)
  const digest = image.digest
  const checks: VerifyCheck[] = []
  let signedProvenance = false

  if (options.publicKeyPem !== undefined) {
    const layers = await cosignSignatureLayers(image, digest)
    const verdicts = layers.map(layer => checkCosignLayer(layer, digest, options.publicKeyPem as string))
    const good = verdicts.some(verdict => verdict.ok)
    const bad = verdicts.find(verdict => !verdict.ok)
    checks.push({
      name: 'signature',
      ok: good,
      detail: good
        ? 'cosign signature valid for the given key'
        : layers.length === 0
          ? `no cosign signature for ${digest}`
          : (bad as { reason: string }).reason
    })
  } else {
    const bundles = await referrerBundles(image, digest)
    const verdicts = bundles.map(entry =>
      verifyBundle(entry.bundle, options.trust as TrustMaterial, {
        digest,
        identity: options.identity as string,
        ...(options.issuer ? { issuer: options.issuer } : {})
      })
    )
    const good = verdicts.find((verdict): verdict is Extract<BundleVerdict, { ok: true }> => verdict.ok)
    if (good) {
      signedProvenance = verdicts.some(verdict => verdict.ok && isProvenancePredicate(verdict.predicateType))
      checks.push({ name: 'signature', ok: true, detail: `Sigstore attestation signed by ${good.identity}` })
      checks.push({ name: 'subject', ok: true, detail: `attestation subject is ${digest}` })
    } else {
      const worst = mostSpecific(verdicts)
      if (!worst)
        checks.push({
          name: 'signature',
          ok: false,
          detail: `no Sigstore attestation is attached to ${digest}`
        })
      else if (worst.stage === 'subject') {
        checks.push({
          name: 'signature',
          ok: true,
          detail: `Sigstore attestation signed by ${worst.identity ?? '?'}`
        })
        checks.push({ name: 'subject', ok: false, detail: worst.reason })
      } else checks.push({ name: 'signature', ok: false, detail: worst.reason })
    }
  }

  const buildkit = await buildkitAttestations(image)
  checks.push({
    name: 'sbom',
    ok: buildkit.sbom,
    detail: buildkit.sbom ? 'SBOM attestation present' : 'no SBOM attestation in the image index'
  })
  const provenance = buildkit.provenance || signedProvenance
  checks.push({
    name: 'provenance',
    ok: provenance,
    detail: provenance
      ? `provenance present (${[buildkit.provenance ? 'BuildKit' : '', signedProvenance ? 'signed SLSA attestation' : ''].filter(Boolean).join(', ')})`
      : 'no provenance attestation'
  })
  const failed = checks.find(check => !check.ok)
  return {
    image: `${image.name}@${digest}`,
    digest,
    ok: failed === undefined,
    checks,
    ...(failed ? { failure: `${failed.name}: ${failed.detail}` } : {})
  }
}
