// A CommonJS package loaded on first use with import(). Node hands its
// exports over as named bindings (and as `default`); esbuild's chunk for it,
// in the bundles users run, exports only `default`. Reading the exports from
// `default` when it is there works in both, so a lazily loaded CommonJS
// package never arrives without its functions in dist/ while the tests of
// the source pass.
export function cjsExports<T extends object>(namespace: T): T {
  const exports = (namespace as { default?: unknown }).default
  return exports !== null && typeof exports === 'object' ? (exports as T) : namespace
}
