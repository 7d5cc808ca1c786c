// The terminal format (`--format tty`, and `text`, its old name): one
// compiler-style line per finding, then a summary line (report/text.ts),
// coloured by severity when the caller says the output is a terminal and
// NO_COLOR is unset. Control characters in any field are escaped, so the
// only escape sequences on the line are the ones added here.
import type { Severity } from '../../finding.js'
import type { Report } from '../report.js'
import { formatText, type Paint } from '../text.js'
import type { FormatContext } from './common.js'

const SGR: Record<Severity, string> = { error: '31;1', warning: '33;1', note: '36' }

export const ANSI_PAINT: Paint = {
  severity: (severity, text) => `\u001b[${SGR[severity]}m${text}\u001b[0m`,
  dim: text => `\u001b[2m${text}\u001b[0m`
}

/** Colour only on a terminal, and never with NO_COLOR set to anything (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return (
    stream.isTTY === true &&
    (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '') &&
    env['TERM'] !== 'dumb'
  )
}

export function formatTty(reports: readonly Report[], context?: FormatContext): string {
  return formatText(reports, context?.color === true ? ANSI_PAINT : undefined)
}
