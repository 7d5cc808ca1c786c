// One Sigstore bundle checked against a trusted root (@sigstore/verify): the
// signature and certificate chain, the transparency log or timestamp, then
// the identity the certificate names and the in-toto subject digest.
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier, type TrustMaterial } from '@sigstore/verify'

export type BundleVerdict =
  | { ok: true; identity: string; issuer?: string; predicateType: string }
  | { ok: false; stage: 'signature' | 'identity' | 'subject'; reason: string; identity?: string }

export function trustMaterial(trustedRootJson: unknown): TrustMaterial {
  return toTrustMaterial(TrustedRoot.fromJSON(trustedRootJson))
}

interface Statement {
  subject?: { name?: string; digest?: Record<string, string> }[]
  predicateType?: string
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function verifyBundle(
  json: unknown,
  trust: TrustMaterial,
  expected: { digest: string; identity: string; issuer?: string }
): BundleVerdict {
  let identity: string | undefined
  let issuer: string | undefined
  let statement: Statement
  try {
    const bundle = bundleFromJSON(json)
    if (bundle.content.$case !== 'dsseEnvelope')
      return {
        ok: false,
        stage: 'signature',
        reason: 'the bundle holds no DSSE envelope (not an attestation)'
      }
    const entity = toSignedEntity(bundle)
    const verifier = new Verifier(trust, {
      tlogThreshold: bundle.verificationMaterial.tlogEntries.length > 0 ? 1 : 0,
      tsaThreshold:
        (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0) > 0 ? 1 : 0
    })
    const signer = verifier.verify(entity)
    identity = signer.identity?.subjectAlternativeName
    issuer = signer.identity?.extensions?.issuer
    statement = JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString('utf8')) as Statement
  } catch (error) {
    return {
      ok: false,
      stage: 'signature',
      reason: `the signature does not verify: ${oneLine(error instanceof Error ? error.message : String(error))}`
    }
  }
  if (identity !== expected.identity) {
    return {
      ok: false,
      stage: 'identity',
      reason: `the attestation is signed by ${identity ?? 'an unnamed identity'}, not by ${expected.identity}`,
      ...(identity ? { identity } : {})
    }
  }
  if (expected.issuer !== undefined && issuer !== expected.issuer) {
    return {
      ok: false,
      stage: 'identity',
      reason: `the certificate was issued for ${issuer ?? 'no issuer'}, not ${expected.issuer}`,
      identity
    }
  }
  const want = expected.digest.replace(/^sha256:/, '')
  const subjects = statement.subject ?? []
  if (!subjects.some(subject => subject.digest?.sha256 === want)) {
    const got = subjects.map(subject => `sha256:${subject.digest?.sha256 ?? '?'}`).join(', ') || 'none'
    return {
      ok: false,
      stage: 'subject',
      reason: `the attestation's subject (${got}) is not the image digest ${expected.digest}`,
      identity
    }
  }
  return { ok: true, identity, ...(issuer ? { issuer } : {}), predicateType: statement.predicateType ?? '' }
}
