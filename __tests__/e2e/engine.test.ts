// Proves the test engine is real: a two-stage build (busybox builder →
// scratch) with a BuildKit secret mount, an SBOM from the local generator and
// max provenance, pushed to the local registry, then read back over the
// registry's HTTP API.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describeE2E, docker, FIXTURES, REGISTRY } from './engine.js'

const INDEX = 'application/vnd.oci.image.index.v1+json'
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  platform?: { os: string; architecture: string }
}

async function registryGet(path: string, accept: string): Promise<Response> {
  const response = await fetch(`http://${REGISTRY}/v2/${path}`, { headers: { Accept: accept } })
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`)
  return response
}

describeE2E('the test engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-engine-e2e-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('builds two stages with a secret mount, SBOM and provenance, and pushes both attestations', async () => {
    const secret = `s3cr3t-${Date.now()}-${Math.random().toString(36).slice(2)}`
    const secretFile = join(dir, 'token')
    writeFileSync(secretFile, secret, { mode: 0o600 })
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        `FROM ${FIXTURES.busybox} AS builder`,
        'RUN --mount=type=secret,id=token test -s /run/secrets/token && sha256sum /run/secrets/token | cut -c1-64 > /token.sha && echo built > /hello',
        'FROM scratch',
        'COPY --from=builder /hello /token.sha /',
        ''
      ].join('\n')
    )
    const tag = `e2e-${Date.now()}`
    const repository = 'stagegate-e2e/engine'
    const metadataFile = join(dir, 'metadata.json')
    const output = docker([
      'buildx',
      'build',
      '--progress=plain',
      // BuildKit caches a RUN step whatever its secret holds: build afresh so the hash is this run's.
      '--no-cache',
      '--secret',
      `id=token,src=${secretFile}`,
      '--attest',
      `type=sbom,generator=${FIXTURES.sbomGenerator}`,
      '--provenance=mode=max',
      '--metadata-file',
      metadataFile,
      '-t',
      `${REGISTRY}/${repository}:${tag}`,
      '--push',
      dir
    ])
    expect(output).not.toContain(secret)

    const indexResponse = await registryGet(`${repository}/manifests/${tag}`, INDEX)
    const index = (await indexResponse.json()) as { mediaType: string; manifests: Descriptor[] }
    expect(index.mediaType).toBe(INDEX)
    const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, string>
    expect(metadata['containerimage.digest']).toBe(indexResponse.headers.get('docker-content-digest'))

    const image = index.manifests.find(m => m.platform?.os === 'linux')
    const attestation = index.manifests.find(
      m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
    )
    expect(image).toBeDefined()
    expect(attestation?.annotations?.['vnd.docker.reference.digest']).toBe(image?.digest)

    const attestationManifest = (await (
      await registryGet(`${repository}/manifests/${attestation?.digest}`, MANIFEST)
    ).json()) as { layers: Descriptor[] }
    const predicates = attestationManifest.layers.map(l => l.annotations?.['in-toto.io/predicate-type'])
    expect(predicates).toContain('https://spdx.dev/Document')
    expect(predicates.some(p => p?.startsWith('https://slsa.dev/provenance/'))).toBe(true)

    // The secret was read during the build (its hash is in the image) and
    // its value is in no layer of the pushed image.
    const imageManifest = (await (
      await registryGet(`${repository}/manifests/${image?.digest}`, MANIFEST)
    ).json()) as {
      layers: Descriptor[]
      config: Descriptor
    }
    const layers = await Promise.all(
      imageManifest.layers.map(async l =>
        gunzipSync(
          Buffer.from(await (await registryGet(`${repository}/blobs/${l.digest}`, '*/*')).arrayBuffer())
        )
      )
    )
    const everything = Buffer.concat(layers).toString('latin1')
    expect(everything).toContain(createHash('sha256').update(secret).digest('hex'))
    expect(everything).not.toContain(secret)
    const config = await (
      await registryGet(`${repository}/blobs/${imageManifest.config.digest}`, '*/*')
    ).text()
    expect(config).not.toContain(secret)
  })
})
