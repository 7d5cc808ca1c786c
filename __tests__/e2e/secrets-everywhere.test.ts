// A value given as a secret that also reaches the image another way (here:
// the same value passed as a build arg, so it lands in the image history)
// must be redacted from every CLI output: stdout, stderr, the JSON report and
// the SARIF log. Real engine, real buildx, the CLI's source in-process.
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { describeE2E, FIXTURES } from './engine.js'

const SECRET = `s3cr3t-${Math.random().toString(36).slice(2)}-value`

describeE2E('secret values never leave the CLI', () => {
  let dir: string
  let cwd: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-secrets-e2e-'))
    cwd = process.cwd()
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${FIXTURES.busybox}\nARG GREETING\nRUN --mount=type=secret,id=tok echo "$GREETING" > /greeting.txt\nLABEL note="hello $GREETING"\n`
    )
    writeFileSync(join(dir, 'secret.txt'), `${SECRET}-file\n`)
    process.chdir(dir)
  })
  afterAll(() => {
    process.chdir(cwd)
    rmSync(dir, { recursive: true, force: true })
  })

  it('redacts the value from stdout, stderr, the report file and the SARIF file', async () => {
    let stdout = ''
    let stderr = ''
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(c => ((stdout += String(c)), true))
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(c => ((stderr += String(c)), true))
    let code: number
    try {
      code = await main([
        'build',
        '.',
        '--secrets',
        `tok=${SECRET}`,
        '--secret-files',
        'file=secret.txt',
        '--build-args',
        `GREETING=${SECRET}`,
        '--tags',
        `hostile-secrets-${Date.now()}:test`,
        '--load',
        '--sbom',
        'false',
        '--provenance',
        'false',
        '--format',
        'json',
        '--report-file',
        'report.json',
        '--sarif-file',
        'report.sarif',
        '--fail-on',
        'never'
      ])
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
    const report = readFileSync(join(dir, 'report.json'), 'utf8')
    const sarif = readFileSync(join(dir, 'report.sarif'), 'utf8')
    expect({ code, failed: /build failed/.test(stderr) }).toEqual({ code: 0, failed: false })
    // The value did reach the report's material (the history names the build arg) and was replaced.
    expect(report).toContain('***')
    for (const text of [stdout, stderr, report, sarif]) expect(text).not.toContain(SECRET)
  })
})
