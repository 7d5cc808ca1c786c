// What a file in the index costs in memory, measured in a fresh process (no
// Jest module registry or coverage counters in the heap): the index keeps
// columns, not an object per file, so a layer of millions of files fits.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { bundleEntry } from '../support/bundle.js'

const run = promisify(execFile)
const here = path.dirname(fileURLToPath(import.meta.url))

async function bytesPerFile(count: number): Promise<{ compact: number; objects: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-index-memory-'))
  try {
    const outfile = path.join(dir, 'index-memory-child.mjs')
    await bundleEntry(path.join(here, 'support', 'index-memory-child.ts'), outfile)
    const { stdout } = await run(process.execPath, [outfile, String(count)], {
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 120_000
    })
    return JSON.parse(stdout) as { compact: number; objects: number }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

it('keeps a file in the index for at most 115 bytes, under a third of an object per file', async () => {
  const { compact, objects } = await bytesPerFile(300_000)
  process.stdout.write(
    `index memory: ${compact.toFixed(0)} bytes a file (a Map of ImageFile objects: ${objects.toFixed(0)})\n`
  )
  // A 41-character path: its 41 bytes in the path table's arena (plus at most 1 MiB of its last
  // chunk: 3.5 a file here), 12 bytes of per-slot start, length and hash and 17 of columns, both
  // with their doubling slack (at most 58), and a 4-byte hash cell at a load of 0.375 to 0.75 (at
  // most 11): 113 at most. The Map of strings it replaced measured 147; an object per file adds
  // an eight-field ImageFile (about 80 bytes) and its pointer, and the builder's per-file garbage
  // must not stay behind. Measured: 98 against 324 (Node 20).
  expect(compact).toBeLessThan(115)
  expect(compact).toBeLessThan(objects * 0.35)
}, 180_000)
