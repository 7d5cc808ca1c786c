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
 * Splits a list input as docker/build-push-action does: one item per line,
 * and also on commas unless `ignoreComma` (values that may contain commas,
 * such as cache and secret specs). A comma inside double quotes does not
 * split. Empty items and `#` comment lines are dropped.
 */
export function parseList(raw: string, ignoreComma = false): string[] {
  const items: string[] = []
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    if (ignoreComma) {
      items.push(trimmed)
      continue
    }
    for (const part of splitOutsideQuotes(trimmed)) {
      const item = part.trim()
      if (item !== '') items.push(item)
    }
  }
  return items
}

function splitOutsideQuotes(line: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted
      continue
    }
    if (char === ',' && !quoted) {
      parts.push(current)
      current = ''
      continue
    }
    current += char
  }
  parts.push(current)
  return parts
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
    'sarif-file': text('sarif-file')
  }
}
