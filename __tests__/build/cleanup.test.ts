import { EventEmitter } from 'node:events'
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { removeNow, removeOnSignal } from '../../src/build/cleanup.js'

let root: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-cleanup-'))
  await fs.mkdir(path.join(root, 'secrets'))
  await fs.writeFile(path.join(root, 'secrets', 'secret-0'), 'v', { mode: 0o600 })
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

/** A stand-in for `process` that records kill() instead of ending the test run. */
function fakeProcess(): NodeJS.Process & { killed: [number, string][] } {
  const emitter = new EventEmitter() as unknown as NodeJS.Process & { killed: [number, string][] }
  emitter.killed = []
  Object.assign(emitter, {
    pid: 4242,
    kill: (pid: number, signal: string) => void emitter.killed.push([pid, signal])
  })
  return emitter
}

test('on SIGTERM: removes the paths, uninstalls itself, re-raises the signal', async () => {
  const proc = fakeProcess()
  removeOnSignal(() => [path.join(root, 'secrets'), ''], proc)
  expect(proc.listenerCount('SIGTERM')).toBe(1)
  proc.emit('SIGTERM')
  expect(await fs.readdir(root)).toEqual([])
  expect(proc.killed).toEqual([[4242, 'SIGTERM']])
  expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM') + proc.listenerCount('SIGHUP')).toBe(0)
})

test('uninstall leaves the files to the normal dispose and no listeners behind', async () => {
  const proc = fakeProcess()
  const uninstall = removeOnSignal(() => [path.join(root, 'secrets')], proc)
  uninstall()
  expect(proc.listenerCount('SIGINT')).toBe(0)
  expect(await fs.readdir(path.join(root, 'secrets'))).toEqual(['secret-0'])
})

test('removeNow ignores missing paths', () => {
  expect(() => removeNow([path.join(root, 'nope'), ''])).not.toThrow()
})
