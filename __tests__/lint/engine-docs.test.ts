// Every registered rule has a docs page with the sections the
// contract asks for (why, bad, good), headed by its id and summary.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { REGISTERED_RULES } from '../../src/lint/rules/index.js'

const DOCS = fileURLToPath(new URL('../../docs/rules/', import.meta.url))

describe.each(REGISTERED_RULES.map(rule => rule.id))('%s', id => {
  test('has a docs page with Why, Bad and Good', () => {
    const path = `${DOCS}${id}.md`
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith(`# ${id}: `)).toBe(true)
    for (const section of ['## Why', '## Bad', '## Good']) expect(text).toContain(section)
    expect(text).toContain('```dockerfile')
  })
})
