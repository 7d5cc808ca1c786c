// Fails the e2e suite, loudly and with the fix, when no engine answers: a
// missing engine must never look like a green run. Only an explicit
// STAGEGATE_SKIP_E2E=1 skips, and then it says so.
import { execFileSync } from 'node:child_process'

const FIX =
  'run `bash scripts/install-test-engine.sh && bash scripts/start-test-engine.sh` (as root), or set STAGEGATE_SKIP_E2E=1 to skip the e2e suite on purpose'

function answers(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20000
    })
  } catch {
    return undefined
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.STAGEGATE_SKIP_E2E === '1') {
    process.stderr.write(
      '\nSTAGEGATE_SKIP_E2E=1: the e2e suite is SKIPPED; nothing against a real engine was tested.\n'
    )
    return
  }
  const problems: string[] = []
  if (answers('docker', ['info', '--format', '{{.ServerVersion}}']) === undefined)
    problems.push('no Docker engine answers `docker info`')
  else if (answers('docker', ['buildx', 'version']) === undefined)
    problems.push('`docker buildx` is not installed')
  const registry = process.env.STAGEGATE_TEST_REGISTRY ?? '127.0.0.1:5000'
  try {
    const response = await fetch(`http://${registry}/v2/`, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) problems.push(`the registry at ${registry} answered HTTP ${response.status}`)
  } catch {
    problems.push(`no registry answers at http://${registry}/v2/`)
  }
  if (problems.length === 0) {
    const images = answers('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']) ?? ''
    for (const fixture of [
      'stagegate-fixture/busybox:latest',
      'stagegate-fixture/debian:bookworm',
      'stagegate-fixture/builder:latest'
    ]) {
      if (!images.split('\n').includes(fixture)) problems.push(`fixture image ${fixture} is missing`)
    }
  }
  if (problems.length > 0) {
    throw new Error(`e2e: ${problems.join('; ')}. Fix: ${FIX}.`)
  }
}
