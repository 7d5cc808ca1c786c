// A million tiny files through the whole reader (gzip layer in an OCI layout):
// bounded time and memory, and every file indexed.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { readImage } from '../../src/image/read.js'
import { header, writeOciLayout } from './support/tar-writer.js'

const COUNT = 1_000_000

/** Streams a tar of COUNT empty files, patching a template header (fast enough to not dominate the test). */
function* millionFiles(): Generator<Buffer> {
  const template = header({ name: '' }, 0)
  template.fill(0, 148, 156)
  let base = 8 * 0x20
  for (const byte of template) base += byte
  const batch = Buffer.alloc(512 * 2048)
  let fill = 0
  for (let i = 0; i < COUNT; i++) {
    const block = batch.subarray(fill, fill + 512)
    template.copy(block)
    const written = block.write(`srv/data/d${i % 1000}/f${i}`, 0, 'latin1')
    let sum = base
    for (let j = 0; j < written; j++) sum += block[j] as number
    block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1')
    fill += 512
    if (fill === batch.length) {
      yield Buffer.from(batch)
      fill = 0
    }
  }
  yield Buffer.concat([batch.subarray(0, fill), Buffer.alloc(1024)])
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-million-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('indexes a million tiny files in bounded time and memory', async () => {
  const layerFile = join(dir, 'layer.tar.gz')
  await pipeline(Readable.from(millionFiles()), createGzip({ level: 1 }), createWriteStream(layerFile))
  const { readFileSync } = await import('node:fs')
  const layout = join(dir, 'layout')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(layout)
  writeOciLayout(layout, [readFileSync(layerFile)], { rawLayers: true })
  rmSync(layerFile)

  const rssBefore = process.memoryUsage().rss
  const started = Date.now()
  const index = await readImage(`oci-layout:${layout}`)
  const seconds = (Date.now() - started) / 1000
  const grewMiB = (process.memoryUsage().rss - rssBefore) / 1024 / 1024
  process.stdout.write(`1M files: ${seconds.toFixed(1)} s, RSS grew ${grewMiB.toFixed(0)} MiB\n`)

  expect(index.files.size).toBe(COUNT)
  expect(index.files.get('/srv/data/d999/f999999')).toMatchObject({ type: 'file', size: 0, layer: 0 })
  expect(index.layers[0]?.fileCount).toBe(COUNT)
  expect(seconds).toBeLessThan(60)
  expect(grewMiB).toBeLessThan(700)
}, 180_000)
