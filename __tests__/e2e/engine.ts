// Shared facts about the real engine the e2e tests run against.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export const REGISTRY = process.env.STAGEGATE_TEST_REGISTRY ?? '127.0.0.1:5000'
/** Where tests push: the run's own in-memory registry (global-setup.ts), else the shared one. */
export const PUSH_REGISTRY = process.env.STAGEGATE_TEST_PUSH_REGISTRY ?? REGISTRY
export const FIXTURES = {
  busybox: 'stagegate-fixture/busybox:latest',
  debian: 'stagegate-fixture/debian:bookworm',
  builder: 'stagegate-fixture/builder:latest',
  sbomGenerator: `${REGISTRY}/stagegate-fixture/sbom-generator:latest`
} as const

export const SKIP_E2E = process.env.STAGEGATE_SKIP_E2E === '1'

/** `describe` for e2e suites: skips only on an explicit STAGEGATE_SKIP_E2E=1 (global setup says so loudly). */
export const describeE2E: jest.Describe = SKIP_E2E ? describe.skip : describe

export function docker(args: string[], input?: string): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe']
  })
}

/** `docker` without blocking the event loop, so that a test can run several at once. */
export async function dockerAsync(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('docker', args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  return stdout
}
