// An ActionsIO that keeps everything in memory: the test double for the
// action's seam to the Actions runtime (src/github/actions.ts).
import type { AnnotationProperties } from '@actions/core'
import type { ActionsIO } from '../../src/github/actions.js'

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
  writeSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown)
    return Promise.resolve()
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
