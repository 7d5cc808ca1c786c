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

export async function bundleFromSource(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-bundle-'))
  await build({
    entryPoints: [
      { in: 'src/index.ts', out: 'index' },
      { in: 'src/cli.ts', out: 'cli' }
    ],
    outdir: dir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {
      js: [
        "import { createRequire as __stagegateCreateRequire } from 'node:module';",
        'const require = __stagegateCreateRequire(import.meta.url);'
      ].join('\n')
    },
    legalComments: 'none',
    logLevel: 'error'
  })
  return { dir, action: join(dir, 'index.js'), cli: join(dir, 'cli.js') }
}
