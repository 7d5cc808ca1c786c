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

it('keeps a file in the index for at most 170 bytes, well under an object per file', async () => {
  const { compact, objects } = await bytesPerFile(300_000)
  process.stdout.write(
    `index memory: ${compact.toFixed(0)} bytes a file (a Map of ImageFile objects: ${objects.toFixed(0)})\n`
  )
  // A 41-character path: its string (about 64 bytes with V8's header, 8-byte aligned), its entry
  // in the path → slot map (3 words, plus buckets and the table's doubling slack: at most ~56),
  // and 23 bytes of columns with their doubling slack (at most 46): 166 at most. An object per
  // file adds an eight-field ImageFile (about 80 bytes) and its pointer in the map, and the
  // builder's per-file garbage must not stay behind. Measured: 147 against 324 (Node 20).
  expect(compact).toBeLessThan(170)
  expect(compact).toBeLessThan(objects * 0.6)
}, 180_000)
