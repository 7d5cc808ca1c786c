// Early validation: every mistake a user can make in the build inputs is
// found here, before a secret is written or buildx starts, and said in one
// line that names the input and the fix (a UsageError). What depends on the
// builder (attestation support, multi-platform load) is checked in buildx.ts
// once the builder is known.
import { statSync } from 'node:fs'
import * as path from 'node:path'
import { UsageError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { validateAttestInput } from './args.js'
import { parseSecretPair } from './secrets.js'
import { isRemoteContext, parseSpec, specValue } from './spec.js'

export interface ValidateDeps {
  cwd: string
  env: NodeJS.ProcessEnv
}

export interface ValidatedBuild {
  /** Absolute path of the local context directory; undefined for a remote (git/URL) context. */
  contextDir?: string
  /**
   * The Dockerfile to pass as `--file` ('' = buildx's default). For a local
   * context it is absolute: `file` resolves against the working directory, as
   * `docker buildx build -f` does, and defaults to {context}/Dockerfile. For a
   * remote context it is the path inside it, passed through.
   */
  file: string
  /** The Dockerfile on disk to lint, when the context is local. */
  dockerfilePath?: string
}

const CACHE_TYPES = new Set(['registry', 'local', 'inline', 'gha', 's3', 'azblob'])

function kind(p: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(p)
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined
  } catch {
    return undefined
  }
}

/** One `cache-from`/`cache-to` entry: a bare registry ref, or `type=…` with key=value fields. */
export function validateCacheSpec(input: 'cache-from' | 'cache-to', spec: string): void {
  const fields = parseSpec(spec)
  if (fields.length === 1 && fields[0]?.value === undefined) return // buildx: a lone ref means type=registry
  const bare = fields.find(field => field.value === undefined)
  if (bare)
    throw new UsageError(
      `Input "${input}": "${spec}" has a field "${bare.key}" without a value; write key=value pairs.`
    )
  const type = specValue(fields, 'type')
  if (type === undefined || type === '')
    throw new UsageError(
      `Input "${input}": "${spec}" has no type=; start it with type=registry, local, inline, gha, s3 or azblob.`
    )
  if (!CACHE_TYPES.has(type))
    throw new UsageError(
      `Input "${input}": unknown cache type "${type}"; use registry, local, inline, gha, s3 or azblob.`
    )
  const mode = specValue(fields, 'mode')
  if (input === 'cache-to' && mode !== undefined && mode !== 'min' && mode !== 'max')
    throw new UsageError(`Input "cache-to": unknown mode "${mode}" in "${spec}"; use mode=min or mode=max.`)
  const required =
    type === 'registry' ? 'ref' : type === 'local' ? (input === 'cache-from' ? 'src' : 'dest') : undefined
  if (required && !specValue(fields, required))
    throw new UsageError(`Input "${input}": "${spec}" needs ${required}= for type=${type}.`)
}

export function validateBuildInputs(inputs: Inputs, deps: ValidateDeps): ValidatedBuild {
  for (const spec of inputs['cache-from']) validateCacheSpec('cache-from', spec)
  for (const spec of inputs['cache-to']) validateCacheSpec('cache-to', spec)
  if (inputs['cache-registry'] !== '' && /[\s,]/.test(inputs['cache-registry']))
    throw new UsageError(
      `Input "cache-registry" must be one image reference such as ghcr.io/owner/app:buildcache, got "${inputs['cache-registry']}".`
    )

  if (inputs.load && inputs.push && inputs.platforms.length > 1)
    throw new UsageError(
      `Inputs "push" and "load" cannot be used together with several platforms (${inputs.platforms.join(', ')}): the local engine cannot load a multi-platform image; drop "load", or build one platform.`
    )

  if (inputs.push && inputs.tags.length === 0)
    throw new UsageError(
      'Input "push" needs at least one tag to push to; set "tags" (e.g. ghcr.io/owner/app:latest).'
    )

  validateAttestInput('provenance', inputs.provenance)
  validateAttestInput('sbom', inputs.sbom)
  for (const attest of inputs.attests) {
    if (!specValue(parseSpec(attest), 'type'))
      throw new UsageError(`Input "attests": "${attest}" has no type=; write e.g. type=sbom,generator=IMAGE.`)
  }

  for (const item of inputs.secrets) parseSecretPair('secrets', item)
  for (const item of inputs['secret-files']) {
    const { id, value } = parseSecretPair('secret-files', item)
    if (kind(path.resolve(deps.cwd, value)) !== 'file')
      throw new UsageError(`Input "secret-files": the file for secret "${id}" does not exist: ${value}`)
  }
  for (const item of inputs['secret-envs']) {
    const { id, value } = parseSecretPair('secret-envs', item)
    if (deps.env[value] === undefined)
      throw new UsageError(
        `Input "secret-envs": the environment variable ${value} for secret "${id}" is not set.`
      )
  }

  if (inputs.file === '-')
    throw new UsageError('Input "file": "-" (stdin) is not supported; give the path of the Dockerfile.')
  if (isRemoteContext(inputs.context)) return { file: inputs.file }
  if (inputs.context === '-')
    throw new UsageError(
      'Input "context": "-" (stdin) is not supported; give a directory or a git/URL context.'
    )
  const contextDir = path.resolve(deps.cwd, inputs.context)
  if (kind(contextDir) !== 'dir')
    throw new UsageError(`Input "context": the directory "${inputs.context}" does not exist.`)
  const dockerfilePath = inputs.file
    ? path.resolve(deps.cwd, inputs.file)
    : path.join(contextDir, 'Dockerfile')
  if (kind(dockerfilePath) !== 'file') {
    const where = inputs.file
      ? `"${inputs.file}" (resolved against the working directory, as docker buildx build -f does)`
      : `"${path.relative(deps.cwd, dockerfilePath) || dockerfilePath}" (the default, {context}/Dockerfile)`
    throw new UsageError(`Input "file": the Dockerfile ${where} does not exist.`)
  }
  return { contextDir, file: dockerfilePath, dockerfilePath }
}
