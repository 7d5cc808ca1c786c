// Hostile images built to pass clean: each case is a small generated archive
// that a runtime would run differently from how a naive reader sees it. The
// reader must see what the runtime runs, or report the image as tampered.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findPrograms } from '../../../src/checks/image-files.js'
import { SG2000 } from '../../../src/checks/rules/reader-warnings.js'
import { readImage, resolvePath } from '../../../src/image/read.js'
import type { ImageIndex } from '../../../src/image/types.js'
import { entry, gnuLongName, header, paxEntry, sha256, tar, writeOciLayout } from '../support/tar-writer.js'

let root: string
let counter = 0
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-evasion-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function layout(layers: Buffer[]): string {
  const dir = join(root, `layout-${counter++}`)
  mkdirSync(dir)
  writeOciLayout(dir, layers)
  return dir
}

const read = (layers: Buffer[]): Promise<ImageIndex> => readImage(`oci-layout:${layout(layers)}`)
const shells = (index: ImageIndex): string[] => findPrograms(index, ['sh']).map(p => p.target.path)
const sg2000 = (index: ImageIndex) =>
  SG2000.run({ index, attribution: [], historyAttribution: [], config: {} as never })

const shell = { name: 'opt/bb', data: '\x7fELF busybox', mode: 0o755 }

describe('blobs are verified against their digests', () => {
  it('reports an OCI layout whose layer blob was swapped for a decoy as tampering (an SG2000 error)', async () => {
    const dir = layout([tar([{ name: 'bin/sh', data: 'real shell', mode: 0o755 }])])
    const manifest = JSON.parse(
      readFileSync(join(dir, 'blobs', 'sha256', listManifest(dir).slice(7)), 'utf8')
    ) as { layers: { digest: string }[] }
    const layerDigest = manifest.layers[0]!.digest
    // Same digest path, other bytes: a decoy layer without the shell.
    const { gzipSync } = await import('node:zlib')
    writeFileSync(
      join(dir, 'blobs', 'sha256', layerDigest.slice(7)),
      gzipSync(tar([{ name: 'etc/x', data: '' }]))
    )
    const index = await readImage(`oci-layout:${dir}`)
    expect(index.tampering).toEqual([
      expect.stringMatching(new RegExp(`^layer 0 \\(${layerDigest}\\) content does not match its digest`))
    ])
    expect(sg2000(index)).toEqual([expect.objectContaining({ severity: 'error', layer: 0 })])
  })

  it('reports a legacy docker-archive layer.tar that does not match its diff_id, and an empty config blob', async () => {
    const real = tar([{ name: 'bin/sh', data: 'shell', mode: 0o755 }])
    const decoy = tar([{ name: 'etc/motd', data: 'hi' }])
    const legacy = join(root, `legacy-${counter++}`)
    mkdirSync(join(legacy, 'abc'), { recursive: true })
    writeFileSync(join(legacy, 'abc', 'layer.tar'), decoy)
    const config = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      rootfs: { diff_ids: [sha256(real)] }
    })
    const configName = `${sha256(Buffer.from(config)).slice(7)}.json`
    writeFileSync(join(legacy, configName), config)
    writeFileSync(
      join(legacy, 'manifest.json'),
      JSON.stringify([{ Config: configName, Layers: ['abc/layer.tar'] }])
    )
    const archive = join(root, `legacy-${counter++}.tar`)
    execFileSync('tar', ['-cf', archive, '-C', legacy, 'manifest.json', configName, 'abc/layer.tar'])
    const index = await readImage(`docker-archive:${archive}`)
    expect(index.tampering).toEqual([expect.stringMatching(/^layer 0 .* content does not match its digest/)])

    // An empty blob is a clear finding too, never `The value of "start" is out of range`.
    writeFileSync(join(legacy, 'abc', 'layer.tar'), '')
    execFileSync('tar', ['-cf', archive, '-C', legacy, 'manifest.json', configName, 'abc/layer.tar'])
    const empty = await readImage(`docker-archive:${archive}`)
    expect(empty.tampering).toEqual([expect.stringMatching(/^layer 0 .* content does not match its digest/)])
  })

  it('finds no tampering in an honest layout', async () => {
    expect((await read([tar([shell])])).tampering).toBeUndefined()
  })
})

function listManifest(dir: string): string {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[]
  }
  return index.manifests[0]!.digest
}

describe('whiteouts', () => {
  it.each(['.wh.', 'bin/.wh.', 'bin/.wh..', 'bin/.wh...'])(
    'a whiteout named %j deletes nothing and is reported as tampering',
    async name => {
      const index = await read([
        tar([
          { name: 'bin/sh', data: 'sh', mode: 0o755 },
          { name: 'usr/bin/passwd', data: 'x', mode: 0o4755 }
        ]),
        tar([{ name, data: '' }])
      ])
      expect(index.files.has('/bin/sh')).toBe(true)
      expect(index.files.get('/usr/bin/passwd')?.mode).toBe(0o4755)
      expect(index.tampering).toEqual([expect.stringContaining('invalid whiteout')])
    }
  )
})

describe('paths through symlinked directories land where the runtime puts them', () => {
  it('layer 1 writing usr/local/bin/sh over /usr/local/bin -> /opt puts the shell in /opt', async () => {
    const index = await read([
      tar([
        { name: 'usr/local/bin', typeflag: '2', linkName: '/opt' },
        { name: 'opt/', typeflag: '5' }
      ]),
      tar([{ name: 'usr/local/bin/sh', data: 'sh', mode: 0o755 }])
    ])
    expect(index.files.has('/opt/sh')).toBe(true)
    expect(index.files.has('/usr/local/bin/sh')).toBe(false)
    expect(shells(index)).toEqual(['/opt/sh'])
  })

  it('a directory used as a clean parent, then replaced by a symlink: later entries follow the link', async () => {
    // Entries of several directories interleaved (no two neighbours share a parent), as a
    // tar writer may order them: each parent is found among the clean directories, not
    // remembered from the entry before.
    const interleaved = (layer: number) =>
      Array.from({ length: 12 }, (_, i) => ({ name: `srv/d${i % 3}/f${layer}-${i}`, data: 'x' }))
    const index = await read([
      tar([{ name: 'opt/', typeflag: '5' }, ...interleaved(0)]),
      tar([
        { name: 'srv/.wh.d1', data: '' },
        { name: 'srv/d1', typeflag: '2', linkName: '/opt' }
      ]),
      tar([...interleaved(2), { name: 'srv/d1/sh', data: 'sh', mode: 0o755 }])
    ])
    expect(index.files.has('/opt/sh')).toBe(true)
    expect(index.files.has('/opt/f2-1')).toBe(true)
    expect(index.files.has('/srv/d1/f2-1')).toBe(false)
    expect(index.files.has('/srv/d0/f2-0')).toBe(true)
    expect(index.files.has('/srv/d2/f0-2')).toBe(true)
    expect(index.files.get('/opt/sh')?.mode).toBe(0o755)
  })

  it('bin -> /hidden then bin/sh in the same layer: the shell is found', async () => {
    const index = await read([
      tar([
        { name: 'bin', typeflag: '2', linkName: '/hidden' },
        { name: 'bin/sh', data: 'sh', mode: 0o755 }
      ])
    ])
    expect(shells(index)).toEqual(['/hidden/sh'])
  })

  it('a relative symlinked parent and a chain of them resolve inside the root', async () => {
    const index = await read([
      tar([
        { name: 'usr/sbin', typeflag: '2', linkName: '../../../../a' },
        { name: 'a', typeflag: '2', linkName: 'b' },
        { name: 'usr/sbin/sh', data: 'sh', mode: 0o755 }
      ])
    ])
    expect(index.files.has('/b/sh')).toBe(true)
  })

  it('/bin/sh -> /proc/self/root/opt/bb is the shell at /opt/bb, as in a running container', async () => {
    for (const target of [
      '/proc/self/root/opt/bb',
      '/proc/1/root/opt/bb',
      '../proc/thread-self/root/opt/bb'
    ]) {
      const index = await read([tar([shell, { name: 'bin/sh', typeflag: '2', linkName: target }])])
      expect(shells(index)).toEqual(['/opt/bb'])
    }
  })

  it('a whiteout through a symlinked parent deletes the file the runtime would delete', async () => {
    const index = await read([
      tar([{ name: 'usr/local/bin', typeflag: '2', linkName: '/opt' }, shell]),
      tar([{ name: 'usr/local/bin/.wh.bb', data: '' }])
    ])
    expect(index.files.has('/opt/bb')).toBe(false)
  })

  it('refuses symlink targets and paths longer than PATH_MAX', async () => {
    const index = await read([
      tar([paxEntry({ linkpath: 'a/'.repeat(3000) + 'x' }, { name: 'bin/sh', typeflag: '2', linkName: 'x' })])
    ])
    expect(index.warnings).toEqual([expect.stringContaining('longer than PATH_MAX')])
    expect(resolvePath(index, '/bin/sh').problem).toBe('too-long')
    // A 100k-component path is refused at once (PATH_MAX), not walked component by component.
    expect(resolvePath(index, '/x'.repeat(100_000)).problem).toBe('too-long')
  })
})

describe('names are bytes', () => {
  it('keeps three setuid files whose names differ only in invalid UTF-8 bytes apart', async () => {
    const named = (bytes: number[]): Buffer => {
      const block = header({ name: 'x', mode: 0o4755 }, 1)
      block.fill(0, 0, 100)
      Buffer.from([...Buffer.from('usr/bin/s'), ...bytes]).copy(block, 0)
      block.fill(0x20, 148, 156)
      let sum = 0
      for (const byte of block) sum += byte
      block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
      return Buffer.concat([block, Buffer.from('x'), Buffer.alloc(511)])
    }
    const index = await read([tar([named([0xff]), named([0xfe]), named([0xc3, 0x28])])])
    const setuid = [...index.files.values()].filter(f => f.mode & 0o4000)
    expect(setuid).toHaveLength(3)
    expect(new Set(setuid.map(f => f.path)).size).toBe(3)
  })
})

describe('parser differentials with what containerd and docker load read', () => {
  it('a GNU long name wins over a pax path whatever their order, as in Go archive/tar', async () => {
    const target = { name: 'decoy-header', data: 'sh', mode: 0o755 }
    const gnuFirst = Buffer.concat([
      entry({ name: '././@LongLink', typeflag: 'L', data: 'bin/sh\0' }),
      paxEntry({ path: 'opt/decoy' }, target)
    ])
    const paxFirst = Buffer.concat([
      paxEntry({ path: 'opt/decoy' }, { name: 'x', typeflag: 'x' }).subarray(0, 1024),
      gnuLongName('bin/sh', target)
    ])
    for (const layer of [gnuFirst, paxFirst]) {
      const index = await read([tar([layer])])
      expect(index.files.has('/bin/sh')).toBe(true)
      expect(index.files.has('/opt/decoy')).toBe(false)
    }
  })

  it('an outer archive member whose ustar size is 0 but pax size=N is read as docker load reads it', async () => {
    // The real image: a setuid shell. A decoy image follows the real blob's bytes in the outer tar,
    // so a reader trusting the ustar size of 0 would see the decoy's index.json instead.
    const realDir = layout([tar([{ name: 'bin/sh', data: 'sh', mode: 0o4755 }])])
    const decoyDir = layout([tar([{ name: 'etc/motd', data: 'hi' }])])
    const members: Buffer[] = []
    const add = (name: string, data: Buffer, lie = false): void => {
      if (lie) {
        members.push(
          paxEntry({ size: String(data.length) }, { name, data: Buffer.alloc(0) }).subarray(0, 1024)
        )
        members.push(header({ name }, 0), data, Buffer.alloc((512 - (data.length % 512)) % 512))
      } else members.push(entry({ name, data }))
    }
    const blobs = (dir: string): string[] =>
      execFileSync('ls', [join(dir, 'blobs', 'sha256')], { encoding: 'utf8' })
        .trim()
        .split('\n')
    // A ustar-only reader steps into the lying member's data and meets the decoy's index.json last (last wins).
    add('index.json', readFileSync(join(realDir, 'index.json')))
    for (const name of blobs(realDir))
      add(`blobs/sha256/${name}`, readFileSync(join(realDir, 'blobs', 'sha256', name)))
    const hidden = tar(
      [
        entry({ name: 'index.json', data: readFileSync(join(decoyDir, 'index.json')) }),
        ...blobs(decoyDir).map(name =>
          entry({ name: `blobs/sha256/${name}`, data: readFileSync(join(decoyDir, 'blobs', 'sha256', name)) })
        )
      ],
      { endMarker: false }
    )
    add('padding', hidden, true)
    const archive = join(root, `outer-${counter++}.tar`)
    writeFileSync(archive, Buffer.concat([...members, Buffer.alloc(1024)]))
    const index = await readImage(`docker-archive:${archive}`)
    expect(index.files.get('/bin/sh')?.mode).toBe(0o4755)
    expect(index.files.has('/etc/motd')).toBe(false)
  })
})
