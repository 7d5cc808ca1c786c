import { builderCapabilities } from '../../src/build/buildx.js'
import { buildNotes, INDEX_FROM_ATTESTATIONS_NOTE } from '../../src/build/notes.js'
import type { BuildResult } from '../../src/build/run.js'

const RESULT: BuildResult = {
  ok: true,
  seconds: 7.46,
  argv: [],
  cachedSteps: 4,
  buildx: {
    buildxVersion: '0.13.1',
    builderName: 'default',
    driver: 'docker',
    platforms: [],
    containerdStore: true,
    ...builderCapabilities('0.13.1', { name: 'default', driver: 'docker', platforms: [] }, true)
  }
}

test.each([
  [{}, ['Built in 7.5 s with buildx 0.13.1 on builder "default" (docker driver); 4 steps from cache.']],
  [
    { indexFromAttestations: true, cachedSteps: 1, buildx: { ...RESULT.buildx, buildkitVersion: '0.16.0' } },
    [
      'Built in 7.5 s with buildx 0.13.1 on builder "default" (docker driver, BuildKit 0.16.0); 1 step from cache.',
      INDEX_FROM_ATTESTATIONS_NOTE
    ]
  ],
  [{ cacheExportDropped: true }, [expect.any(String), expect.stringMatching(/^The cache export was skipped/)]]
])('buildNotes %#', (change, expected) => {
  expect(buildNotes({ ...RESULT, ...change })).toEqual(expected)
})
