// One comment per marker on a PR: found across every page of comments and
// updated in place, or created once. A comment is ours only when its body
// starts with the marker (a human quoting it starts with `>`). Any API
// failure becomes a warning for the log; the step goes on.
import { GitHubApiError } from './rest.js'
import type { IssueComment, RestClient } from './rest.js'

export interface StickyCommentRequest {
  rest: RestClient
  owner: string
  repo: string
  issueNumber: number
  marker: string
  body: string
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'skipped'
  commentId?: number
  url?: string
  warning?: string
}

export function isOurs(comment: IssueComment, marker: string): boolean {
  return typeof comment.body === 'string' && comment.body.trimStart().startsWith(marker)
}

export async function findStickyComment(
  rest: RestClient,
  owner: string,
  repo: string,
  issueNumber: number,
  marker: string
): Promise<IssueComment | undefined> {
  for await (const page of rest.listIssueComments(owner, repo, issueNumber)) {
    const found = page.find(comment => isOurs(comment, marker))
    if (found) return found
  }
  return undefined
}

/** A warning that says what went wrong and what to do; never the token. */
export function commentWarning(error: unknown, issueNumber: number): string {
  const prefix = `Stagegate could not write its comment on pull request #${issueNumber}`
  if (!(error instanceof GitHubApiError)) {
    return `${prefix}: ${error instanceof Error ? error.message : String(error)}. The job summary has the full report.`
  }
  switch (error.kind) {
    case 'forbidden':
    case 'not-found':
      return (
        `${prefix}: the token may not write to pull requests (HTTP ${error.status}). A pull request from a fork ` +
        'gets a read-only GITHUB_TOKEN; otherwise give the job `permissions: pull-requests: write`, or set `comment: never`. ' +
        'The job summary has the full report.'
      )
    case 'unauthorized':
      return `${prefix}: the token was rejected (HTTP 401). Check the github-token input.`
    case 'rate-limited':
      return (
        `${prefix}: GitHub's API rate limit was hit (HTTP ${error.status}` +
        `${error.retryAfterSeconds !== undefined ? `, retry after ${error.retryAfterSeconds}s` : ''}). ` +
        'The next run updates the comment; the job summary has the full report.'
      )
    case 'server':
      return `${prefix}: GitHub answered HTTP ${error.status}. The next run updates the comment; the job summary has the full report.`
    case 'network':
      return `${prefix}: the API could not be reached (${error.message}). The job summary has the full report.`
    default:
      return `${prefix}: ${error.message}. The job summary has the full report.`
  }
}

export async function upsertStickyComment(request: StickyCommentRequest): Promise<StickyCommentResult> {
  const { rest, owner, repo, issueNumber, marker } = request
  const body = request.body.trimStart().startsWith(marker) ? request.body : `${marker}\n${request.body}`
  try {
    const existing = await findStickyComment(rest, owner, repo, issueNumber, marker)
    if (existing) {
      const updated = await rest.updateIssueComment(owner, repo, existing.id, body)
      return {
        action: 'updated',
        commentId: updated.id ?? existing.id,
        ...(updated.html_url ? { url: updated.html_url } : {})
      }
    }
    const created = await rest.createIssueComment(owner, repo, issueNumber, body)
    return {
      action: 'created',
      commentId: created.id,
      ...(created.html_url ? { url: created.html_url } : {})
    }
  } catch (error) {
    return { action: 'skipped', warning: commentWarning(error, issueNumber) }
  }
}
