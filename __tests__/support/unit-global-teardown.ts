// The unit project's global teardown: removes the run's bundle directory
// (unit-global-setup.ts; the variable is spelled out here because Jest loads
// this file without the project's module mapping).
import { rmSync } from 'node:fs'

export default function removeTestBundleDir(): void {
  const dir = process.env.STAGEGATE_TEST_BUNDLE_DIR
  if (dir) rmSync(dir, { recursive: true, force: true })
  delete process.env.STAGEGATE_TEST_BUNDLE_DIR
}
