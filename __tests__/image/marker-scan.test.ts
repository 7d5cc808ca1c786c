// The marker scan finds byte strings anywhere in a selected file, also when
// a marker straddles two data pieces, leaves the index and the captured
// prefix exactly as without it, and scans only what the policy selects.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileIndexBuilder } from '../../src/image/file-index.js'
import { resolveLimits, Warnings } from '../../src/image/limits.js'
import { MarkerScanner, type MarkerScan } from '../../src/image/marker-scan.js'
import { readImage } from '../../src/image/read.js'
import type { TarEntry } from '../../src/image/tar.js'
import { tar, writeOciLayout } from './support/tar-writer.js'

const MARKERS = ['/etc/ssl/certs/ca-certificates.crt', 'time.LoadLocation\0', '\xff Go buildinf:']

function entry(name: string, size: number, mode = 0o755): TarEntry {
  return { name, linkName: '', type: 'file', size, dataSize: size, mode, uid: 0, gid: 0, offset: 0 }
}

function scan(
  files: { name: string; data: Buffer; mode?: number; pieces?: number }[],
  select: MarkerScan['select'] = () => true,
  capture = 8
): { scanner: MarkerScanner; builder: FileIndexBuilder } {
  const builder = new FileIndexBuilder('test', resolveLimits({}), new Warnings(10), () => capture)
  const scanner = new MarkerScanner(builder, { markers: MARKERS, select }, {})
  scanner.beginLayer(0)
  for (const file of files) {
    const wanted = scanner.entry(entry(file.name, file.data.length, file.mode))
    const step = file.pieces ?? file.data.length
    for (let at = 0; at < wanted; at += step)
      scanner.data(file.data.subarray(at, Math.min(wanted, at + step)))
    if (wanted > 0) scanner.dataEnd()
  }
  scanner.endLayer()
  return { scanner, builder }
}

describe('MarkerScanner', () => {
  const body = Buffer.concat([
    Buffer.alloc(5000, 0x41),
    Buffer.from(MARKERS[0] as string, 'latin1'),
    Buffer.alloc(3000, 0x42),
    Buffer.from(MARKERS[2] as string, 'latin1'),
    Buffer.alloc(100, 0x43)
  ])

  it.each([1, 2, 7, 33, 4096, 5010, body.length])('finds markers across pieces of %d bytes', pieces => {
    const { scanner } = scan([{ name: 'app', data: body, pieces }])
    expect(scanner.found.get('0:/app')).toEqual([MARKERS[0], MARKERS[2]])
  })

  it('keeps the captured prefix and the index as the builder alone would', () => {
    const { builder } = scan([{ name: './app', data: body, pieces: 100 }], () => true, 16)
    expect(builder.contents.get('0:/app')).toEqual(body.subarray(0, 16))
    expect(builder.files.get('/app')?.size).toBe(body.length)
  })

  it('scans only selected files, and records nothing for a file without markers', () => {
    const { scanner } = scan(
      [
        { name: 'app', data: body },
        { name: 'other', data: body },
        { name: 'plain', data: Buffer.alloc(200, 0x41) }
      ],
      path => path !== '/other'
    )
    expect([...scanner.found.keys()]).toEqual(['0:/app'])
  })

  it('finds a NUL-terminated function name only with its NUL', () => {
    const named = scan([{ name: 'go', data: Buffer.from('xx time.LoadLocation\0yy', 'latin1') }])
    const prefix = scan([{ name: 'go', data: Buffer.from('xx time.LoadLocationFromTZData\0', 'latin1') }])
    expect(named.scanner.found.get('0:/go')).toEqual([MARKERS[1]])
    expect(prefix.scanner.found.get('0:/go')).toBeUndefined()
  })
})

describe('readImage with a scan', () => {
  it('records the markers of a 3 MB binary read through the real layer stream, keyed like contents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marker-scan-'))
    try {
      // Past every chunk boundary the decompressor makes: the marker sits near the end.
      const binary = Buffer.concat([
        Buffer.alloc(3 * 1024 * 1024, 0x90),
        Buffer.from(MARKERS[0] as string),
        Buffer.alloc(10)
      ])
      writeOciLayout(dir, [
        tar([
          { name: 'app', data: binary, mode: 0o755 },
          { name: 'note.txt', data: MARKERS[0] as string }
        ])
      ])
      const index = await readImage(`oci-layout:${dir}`, {
        capture: () => 64,
        scan: { markers: MARKERS, select: (_path, _size, mode) => (mode & 0o111) !== 0 }
      })
      expect(index.markers?.get('0:/app')).toEqual([MARKERS[0]])
      expect(index.markers?.has('0:/note.txt')).toBe(false)
      expect(index.contents.get('0:/app')?.length).toBe(64)
      const plain = await readImage(`oci-layout:${dir}`, { capture: () => 64 })
      expect(plain.markers).toBeUndefined()
      expect([...plain.files.keys()]).toEqual([...index.files.keys()])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
