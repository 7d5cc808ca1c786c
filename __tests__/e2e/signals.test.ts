// SIGINT/SIGTERM during `stagegate check` of an engine image: the `docker
// save` child is stopped and its spool removed. The CLI runs from a bundle of
// the current source (built here), in a real child process, against the real
// engine, and the signal is sent to that process.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bundleEntry } from '../support/bundle.js'
import { describeE2E, FIXTURES } from './engine.js'

describeE2E('signals stop children and clean up', () => {
  let dir: string
  let cli: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-signals-'))
    cli = join(dir, 'cli.js')
    await bundleEntry(resolve('src/cli.ts'), cli)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while docker save runs removes the spool',
    async signal => {
      const temp = mkdtempSync(join(dir, 'tmp-'))
      const child = spawn(process.execPath, [cli, 'check', FIXTURES.debian], {
        env: { ...process.env, TMPDIR: temp },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      // Wait until docker save is writing its spool, then signal.
      const started = Date.now()
      const spooling = (): boolean =>
        readdirSync(temp).some(
          name => name.startsWith('stagegate-image-') && existsSync(join(temp, name, 'image.tar'))
        )
      while (!spooling()) {
        if (Date.now() - started > 60_000) throw new Error('docker save never started')
        await new Promise(r => setTimeout(r, 5))
      }
      child.kill(signal)
      const status = await new Promise<NodeJS.Signals | number | null>(done =>
        child.on('close', (code, sig) => done(sig ?? code))
      )
      expect(status).toBe(signal)
      expect(readdirSync(temp).filter(name => name.startsWith('stagegate-image-'))).toEqual([])
      expect(existsSync(temp)).toBe(true)
    },
    120_000
  )
})
