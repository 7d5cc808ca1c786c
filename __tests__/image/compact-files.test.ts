// CompactFileMap must read as the Map of ImageFile records it replaces: the
// same records, in the same order, through every way of reading a Map.
import { CompactFileMap } from '../../src/image/compact-files.js'
import type { ImageFile } from '../../src/image/types.js'

function file(path: string, overrides: Partial<ImageFile> = {}): ImageFile {
  return {
    path,
    type: 'file',
    size: 1,
    mode: 0o644,
    uid: 0,
    gid: 0,
    linkTarget: undefined,
    layer: 0,
    ...overrides
  }
}

const RECORDS: ImageFile[] = [
  file('/bin/sh', { type: 'symlink', linkTarget: '/bin/busybox', mode: 0o777 }),
  file('/bin/busybox', { mode: 0o4755, size: 1_000_000 }),
  file('/etc', { type: 'dir', mode: 0o755, size: 0 }),
  // Fields wider than their columns are kept exactly.
  file('/wide', { uid: 2 ** 40, gid: 2 ** 33, mode: 0o1777777, layer: 2 ** 32 + 5, size: 2 ** 53 - 1 }),
  file('/dev/null', { type: 'other', mode: 0o666, size: 0 })
]

function both(): [CompactFileMap, Map<string, ImageFile>] {
  const compact = new CompactFileMap()
  const plain = new Map<string, ImageFile>()
  for (const record of RECORDS) {
    compact.set(record.path, record)
    plain.set(record.path, record)
  }
  return [compact, plain]
}

describe('CompactFileMap reads as a Map', () => {
  it.each([
    ['values()', (map: Map<string, ImageFile>) => [...map.values()]],
    ['entries()', (map: Map<string, ImageFile>) => [...map.entries()]],
    ['the map itself', (map: Map<string, ImageFile>) => [...map]],
    ['keys()', (map: Map<string, ImageFile>) => [...map.keys()]],
    [
      'forEach',
      (map: Map<string, ImageFile>) => {
        const seen: [string, ImageFile][] = []
        map.forEach((value, key) => seen.push([key, value]))
        return seen
      }
    ],
    [
      'next() by hand, past the end',
      (map: Map<string, ImageFile>) => {
        const iterator = map.values()
        const steps = RECORDS.map(() => iterator.next())
        return [...steps, iterator.next(), iterator.next()]
      }
    ],
    [
      'values() after a delete and a re-add (the re-added path goes last)',
      (map: Map<string, ImageFile>) => {
        map.delete('/etc')
        map.set('/etc/passwd', file('/etc/passwd', { size: 900 }))
        return [...map.values()]
      }
    ],
    [
      'deleting while iterating',
      (map: Map<string, ImageFile>) => {
        const seen: string[] = []
        for (const [path] of map.entries()) {
          seen.push(path)
          if (path === '/bin/sh') map.delete('/bin/busybox')
        }
        return seen
      }
    ]
  ])('%s', (_name, read) => {
    const [compact, plain] = both()
    expect(read(compact)).toEqual(read(plain))
  })

  it('an exhausted iterator stays done when a path is added later, as a Map iterator does', () => {
    const [compact, plain] = both()
    const iterators = [compact.keys(), plain.keys()]
    for (const iterator of iterators) while (!iterator.next().done);
    compact.set('/late', file('/late'))
    plain.set('/late', file('/late'))
    expect(iterators.map(iterator => iterator.next())).toEqual([
      { done: true, value: undefined },
      { done: true, value: undefined }
    ])
  })

  it('an iterator is its own iterable, as a Map iterator is', () => {
    const [compact] = both()
    const iterator = compact.values()
    expect(iterator[Symbol.iterator]()).toBe(iterator)
    iterator.next()
    expect([...iterator].map(record => record.path)).toEqual(RECORDS.slice(1).map(record => record.path))
  })
})
