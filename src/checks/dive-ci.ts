// dive's CI gate (`dive --ci`, `.dive-ci`): three rules, each a value or
// `disabled`. lowestEfficiency (a ratio, fails when efficiency is below it),
// highestWastedBytes (a size as go-humanize reads it: 20MB, 1.5 GiB, 1000;
// fails when more is wasted) and highestUserWastedPercent (a ratio of the
// bytes added above the base layer; fails when more is wasted). Defaults are
// dive's: 0.9, disabled, 0.1. Parsing here (YAML through yaml-text.ts); config-load.ts reads the file.
import { UsageError } from '../errors.js'
import { parseUntrustedYaml } from '../yaml-text.js'

export interface DiveRules {
  lowestEfficiency: number | 'disabled'
  highestWastedBytes: number | 'disabled'
  highestUserWastedPercent: number | 'disabled'
}

export const DIVE_DEFAULTS: DiveRules = {
  lowestEfficiency: 0.9,
  highestWastedBytes: 'disabled',
  highestUserWastedPercent: 0.1
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  ki: 1024,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  ti: 1024 ** 4,
  tib: 1024 ** 4
}

/** A size as dive (go-humanize's ParseBytes) reads it: `20MB` = 20,000,000, `20MiB` = 20,971,520, `1,000` = 1000. */
export function parseDiveBytes(text: string): number | undefined {
  const match = /^\s*([\d,]*\.?\d+)\s*([a-z]*)\s*$/i.exec(text)
  if (!match) return undefined
  const unit = UNITS[match[2]!.toLowerCase()]
  const value = Number(match[1]!.replace(/,/g, ''))
  return unit === undefined || !Number.isFinite(value) ? undefined : Math.floor(value * unit)
}

function ratio(value: unknown, key: string, label: string): number | 'disabled' {
  if (typeof value === 'string' && value.trim().toLowerCase() === 'disabled') return 'disabled'
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(
      `${label}: rules.${key} must be a ratio between 0 and 1 or "disabled", got ${JSON.stringify(value)}`
    )
  return number
}

/** The rules of a `.dive-ci` file's text; a clear one-line UsageError for anything dive would reject. */
export async function parseDiveCi(text: string, label: string): Promise<DiveRules> {
  const data = await parseUntrustedYaml(text, label)
  const rules = (data as { rules?: unknown } | null)?.rules ?? {}
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    throw new UsageError(
      `${label}: rules must be a mapping of lowestEfficiency, highestWastedBytes, highestUserWastedPercent`
    )
  const result: DiveRules = { ...DIVE_DEFAULTS }
  for (const [key, value] of Object.entries(rules as Record<string, unknown>)) {
    if (key === 'lowestEfficiency' || key === 'highestUserWastedPercent')
      result[key] = ratio(value, key, label)
    else if (key === 'highestWastedBytes') {
      if (typeof value === 'string' && value.trim().toLowerCase() === 'disabled') result[key] = 'disabled'
      else {
        const bytes = typeof value === 'number' ? value : parseDiveBytes(String(value))
        if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0)
          throw new UsageError(
            `${label}: rules.highestWastedBytes must be a size such as 20MB, 1GiB or 1000, or "disabled", got ${JSON.stringify(value)}`
          )
        result[key] = bytes
      }
    } else
      throw new UsageError(
        `${label}: unknown rule "${key}" (dive knows lowestEfficiency, highestWastedBytes, highestUserWastedPercent)`
      )
  }
  return result
}

export interface DiveMeasures {
  efficiency: number
  wastedBytes: number
  /** Wasted bytes over the bytes the layers above the base (first) layer add, as dive computes it. */
  userWastedPercent: number
}

/** The failing rules, in dive's words and comparisons (efficiency below; wasted bytes and percent above). */
export function failingDiveRules(rules: DiveRules, measures: DiveMeasures): string[] {
  const failing: string[] = []
  if (rules.lowestEfficiency !== 'disabled' && rules.lowestEfficiency > measures.efficiency)
    failing.push(`lowestEfficiency: efficiency ${measures.efficiency.toFixed(4)} < ${rules.lowestEfficiency}`)
  if (rules.highestWastedBytes !== 'disabled' && measures.wastedBytes > rules.highestWastedBytes)
    failing.push(`highestWastedBytes: ${measures.wastedBytes} bytes wasted > ${rules.highestWastedBytes}`)
  if (
    rules.highestUserWastedPercent !== 'disabled' &&
    rules.highestUserWastedPercent < measures.userWastedPercent
  )
    failing.push(
      `highestUserWastedPercent: ${measures.userWastedPercent.toFixed(4)} of the user bytes wasted > ${rules.highestUserWastedPercent}`
    )
  return failing
}
