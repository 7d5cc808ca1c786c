// The image reader against images the real engine builds: the same file
// index from the engine (docker save), a docker archive, an OCI layout
// export and the registry, with a file added then deleted in a later layer,
// and BuildKit's SBOM and provenance attestations found in the registry.
import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../../src/errors.js'
import { readImage, resolvePath } from '../../src/image/read.js'
import type { ImageIndex } from '../../src/image/types.js'
import { describeE2E, docker, FIXTURES, REGISTRY } from './engine.js'

const DOCKERFILE = `FROM ${FIXTURES.busybox}
RUN mkdir -p /opt/app && echo 'token=abc123' > /opt/app/secret.txt && echo keep > /opt/app/keep.txt
RUN rm /opt/app/secret.txt && ln -s /opt/app/keep.txt /opt/app/link
USER 1000:1000
`

/** A canonical, source-independent view of the merged file index. */
function fileList(index: ImageIndex): string[] {
  return [...index.files.values()]
    .map(
      f =>
        `${f.path} ${f.type} ${f.size} ${f.mode.toString(8)} ${f.uid}:${f.gid} ${f.layer} ${f.linkTarget ?? ''}`
    )
    .sort()
}

jest.setTimeout(120_000)

describeE2E('image reader on real images', () => {
  const id = `${process.pid}-${Date.now()}`
  const localTag = `stagegate-e2e/image-reader:${id}`
  const pushedTag = `${REGISTRY}/stagegate-e2e/image-reader:${id}`
  const zstdTag = `${REGISTRY}/stagegate-e2e/image-reader:${id}-zstd`
  const attest = ['--attest', `type=sbom,generator=${FIXTURES.sbomGenerator}`, '--provenance=mode=max']
  let work: string
  let fromEngine: ImageIndex

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sg-e2e-image-reader-'))
    const context = join(work, 'context')
    mkdirSync(context)
    writeFileSync(join(context, 'Dockerfile'), DOCKERFILE)
    docker(['buildx', 'build', '--provenance=false', '--load', '-t', localTag, context])
    docker(['buildx', 'build', ...attest, '-t', pushedTag, '--push', context])
    docker([
      'buildx',
      'build',
      '--provenance=false',
      '--output',
      `type=image,name=${zstdTag},push=true,compression=zstd,force-compression=true`,
      context
    ])
    docker([
      'buildx',
      'build',
      '--provenance=false',
      '--output',
      `type=oci,dest=${join(work, 'oci.tar')}`,
      context
    ])
    mkdirSync(join(work, 'oci'))
    execFileSync('tar', ['-xf', join(work, 'oci.tar'), '-C', join(work, 'oci')])
    docker(['save', '-o', join(work, 'saved.tar'), localTag])
    fromEngine = await readImage(localTag, { capture: path => (path.startsWith('/opt/app/') ? 1024 : 0) })
  }, 300_000)

  afterAll(() => {
    rmSync(work, { recursive: true, force: true })
    try {
      docker(['image', 'rm', '-f', localTag])
    } catch {
      // already gone
    }
  })

  it('reads the image from the engine: merged view, the deleted file shadowed with its contents, history mapped', () => {
    expect(fromEngine.files.get('/opt/app/keep.txt')).toMatchObject({ type: 'file', size: 5, layer: 2 })
    expect(fromEngine.files.has('/opt/app/secret.txt')).toBe(false)
    expect(fromEngine.shadowed).toContainEqual(
      expect.objectContaining({
        path: '/opt/app/secret.txt',
        how: 'deleted',
        layer: 2,
        hiddenBy: 3,
        size: 13
      })
    )
    expect(fromEngine.contents.get('2:/opt/app/secret.txt')?.toString()).toBe('token=abc123\n')
    expect(resolvePath(fromEngine, '/opt/app/link')).toMatchObject({
      path: '/opt/app/keep.txt',
      file: { type: 'file' }
    })
    expect(resolvePath(fromEngine, '/bin/sh')).toMatchObject({ path: '/bin/busybox' })
    expect(fromEngine.layers.map(l => l.createdBy)).toEqual([
      expect.stringContaining('COPY busybox /bin/busybox'),
      expect.stringContaining('busybox --install'),
      expect.stringContaining('secret.txt'),
      expect.stringContaining('rm /opt/app/secret.txt')
    ])
    expect(fromEngine.layers.every(l => l.historyIndex !== undefined && /^sha256:/.test(l.digest))).toBe(true)
    expect(fromEngine.config.User).toBe('1000:1000')
    expect(fromEngine.platform).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(fromEngine.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(fromEngine.wastedBytes).toBeGreaterThanOrEqual(13)
    expect(fromEngine.efficiency).toBeLessThan(1)
    expect(fromEngine.warnings).toEqual([])
  })

  it('gives the same file index from a docker archive, an OCI layout export and the registry', async () => {
    const fromArchive = await readImage(`docker-archive:${join(work, 'saved.tar')}`)
    const fromLayout = await readImage(`oci-layout:${join(work, 'oci')}`)
    const fromRegistry = await readImage(`registry:${pushedTag}`)
    const expected = fileList(fromEngine)
    expect(expected.length).toBeGreaterThan(250)
    expect(fileList(fromArchive)).toEqual(expected)
    expect(fileList(fromLayout)).toEqual(expected)
    expect(fileList(fromRegistry)).toEqual(expected)
    expect(fromArchive.digest).toBe(fromEngine.digest)
    expect([fromRegistry.sizeBytes, fromRegistry.wastedBytes]).toEqual([
      fromEngine.sizeBytes,
      fromEngine.wastedBytes
    ])
  })

  it('reads zstd-compressed layers (BuildKit compression=zstd) to the same index', async () => {
    const fromZstd = await readImage(`registry:${zstdTag}`)
    expect(fromZstd.layers.map(l => l.mediaType)).toEqual(
      Array(4).fill(expect.stringMatching(/tar[.+]zstd$/))
    )
    expect(fileList(fromZstd)).toEqual(fileList(fromEngine))
  })

  it('finds the SBOM and provenance attestations of the pushed image, also when the ref only names the registry', async () => {
    const fromRegistry = await readImage(`registry:${pushedTag}`)
    expect(fromRegistry.attestations).toEqual({ sbom: true, provenance: true })
    expect(fromRegistry.indexFromAttestations).toBe(true)
    const autodetected = await readImage(pushedTag) // not in the local engine: read from its registry
    expect(autodetected.attestations).toEqual({ sbom: true, provenance: true })
    expect(fileList(autodetected)).toEqual(fileList(fromRegistry))
  })

  it('says there are no attestations on an OCI export built without them', async () => {
    const fromLayout = await readImage(`oci-layout:${join(work, 'oci')}`)
    expect(fromLayout.attestations).toEqual({ sbom: false, provenance: false })
  })

  it('refuses a platform the pushed index lacks, and missing images, with one-line UsageErrors', async () => {
    await expect(readImage(`registry:${pushedTag}`, { platform: 'linux/s390x' })).rejects.toThrow(
      /no linux\/s390x image \(it has linux\/amd64\)/
    )
    await expect(readImage(`${REGISTRY}/stagegate-e2e/never-pushed:${id}`)).rejects.toThrow(UsageError)
    await expect(readImage(`stagegate-e2e/never-built:${id}`)).rejects.toThrow(
      /^image not found in the local engine/
    )
  })

  it('spools docker save output only inside its private temp dir and removes it', async () => {
    const temp = join(work, 'spool')
    mkdirSync(temp)
    const index = await readImage(localTag, { tempDir: temp })
    expect(fileList(index)).toEqual(fileList(fromEngine))
    expect(readdirSync(temp)).toEqual([])
  })
})
