// Bundles the action and the CLI from the current source (not the committed
// dist/) into a temp dir with the same esbuild settings as scripts/bundle.mjs,
// so e2e tests run the source exactly as the runner would run dist/.
import { build } from 'esbuild'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Bundles {
  dir: string
  action: string
  cli: string
}

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins: give them a real one.
const REQUIRE_BANNER = [
  "import { createRequire as __stagegateCreateRequire } from 'node:module';",
  'const require = __stagegateCreateRequire(import.meta.url);'
].join('\n')

/** The settings every test bundle shares (scripts/bundle.mjs's, without its chunk splitting). */
const SETTINGS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: REQUIRE_BANNER },
  legalComments: 'none',
  logLevel: 'error'
} as const

export async function bundleFromSource(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-bundle-'))
  await build({
    ...SETTINGS,
    entryPoints: [
      { in: 'src/index.ts', out: 'index' },
      { in: 'src/cli.ts', out: 'cli' }
    ],
    outdir: dir
  })
  return { dir, action: join(dir, 'index.js'), cli: join(dir, 'cli.js') }
}

/** One TypeScript entry (and the source it imports) bundled into `outfile`, for a test to run in a Node child. */
export async function bundleEntry(entry: string, outfile: string): Promise<void> {
  await build({ ...SETTINGS, entryPoints: [entry], outfile })
}
