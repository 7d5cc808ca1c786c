// The source's bundles (the action's index.js and the CLI's cli.js), built
// by scripts/bundle.mjs into a fresh temp dir: tests that run a bundle as the
// runner or a shell would run it use these, never the committed dist/.
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
