// The action: read inputs, run the pipeline, publish the report (files,
// outputs, annotations, job summary, sticky PR comment, base report), then
// apply the fail-on policy. Outputs are set in every case, a failed build
// included; every error ends in setFailed with one line, and a user's mistake
// never shows a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { makeRedactor, parseSecretPair } from './build/secrets.js'
import { ALL_RULES } from './catalog.js'
import { errorMessage, isUsageError } from './errors.js'
import { countFindings } from './finding.js'
import { createActionsIO, emitAnnotations, type ActionsIO } from './github/actions.js'
import { createBaseReportStore, dockerfileHash, type BaseReportStore } from './github/base-report.js'
import { isDefaultBranchPush, readRunContext, runUrl, type RunContext } from './github/event.js'
import { apiUrlFromEnv, createRestClient } from './github/rest.js'
import { upsertStickyComment } from './github/sticky-comment.js'
import { parseInputs, type Inputs } from './inputs.js'
import { runPipeline, type PipelineResult } from './pipeline.js'
import { planAnnotations } from './report/annotations.js'
import { renderComment, stickyMarker } from './report/comment.js'
import { formatJson } from './report/json.js'
import type { Report } from './report/report.js'
import { formatSarif, toSarif } from './report/sarif.js'
import { blobContextFromEnv, renderSummary } from './report/summary.js'
import { verdict } from './report/verdict.js'
import { VERSION } from './version.js'

export interface ActionServices {
  io: ActionsIO
  env: NodeJS.ProcessEnv
  baseReports: BaseReportStore
}

export function defaultServices(): ActionServices {
  return { io: createActionsIO(), env: process.env, baseReports: createBaseReportStore() }
}

export async function run(services: ActionServices = defaultServices()): Promise<void> {
  const { io, env } = services
  const tempDir = env.RUNNER_TEMP || tmpdir()
  let resultSet = false
  try {
    const inputs = parseInputs(name => io.getInput(name))
    const token = inputs['github-token'] || env.GITHUB_TOKEN || ''
    if (token !== '') io.setSecret(token)
    const redact = makeRedactor(secretValues(inputs, env, token))

    const result = await runPipeline(inputs, {
      cwd: process.cwd(),
      env,
      tempDir,
      info: line => io.info(line),
      notice: message => io.notice(message),
      warning: message => io.warning(message),
      group: (name, phase) => io.group(name, phase),
      mask: value => io.setSecret(value)
    })
    // Defence in depth: whatever the phases produced, no secret value given
    // to the step leaves it in a report, a summary or a comment.
    const report = redactReport(result.report, redact)
    const outcome = verdict(report, result.failOn)

    await publish({ ...result, report }, inputs, services, tempDir, token)
    io.setOutput('result', outcome.result)
    resultSet = true
    if (outcome.result === 'fail') io.setFailed(outcome.reason)
    else io.info(outcome.reason)
  } catch (error) {
    if (!resultSet) io.setOutput('result', 'fail')
    if (!isUsageError(error) && error instanceof Error && error.stack) io.debug(error.stack)
    io.setFailed(errorMessage(error))
  }
}

/** Every value the step was given as a secret, to redact from what it writes. */
export function secretValues(inputs: Inputs, env: NodeJS.ProcessEnv, token: string): string[] {
  const values = inputs.secrets.map(item => parseSecretPair('secrets', item).value)
  for (const item of inputs['secret-envs']) {
    const name = parseSecretPair('secret-envs', item).value
    const value = env[name]
    if (value) values.push(value)
  }
  if (token !== '') values.push(token)
  return values
}

export function redactReport(report: Report, redact: (text: string) => string): Report {
  return JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
    typeof value === 'string' ? redact(value) : value
  ) as Report
}

function defaultFile(tempDir: string, dockerfile: string, extension: string): string {
  return join(tempDir, `stagegate-${dockerfileHash(dockerfile)}.${extension}`)
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

async function publish(
  result: PipelineResult,
  inputs: Inputs,
  services: ActionServices,
  tempDir: string,
  token: string
): Promise<void> {
  const { io, env } = services
  const { report, build } = result
  const context = readRunContext(env)
  if (context.warning) io.warning(context.warning)

  const reportFile = resolve(inputs['report-file'] || defaultFile(tempDir, report.dockerfile, 'json'))
  const sarifFile = resolve(inputs['sarif-file'] || defaultFile(tempDir, report.dockerfile, 'sarif'))
  writeFile(reportFile, formatJson(report))
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  writeFile(
    sarifFile,
    formatSarif(toSarif([report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: workspace }))
  )

  io.setOutput('imageid', build?.imageid ?? '')
  io.setOutput('digest', build?.digest ?? '')
  io.setOutput('metadata', build?.metadata ?? '')
  io.setOutput('report-file', reportFile)
  io.setOutput('sarif-file', sarifFile)
  io.setOutput('counts', JSON.stringify(countFindings(report.findings)))

  let omitted = 0
  if (inputs.annotations) {
    const plan = planAnnotations(report.findings, {
      workspace,
      cwd: process.cwd(),
      dockerfile: report.dockerfile,
      rules: ALL_RULES
    })
    emitAnnotations(io, plan.annotations)
    omitted = plan.omitted
  }

  const blob = blobContextFromEnv(env)
  if (inputs.summary) {
    await io.writeSummary(
      renderSummary(report, {
        failOn: result.failOn,
        ...(blob ? { blob } : {}),
        annotationsOmitted: omitted,
        sarifFile,
        reportFile
      })
    )
  }

  await comment(report, result, inputs, services, context, token)

  if (isDefaultBranchPush(context) && context.branch && context.sha) {
    const saved = await services.baseReports.save(report, { branch: context.branch, sha: context.sha })
    if (saved.warning) io.warning(saved.warning)
    else if (saved.saved) io.info(`Saved this report for pull requests to compare against (${saved.key}).`)
  }
}

async function comment(
  report: Report,
  result: PipelineResult,
  inputs: Inputs,
  services: ActionServices,
  context: RunContext,
  token: string
): Promise<void> {
  const { io, env } = services
  const pr = context.pullRequest
  if (inputs.comment === 'never' || pr === undefined || !context.owner || !context.repo) return
  if (token === '') {
    io.warning('No github-token: the PR comment was not written. The job summary has the full report.')
    return
  }
  const base = await services.baseReports.restore(report.dockerfile, {
    branch: pr.baseRef,
    ...(pr.baseSha ? { sha: pr.baseSha } : {})
  })
  if (base.warning) io.warning(base.warning)
  const marker = stickyMarker({
    workflow: context.workflow ?? '',
    job: context.job ?? '',
    dockerfile: report.dockerfile
  })
  const url = runUrl(context)
  const blob = blobContextFromEnv(env)
  const body = renderComment(report, {
    marker,
    failOn: result.failOn,
    base: base.report ?? null,
    ...(blob ? { blob } : {}),
    ...(url ? { runUrl: url } : {})
  })
  const rest = createRestClient({ token, apiUrl: apiUrlFromEnv(env) })
  const upserted = await upsertStickyComment({
    rest,
    owner: context.owner,
    repo: context.repo,
    issueNumber: pr.number,
    marker,
    body
  })
  if (upserted.warning) io.warning(upserted.warning)
  else io.info(`PR comment ${upserted.action}${upserted.url ? `: ${upserted.url}` : ''}`)
}
