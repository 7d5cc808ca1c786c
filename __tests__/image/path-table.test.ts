// PathTable against a Map<string, number>: the same answers after any
// sequence of adds and removes, for Latin-1 and UTF-16 keys, through table
// growth and the backward shifts that deletion does in a crowded table.
import { INITIAL_TABLE, PathTable, hashOf, hashRange } from '../../src/image/path-table.js'

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KEY_KINDS: [string, (n: number) => string][] = [
  ['short Latin-1 paths', n => `/srv/d${n % 97}/f${n}`],
  ['Latin-1 bytes above 127 (undecodable UTF-8 names)', n => `/opt/\u00e9\u00ff${n}`],
  ['UTF-16 code units and lone surrogates', n => `/data/\u4e2d\u6587${n}${n % 3 === 0 ? '\ud800' : ''}`],
  ['long paths', n => `/${'deep/'.repeat(12)}${n}`],
  ['the empty key and the root', n => (n % 2 === 0 ? '' : '/')]
]

describe('PathTable answers as a Map does', () => {
  it.each(KEY_KINDS)('%s, 20,000 random operations', (_name, keyOf) => {
    const next = random(7)
    const table = new PathTable()
    const model = new Map<string, number>()
    // Disagreements are collected, not asserted one by one (20,000 expect calls cost seconds).
    const problems: string[] = []
    for (let step = 0; step < 20_000 && problems.length < 5; step++) {
      const key = keyOf(Math.floor(next() * 3000))
      const slot = table.find(key)
      if (slot >= 0 !== model.has(key)) problems.push(`step ${step}: find(${JSON.stringify(key)}) = ${slot}`)
      if (slot >= 0 && table.keyAt(slot) !== key)
        problems.push(`step ${step}: keyAt(${slot}) = ${table.keyAt(slot)}`)
      if (next() < 0.35 && slot >= 0) {
        table.remove(slot)
        model.delete(key)
        if (table.isLive(slot)) problems.push(`step ${step}: slot ${slot} live after remove`)
      } else if (slot < 0) {
        const added = table.add(key)
        if (added !== table.end - 1) problems.push(`step ${step}: add gave ${added}, end ${table.end}`)
        model.set(key, added)
      }
      if (table.count !== model.size) problems.push(`step ${step}: count ${table.count}, Map ${model.size}`)
    }
    expect(problems).toEqual([])
    // Every key still answers, and the live slots in order are the Map's insertion order.
    expect([...model].filter(([key, slot]) => table.find(key) !== slot)).toEqual([])
    const live: string[] = []
    for (let slot = 0; slot < table.end; slot++) if (table.isLive(slot)) live.push(table.keyAt(slot))
    expect(live).toEqual([...model.keys()])
  })

  it.each(KEY_KINDS)(
    '%s: a prefix is found by its range hash, and a hash continues over the rest',
    (_n, keyOf) => {
      const table = new PathTable()
      const problems: string[] = []
      for (let n = 0; n < 500; n++) {
        const parent = keyOf(n)
        if (table.find(parent) < 0) table.add(parent, hashOf(parent))
        const path = `${parent}/child${n}`
        const parentHash = hashRange(path, 0, parent.length)
        if (parentHash !== hashOf(parent)) problems.push(`hashRange of ${JSON.stringify(parent)}`)
        if (hashRange(path, parent.length, path.length, parentHash) !== hashOf(path))
          problems.push(`continued hash of ${JSON.stringify(path)}`)
        if (table.find(path, parentHash, parent.length) !== table.find(parent))
          problems.push(`prefix find of ${JSON.stringify(parent)}`)
        // The whole path is not a key, nor is a prefix one code unit short of a key.
        if (table.find(path) !== -1) problems.push(`find(${JSON.stringify(path)})`)
        if (
          parent.length > 0 &&
          table.find(path, hashRange(path, 0, parent.length - 1), parent.length - 1) >= 0
        )
          if (table.find(parent.slice(0, -1)) < 0) problems.push(`short prefix of ${JSON.stringify(parent)}`)
      }
      expect(problems).toEqual([])
    }
  )

  it('keys that share a hash cell: removing the first keeps the others findable', () => {
    // Thousands of keys in a table that starts at 2,048 cells: long probe runs, then every other removed.
    const table = new PathTable()
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`)
    const slots = keys.map(key => table.add(key))
    keys.forEach((key, i) => {
      if (i % 2 === 0) table.remove(slots[i]!)
    })
    expect(keys.filter((key, i) => table.find(key) !== (i % 2 === 0 ? -1 : slots[i]))).toEqual([])
    expect(table.count).toBe(2500)
  })

  it('probe runs that wrap past the table end: each removal keeps every other key findable', () => {
    // FNV-1a as path-table.ts computes it, to pick keys by the cell they hash to.
    const home = (key: string): number => {
      let hash = 0x811c9dc5 | 0
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
      return hash & (INITIAL_TABLE - 1)
    }
    const pick = (cell: number, count: number): string[] => {
      const found: string[] = []
      for (let i = 0; found.length < count; i++) if (home(`w${i}`) === cell) found.push(`w${i}`)
      return found
    }
    const last = pick(INITIAL_TABLE - 1, 3) // in the last cell, then cells 0 and 1
    const first = pick(0, 2) // pushed on to cells 2 and 3
    const keys = [...last, ...first]
    for (const removed of keys) {
      const table = new PathTable()
      const slots = new Map(keys.map(key => [key, table.add(key)]))
      table.remove(slots.get(removed)!)
      expect(keys.filter(key => key !== removed && table.find(key) !== slots.get(key))).toEqual([])
      expect(table.find(removed)).toBe(-1)
    }
  })

  it('a key re-added after removal gets a new slot at the end; the dead one stays dead', () => {
    const table = new PathTable()
    const first = table.add('/a')
    table.add('/b')
    table.remove(first)
    const again = table.add('/a')
    expect([first, again, table.end, table.find('/a'), table.isLive(first)]).toEqual([0, 2, 3, 2, false])
  })

  it('keys across arena chunks, one longer than a chunk, all found and read back', () => {
    const table = new PathTable()
    // 1 MiB chunks: about 40,000 keys of 30 bytes fill one; a key over 1 MiB gets a chunk of its own.
    const keys = [
      ...Array.from({ length: 40_000 }, (_, i) => `/chunk/${String(i).padStart(22, '0')}`),
      'x'.repeat(2 ** 20 + 10),
      '\u4e2d'.repeat(2 ** 19 + 5),
      '/after'
    ]
    const slots = keys.map(key => table.add(key))
    expect(keys.filter((key, i) => table.find(key) !== slots[i] || table.keyAt(slots[i]) !== key)).toEqual([])
  })

  it('clear() empties it', () => {
    const table = new PathTable()
    for (let i = 0; i < 3000; i++) table.add(`/x${i}`)
    table.clear()
    expect([table.count, table.end, table.find('/x1')]).toEqual([0, 0, -1])
    expect(table.keyAt(table.add('/y'))).toBe('/y')
  })
})
