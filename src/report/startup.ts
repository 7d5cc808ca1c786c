// The startup verdict in words, for the job summary (near the top) and the
// logs: whether the image is expected to start under the hardened smoke run,
// why not (the first reasons, with their lines), and what the smoke run did.
import type { SmokeResult } from '../smoke/run.js'
import { code, escapeMarkdown } from './markdown.js'
import type { ReportStartup } from './report.js'

const REASONS_SHOWN = 3
const OUTPUT_SHOWN = 10

export function smokeLine(smoke: SmokeResult): string {
  if (!smoke.ran) return `smoke run: not run${smoke.error ? ` (${smoke.error})` : ''}`
  if (smoke.started === null) return `smoke run: inconclusive${smoke.error ? ` (${smoke.error})` : ''}`
  if (smoke.running) return `smoke run: started (still running after ${smoke.seconds ?? '?'} s, then stopped)`
  return `smoke run: ${smoke.started ? 'started' : 'failed'} (exit ${smoke.exitCode ?? '?'})`
}

/** Does the smoke run agree with the prediction? undefined when it did not run or was inconclusive. */
export function smokeAgrees(startup: ReportStartup): boolean | undefined {
  const { smoke } = startup
  if (!smoke.ran || smoke.started === null) return undefined
  return smoke.started === startup.expected
}

/** A few markdown lines for the summary's head. */
export function startupSummary(startup: ReportStartup): string[] {
  const lines: string[] = []
  const start = startup.reasons.some(reason => reason.impact === 'start')
  if (startup.expected) {
    lines.push(
      `**Startup:** ✅ expected to start under the hardened smoke run (${code(JSON.stringify(startup.command))})`
    )
  } else {
    lines.push(
      `**Startup:** ❌ ${start ? 'not expected to start' : 'expected to start, but not to do its basic work'} under the hardened smoke run:`
    )
    for (const reason of startup.reasons.slice(0, REASONS_SHOWN)) {
      const where = reason.line !== undefined ? ` (line ${reason.line})` : ''
      lines.push(`- ${code(reason.ruleId)}${where}: ${escapeMarkdown(reason.message)}`)
    }
    if (startup.reasons.length > REASONS_SHOWN)
      lines.push(`- … and ${startup.reasons.length - REASONS_SHOWN} more (see Findings)`)
  }
  const smoke = startup.smoke
  if (smoke.ran || smoke.error !== undefined) {
    const agrees = smokeAgrees(startup)
    const note = agrees === undefined ? '' : agrees ? ' — as predicted' : ' — **not as predicted**'
    lines.push('', `${escapeMarkdown(smokeLine(smoke))}${note}`)
    const output = (smoke.output ?? []).slice(-OUTPUT_SHOWN)
    if (output.length > 0) {
      lines.push(
        '',
        '<details><summary>last lines of output</summary>',
        '',
        '```text',
        ...output.map(line => line.replace(/```/g, "'''")),
        '```',
        '',
        '</details>'
      )
    }
  }
  return lines
}
