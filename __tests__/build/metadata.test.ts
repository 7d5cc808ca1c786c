import { parseBuildOutputs } from '../../src/build/metadata.js'

// As buildx 0.13 wrote it for a pushed single-platform build with SBOM and provenance.
const PUSHED = JSON.stringify({
  'buildx.build.ref': 'default/default/nv72wk4ctlmjf6t7osejl9u4j',
  'containerimage.config.digest': 'sha256:5701',
  'containerimage.descriptor': {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest: 'sha256:5523',
    size: 855
  },
  'containerimage.digest': 'sha256:5523',
  'image.name': '127.0.0.1:5000/sgx/img:1'
})

describe('parseBuildOutputs', () => {
  test('reads digest, name, ref, config, and pretty-prints metadata', () => {
    const outputs = parseBuildOutputs(PUSHED, 'sha256:5523\n', { platforms: 0, attestations: true })
    expect(outputs).toEqual({
      imageid: 'sha256:5523',
      digest: 'sha256:5523',
      metadata: JSON.stringify(JSON.parse(PUSHED), null, 2),
      imageName: '127.0.0.1:5000/sgx/img:1',
      configDigest: 'sha256:5701',
      buildRef: 'default/default/nv72wk4ctlmjf6t7osejl9u4j',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      indexFromAttestations: true
    })
  })

  const cases: [number, string | undefined, { platforms: number; attestations: boolean }, boolean][] = [
    [1, PUSHED, { platforms: 1, attestations: true }, true],
    [2, PUSHED, { platforms: 2, attestations: true }, false],
    [3, PUSHED, { platforms: 1, attestations: false }, false],
    [
      4,
      PUSHED.replace('application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json'),
      { platforms: 1, attestations: true },
      false
    ],
    [
      5,
      PUSHED.replace(
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ),
      { platforms: 0, attestations: true },
      true
    ]
  ]
  test.each(cases)('indexFromAttestations case %i', (_n, text, build, expected) => {
    expect(parseBuildOutputs(text, undefined, build).indexFromAttestations).toBe(expected)
  })

  test.each([[undefined], [''], ['null'], ['{not json'], ['[1]']])('no metadata from %j', text => {
    expect(parseBuildOutputs(text, '', { platforms: 0, attestations: true })).toEqual({
      imageid: undefined,
      indexFromAttestations: false
    })
  })
})
