// The action: read inputs, run the pipeline, publish the report (files,
// outputs, annotations, job summary, sticky PR comment, base report) and
// apply the fail-on policy. Outputs are set in every case, a failed build
// included; every error ends in setFailed with one line, and a user's mistake
// never shows a stack trace. run() returns instead of exiting, so tests drive
// it in process with a recording ActionsIO and their own pipeline I/O.
import { tmpdir } from 'node:os'
import { ALL_RULES } from './catalog.js'
import { errorMessage, isUsageError } from './errors.js'
import { createActionsIO, type ActionsIO } from './github/actions.js'
import { publishReport, type PublishOptions } from './github/publish.js'
import { parseInputs, type Inputs } from './inputs.js'
import { runPipeline, type PipelineDeps } from './pipeline.js'
import { defaultPipelineDeps } from './pipeline-deps.js'
import { SecretSet, secretValuesOf } from './redact.js'

export interface RunOptions {
  /** The workspace (default process.cwd()). */
  cwd?: string
  /** Swaps pieces of the pipeline's I/O (default defaultPipelineDeps()). */
  pipeline?: Partial<PipelineDeps>
  /** The GitHub REST client and base-report store publishing uses (default: GitHub's API, the Actions cache). */
  publish?: Pick<PublishOptions, 'rest' | 'store'>
}

export async function run(
  io: ActionsIO = createActionsIO(),
  env: NodeJS.ProcessEnv = process.env,
  options: RunOptions = {}
): Promise<void> {
  let published = false
  try {
    const inputs = parseInputs(name => io.getInput(name))
    const token = inputs['github-token'] || env.GITHUB_TOKEN || ''
    if (token !== '') io.setSecret(token)
    for (const value of signingSecrets(inputs)) io.setSecret(value)

    const cwd = options.cwd ?? process.cwd()
    // One set of secret values for the whole step: what the inputs name, and what the build registers.
    const secrets = new SecretSet(secretValues(inputs, env, token))
    const deps: PipelineDeps = {
      ...defaultPipelineDeps({
        cwd,
        env,
        tempDir: env.RUNNER_TEMP || tmpdir(),
        info: line => io.info(line),
        notice: message => io.notice(message),
        warning: message => io.warning(message),
        group: (name, phase) => io.group(name, phase),
        mask: value => {
          secrets.add(value)
          io.setSecret(value)
        },
        // Set as soon as buildx is done, so they are there even if the check fails.
        onBuild: build => setBuildOutputs(io, build, secrets)
      }),
      ...options.pipeline
    }
    const result = await runPipeline(inputs, deps)
    setBuildOutputs(io, result.build, secrets)
    const after = await deps.afterBuild(inputs, result, {
      env,
      info: line => io.info(line),
      notice: message => io.notice(message),
      warning: message => io.warning(message)
    })
    for (const [name, value] of Object.entries(after.outputs)) io.setOutput(name, value)
    published = true
    await publishReport({
      io,
      report: result.report,
      failOn: result.failOn,
      inputs: { ...inputs, 'github-token': token },
      rules: ALL_RULES,
      secrets: secrets.values(),
      env,
      cwd,
      ...options.publish
    })
    if (after.error) {
      // sign: true could not sign: the step fails, whatever the findings said.
      io.setOutput('result', 'fail')
      io.setFailed(after.error)
    }
  } catch (error) {
    if (!published) io.setOutput('result', 'fail')
    if (!isUsageError(error) && error instanceof Error && error.stack) io.debug(error.stack)
    io.setFailed(errorMessage(error))
  }
}

function setBuildOutputs(
  io: ActionsIO,
  build: { imageid?: string; digest?: string; metadata?: string } | undefined,
  secrets: SecretSet
): void {
  // buildx metadata can quote build args (provenance): a secret passed as one as well stays out of outputs.
  io.setOutput('imageid', secrets.redact(build?.imageid ?? ''))
  io.setOutput('digest', secrets.redact(build?.digest ?? ''))
  io.setOutput('metadata', secrets.redact(build?.metadata ?? ''))
}

/** Every value the step was given as a secret, so none of them leaves it in a report (secret-files contents too). */
export function secretValues(inputs: Inputs, env: NodeJS.ProcessEnv, token: string): string[] {
  return [
    ...secretValuesOf({ ...inputs, 'github-token': token }, { ...env, GITHUB_TOKEN: '' }, process.cwd()),
    ...signingSecrets(inputs)
  ]
}

/** The cosign key (whole and line by line, as a log may split it) and its password. */
export function signingSecrets(inputs: Pick<Inputs, 'signing-key' | 'signing-password'>): string[] {
  const values: string[] = []
  const key = inputs['signing-key']
  if (key !== '') {
    values.push(key)
    for (const line of key.split(/\r?\n/))
      if (line.trim().length >= 8 && !line.startsWith('-----')) values.push(line.trim())
  }
  if (inputs['signing-password'] !== '') values.push(inputs['signing-password'])
  return values
}
