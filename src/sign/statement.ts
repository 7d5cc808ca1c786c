// The in-toto statement that is signed: the pushed image (its index digest,
// which covers every platform manifest and the SBOM and provenance
// attestations BuildKit attached) as the subject, an SLSA provenance
// predicate as the predicate.

export const INTOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1'
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1'
/** The artifact type of a Sigstore bundle pushed as an OCI referrer. */
export const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json'

export interface Subject {
  name: string
  digest: Record<string, string>
}

export interface Statement {
  _type: string
  subject: Subject[]
  predicateType: string
  predicate: object
}

/** `registry/repo` without tag or digest: the subject name attest-build-provenance gives images. */
export function subjectName(image: string): string {
  return image.replace(/@sha256:[0-9a-f]{64}$/, '').replace(/:[^:/]+$/, '')
}

export function imageSubject(image: string, digest: string): Subject {
  const match = /^sha256:([0-9a-f]{64})$/.exec(digest)
  if (!match) throw new Error(`not a sha256 digest: ${digest}`)
  return { name: subjectName(image), digest: { sha256: match[1] as string } }
}

export function buildStatement(subjects: Subject[], predicateType: string, predicate: object): Statement {
  return { _type: INTOTO_STATEMENT_V1, subject: subjects, predicateType, predicate }
}
