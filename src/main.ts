// The action: read inputs, run the pipeline, publish the report (files,
// outputs, annotations, job summary, sticky PR comment, base report) and
// apply the fail-on policy. Outputs are set in every case, a failed build
// included; every error ends in setFailed with one line, and a user's mistake
// never shows a stack trace.
import { tmpdir } from 'node:os'
import { ALL_RULES } from './catalog.js'
import { errorMessage, isUsageError } from './errors.js'
import { createActionsIO, type ActionsIO } from './github/actions.js'
import { publishReport } from './github/publish.js'
import { parseInputs, type Inputs } from './inputs.js'
import { runPipeline } from './pipeline.js'
import { SecretSet, secretValuesOf } from './redact.js'

export async function run(
  io: ActionsIO = createActionsIO(),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  let published = false
  try {
    const inputs = parseInputs(name => io.getInput(name))
    const token = inputs['github-token'] || env.GITHUB_TOKEN || ''
    if (token !== '') io.setSecret(token)

    // One set of secret values for the whole step: what the inputs name, and what the build registers.
    const secrets = new SecretSet(secretValues(inputs, env, token))
    const result = await runPipeline(inputs, {
      cwd: process.cwd(),
      env,
      tempDir: env.RUNNER_TEMP || tmpdir(),
      info: line => io.info(line),
      notice: message => io.notice(message),
      warning: message => io.warning(message),
      group: (name, phase) => io.group(name, phase),
      mask: value => {
        secrets.add(value)
        io.setSecret(value)
      }
    })
    // buildx metadata can quote build args (provenance): a secret passed as one as well stays out of outputs.
    io.setOutput('imageid', secrets.redact(result.build?.imageid ?? ''))
    io.setOutput('digest', secrets.redact(result.build?.digest ?? ''))
    io.setOutput('metadata', secrets.redact(result.build?.metadata ?? ''))
    published = true
    await publishReport({
      io,
      report: result.report,
      failOn: result.failOn,
      inputs: { ...inputs, 'github-token': token },
      rules: ALL_RULES,
      secrets: secrets.values(),
      env
    })
  } catch (error) {
    if (!published) io.setOutput('result', 'fail')
    if (!isUsageError(error) && error instanceof Error && error.stack) io.debug(error.stack)
    io.setFailed(errorMessage(error))
  }
}

/** Every value the step was given as a secret, so none of them leaves it in a report (secret-files contents too). */
export function secretValues(inputs: Inputs, env: NodeJS.ProcessEnv, token: string): string[] {
  return secretValuesOf({ ...inputs, 'github-token': token }, { ...env, GITHUB_TOKEN: '' }, process.cwd())
}
