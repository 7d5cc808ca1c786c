// Loads the Config: `.stagegate.yml` (or `.github/stagegate.yml`, or an
// explicit path), with an existing `.hadolint.yaml` filling what the
// Stagegate file does not set. Every mistake is a UsageError with one line
// that names the file and the key.
import { parseDiveCi } from './checks/dive-ci.js'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { emptyConfig, type Config, type Thresholds } from './config.js'
import { UsageError } from './errors.js'
import { parseUntrustedYaml } from './yaml-text.js'
import type { FailOn, Severity } from './finding.js'

export interface LoadConfigOptions {
  cwd: string
  /** `--config` / the `config` input; a missing file is an error. */
  explicitPath?: string
  /** True for rule ids and aliases Stagegate knows (lint and image rules, SC ids). */
  knownRuleIds: (id: string) => boolean
}

export const STAGEGATE_CONFIG_NAMES = [
  '.stagegate.yml',
  '.stagegate.yaml',
  '.github/stagegate.yml',
  '.github/stagegate.yaml'
]
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml']

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never']
const SEVERITY_VALUES: readonly (Severity | 'off')[] = ['error', 'warning', 'note', 'off']
const STAGEGATE_KEYS = new Set([
  'fail-on',
  'ignore',
  'severity',
  'trusted-registries',
  'thresholds',
  'allow',
  'label-schema',
  'strict-labels'
])
const THRESHOLD_KEYS: Record<string, keyof Thresholds> = {
  efficiency: 'efficiency',
  'wasted-bytes': 'wastedBytes',
  'image-size': 'imageSize',
  'layer-count': 'layerCount'
}
/** hadolint's severities → Stagegate's (info and style are notes). */
const HADOLINT_SEVERITY: Record<string, Severity | 'off'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
  ignore: 'off',
  none: 'off'
}
const MAX_CONFIG_BYTES = 1024 * 1024
const LABEL_TYPES = new Set(['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'])

export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const config = emptyConfig()
  const set = new Set<string>()
  const stagegatePath = findStagegateConfig(options)
  if (stagegatePath) {
    const label = displayName(options.cwd, stagegatePath)
    const data = await readYaml(stagegatePath, label)
    // hadolint-action's `config:` names a .hadolint.yaml: one line changed, the same file works.
    if (isHadolintConfig(data)) applyHadolint(config, set, data, label)
    else applyStagegate(config, set, data, label, options.knownRuleIds)
    config.sources.push(label)
  }
  const hadolintPath = HADOLINT_CONFIG_NAMES.map(name => join(options.cwd, name)).find(isFile)
  if (hadolintPath) {
    const label = displayName(options.cwd, hadolintPath)
    if (applyHadolint(config, set, await readYaml(hadolintPath, label), label)) config.sources.push(label)
  }
  // dive users keep their gate: a `.dive-ci` in the workspace is read with dive's rules and defaults.
  const divePath = join(options.cwd, '.dive-ci')
  if (isFile(divePath)) {
    const label = displayName(options.cwd, divePath)
    config.dive = { source: label, rules: await parseDiveCi(readFileSync(divePath, 'utf8'), label) }
    config.sources.push(label)
  }
  return config
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function findStagegateConfig(options: LoadConfigOptions): string | undefined {
  if (options.explicitPath !== undefined && options.explicitPath !== '') {
    const path = isAbsolute(options.explicitPath)
      ? options.explicitPath
      : resolve(options.cwd, options.explicitPath)
    if (!existsSync(path)) throw new UsageError(`config file not found: ${options.explicitPath}`)
    if (!isFile(path)) throw new UsageError(`config file is not a file: ${options.explicitPath}`)
    return path
  }
  return STAGEGATE_CONFIG_NAMES.map(name => join(options.cwd, name)).find(isFile)
}

function displayName(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel !== '' && !rel.startsWith('..') ? rel : path
}

async function readYaml(path: string, label: string): Promise<unknown> {
  let text: string
  try {
    // Settings fit in a few kilobytes; a bigger file (a million-entry ignore list) would only cost memory.
    const size = statSync(path).size
    if (size > MAX_CONFIG_BYTES)
      throw new UsageError(
        `${label}: ${size} bytes is too large for a config file (at most ${MAX_CONFIG_BYTES}); list rule ids, not generated data`
      )
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${label}: cannot read: ${(error as Error).message}`)
  }
  return parseUntrustedYaml(text, label)
}

/** Own keys only: `__proto__`, `constructor` and friends are not levels, rule ids or threshold names. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}

function checkSettingKey(id: string, where: string): void {
  if (id in Object.prototype || id === 'prototype')
    throw new UsageError(`${where}: ${JSON.stringify(id)} is not a rule id`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  // 1e400 is Infinity in YAML: say so, not `null` (JSON's rendering of it).
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  // One line of error: a whole file given where a mapping belongs is shown by its start.
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function stringList(value: unknown, where: string): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map(s => s.trim())
      .filter(s => s !== '')
  if (!Array.isArray(value) || !value.every(item => typeof item === 'string' || typeof item === 'number'))
    throw new UsageError(`${where} must be a list of strings, got ${show(value)}`)
  return value.map(item => String(item).trim()).filter(s => s !== '')
}

function checkRuleIds(ids: string[], where: string, known: (id: string) => boolean): void {
  for (const id of ids)
    if (!known(id)) throw new UsageError(`${where}: unknown rule id "${id}" (see \`stagegate rules\`)`)
}

function applyStagegate(
  config: Config,
  set: Set<string>,
  data: unknown,
  label: string,
  known: (id: string) => boolean
): void {
  if (!isRecord(data)) throw new UsageError(`${label}: must be a mapping of settings, got ${show(data)}`)
  for (const key of Object.keys(data)) {
    if (!STAGEGATE_KEYS.has(key))
      throw new UsageError(
        `${label}: unknown key "${key}" (expected one of ${[...STAGEGATE_KEYS].join(', ')})`
      )
  }
  if ('fail-on' in data) {
    const value = data['fail-on']
    if (typeof value !== 'string' || !FAIL_ON.includes(value as FailOn))
      throw new UsageError(`${label}: fail-on must be one of ${FAIL_ON.join(', ')}, got ${show(value)}`)
    config.failOn = value as FailOn
    set.add('failOn')
  }
  if ('ignore' in data) {
    config.ignore = stringList(data['ignore'] ?? [], `${label}: ignore`)
    checkRuleIds(config.ignore, `${label}: ignore`, known)
    set.add('ignore')
  }
  if ('severity' in data) {
    const value = data['severity'] ?? {}
    if (!isRecord(value))
      throw new UsageError(`${label}: severity must be a mapping of rule id to level, got ${show(value)}`)
    for (const [id, level] of Object.entries(value)) {
      checkSettingKey(id, `${label}: severity`)
      checkRuleIds([id], `${label}: severity`, known)
      const normalized = typeof level === 'string' ? (own(HADOLINT_SEVERITY, level) ?? level) : level
      if (typeof normalized !== 'string' || !SEVERITY_VALUES.includes(normalized as Severity))
        throw new UsageError(
          `${label}: severity.${id} must be one of ${SEVERITY_VALUES.join(', ')}, got ${show(level)}`
        )
      config.severity[id] = normalized as Severity | 'off'
    }
    set.add('severity')
  }
  if ('trusted-registries' in data) {
    config.trustedRegistries = stringList(data['trusted-registries'] ?? [], `${label}: trusted-registries`)
    set.add('trustedRegistries')
  }
  if ('thresholds' in data) {
    const value = data['thresholds'] ?? {}
    if (!isRecord(value)) throw new UsageError(`${label}: thresholds must be a mapping, got ${show(value)}`)
    for (const [key, raw] of Object.entries(value)) {
      const field = own(THRESHOLD_KEYS, key)
      if (!field)
        throw new UsageError(
          `${label}: unknown key "thresholds.${key}" (expected one of ${Object.keys(THRESHOLD_KEYS).join(', ')})`
        )
      config.thresholds[field] = thresholdValue(key, raw, label)
    }
  }
  if ('allow' in data) {
    const value = data['allow'] ?? {}
    if (!isRecord(value)) throw new UsageError(`${label}: allow must be a mapping, got ${show(value)}`)
    for (const key of Object.keys(value))
      if (key !== 'paths') throw new UsageError(`${label}: unknown key "allow.${key}" (expected paths)`)
    config.allow.paths = stringList(value['paths'] ?? [], `${label}: allow.paths`)
  }
  if ('label-schema' in data) {
    config.labelSchema = labelSchema(data['label-schema'], label)
    set.add('labelSchema')
  }
  if ('strict-labels' in data) {
    const value = data['strict-labels']
    if (typeof value !== 'boolean')
      throw new UsageError(`${label}: strict-labels must be true or false, got ${show(value)}`)
    config.strictLabels = value
    set.add('strictLabels')
  }
}

function thresholdValue(key: string, raw: unknown, label: string): number {
  if (key === 'efficiency') {
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
      throw new UsageError(
        `${label}: thresholds.efficiency must be a number between 0 and 1, got ${show(raw)}`
      )
    return value
  }
  if (key === 'layer-count') {
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1)
      throw new UsageError(`${label}: thresholds.layer-count must be a positive integer, got ${show(raw)}`)
    return raw
  }
  const bytes = parseSize(raw)
  if (bytes === undefined)
    throw new UsageError(
      `${label}: thresholds.${key} must be a size such as 20MB, 300MiB or 1000000, got ${show(raw)}`
    )
  return bytes
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
}

/** `20MB` → 20000000, `1.5GiB` → bytes, a plain number → bytes; undefined when invalid. */
export function parseSize(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : undefined
  if (typeof raw !== 'string') return undefined
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(raw)
  if (!match) return undefined
  const unit = (match[2] as string).toLowerCase()
  const factor = unit === '' ? 1 : SIZE_UNITS[unit]
  if (factor === undefined) return undefined
  return Math.round(Number(match[1]) * factor)
}

function labelSchema(value: unknown, label: string): Record<string, string> {
  if (value === null || value === undefined) return {}
  if (!isRecord(value))
    throw new UsageError(`${label}: label-schema must be a mapping of label name to type, got ${show(value)}`)
  const schema: Record<string, string> = {}
  for (const [name, type] of Object.entries(value)) {
    checkSettingKey(name, `${label}: label-schema`)
    if (typeof type !== 'string' || !LABEL_TYPES.has(type))
      throw new UsageError(
        `${label}: label-schema.${name} must be one of ${[...LABEL_TYPES].join(', ')}, got ${show(type)}`
      )
    schema[name] = type
  }
  return schema
}

/** The keys of hadolint's config file (its README), of which Stagegate reads the policy ones. */
const HADOLINT_KEYS = new Set([
  'ignored',
  'override',
  'trustedRegistries',
  'failure-threshold',
  'label-schema',
  'strict-labels',
  'no-fail',
  'no-color',
  'format',
  'disable-ignore-pragma',
  'verbose'
])

/** A config given by path is hadolint's when all its keys are hadolint's and one is not also Stagegate's. */
function isHadolintConfig(data: unknown): boolean {
  if (!isRecord(data)) return false
  const keys = Object.keys(data)
  return (
    keys.length > 0 && keys.every(key => HADOLINT_KEYS.has(key)) && keys.some(key => !STAGEGATE_KEYS.has(key))
  )
}

/** hadolint's keys, used only where the Stagegate file said nothing. Returns true when it supplied anything. */
function applyHadolint(config: Config, set: Set<string>, data: unknown, label: string): boolean {
  if (!isRecord(data)) throw new UsageError(`${label}: must be a mapping of settings, got ${show(data)}`)
  let used = false
  if ('ignored' in data && !set.has('ignore')) {
    config.ignore = stringList(data['ignored'] ?? [], `${label}: ignored`)
    used = true
  }
  if ('override' in data && !set.has('severity')) {
    const value = data['override'] ?? {}
    if (!isRecord(value))
      throw new UsageError(`${label}: override must be a mapping of level to rule ids, got ${show(value)}`)
    for (const [level, ids] of Object.entries(value)) {
      const severity = own(HADOLINT_SEVERITY, level)
      if (!severity)
        throw new UsageError(
          `${label}: override.${level} is not a hadolint level (error, warning, info, style)`
        )
      for (const id of stringList(ids ?? [], `${label}: override.${level}`)) {
        checkSettingKey(id, `${label}: override.${level}`)
        config.severity[id] = severity
      }
    }
    used = true
  }
  if ('trustedRegistries' in data && !set.has('trustedRegistries')) {
    config.trustedRegistries = stringList(data['trustedRegistries'] ?? [], `${label}: trustedRegistries`)
    used = true
  }
  if ('failure-threshold' in data && !set.has('failOn')) {
    const value = data['failure-threshold']
    const severity = typeof value === 'string' ? own(HADOLINT_SEVERITY, value) : undefined
    if (!severity)
      throw new UsageError(
        `${label}: failure-threshold must be one of error, warning, info, style, ignore, none, got ${show(value)}`
      )
    config.failOn = severity === 'off' ? 'never' : severity
    used = true
  }
  // hadolint's `no-fail: true` exits 0 whatever it finds.
  if (data['no-fail'] === true && !set.has('failOn')) {
    config.failOn = 'never'
    used = true
  }
  if ('label-schema' in data && !set.has('labelSchema')) {
    config.labelSchema = labelSchema(data['label-schema'], label)
    used = true
  }
  if ('strict-labels' in data && !set.has('strictLabels')) {
    const value = data['strict-labels']
    if (typeof value !== 'boolean')
      throw new UsageError(`${label}: strict-labels must be true or false, got ${show(value)}`)
    config.strictLabels = value
    used = true
  }
  return used
}
