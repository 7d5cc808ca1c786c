// Keyless signing through Sigstore with the job's OIDC token, as GitHub's
// attestation actions do it: @actions/attest builds the SLSA provenance
// predicate from the token's claims; @sigstore/sign (the same Fulcio signer,
// Rekor and TSA witnesses and DSSE bundle builder @actions/attest uses) signs
// the statement. @actions/attest's `attest()` is not called because it fixes
// the Sigstore URLs to the two production instances; this way the tests run
// the same code against @sigstore/mock on 127.0.0.1.
import { buildSLSAProvenancePredicate } from '@actions/attest'
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import { CIContextProvider, DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign'
import type { Witness } from '@sigstore/sign'
import { X509Certificate } from 'node:crypto'
import type { SigstoreEndpoints } from './endpoints.js'
import { SigningError } from './error.js'
import { buildStatement, INTOTO_PAYLOAD_TYPE, type Statement, type Subject } from './statement.js'

export { SigningError }

export interface KeylessSignature {
  bundle: SerializedBundle
  statement: Statement
  /** The certificate's SAN: the workflow that signed (https://github.com/OWNER/REPO/.github/workflows/F@REF). */
  identity: string
  issuer?: string
  /** Base64 DSSE signature. */
  signature: string
  tlogIndex?: string
}

const TIMEOUT_MS = 15_000
const RETRIES = 2

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function describe(error: unknown): string {
  if (typeof error === 'string') return oneLine(error)
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    const causeText =
      cause instanceof Error && !error.message.includes(cause.message) ? `: ${cause.message}` : ''
    return oneLine(`${error.message}${causeText}`)
  }
  return oneLine(String(error))
}

/** The SLSA provenance predicate of the run, from the OIDC token's claims (verified against the issuer's keys). */
export async function provenancePredicate(
  issuer: string | undefined
): Promise<{ type: string; params: object }> {
  try {
    return await buildSLSAProvenancePredicate(issuer)
  } catch (error) {
    throw new SigningError(`reading the job's OIDC token failed: ${describe(error)}`)
  }
}

export async function signStatement(
  statement: Statement,
  endpoints: SigstoreEndpoints
): Promise<KeylessSignature> {
  const witnesses: Witness[] = []
  if (endpoints.rekorURL) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: endpoints.rekorURL,
        fetchOnConflict: true,
        timeout: TIMEOUT_MS,
        retry: RETRIES
      })
    )
  }
  if (endpoints.tsaServerURL) {
    witnesses.push(
      new TSAWitness({ tsaBaseURL: endpoints.tsaServerURL, timeout: TIMEOUT_MS, retry: RETRIES })
    )
  }
  const signer = new FulcioSigner({
    identityProvider: new CIContextProvider('sigstore'),
    fulcioBaseURL: endpoints.fulcioURL,
    timeout: TIMEOUT_MS,
    retry: RETRIES
  })
  const builder = new DSSEBundleBuilder({ signer, witnesses })
  let bundle
  try {
    bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: INTOTO_PAYLOAD_TYPE })
  } catch (error) {
    throw new SigningError(
      `Sigstore (${endpoints.instance}, ${endpoints.fulcioURL}) refused to sign: ${describe(error)}`
    )
  }
  const json = bundleToJSON(bundle)
  const content = bundle.verificationMaterial.content
  const raw =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  if (!raw) throw new SigningError('Sigstore returned a bundle without a signing certificate')
  const certificate = new X509Certificate(raw)
  const signature =
    bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope.signatures[0]?.sig : undefined
  const tlogIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
  const issuer = certificateIssuer(certificate)
  return {
    bundle: json,
    statement,
    identity: certificateIdentity(certificate),
    ...(issuer ? { issuer } : {}),
    signature: signature ? Buffer.from(signature).toString('base64') : '',
    ...(tlogIndex !== undefined ? { tlogIndex: String(tlogIndex) } : {})
  }
}

/** The first URI (or email) of the certificate's subject alternative name. */
export function certificateIdentity(certificate: X509Certificate): string {
  const san = certificate.subjectAltName ?? ''
  const match = /(?:URI|email):([^,]+)/.exec(san)
  return match ? (match[1] as string).trim() : san
}

const ISSUER_V1 = Buffer.from('2b0601040183bf300101', 'hex') // OID 1.3.6.1.4.1.57264.1.1

/** The OIDC issuer Fulcio recorded (extension 1.3.6.1.4.1.57264.1.1, a raw string). */
export function certificateIssuer(certificate: X509Certificate): string | undefined {
  const der = certificate.raw
  const at = der.indexOf(ISSUER_V1)
  if (at < 0) return undefined
  // OID, then OCTET STRING (0x04 len) holding the raw UTF-8 value.
  let i = at + ISSUER_V1.length
  if (der[i] === 0x01) i += 3 // an optional `critical` BOOLEAN
  if (der[i] !== 0x04) return undefined
  const length = der[i + 1] as number
  if (length > 0x7f) return undefined
  return der.subarray(i + 2, i + 2 + length).toString('utf8')
}

export async function signImageKeyless(
  subjects: Subject[],
  endpoints: SigstoreEndpoints,
  issuer: string | undefined
): Promise<KeylessSignature> {
  const predicate = await provenancePredicate(issuer)
  return signStatement(buildStatement(subjects, predicate.type, predicate.params), endpoints)
}
