// What the workflow run is about, read once and defensively from the
// runner's environment and the event payload (GITHUB_EVENT_PATH): a missing
// or malformed payload gives what the environment alone says, plus a warning.
import { readFileSync } from 'node:fs'

export interface PullRequestInfo {
  number: number
  baseRef: string
  baseSha?: string
  headRef?: string
  headSha?: string
  /** owner/name of the head and base repositories. */
  headRepo?: string
  baseRepo?: string
  /** Head in another repository (or a deleted one): the token is read-only there. */
  isFork: boolean
}

export interface RunContext {
  eventName: string
  /** owner and repo from GITHUB_REPOSITORY. */
  owner?: string
  repo?: string
  sha?: string
  /** Full ref (refs/heads/main) and the branch name for pushes. */
  ref?: string
  branch?: string
  defaultBranch?: string
  workflow?: string
  job?: string
  runId?: string
  serverUrl: string
  pullRequest?: PullRequestInfo
  /** Something about the payload that could not be read. */
  warning?: string
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
const MAX_EVENT_BYTES = 64 * 1024 * 1024

type Json = Record<string, unknown>

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function pullRequestFrom(payload: Json): PullRequestInfo | undefined {
  const pr = object(payload.pull_request)
  if (!pr) return undefined
  const number =
    typeof pr.number === 'number'
      ? pr.number
      : typeof payload.number === 'number'
        ? payload.number
        : undefined
  const base = object(pr.base)
  const head = object(pr.head)
  const baseRef = text(base?.ref)
  if (number === undefined || !Number.isInteger(number) || number <= 0 || baseRef === undefined)
    return undefined
  const headRepo = text(object(head?.repo)?.full_name)
  const baseRepo = text(object(base?.repo)?.full_name)
  const info: PullRequestInfo = {
    number,
    baseRef,
    isFork:
      headRepo === undefined || (baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase())
  }
  const optional = {
    baseSha: text(base?.sha),
    headRef: text(head?.ref),
    headSha: text(head?.sha),
    headRepo,
    baseRepo
  }
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(info, { [key]: value })
  return info
}

export function readRunContext(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => Buffer = path => readFileSync(path)
): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/', 2)
  const context: RunContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com'
  }
  const set = (key: keyof RunContext, value: string | undefined): void => {
    if (value) Object.assign(context, { [key]: value })
  }
  set('owner', owner)
  set('repo', repo)
  set('sha', env.GITHUB_SHA)
  set('ref', env.GITHUB_REF)
  set('workflow', env.GITHUB_WORKFLOW)
  set('job', env.GITHUB_JOB)
  set('runId', env.GITHUB_RUN_ID)
  if (env.GITHUB_REF?.startsWith('refs/heads/')) set('branch', env.GITHUB_REF.slice('refs/heads/'.length))

  const path = env.GITHUB_EVENT_PATH
  if (!path) return context
  let payload: Json | undefined
  try {
    const raw = readFile(path)
    if (raw.length > MAX_EVENT_BYTES) throw new Error(`larger than ${MAX_EVENT_BYTES} bytes`)
    payload = object(JSON.parse(raw.toString('utf8')))
    if (!payload) throw new Error('not a JSON object')
  } catch (error) {
    context.warning = `Could not read the event payload ${path}: ${error instanceof Error ? error.message : String(error)}`
    return context
  }
  set('defaultBranch', text(object(payload.repository)?.default_branch))
  if (PULL_REQUEST_EVENTS.has(context.eventName)) {
    const pullRequest = pullRequestFrom(payload)
    if (pullRequest) context.pullRequest = pullRequest
    else
      context.warning = `The ${context.eventName} payload in ${path} has no usable pull_request (number, base ref).`
  }
  return context
}

/** A push to the repository's default branch: the run whose report PRs compare against. */
export function isDefaultBranchPush(context: RunContext): boolean {
  return (
    context.eventName === 'push' &&
    context.branch !== undefined &&
    context.defaultBranch !== undefined &&
    context.branch === context.defaultBranch
  )
}

/** The workflow run page (where the job summary is). */
export function runUrl(context: RunContext): string | undefined {
  if (!context.owner || !context.repo || !context.runId) return undefined
  return `${context.serverUrl.replace(/\/+$/, '')}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
}
