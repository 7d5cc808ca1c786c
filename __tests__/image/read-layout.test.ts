import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { UsageError } from '../../src/errors.js'
import { readImage, resolvePath } from '../../src/image/read.js'
import { contentKey, type ImageIndex } from '../../src/image/types.js'
import {
  entry,
  gnuLongName,
  header,
  paxEntry,
  sha256,
  tar,
  writeOciLayout,
  type LayoutOptions
} from './support/tar-writer.js'

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-read-test-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

let counter = 0
function layout(layers: Buffer[], options?: LayoutOptions): string {
  const dir = join(root, `layout-${counter++}`)
  mkdirSync(dir)
  writeOciLayout(dir, layers, options)
  return dir
}

async function read(
  layers: Buffer[],
  options?: LayoutOptions,
  readOptions?: Parameters<typeof readImage>[1]
): Promise<ImageIndex> {
  return readImage(`oci-layout:${layout(layers, options)}`, readOptions)
}

const paths = (index: ImageIndex): string[] => [...index.files.keys()].sort()

describe('readImage: whiteouts and the merged view', () => {
  const base = tar([
    { name: 'etc/', typeflag: '5' },
    { name: 'etc/keep', data: 'k' },
    { name: 'etc/secret', data: 'AWS_SECRET=1234567890' },
    { name: 'opt/app/', typeflag: '5' },
    { name: 'opt/app/a', data: 'aaaa' },
    { name: 'opt/app/sub/b', data: 'bbbbbb' },
    { name: 'var/cache/', typeflag: '5' },
    { name: 'var/cache/big', data: 'x'.repeat(100) }
  ])
  const second = tar([
    { name: 'etc/.wh.secret' }, // deletes a file
    { name: 'var/.wh.cache' }, // deletes a directory with its contents
    { name: 'opt/app/', typeflag: '5' },
    { name: 'opt/app/.wh..wh..opq' }, // opaque: lower contents of /opt/app hidden
    { name: 'opt/app/new', data: 'new' },
    { name: 'etc/keep', data: 'kk' } // overwrite
  ])

  it('applies file and directory whiteouts, opaque dirs and overwrites as overlayfs does', async () => {
    const index = await read([base, second])
    expect(paths(index)).toEqual(['/etc', '/etc/keep', '/opt/app', '/opt/app/new'])
    expect(index.files.get('/etc/keep')).toMatchObject({ layer: 1, size: 2 })
    const shadowed = index.shadowed.map(s => [s.path, s.how, s.layer, s.hiddenBy]).sort()
    expect(shadowed).toEqual(
      [
        ['/etc/keep', 'overwritten', 0, 1],
        ['/etc/secret', 'deleted', 0, 1],
        ['/opt/app/a', 'deleted', 0, 1],
        ['/opt/app/sub/b', 'deleted', 0, 1],
        ['/var/cache', 'deleted', 0, 1],
        ['/var/cache/big', 'deleted', 0, 1]
      ].sort()
    )
    expect(index.layers.map(l => [l.fileCount, l.sizeBytes])).toEqual([
      [8, 1 + 21 + 4 + 6 + 100],
      [3, 5]
    ])
  })

  it('computes sizes, wasted bytes and efficiency as dive does', async () => {
    const index = await read([base, second])
    const total = 1 + 21 + 4 + 6 + 100 + 3 + 2
    expect(index.sizeBytes).toBe(total)
    // Paths seen twice: /etc/keep (1 + 2), /etc/secret (21, then deleted), /opt/app/a (4), /opt/app/sub/b (6), /var/cache/big (100).
    expect(index.wastedBytes).toBe(3 + 21 + 4 + 6 + 100)
    // Per path, all but the smallest version count against efficiency.
    const penalty = 2 + 21 + 4 + 6 + 100
    expect(index.efficiency).toBeCloseTo((total - penalty) / total, 12)
  })

  it('does not let a whiteout delete a file the same layer adds, whatever the order', async () => {
    const index = await read([
      tar([{ name: 'f', data: 'old' }]),
      tar([{ name: 'f', data: 'new!' }, { name: '.wh.f' }])
    ])
    expect(index.files.get('/f')).toMatchObject({ layer: 1, size: 4 })
  })

  it('a clean single-layer image has efficiency 1 and no waste', async () => {
    const index = await read([tar([{ name: 'bin/app', data: 'elf' }])])
    expect([index.efficiency, index.wastedBytes, index.shadowed.length, index.warnings]).toEqual([
      1,
      0,
      0,
      []
    ])
  })
})

describe('readImage: hostile entries become warnings, never writes', () => {
  it('records ../ traversal and indexes the entry at the clamped path', async () => {
    const index = await read([
      tar([
        { name: '../../etc/passwd', data: 'evil' },
        { name: 'a/../../../b', data: 'x' }
      ])
    ])
    expect(paths(index)).toEqual(['/b', '/etc/passwd'])
    expect(index.warnings).toEqual([
      'layer 0: entry "../../etc/passwd" climbs above the root; indexed as /etc/passwd',
      'layer 0: entry "a/../../../b" climbs above the root; indexed as /b'
    ])
  })

  it('stores absolute and looping symlinks as targets; resolvePath follows them inside the image and stops', async () => {
    const index = await read([
      tar([
        { name: 'bin/busybox', data: 'ELF' },
        { name: 'bin/sh', typeflag: '2', linkName: '/bin/busybox' },
        { name: 'escape', typeflag: '2', linkName: '/../../../../etc/shadow' },
        { name: 'loop/a', typeflag: '2', linkName: 'b' },
        { name: 'loop/b', typeflag: '2', linkName: '/loop/a' },
        { name: 'rel', typeflag: '2', linkName: 'bin/../bin/sh' }
      ])
    ])
    expect(index.files.get('/bin/sh')).toMatchObject({ type: 'symlink', linkTarget: '/bin/busybox' })
    expect(resolvePath(index, '/bin/sh')).toMatchObject({ path: '/bin/busybox', file: { type: 'file' } })
    expect(resolvePath(index, '/rel')).toMatchObject({ path: '/bin/busybox' })
    expect(resolvePath(index, '/escape')).toEqual({ path: '/etc/shadow', problem: 'missing' })
    expect(resolvePath(index, '/loop/a')).toMatchObject({ problem: 'loop' })
    expect(resolvePath(index, '/nope/x')).toEqual({ path: '/nope/x', problem: 'missing' })
  })

  it('warns about a hard link to a missing target and about duplicates (last wins)', async () => {
    const index = await read([
      tar([
        { name: 'present', data: '1' },
        { name: 'ok-link', typeflag: '1', linkName: 'present' },
        { name: 'dangling', typeflag: '1', linkName: 'not/there' },
        { name: 'dup', data: 'first' },
        { name: 'dup', data: 'second!' }
      ])
    ])
    expect(index.files.get('/ok-link')).toMatchObject({ type: 'hardlink', linkTarget: '/present' })
    expect(index.files.get('/dup')).toMatchObject({ size: 7 })
    expect(index.warnings).toEqual([
      'layer 0: hard link /dangling points to missing /not/there',
      'layer 0: duplicate entry /dup (the last one wins)'
    ])
    expect(index.shadowed).toMatchObject([{ path: '/dup', size: 5, how: 'overwritten', hiddenBy: 0 }])
  })

  it('quotes paths with control characters so every warning stays one line', async () => {
    const index = await read([
      tar([
        { name: 'a\n::error::x', data: '1' },
        { name: 'a\n::error::x', data: '2' }
      ])
    ])
    expect(index.warnings).toEqual(['layer 0: duplicate entry "/a\\n::error::x" (the last one wins)'])
  })

  it('reads pax and GNU long names', async () => {
    const long = `usr/${'p'.repeat(180)}/file`
    const index = await read([
      tar([
        paxEntry({ path: long }, { name: 'x', data: 'p' }),
        gnuLongName(`opt/${'g'.repeat(300)}`, { name: 'y', data: 'g' })
      ])
    ])
    expect(paths(index)).toEqual([`/${long}`, `/opt/${'g'.repeat(300)}`].sort())
  })

  it('skips over-long paths with a warning', async () => {
    const index = await read([tar([paxEntry({ path: 'a/'.repeat(3000) + 'f' }, { name: 'x', data: 'p' })])])
    expect(index.files.size).toBe(0)
    expect(index.warnings[0]).toMatch(/^layer 0: skipped an entry with a 6002-character path/)
  })

  it('keeps only the warnings cap, then counts the rest', async () => {
    const many = tar(Array.from({ length: 30 }, (_, i) => ({ name: `../x${i}`, data: '' })))
    const index = await read([many], undefined, { limits: { maxWarnings: 5 } })
    expect(index.warnings).toHaveLength(6)
    expect(index.warnings[5]).toBe('… and 25 more warnings')
  })
})

describe('readImage: damaged layers end in one-line UsageErrors', () => {
  const good = tar([{ name: 'a', data: 'x'.repeat(5000) }])
  const gz = gzipSync(good)
  const corrupt = Buffer.from(gz)
  corrupt.fill(0x55, 20, 60)
  const cases: [string, Buffer, RegExp][] = [
    [
      'a truncated gzip stream',
      gz.subarray(0, gz.length - 30),
      /^layer 0 \(sha256:[a-f0-9]{64}\): corrupt gzip stream: unexpected end of file$/
    ],
    ['a corrupt gzip stream', corrupt, /^layer 0 \(sha256:[a-f0-9]{64}\): corrupt gzip stream: /],
    [
      'a tar header with a wrong checksum',
      gzipSync(tar([entry({ name: 'bad', data: 'x', badChecksum: true })])),
      /: not a valid tar: bad tar header checksum at offset 0$/
    ],
    [
      'a size lying past the end',
      gzipSync(Buffer.concat([header({ name: 'big', declaredSize: 4 * 1024 ** 3 }, 0), Buffer.alloc(8192)])),
      /: not a valid tar: truncated tar stream in big: entry declares 4294967296 bytes/
    ]
  ]
  it.each(cases)('%s', async (_name, blob, message) => {
    const promise = read([blob], { rawLayers: true })
    await expect(promise).rejects.toThrow(UsageError)
    await expect(read([blob], { rawLayers: true })).rejects.toThrow(message)
  })

  it('refuses an image with more entries than the limit', async () => {
    const layer = tar(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: '' })))
    const dir = layout([layer])
    await expect(readImage(`oci-layout:${dir}`, { limits: { maxEntries: 10 } })).rejects.toThrow(
      `image has more than 10 files: oci-layout:${dir}`
    )
  })
})

describe('readImage: compression, capture and metadata', () => {
  const files = tar([
    { name: 'etc/passwd', data: 'root:x:0:0:root:/root:/bin/sh\n' },
    { name: 'bin/app', data: Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(4000, 1)]), mode: 0o755 }
  ])
  it.each(['gzip', 'zstd', 'none'] as const)('reads %s layers to the same index', async compression => {
    const index = await read([files], { compression })
    expect(paths(index)).toEqual(['/bin/app', '/etc/passwd'])
    expect(index.files.get('/bin/app')).toMatchObject({ size: 4004, mode: 0o755, type: 'file' })
  })

  it('captures the leading bytes the policy asks for, keyed by layer and path', async () => {
    const asked: [string, number, number][] = []
    const index = await read([files], undefined, {
      capture: (path, size, mode) => {
        asked.push([path, size, mode])
        return path === '/bin/app' ? 4 : path === '/etc/passwd' ? 1 << 20 : 0
      }
    })
    expect(asked).toEqual([
      ['/etc/passwd', 30, 0o644],
      ['/bin/app', 4004, 0o755]
    ])
    expect(index.contents.get(contentKey(0, '/bin/app'))?.toString('latin1')).toBe('\x7fELF')
    expect(index.contents.get(contentKey(0, '/etc/passwd'))?.toString()).toBe(
      'root:x:0:0:root:/root:/bin/sh\n'
    )
  })

  it('stops capturing at the budget and says so', async () => {
    const index = await read([files], undefined, { capture: () => 100, limits: { maxCapturedBytes: 120 } })
    expect([...index.contents.keys()]).toEqual(['0:/etc/passwd'])
    expect(index.warnings).toEqual([
      'captured-content budget of 120 bytes reached at layer 0 /bin/app: later files were not read'
    ])
  })

  it('keeps captured contents of files a later layer deleted (for secret checks)', async () => {
    const index = await read(
      [
        tar([{ name: 'root/.npmrc', data: '//registry/:_authToken=abc' }]),
        tar([{ name: 'root/.wh..npmrc' }])
      ],
      undefined,
      {
        capture: () => 64
      }
    )
    expect(index.files.has('/root/.npmrc')).toBe(false)
    expect(index.contents.get('0:/root/.npmrc')?.toString()).toBe('//registry/:_authToken=abc')
  })

  it('maps layers to non-empty history entries and reads the config', async () => {
    const index = await read([files, tar([{ name: 'x', data: '1' }])], {
      config: { User: '1000:1000', Env: ['A=1'] },
      history: [
        { created_by: 'COPY . /' },
        { created_by: 'ENV A=1', empty_layer: true },
        { created_by: 'RUN make' },
        { created_by: 'USER 1000:1000', empty_layer: true }
      ]
    })
    expect(index.layers.map(l => [l.historyIndex, l.createdBy])).toEqual([
      [0, 'COPY . /'],
      [2, 'RUN make']
    ])
    expect(index.config).toEqual({ User: '1000:1000', Env: ['A=1'] })
    expect(index.platform).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(index.layers[0]?.diffId).toBe(sha256(files))
    expect(index.history).toHaveLength(4)
  })
})

describe('readImage: indexes, platforms and attestations', () => {
  const layer = tar([{ name: 'a', data: '1' }])
  it.each([
    [['https://spdx.dev/Document', 'https://slsa.dev/provenance/v0.2'], { sbom: true, provenance: true }],
    [['https://slsa.dev/provenance/v1'], { sbom: false, provenance: true }],
    [['https://spdx.dev/Document'], { sbom: true, provenance: false }]
  ])('detects attestation manifests beside the image (%j)', async (predicateTypes, expected) => {
    const dir = layout([layer], { attestations: { predicateTypes } })
    const index = await readImage(`oci-layout:${dir}`)
    expect(index.attestations).toEqual(expected)
    expect(index.indexFromAttestations).toBe(true)
    expect(index.digest).toMatch(/^sha256:/)
  })

  it('says there are none when an OCI layout lists none', async () => {
    const index = await read([layer])
    expect([index.attestations, index.indexFromAttestations]).toEqual([
      { sbom: false, provenance: false },
      false
    ])
  })

  it('refuses a platform the index does not have', async () => {
    const dir = layout([layer], { attestations: { predicateTypes: [] } })
    await expect(readImage(`oci-layout:${dir}`, { platform: 'linux/arm64' })).rejects.toThrow(
      /no linux\/arm64 image \(it has linux\/amd64\)/
    )
  })
})

describe('readImage: sources and user errors', () => {
  const layer = tar([{ name: 'etc/os-release', data: 'ID=test\n' }])

  it('reads a docker-archive tar of an OCI layout and of a legacy docker save, to the same index', async () => {
    const dir = layout([layer])
    const names = [
      'oci-layout',
      'index.json',
      ...readdirSync(join(dir, 'blobs', 'sha256')).map(n => `blobs/sha256/${n}`)
    ]
    const { execFileSync } = await import('node:child_process')
    const archive = join(root, 'oci.tar')
    execFileSync('tar', ['-cf', archive, '-C', dir, ...names])
    const fromLayout = await readImage(`oci-layout:${dir}`)
    const fromArchive = await readImage(`docker-archive:${archive}`)
    expect(paths(fromArchive)).toEqual(paths(fromLayout))
    expect(fromArchive.digest).toBe(fromLayout.digest)

    // Legacy form: manifest.json naming the config and <id>/layer.tar paths.
    const legacy = join(root, 'legacy')
    mkdirSync(join(legacy, 'abc'), { recursive: true })
    writeFileSync(join(legacy, 'abc', 'layer.tar'), layer)
    writeFileSync(
      join(legacy, 'cfg.json'),
      JSON.stringify({
        os: 'linux',
        architecture: 'amd64',
        config: {},
        rootfs: { diff_ids: [sha256(layer)] },
        history: []
      })
    )
    writeFileSync(
      join(legacy, 'manifest.json'),
      JSON.stringify([{ Config: 'cfg.json', RepoTags: ['x:1'], Layers: ['abc/layer.tar'] }])
    )
    const legacyTar = join(root, 'legacy.tar')
    execFileSync('tar', ['-cf', legacyTar, '-C', legacy, 'manifest.json', 'cfg.json', 'abc/layer.tar'])
    const fromLegacy = await readImage(`docker-archive:${legacyTar}`)
    expect(paths(fromLegacy)).toEqual(paths(fromLayout))
    expect(fromLegacy.layers[0]?.digest).toBe(sha256(layer))
    expect(fromLegacy.attestations).toBeUndefined()
  })

  it.each([
    [
      'a missing directory',
      () => `oci-layout:${join(root, 'nope')}`,
      /^oci-layout:.*nope: no such directory$/
    ],
    [
      'a missing archive',
      () => `docker-archive:${join(root, 'nope.tar')}`,
      /^docker-archive:.*nope.tar: no such file$/
    ],
    [
      'a directory that is no image',
      () => {
        const d = join(root, 'empty-dir')
        mkdirSync(d, { recursive: true })
        return `oci-layout:${d}`
      },
      /not an image layout \(no index.json or manifest.json\)$/
    ],
    [
      'a file that is no tar',
      () => {
        const f = join(root, 'not.tar')
        writeFileSync(f, 'hello, this is not a tar archive at all'.repeat(40))
        return `docker-archive:${f}`
      },
      /not a tar archive/
    ],
    [
      'an index.json pointing outside the layout',
      () => {
        const d = join(root, 'hostile-index')
        mkdirSync(d, { recursive: true })
        writeFileSync(
          join(d, 'index.json'),
          JSON.stringify({ manifests: [{ digest: '../../../etc/passwd' }] })
        )
        return `oci-layout:${d}`
      },
      /invalid digest "..\/..\/..\/etc\/passwd"/
    ],
    [
      'an image the engine does not have',
      () => 'stagegate-no-such-image-here:never',
      /^image not found in the local engine: /
    ]
  ])('%s is a UsageError', async (_name, ref, message) => {
    const promise = readImage(ref())
    await expect(promise).rejects.toThrow(UsageError)
    await expect(readImage(ref())).rejects.toThrow(message)
  })

  it('writes nothing outside its private temp dir and removes it', async () => {
    const temp = join(root, 'private-temp')
    mkdirSync(temp)
    await readImage(`oci-layout:${layout([tar([{ name: '../../../../tmp/pwned', data: 'x' }])])}`, {
      tempDir: temp
    })
    expect(readdirSync(temp)).toEqual([])
    expect(existsSync('/tmp/pwned')).toBe(false)
  })
})
