// What signing and the supply-chain checks add to the Report (JSON report,
// summary, PR comment). Plain data; src/sign/render.ts turns it into markdown.

export interface ReportSigning {
  signed: boolean
  method?: 'keyless' | 'key'
  /** name@digest that was signed (the pushed index digest). */
  image?: string
  digest?: string
  /** The certificate's SAN (keyless): the workflow file at a ref. */
  identity?: string
  workflow?: WorkflowIdentity
  issuer?: string
  /** public-good, github or custom (STAGEGATE_SIGSTORE_*). */
  instance?: string
  attestationId?: string
  attestationUrl?: string
  /** Digest of the bundle's referrer manifest in the registry. */
  referrer?: string
  signature?: string
  /** Shell commands that verify what was signed. */
  verifyCommands?: string[]
  /** Why it was not signed, or what failed. */
  message?: string
  level?: 'notice' | 'warning' | 'error'
}

export interface WorkflowIdentity {
  repository: string
  path: string
  ref: string
}

/** Per-stage FROM image: pinned, signed, provenance (`verify-base-images`). */
export interface StageSupplyChain {
  image: string
  pinned: boolean
  /** true/false when the registry could be asked; null when it could not (detail says why). */
  signed: boolean | null
  provenance: boolean | null
  /** The digest the reference resolved to. */
  digest?: string
  /** How it was signed: `sigstore bundle` or `cosign .sig`. */
  signatures?: string[]
  detail?: string
}

/** `https://github.com/OWNER/REPO/.github/workflows/FILE@REF` → its parts. */
export function parseWorkflowIdentity(san: string): WorkflowIdentity | undefined {
  const match = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(san)
  if (!match) return undefined
  return { repository: match[1] as string, path: match[2] as string, ref: match[3] as string }
}
