// Everything the action does with a finished Report on GitHub, in one call
// for src/main.ts: write the JSON report and SARIF, set the outputs, emit
// annotations within GitHub's limits, write the job summary, keep the base
// branch's report (push) or fetch it (PR), upsert the sticky PR comment, and
// fail the step by the fail-on policy. Only the last step can fail the step:
// every GitHub-side problem is a warning.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { FailOn } from '../finding.js'
import { planAnnotations } from '../report/annotations.js'
import { renderComment, stickyMarker } from '../report/comment.js'
import { formatJson } from '../report/json.js'
import { redactReport } from '../report/redact.js'
import type { Report } from '../report/report.js'
import { formatSarif, toSarif } from '../report/sarif.js'
import { blobContextFromEnv, renderSummary } from '../report/summary.js'
import { verdict } from '../report/verdict.js'
import type { Verdict } from '../report/verdict.js'
import type { RuleMeta } from '../rule-meta.js'
import { emitAnnotations } from './actions.js'
import type { ActionsIO } from './actions.js'
import { createBaseReportStore, dockerfileHash } from './base-report.js'
import type { BaseReportStore } from './base-report.js'
import { isDefaultBranchPush, readRunContext, runUrl } from './event.js'
import type { RunContext } from './event.js'
import { apiUrlFromEnv, createRestClient } from './rest.js'
import type { RestClient } from './rest.js'
import { upsertStickyComment } from './sticky-comment.js'
import type { StickyCommentResult } from './sticky-comment.js'

/** The action inputs publishing reads (a subset of Inputs from src/inputs.ts). */
export interface PublishInputs {
  comment: 'auto' | 'always' | 'never'
  summary: boolean
  'github-annotations': boolean
  'report-file': string
  'sarif-file': string
  'github-token': string
}

export interface PublishOptions {
  io: ActionsIO
  report: Report
  failOn: FailOn
  inputs: PublishInputs
  rules?: readonly RuleMeta[]
  /** Values that must not appear anywhere (secrets given to the step). */
  secrets?: readonly string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Defaults: a fetch client on GITHUB_API_URL with the token; the Actions cache. */
  rest?: RestClient
  store?: BaseReportStore
  /** Fail the step when the verdict is fail (default true). */
  setFailed?: boolean
}

export interface PublishResult {
  verdict: Verdict
  reportFile: string
  sarifFile: string
  annotationsOmitted: number
  comment?: StickyCommentResult
  /** The base branch report the comment compared against. */
  baseReport?: Report
}

function defaultFile(env: NodeJS.ProcessEnv, dockerfile: string, extension: string): string {
  return path.join(
    env.RUNNER_TEMP || tmpdir(),
    'stagegate',
    `report-${dockerfileHash(dockerfile)}.${extension}`
  )
}

function writeOut(io: ActionsIO, file: string, text: string, what: string): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
    return true
  } catch (error) {
    io.warning(
      `Could not write the ${what} to ${file}: ${error instanceof Error ? error.message : String(error)}`
    )
    return false
  }
}

/** Why no comment is posted in this run, or undefined when one should be. */
export function commentSkipReason(inputs: PublishInputs, context: RunContext): string | undefined {
  if (inputs.comment === 'never') return 'comment: never'
  if (!context.pullRequest) return 'this run is not for a pull request'
  if (!context.owner || !context.repo) return 'GITHUB_REPOSITORY is not set'
  if (inputs['github-token'] === '') return 'no github-token'
  if (inputs.comment === 'auto' && context.pullRequest.isFork) {
    return 'the pull request comes from a fork, whose GITHUB_TOKEN cannot comment (set comment: always to try anyway)'
  }
  return undefined
}

export async function publishReport(options: PublishOptions): Promise<PublishResult> {
  const { io, inputs, failOn } = options
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  const report = redactReport(options.report, options.secrets ?? [])
  const context = readRunContext(env)
  if (context.warning) io.warning(context.warning)

  // Files and outputs first: they are set in every case, a failed build included.
  const reportFile = path.resolve(cwd, inputs['report-file'] || defaultFile(env, report.dockerfile, 'json'))
  const sarifFile = path.resolve(cwd, inputs['sarif-file'] || defaultFile(env, report.dockerfile, 'sarif'))
  const workspace = env.GITHUB_WORKSPACE || cwd
  const reportWritten = writeOut(io, reportFile, formatJson(report), 'JSON report')
  const sarif = toSarif(report, {
    toolVersion: report.tool.version,
    srcRoot: workspace,
    ...(options.rules ? { rules: options.rules } : {})
  })
  const sarifWritten = writeOut(io, sarifFile, formatSarif(sarif), 'SARIF log')
  const outcome = verdict(report, failOn)
  io.setOutput('report-file', reportWritten ? reportFile : '')
  io.setOutput('sarif-file', sarifWritten ? sarifFile : '')
  io.setOutput('counts', JSON.stringify(report.counts))
  io.setOutput('result', outcome.result)

  let omitted = 0
  if (inputs['github-annotations']) {
    const plan = planAnnotations(report.findings, {
      workspace,
      cwd,
      dockerfile: report.dockerfile,
      ...(options.rules ? { rules: options.rules } : {})
    })
    emitAnnotations(io, plan.annotations)
    omitted = plan.omitted
  }

  // The base branch's report: kept on pushes to the default branch, fetched for PRs.
  const store =
    options.store ??
    createBaseReportStore({ dir: path.join(env.RUNNER_TEMP || tmpdir(), 'stagegate-base-report') })
  let baseReport: Report | undefined
  if (isDefaultBranchPush(context) && context.branch && context.sha) {
    const saved = await store.save(report, { branch: context.branch, sha: context.sha })
    if (saved.warning) io.warning(saved.warning)
    else
      io.debug(saved.saved ? `Saved the report as ${saved.key}` : `Report not cached: ${saved.skipped ?? ''}`)
  } else if (context.pullRequest && inputs.comment !== 'never') {
    const { baseRef, baseSha } = context.pullRequest
    const restored = await store.restore(report.dockerfile, {
      branch: baseRef,
      ...(baseSha ? { sha: baseSha } : {})
    })
    if (restored.warning) io.warning(restored.warning)
    if (restored.report) {
      baseReport = redactReport(restored.report, options.secrets ?? [])
      io.debug(`Comparing with the base branch report ${restored.key ?? ''}`)
    }
  }

  const blob = blobContextFromEnv(env)
  const run = runUrl(context)
  if (inputs.summary) {
    const markdown = renderSummary(report, {
      failOn,
      ...(blob ? { blob } : {}),
      annotationsOmitted: omitted,
      ...(reportWritten ? { reportFile } : {}),
      ...(sarifWritten ? { sarifFile } : {})
    })
    try {
      await io.writeSummary(markdown)
    } catch (error) {
      io.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  let comment: StickyCommentResult | undefined
  const skip = commentSkipReason(inputs, context)
  if (skip !== undefined) {
    if (inputs.comment === 'always' || (context.pullRequest && inputs.comment !== 'never'))
      io.info(`No PR comment: ${skip}.`)
  } else if (context.pullRequest && context.owner && context.repo) {
    const marker = stickyMarker({
      workflow: context.workflow ?? '',
      job: context.job ?? '',
      dockerfile: report.dockerfile
    })
    const body = renderComment(report, {
      marker,
      failOn,
      base: baseReport ?? null,
      ...(blob ? { blob } : {}),
      ...(run ? { runUrl: run } : {})
    })
    const rest =
      options.rest ??
      createRestClient({
        token: inputs['github-token'],
        apiUrl: apiUrlFromEnv(env),
        userAgent: `stagegate/${report.tool.version}`
      })
    comment = await upsertStickyComment({
      rest,
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.pullRequest.number,
      marker,
      body
    })
    if (comment.warning) io.warning(comment.warning)
    else io.info(`PR comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`)
  }

  if (outcome.result === 'fail' && options.setFailed !== false) io.setFailed(outcome.reason)
  else io.info(outcome.reason)

  return {
    verdict: outcome,
    reportFile,
    sarifFile,
    annotationsOmitted: omitted,
    ...(comment ? { comment } : {}),
    ...(baseReport ? { baseReport } : {})
  }
}
