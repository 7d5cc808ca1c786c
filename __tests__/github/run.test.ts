// The action's run() (src/main.ts) in process: inputs from a recording
// ActionsIO, the real pipeline on a workspace the test writes, the real
// publisher against a local server that answers as GitHub's REST API does,
// and an in-memory base-report store. A build result stands in for buildx
// (the build itself is tested e2e).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BaseReportStore } from '../../src/github/base-report.js'
import { createRestClient } from '../../src/github/rest.js'
import { parseInputs } from '../../src/inputs.js'
import { lintFile } from '../../src/lint/lint-file.js'
import { run, secretValues } from '../../src/main.js'
import type { PipelineDeps } from '../../src/pipeline.js'
import type { Report } from '../../src/report/report.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { builtResult } from '../support/pipeline-deps.js'
import { RecordingActionsIO } from '../support/recording-actions-io.js'

const TOKEN = 'ghs_run-test-token'
const SECRET = 'run-test-s3cret-value'
const DIGEST = `sha256:${'e'.repeat(64)}`

let root: string
let workspace: string
let api: FakeGitHubApi
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'stagegate-run-'))
  workspace = join(root, 'workspace')
  mkdirSync(join(root, 'temp'), { recursive: true })
  mkdirSync(workspace, { recursive: true })
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM debian\nRUN apt-get update && apt-get install -y curl\n')
  api = await FakeGitHubApi.start()
})
afterEach(async () => {
  await api.close()
  rmSync(root, { recursive: true, force: true })
})

function prEnv(): NodeJS.ProcessEnv {
  const eventPath = join(root, 'event.json')
  writeFileSync(
    eventPath,
    JSON.stringify({
      number: 3,
      pull_request: {
        number: 3,
        head: { ref: 'feature', sha: 'f'.repeat(40), repo: { full_name: 'acme/app' } },
        base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/app' } }
      },
      repository: { full_name: 'acme/app', default_branch: 'main' }
    })
  )
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: '7',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: api.url,
    RUNNER_TEMP: join(root, 'temp'),
    GITHUB_TOKEN: TOKEN,
    DEPLOY_KEY: 'env-held-secret'
  }
}

const noStore: BaseReportStore = {
  save: (_report, where) => Promise.resolve({ saved: false, key: where.branch, skipped: 'test' }),
  restore: () => Promise.resolve({})
}

async function runAction(inputs: Record<string, string>, pipeline: Partial<PipelineDeps> = {}) {
  const io = new RecordingActionsIO(inputs)
  await run(io, prEnv(), {
    cwd: workspace,
    pipeline,
    publish: { rest: createRestClient({ token: TOKEN, apiUrl: api.url, writeSpacingMs: 5 }), store: noStore }
  })
  return io
}

describe('run()', () => {
  test('lint only on a PR: outputs, annotations, summary, one comment, the token masked, the verdict', async () => {
    const io = await runAction({
      build: 'false',
      check: 'false',
      'fail-on': 'warning',
      secrets: `tok=${SECRET}`
    })
    expect(io.secrets).toEqual([TOKEN])
    expect(io.groups).toEqual(['Lint'])
    expect(io.outputs).toMatchObject({ imageid: '', digest: '', metadata: '', result: 'fail' })
    const report = JSON.parse(readFileSync(io.outputs['report-file'] as string, 'utf8')) as Report
    expect(report.dockerfile).toBe('Dockerfile')
    expect(report.findings.map(f => f.ruleId)).toContain('DL3008')
    expect(io.at('warning').find(m => m.properties?.title?.startsWith('DL3008'))).toMatchObject({
      properties: { file: 'Dockerfile', startLine: 2 }
    })
    expect(io.summaries).toHaveLength(1)
    expect(api.comments('acme', 'app', 3)).toHaveLength(1)
    expect(io.failed).toMatch(/^\d+ findings? at or above fail-on warning: /)
  })

  test('build outputs are set from the build result; the image is checked and the step passes', async () => {
    const io = await runAction(
      { tags: 'app:1', load: 'true', 'fail-on': 'error', comment: 'never', summary: 'false' },
      {
        runBuild: (_inputs, deps) => {
          deps.notice('cache export dropped')
          deps.mask('registry-password')
          return Promise.resolve(
            builtResult({ imageid: DIGEST, digest: DIGEST, metadata: '{"containerimage.digest":"x"}' })
          )
        },
        readImage: async () => {
          const { ImageBuilder, exe } = await import('../checks/support/image-builder.js')
          return new ImageBuilder().layer('COPY app /app', { '/app': exe('x') }).build()
        }
      }
    )
    expect(io.groups).toEqual(['Lint', 'Build', 'Check the image'])
    expect(io.at('notice')[0]).toEqual({ level: 'notice', message: 'cache export dropped' })
    expect(io.secrets).toEqual([TOKEN, 'registry-password'])
    expect(io.outputs).toMatchObject({
      imageid: DIGEST,
      digest: DIGEST,
      metadata: '{"containerimage.digest":"x"}',
      result: 'pass'
    })
    expect(io.failed).toBeUndefined()
    expect(io.summaries).toEqual([])
    expect(api.requests).toEqual([])
  })

  test('after the build: the signing outputs are set, the report carries the signing, and a failed sign fails the step', async () => {
    const seen: { push: boolean; digest: string | undefined }[] = []
    const io = await runAction(
      { tags: 'app:1', push: 'true', sign: 'true', 'fail-on': 'never', comment: 'never', summary: 'false' },
      {
        runBuild: () => Promise.resolve(builtResult({ imageid: DIGEST, digest: DIGEST })),
        readImage: async () => {
          const { ImageBuilder, exe } = await import('../checks/support/image-builder.js')
          return new ImageBuilder().layer('COPY app /app', { '/app': exe('x') }).build()
        },
        afterBuild: (inputs, result, afterIo) => {
          seen.push({ push: inputs.push, digest: result.build?.digest })
          afterIo.info('signing app:1')
          result.report.signing = { signed: false, level: 'error', message: 'Fulcio refused the token' }
          return Promise.resolve({
            outputs: { 'attestation-id': '', 'attestation-url': '', signature: 'sig-of-app' },
            error: 'sign: true could not sign app:1: Fulcio refused the token'
          })
        }
      }
    )
    expect(seen).toEqual([{ push: true, digest: DIGEST }])
    expect(io.outputs.signature).toBe('sig-of-app')
    expect(io.outputs.result).toBe('fail')
    expect(io.failed).toBe('sign: true could not sign app:1: Fulcio refused the token')
    const report = JSON.parse(readFileSync(io.outputs['report-file'] as string, 'utf8')) as Report
    expect(report.signing).toMatchObject({
      signed: false,
      level: 'error',
      message: 'Fulcio refused the token'
    })
  })

  test('a secret that reaches the report (here through the build error) is redacted from every output', async () => {
    const io = await runAction(
      { check: 'false', secrets: `tok=${SECRET}`, 'secret-envs': 'key=DEPLOY_KEY' },
      {
        runBuild: () =>
          Promise.resolve(
            builtResult({ ok: false, error: `ERROR: auth ${SECRET} / env-held-secret rejected` })
          )
      }
    )
    expect(io.outputs.result).toBe('fail')
    const everything = [
      JSON.stringify(io.messages),
      JSON.stringify(io.outputs),
      ...io.summaries,
      readFileSync(io.outputs['report-file'] as string, 'utf8'),
      readFileSync(io.outputs['sarif-file'] as string, 'utf8'),
      ...api.requests.map(r => r.body)
    ].join('\n')
    expect(everything).toContain('ERROR: auth *** / *** rejected')
    expect(everything).not.toContain(SECRET)
    expect(everything).not.toContain('env-held-secret')
  })

  test('a usage error: one line in setFailed, result fail, no stack in the debug log', async () => {
    const io = await runAction({ 'fail-on': 'sometimes' })
    expect(io.failed).toMatch(/fail-on/)
    expect(io.failed?.split('\n')).toHaveLength(1)
    expect(io.outputs).toEqual({ result: 'fail' })
    expect(io.at('debug')).toEqual([])
  })

  test("a BUILDKIT_DOCKERFILE_CHECK build arg reaches the lint step, which BuildKit's builds would apply", async () => {
    const seen: (string | undefined)[] = []
    await runAction(
      {
        build: 'false',
        check: 'false',
        'fail-on': 'never',
        'build-args': 'A=1\nBUILDKIT_DOCKERFILE_CHECK=skip=all'
      },
      {
        lintFile: (path, options) => {
          seen.push(options.checkDirective)
          return lintFile(path, options)
        }
      }
    )
    expect(seen).toEqual(['skip=all'])
  })

  test('an internal error: its message in setFailed, the stack only in the debug log, result fail', async () => {
    const io = await runAction(
      { build: 'false', check: 'false' },
      {
        lintFile: () => Promise.reject(new Error('linter exploded'))
      }
    )
    expect(io.failed).toBe('linter exploded')
    expect(io.outputs.result).toBe('fail')
    expect(io.at('debug')[0]?.message).toMatch(/^Error: linter exploded\n\s+at /)
  })

  test('an error while publishing keeps the result output the publisher set', async () => {
    const io = new RecordingActionsIO({
      build: 'false',
      check: 'false',
      comment: 'never',
      'fail-on': 'never'
    })
    const failing: BaseReportStore = {
      save: () => Promise.reject(new Error('cache service down')),
      restore: () => Promise.resolve({})
    }
    const env: NodeJS.ProcessEnv = { ...prEnv(), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }
    writeFileSync(
      env.GITHUB_EVENT_PATH as string,
      JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main' } })
    )
    await run(io, env, { cwd: workspace, publish: { store: failing } })
    expect(io.failed).toBe('cache service down')
    expect(io.outputs.result).toBe('pass')
  })
})

describe('secretValues', () => {
  test.each([
    [{ secrets: 'a=one\nb=two' }, {}, '', ['one', 'two']],
    [{ 'secret-envs': 'key=DEPLOY_KEY\nnone=UNSET' }, { DEPLOY_KEY: 'from-env' }, '', ['from-env']],
    [{}, {}, 'ghs_t', ['ghs_t']],
    [{ secrets: 'a=one' }, {}, 'ghs_t', ['one', 'ghs_t']]
  ])('%j with env %j and token %j → %j', (given, env, token, expected) => {
    const inputs = parseInputs(name => (given as Record<string, string>)[name] ?? '')
    expect(secretValues(inputs, env, token)).toEqual(expected)
  })
})
