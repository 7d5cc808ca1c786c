// `verify-base-images`: each stage's FROM image in its registry — pinned by
// digest, signed (a Sigstore bundle referrer or a cosign `.sig`), carrying
// provenance (BuildKit's, or a signed SLSA attestation). Presence only: a
// base image's signer is not known to Stagegate, so "signed" says a
// signature exists, not whose it is. A registry that cannot be asked gives
// null with the reason, never a guess.
import { errorMessage } from '../errors.js'
import type { ReportStage } from '../report/report.js'
import type { StageSupplyChain } from '../sign/report.js'
import {
  buildkitAttestations,
  hasCosignSignature,
  isProvenancePredicate,
  referrerBundles
} from './attestations.js'
import { openImage } from './registry.js'

const PER_IMAGE_TIMEOUT_MS = 30_000

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export async function checkBaseImage(reference: string): Promise<StageSupplyChain> {
  const pinned = /@sha256:[0-9a-f]{64}$/.test(reference)
  try {
    return await withTimeout(
      (async () => {
        const image = await openImage(reference)
        const bundles = await referrerBundles(image, image.digest)
        const cosign = await hasCosignSignature(image, image.digest)
        const buildkit = await buildkitAttestations(image)
        const signatures = [
          ...(bundles.length > 0 ? ['sigstore bundle'] : []),
          ...(cosign ? ['cosign .sig'] : [])
        ]
        const provenance =
          buildkit.provenance || bundles.some(entry => isProvenancePredicate(entry.predicateType ?? ''))
        return {
          image: reference,
          pinned,
          signed: signatures.length > 0,
          provenance,
          digest: image.digest,
          signatures
        }
      })(),
      PER_IMAGE_TIMEOUT_MS,
      reference
    )
  } catch (error) {
    return {
      image: reference,
      pinned,
      signed: null,
      provenance: null,
      detail: `registry not reachable: ${errorMessage(error)}`
    }
  }
}

/** The report's stages with `supplyChain` filled in for every stage based on an external image. */
export async function checkStageBases(stages: readonly ReportStage[]): Promise<ReportStage[]> {
  const cache = new Map<string, Promise<StageSupplyChain>>()
  const out: ReportStage[] = []
  for (const stage of stages) {
    // `pinned` is set exactly for external images (not scratch, not a stage).
    if (stage.pinned === undefined) {
      out.push(stage)
      continue
    }
    let pending = cache.get(stage.base)
    if (!pending) {
      pending = checkBaseImage(stage.base)
      cache.set(stage.base, pending)
    }
    out.push({ ...stage, supplyChain: await pending })
  }
  return out
}
