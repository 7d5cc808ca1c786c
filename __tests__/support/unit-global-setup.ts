// The unit project's global set-up (jest.config.js): one temp directory for
// the whole Jest run, named to the workers through the environment (they
// inherit it), where the bundle that tests run in a child process
// (growth.ts's) is built once and shared by every test file and worker.
// unit-global-teardown.ts removes it. (Jest loads this file without the
// project's module mapping: it imports nothing of ours.)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The variable that names the directory. */
export const TEST_BUNDLE_DIR = 'STAGEGATE_TEST_BUNDLE_DIR'

export default function makeTestBundleDir(): void {
  process.env[TEST_BUNDLE_DIR] = mkdtempSync(join(tmpdir(), 'stagegate-test-bundles-'))
}
