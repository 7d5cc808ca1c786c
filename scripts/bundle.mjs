// Builds the committed bundles dist/index.js (the action) and dist/cli.js
// (the CLI) with esbuild. Output is deterministic: no timestamps, no absolute
// paths, fixed targets. `--check` rebuilds into a temp dir and fails when the
// committed dist/ differs, so a stale bundle never lands. `--outdir DIR`
// builds the same bundles into DIR (tests run the source's bundle from there,
// never the committed dist/).
import { build } from 'esbuild'
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const check = process.argv.includes('--check')
const outdirFlag = process.argv.indexOf('--outdir')
const outdir = check
  ? mkdtempSync(join(tmpdir(), 'stagegate-dist-'))
  : outdirFlag !== -1 && process.argv[outdirFlag + 1]
    ? process.argv[outdirFlag + 1]
    : 'dist'

// CommonJS dependencies inside an ESM bundle call require() for Node
// built-ins; give them a real one.
const banner = [
  "import { createRequire as __stagegateCreateRequire } from 'node:module';",
  'const require = __stagegateCreateRequire(import.meta.url);'
].join('\n')

const entries = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/cli.ts', out: 'cli' }
]

// A fresh dist/: chunks of an earlier build must not linger (--check would call them stale).
if (!check) rmSync(outdir, { recursive: true, force: true })

await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  // Code loaded with import() (the image and build phases, each --format, @actions/cache)
  // goes to its own chunk, so `stagegate lint` starts without compiling megabytes it never runs.
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  banner: { js: banner },
  legalComments: 'none',
  sourcemap: false,
  minify: false,
  charset: 'utf8',
  logLevel: 'warning'
})

if (check) {
  const stale = []
  for (const name of readdirSync(outdir)) {
    const committed = join('dist', name)
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(outdir, name))))
      stale.push(committed)
  }
  for (const name of existsSync('dist') ? readdirSync('dist') : []) {
    if (!existsSync(join(outdir, name))) stale.push(`dist/${name} (no longer built)`)
  }
  rmSync(outdir, { recursive: true, force: true })
  if (stale.length > 0) {
    console.error(`dist/ is stale: ${stale.join(', ')}. Run \`npm run bundle\` and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ is up to date.')
}
