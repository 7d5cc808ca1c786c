// SG2014: an attestation the build asked for (SBOM, provenance) that the
// pushed image does not carry. Silent when the source cannot tell (a `docker
// save` of the local store may drop attestation manifests).
import type { CheckHit, ImageCheck } from '../check.js'

export const SG2014: ImageCheck = {
  id: 'SG2014',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'A requested attestation (SBOM, provenance) is missing from the image',
  run: ({ index, requested }) => {
    const found = index.attestations
    if (!requested || !found) return []
    const hits: CheckHit[] = []
    const kinds: { kind: 'sbom' | 'provenance'; label: string; flag: string }[] = [
      { kind: 'sbom', label: 'an SBOM attestation', flag: 'sbom: true' },
      { kind: 'provenance', label: 'a provenance attestation', flag: 'provenance: mode=max' }
    ]
    for (const { kind, label, flag } of kinds) {
      if (requested[kind] && !found[kind]) {
        hits.push({
          message: `The build requested ${label} but ${index.ref} carries none; push with an exporter that keeps attestations (containerd image store or registry push) and check \`${flag}\``,
          evidence: `attestations found: sbom=${found.sbom}, provenance=${found.provenance}`
        })
      }
    }
    return hits
  }
}
