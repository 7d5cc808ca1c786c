// One way to keep secret values out of text, used by the build's log lines
// and by the report: each value, and each line of a multi-line value (the
// runner masks line by line), replaced by `***`, longest first so a value that
// contains another is replaced whole. Very short values are left alone: they
// would mangle ordinary words, and the runner masks them anyway.

import { readFileSync, statSync } from 'node:fs'
import { resolve as resolvePath } from 'node:path'

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

/**
 * The secret values one run knows, growing as phases register more (the
 * build masks each value it hands buildx), with one redaction applied to
 * every output stream: log lines, the rendered report, files, outputs.
 */
export class SecretSet {
  private readonly known = new Set<string>()
  private needles: string[] = []
  constructor(values: readonly string[] = []) {
    for (const value of values) this.add(value)
  }
  add(value: string): void {
    if (value === '' || this.known.has(value)) return
    this.known.add(value)
    this.needles = secretNeedles([...this.known])
  }
  values(): string[] {
    return [...this.known]
  }
  redact(text: string): string {
    return this.needles.length === 0 ? text : redactWith(this.needles, text)
  }
}

/** Secret files larger than this are not read for redaction (keys and tokens are small). */
const MAX_SECRET_FILE = 64 * 1024

export interface SecretInputs {
  secrets: readonly string[]
  'secret-envs': readonly string[]
  'secret-files': readonly string[]
  'github-token': string
}

/**
 * Every value the step was given as a secret: `secrets` values, the
 * variables `secret-envs` names, the contents of small text `secret-files`,
 * and the token. Malformed items are skipped here (the build reports them).
 */
export function secretValuesOf(
  inputs: SecretInputs,
  env: NodeJS.ProcessEnv,
  cwd: string,
  readFile: (path: string) => Buffer | undefined = defaultReadFile
): string[] {
  const values: string[] = []
  const valueOf = (item: string): string => {
    const at = item.indexOf('=')
    return at === -1 ? '' : item.slice(at + 1)
  }
  for (const item of inputs.secrets) {
    const value = valueOf(item)
    if (value) values.push(value)
  }
  for (const item of inputs['secret-envs']) {
    const value = env[valueOf(item).trim()]
    if (value) values.push(value)
  }
  for (const item of inputs['secret-files']) {
    const file = valueOf(item).trim()
    if (!file) continue
    const content = readFile(resolvePath(cwd, file))
    if (content && !content.includes(0)) {
      const text = content.toString('utf8')
      values.push(text, text.trim())
    }
  }
  if (inputs['github-token']) values.push(inputs['github-token'])
  if (env.GITHUB_TOKEN) values.push(env.GITHUB_TOKEN)
  return values.filter(value => value !== '')
}

function defaultReadFile(path: string): Buffer | undefined {
  try {
    if (statSync(path).size > MAX_SECRET_FILE) return undefined
    return readFileSync(path)
  } catch {
    return undefined
  }
}
