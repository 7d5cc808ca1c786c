import { isDefaultBranchPush, readRunContext, runUrl } from '../../src/github/event.js'

const PR_PAYLOAD = {
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { ref: 'feature', sha: 'h'.repeat(40), repo: { full_name: 'acme/app' } },
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/app' } }
  },
  repository: { full_name: 'acme/app', default_branch: 'main' }
}

function context(env: Record<string, string>, payload?: unknown) {
  const files: Record<string, Buffer> = {}
  if (payload !== undefined) {
    files['/event.json'] = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload))
    env.GITHUB_EVENT_PATH = '/event.json'
  }
  return readRunContext(env, path => {
    const file = files[path]
    if (!file) throw new Error(`ENOENT: no such file or directory, open '${path}'`)
    return file
  })
}

const BASE_ENV = {
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'image',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.com'
}

describe('readRunContext', () => {
  test('pull_request from the same repository', () => {
    const ctx = context(
      { ...BASE_ENV, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
      PR_PAYLOAD
    )
    expect(ctx).toMatchObject({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'app',
      workflow: 'CI',
      job: 'image'
    })
    expect(ctx.pullRequest).toEqual({
      number: 7,
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headRef: 'feature',
      headSha: 'h'.repeat(40),
      headRepo: 'acme/app',
      baseRepo: 'acme/app',
      isFork: false
    })
    expect(ctx.branch).toBeUndefined()
    expect(ctx.warning).toBeUndefined()
  })

  test.each([
    ['another repository', { full_name: 'forker/app' }, true],
    ['same repository, other case', { full_name: 'ACME/App' }, false],
    ['deleted fork (repo null)', null, true]
  ])('fork detection: head in %s → isFork %s', (_name, headRepo, isFork) => {
    const payload = structuredClone(PR_PAYLOAD) as { pull_request: { head: { repo: unknown } } }
    payload.pull_request.head.repo = headRepo
    expect(context({ ...BASE_ENV, GITHUB_EVENT_NAME: 'pull_request' }, payload).pullRequest?.isFork).toBe(
      isFork
    )
  })

  test('pull_request_target counts as a PR event', () => {
    expect(
      context({ ...BASE_ENV, GITHUB_EVENT_NAME: 'pull_request_target' }, PR_PAYLOAD).pullRequest?.number
    ).toBe(7)
  })

  test('push to the default branch', () => {
    const ctx = context(
      { ...BASE_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
      {
        ref: 'refs/heads/main',
        repository: { default_branch: 'main' }
      }
    )
    expect(ctx).toMatchObject({ branch: 'main', defaultBranch: 'main' })
    expect(ctx.pullRequest).toBeUndefined()
    expect(isDefaultBranchPush(ctx)).toBe(true)
  })

  test.each([
    ['push to another branch', 'push', 'refs/heads/dev', false],
    ['tag push', 'push', 'refs/tags/v1', false],
    ['pull request', 'pull_request', 'refs/pull/7/merge', false]
  ])('isDefaultBranchPush: %s → %s', (_name, eventName, ref, expected) => {
    const ctx = context(
      { ...BASE_ENV, GITHUB_EVENT_NAME: eventName, GITHUB_REF: ref },
      { repository: { default_branch: 'main' } }
    )
    expect(isDefaultBranchPush(ctx)).toBe(expected)
  })

  test.each([
    ['missing file', undefined, /ENOENT/],
    ['invalid JSON', Buffer.from('{not json'), /Could not read the event payload/],
    ['JSON array', Buffer.from('[1,2]'), /not a JSON object/],
    ['PR without number', { pull_request: { base: { ref: 'main' } } }, /no usable pull_request/],
    [
      'PR with a string number',
      { pull_request: { number: '7', base: { ref: 'main' } } },
      /no usable pull_request/
    ]
  ])('%s → a warning, no throw', (_name, payload, pattern) => {
    const env: Record<string, string> = { ...BASE_ENV, GITHUB_EVENT_NAME: 'pull_request' }
    if (payload === undefined) env.GITHUB_EVENT_PATH = '/missing.json'
    const ctx = context(env, payload)
    expect(ctx.warning).toMatch(pattern)
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.owner).toBe('acme')
  })

  test('no environment at all (CLI or local run)', () => {
    const ctx = readRunContext({}, () => {
      throw new Error('must not read')
    })
    expect(ctx).toEqual({ eventName: '', serverUrl: 'https://github.com' })
    expect(runUrl(ctx)).toBeUndefined()
  })

  test('runUrl on GHES', () => {
    const ctx = context({ ...BASE_ENV, GITHUB_SERVER_URL: 'https://ghe.example/' })
    expect(runUrl(ctx)).toBe('https://ghe.example/acme/app/actions/runs/42')
  })
})
