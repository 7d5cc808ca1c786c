// One way to keep secret values out of text, used by the build's log lines
// and by the report: each value, and each line of a multi-line value (the
// runner masks line by line), replaced by `***`, longest first so a value that
// contains another is replaced whole. Very short values are left alone: they
// would mangle ordinary words, and the runner masks them anyway.

export const REDACTED = '***'
const MIN_VALUE_LENGTH = 3
const MIN_LINE_LENGTH = 4

/** The strings to replace, longest first. */
export function secretNeedles(values: readonly string[]): string[] {
  const needles = new Set<string>()
  for (const value of values) {
    if (value.trim().length >= MIN_VALUE_LENGTH) needles.add(value)
    const lines = value.split(/\r?\n/)
    if (lines.length > 1) {
      for (const line of lines) if (line.trim().length >= MIN_LINE_LENGTH) needles.add(line.trim())
    }
  }
  return [...needles].sort((a, b) => b.length - a.length)
}

export function redactWith(needles: readonly string[], text: string): string {
  let out = text
  for (const needle of needles) out = out.split(needle).join(REDACTED)
  return out
}

export function makeRedactor(values: readonly string[]): (text: string) => string {
  const needles = secretNeedles(values)
  return text => redactWith(needles, text)
}
