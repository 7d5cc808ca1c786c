// A small argv parser shared by the CLI commands: `--name value`,
// `--name=value`, repeatable flags, bare booleans, positionals, and `--` to
// end flags. Unknown flags and missing values are UsageErrors that name the
// flag and the command's help.
import { UsageError } from '../errors.js'

export interface FlagSpec {
  /** Flags that take a value; a repeated flag collects every value. */
  values: readonly string[]
  /** Flags that take no value (`--push`); `--push=false` is accepted too. */
  booleans: readonly string[]
}

export interface ParsedArgv {
  values: Map<string, string[]>
  booleans: Map<string, boolean>
  positionals: string[]
}

export function parseArgv(command: string, argv: readonly string[], spec: FlagSpec): ParsedArgv {
  const parsed: ParsedArgv = { values: new Map(), booleans: new Map(), positionals: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') {
        throw new UsageError(`unknown option "${arg}"; run \`stagegate ${command} --help\`.`)
      }
      parsed.positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    if (spec.booleans.includes(name)) {
      const next = argv[i + 1]
      if (inline === undefined && (next === 'true' || next === 'false'))
        throw new UsageError(
          `--${name} takes no separate value: write --${name} or --${name}=${next} (got "--${name} ${next}").`
        )
      if (inline === undefined) parsed.booleans.set(name, true)
      else if (inline === 'true' || inline === 'false') parsed.booleans.set(name, inline === 'true')
      else throw new UsageError(`--${name} takes true or false, got "${inline}".`)
      continue
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(`unknown option "--${name}"; run \`stagegate ${command} --help\`.`)
    }
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`--${name} needs a value.`)
      }
      value = next
      i++
    }
    parsed.values.set(name, [...(parsed.values.get(name) ?? []), value])
  }
  return parsed
}

/** The last value given for a flag, or undefined. */
export function lastValue(parsed: ParsedArgv, name: string): string | undefined {
  return parsed.values.get(name)?.at(-1)
}

export function oneOf<T extends string>(
  command: string,
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}".`)
}
