// SIGINT/SIGTERM during `build` stop the buildx child: a real process tree,
// the runner in a Node process bundled from the source, `docker` a fake that
// sleeps and records the signal it got. The thing under test is our signal
// handling: the Node process is signalled alone (as a cancelled job or `kill`
// does, not a terminal's whole process group), so only we can stop the child.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bundleEntry } from '../support/bundle.js'

let dir: string
let entry: string
let docker: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-build-signals-'))
  entry = join(dir, 'entry.mjs')
  docker = join(dir, 'docker')
  writeFileSync(
    docker,
    [
      '#!/bin/sh',
      'echo $$ > "$FAKE_STATE/pid"',
      'trap \'echo TERM > "$FAKE_STATE/got"; kill $! 2>/dev/null; exit 143\' TERM',
      'trap \'echo INT > "$FAKE_STATE/got"; kill $! 2>/dev/null; exit 130\' INT',
      'sleep 60 &',
      'wait'
    ].join('\n') + '\n'
  )
  chmodSync(docker, 0o755)
  await bundleEntry(resolve('__tests__/build/support/signal-entry.ts'), entry)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > 30_000) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 10))
  }
}

it.each(['SIGINT', 'SIGTERM'] as const)(
  '%s of the build process stops the buildx child and removes the work dir',
  async signal => {
    const state = mkdtempSync(join(dir, 'state-'))
    const work = join(state, 'work')
    const child = spawn(process.execPath, [entry, docker, work], {
      env: { ...process.env, FAKE_STATE: state, NODE_OPTIONS: '' },
      stdio: 'ignore'
    })
    const closed = new Promise<NodeJS.Signals | number | null>(done =>
      child.on('close', (code, sig) => done(sig ?? code))
    )
    await until(
      () => existsSync(join(state, 'pid')) && readFileSync(join(state, 'pid'), 'utf8').endsWith('\n'),
      'docker to start'
    )
    const pid = Number(readFileSync(join(state, 'pid'), 'utf8'))
    child.kill(signal)
    expect(await closed).toBe(signal)
    await until(() => !alive(pid), 'the docker child to end')
    expect(readFileSync(join(state, 'got'), 'utf8').trim()).toBe(signal.slice(3))
    expect(existsSync(work)).toBe(false)
  },
  60_000
)

it("childPids lists this process's children (how a signal reaches the child @actions/exec started), not grandchildren", async () => {
  const { childPids } = await import('../../src/build/buildx.js')
  const child = spawn('/bin/sh', ['-c', 'sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const grandchild = await new Promise<number>(done =>
    child.stdout.once('data', (data: Buffer) => done(Number(String(data).trim())))
  )
  try {
    const pids = childPids()
    expect(pids).toContain(child.pid)
    expect(pids).not.toContain(grandchild)
    expect(childPids(child.pid)).toEqual([grandchild])
  } finally {
    process.kill(grandchild, 'SIGTERM')
    child.kill('SIGTERM')
  }
})
