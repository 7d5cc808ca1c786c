// Action inputs → one typed object whose keys are the action.yml names.
// `parseInputs` is pure (it takes a getter), so tests feed a plain map;
// `getInputs` binds it to @actions/core. Every input is validated here, early,
// with a message that names the input and says what to do.
//
// The build inputs are docker/build-push-action v7's, read as it reads them:
// list inputs go through @docker/actions-toolkit's `Util.getList` (csv-parse
// with relaxed quotes), the very function build-push-action calls, so quotes,
// commas, newlines and `#` lines split the same way. To add an input: one
// field in `Inputs`, one line in `parseInputs`, one entry in action.yml.
import { Util } from '@docker/actions-toolkit/lib/util.js'
import { UsageError } from './errors.js'
import type { FailOn } from './finding.js'

export interface Inputs {
  // build-push-action v7's inputs, with its names and meaning.
  'add-hosts': string[]
  allow: string[]
  /** OCI annotations for the image (`--annotation`), as build-push-action. */
  annotations: string[]
  attests: string[]
  'build-args': string[]
  'build-contexts': string[]
  builder: string
  'cache-from': string[]
  'cache-to': string[]
  call: string
  'cgroup-parent': string
  /** '' = the Git context of the commit, as build-push-action; may hold `{{defaultContext}}`. */
  context: string
  file: string
  labels: string[]
  load: boolean
  network: string
  'no-cache': boolean
  'no-cache-filters': string[]
  outputs: string[]
  platforms: string[]
  /** '' = Stagegate's default (max, min for a private repository); else as build-push-action. */
  provenance: string
  pull: boolean
  push: boolean
  /** '' = Stagegate's default (on); else as build-push-action. */
  sbom: string
  secrets: string[]
  'secret-envs': string[]
  'secret-files': string[]
  'shm-size': string
  ssh: string[]
  tags: string[]
  target: string
  ulimit: string[]
  'github-token': string
  // Stagegate's own inputs.
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
  /** GitHub annotations on the Dockerfile lines (build-push-action's `annotations` is the OCI list above). */
  'github-annotations': boolean
  'report-file': string
  'sarif-file': string
  /** Run the built image once, hardened, to prove the startup prediction. */
  smoke: boolean
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

export interface ListOptions {
  /** Items may hold commas (cache, secret, output specs): split on newlines only. */
  ignoreComma?: boolean
  /** `outputs`: a double quote is an ordinary character (build-push-action passes quote: false). */
  quote?: false
  /**
   * `secrets`: strip only spaces and tabs around an item, so a quoted
   * multi-line value keeps its trailing newline (an SSH key needs it).
   */
  keepNewlines?: boolean
}

/**
 * Splits a list input exactly as build-push-action does: its own splitter,
 * `Util.getList` from @docker/actions-toolkit (csv-parse, relaxed quotes, no
 * comment character, so a `#` line is an item). A quoted field runs across
 * commas and newlines; `""` inside it is one quote.
 */
export function parseList(raw: string, options: ListOptions | boolean = {}): string[] {
  const opts: ListOptions = typeof options === 'boolean' ? { ignoreComma: options } : options
  const input = opts.keepNewlines ? raw.replace(/^\s*\n|\n\s*$/g, '') : raw.trim()
  if (input.trim() === '') return []
  let items: string[]
  try {
    items = Util.getList(input, {
      ignoreComma: opts.ignoreComma ?? false,
      ...(opts.quote === false ? { quote: false } : {}),
      ...(opts.keepNewlines ? { trimWhitespace: false } : {})
    })
  } catch (error) {
    // csv-parse's message quotes the text (a secret, maybe): say only where.
    const where = /line (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
    throw new UsageError(
      `a list input is not valid CSV${where ? ` (line ${where})` : ''}: close every double quote, or write "" for a literal one.`
    )
  }
  if (!opts.keepNewlines) return items
  return items.map(item => item.replace(/^[ \t]+|[ \t]+$/g, '')).filter(item => item.trim() !== '')
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  const value = raw.trim()
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `Input "${name}" must be one of ${allowed.filter(item => item !== '').join(', ')}, got "${value}".`
  )
}

/** Names the input in a list-parsing error. */
function list(name: string, raw: string, options: ListOptions = {}): string[] {
  try {
    return parseList(raw, options)
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`Input "${name}": ${error.message}`)
    throw error
  }
}

export function parseInputs(get: InputGetter): Inputs {
  const text = (name: string): string => get(name).trim()
  const bool = (name: string, fallback: boolean): boolean => parseBoolean(name, get(name), fallback)
  const lines = (name: string, options: ListOptions = {}): string[] => list(name, get(name), options)
  const csv = (name: string): string[] => lines(name, { ignoreComma: true })
  return {
    'add-hosts': lines('add-hosts'),
    allow: lines('allow'),
    annotations: csv('annotations'),
    attests: csv('attests'),
    'build-args': csv('build-args'),
    'build-contexts': csv('build-contexts'),
    builder: text('builder'),
    'cache-from': csv('cache-from'),
    'cache-to': csv('cache-to'),
    call: text('call'),
    'cgroup-parent': text('cgroup-parent'),
    context: text('context'),
    file: text('file'),
    labels: csv('labels'),
    load: bool('load', false),
    network: text('network'),
    'no-cache': bool('no-cache', false),
    'no-cache-filters': lines('no-cache-filters'),
    outputs: lines('outputs', { ignoreComma: true, quote: false }),
    platforms: lines('platforms'),
    provenance: text('provenance'),
    pull: bool('pull', false),
    push: bool('push', false),
    sbom: text('sbom'),
    secrets: lines('secrets', { ignoreComma: true, keepNewlines: true }),
    'secret-envs': lines('secret-envs'),
    'secret-files': csv('secret-files'),
    'shm-size': text('shm-size'),
    ssh: lines('ssh'),
    tags: lines('tags'),
    target: text('target'),
    ulimit: csv('ulimit'),
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
    'github-annotations': bool('github-annotations', true),
    'report-file': text('report-file'),
    'sarif-file': text('sarif-file'),
    smoke: bool('smoke', false),
    sign: oneOf('sign', get('sign'), ['auto', 'true', 'false'] as const, 'auto'),
    'signing-key': get('signing-key').trim(),
    'signing-password': get('signing-password'),
    'verify-base-images': bool('verify-base-images', false)
  }
}
