import { expect } from '@jest/globals'
import { createRestClient, GitHubApiError, nextLink } from '../../src/github/rest.js'
import { commentWarning, upsertStickyComment } from '../../src/github/sticky-comment.js'
import { FAILURES, FakeGitHubApi } from '../support/fake-github-api.js'

const TOKEN = 'ghs_fake-token-value-1234567890'
const MARKER = '<!-- stagegate:CI:image:Dockerfile -->'
const OWNER = 'acme'
const REPO = 'app'
const PR = 7

let api: FakeGitHubApi
beforeEach(async () => {
  api = await FakeGitHubApi.start()
})
afterEach(() => api.close())

function client() {
  // Retries as in production (2), with a 5 ms backoff base instead of 1 s, and writes
  // 5 ms apart instead of plugin-throttling's 1 s (the fake API has no secondary rate limit).
  return createRestClient({
    token: TOKEN,
    apiUrl: api.url,
    userAgent: 'stagegate-test/1.0',
    retryBaseMs: 5,
    writeSpacingMs: 5
  })
}

async function upsert(body: string) {
  return upsertStickyComment({
    rest: client(),
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    body
  })
}

describe('nextLink', () => {
  test.each([
    [null, undefined],
    ['', undefined],
    [
      '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"',
      'https://api.github.com/x?page=2'
    ],
    [
      '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"',
      undefined
    ],
    ['<https://a/x?page=3>; rel="last", <https://a/x?page=2>; rel=next', 'https://a/x?page=2']
  ])('%j → %s', (link, expected) => {
    expect(nextLink(link)).toBe(expected)
  })
})

describe('REST client against the fake GitHub API', () => {
  test('sends the token, API version, accept and user agent; JSON bodies', async () => {
    await client().createIssueComment(OWNER, REPO, PR, 'hello')
    const [request] = api.requests
    expect(request).toMatchObject({ method: 'POST', path: `/repos/${OWNER}/${REPO}/issues/${PR}/comments` })
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'x-github-api-version': '2022-11-28',
      accept: 'application/vnd.github+json',
      'user-agent': expect.stringMatching(/^stagegate-test\/1\.0 octokit-core\.js\//),
      'content-type': expect.stringMatching(/^application\/json/)
    })
    expect(JSON.parse(request!.body)).toEqual({ body: 'hello' })
  })

  test('lists every page by following Link headers', async () => {
    api.seed(
      OWNER,
      REPO,
      PR,
      Array.from({ length: 250 }, (_, i) => `comment ${i}`)
    )
    const pages: number[] = []
    for await (const page of client().listIssueComments(OWNER, REPO, PR)) pages.push(page.length)
    expect(pages).toEqual([100, 100, 50])
    expect(api.requests.map(r => r.path)).toEqual([
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=2`,
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=3`
    ])
  })

  test('honours GITHUB_API_URL with a path prefix (GHES style)', async () => {
    const rest = createRestClient({ token: TOKEN, apiUrl: `${api.url}/api/v3/`, writeSpacingMs: 5 })
    await expect(rest.createIssueComment(OWNER, REPO, PR, 'x')).rejects.toMatchObject({
      kind: 'not-found',
      status: 404
    })
    expect(api.requests[0]?.path).toBe(`/api/v3/repos/${OWNER}/${REPO}/issues/${PR}/comments`)
  })

  test('never follows a next link to another origin', async () => {
    const fetched: string[] = []
    const fakeFetch = ((url: string | URL | Request) => {
      fetched.push(url instanceof Request ? url.url : url.toString())
      return Promise.resolve(
        new Response('[]', {
          status: 200,
          headers: {
            link: '<https://evil.example/steal?page=2>; rel="next"',
            'content-type': 'application/json'
          }
        })
      )
    }) as typeof fetch
    const rest = createRestClient({ token: TOKEN, apiUrl: 'https://api.github.com', fetch: fakeFetch })
    for await (const _page of rest.listIssueComments(OWNER, REPO, PR)) {
      // drain
    }
    expect(fetched).toEqual([
      `https://api.github.com/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`
    ])
  })

  test.each([
    ['forbidden', FAILURES.forbidden(), 'forbidden', 403],
    ['not found', FAILURES.notFound(), 'not-found', 404],
    ['rate limited', FAILURES.rateLimited(), 'rate-limited', 429],
    ['secondary rate limit', FAILURES.secondaryRateLimited(), 'rate-limited', 403],
    ['server error', FAILURES.serverError(502), 'server', 502]
  ])('%s → GitHubApiError %s', async (_name, failure, kind, status) => {
    // A server error is retried twice (plugin-retry); it fails only when it persists.
    api.failNext(failure, 3)
    const error = await client()
      .createIssueComment(OWNER, REPO, PR, 'x')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ kind, status })
    expect(String((error as Error).message)).not.toContain(TOKEN)
  })

  test('a passing server error is retried (plugin-retry) and the call succeeds', async () => {
    api.failNext(FAILURES.serverError(502), 2)
    const created = await client().createIssueComment(OWNER, REPO, PR, 'x')
    expect(created.id).toBeGreaterThan(0)
    expect(api.requests.map(r => r.method)).toEqual(['POST', 'POST', 'POST'])
  })

  test('a rate limit is not waited out (plugin-throttling) and not retried', async () => {
    api.failNext(FAILURES.rateLimited(), 3)
    await expect(client().createIssueComment(OWNER, REPO, PR, 'x')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 60
    })
    expect(api.requests).toHaveLength(1)
  })

  test('unreachable API → network error', async () => {
    const url = api.url
    await api.close()
    const rest = createRestClient({
      token: TOKEN,
      apiUrl: url,
      timeoutMs: 2000,
      retryBaseMs: 5,
      writeSpacingMs: 5
    })
    await expect(rest.createIssueComment(OWNER, REPO, PR, 'x')).rejects.toMatchObject({
      kind: 'network',
      status: 0
    })
    api = await FakeGitHubApi.start()
  })
})

describe('upsertStickyComment', () => {
  test('created on the first run, updated in place on the second; never duplicated', async () => {
    api.seed(OWNER, REPO, PR, ['LGTM'])
    const first = await upsert(`${MARKER}\nfirst`)
    expect(first).toMatchObject({ action: 'created' })
    expect(first.warning).toBeUndefined()
    const second = await upsert(`${MARKER}\nsecond`)
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId })
    const ours = api.comments(OWNER, REPO, PR).filter(c => c.body.startsWith(MARKER))
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toBe(`${MARKER}\nsecond`)
    expect(ours[0]?.updated_at).not.toBe(ours[0]?.created_at)
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(2)
    expect(api.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(api.requests.filter(r => r.method === 'PATCH')).toHaveLength(1)
  })

  test('finds its comment on a later page (250 other comments first)', async () => {
    api.seed(
      OWNER,
      REPO,
      PR,
      Array.from({ length: 250 }, (_, i) => `chatter ${i}`)
    )
    const [ours] = api.seed(OWNER, REPO, PR, [`${MARKER}\nold`], true)
    api.seed(OWNER, REPO, PR, ['more chatter'])
    const result = await upsert(`${MARKER}\nnew`)
    expect(result).toMatchObject({ action: 'updated', commentId: ours!.id })
    expect(api.requests.filter(r => r.method === 'GET')).toHaveLength(3)
    expect(api.requests.filter(r => r.method === 'POST')).toHaveLength(0)
    expect(api.comments(OWNER, REPO, PR).filter(c => c.body.startsWith(MARKER))).toHaveLength(1)
  })

  test('a human quoting the marker is not taken for our comment; other markers are left alone', async () => {
    api.seed(OWNER, REPO, PR, [
      `> ${MARKER}\n> quoted`,
      '<!-- stagegate:CI:image:other/Dockerfile -->\nother'
    ])
    const result = await upsert(`${MARKER}\nbody`)
    expect(result.action).toBe('created')
    expect(api.comments(OWNER, REPO, PR).map(c => c.body)).toEqual([
      `> ${MARKER}\n> quoted`,
      '<!-- stagegate:CI:image:other/Dockerfile -->\nother',
      `${MARKER}\nbody`
    ])
  })

  test('a body without the marker gets it prepended (so the next run finds it)', async () => {
    await upsert('no marker here')
    expect(api.comments(OWNER, REPO, PR)[0]?.body).toBe(`${MARKER}\nno marker here`)
  })

  test.each([
    [
      '403 (fork PR, read-only token)',
      FAILURES.forbidden(),
      /token may not write to pull requests \(HTTP 403\).*fork/
    ],
    ['404', FAILURES.notFound(), /HTTP 404/],
    ['429', FAILURES.rateLimited(), /rate limit was hit \(HTTP 429, retry after 60s\)/],
    [
      'secondary rate limit',
      FAILURES.secondaryRateLimited(),
      /rate limit was hit \(HTTP 403, retry after 60s\)/
    ],
    ['500', FAILURES.serverError(), /GitHub answered HTTP 500/],
    ['503', FAILURES.serverError(503), /GitHub answered HTTP 503/]
  ])('%s on listing → skipped with a warning, no throw, nothing written', async (_name, failure, pattern) => {
    api.failNext(failure, 3)
    const result = await upsert(`${MARKER}\nbody`)
    expect(result.action).toBe('skipped')
    expect(result.warning).toMatch(pattern)
    expect(result.warning).not.toContain(TOKEN)
    expect(api.comments(OWNER, REPO, PR)).toHaveLength(0)
  })

  test.each([
    ['POST', [] as string[]],
    ['PATCH', [`${MARKER}\nold`]]
  ] as const)('403 on %s (listing allowed) → warning, comments untouched', async (method, existing) => {
    api.seed(OWNER, REPO, PR, ['hi', ...existing], true)
    api.failNext(FAILURES.forbidden(), 1, method)
    const result = await upsert(`${MARKER}\nnew`)
    expect(result.action).toBe('skipped')
    expect(result.warning).toMatch(/HTTP 403/)
    expect(api.requests.map(r => r.method)).toEqual(['GET', method])
    expect(api.comments(OWNER, REPO, PR).map(c => c.body)).toEqual(['hi', ...existing])
  })

  test('unreachable API → warning', async () => {
    const url = api.url
    await api.close()
    const result = await upsertStickyComment({
      rest: createRestClient({ token: TOKEN, apiUrl: url, timeoutMs: 2000, retryBaseMs: 5 }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      marker: MARKER,
      body: 'x'
    })
    expect(result.action).toBe('skipped')
    expect(result.warning).toMatch(/could not be reached/)
    api = await FakeGitHubApi.start()
  })

  test('401 and non-API errors also become warnings', () => {
    expect(commentWarning(new GitHubApiError('x', 'unauthorized', 401), 3)).toMatch(
      /rejected \(HTTP 401\).*github-token/
    )
    expect(commentWarning(new Error('boom'), 3)).toBe(
      'Stagegate could not write its comment on pull request #3: boom. The job summary has the full report.'
    )
  })
})
