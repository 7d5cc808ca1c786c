// The pipeline's pure decisions (which Dockerfile, which fail level, which
// image to check after the build, how per-platform findings merge), then
// runPipeline in process: real lint and config reading on files the test
// writes, real image reading of OCI layouts, and a build result where buildx
// cannot run (the build itself is e2e).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import type { BuildResult } from '../src/build/run.js'
import { emptyConfig } from '../src/config.js'
import type { Finding } from '../src/finding.js'
import type { ImageIndex } from '../src/image/types.js'
import { parseInputs, type Inputs } from '../src/inputs.js'
import {
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from '../src/pipeline.js'
import { ImageBuilder, exe } from './checks/support/image-builder.js'
import { tar, writeOciLayout } from './image/support/tar-writer.js'
import { builtResult, recordingPipelineDeps } from './support/pipeline-deps.js'

function inputs(values: Record<string, string>): Inputs {
  return parseInputs(name => values[name] ?? '')
}

function build(overrides: Partial<BuildResult>): BuildResult {
  return {
    ok: true,
    seconds: 1,
    argv: [],
    cachedSteps: 0,
    buildx: { driver: 'docker' } as BuildResult['buildx'],
    ...overrides
  }
}

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('dockerfilePath', () => {
  test.each([
    [{ context: '.', file: '' }, 'Dockerfile'],
    [{ context: 'app', file: '' }, 'app/Dockerfile'],
    [{ context: 'app', file: 'build/Dockerfile.prod' }, 'build/Dockerfile.prod'],
    [{ context: 'https://github.com/acme/app.git#main', file: '' }, undefined]
  ])('%j → %s', (given, expected) => {
    expect(dockerfilePath(given)).toBe(expected)
  })
})

describe('resolveFailOn', () => {
  test.each([
    ['', undefined, 'error'],
    ['', 'warning', 'warning'],
    ['note', 'warning', 'note'],
    ['never', 'error', 'never']
  ] as const)('input %j, config %j → %s', (input, configured, expected) => {
    const config = { ...emptyConfig(), ...(configured ? { failOn: configured } : {}) }
    expect(resolveFailOn({ 'fail-on': input }, config)).toBe(expected)
  })
})

describe('imageToCheck', () => {
  test.each([
    [1, { image: 'oci-layout:out' }, undefined, 'oci-layout:out'],
    [
      2,
      { tags: 'ghcr.io/acme/app:1.2', push: 'true' },
      build({ digest: DIGEST }),
      `ghcr.io/acme/app@${DIGEST}`
    ],
    [
      3,
      { tags: '127.0.0.1:5000/app:1', push: 'true' },
      build({ digest: DIGEST }),
      `127.0.0.1:5000/app@${DIGEST}`
    ],
    [4, { tags: 'app:dev' }, build({ imageid: DIGEST }), 'app:dev'],
    [5, {}, build({ imageid: DIGEST }), DIGEST],
    [
      6,
      { tags: 'app:dev' },
      build({ buildx: { driver: 'docker-container' } as BuildResult['buildx'] }),
      undefined
    ],
    [
      7,
      { tags: 'app:dev', load: 'true' },
      build({ buildx: { driver: 'docker-container' } as BuildResult['buildx'] }),
      'app:dev'
    ],
    [8, { tags: 'app:dev' }, build({ ok: false }), undefined],
    [9, { tags: 'app:dev' }, undefined, undefined]
  ])('case %i', (_n, given, result, expected) => {
    expect(imageToCheck(inputs(given), result)).toBe(expected)
  })
})

describe('mergePlatformFindings', () => {
  const shell: Finding = {
    ruleId: 'SG2001',
    severity: 'warning',
    message: 'ships a shell',
    path: '/bin/sh',
    line: 4
  }
  const root: Finding = { ruleId: 'SG2003', severity: 'warning', message: 'runs as root', line: 1 }
  test('findings on every platform appear once; others name their platform', () => {
    const merged = mergePlatformFindings([
      { platform: 'linux/amd64', findings: [root] },
      { platform: 'linux/arm64', findings: [root, shell] },
      { platform: 'linux/s390x', findings: [shell] }
    ])
    expect(merged).toEqual([root, { ...shell, message: 'ships a shell (on linux/arm64)' }])
  })
  test('one platform: unchanged', () => {
    expect(mergePlatformFindings([{ platform: 'linux/amd64', findings: [shell, root] }])).toEqual([
      shell,
      root
    ])
  })
})

describe('runPipeline in process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-pipeline-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const BAD = 'FROM debian\nRUN apt-get update && apt-get install -y curl\nUSER 1000\n'
  beforeAll(() => {
    mkdirSync(join(dir, 'app'), { recursive: true })
    writeFileSync(join(dir, 'app', 'Dockerfile'), BAD)
    writeFileSync(join(dir, '.stagegate.yml'), 'fail-on: warning\n')
  })

  test('lint only: config from the workspace, findings relative to it, the Lint group, no build', async () => {
    const { deps, log } = recordingPipelineDeps(dir)
    const result = await runPipeline(inputs({ context: 'app', build: 'false', check: 'false' }), deps)
    expect(result.failOn).toBe('warning')
    expect(result.report.dockerfile).toBe('app/Dockerfile')
    expect(result.report.findings.map(f => f.ruleId)).toContain('DL3008')
    expect(result.report.build).toBeUndefined()
    expect(result.model?.stages).toHaveLength(1)
    expect(log.groups).toEqual(['Lint'])
    expect(log.info).toEqual([expect.stringMatching(/^\d+ lint finding\(s\) in app\/Dockerfile$/)])
  })

  test('lint: false still reads the Dockerfile into the model, with no findings', async () => {
    const { deps } = recordingPipelineDeps(dir)
    const result = await runPipeline(
      inputs({ context: 'app', build: 'false', check: 'false', lint: 'false', 'fail-on': 'note' }),
      deps
    )
    expect(result.failOn).toBe('note')
    expect(result.report.findings).toEqual([])
    expect(result.model?.stages[0]?.base).toBe('debian')
  })

  test('a remote context is not linted, and says so', async () => {
    const { deps, log } = recordingPipelineDeps(dir)
    const result = await runPipeline(
      inputs({ context: 'https://github.com/acme/app.git#main', build: 'false', check: 'false' }),
      deps
    )
    expect(result.model).toBeUndefined()
    expect(log.notices).toEqual([expect.stringMatching(/is remote: the Dockerfile was not linted/)])
    expect(result.report.notices).toEqual(log.notices)
  })

  test('build then check: the runner and the log reach runBuild; the pushed digest is checked', async () => {
    const layout = join(dir, 'layout')
    writeOciLayout(
      layout,
      [
        tar([
          { name: 'bin/', typeflag: '5' },
          { name: 'bin/sh', data: '#!/bin/sh\n', mode: 0o755 }
        ])
      ],
      {
        history: [{ created_by: 'RUN apt-get update && apt-get install -y curl # buildkit' }]
      }
    )
    const digest = `sha256:${'d'.repeat(64)}`
    const sources: string[] = []
    const { deps, log } = recordingPipelineDeps(dir)
    const result = await runPipeline(inputs({ context: 'app', tags: 'registry.test/app:1', push: 'true' }), {
      ...deps,
      runBuild: (_inputs, buildDeps) => {
        expect(buildDeps.runner).toBe(deps.runner)
        expect(buildDeps.cwd).toBe(dir)
        buildDeps.log('#1 DONE')
        buildDeps.mask('s3cret')
        return Promise.resolve(builtResult({ digest, imageid: digest, indexFromAttestations: true }))
      },
      readImage: async (source, options) => {
        sources.push(source)
        return deps.readImage(`oci-layout:${layout}`, options)
      }
    })
    expect(sources).toEqual([`registry.test/app@${digest}`])
    expect(log.groups).toEqual(['Lint', 'Build', 'Check the image'])
    expect(log.info).toContain('#1 DONE')
    expect(log.masked).toEqual(['s3cret'])
    expect(log.info.find(line => line.startsWith('read '))).toMatch(/: 1 layers, \d+ files$/)
    expect(result.report.build).toMatchObject({ ok: true, digest, imageid: digest })
    expect(result.report.image).toMatchObject({ digest, indexFromAttestations: true })
    expect(result.report.findings.find(f => f.ruleId === 'SG2001')).toMatchObject({
      path: '/bin/sh',
      line: 2
    })
  })

  test('a failed build: no check, the error in the report', async () => {
    const { deps, log } = recordingPipelineDeps(dir, {
      runBuild: () => Promise.resolve(builtResult({ ok: false, error: 'exit code: 3' })),
      readImage: () => Promise.reject(new Error('must not read'))
    })
    const result = await runPipeline(inputs({ context: 'app', tags: 'app:1' }), deps)
    expect(result.report.build).toMatchObject({ ok: false, error: 'exit code: 3' })
    expect(result.report.image).toBeNull()
    expect(log.groups).toEqual(['Lint', 'Build'])
  })

  test('an image kept only in the builder cache is not checked, with a notice saying how to check it', async () => {
    const { deps, log } = recordingPipelineDeps(dir, {
      runBuild: () =>
        Promise.resolve(builtResult({ buildx: { driver: 'docker-container' } as BuildResult['buildx'] }))
    })
    const result = await runPipeline(inputs({ context: 'app', tags: 'app:1' }), deps)
    expect(log.notices).toEqual([
      expect.stringMatching(/^The image was not checked: .*set load: true or push: true/)
    ])
    expect(result.report.notices).toEqual(log.notices)
  })

  test('a pushed multi-platform image: each platform read from the registry, findings merged', async () => {
    const images: Record<string, ImageIndex> = {
      'linux/amd64': new ImageBuilder().layer('COPY app /app', { '/app': exe('x') }).build(),
      'linux/arm64': new ImageBuilder()
        .layer('COPY app /app', { '/app': exe('x'), '/bin/sh': exe('#!/bin/sh\n') })
        .build()
    }
    const read: string[] = []
    const { deps } = recordingPipelineDeps(dir, {
      runBuild: () =>
        Promise.resolve(
          builtResult({ digest: DIGEST, buildx: { driver: 'docker-container' } as BuildResult['buildx'] })
        ),
      readImage: (source, options) => {
        read.push(`${source} ${options.platform}`)
        return Promise.resolve(images[options.platform ?? ''] as ImageIndex)
      }
    })
    const result = await runPipeline(
      inputs({
        context: 'app',
        tags: 'r.test/app:1',
        push: 'true',
        platforms: 'linux/amd64,linux/arm64',
        lint: 'false'
      }),
      deps
    )
    expect(read).toEqual([
      `registry:r.test/app@${DIGEST} linux/amd64`,
      `registry:r.test/app@${DIGEST} linux/arm64`
    ])
    const shells = result.report.findings.filter(f => f.ruleId === 'SG2001')
    expect(shells).toEqual([
      expect.objectContaining({ path: '/bin/sh', message: expect.stringMatching(/\(on linux\/arm64\)$/) })
    ])
  })

  test('a reader failure names the image; a usage error passes through unchanged', async () => {
    const broken = (error: Error) =>
      recordingPipelineDeps(dir, {
        readImage: () => Promise.reject(error)
      }).deps
    const given = inputs({ context: 'app', build: 'false', image: 'oci-layout:x' })
    await expect(runPipeline(given, broken(new Error('truncated layer')))).rejects.toThrow(
      'reading the image oci-layout:x failed: truncated layer'
    )
    const { UsageError } = await import('../src/errors.js')
    await expect(runPipeline(given, broken(new UsageError('no such layout')))).rejects.toThrow(
      /^no such layout$/
    )
  })
})
