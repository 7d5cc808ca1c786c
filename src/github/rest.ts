// The GitHub REST client for the three calls the sticky comment needs, on
// @actions/github's Octokit (its proxy-aware fetch: HTTPS_PROXY, HTTP_PROXY,
// NO_PROXY as in every other action) with @octokit/plugin-retry (server
// errors and dropped connections retried with backoff) and
// @octokit/plugin-throttling (GitHub's rate limits respected; a limit that
// would make the step wait is reported instead). It honours GITHUB_API_URL
// (GHES, and the tests' local fake), follows Link pagination only within that
// API's origin (the token never goes elsewhere), and turns every failure
// into a GitHubApiError that says what kind of failure it was, never with
// the token in it. `RestClient` stays the small interface tests swap.
import { GitHub, getUserAgentWithOrchestrationId } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

export interface IssueComment {
  id: number
  body?: string
  html_url?: string
  user?: { login: string; type?: string } | null
}

export type ApiErrorKind =
  'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'other'

export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError'
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    /** HTTP status; 0 for network errors and timeouts. */
    readonly status: number,
    readonly retryAfterSeconds?: number
  ) {
    super(message)
  }
}

export interface RestClient {
  /** Every comment on the issue/PR, one page at a time (oldest first). */
  listIssueComments(owner: string, repo: string, issueNumber: number): AsyncGenerator<IssueComment[]>
  createIssueComment(owner: string, repo: string, issueNumber: number, body: string): Promise<IssueComment>
  updateIssueComment(owner: string, repo: string, commentId: number, body: string): Promise<IssueComment>
}

export interface RestOptions {
  token: string
  /** Default: GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string
  userAgent?: string
  /** Replaces the proxy-aware fetch (tests). */
  fetch?: typeof fetch
  timeoutMs?: number
  /** Stop following pages after this many (100 comments each). */
  maxPages?: number
  /** Retries of a server error or a dropped connection (default 2), and the backoff base (default 1000 ms: 1 s, 4 s). */
  retries?: number
  retryBaseMs?: number
  /**
   * Least time between two writes (POST, PATCH) of this client. Default:
   * plugin-throttling's, shared by every client in the process (GitHub's
   * advice against secondary rate limits): 1 s a write, 3 s a write that
   * notifies (a new issue comment does). Tests that write to a local fake
   * API set a few ms instead of waiting seconds a write.
   */
  writeSpacingMs?: number
}

export const API_VERSION = '2022-11-28'
export const DEFAULT_API_URL = 'https://api.github.com'

export function apiUrlFromEnv(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL?.trim() || DEFAULT_API_URL
}

/** The `rel="next"` target of a Link header. */
export function nextLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim())
    if (match && match[2]?.split(/\s+/).includes('next')) return match[1]
  }
  return undefined
}

type Headers = Record<string, string | number | undefined>

function classify(
  status: number,
  message: string,
  headers: Headers
): { kind: ApiErrorKind; retryAfter?: number } {
  const retryHeader = headers['retry-after']
  const retryAfter =
    retryHeader !== undefined && /^\d+$/.test(String(retryHeader)) ? Number(retryHeader) : undefined
  const exhausted = String(headers['x-ratelimit-remaining']) === '0'
  if (status === 429 || (status === 403 && (exhausted || /rate limit/i.test(message)))) {
    return { kind: 'rate-limited', ...(retryAfter !== undefined ? { retryAfter } : {}) }
  }
  if (status === 401) return { kind: 'unauthorized' }
  if (status === 403) return { kind: 'forbidden' }
  if (status === 404) return { kind: 'not-found' }
  if (status >= 500) return { kind: 'server' }
  return { kind: 'other' }
}

interface OctokitFailure {
  name?: string
  message?: string
  status?: number
  response?: { status: number; headers: Headers; data?: unknown }
  cause?: { code?: unknown; message?: unknown; cause?: { code?: unknown } }
}

/** Any Octokit failure → a GitHubApiError that names the call, never the token. */
export function toApiError(what: string, error: unknown, token: string): GitHubApiError {
  const failure = (error ?? {}) as OctokitFailure
  const scrub = (text: string): string => (token === '' ? text : text.split(token).join('***'))
  if (failure.response) {
    const data = failure.response.data as { message?: unknown } | string | undefined
    const message = (
      typeof data === 'string' ? data : typeof data?.message === 'string' ? data.message : ''
    ).slice(0, 300)
    const { kind, retryAfter } = classify(failure.response.status, message, failure.response.headers)
    return new GitHubApiError(
      scrub(`${what}: HTTP ${failure.response.status}${message ? ` ${message}` : ''}`),
      kind,
      failure.response.status,
      retryAfter
    )
  }
  const code = failure.cause?.code ?? failure.cause?.cause?.code
  const reason =
    failure.name === 'AbortError' || failure.name === 'TimeoutError'
      ? 'timed out'
      : `${failure.message ?? String(error)}${typeof code === 'string' ? ` (${code})` : ''}`
  return new GitHubApiError(scrub(`${what}: ${reason}`), 'network', 0)
}

const RetryingOctokit = GitHub.plugin(retry, throttling)

/** plugin-throttling's write and notification limits (one at a time), `ms` apart, for this client only. */
function spacedWrites(ms: number): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  const group = (id: string): Bottleneck.Group =>
    new Bottleneck.Group({ id: `stagegate-${id}`, maxConcurrent: 1, minTime: ms })
  return { write: group('write'), notifications: group('notifications') }
}

export function createRestClient(options: RestOptions): RestClient {
  const apiUrl = (options.apiUrl ?? apiUrlFromEnv(process.env)).replace(/\/+$/, '')
  const origin = new URL(apiUrl).origin
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxPages = options.maxPages ?? 100
  // No Octokit auth strategy: it would write `token …`; the hook below sends GitHub's documented Bearer form.
  const octokit = new RetryingOctokit({
    baseUrl: apiUrl,
    userAgent: getUserAgentWithOrchestrationId(options.userAgent ?? 'stagegate') ?? 'stagegate',
    // Only for tests: a shallow `request` would replace @actions/github's proxy-aware fetch.
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
    retry: {
      retries: options.retries ?? 2,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      // Rate limits belong to the throttling plugin; the other 4xx are answers, not accidents.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      // Waiting out a rate limit could hold the job for an hour: report it, the next run updates the comment.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
      ...(options.writeSpacingMs !== undefined ? spacedWrites(options.writeSpacingMs) : {})
    }
  })
  octokit.hook.before('request', request => {
    request.headers['x-github-api-version'] = API_VERSION
    request.headers.accept = 'application/vnd.github+json'
    request.headers.authorization = `Bearer ${options.token}`
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) }
  })

  async function call<T>(
    what: string,
    run: () => Promise<{ data: unknown; headers: Headers }>
  ): Promise<{ data: T; headers: Headers }> {
    try {
      const response = await run()
      return response as { data: T; headers: Headers }
    } catch (error) {
      throw toApiError(what, error, options.token)
    }
  }

  const path = (owner: string, repo: string): string =>
    `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`

  return {
    async *listIssueComments(owner, repo, issueNumber) {
      let url: string | undefined =
        `${apiUrl}${path(owner, repo)}/issues/${issueNumber}/comments?per_page=100`
      for (let page = 0; url !== undefined && page < maxPages; page++) {
        const target: string = url
        const response = await call<IssueComment[]>(`GET ${new URL(target).pathname}`, () =>
          octokit.request({ method: 'GET', url: target })
        )
        if (!Array.isArray(response.data))
          throw new GitHubApiError('comment listing is not an array', 'other', 200)
        yield response.data
        const next = nextLink(response.headers.link as string | undefined)
        url =
          next !== undefined && new URL(next, apiUrl).origin === origin
            ? new URL(next, apiUrl).toString()
            : undefined
      }
    },
    async createIssueComment(owner, repo, issueNumber, body) {
      const what = `POST ${new URL(apiUrl).pathname.replace(/\/$/, '')}${path(owner, repo)}/issues/${issueNumber}/comments`
      const response = await call<IssueComment>(what, () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: issueNumber,
          body
        })
      )
      return response.data
    },
    async updateIssueComment(owner, repo, commentId, body) {
      const what = `PATCH ${new URL(apiUrl).pathname.replace(/\/$/, '')}${path(owner, repo)}/issues/comments/${commentId}`
      const response = await call<IssueComment>(what, () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner,
          repo,
          comment_id: commentId,
          body
        })
      )
      return response.data
    }
  }
}
