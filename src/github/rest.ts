// A minimal GitHub REST client on fetch, for the three calls the sticky
// comment needs. It honours GITHUB_API_URL (GHES, and the tests' local fake),
// follows Link pagination only within that API's origin (the token never goes
// elsewhere), and turns every failure into a GitHubApiError that says what
// kind of failure it was. It never puts the token in an error.

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
  fetch?: typeof fetch
  timeoutMs?: number
  /** Stop following pages after this many (100 comments each). */
  maxPages?: number
}

export const API_VERSION = '2022-11-28'
export const DEFAULT_API_URL = 'https://api.github.com'

export function apiUrlFromEnv(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL?.trim() || DEFAULT_API_URL
}

/** The `rel="next"` target of a Link header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim())
    if (match && match[2]?.split(/\s+/).includes('next')) return match[1]
  }
  return undefined
}

function classify(
  status: number,
  message: string,
  headers: Headers
): { kind: ApiErrorKind; retryAfter?: number } {
  const retryHeader = headers.get('retry-after')
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined
  const exhausted = headers.get('x-ratelimit-remaining') === '0'
  if (status === 429 || (status === 403 && (exhausted || /rate limit/i.test(message)))) {
    return { kind: 'rate-limited', ...(retryAfter !== undefined ? { retryAfter } : {}) }
  }
  if (status === 401) return { kind: 'unauthorized' }
  if (status === 403) return { kind: 'forbidden' }
  if (status === 404) return { kind: 'not-found' }
  if (status >= 500) return { kind: 'server' }
  return { kind: 'other' }
}

async function apiMessage(response: Response): Promise<string> {
  try {
    const text = await response.text()
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300)
    return text.slice(0, 300)
  } catch {
    return ''
  }
}

export function createRestClient(options: RestOptions): RestClient {
  const apiUrl = (options.apiUrl ?? apiUrlFromEnv(process.env)).replace(/\/+$/, '')
  const origin = new URL(apiUrl).origin
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxPages = options.maxPages ?? 100
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'user-agent': options.userAgent ?? 'stagegate',
    'x-github-api-version': API_VERSION
  }

  async function request(method: string, url: string, body?: unknown): Promise<Response> {
    const what = `${method} ${new URL(url).pathname}`
    let response: Response
    try {
      response = await doFetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error'
      })
    } catch (error) {
      const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
      const code = typeof cause?.code === 'string' ? ` (${cause.code})` : ''
      const reason = `${error instanceof Error ? error.message : String(error)}${code}`
      throw new GitHubApiError(`${what}: ${reason}`, 'network', 0)
    }
    if (!response.ok) {
      const message = await apiMessage(response)
      const { kind, retryAfter } = classify(response.status, message, response.headers)
      throw new GitHubApiError(
        `${what}: HTTP ${response.status}${message ? ` ${message}` : ''}`,
        kind,
        response.status,
        retryAfter
      )
    }
    return response
  }

  async function json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T
    } catch {
      throw new GitHubApiError(`${response.url}: the answer is not JSON`, 'other', response.status)
    }
  }

  const repoPath = (owner: string, repo: string): string =>
    `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`

  return {
    async *listIssueComments(owner, repo, issueNumber) {
      let url: string | undefined = `${repoPath(owner, repo)}/issues/${issueNumber}/comments?per_page=100`
      for (let page = 0; url !== undefined && page < maxPages; page++) {
        const response = await request('GET', url)
        const comments = await json<IssueComment[]>(response)
        if (!Array.isArray(comments))
          throw new GitHubApiError('comment listing is not an array', 'other', response.status)
        yield comments
        const next = nextLink(response.headers.get('link'))
        url =
          next !== undefined && new URL(next, apiUrl).origin === origin
            ? new URL(next, apiUrl).toString()
            : undefined
      }
    },
    async createIssueComment(owner, repo, issueNumber, body) {
      return json<IssueComment>(
        await request('POST', `${repoPath(owner, repo)}/issues/${issueNumber}/comments`, { body })
      )
    },
    async updateIssueComment(owner, repo, commentId, body) {
      return json<IssueComment>(
        await request('PATCH', `${repoPath(owner, repo)}/issues/comments/${commentId}`, { body })
      )
    }
  }
}
