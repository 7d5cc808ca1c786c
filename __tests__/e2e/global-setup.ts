// Fails the e2e suite, loudly and with the fix, when no engine answers: a
// missing engine must never look like a green run. Only an explicit
// STAGEGATE_SKIP_E2E=1 skips, and then it says so. Then starts the run's own
// registry for what the tests push (see below why), handed to the
// test workers as STAGEGATE_TEST_PUSH_REGISTRY and stopped in global teardown.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

declare global {
  var stagegatePushRegistry: PushRegistry | undefined
  /** The images before the run, and how to list them again (global teardown removes the difference). */
  var stagegateEngineImages: { before: string[]; list: () => string[] } | undefined
}

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
    // Each fixture by name: listing every image takes 16 s on an engine with 861 of them,
    // past the 20 s limit on a loaded machine, and then every fixture looked missing.
    for (const fixture of [
      'stagegate-fixture/busybox:latest',
      'stagegate-fixture/debian:bookworm',
      'stagegate-fixture/builder:latest'
    ]) {
      if (answers('docker', ['image', 'inspect', '--format', '{{.Id}}', fixture]) === undefined)
        problems.push(`fixture image ${fixture} is missing`)
    }
  }
  if (problems.length > 0) {
    throw new Error(`e2e: ${problems.join('; ')}. Fix: ${FIX}.`)
  }
  // What the engine holds before the run: global teardown removes every image the run added.
  globalThis.stagegateEngineImages = { before: listImages(), list: listImages }
  if (process.env.STAGEGATE_TEST_PUSH_REGISTRY) return
  const own = await startPushRegistry()
  if (own) {
    globalThis.stagegatePushRegistry = own
    process.env.STAGEGATE_TEST_PUSH_REGISTRY = own.host
    // Global teardown stops it; a run that ends otherwise (Ctrl-C, a failed set-up of the other
    // project) must not leave the registry process and its directory behind.
    process.once('exit', () => globalThis.stagegatePushRegistry?.stop())
  } else {
    process.stderr.write(
      `\ne2e: no docker-registry binary and no registry:2 image for the run's own registry: pushes go to ${registry}, whose filesystem store can fail a multi-platform push (see __tests__/e2e/global-setup.ts).\n`
    )
  }
}

// The push registry: one of the e2e run's own for everything the tests push, in memory,
// on a free loopback port, stopped in global teardown. Why not the shared one
// on 127.0.0.1:5000: distribution's filesystem store (registry:2 up to 2.8)
// rewrites a tag's link file in place, and buildx 0.13's docker driver pushes
// every image twice (BuildKit's push, then `docker push`, buildx#3023), the
// second push PUTting each child manifest of the index to the tag
// concurrently while it HEADs the tag. A HEAD that reads the link file
// mid-write gets 500 "invalid checksum digest format" and the build fails.
// The in-memory store swaps a link under a lock, as hosted registries do, and
// a registry per run means no tag is ever pushed twice across runs.
// The shared registry stays for what tests only read (the SBOM generator).
interface PushRegistry {
  host: string
  /** How it runs, for the log. */
  how: string
  stop(): void
}

/**
 * Every image as `repository:tag@id` (`<none>:<none>@id` for an untagged one). An engine that
 * keeps the images of every run slows down with them: on the containerd store one `docker rmi`
 * took 7 s with 900 images, and listing them 16 s.
 */
function listImages(): string[] {
  const out = answers('docker', [
    'image',
    'ls',
    '--all',
    '--no-trunc',
    '--format',
    '{{.Repository}}:{{.Tag}}@{{.ID}}'
  ])
  return (out ?? '').split('\n').filter(line => line !== '')
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function registryAnswers(host: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return true
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return false
}

async function startBinary(binary: string): Promise<PushRegistry | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-push-registry-'))
  const host = `127.0.0.1:${await freePort()}`
  const config = join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  inmemory: {}',
      'http:',
      `  addr: ${host}`,
      ''
    ].join('\n')
  )
  const child: ChildProcess = spawn(binary, ['serve', config], { stdio: 'ignore' })
  const stop = (): void => {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  if (await registryAnswers(host, 10_000)) return { host, how: `${binary} (in memory)`, stop }
  stop()
  return undefined
}

async function startContainer(): Promise<PushRegistry | undefined> {
  try {
    const id = execFileSync(
      'docker',
      ['run', '-d', '--rm', '-p', '127.0.0.1::5000', '-e', 'REGISTRY_STORAGE=inmemory', 'registry:2'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 }
    ).trim()
    const port = execFileSync('docker', ['port', id, '5000/tcp'], { encoding: 'utf8' })
      .trim()
      .split(':')
      .at(-1)
    const host = `127.0.0.1:${port}`
    const stop = (): void => void execFileSync('docker', ['rm', '-f', id], { stdio: 'ignore' })
    if (await registryAnswers(host, 20_000)) return { host, how: 'registry:2 container (in memory)', stop }
    stop()
  } catch {
    // no registry:2 image and none to pull (offline)
  }
  return undefined
}

/** The run's own registry, or undefined when neither the binary nor the registry:2 image is at hand. */
async function startPushRegistry(): Promise<PushRegistry | undefined> {
  for (const binary of ['docker-registry', 'registry']) {
    if (!onPath(binary)) continue
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = await startBinary(binary)
      if (started) return started
    }
  }
  return startContainer()
}
