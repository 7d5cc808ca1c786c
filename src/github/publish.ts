// Everything the action does with a finished Report on GitHub, in one call
// for src/main.ts: planPublish (publish-plan.ts) decides what to produce, and
// this executor applies the plan through ActionsIO, the file system, the
// base-report store and the REST client. Only the verdict can fail the step:
// every GitHub-side problem is a warning.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { FailOn } from '../finding.js'
import type { Report } from '../report/report.js'
import type { Verdict } from '../report/verdict.js'
import type { RuleMeta } from '../rule-meta.js'
import { emitAnnotations, type ActionsIO } from './actions.js'
import { createBaseReportStore, type BaseReportStore } from './base-report.js'
import { readRunContext } from './event.js'
import { planPublish, type PublishInputs, type PublishPlan, type WrittenFiles } from './publish-plan.js'
import { createRestClient, type RestClient } from './rest.js'
import { upsertStickyComment, type StickyCommentResult } from './sticky-comment.js'

export { commentSkipReason, planPublish } from './publish-plan.js'
export type { PublishInputs, PublishPlan } from './publish-plan.js'

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
  /** Writes a report file (default: mkdir -p and write). */
  writeFile?: (file: string, text: string) => void
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

function writeFileCreatingDir(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export async function publishReport(options: PublishOptions): Promise<PublishResult> {
  const { io } = options
  const env = options.env ?? process.env
  const plan = planPublish(
    {
      report: options.report,
      failOn: options.failOn,
      inputs: options.inputs,
      context: readRunContext(env),
      env,
      cwd: options.cwd ?? process.cwd(),
      tempDir: env.RUNNER_TEMP || tmpdir(),
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {})
    },
    { ...(options.setFailed !== undefined ? { setFailed: options.setFailed } : {}) }
  )
  return applyPublishPlan(plan, {
    io,
    writeFile: options.writeFile ?? writeFileCreatingDir,
    store: () => options.store ?? createBaseReportStore({ dir: plan.storeDir }),
    rest: comment =>
      options.rest ??
      createRestClient({ token: comment.token, apiUrl: comment.apiUrl, userAgent: comment.userAgent })
  })
}

export interface PublishEffects {
  io: ActionsIO
  writeFile: (file: string, text: string) => void
  /** Made only when the plan needs the store or the API. */
  store: () => BaseReportStore
  rest: (comment: NonNullable<PublishPlan['comment']>) => RestClient
}

/** Applies a plan in order: files and outputs (always), annotations, base report, summary, comment, verdict. */
export async function applyPublishPlan(plan: PublishPlan, effects: PublishEffects): Promise<PublishResult> {
  const { io } = effects
  for (const warning of plan.warnings) io.warning(warning)

  const written: WrittenFiles = {}
  for (const file of plan.files) {
    try {
      effects.writeFile(file.path, file.text)
      written[file.output === 'report-file' ? 'reportFile' : 'sarifFile'] = file.path
    } catch (error) {
      io.warning(`Could not write the ${file.what} to ${file.path}: ${messageOf(error)}`)
    }
  }
  io.setOutput('report-file', written.reportFile ?? '')
  io.setOutput('sarif-file', written.sarifFile ?? '')
  for (const [name, value] of plan.outputs) io.setOutput(name, value)

  emitAnnotations(io, plan.annotations)

  let baseReport: Report | undefined
  if (plan.baseReport?.action === 'save') {
    const { branch, sha } = plan.baseReport
    const saved = await effects.store().save(plan.report, { branch, sha })
    if (saved.warning) io.warning(saved.warning)
    else
      io.debug(saved.saved ? `Saved the report as ${saved.key}` : `Report not cached: ${saved.skipped ?? ''}`)
  } else if (plan.baseReport?.action === 'restore') {
    const { dockerfile, branch, sha } = plan.baseReport
    const restored = await effects.store().restore(dockerfile, { branch, ...(sha ? { sha } : {}) })
    if (restored.warning) io.warning(restored.warning)
    if (restored.report) {
      baseReport = plan.redact(restored.report)
      io.debug(`Comparing with the base branch report ${restored.key ?? ''}`)
    }
  }

  if (plan.summary) {
    try {
      await io.writeSummary(plan.summary(written))
    } catch (error) {
      io.warning(`Could not write the job summary: ${messageOf(error)}`)
    }
  }

  let comment: StickyCommentResult | undefined
  if (plan.commentSkipped) io.info(plan.commentSkipped)
  if (plan.comment) {
    comment = await upsertStickyComment({
      rest: effects.rest(plan.comment),
      owner: plan.comment.owner,
      repo: plan.comment.repo,
      issueNumber: plan.comment.issueNumber,
      marker: plan.comment.marker,
      body: plan.comment.body(baseReport ?? null)
    })
    if (comment.warning) io.warning(comment.warning)
    else io.info(`PR comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`)
  }

  if (plan.fail) io.setFailed(plan.verdict.reason)
  else io.info(plan.verdict.reason)

  const [reportFile, sarifFile] = plan.files.map(file => file.path) as [string, string]
  return {
    verdict: plan.verdict,
    reportFile,
    sarifFile,
    annotationsOmitted: plan.annotationsOmitted,
    ...(comment ? { comment } : {}),
    ...(baseReport ? { baseReport } : {})
  }
}
