// Defence in depth: findings arrive redacted, but a build error or a notice
// could still quote a secret the step was given. Every string in the report
// has each known secret value replaced before any reporter renders it.
import type { Report } from './report.js'

export const REDACTED = '***'
/** Shorter values would mangle ordinary text (the runner masks them anyway). */
const MIN_SECRET_LENGTH = 4

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED)
  return out
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets)
  if (Array.isArray(value)) return value.map(item => redactValue(item, secrets))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)]))
  }
  return value
}

/** A copy of the report with every secret value (and its lines, for multi-line secrets) replaced. */
export function redactReport(report: Report, secrets: readonly string[]): Report {
  const values = [
    ...new Set(secrets.flatMap(secret => [secret, ...secret.split(/\r?\n/).map(line => line.trim())]))
  ]
    .filter(value => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
  if (values.length === 0) return report
  return redactValue(report, values) as Report
}
