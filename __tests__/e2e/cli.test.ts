// The CLI's source in process against the real engine: `stagegate build`
// runs the whole pipeline (lint, buildx, image checks) and `stagegate check`
// reads an image from the engine or from an archive, each attributing image
// findings to a stage and a Dockerfile line.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import type { Report } from '../../src/report/report.js'
import { runCli } from '../support/cli.js'
import { describeE2E, docker, FIXTURES, PUSH_REGISTRY } from './engine.js'

// Unique per run and per process: no test re-pushes or re-tags what another run may be reading.
const STAMP = `${Date.now()}-${process.pid}`

const cli = (args: string[], cwd = process.cwd()) => runCli(args, { cwd })

describeE2E('the CLI on the real engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-cli-e2e-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('build: the bundled example passes, with every layer attributed to its stage and line', async () => {
    const tag = `stagegate-e2e/cli-hello:${STAMP}`
    const run = await cli([
      'build',
      'examples/hello-c',
      '--tags',
      tag,
      '--load',
      '--sbom',
      'false',
      '--provenance',
      'false',
      '--format',
      'json'
    ])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.build).toMatchObject({ ok: true })
    expect(report.counts.error).toBe(0)
    expect(report.image?.layers).toEqual([
      expect.objectContaining({
        index: 0,
        stage: 0,
        line: 13,
        createdBy: expect.stringContaining('COPY /out/hello')
      })
    ])
    // No image warning or error (SG2017 notes the missing HEALTHCHECK: a one-shot program needs none).
    expect(report.findings.filter(f => f.ruleId.startsWith('SG2') && f.severity !== 'note')).toEqual([])
    // The binary really is static and runs in scratch.
    expect(docker(['run', '--rm', tag]).trim()).toBe('hello from a static binary in scratch')
  })

  test('check: a root, shell-carrying image read from the engine and from a docker archive, attributed', async () => {
    const context = join(dir, 'ctx')
    execFileSync('mkdir', ['-p', context])
    writeFileSync(
      join(context, 'Dockerfile'),
      [
        `FROM ${FIXTURES.busybox} AS build`,
        'RUN echo app > /app',
        '',
        `FROM ${FIXTURES.busybox}`,
        'COPY --from=build /app /app',
        ''
      ].join('\n')
    )
    const tag = `stagegate-e2e/cli-check:${STAMP}`
    docker(['buildx', 'build', '--load', '-t', tag, context])
    const archive = join(dir, 'image.tar')
    docker(['save', '-o', archive, tag])

    for (const source of [tag, `docker-archive:${archive}`]) {
      const run = await cli([
        'check',
        source,
        '--dockerfile',
        join(context, 'Dockerfile'),
        '--format',
        'json',
        '--fail-on',
        'warning'
      ])
      expect(run.code).toBe(1)
      const report = JSON.parse(run.stdout) as Report
      const shell = report.findings.find(f => f.ruleId === 'SG2001')
      expect(shell).toMatchObject({
        line: 4,
        stage: { index: 1, final: true },
        path: expect.stringMatching(/^\/bin\//)
      })
      // Lint's SG1008 and the image's SG2003 are one finding (confirmed), SG2003 in `also`.
      const root = report.findings.find(f => f.ruleId === 'SG2003' || f.also?.includes('SG2003'))
      expect(root).toMatchObject({ severity: 'warning', stage: { index: 1 } })
      const copied = report.image?.layers.find(l => l.line === 5)
      expect(copied).toMatchObject({ stage: 0 })
    }
  })

  test('build: a pushed multi-platform image is checked per platform', async () => {
    const context = join(dir, 'multi')
    for (const arch of ['amd64', 'arm64']) execFileSync('mkdir', ['-p', join(context, 'files', arch, 'bin')])
    writeFileSync(join(context, 'files', 'amd64', 'app'), 'amd64\n')
    writeFileSync(join(context, 'files', 'arm64', 'app'), 'arm64\n')
    // Only the arm64 variant ships a shell: only its check may report one.
    writeFileSync(join(context, 'files', 'arm64', 'bin', 'sh'), '#!/bin/sh\n', { mode: 0o755 })
    // No RUN step: both platforms build without emulation.
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM scratch\nARG TARGETARCH\nCOPY files/${TARGETARCH}/ /\nUSER 65532\nENTRYPOINT ["/app"]\n'
    )
    const run = await cli([
      'build',
      context,
      '--tags',
      `${PUSH_REGISTRY}/stagegate-e2e/cli-multi:${STAMP}`,
      '--platforms',
      'linux/amd64,linux/arm64',
      '--push',
      '--sbom',
      `generator=${FIXTURES.sbomGenerator}`,
      '--format',
      'json'
    ])
    expect(run.stderr).toMatch(/\(linux\/amd64\): 1 layers/)
    expect(run.stderr).toMatch(/\(linux\/arm64\): 1 layers/)
    const report = JSON.parse(run.stdout) as Report
    const shells = report.findings.filter(f => f.ruleId === 'SG2001')
    expect(shells).toEqual([
      expect.objectContaining({
        path: '/bin/sh',
        line: 3,
        message: expect.stringMatching(/\(on linux\/arm64\)$/)
      })
    ])
    expect(report.image?.attestations).toEqual({ sbom: true, provenance: true })
  })

  test('build: a failing RUN exits 1 with buildx error lines, and the report is still written', async () => {
    const context = join(dir, 'failing')
    execFileSync('mkdir', ['-p', context])
    writeFileSync(join(context, 'Dockerfile'), `FROM ${FIXTURES.busybox}\nRUN echo about to fail && exit 3\n`)
    const reportFile = join(dir, 'failing-report.json')
    const run = await cli([
      'build',
      context,
      '--tags',
      `stagegate-e2e/cli-fail:${STAMP}`,
      '--load',
      '--sbom',
      'false',
      '--provenance',
      'false',
      '--report-file',
      reportFile
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/the build failed/)
    expect(run.stderr).toMatch(/exit code: 3/)
    const report = JSON.parse(execFileSync('cat', [reportFile], { encoding: 'utf8' })) as Report
    expect(report.build?.ok).toBe(false)
    expect(report.build?.error).toMatch(/exit code: 3/)
  })
})
