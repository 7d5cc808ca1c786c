// The action: read inputs, run the pipeline, report, set the result. Every
// error ends in core.setFailed with one line; a user's mistake never shows a
// stack trace.
import * as core from '@actions/core'
import { errorMessage, isUsageError } from './errors.js'
import { parseInputs } from './inputs.js'

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs(name => core.getInput(name))
    core.info(`stagegate: ${inputs.file || 'Dockerfile'} (pipeline not wired yet)`)
  } catch (error) {
    if (!isUsageError(error) && error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(errorMessage(error))
  }
}
