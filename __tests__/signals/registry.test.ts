// The stop-signal registry (src/signals.ts) in a real process: a Node child
// bundled from the source registers cleanups, this test signals it as a
// cancelled job or `kill` would, and reads which cleanups ran and how the
// child ended.
import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { STOP_SIGNALS, onStopSignal, type SignalTarget } from '../../src/signals.js'
import { bundleEntry } from '../support/bundle.js'

let dir: string
let entry: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-signal-registry-'))
  entry = join(dir, 'entry.mjs')
  await bundleEntry(resolve('__tests__/signals/registry-entry.ts'), entry)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the child with `plan`, sends `signal` once it is ready: what it printed after "ready" and how it ended. */
function signalled(plan: object, signal: NodeJS.Signals): Promise<{ ran: string[]; ended: unknown }> {
  const child = spawn(process.execPath, [entry, JSON.stringify(plan)], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (text: string) => {
    if (!out.includes('ready\n') && (out + text).includes('ready\n')) child.kill(signal)
    out += text
  })
  return new Promise(done =>
    child.on('close', (code, sig) =>
      done({
        ran: out.split('\n').filter(line => line !== '' && line !== 'ready'),
        ended: sig ?? code
      })
    )
  )
}

it.each([
  ['one cleanup', { register: ['a'] }, 'SIGTERM', ['a:SIGTERM']],
  [
    'several, latest first (as finally blocks unwind)',
    { register: ['a', 'b', 'c'] },
    'SIGINT',
    ['c:SIGINT', 'b:SIGINT', 'a:SIGINT']
  ],
  [
    'an unregistered one does not run',
    { register: ['a', 'b', 'c'], unregister: ['b'] },
    'SIGTERM',
    ['c:SIGTERM', 'a:SIGTERM']
  ],
  [
    'all unregistered: the signal ends the process as if none had been',
    { register: ['a', 'b'], unregister: ['a', 'b'] },
    'SIGINT',
    []
  ],
  [
    'one that throws does not stop the others',
    { register: ['a', 'b', 'c'], throwing: ['c', 'b'] },
    'SIGTERM',
    ['c:SIGTERM', 'b:SIGTERM', 'a:SIGTERM']
  ],
  ['SIGHUP (a closed terminal) too', { register: ['a'] }, 'SIGHUP', ['a:SIGHUP']]
] as const)(
  '%s; the signal is re-raised',
  async (_name, plan, signal, ran) => {
    expect(await signalled(plan, signal)).toEqual({ ran, ended: signal })
  },
  60_000
)

/** A stand-in for `process` that records kill() instead of ending the test run. */
function fakeProcess(): SignalTarget & EventEmitter & { killed: [number, string | number | undefined][] } {
  const proc = Object.assign(new EventEmitter(), {
    pid: 4242,
    killed: [] as [number, string | number | undefined][],
    kill(pid: number, signal?: string | number) {
      proc.killed.push([pid, signal])
      return true
    }
  })
  return proc as never
}

const listeners = (proc: EventEmitter): number =>
  STOP_SIGNALS.reduce((sum, signal) => sum + proc.listenerCount(signal), 0)

it('listens only while something is registered (a SIGINT listener would replace Node ending the process)', () => {
  const proc = fakeProcess()
  expect(listeners(proc)).toBe(0)
  const first = onStopSignal(() => undefined, proc)
  const second = onStopSignal(() => undefined, proc)
  expect(listeners(proc)).toBe(STOP_SIGNALS.length)
  first()
  first()
  expect(listeners(proc)).toBe(STOP_SIGNALS.length)
  second()
  expect(listeners(proc)).toBe(0)
  expect(proc.killed).toEqual([])
})

it('runs each cleanup once: after the first signal nothing is left registered', () => {
  const proc = fakeProcess()
  const ran: string[] = []
  onStopSignal(signal => ran.push(signal), proc)
  proc.emit('SIGTERM')
  proc.emit('SIGINT')
  expect(ran).toEqual(['SIGTERM'])
  expect(listeners(proc)).toBe(0)
  expect(proc.killed).toEqual([[4242, 'SIGTERM']])
})
