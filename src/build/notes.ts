// What the job summary and the PR comment should say about the build, beyond
// pass/fail: one sentence per fact, from the BuildResult. Pure.
import type { BuildResult } from './run.js'

export const INDEX_FROM_ATTESTATIONS_NOTE =
  'This single-platform image was pushed as an image index because SBOM/provenance attestations are attached to it; tools that expect a plain image manifest need the platform manifest inside the index (or set sbom: false and provenance: false).'

export function buildNotes(result: BuildResult): string[] {
  const notes: string[] = []
  notes.push(
    `Built in ${result.seconds.toFixed(1)} s with buildx ${result.buildx.buildxVersion} on builder "${result.buildx.builderName}" (${result.buildx.driver} driver${result.buildx.buildkitVersion ? `, BuildKit ${result.buildx.buildkitVersion}` : ''}); ${result.cachedSteps} step${result.cachedSteps === 1 ? '' : 's'} from cache.`
  )
  if (result.indexFromAttestations) notes.push(INDEX_FROM_ATTESTATIONS_NOTE)
  if (result.cacheExportDropped)
    notes.push(
      'The cache export was skipped (this run cannot push, or the builder cannot export cache); the cache was still imported.'
    )
  return notes
}
