// The seam between the action and the Actions runtime: inputs, outputs,
// masking, log lines and annotations, groups, the job summary, failure.
// `createActionsIO` binds it to @actions/core; `RecordingActionsIO` records
// everything for tests.
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

export interface RecordedMessage {
  level: 'debug' | 'info' | 'notice' | 'warning' | 'error'
  message: string
  properties?: AnnotationProperties
}

/** An ActionsIO that keeps everything in memory, for tests. */
export class RecordingActionsIO implements ActionsIO {
  readonly outputs: Record<string, string> = {}
  readonly secrets: string[] = []
  readonly messages: RecordedMessage[] = []
  readonly groups: string[] = []
  readonly summaries: string[] = []
  failed: string | undefined

  constructor(readonly inputs: Record<string, string> = {}) {}

  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim()
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value
  }
  setSecret(value: string): void {
    this.secrets.push(value)
  }
  debug(message: string): void {
    this.messages.push({ level: 'debug', message })
  }
  info(message: string): void {
    this.messages.push({ level: 'info', message })
  }
  notice(message: string, properties?: AnnotationProperties): void {
    this.messages.push({ level: 'notice', message, ...(properties ? { properties } : {}) })
  }
  warning(message: string, properties?: AnnotationProperties): void {
    this.messages.push({ level: 'warning', message, ...(properties ? { properties } : {}) })
  }
  error(message: string, properties?: AnnotationProperties): void {
    this.messages.push({ level: 'error', message, ...(properties ? { properties } : {}) })
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(name)
    return fn()
  }
  async writeSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown)
  }
  setFailed(message: string): void {
    this.failed = message
    this.messages.push({ level: 'error', message })
  }
  /** Messages at one level. */
  at(level: RecordedMessage['level']): RecordedMessage[] {
    return this.messages.filter(message => message.level === level)
  }
}
