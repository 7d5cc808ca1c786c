// The seam between the action and the Actions runtime: inputs, outputs,
// masking, log lines and annotations, groups, the job summary, failure.
// `createActionsIO` binds it to @actions/core; tests use the recording double
// in __tests__/support/recording-actions-io.ts.
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'
import type { Annotation } from '../report/annotations.js'

export interface ActionsIO {
  getInput(name: string): string
  setOutput(name: string, value: string): void
  /** Masks a value in every later log line. */
  setSecret(value: string): void
  debug(message: string): void
  info(message: string): void
  notice(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Appends markdown to the job summary; a no-op when the runner gives no summary file. */
  writeSummary(markdown: string): Promise<void>
  setFailed(message: string): void
}

export function createActionsIO(): ActionsIO {
  return {
    getInput: name => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: value => core.setSecret(value),
    debug: message => core.debug(message),
    info: message => core.info(message),
    notice: (message, properties) => core.notice(message, properties),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    group: (name, fn) => core.group(name, fn),
    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.debug('GITHUB_STEP_SUMMARY is not set: job summary not written')
        return
      }
      await core.summary.addRaw(markdown).write()
      core.summary.emptyBuffer()
    },
    setFailed: message => core.setFailed(message)
  }
}

/** Emits planned annotations through the IO, each at its level. */
export function emitAnnotations(io: ActionsIO, annotations: readonly Annotation[]): void {
  for (const { level, message, ...properties } of annotations) {
    if (level === 'error') io.error(message, properties)
    else if (level === 'warning') io.warning(message, properties)
    else io.notice(message, properties)
  }
}
