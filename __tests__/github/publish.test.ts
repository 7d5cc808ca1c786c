import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { bundleEntry } from '../support/bundle.js'
import { expect } from '@jest/globals'
import type { BaseReportStore } from '../../src/github/base-report.js'
import { commentSkipReason, planPublish, publishReport } from '../../src/github/publish.js'
import type { PublishInputs } from '../../src/github/publish.js'
import { createRestClient } from '../../src/github/rest.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatJson } from '../../src/report/json.js'
import type { Report } from '../../src/report/report.js'
import type { SarifLog } from '../../src/report/sarif.js'
import { FAILURES, FakeGitHubApi } from '../support/fake-github-api.js'
import { RecordingActionsIO } from '../support/recording-actions-io.js'
import { ensureNode24 } from '../support/node24.js'
import { runAction } from '../support/run-action.js'
import { validateSarif } from '../support/sarif-multitool.js'
import { sampleFindings, sampleImage, sampleModel } from '../report/fixtures.js'

const SECRET = 'hunter2-s3cret-VALUE'
const TOKEN = 'ghs_publish-test-token'

const PR_PAYLOAD = {
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { ref: 'feature', sha: 'f'.repeat(40), repo: { full_name: 'acme/app' } },
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/app' } }
  },
  repository: { full_name: 'acme/app', default_branch: 'main' }
}

function sampleReport(overrides: Partial<Parameters<typeof buildReport>[0]> = {}): Report {
  return buildReport({
    dockerfile: 'Dockerfile',
    model: sampleModel(),
    findings: sampleFindings(),
    image: sampleImage(),
    toolVersion: '0.1.0',
    ...overrides
  })
}

/** The secret leaks into a build error and a notice: publishing must scrub it. */
function leakyReport(): Report {
  return sampleReport({
    notices: [`cache export used token ${SECRET}`],
    build: { ok: true, imageid: 'sha256:1' },
    findings: [
      ...sampleFindings(),
      {
        ruleId: 'SG2005',
        severity: 'warning',
        message: `ENV holds ${SECRET}`,
        line: 8,
        stage: { index: 1, name: 'runtime', final: true }
      }
    ]
  })
}

class MemoryStore implements BaseReportStore {
  readonly saved: { report: Report; branch: string; sha: string }[] = []
  constructor(private readonly base?: Report) {}
  save(report: Report, where: { branch: string; sha: string }) {
    this.saved.push({ report, ...where })
    return Promise.resolve({ saved: true, key: `k-${where.branch}-${where.sha}` })
  }
  restore() {
    return Promise.resolve(this.base ? { report: this.base, key: 'k-main' } : {})
  }
}

let dir: string
let api: FakeGitHubApi
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stagegate-publish-'))
  api = await FakeGitHubApi.start()
})
afterEach(async () => {
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

const INPUTS: PublishInputs = {
  comment: 'auto',
  summary: true,
  'github-annotations': true,
  'report-file': '',
  'sarif-file': '',
  'github-token': TOKEN
}

function prEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const eventPath = path.join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(PR_PAYLOAD))
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: '99',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: path.join(dir, 'tmp'),
    ...extra
  }
}

async function publish(io: RecordingActionsIO, options: Partial<Parameters<typeof publishReport>[0]> = {}) {
  return publishReport({
    io,
    report: leakyReport(),
    failOn: 'error',
    inputs: INPUTS,
    secrets: [SECRET],
    env: prEnv(),
    cwd: dir,
    rest: createRestClient({ token: TOKEN, apiUrl: api.url, writeSpacingMs: 5 }),
    store: new MemoryStore(),
    ...options
  })
}

describe('commentSkipReason', () => {
  const pr = { eventName: 'pull_request', serverUrl: '', owner: 'o', repo: 'r' }
  const pull = { number: 1, baseRef: 'main', isFork: false }
  test.each([
    [{ ...INPUTS, comment: 'never' as const }, { ...pr, pullRequest: pull }, 'comment: never'],
    [INPUTS, pr, 'this run is not for a pull request'],
    [INPUTS, { ...pr, pullRequest: { ...pull, isFork: true } }, expect.stringContaining('fork')],
    [{ ...INPUTS, comment: 'always' as const }, { ...pr, pullRequest: { ...pull, isFork: true } }, undefined],
    [{ ...INPUTS, 'github-token': '' }, { ...pr, pullRequest: pull }, 'no github-token'],
    [INPUTS, { ...pr, pullRequest: pull }, undefined]
  ])('%#', (inputs, context, expected) => {
    expect(commentSkipReason(inputs, context)).toEqual(expected)
  })
})

describe('publishReport (recording IO, fake GitHub API)', () => {
  test('PR run: files, outputs, annotations, summary, comment created then updated; failing verdict', async () => {
    const io = new RecordingActionsIO()
    const first = await publish(io)
    expect(first.verdict.result).toBe('fail')
    expect(io.outputs).toEqual({
      'report-file': first.reportFile,
      'sarif-file': first.sarifFile,
      counts: '{"error":1,"warning":3,"note":1}',
      result: 'fail'
    })
    expect(path.relative(dir, first.reportFile)).toMatch(/^tmp\/stagegate\/report-[0-9a-f]{16}\.json$/)
    expect(path.relative(dir, first.sarifFile)).toMatch(/^tmp\/stagegate\/report-[0-9a-f]{16}\.sarif$/)
    expect((JSON.parse(readFileSync(first.reportFile, 'utf8')) as Report).counts).toEqual({
      error: 1,
      warning: 3,
      note: 1
    })
    expect((JSON.parse(readFileSync(first.sarifFile, 'utf8')) as SarifLog).version).toBe('2.1.0')
    expect(io.at('error')[0]).toMatchObject({
      properties: { file: 'Dockerfile', startLine: 6, title: expect.stringMatching(/^SG2001: /) }
    })
    expect(io.summaries).toHaveLength(1)
    expect(io.summaries[0]).toContain(
      '(https://github.com/acme/app/blob/cccccccccccccccccccccccccccccccccccccccc/Dockerfile#L6)'
    )
    expect(first.comment).toMatchObject({ action: 'created' })
    expect(io.failed).toMatch(
      /^1 finding at or above fail-on error: SG2001 at Dockerfile:6 \(\/app\/id_rsa\)\.$/
    )

    const second = await publish(new RecordingActionsIO())
    expect(second.comment).toMatchObject({ action: 'updated', commentId: first.comment?.commentId })
    const comments = api.comments('acme', 'app', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body.startsWith('<!-- stagegate:CI:image:Dockerfile -->')).toBe(true)
    expect(comments[0]?.body).toContain('[job summary](https://github.com/acme/app/actions/runs/99)')
  })

  test('secrets appear in none of: outputs, messages, summary, comment, report file, SARIF', async () => {
    const io = new RecordingActionsIO()
    const result = await publish(io)
    const everything = [
      JSON.stringify(io.outputs),
      JSON.stringify(io.messages),
      ...io.summaries,
      ...api.comments('acme', 'app', 7).map(c => c.body),
      ...api.requests.map(r => r.body),
      readFileSync(result.reportFile, 'utf8'),
      readFileSync(result.sarifFile, 'utf8')
    ].join('\n')
    expect(everything).toContain('***')
    expect(everything).not.toContain(SECRET)
  })

  test('403 from the API (fork token) → a warning, the step result still comes from the policy', async () => {
    api.failNext(FAILURES.forbidden())
    const io = new RecordingActionsIO()
    const result = await publish(io, { report: sampleReport({ findings: [] }) })
    expect(result.comment?.action).toBe('skipped')
    expect(io.at('warning').map(m => m.message)).toEqual([expect.stringMatching(/HTTP 403.*fork/)])
    expect(io.failed).toBeUndefined()
    expect(io.outputs.result).toBe('pass')
  })

  test('with a base report: the comment says what the PR adds and fixes, and the size delta', async () => {
    const base = sampleReport({
      findings: sampleFindings().slice(0, 2),
      image: { ...sampleImage(), sizeBytes: 6_000_000 }
    })
    const io = new RecordingActionsIO()
    const result = await publish(io, { report: sampleReport(), store: new MemoryStore(base) })
    expect(result.baseReport).toBeDefined()
    const body = api.comments('acme', 'app', 7)[0]?.body ?? ''
    expect(body).toContain('**This PR adds 2 findings**')
    expect(body).toContain('**This PR fixes 0 findings**')
    expect(body).toContain('image 6.4 MB (+400.0 kB vs base)')
  })

  test('push to the default branch saves the report for PRs and posts no comment', async () => {
    const eventPath = path.join(dir, 'push.json')
    writeFileSync(
      eventPath,
      JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main' } })
    )
    const store = new MemoryStore()
    const io = new RecordingActionsIO()
    await publish(io, {
      store,
      env: {
        ...prEnv(),
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main'
      }
    })
    expect(store.saved.map(s => [s.branch, s.sha])).toEqual([['main', 'c'.repeat(40)]])
    expect(JSON.stringify(store.saved[0]?.report)).not.toContain(SECRET)
    expect(api.requests).toHaveLength(0)
  })

  test('summary, annotations and comment can each be turned off; explicit file paths are used', async () => {
    const io = new RecordingActionsIO()
    const result = await publish(io, {
      inputs: {
        ...INPUTS,
        summary: false,
        'github-annotations': false,
        comment: 'never',
        'report-file': 'out/r.json',
        'sarif-file': 'out/r.sarif'
      },
      failOn: 'never'
    })
    expect(io.summaries).toEqual([])
    expect(io.messages.filter(m => m.properties?.file)).toEqual([])
    expect(api.requests).toHaveLength(0)
    expect(result.reportFile).toBe(path.join(dir, 'out/r.json'))
    expect(io.outputs['sarif-file']).toBe(path.join(dir, 'out/r.sarif'))
    expect(io.outputs.result).toBe('pass')
    expect(io.failed).toBeUndefined()
  })

  test('a report file that cannot be written → warning and an empty output, the rest goes on', async () => {
    writeFileSync(path.join(dir, 'blocker'), '')
    const io = new RecordingActionsIO()
    await publish(io, { inputs: { ...INPUTS, 'report-file': 'blocker/r.json' }, failOn: 'never' })
    expect(io.outputs['report-file']).toBe('')
    expect(io.at('warning')[0]?.message).toMatch(/^Could not write the JSON report to .*blocker\/r\.json/)
    expect(io.outputs.result).toBe('pass')
  })

  test('more findings than GitHub shows: overflow notice, and the summary says so', async () => {
    const findings = Array.from({ length: 14 }, (_, i) => ({
      ruleId: 'DL3008',
      severity: 'error' as const,
      message: `m${i}`,
      line: 2
    }))
    const io = new RecordingActionsIO()
    const result = await publish(io, { report: sampleReport({ findings }) })
    expect(result.annotationsOmitted).toBe(4)
    expect(io.at('error').filter(m => m.properties?.file)).toHaveLength(10)
    expect(io.at('notice').map(m => m.message)).toContain(
      '4 more findings are in the job summary and SARIF (GitHub shows 10 error, 10 warning and 10 notice annotations per step).'
    )
    expect(io.summaries[0]).toContain('4 findings are listed here and in the SARIF, not as annotations')
  })
})

describe('publishing as the runner runs an action (Node 24, file commands, fake API)', () => {
  let entry: string
  let out: string
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'stagegate-entry-'))
    entry = path.join(out, 'index.js')
    await bundleEntry(path.resolve('__tests__/support/publish-entry.ts'), entry)
  }, 120000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  test('workflow commands, outputs, summary, comment created then updated, 403 as a warning, valid SARIF, no secret', async () => {
    const node = await ensureNode24()
    const reportPath = path.join(dir, 'report.json')
    writeFileSync(reportPath, formatJson(leakyReport()))
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n')
    const run = () =>
      runAction({
        node,
        script: entry,
        workspace: dir,
        token: TOKEN,
        inputs: { secrets: `tok=${SECRET}`, 'fail-on': 'error' },
        event: { name: 'pull_request', payload: PR_PAYLOAD },
        env: { GITHUB_API_URL: api.url, STAGEGATE_TEST_REPORT: reportPath, GITHUB_REF: 'refs/pull/7/merge' }
      })

    const first = await run()
    try {
      expect(first.code).toBe(1)
      expect(first.commands).toContainEqual({
        command: 'error',
        properties: {
          title: expect.stringMatching(/^SG2001: /),
          file: 'Dockerfile',
          line: '6',
          endLine: '6'
        },
        message: expect.stringContaining('Remove the private key from the image.')
      })
      expect(first.commands.filter(c => c.command === 'add-mask').map(c => c.message)).toEqual([SECRET])
      expect(Object.keys(first.outputs).sort()).toEqual(['counts', 'report-file', 'result', 'sarif-file'])
      expect(first.outputs.result).toBe('fail')
      expect(JSON.parse(first.outputs.counts!)).toEqual({ error: 1, warning: 3, note: 1 })
      expect(first.summary).toContain('## ❌ Stagegate: fail')
      expect(first.summary).toContain('```mermaid\nflowchart LR')
      expect(first.commands.at(-1)).toMatchObject({
        command: 'error',
        message: expect.stringMatching(/^1 finding at or above fail-on error/)
      })
      const diagnostics = await validateSarif(first.outputs['sarif-file']!)
      expect(diagnostics.filter(d => d.level === 'error')).toEqual([])
      expect(api.comments('acme', 'app', 7)).toHaveLength(1)
      expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
      const everything = [
        first.stdout,
        first.stderr,
        first.summary,
        readFileSync(first.outputs['report-file']!, 'utf8'),
        readFileSync(first.outputs['sarif-file']!, 'utf8'),
        ...api.comments('acme', 'app', 7).map(c => c.body)
      ].join('\n')
      // The runner masks what add-mask registered; our own output must not contain it to begin with, apart from the add-mask command itself.
      expect(everything.split(`::add-mask::${SECRET}`).join('')).not.toContain(SECRET)
    } finally {
      first.cleanup()
    }

    const second = await run()
    second.cleanup()
    expect(api.comments('acme', 'app', 7)).toHaveLength(1)
    expect(api.requests.filter(r => r.method === 'PATCH')).toHaveLength(1)

    api.failNext(FAILURES.forbidden())
    const third = await run()
    third.cleanup()
    expect(third.commands).toContainEqual({
      command: 'warning',
      properties: {},
      message: expect.stringMatching(/HTTP 403/)
    })
    expect(third.outputs.result).toBe('fail')
    expect(api.comments('acme', 'app', 7)).toHaveLength(1)
  }, 300000)
})

describe('planPublish (pure: what to produce, from the report, inputs, context and env)', () => {
  const base = {
    report: leakyReport(),
    failOn: 'error' as const,
    inputs: INPUTS,
    env: { GITHUB_WORKSPACE: '/ws' },
    cwd: '/ws',
    tempDir: '/runner/temp',
    secrets: [SECRET]
  }
  const pr = {
    eventName: 'pull_request',
    serverUrl: 'https://github.com',
    owner: 'acme',
    repo: 'app',
    workflow: 'CI',
    job: 'image',
    pullRequest: { number: 7, baseRef: 'main', baseSha: 'b'.repeat(40), isFork: false }
  }
  const push = {
    eventName: 'push',
    serverUrl: 'https://github.com',
    owner: 'acme',
    repo: 'app',
    ref: 'refs/heads/main',
    branch: 'main',
    defaultBranch: 'main',
    sha: 'c'.repeat(40)
  }

  test.each([
    [
      'a PR restores the base report',
      pr,
      INPUTS,
      { action: 'restore', dockerfile: 'Dockerfile', branch: 'main', sha: 'b'.repeat(40) }
    ],
    ['a PR with comment: never fetches nothing', pr, { ...INPUTS, comment: 'never' as const }, undefined],
    [
      'a push to the default branch saves it',
      push,
      INPUTS,
      { action: 'save', branch: 'main', sha: 'c'.repeat(40) }
    ],
    [
      'a push to another branch does neither',
      { ...push, ref: 'refs/heads/x', branch: 'x' },
      INPUTS,
      undefined
    ]
  ])('%s', (_what, context, inputs, step) => {
    expect(planPublish({ ...base, context, inputs }).baseReport).toEqual(step)
  })

  test('files under tempDir by default, redacted; outputs; the comment addressed to the PR', () => {
    const plan = planPublish({ ...base, context: pr })
    expect(plan.files.map(f => [f.output, path.dirname(f.path)])).toEqual([
      ['report-file', '/runner/temp/stagegate'],
      ['sarif-file', '/runner/temp/stagegate']
    ])
    expect(plan.files.map(f => f.text).join('')).not.toContain(SECRET)
    expect(plan.outputs).toEqual([
      ['counts', '{"error":1,"warning":3,"note":1}'],
      ['result', 'fail']
    ])
    expect(plan.comment).toMatchObject({ owner: 'acme', repo: 'app', issueNumber: 7, token: TOKEN })
    expect(plan.comment?.body(null)).toMatch(/^<!-- stagegate:CI:image:Dockerfile -->/)
    expect(plan.summary?.({})).toContain('Stagegate: fail')
    expect(plan.fail).toBe(true)
    expect(planPublish({ ...base, context: pr }, { setFailed: false }).fail).toBe(false)
  })

  test.each([
    [
      'a fork PR with comment: auto',
      { ...pr, pullRequest: { ...pr.pullRequest, isFork: true } },
      'auto',
      /^No PR comment: the pull request comes from a fork/
    ],
    ['comment: always outside a PR', push, 'always', /^No PR comment: this run is not for a pull request\.$/],
    ['comment: auto outside a PR (silent)', push, 'auto', undefined]
  ] as const)('%s', (_what, context, comment, skipped) => {
    const plan = planPublish({ ...base, context, inputs: { ...INPUTS, comment } })
    expect(plan.comment).toBeUndefined()
    // Silent: no reason at all.
    expect(plan.commentSkipped ?? '').toMatch(skipped ?? /^$/)
  })

  test('annotations and summary off; a context warning comes first', () => {
    const plan = planPublish({
      ...base,
      context: { ...push, warning: 'GITHUB_EVENT_PATH could not be read' },
      inputs: { ...INPUTS, 'github-annotations': false, summary: false }
    })
    expect(plan.annotations).toEqual([])
    expect(plan.summary).toBeUndefined()
    expect(plan.warnings).toEqual(['GITHUB_EVENT_PATH could not be read'])
  })
})
