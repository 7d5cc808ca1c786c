// cjsExports: a CommonJS package's functions from import(), as Node gives them
// (named bindings and `default`) and as esbuild's split chunk gives them
// (`default` only); an ES module without a default export is left as it is.
import { cjsExports } from '../src/cjs-import.js'

const parse = (): string => 'parsed'

test.each([
  ['Node: named bindings and default', { parse, default: { parse } }],
  ['esbuild chunk: default only', { default: { parse } }],
  ['ES module without default', { parse }]
])('%s', (_name, namespace) => {
  expect((cjsExports(namespace as { parse?: () => string }).parse ?? (() => 'missing'))()).toBe('parsed')
})

test('the real yaml package through import() gives parseDocument', async () => {
  const { parseDocument } = cjsExports(await import('yaml'))
  expect(parseDocument('a: 1').toJS()).toEqual({ a: 1 })
})
