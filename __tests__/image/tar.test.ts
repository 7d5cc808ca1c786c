import {
  TarError,
  TarParser,
  WordViews,
  parseHeader,
  parseNumeric,
  type TarEntry
} from '../../src/image/tar.js'
import { entry, gnuLongName, header, paxEntry, tar } from './support/tar-writer.js'

interface Seen {
  entries: TarEntry[]
  data: Map<string, string>
}

/** Feeds the archive in pieces of `chunk` bytes; captures up to `capture` bytes of each file. */
function parse(archive: Buffer, chunk = archive.length, capture = 1 << 20): Seen {
  const seen: Seen = { entries: [], data: new Map() }
  let current = ''
  let collected: Buffer[] = []
  const parser = new TarParser({
    entry(e) {
      seen.entries.push(e)
      current = e.name
      collected = []
      return capture
    },
    data(piece) {
      collected.push(Buffer.from(piece))
    },
    dataEnd() {
      seen.data.set(current, Buffer.concat(collected).toString('latin1'))
    }
  })
  for (let pos = 0; pos < archive.length; pos += chunk) parser.write(archive.subarray(pos, pos + chunk))
  parser.end()
  return seen
}

const CHUNK_SIZES = [1, 7, 511, 512, 513, 4096, 1 << 20]

describe('TarParser: well-formed archives', () => {
  const longName = `deep/${'d'.repeat(120)}/${'n'.repeat(150)}.txt`
  const archive = tar([
    { name: 'etc/', typeflag: '5' },
    { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n', mode: 0o644 },
    { name: 'bin/sh', typeflag: '2', linkName: '/bin/busybox' },
    { name: 'bin/ash', typeflag: '1', linkName: 'bin/busybox' },
    { name: 'usr/bin/sudo', data: 'x'.repeat(1000), mode: 0o4755, uid: 0, gid: 0 },
    paxEntry({ path: longName, uid: '70000' }, { name: 'short-pax-name', data: 'pax!' }),
    gnuLongName(`gnu/${'g'.repeat(200)}`, { name: 'short-gnu-name', data: 'gnu!' }),
    gnuLongName(`target/${'t'.repeat(200)}`, { name: 'link-with-long-target', typeflag: '2' }, 'K'),
    { name: 'file.txt', prefix: 'a/ustar/prefix', data: 'prefixed' },
    { name: 'big-base256', data: 'b256', base256Size: true }
  ])

  it.each(CHUNK_SIZES)('gives the same entries and data whatever the chunking (%i-byte chunks)', chunk => {
    const { entries, data } = parse(archive, chunk)
    expect(entries.map(e => [e.name, e.type])).toEqual([
      ['etc/', 'dir'],
      ['etc/passwd', 'file'],
      ['bin/sh', 'symlink'],
      ['bin/ash', 'hardlink'],
      ['usr/bin/sudo', 'file'],
      [longName, 'file'],
      [`gnu/${'g'.repeat(200)}`, 'file'],
      ['link-with-long-target', 'symlink'],
      ['a/ustar/prefix/file.txt', 'file'],
      ['big-base256', 'file']
    ])
    expect(entries[2]?.linkName).toBe('/bin/busybox')
    expect(entries[4]).toMatchObject({ mode: 0o4755, size: 1000 })
    expect(entries[5]?.uid).toBe(70000)
    expect(entries[7]?.linkName).toBe(`target/${'t'.repeat(200)}`)
    expect(data.get('etc/passwd')).toBe('root:x:0:0::/root:/bin/sh\n')
    expect(data.get(longName)).toBe('pax!')
    expect(data.get('a/ustar/prefix/file.txt')).toBe('prefixed')
    expect(data.get('big-base256')).toBe('b256')
    expect(data.get('usr/bin/sudo')).toBe('x'.repeat(1000))
  })

  it('hands over only the requested prefix, and skipped data never reaches the visitor', () => {
    const { data } = parse(
      tar([
        { name: 'a', data: 'abcdefghij' },
        { name: 'b', data: 'klmnop' }
      ]),
      3,
      4
    )
    expect(data.get('a')).toBe('abcd')
    expect(data.get('b')).toBe('klmn')
  })

  it('reads an old GNU sparse entry with its real size, not its stored size', () => {
    const { entries } = parse(
      tar([{ name: 'sparse.img', typeflag: 'S', data: 'abc', realSize: 4 * 1024 ** 3 }])
    )
    expect(entries[0]).toMatchObject({ type: 'file', size: 4 * 1024 ** 3, dataSize: 3 })
  })

  it('skips old GNU sparse extension blocks before the data, and reads pax sparse real sizes', () => {
    const sparse = header({ name: 'disk.img', typeflag: 'S', realSize: 4 * 1024 ** 3 }, 3)
    sparse[482] = 1 // an extension block of sparse map entries follows
    sparse.fill(0x20, 148, 156)
    let sum = 0
    for (const byte of sparse) sum += byte
    sparse.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
    const extension = Buffer.alloc(512) // byte 504 = 0: the last extension block
    const data = Buffer.concat([Buffer.from('abc'), Buffer.alloc(509)])
    const archive = tar([
      Buffer.concat([sparse, extension, data]),
      paxEntry(
        {
          'GNU.sparse.realsize': String(2 * 1024 ** 3),
          'GNU.sparse.map': '0,1',
          'GNU.sparse.name': 'pax-sparse'
        },
        { name: 'x', data: 'z' }
      ),
      { name: 'after', data: 'ok' }
    ])
    const { entries, data: contents } = parse(archive, 100)
    expect(entries.map(e => [e.name, e.size, e.dataSize])).toEqual([
      ['disk.img', 4 * 1024 ** 3, 3],
      ['pax-sparse', 2 * 1024 ** 3, 1],
      ['after', 2, 2]
    ])
    expect(contents.get('disk.img')).toBe('abc')
  })

  it('accepts an archive without the end-of-archive marker and ignores garbage after it', () => {
    expect(parse(tar([{ name: 'a', data: '1' }], { endMarker: false })).entries).toHaveLength(1)
    const withGarbage = Buffer.concat([tar([{ name: 'a', data: '1' }]), Buffer.from('garbage after the end')])
    expect(parse(withGarbage).entries).toHaveLength(1)
  })

  it('ignores a size on links and directories so a hostile one cannot swallow later headers', () => {
    const lying = Buffer.concat([
      header({ name: 'dir/', typeflag: '5', declaredSize: 1024 }, 0),
      entry({ name: 'after', data: 'still here' })
    ])
    const { entries } = parse(tar([lying]))
    expect(entries.map(e => e.name)).toEqual(['dir/', 'after'])
  })
})

describe('TarParser: hostile archives end in a TarError', () => {
  const good = entry({ name: 'ok', data: 'fine' })
  const fourGiB = 4 * 1024 ** 3
  const cases: [string, Buffer, RegExp][] = [
    [
      'a header with a wrong checksum',
      tar([good, entry({ name: 'bad', data: 'x', badChecksum: true })]),
      /checksum at offset 1024/
    ],
    [
      'a size that runs past the end of the stream',
      Buffer.concat([header({ name: 'short', declaredSize: 10_000 }, 0), Buffer.alloc(512, 0x61)]),
      /truncated tar stream in short: entry declares 10000 bytes/
    ],
    [
      'a 4 GB declared size with a short stream',
      Buffer.concat([header({ name: 'huge', declaredSize: fourGiB }, 0), Buffer.alloc(4096, 0x62)]),
      /truncated tar stream in huge: entry declares 4294967296 bytes/
    ],
    [
      'a header lying about its size (the next header lands in data)',
      tar([
        header({ name: 'liar', declaredSize: 600 }, 0),
        Buffer.alloc(512, 0x41),
        entry({ name: 'next', data: 'n' })
      ]),
      /bad tar header checksum|invalid/
    ],
    ['random garbage instead of a tar', Buffer.alloc(2048, 0x5a), /invalid checksum|bad tar header checksum/],
    [
      'a partial header at the end',
      Buffer.concat([good, header({ name: 'cut' }, 0).subarray(0, 100)]),
      /partial header at offset 1024/
    ],
    [
      'a malformed pax record',
      tar([entry({ name: 'PaxHeader', typeflag: 'x', data: '99 path=x\n' }), good]),
      /malformed pax header record length/
    ],
    [
      'a pax header larger than the limit',
      tar([entry({ name: 'PaxHeader', typeflag: 'x', data: Buffer.alloc(2 * 1024 * 1024, 0x20) })]),
      /extended header of 2097152 bytes/
    ],
    [
      'a header after a zero block (NUL garbage in the middle)',
      Buffer.concat([good, Buffer.alloc(512), good]),
      /data after an end-of-archive block/
    ]
  ]
  it.each(cases)('%s', (_name, archive, message) => {
    expect(() => parse(archive, 300)).toThrow(TarError)
    expect(() => parse(archive, 300)).toThrow(message)
  })

  it('does not allocate for a 4 GB declared size (skipping data is O(1) memory)', () => {
    const before = process.memoryUsage().arrayBuffers
    expect(() =>
      parse(
        Buffer.concat([header({ name: 'huge', declaredSize: fourGiB }, 0), Buffer.alloc(1 << 20)]),
        65536,
        0
      )
    ).toThrow(/truncated/)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024)
  })
})

describe('parseNumeric', () => {
  const field = (bytes: number[] | string): Buffer =>
    typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes)
  it.each([
    ['octal with NUL', field('0000644\0'), 0o644],
    ['octal with leading spaces', field('   755 \0'), 0o755],
    ['empty field', field('\0\0\0\0\0\0\0\0'), 0],
    ['base-256 4 GiB', field([0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]), 4 * 1024 ** 3]
  ])('%s', (_name, buffer, expected) => {
    expect(parseNumeric(buffer, 0, buffer.length, 'size')).toBe(expected)
  })
  it.each([
    ['negative base-256', field([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), /negative size/],
    [
      'absurd base-256',
      field([0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      /absurd size/
    ],
    ['non-octal digits', field('0000989\0'), /invalid size/]
  ])('%s is refused', (_name, buffer, message) => {
    expect(() => parseNumeric(buffer, 0, buffer.length, 'size')).toThrow(message)
  })
})

/**
 * A header with 0xff in every byte no field needs (name, link name, the old GNU magic and
 * the tail): the largest sums the word-at-a-time checksum's lanes can meet.
 */
function highBytesHeader(): Buffer {
  const block = Buffer.alloc(512, 0xff)
  const octal = (at: number, width: number, value: number): void => {
    block.write(value.toString(8).padStart(width - 1, '0') + '\0', at, 'latin1')
  }
  octal(100, 8, 0o644)
  octal(108, 8, 0)
  octal(116, 8, 0)
  octal(124, 12, 7)
  octal(136, 12, 0)
  block[156] = 0x30
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  octal(148, 7, sum)
  block[155] = 0x20
  return block
}

describe('parseHeader with the parser’s word views', () => {
  const block = header({ name: 'usr/bin/ünïcode-and-high-bytes-\u00ff' }, 4242)
  const damaged = Buffer.from(block)
  damaged[20] = (damaged[20] as number) ^ 0x01
  // One views object across all cases, as a parser keeps it over its chunks.
  const views = new WordViews()
  it('a block of high bytes sums alike word by word and byte by byte, and a flipped bit fails', () => {
    const high = highBytesHeader()
    const aligned = Buffer.concat([high, Buffer.alloc(512)])
    const odd = Buffer.concat([Buffer.alloc(1), high])
    expect(parseHeader(aligned, 0, new WordViews())).toEqual(parseHeader(odd, 1))
    expect(parseHeader(aligned, 0, new WordViews()).size).toBe(7)
    for (const at of [0, 99, 300, 511]) {
      const bad = Buffer.from(aligned)
      bad[at] = (bad[at] as number) ^ 0x80
      expect(() => parseHeader(bad, 0, new WordViews())).toThrow(/^bad tar header checksum$/)
    }
  })

  it.each<[string, Buffer, number]>([
    ['a block at the start of a chunk', Buffer.concat([block, Buffer.alloc(1024)]), 0],
    ['a block further into the same kind of chunk', Buffer.concat([Buffer.alloc(1024), block]), 1024],
    ['a block at an odd offset (summed a byte at a time)', Buffer.concat([Buffer.alloc(3), block]), 3],
    [
      'a block in a view that starts inside its buffer',
      Buffer.concat([Buffer.alloc(520), block]).subarray(8),
      512
    ]
  ])('%s parses as without views, and a flipped bit fails its checksum', (_what, chunk, at) => {
    expect(parseHeader(chunk, at, views)).toEqual(parseHeader(block))
    expect(parseHeader(chunk, at, views).size).toBe(4242)
    const bad = Buffer.from(chunk)
    damaged.copy(bad, at)
    expect(() => parseHeader(bad, at, views)).toThrow(/^bad tar header checksum$/)
  })
})
