// Inputs → the `docker buildx build` argv. Pure: everything that needs the
// outside world (temp paths, secret files already written, whether this run
// may push cache, what the buildx in use supports, the resolved Dockerfile)
// arrives in BuildEnv, so a table of cases pins the whole mapping.
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { formatSpec, parseSpec, specValue } from './spec.js'

export interface BuildEnv {
  /** Where buildx writes `--metadata-file` and `--iidfile`. */
  metadataFile: string
  iidFile: string
  /** The Dockerfile path to pass as `--file`; '' leaves buildx's default ({context}/Dockerfile). */
  file: string
  /** `--secret` values already resolved by secrets.ts (`id=…,src=…` / `id=…,env=…`). */
  secrets: string[]
  /** False on a run that cannot push (fork pull request): registry cache exports are dropped. */
  canExportCache: boolean
  /** False when the builder cannot export cache at all (docker driver without the containerd store). */
  cacheExportSupported?: boolean
  /** False for buildx < 0.10, which has no `--attest`/`--sbom`/`--provenance` flags. */
  attestFlags: boolean
  /** `cache-local`: the directory imported from and the fresh one exported to (rotated after the build). */
  localCache?: { src: string; dest: string }
  /** Provenance `builder-id` (the workflow run URL, as build-push-action sets it) when the user gave none. */
  builderId?: string
}

export interface CachePlan {
  from: string[]
  to: string[]
  /** Exports left out, with the reason the notice gives. */
  dropped: string[]
}

/** `cache-registry: REF` → import and a max-mode OCI export, the form every registry stores. */
export function registryCacheSpecs(ref: string): { from: string; to: string } {
  return {
    from: `type=registry,ref=${ref}`,
    to: `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`
  }
}

function cacheType(spec: string): string {
  const fields = parseSpec(spec)
  // buildx reads a lone bare word as a registry ref (`--cache-from user/app:cache`).
  if (fields.length === 1 && fields[0]?.value === undefined) return 'registry'
  return specValue(fields, 'type') ?? ''
}

/** Cache import/export flags, with registry exports dropped when this run cannot push. */
export function planCache(inputs: Inputs, env: BuildEnv): CachePlan {
  const from = [...inputs['cache-from']]
  const to = [...inputs['cache-to']]
  const registry = inputs['cache-registry']
  if (registry !== '') {
    const specs = registryCacheSpecs(registry)
    from.push(specs.from)
    to.push(specs.to)
  }
  if (env.localCache) {
    from.push(`type=local,src=${env.localCache.src}`)
    to.push(`type=local,dest=${env.localCache.dest},mode=max`)
  }
  const dropped: string[] = []
  const kept = to.filter(spec => {
    if (env.cacheExportSupported === false && cacheType(spec) !== 'inline') {
      dropped.push(spec)
      return false
    }
    if (!env.canExportCache && cacheType(spec) === 'registry') {
      dropped.push(spec)
      return false
    }
    return true
  })
  return { from, to: kept, dropped }
}

const PROVENANCE_MODES = new Set(['min', 'max'])

function isBoolean(value: string): boolean {
  return /^(true|false)$/i.test(value)
}

/**
 * `provenance` → the value of `--provenance=`: `true`/`false`, or attributes
 * (`mode=min|max`, `builder-id=…`, `disabled=…`, `version=…`). An unknown
 * mode or a word that is neither is the user's mistake, said in one line.
 */
export function provenanceValue(raw: string, builderId?: string): string {
  const value = raw.trim()
  if (isBoolean(value)) {
    if (value.toLowerCase() === 'false') return 'false'
    return builderId
      ? formatSpec([
          { key: 'mode', value: 'min' },
          { key: 'builder-id', value: builderId }
        ])
      : 'true'
  }
  const fields = parseSpec(value)
  for (const field of fields) {
    if (field.value === undefined)
      throw new UsageError(
        `Input "provenance" must be true, false or attributes such as mode=max; "${field.key}" is none of these.`
      )
    if (field.key === 'mode' && !PROVENANCE_MODES.has(field.value))
      throw new UsageError(
        `Input "provenance" has an unknown mode "${field.value}"; use mode=min or mode=max.`
      )
  }
  const disabled = specValue(fields, 'disabled')
  if (builderId && specValue(fields, 'builder-id') === undefined && disabled?.toLowerCase() !== 'true')
    fields.push({ key: 'builder-id', value: builderId })
  return formatSpec(fields)
}

/** `sbom` → `--sbom=true|false`, or `--attest type=sbom,ATTRS` for attributes such as generator=IMAGE. */
export function sbomArgs(raw: string): string[] {
  const value = raw.trim()
  if (isBoolean(value)) return [`--sbom=${value.toLowerCase()}`]
  const fields = parseSpec(value).filter(field => field.key !== 'type')
  for (const field of fields) {
    if (field.value === undefined)
      throw new UsageError(
        `Input "sbom" must be true, false or attributes such as generator=IMAGE; "${field.key}" is none of these.`
      )
  }
  return ['--attest', formatSpec([{ key: 'type', value: 'sbom' }, ...fields])]
}

function attestType(spec: string): string | undefined {
  return specValue(parseSpec(spec), 'type')
}

/** Attestation flags: `sbom` and `provenance`, unless an `attests` entry of the same type replaces it. */
export function attestArgs(inputs: Inputs, env: BuildEnv): string[] {
  if (!env.attestFlags) return []
  const explicit = new Set(inputs.attests.map(attestType))
  const args: string[] = []
  if (!explicit.has('provenance'))
    args.push(`--provenance=${provenanceValue(inputs.provenance, env.builderId)}`)
  if (!explicit.has('sbom')) args.push(...sbomArgs(inputs.sbom))
  for (const attest of inputs.attests) args.push('--attest', attest)
  return args
}

/** True unless both attestations are turned off (then no builder capability is needed). */
export function wantsAttestations(inputs: Inputs): boolean {
  const off = (value: string | undefined): boolean => {
    if (value === undefined) return false
    const text = value.trim().toLowerCase()
    if (text === 'false') return true
    return specValue(parseSpec(text), 'disabled') === 'true'
  }
  const attestFor = (type: string): string | undefined =>
    inputs.attests.find(spec => attestType(spec) === type)
  const provenance = attestFor('provenance') ?? inputs.provenance
  const sbom = attestFor('sbom') ?? inputs.sbom
  const others = inputs.attests.some(spec => !['provenance', 'sbom'].includes(attestType(spec) ?? ''))
  return others || !off(provenance) || !off(sbom)
}

export function getBuildArgs(inputs: Inputs, env: BuildEnv): string[] {
  const args = ['buildx', 'build', '--progress=plain']
  if (inputs.builder) args.push('--builder', inputs.builder)
  if (env.file) args.push('--file', env.file)
  if (inputs.target) args.push('--target', inputs.target)
  if (inputs.platforms.length > 0) args.push('--platform', inputs.platforms.join(','))
  for (const tag of inputs.tags) args.push('--tag', tag)
  for (const label of inputs.labels) args.push('--label', label)
  for (const buildArg of inputs['build-args']) args.push('--build-arg', buildArg)
  const cache = planCache(inputs, env)
  for (const spec of cache.from) args.push('--cache-from', spec)
  for (const spec of cache.to) args.push('--cache-to', spec)
  for (const secret of env.secrets) args.push('--secret', secret)
  args.push(...attestArgs(inputs, env))
  if (inputs.pull) args.push('--pull')
  if (inputs['no-cache']) args.push('--no-cache')
  if (inputs.push) args.push('--push')
  if (inputs.load) args.push('--load')
  args.push('--metadata-file', env.metadataFile, '--iidfile', env.iidFile)
  args.push(inputs.context)
  return args
}
