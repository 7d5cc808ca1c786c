// `stagegate build` flags → the same Inputs the action reads. Each flag is
// named like its action input (`--tags`, `--cache-registry`, `--secret-files`);
// list flags repeat (`--tags a --tags b`, or `--tags a,b` where the input
// splits on commas); boolean flags stand alone (`--push`, `--push=false`).
// One positional is the context, as in `docker buildx build PATH`. Parsing
// goes through parseInputs, so the CLI and the action cannot disagree.
import { UsageError } from '../errors.js'
import { parseInputs, type Inputs } from '../inputs.js'
import { parseArgv, type FlagSpec } from './argv.js'

export const BUILD_LIST_FLAGS = [
  'add-hosts',
  'allow',
  'annotations',
  'build-contexts',
  'no-cache-filters',
  'outputs',
  'ssh',
  'ulimit',
  'tags',
  'labels',
  'build-args',
  'platforms',
  'cache-from',
  'cache-to',
  'secrets',
  'secret-files',
  'secret-envs',
  'attests'
] as const

export const BUILD_VALUE_FLAGS = [
  'call',
  'cgroup-parent',
  'network',
  'shm-size',
  'context',
  'file',
  'target',
  'builder',
  'sbom',
  'provenance',
  'cache-registry',
  'github-token',
  'image',
  'config',
  'fail-on',
  'comment',
  'report-file',
  'sarif-file',
  'sign'
] as const

export const BUILD_BOOLEAN_FLAGS = [
  'push',
  'load',
  'pull',
  'no-cache',
  'cache-local',
  'build',
  'lint',
  'check',
  'summary',
  'github-annotations',
  'smoke',
  'verify-base-images'
] as const

export const BUILD_FLAG_SPEC: FlagSpec = {
  values: [...BUILD_LIST_FLAGS, ...BUILD_VALUE_FLAGS],
  booleans: BUILD_BOOLEAN_FLAGS
}

const LISTS = new Set<string>(BUILD_LIST_FLAGS)

export function parseBuildFlags(argv: string[]): Inputs {
  const parsed = parseArgv('build', argv, BUILD_FLAG_SPEC)
  if (parsed.positionals.length > 1)
    throw new UsageError(
      `one context at most, got ${parsed.positionals.length} (${parsed.positionals.join(' ')}); run \`stagegate build --help\`.`
    )
  const [positional] = parsed.positionals
  if (positional !== undefined && parsed.values.has('context'))
    throw new UsageError('the context is given twice (--context and a positional); keep one.')
  for (const [name, values] of parsed.values) {
    if (!LISTS.has(name) && values.length > 1)
      throw new UsageError(`--${name} is given ${values.length} times; it takes one value.`)
  }
  return parseInputs(name => {
    // `docker buildx build` needs a context; the CLI builds the working directory by default.
    if (name === 'context') return positional ?? parsed.values.get('context')?.[0] ?? '.'
    const values = parsed.values.get(name)
    if (values) return values.join('\n')
    const flag = parsed.booleans.get(name)
    return flag === undefined ? '' : String(flag)
  })
}
