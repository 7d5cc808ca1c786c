// The build context, as build-push-action chooses it: an empty `context` is
// the Git context of the commit (`https://github.com/OWNER/REPO.git#SHA`,
// GHES server URLs included), and `{{defaultContext}}` in `context` or
// `build-contexts` stands for it (`{{defaultContext}}:subdir`). Then the
// Dockerfile to lint is the workspace copy of the one buildx will read, when
// a checkout put it there. Pure: the env and the event payload come in.
import { existsSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { fillDefaultContext } from './args.js'
import { isRemoteContext } from './spec.js'

interface PullRequestEvent {
  pull_request?: { head?: { sha?: unknown } }
  repository?: { private?: unknown; visibility?: unknown }
}

/**
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}.git#${ref}` pinned to the commit
 * (GITHUB_SHA), as @docker/actions-toolkit's gitContext writes it; with
 * DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF a pull request builds its head
 * commit instead of the merge commit. '' outside GitHub Actions.
 */
export function defaultGitContext(env: NodeJS.ProcessEnv, event?: unknown): string {
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (repository === '') return ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  let ref = env.GITHUB_REF ?? ''
  if (ref !== '' && !ref.startsWith('refs/')) ref = `refs/heads/${ref}`
  const prHead = /^(1|t|true)$/i.test(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF ?? '')
  let pinned = env.GITHUB_SHA || ref
  if (prHead && ref.startsWith('refs/pull/')) {
    const sha = (event as PullRequestEvent | undefined)?.pull_request?.head?.sha
    pinned = typeof sha === 'string' ? sha : ref.replace(/\/merge$/, '/head')
  }
  return `${server}/${repository}.git#${pinned}`
}

/** The repository is private or internal (event payload), so the default provenance is mode=min. */
export function isPrivateRepository(event: unknown): boolean {
  const repository = (event as PullRequestEvent | undefined)?.repository
  return (
    repository?.private === true ||
    repository?.visibility === 'private' ||
    repository?.visibility === 'internal'
  )
}

export interface ResolvedContext {
  /** What buildx gets as its context. */
  context: string
  /** The Git context of the commit ('' outside Actions). */
  defaultContext: string
  /** True when the context is the commit's Git context (empty input or the template). */
  isDefault: boolean
  /** The sub-directory of the Git context (`{{defaultContext}}:subdir`), '' for the root. */
  subdir: string
}

export function resolveContext(raw: string, env: NodeJS.ProcessEnv, event?: unknown): ResolvedContext {
  const defaultContext = defaultGitContext(env, event)
  const usesDefault = raw === '' || /\{\{\s*defaultContext\s*\}\}/.test(raw)
  if (usesDefault && defaultContext === '')
    throw new UsageError(
      raw === ''
        ? 'Input "context" is empty, so the Git context of the commit would be built, but GITHUB_REPOSITORY is not set (not in GitHub Actions); set context: . to build the working directory.'
        : 'Input "context" uses {{defaultContext}}, but GITHUB_REPOSITORY is not set (not in GitHub Actions); give a path or a Git URL.'
    )
  const context = raw === '' ? defaultContext : fillDefaultContext(raw, defaultContext)
  const isDefault = usesDefault && context.startsWith(defaultContext)
  const fragment = isDefault ? context.slice(defaultContext.length) : ''
  const subdir = /^:(.+)$/.exec(fragment)?.[1]?.replace(/^\/+|\/+$/g, '') ?? ''
  return { context, defaultContext, isDefault, subdir }
}

export interface LintTarget {
  /** The Dockerfile to lint and to attribute lines to, relative to the working directory. */
  dockerfile?: string
  /** The directory that stands for the context when linting (COPY sources, .dockerignore). */
  contextDir?: string
  /** Why nothing is linted, for the notice. */
  skipped?: string
}

/**
 * What to lint for this context: a local context's Dockerfile as buildx reads
 * it; for the commit's Git context, the workspace copy (same subdir, same
 * `file`) when a checkout put one there; for another remote context, the
 * `file` input when it names a workspace file.
 */
export function lintTarget(inputs: Pick<Inputs, 'file'>, resolved: ResolvedContext, cwd: string): LintTarget {
  const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()
  if (resolved.isDefault) {
    const dir = resolved.subdir === '' ? '.' : resolved.subdir
    const dockerfile = path.join(dir, inputs.file || 'Dockerfile')
    if (isFile(path.resolve(cwd, dockerfile))) return { dockerfile, contextDir: dir }
    return {
      skipped: `The build context is the Git context of the commit (${resolved.context}) and the workspace has no ${dockerfile} (no actions/checkout before this step): the Dockerfile was not linted and image findings carry no Dockerfile line; the image is still built and checked.`
    }
  }
  if (isRemoteContext(resolved.context)) {
    if (inputs.file !== '' && isFile(path.resolve(cwd, inputs.file))) return { dockerfile: inputs.file }
    return {
      skipped: `The build context ${resolved.context} is remote: the Dockerfile was not linted (check out the repository and set file: to lint it).`
    }
  }
  return {
    dockerfile: inputs.file !== '' ? inputs.file : path.join(resolved.context, 'Dockerfile'),
    contextDir: resolved.context
  }
}
