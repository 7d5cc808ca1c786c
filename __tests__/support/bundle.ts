// Bundles of the current source (never the committed dist/) for tests that
// run the code as a separate Node process:
// - bundleSources: the action's index.js and the CLI's cli.js, built by
//   scripts/bundle.mjs itself (chunks and all), so a test runs exactly what
//   `npm run bundle` would ship;
// - bundleEntry: any one TypeScript entry (a test's own child program) into
//   one file, with the settings of scripts/bundle.mjs minus its chunk
//   splitting (a lone file can be run from anywhere).
import { build } from 'esbuild'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Bundles {
  dir: string
  /** The action's entry (action.yml's runs.main is dist/index.js). */
  action: string
  cli: string
  remove(): void
}

/** scripts/bundle.mjs's bundles of the source, in a fresh temp dir (call remove() when done). */
export async function bundleSources(): Promise<Bundles> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stagegate-bundle-'))
  await run(process.execPath, [path.resolve('scripts/bundle.mjs'), '--outdir', dir], {
    cwd: path.resolve('.')
  })
  return {
    dir,
    action: path.join(dir, 'index.js'),
    cli: path.join(dir, 'cli.js'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins: give them a
// real one (scripts/bundle.mjs has the same banner).
const REQUIRE_BANNER = [
  "import { createRequire as __stagegateCreateRequire } from 'node:module';",
  'const require = __stagegateCreateRequire(import.meta.url);'
].join('\n')

/** One TypeScript entry (and the source it imports) bundled into `outfile`, for a test to run in a Node child. */
export async function bundleEntry(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: REQUIRE_BANNER },
    legalComments: 'none',
    logLevel: 'error'
  })
}
