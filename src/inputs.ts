// Action inputs → one typed object whose keys are the action.yml names.
// `parseInputs` is pure (it takes a getter), so tests feed a plain map;
// `getInputs` binds it to @actions/core. Every input is validated here, early,
// with a message that names the input and says what to do.
import { UsageError } from './errors.js'
import type { FailOn } from './finding.js'

export interface Inputs {
  context: string
  file: string
  target: string
  tags: string[]
  labels: string[]
  'build-args': string[]
  platforms: string[]
  push: boolean
  load: boolean
  pull: boolean
  'no-cache': boolean
  builder: string
  'cache-from': string[]
  'cache-to': string[]
  secrets: string[]
  'secret-files': string[]
  'secret-envs': string[]
  sbom: string
  provenance: string
  attests: string[]
  'github-token': string
  'cache-registry': string
  'cache-local': boolean
  build: boolean
  image: string
  lint: boolean
  check: boolean
  config: string
  'fail-on': FailOn | ''
  comment: 'auto' | 'always' | 'never'
  summary: boolean
  annotations: boolean
  'report-file': string
  'sarif-file': string
  /** Sign and attest the pushed image (src/sign). */
  sign: 'auto' | 'true' | 'false'
  /** A cosign private key (key-pair mode) and its password; secrets. */
  'signing-key': string
  'signing-password': string
  /** Check each stage's FROM image: pinned, signed, provenance. */
  'verify-base-images': boolean
}

export type InputGetter = (name: string) => string

const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

/** The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim()
  if (value === '') return fallback
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new UsageError(`Input "${name}" must be true or false, got "${value}".`)
}

/**
 * Splits a list input as docker/build-push-action does (its CSV reading with
 * relaxed quotes): one item per line, and also on commas unless `ignoreComma`
 * (values that may contain commas, such as cache and secret specs). A field
 * that starts with a double quote runs to its closing quote, across commas
 * and newlines, so `"KEY=${{ secrets.PEM }}"` keeps a multi-line value whole;
 * `""` inside it is one quote; a quote inside an unquoted field is literal.
 * Empty items and `#` comment lines are dropped.
 */
export function parseList(raw: string, ignoreComma = false): string[] {
  const items: string[] = []
  for (const record of csvRecords(raw)) {
    if (ignoreComma) {
      const item = record.join(',').trim()
      if (item !== '') items.push(item)
      continue
    }
    for (const field of record) {
      const item = field.trim()
      if (item !== '') items.push(item)
    }
  }
  return items
}

const AFTER_QUOTE = /[ \t]*(,|\r?\n|$)/y

function csvRecords(raw: string): string[][] {
  const records: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let quoteStart = 0
  let atRecordStart = true
  const endRecord = (): void => {
    fields.push(field)
    if (fields.some(value => value.trim() !== '')) records.push(fields)
    fields = []
    field = ''
    atRecordStart = true
  }
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string
    if (quoted) {
      if (char !== '"') field += char
      else if (raw[i + 1] === '"') {
        field += '"'
        i++
      } else {
        quoted = false
        // A closing quote not followed by a delimiter (`"user":"u"}` in JSON) was no quoting at all: keep the text as written.
        AFTER_QUOTE.lastIndex = i + 1
        if (!AFTER_QUOTE.test(raw)) field = raw.slice(quoteStart, i + 1)
      }
      continue
    }
    if (atRecordStart) {
      const lineEnd = raw.indexOf('\n', i)
      const line = raw.slice(i, lineEnd === -1 ? raw.length : lineEnd)
      if (line.trim().startsWith('#')) {
        i = lineEnd === -1 ? raw.length : lineEnd
        continue
      }
      atRecordStart = false
    }
    if (char === '"' && field.trim() === '') {
      quoted = true
      quoteStart = i
      field = ''
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else if (char === '\n') endRecord()
    else if (char === '\r' && raw[i + 1] === '\n') {
      i++
      endRecord()
    } else field += char
  }
  endRecord()
  return records
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim()
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `Input "${name}" must be one of ${allowed.filter(item => item !== '').join(', ')}, got "${value}".`
  )
}

export function parseInputs(get: InputGetter): Inputs {
  const text = (name: string): string => get(name).trim()
  const bool = (name: string, fallback: boolean): boolean => parseBoolean(name, get(name), fallback)
  return {
    context: text('context') || '.',
    file: text('file'),
    target: text('target'),
    tags: parseList(get('tags')),
    labels: parseList(get('labels'), true),
    'build-args': parseList(get('build-args'), true),
    platforms: parseList(get('platforms')),
    push: bool('push', false),
    load: bool('load', false),
    pull: bool('pull', false),
    'no-cache': bool('no-cache', false),
    builder: text('builder'),
    'cache-from': parseList(get('cache-from'), true),
    'cache-to': parseList(get('cache-to'), true),
    secrets: parseList(get('secrets'), true),
    'secret-files': parseList(get('secret-files'), true),
    'secret-envs': parseList(get('secret-envs')),
    sbom: text('sbom') || 'true',
    provenance: text('provenance') || 'mode=max',
    attests: parseList(get('attests'), true),
    'github-token': text('github-token'),
    'cache-registry': text('cache-registry'),
    'cache-local': bool('cache-local', false),
    build: bool('build', true),
    image: text('image'),
    lint: bool('lint', true),
    check: bool('check', true),
    config: text('config'),
    'fail-on': oneOf('fail-on', get('fail-on'), ['error', 'warning', 'note', 'never', ''] as const, ''),
    comment: oneOf('comment', get('comment'), ['auto', 'always', 'never'] as const, 'auto'),
    summary: bool('summary', true),
    annotations: bool('annotations', true),
    'report-file': text('report-file'),
    'sarif-file': text('sarif-file'),
    sign: oneOf('sign', get('sign'), ['auto', 'true', 'false'] as const, 'auto'),
    'signing-key': get('signing-key').trim(),
    'signing-password': get('signing-password'),
    'verify-base-images': bool('verify-base-images', false)
  }
}
