// Run by compact-index-memory.test.ts in a fresh Node process (bundled from
// the source): the heap a file index of N files retains, measured after full
// collections, for the reader's index and, as a reference, for a Map of one
// ImageFile object per file (what the index was before it kept columns).
// Prints { compact, objects } in bytes a file as JSON.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { FileIndexBuilder } from '../../../src/image/file-index.js'
import { resolveLimits, Warnings } from '../../../src/image/limits.js'
import type { TarEntry } from '../../../src/image/tar.js'
import type { ImageFile } from '../../../src/image/types.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Heap objects plus ArrayBuffer memory (the columns live there), after two full collections. */
function retained(): number {
  gc()
  gc()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/** A node_modules-like name (about 40 characters), as a layer's tar lists it. */
const nameOf = (i: number): string => `app/node_modules/m${i % 2000}/lib/f${i}.js`

function compactIndex(count: number): FileIndexBuilder {
  const builder = new FileIndexBuilder('memory', resolveLimits({}), new Warnings(10), undefined)
  builder.beginLayer(0)
  const entry: TarEntry = {
    name: '',
    linkName: '',
    type: 'file',
    size: 0,
    dataSize: 0,
    mode: 0o644,
    uid: 0,
    gid: 0,
    offset: 0
  }
  for (let i = 0; i < count; i++) builder.entry({ ...entry, name: nameOf(i), size: i % 4096 })
  builder.endLayer()
  return builder
}

function objectIndex(count: number): Map<string, ImageFile> {
  const files = new Map<string, ImageFile>()
  for (let i = 0; i < count; i++) {
    const path = `/${nameOf(i)}`
    files.set(path, {
      path,
      type: 'file',
      size: i % 4096,
      mode: 0o644,
      uid: 0,
      gid: 0,
      linkTarget: undefined,
      layer: 0
    })
  }
  return files
}

function perFile<T>(count: number, build: (n: number) => T, check: (built: T) => number): number {
  const before = retained()
  const built = build(count)
  const bytes = retained() - before
  if (check(built) !== count) throw new Error(`indexed ${check(built)} of ${count} files`)
  return bytes / count
}

const count = Number(process.argv[2] ?? 200_000)
const compact = perFile(count, compactIndex, builder => builder.files.size)
const objects = perFile(count, objectIndex, files => files.size)
process.stdout.write(JSON.stringify({ compact, objects }))
