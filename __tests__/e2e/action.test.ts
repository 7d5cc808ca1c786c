// The action as the Actions runner executes it: the source bundled by
// scripts/bundle.mjs into a temp dir (never the committed dist/) on Node 24, configured only through INPUT_* and GITHUB_* variables, with a
// real pull_request payload, the real engine and registry, and a local HTTP
// server that answers as GitHub's REST API does and records every request.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../../src/report/report.js'
import { bundleSources, type Bundles } from '../support/bundle.js'
import { FakeGitHubApi, FAILURES } from '../support/fake-github-api.js'
import { ensureNode24 } from '../support/node24.js'
import { validateSarif } from '../support/sarif-multitool.js'
import { describeE2E, FIXTURES, PUSH_REGISTRY as REGISTRY } from './engine.js'

const OWNER = 'acme'
const REPO = 'app'
const PR = 42
const SECRET = `pr-secret-${Date.now()}-${Math.random().toString(36).slice(2)}`
const TOKEN = `ghs_${'x'.repeat(36)}`

interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks as the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (!match) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i] as string)
    outputs[match[1] as string] = value.join('\n')
  }
  return outputs
}

describeE2E('the action, run as the Actions runner runs it', () => {
  let node24 = ''
  let bundles: Bundles
  let api: FakeGitHubApi
  const root = mkdtempSync(join(tmpdir(), 'stagegate-action-e2e-'))
  const workspace = join(root, 'workspace')
  // One tag per test, pushed once to the run's own registry (global-setup.ts
  // says why), and read only after its push finished.
  const stamp = Date.now()
  const tagFor = (label: string): string => `${REGISTRY}/stagegate-e2e/action:${label}-${stamp}`

  beforeAll(async () => {
    node24 = await ensureNode24()
    bundles = await bundleSources()
    api = await FakeGitHubApi.start()
    rmSync(workspace, { recursive: true, force: true })
    mkdirSync(workspace, { recursive: true })
    // A two-stage build that reads a secret and ships without a USER: the
    // final stage runs as root (SG1008 lint warning, SG2003 image finding).
    writeFileSync(
      join(workspace, 'Dockerfile'),
      [
        `FROM ${FIXTURES.busybox} AS build`,
        'WORKDIR /out',
        // The app: a static binary (busybox), so the image would start (no SG2040–SG2043).
        'RUN --mount=type=secret,id=token test -s /run/secrets/token && cp /bin/busybox /out/app',
        '',
        'FROM scratch',
        'COPY --from=build /out/app /app',
        'ENTRYPOINT ["/app"]',
        ''
      ].join('\n')
    )
    writeFileSync(join(workspace, '.dockerignore'), '.git\n.env\n*.pem\n')
    writeFileSync(
      join(root, 'event.json'),
      JSON.stringify({
        action: 'synchronize',
        number: PR,
        pull_request: {
          number: PR,
          state: 'open',
          title: 'Add the app image',
          head: { ref: 'feature', sha: 'b'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } },
          base: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } }
        },
        repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' }
      })
    )
  }, 600000)

  afterAll(async () => {
    await api?.close()
    bundles?.remove()
    rmSync(root, { recursive: true, force: true })
  })

  async function runAction(inputs: Record<string, string>, label: string): Promise<ActionRun> {
    const runDir = join(root, label)
    mkdirSync(join(runDir, 'tmp'), { recursive: true })
    const outputFile = join(runDir, 'output')
    const summaryFile = join(runDir, 'summary')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(root, 'event.json'),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_REPOSITORY_OWNER: OWNER,
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REF: `refs/pull/${PR}/merge`,
      GITHUB_WORKFLOW: 'image',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: '1234',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: api.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: join(runDir, 'tmp'),
      RUNNER_OS: 'Linux'
    }
    const all: Record<string, string> = {
      context: '.',
      tags: tagFor(label),
      push: 'true',
      sbom: `generator=${FIXTURES.sbomGenerator}`,
      provenance: 'mode=max',
      secrets: `token=${SECRET}`,
      'github-token': TOKEN,
      'fail-on': 'error',
      ...inputs
    }
    for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value
    const child = spawn(node24, [bundles.action], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const code = await new Promise<number | null>(done => child.on('close', done))
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8')
    }
  }

  const runs: ActionRun[] = []

  test('first run: annotations, every output, the summary, one comment created, a valid SARIF', async () => {
    const run = await runAction({}, 'first')
    runs.push(run)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // Annotations carry the Dockerfile path relative to the workspace and the line.
    expect(run.stdout).toMatch(/^::warning title=SG1008[^,]*,file=Dockerfile,line=5,endLine=5::/m)
    // The image confirms SG1008 (SG2003): one annotation that says so.
    expect(run.stdout).toMatch(/^::warning title=SG1008[^\n]*Also: confirmed in the image; also SG2003/m)
    expect(run.stdout).toContain('::group::Build')

    const { outputs } = run
    expect(outputs.result).toBe('pass')
    expect(outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const registryDigest = (
      await fetch(
        `http://${REGISTRY}/v2/stagegate-e2e/action/manifests/${tagFor('first').split(':').at(-1)}`,
        {
          method: 'HEAD',
          headers: { Accept: 'application/vnd.oci.image.index.v1+json' }
        }
      )
    ).headers.get('docker-content-digest')
    expect(outputs.digest).toBe(registryDigest)
    const metadata = JSON.parse(outputs.metadata ?? '{}') as { 'containerimage.digest'?: string }
    expect(metadata['containerimage.digest']).toBe(outputs.digest)
    const counts = JSON.parse(outputs.counts ?? '{}') as Record<string, number>
    expect(counts.error).toBe(0)
    expect(counts.warning).toBeGreaterThanOrEqual(2)

    const report = JSON.parse(readFileSync(outputs['report-file'] as string, 'utf8')) as Report
    expect(report.version).toBe(1)
    expect(report.dockerfile).toBe('Dockerfile')
    expect(report.image?.attestations).toEqual({ sbom: true, provenance: true })
    expect(report.counts).toEqual(counts)
    const diagnostics = await validateSarif(outputs['sarif-file'] as string)
    // Notes are style advice (message ids, versionControlProvenance); errors and warnings break consumers.
    expect(diagnostics.filter(d => d.level !== 'note')).toEqual([])

    for (const section of [
      'Stagegate: pass',
      '### Stages',
      '### Stage graph',
      '```mermaid',
      '### Findings',
      '### Image'
    ]) {
      expect(run.summary).toContain(section)
    }
    expect(run.summary).toContain('https://github.com/acme/app/blob/')

    const posts = api.requests.filter(r => r.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]?.path).toBe(`/repos/${OWNER}/${REPO}/issues/${PR}/comments`)
    expect(posts[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(1)
  }, 600000)

  test('second run: the same comment is updated in place, never duplicated', async () => {
    const before = api.comments(OWNER, REPO, PR)
    expect(before).toHaveLength(1)
    const run = await runAction({}, 'second')
    runs.push(run)
    expect(run.code).toBe(0)
    const after = api.comments(OWNER, REPO, PR)
    expect(after).toHaveLength(1)
    expect(after[0]?.id).toBe(before[0]?.id)
    expect(api.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(
      api.requests.filter(r => r.method === 'PATCH' && r.path.endsWith(`/comments/${before[0]?.id}`))
    ).toHaveLength(1)
  }, 600000)

  test('a 403 from the API is a warning, not a failure', async () => {
    api.failNext(FAILURES.forbidden(), 5)
    const run = await runAction({}, 'forbidden')
    runs.push(run)
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.stdout).toMatch(/^::warning::.*could not write its comment.*HTTP 403/m)
  }, 600000)

  test('findings at the fail-on level fail the step with which and where; below it passes', async () => {
    const run = await runAction({ 'fail-on': 'warning' }, 'fail-on-warning')
    runs.push(run)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(
      /^::error::\d+ findings? at or above fail-on warning: .*SG1008 at Dockerfile:5/m
    )
    expect(run.outputs['report-file']).toBeTruthy()
  }, 600000)

  test('no secret given to the step appears in stdout, the summary, the comment, the SARIF or the report', () => {
    expect(runs.length).toBeGreaterThanOrEqual(4)
    for (const run of runs) {
      // `::add-mask::VALUE` is the command that asks the runner to mask VALUE;
      // the runner consumes it and never shows it in the log.
      const logged = run.stdout
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      for (const text of [
        logged,
        run.stderr,
        run.summary,
        readFileSync(run.outputs['report-file'] as string, 'utf8'),
        readFileSync(run.outputs['sarif-file'] as string, 'utf8')
      ]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(TOKEN)
      }
    }
    for (const request of api.requests) expect(request.body).not.toContain(SECRET)
    for (const comment of api.comments(OWNER, REPO, PR)) expect(comment.body).not.toContain(SECRET)
  })
})
