// The image config is untrusted JSON: a field of the wrong type (an Env entry
// that is a number, a User that is an object) must not reach the checks,
// which call string methods on them. Each field is kept when it has the shape
// the OCI spec gives it; otherwise it is dropped (or the bad entries are) with
// a warning, so the reader reports it and the checks stay total.
import type { Warnings } from './limits.js'
import type { ContainerConfig } from './types.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

export function sanitizeContainerConfig(raw: unknown, warnings: Warnings): ContainerConfig {
  if (raw === undefined || raw === null) return {}
  if (!isRecord(raw)) {
    warnings.add(`image config: "config" is ${describe(raw)}, not an object; ignored`)
    return {}
  }
  const out: Record<string, unknown> = {}
  const bad = (key: string, what: string): void =>
    warnings.add(`image config: config.${key} is ${describe(raw[key])}, not ${what}; ignored`)
  for (const key of ['User', 'WorkingDir', 'StopSignal'] as const) {
    if (!(key in raw) || raw[key] === null || raw[key] === undefined) continue
    if (typeof raw[key] === 'string') out[key] = raw[key]
    else bad(key, 'a string')
  }
  for (const key of ['Env', 'Entrypoint', 'Cmd', 'Shell', 'OnBuild'] as const) {
    const value = raw[key]
    if (!(key in raw) || value === undefined) continue
    if (value === null) {
      out[key] = null
      continue
    }
    if (!Array.isArray(value)) {
      bad(key, 'a list of strings')
      continue
    }
    const strings = value.filter((item): item is string => typeof item === 'string')
    if (strings.length !== value.length)
      warnings.add(
        `image config: config.${key} has ${value.length - strings.length} entries that are not strings; ignored`
      )
    out[key] = strings
  }
  for (const key of ['Labels', 'ExposedPorts', 'Volumes'] as const) {
    const value = raw[key]
    if (!(key in raw) || value === undefined) continue
    if (value === null) {
      out[key] = null
      continue
    }
    if (!isRecord(value)) {
      bad(key, 'an object')
      continue
    }
    if (key === 'Labels') {
      const labels: Record<string, string> = {}
      let dropped = 0
      for (const [name, text] of Object.entries(value)) {
        if (typeof text === 'string') labels[name] = text
        else dropped++
      }
      if (dropped > 0)
        warnings.add(`image config: config.Labels has ${dropped} values that are not strings; ignored`)
      out[key] = labels
    } else out[key] = value
  }
  if ('Healthcheck' in raw) {
    const value = raw['Healthcheck']
    if (value === null || value === undefined) out['Healthcheck'] = value
    else if (!isRecord(value)) bad('Healthcheck', 'an object')
    else {
      const test = value['Test']
      if (
        test !== undefined &&
        test !== null &&
        !(Array.isArray(test) && test.every(t => typeof t === 'string'))
      )
        warnings.add(`image config: config.Healthcheck.Test is not a list of strings; ignored`)
      else out['Healthcheck'] = value
    }
  }
  // Everything else the checks do not read is passed through as it came.
  for (const [key, value] of Object.entries(raw)) if (!(key in out) && !KNOWN.has(key)) out[key] = value
  return out
}

const KNOWN = new Set([
  'User',
  'WorkingDir',
  'StopSignal',
  'Env',
  'Entrypoint',
  'Cmd',
  'Shell',
  'OnBuild',
  'Labels',
  'ExposedPorts',
  'Volumes',
  'Healthcheck'
])

/** Top-level config fields read as strings (os, architecture, variant) and the diff_ids list. */
export function configString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function diffIdList(rootfs: unknown): string[] {
  if (!isRecord(rootfs) || !Array.isArray(rootfs['diff_ids'])) return []
  return rootfs['diff_ids'].map(d => (typeof d === 'string' ? d : ''))
}
