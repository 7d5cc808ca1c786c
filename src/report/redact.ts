// Defence in depth: findings arrive redacted, but a build error or a notice
// could still quote a secret the step was given. Every string in the report
// has each known secret value replaced before any reporter renders it.
import { makeRedactor, redactWith, secretNeedles } from '../redact.js'
import type { Report } from './report.js'

export function redactText(text: string, secrets: readonly string[]): string {
  return makeRedactor(secrets)(text)
}

function redactValue(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return redactWith(needles, value)
  if (Array.isArray(value)) return value.map(item => redactValue(item, needles))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, needles)]))
  }
  return value
}

/** A copy of the report with every secret value (and its lines, for multi-line secrets) replaced. */
export function redactReport(report: Report, secrets: readonly string[]): Report {
  const needles = secretNeedles(secrets)
  if (needles.length === 0) return report
  return redactValue(report, needles) as Report
}
