// A local stand-in for GitHub's REST API (issue comments and artifact
// attestations), on
// 127.0.0.1 with a random port: it answers with GitHub's shapes (id, node_id,
// body, user, html_url, created_at, updated_at; Link headers when a listing
// spans pages), records every request (method, path, headers, body), and can
// be told to fail the next requests with 403/429/5xx as GitHub does.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path with query string, as requested. */
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface FakeComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: { login: string; id: number; type: string }
  created_at: string
  updated_at: string
  author_association: string
}

export interface Failure {
  status: number
  body: unknown
  headers: Record<string, string>
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
const DOCS = 'https://docs.github.com/rest/issues/comments'

/** GitHub's answers for the failures tests ask for. */
export const FAILURES = {
  forbidden: (): Failure => ({
    status: 403,
    body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
    headers: {}
  }),
  notFound: (): Failure => ({
    status: 404,
    body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
    headers: {}
  }),
  rateLimited: (): Failure => ({
    status: 429,
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS },
    headers: {
      'retry-after': '60',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1900000000'
    }
  }),
  secondaryRateLimited: (): Failure => ({
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    },
    headers: { 'retry-after': '60' }
  }),
  serverError: (status = 500): Failure => ({ status, body: { message: 'Server Error' }, headers: {} })
} as const

export interface FakeAttestation {
  id: number
  repository: string
  bundle: unknown
}

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = []
  private readonly issues = new Map<string, FakeComment[]>()
  private readonly stored: FakeAttestation[] = []
  private readonly failures: { failure: Failure; method?: string }[] = []
  private nextId = 1_000_001
  private clock = Date.parse('2026-01-01T00:00:00Z')
  /** Tokens accepted in `Authorization: Bearer`; empty accepts any token. */
  acceptedTokens: string[] = []

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(): Promise<FakeGitHubApi> {
    const holder: { api?: FakeGitHubApi } = {}
    const server = createServer((request, response) => {
      void holder.api?.handle(request, response)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    const { port } = server.address() as AddressInfo
    holder.api = new FakeGitHubApi(server, `http://127.0.0.1:${port}`)
    return holder.api
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise(resolve => this.server.close(() => resolve()))
  }

  /** The comments on an issue or PR, oldest first. */
  comments(owner: string, repo: string, issue: number): FakeComment[] {
    return this.issues.get(`${owner}/${repo}#${issue}`) ?? []
  }

  /** Attestations stored with `POST /repos/{owner}/{repo}/attestations`, oldest first. */
  attestations(owner: string, repo: string): FakeAttestation[] {
    return this.stored.filter(attestation => attestation.repository === `${owner}/${repo}`)
  }

  /** Adds existing comments (as another user unless `bot`). */
  seed(owner: string, repo: string, issue: number, bodies: readonly string[], bot = false): FakeComment[] {
    return bodies.map(body =>
      this.add(owner, repo, issue, body, bot ? BOT : { login: 'octocat', id: 583231, type: 'User' })
    )
  }

  /** The next `count` requests (of `method`, when given) get this answer instead of the normal one. */
  failNext(failure: Failure, count = 1, method?: 'GET' | 'POST' | 'PATCH'): void {
    for (let i = 0; i < count; i++) this.failures.push({ failure, ...(method ? { method } : {}) })
  }

  private add(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    user: FakeComment['user']
  ): FakeComment {
    const key = `${owner}/${repo}#${issue}`
    const list = this.issues.get(key) ?? []
    this.issues.set(key, list)
    const id = this.nextId++
    const now = this.tick()
    const comment: FakeComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(String(id)).toString('base64').replace(/=/g, '')}`,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${issue}`,
      body,
      user,
      created_at: now,
      updated_at: now,
      author_association: user.type === 'Bot' ? 'NONE' : 'OWNER'
    }
    list.push(comment)
    return comment
  }

  private tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const method = request.method ?? 'GET'
    const path = request.url ?? '/'
    this.requests.push({ method, path, headers: request.headers, body })

    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers
      })
      response.end(payload === undefined ? '' : JSON.stringify(payload))
    }

    const failing = this.failures.findIndex(
      candidate => candidate.method === undefined || candidate.method === method
    )
    if (failing >= 0) {
      const [{ failure }] = this.failures.splice(failing, 1) as [{ failure: Failure }]
      return send(failure.status, failure.body, failure.headers)
    }

    const auth = request.headers.authorization ?? ''
    const token = /^Bearer (.+)$/.exec(auth)?.[1]
    if (!token || (this.acceptedTokens.length > 0 && !this.acceptedTokens.includes(token))) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }

    const url = new URL(path, this.url)
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    const attestations = /^\/repos\/([^/]+)\/([^/]+)\/attestations(?:\/(sha256:[0-9a-f]{64}))?$/.exec(
      url.pathname
    )

    if (attestations && method === 'POST' && attestations[3] === undefined) {
      // GitHub's create-attestation endpoint: 201 with the new id; 422 without a bundle.
      let bundle: unknown
      try {
        bundle = (JSON.parse(body) as { bundle?: unknown }).bundle
      } catch {
        bundle = undefined
      }
      if (typeof bundle !== 'object' || bundle === null)
        return send(422, { message: 'Invalid request.\n\n"bundle" wasn\'t supplied.', status: '422' })
      const id = this.nextId++
      this.stored.push({ id, repository: `${attestations[1]}/${attestations[2]}`, bundle })
      return send(201, { id })
    }
    if (attestations && method === 'GET' && attestations[3] !== undefined) {
      // List by subject digest, as `gh attestation verify` asks.
      const digest = attestations[3].slice('sha256:'.length)
      const found = this.attestations(attestations[1] as string, attestations[2] as string).filter(entry => {
        const envelope = (entry.bundle as { dsseEnvelope?: { payload?: string } }).dsseEnvelope
        const statement = JSON.parse(
          Buffer.from(envelope?.payload ?? '', 'base64').toString('utf8') || '{}'
        ) as {
          subject?: { digest?: { sha256?: string } }[]
        }
        return (statement.subject ?? []).some(subject => subject.digest?.sha256 === digest)
      })
      return send(200, {
        attestations: found.map(entry => ({ bundle: entry.bundle, repository_id: 123456 }))
      })
    }

    if (list && method === 'GET') {
      const [, owner, repo, issue] = list as unknown as [string, string, string, string]
      const all = this.comments(owner, repo, Number(issue))
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30))
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const headers: Record<string, string> = {}
      if (last > 1) {
        const link = (p: number, rel: string): string => {
          const target = new URL(url.pathname, this.url)
          target.searchParams.set('per_page', String(perPage))
          target.searchParams.set('page', String(p))
          return `<${target.toString()}>; rel="${rel}"`
        }
        const links: string[] = []
        if (page > 1) links.push(link(page - 1, 'prev'))
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
        if (page > 1) links.push(link(1, 'first'))
        headers.link = links.join(', ')
      }
      return send(200, all.slice((page - 1) * perPage, page * perPage), headers)
    }
    if (list && method === 'POST') {
      const [, owner, repo, issue] = list as unknown as [string, string, string, string]
      const text = parseBody(body)
      if (text === undefined)
        return send(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' })
      return send(201, this.add(owner, repo, Number(issue), text, BOT), {
        location: `${this.url}/repos/${owner}/${repo}/issues/comments/${this.nextId - 1}`
      })
    }
    if (one && method === 'PATCH') {
      const id = Number(one[3])
      const comment = [...this.issues.values()].flat().find(candidate => candidate.id === id)
      if (!comment) return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      const text = parseBody(body)
      if (text === undefined)
        return send(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' })
      comment.body = text
      comment.updated_at = this.tick()
      return send(200, comment)
    }
    return send(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
  }
}

function parseBody(raw: string): string | undefined {
  try {
    const parsed = JSON.parse(raw) as { body?: unknown }
    return typeof parsed.body === 'string' ? parsed.body : undefined
  } catch {
    return undefined
  }
}
