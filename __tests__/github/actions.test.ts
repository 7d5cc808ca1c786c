import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createActionsIO, emitAnnotations } from '../../src/github/actions.js'
import { RecordingActionsIO } from '../support/recording-actions-io.js'
import type { Annotation } from '../../src/report/annotations.js'

const ANNOTATIONS: Annotation[] = [
  { level: 'error', message: 'e', title: 'SG2001: key', file: 'Dockerfile', startLine: 6, endLine: 6 },
  { level: 'warning', message: 'w', title: 'DL3008: pin', file: 'Dockerfile', startLine: 2, endLine: 3 },
  { level: 'notice', message: 'n' }
]

describe('RecordingActionsIO', () => {
  test('records inputs, outputs, secrets, messages with properties, groups, summaries and failure', async () => {
    const io = new RecordingActionsIO({ file: ' Dockerfile ' })
    expect(io.getInput('file')).toBe('Dockerfile')
    expect(io.getInput('missing')).toBe('')
    io.setOutput('result', 'fail')
    io.setSecret('s3cret')
    emitAnnotations(io, ANNOTATIONS)
    expect(await io.group('lint', () => Promise.resolve(5))).toBe(5)
    await io.writeSummary('# hi')
    io.setFailed('1 finding at or above fail-on error')
    expect(io.outputs).toEqual({ result: 'fail' })
    expect(io.secrets).toEqual(['s3cret'])
    expect(io.at('error')[0]).toEqual({
      level: 'error',
      message: 'e',
      properties: { title: 'SG2001: key', file: 'Dockerfile', startLine: 6, endLine: 6 }
    })
    expect(io.at('warning')[0]?.properties).toEqual({
      title: 'DL3008: pin',
      file: 'Dockerfile',
      startLine: 2,
      endLine: 3
    })
    expect(io.at('notice')[0]).toEqual({ level: 'notice', message: 'n', properties: {} })
    expect(io.groups).toEqual(['lint'])
    expect(io.summaries).toEqual(['# hi'])
    expect(io.failed).toBe('1 finding at or above fail-on error')
  })
})

describe('createActionsIO (on @actions/core)', () => {
  const saved = { ...process.env }
  let dir: string
  let stdout: string
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved only to be put back on process.stdout as it was
  const write = process.stdout.write
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stagegate-io-'))
    stdout = ''
    process.stdout.write = (chunk: string | Uint8Array) => {
      stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return true
    }
  })
  afterEach(() => {
    process.stdout.write = write
    process.env = { ...saved }
    process.exitCode = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  test('outputs go to GITHUB_OUTPUT, the summary to GITHUB_STEP_SUMMARY, annotations to stdout as workflow commands', async () => {
    const output = path.join(dir, 'output')
    const summary = path.join(dir, 'summary')
    writeFileSync(output, '')
    writeFileSync(summary, '')
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_STEP_SUMMARY = summary
    process.env['INPUT_FAIL-ON'] = 'warning'
    const io = createActionsIO()
    expect(io.getInput('fail-on')).toBe('warning')
    io.setOutput('counts', '{"error":1}')
    await io.writeSummary('## Stagegate\n')
    await io.writeSummary('more\n')
    emitAnnotations(io, ANNOTATIONS)
    io.setSecret('hunter2')
    io.setFailed('failed: SG2001 at Dockerfile:6')
    expect(readFileSync(output, 'utf8')).toMatch(
      /^counts<<ghadelimiter_[\w-]+\n\{"error":1\}\nghadelimiter_[\w-]+\n$/
    )
    expect(readFileSync(summary, 'utf8')).toBe('## Stagegate\nmore\n')
    expect(stdout).toContain('::error title=SG2001%3A key,file=Dockerfile,line=6,endLine=6::e')
    expect(stdout).toContain('::warning title=DL3008%3A pin,file=Dockerfile,line=2,endLine=3::w')
    expect(stdout).toContain('::notice::n')
    expect(stdout).toContain('::add-mask::hunter2')
    expect(stdout).toContain('::error::failed: SG2001 at Dockerfile:6')
    expect(process.exitCode).toBe(1)
  })

  test('without GITHUB_STEP_SUMMARY the summary is skipped, not an error', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(createActionsIO().writeSummary('x')).resolves.toBeUndefined()
  })
})
