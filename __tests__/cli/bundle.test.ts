// The bundles as users run them, built from the source by scripts/bundle.mjs
// into a temp dir (never the committed dist/): the CLI in a child process,
// and the action on Node 24 as the runner runs it. The commands' behaviour
// is tested in process (cli.test.ts, github/run.test.ts); these check the
// bundling: the entry runs, exits with main()'s status, and finds its assets.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import type { Counts } from '../../src/finding.js'
import type { Report } from '../../src/report/report.js'
import { VERSION } from '../../src/version.js'
import { bundleSources, type Bundles } from '../support/bundle.js'
import { ensureNode24 } from '../support/node24.js'
import { runAction } from '../support/run-action.js'

let bundles: Bundles
const dir = mkdtempSync(join(tmpdir(), 'stagegate-bundle-cli-'))
beforeAll(async () => {
  bundles = await bundleSources()
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian\nRUN apt-get update && apt-get install -y curl\n')
}, 120000)
afterAll(() => {
  bundles?.remove()
  rmSync(dir, { recursive: true, force: true })
})

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bundles.cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, STAGEGATE_DEBUG: '' }
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('the CLI bundle', () => {
  test('--version', () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  test('lint: findings at the fail level exit 1 (the process exit code is main()’s status)', () => {
    const run = cli(['lint', '--fail-on', 'warning', 'Dockerfile'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Dockerfile:2 DL3008 warning: /m)
    expect(cli(['lint', '--fail-on', 'never', 'Dockerfile']).code).toBe(0)
  })

  test('config files load in the bundle (the YAML parser is a lazily loaded CommonJS package)', () => {
    writeFileSync(join(dir, 'stagegate.yml'), 'ignore: [DL3008]\n')
    writeFileSync(join(dir, 'hadolint.yaml'), 'ignored: [DL3008]\n')
    for (const config of ['stagegate.yml', 'hadolint.yaml']) {
      const run = cli(['lint', '--config', config, '--fail-on', 'never', 'Dockerfile'])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).not.toContain('DL3008')
      expect(run.stdout).toContain('DL3009')
    }
  })

  test('a usage error exits 2 with one line', () => {
    const run = cli(['lint', '--nope'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('stagegate lint: unknown option "--nope"; run `stagegate lint --help`.\n')
  })
})

describe('the action bundle on Node 24', () => {
  test('lint only: outputs, annotations and the verdict, from INPUT_* and the file commands', async () => {
    const run = await runAction({
      node: await ensureNode24(),
      script: bundles.action,
      workspace: dir,
      inputs: { build: 'false', check: 'false', 'fail-on': 'warning', comment: 'never' }
    })
    try {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('fail')
      expect((JSON.parse(run.outputs.counts ?? '{}') as Counts).warning).toBeGreaterThanOrEqual(1)
      const report = JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report
      expect(report.dockerfile).toBe('Dockerfile')
      expect(run.commands).toContainEqual(
        expect.objectContaining({
          command: 'warning',
          properties: expect.objectContaining({ file: 'Dockerfile', line: '2' })
        })
      )
      expect(run.commands.at(-1)).toMatchObject({
        command: 'error',
        message: expect.stringMatching(/fail-on warning/)
      })
    } finally {
      run.cleanup()
    }
  }, 300000)
})
