// Inputs → the `docker buildx build` argv, in the order and form
// docker/build-push-action v7 gives it (its getArgs), plus Stagegate's own
// additions (cache-registry, cache-local, SBOM on by default). Pure:
// everything that needs the outside world (temp paths, secret files already
// written, whether this run may push cache, the buildx version, the
// repository's visibility, the resolved context) arrives in BuildEnv, so a
// table of cases pins the whole mapping.
import { parse } from 'csv-parse/sync'
import { Util } from '@docker/actions-toolkit/lib/util.js'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { buildxSatisfies } from './versions.js'
import { parseSpec, specValue } from './spec.js'

export interface SecretSpecs {
  /** `secret-envs` → `id=…,env=…`. */
  envs: string[]
  /** `secrets` → `id=…,src=FILE` (the value written to a private 0600 file). */
  strings: string[]
  /** `secret-files` → `id=…,src=PATH`. */
  files: string[]
  /** `GIT_AUTH_TOKEN.<host>` from `github-token`, for the Git context. */
  gitAuth?: string
}

export interface BuildEnv {
  /** Where buildx writes `--metadata-file` and `--iidfile`. */
  metadataFile: string
  iidFile: string
  /** The context buildx gets: the input, `{{defaultContext}}` filled in, or the Git context when empty. */
  context: string
  /** The Git context of the commit (`{{defaultContext}}`), '' outside GitHub Actions. */
  defaultContext: string
  /** `--secret` values already resolved by secrets.ts. */
  secrets: SecretSpecs
  /** False on a run that cannot push (fork pull request): registry cache exports are dropped. */
  canExportCache: boolean
  /** False when the builder cannot export cache at all (docker driver without the containerd store). */
  cacheExportSupported?: boolean
  /** `docker buildx version`, e.g. 0.13.1. */
  buildxVersion: string
  /** The attestation flags, from planAttestations. */
  attests: string[]
  /** `cache-local`: the directory imported from and the fresh one exported to (rotated after the build). */
  localCache?: { src: string; dest: string }
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
export function planCache(
  inputs: Pick<Inputs, 'cache-from' | 'cache-to' | 'cache-registry'>,
  env: Pick<BuildEnv, 'localCache' | 'canExportCache' | 'cacheExportSupported'>
): CachePlan {
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

/** The CSV records of `key=value` specs, as buildx and the toolkit read them. */
function csvRecords(text: string): string[][] {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the typing picks parse()'s generic overload (unknown[]); with columns: false the records are string[][], which no type argument can say
  return parse(text, { delimiter: ',', trim: true, columns: false, relaxColumnCount: true }) as string[][]
}

/** An `outputs` entry of this exporter type (a bare path means type=local, as buildx reads it). */
export function hasExporterType(type: string, outputs: readonly string[]): boolean {
  if (outputs.length === 0) return false
  for (const record of csvRecords(outputs.join('\n'))) {
    if (record.length === 1 && !(record[0] ?? '').startsWith('type=')) return type === 'local'
    if (
      record.some(
        field =>
          field
            .split('=')
            .map(part => part.trim())
            .join('=') === `type=${type}`
      )
    )
      return true
  }
  return false
}

export function hasAttestationType(type: string, attest: string): boolean {
  return csvRecords(attest).some(record =>
    record.some(field => field.replace(/\s*=\s*/, '=') === `type=${type}`)
  )
}

/** `true`/`false` fields → `disabled=false|true`, as buildx's attest flags read them. */
export function resolveAttestationAttrs(attrs: string): string {
  const out: string[] = []
  for (const record of csvRecords(attrs)) {
    for (const field of record) {
      try {
        out.push(`disabled=${!Util.parseBool(field)}`)
      } catch {
        out.push(field)
      }
    }
  }
  return out.join(',')
}

/** Adds `builder-id=` unless the attributes carry one (build-push-action's resolveProvenanceAttrs). */
export function withBuilderId(attrs: string, builderId: string | undefined): string {
  if (!builderId) return attrs
  if (attrs === '') return `builder-id=${builderId}`
  const has = csvRecords(attrs)[0]?.some(field => field.split('=')[0]?.trim() === 'builder-id')
  return has ? attrs : `${attrs},builder-id=${builderId}`
}

const PROVENANCE_MODES = new Set(['min', 'max'])

/** A `provenance` or `sbom` value that is neither a boolean nor key=value attributes, said in one line. */
export function validateAttestInput(name: 'provenance' | 'sbom', raw: string): void {
  const value = raw.trim()
  if (value === '' || /^(true|false)$/i.test(value)) return
  for (const field of parseSpec(value)) {
    if (field.value === undefined)
      throw new UsageError(
        `Input "${name}" must be true, false or attributes such as ${name === 'sbom' ? 'generator=IMAGE' : 'mode=max'}; "${field.key}" is none of these.`
      )
    if (name === 'provenance' && field.key === 'mode' && !PROVENANCE_MODES.has(field.value))
      throw new UsageError(
        `Input "provenance" has an unknown mode "${field.value}"; use mode=min or mode=max.`
      )
  }
}

function isDisabled(value: string): boolean {
  const text = value.trim()
  if (/^false$/i.test(text)) return true
  return /(^|,)\s*disabled\s*=\s*true\s*(,|$)/i.test(text)
}

export interface AttestationFacts {
  /** Provenance `builder-id`: the workflow run URL with `/attempts/N`; undefined outside Actions. */
  builderId?: string
  /** The repository is private (or internal): the default provenance is mode=min, as build-push-action. */
  privateRepository: boolean
  /** The builder can create and keep attestations; else why not. */
  support: { ok: boolean; reason?: string }
  /** BUILDX_NO_DEFAULT_ATTESTATIONS: no default SBOM/provenance. */
  noDefaults?: boolean
}

export interface AttestationPlan {
  args: string[]
  /** Why the default attestations were left out (the notice), when they were. */
  skipped?: string
  /** Whether the build carries an SBOM / provenance (for the report's expectations). */
  sbom: boolean
  provenance: boolean
}

/** The user asked for an attestation in so many words (an input that is set and not off). */
export function explicitAttestations(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attests'>): boolean {
  const on = (value: string): boolean => value.trim() !== '' && !isDisabled(value)
  return on(inputs.sbom) || on(inputs.provenance) || inputs.attests.some(on)
}

/**
 * The `--attest` flags, as build-push-action's getAttestArgs gives them:
 * `provenance` and `sbom` take precedence over an `attests` entry of the same
 * type; an unset `provenance` gets the default (max, min + inline-only for a
 * private repository) with the builder-id. Stagegate's own default: an SBOM
 * too. A builder that cannot keep attestations drops the defaults (with the
 * reason) but refuses an explicit request.
 */
export function planAttestations(
  inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attests'>,
  facts: AttestationFacts
): AttestationPlan {
  validateAttestInput('provenance', inputs.provenance)
  validateAttestInput('sbom', inputs.sbom)
  for (const attest of inputs.attests)
    if (!specValue(parseSpec(attest), 'type'))
      throw new UsageError(`Input "attests": "${attest}" has no type=; write e.g. type=sbom,generator=IMAGE.`)
  if (!facts.support.ok) {
    if (explicitAttestations(inputs))
      throw new UsageError(
        `Attestations were asked for (${describeAsked(inputs)}), but ${facts.support.reason}; or turn them off with sbom: false and provenance: false.`
      )
    return {
      args: [],
      skipped: `SBOM and provenance attestations are skipped: ${facts.support.reason}.`,
      sbom: false,
      provenance: false
    }
  }
  const args: string[] = []
  const provenanceInAttests = inputs.attests.some(attest => hasAttestationType('provenance', attest))
  const sbomInAttests = inputs.attests.some(attest => hasAttestationType('sbom', attest))
  const provenance = inputs.provenance.trim()
  const sbom = inputs.sbom.trim()
  let hasProvenance = false
  let hasSbom = false
  if (provenance !== '') {
    const value = /^true$/i.test(provenance)
      ? withBuilderId('', facts.builderId) || 'true'
      : /^false$/i.test(provenance)
        ? 'false'
        : withBuilderId(provenance, facts.builderId)
    args.push('--attest', resolveAttestationAttrs(`type=provenance,${value}`))
    hasProvenance = !isDisabled(provenance)
  } else if (!provenanceInAttests && !facts.noDefaults) {
    const mode = facts.privateRepository ? 'mode=min,inline-only=true' : 'mode=max'
    args.push('--attest', `type=provenance,${withBuilderId(mode, facts.builderId)}`)
    hasProvenance = true
  }
  if (sbom !== '') {
    args.push('--attest', resolveAttestationAttrs(`type=sbom,${sbom}`))
    hasSbom = !isDisabled(sbom)
  } else if (!sbomInAttests && !facts.noDefaults) {
    args.push('--attest', 'type=sbom')
    hasSbom = true
  }
  for (const attest of inputs.attests) {
    const isProvenance = hasAttestationType('provenance', attest)
    const isSbom = hasAttestationType('sbom', attest)
    if (!isProvenance && !isSbom) args.push('--attest', resolveAttestationAttrs(attest))
    else if (isProvenance && provenance === '') {
      args.push('--attest', withBuilderId(attest, facts.builderId))
      hasProvenance = !isDisabled(attest)
    } else if (isSbom && sbom === '') {
      args.push('--attest', attest)
      hasSbom = !isDisabled(attest)
    }
  }
  return { args, sbom: hasSbom, provenance: hasProvenance }
}

function describeAsked(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attests'>): string {
  const parts: string[] = []
  if (inputs.sbom !== '') parts.push(`sbom: ${inputs.sbom}`)
  if (inputs.provenance !== '') parts.push(`provenance: ${inputs.provenance}`)
  if (inputs.attests.length > 0) parts.push(`attests: ${inputs.attests.join('; ')}`)
  return parts.join(', ')
}

/** `{{defaultContext}}` (Handlebars, as build-push-action renders it) → the Git context. */
export function fillDefaultContext(text: string, defaultContext: string): string {
  return text.replace(/\{\{\s*defaultContext\s*\}\}/g, defaultContext)
}

/** `docker buildx build` arguments (without the leading `docker`), in build-push-action's order. */
export function getBuildArgs(inputs: Inputs, env: BuildEnv): string[] {
  const args = ['buildx', 'build']
  const each = (flag: string, values: readonly string[]): void => {
    for (const value of values) args.push(flag, value)
  }
  each('--add-host', inputs['add-hosts'])
  each('--allow', inputs.allow)
  if (buildxSatisfies(env.buildxVersion, '>=0.12.0')) each('--annotation', inputs.annotations)
  else if (inputs.annotations.length > 0)
    throw new UsageError(
      `Input "annotations" (OCI annotations) needs buildx 0.12 or later; this is buildx ${env.buildxVersion}. Update buildx or remove annotations.`
    )
  each('--build-arg', inputs['build-args'])
  each(
    '--build-context',
    inputs['build-contexts'].map(item => fillDefaultContext(item, env.defaultContext))
  )
  const cache = planCache(inputs, env)
  each('--cache-from', cache.from)
  each('--cache-to', cache.to)
  if (inputs.call) {
    if (!buildxSatisfies(env.buildxVersion, '>=0.15.0'))
      throw new UsageError(
        `Input "call" needs buildx 0.15 or later (--call); this is buildx ${env.buildxVersion}. Update buildx (docker/setup-buildx-action) or remove call.`
      )
    args.push('--call', inputs.call)
  }
  if (inputs['cgroup-parent']) args.push('--cgroup-parent', inputs['cgroup-parent'])
  each('--secret', env.secrets.envs)
  if (inputs.file) args.push('--file', inputs.file)
  if (!hasExporterType('local', inputs.outputs) && !hasExporterType('tar', inputs.outputs))
    args.push('--iidfile', env.iidFile)
  each('--label', inputs.labels)
  each('--no-cache-filter', inputs['no-cache-filters'])
  each('--output', inputs.outputs)
  if (inputs.platforms.length > 0) args.push('--platform', inputs.platforms.join(','))
  args.push(...env.attests)
  each('--secret', env.secrets.strings)
  each('--secret', env.secrets.files)
  if (env.secrets.gitAuth) args.push('--secret', env.secrets.gitAuth)
  if (inputs['shm-size']) args.push('--shm-size', inputs['shm-size'])
  each('--ssh', inputs.ssh)
  each('--tag', inputs.tags)
  if (inputs.target) args.push('--target', inputs.target)
  each('--ulimit', inputs.ulimit)
  if (inputs.builder) args.push('--builder', inputs.builder)
  if (inputs.load) args.push('--load')
  args.push('--metadata-file', env.metadataFile)
  if (inputs.network) args.push('--network', inputs.network)
  if (inputs['no-cache']) args.push('--no-cache')
  if (inputs.pull) args.push('--pull')
  if (inputs.push) args.push('--push')
  args.push(env.context)
  return args
}
