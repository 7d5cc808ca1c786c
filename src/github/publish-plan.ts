// What publishing a Report on GitHub produces, decided without any I/O: the
// files (JSON report, SARIF) and outputs, the annotations, what happens to the
// base branch's report (kept on a push to the default branch, fetched for a
// PR), the job summary, the sticky PR comment and the verdict. The executor
// (publish.ts) applies the plan; the pieces that depend on what the executor
// found out (which files were written, which base report came back) are pure
// functions of that outcome.
import * as path from 'node:path'
import type { FailOn } from '../finding.js'
import { planAnnotations, type Annotation } from '../report/annotations.js'
import { renderComment, stickyMarker } from '../report/comment.js'
import { formatJson } from '../report/json.js'
import { redactReport } from '../report/redact.js'
import type { Report } from '../report/report.js'
import { formatSarif, toSarif } from '../report/sarif.js'
import { blobContextFromEnv, renderSummary } from '../report/summary.js'
import { verdict, type Verdict } from '../report/verdict.js'
import type { RuleMeta } from '../rule-meta.js'
import { dockerfileHash } from './base-report.js'
import { isDefaultBranchPush, runUrl, type RunContext } from './event.js'
import { apiUrlFromEnv } from './rest.js'

/** The action inputs publishing reads (a subset of Inputs from src/inputs.ts). */
export interface PublishInputs {
  comment: 'auto' | 'always' | 'never'
  summary: boolean
  'github-annotations': boolean
  'report-file': string
  'sarif-file': string
  'github-token': string
}

export interface PlanInputs {
  report: Report
  failOn: FailOn
  inputs: PublishInputs
  /** The run's GitHub context (readRunContext). */
  context: RunContext
  env: NodeJS.ProcessEnv
  cwd: string
  /** RUNNER_TEMP or the OS temp dir: default report paths and the base-report store live under it. */
  tempDir: string
  rules?: readonly RuleMeta[]
  /** Values that must not appear anywhere (secrets given to the step). */
  secrets?: readonly string[]
}

export interface PlannedFile {
  /** The output that names the file when it was written ('' when it could not be). */
  output: 'report-file' | 'sarif-file'
  path: string
  text: string
  /** What the file is, for the warning when it cannot be written. */
  what: string
}

/** Which of the planned files were written. */
export interface WrittenFiles {
  reportFile?: string
  sarifFile?: string
}

export type BaseReportStep =
  | { action: 'save'; branch: string; sha: string }
  | { action: 'restore'; dockerfile: string; branch: string; sha?: string }

export interface PlannedComment {
  owner: string
  repo: string
  issueNumber: number
  marker: string
  token: string
  apiUrl: string
  userAgent: string
  /** The comment body, against the base branch's report when one was restored (already redacted). */
  body: (base: Report | null) => string
}

export interface PublishPlan {
  /** The report with every secret redacted: the only one anything below sees. */
  report: Report
  /** Said before anything else (e.g. an unreadable event payload). */
  warnings: string[]
  files: PlannedFile[]
  /** Outputs set after the files: counts, result. */
  outputs: [name: string, value: string][]
  annotations: Annotation[]
  annotationsOmitted: number
  /** Where the base-report store keeps reports between runs. */
  storeDir: string
  baseReport?: BaseReportStep
  /** Redacts a report from elsewhere (the restored base report). */
  redact: (report: Report) => Report
  summary?: (written: WrittenFiles) => string
  /** An info line saying why no comment is posted, when the user would expect one. */
  commentSkipped?: string
  comment?: PlannedComment
  verdict: Verdict
  /** Whether the step fails (the verdict is fail and failing is on); else verdict.reason is logged. */
  fail: boolean
}

function defaultFile(tempDir: string, dockerfile: string, extension: string): string {
  return path.join(tempDir, 'stagegate', `report-${dockerfileHash(dockerfile)}.${extension}`)
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

function baseReportStep(plan: PlanInputs, report: Report): BaseReportStep | undefined {
  const { context, inputs } = plan
  if (isDefaultBranchPush(context) && context.branch && context.sha)
    return { action: 'save', branch: context.branch, sha: context.sha }
  if (context.pullRequest && inputs.comment !== 'never') {
    const { baseRef, baseSha } = context.pullRequest
    return {
      action: 'restore',
      dockerfile: report.dockerfile,
      branch: baseRef,
      ...(baseSha ? { sha: baseSha } : {})
    }
  }
  return undefined
}

export function planPublish(plan: PlanInputs, options: { setFailed?: boolean } = {}): PublishPlan {
  const { inputs, failOn, context, env, cwd } = plan
  const secrets = plan.secrets ?? []
  const redact = (report: Report): Report => redactReport(report, secrets)
  const report = redact(plan.report)
  const rules = plan.rules ? { rules: plan.rules } : {}
  const workspace = env.GITHUB_WORKSPACE || cwd

  const reportFile = path.resolve(
    cwd,
    inputs['report-file'] || defaultFile(plan.tempDir, report.dockerfile, 'json')
  )
  const sarifFile = path.resolve(
    cwd,
    inputs['sarif-file'] || defaultFile(plan.tempDir, report.dockerfile, 'sarif')
  )
  const sarif = toSarif(report, { toolVersion: report.tool.version, srcRoot: workspace, ...rules })
  const outcome = verdict(report, failOn)

  const annotated = inputs['github-annotations']
    ? planAnnotations(report.findings, { workspace, cwd, dockerfile: report.dockerfile, ...rules })
    : { annotations: [], omitted: 0 }

  const blob = blobContextFromEnv(env)
  const run = runUrl(context)
  const skip = commentSkipReason(inputs, context)
  let comment: PlannedComment | undefined
  let commentSkipped: string | undefined
  if (skip !== undefined) {
    if (inputs.comment === 'always' || (context.pullRequest && inputs.comment !== 'never'))
      commentSkipped = `No PR comment: ${skip}.`
  } else if (context.pullRequest && context.owner && context.repo) {
    const marker = stickyMarker({
      workflow: context.workflow ?? '',
      job: context.job ?? '',
      dockerfile: report.dockerfile
    })
    comment = {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.pullRequest.number,
      marker,
      token: inputs['github-token'],
      apiUrl: apiUrlFromEnv(env),
      userAgent: `stagegate/${report.tool.version}`,
      body: base =>
        renderComment(report, {
          marker,
          failOn,
          base,
          ...(blob ? { blob } : {}),
          ...(run ? { runUrl: run } : {})
        })
    }
  }

  const base = baseReportStep(plan, report)
  return {
    report,
    warnings: context.warning ? [context.warning] : [],
    files: [
      { output: 'report-file', path: reportFile, text: formatJson(report), what: 'JSON report' },
      { output: 'sarif-file', path: sarifFile, text: formatSarif(sarif), what: 'SARIF log' }
    ],
    outputs: [
      ['counts', JSON.stringify(report.counts)],
      ['result', outcome.result]
    ],
    annotations: annotated.annotations,
    annotationsOmitted: annotated.omitted,
    storeDir: path.join(plan.tempDir, 'stagegate-base-report'),
    ...(base ? { baseReport: base } : {}),
    redact,
    ...(inputs.summary
      ? {
          summary: (written: WrittenFiles) =>
            renderSummary(report, {
              failOn,
              ...(blob ? { blob } : {}),
              annotationsOmitted: annotated.omitted,
              ...written
            })
        }
      : {}),
    ...(commentSkipped ? { commentSkipped } : {}),
    ...(comment ? { comment } : {}),
    verdict: outcome,
    fail: outcome.result === 'fail' && options.setFailed !== false
  }
}
