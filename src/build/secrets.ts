// Build secrets → `--secret` specs. `secrets: id=value` values go to 0600
// files in a private 0700 directory (never argv, never env of the buildx
// process), are masked through the injected `mask`, and are removed by
// `dispose()`, which run.ts calls in a `finally`. `secret-files` point buildx
// at the user's file as is (binary-safe, no copy); `secret-envs` name an env
// var buildx reads itself. Every value known here (also an env secret's and
// a small secret file's content) is redacted from anything we log or report.
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { UsageError } from '../errors.js'
import { makeRedactor } from '../redact.js'
import type { Inputs } from '../inputs.js'
import type { SecretSpecs } from './args.js'

export interface SecretDeps {
  /** Parent of the private directory (RUNNER_TEMP or os.tmpdir()). */
  tempRoot: string
  /** Registers a value with the log masker (the action passes core.setSecret). */
  mask: (value: string) => void
  /** Where `secret-envs` are read from, to check they are set and to redact their values. */
  env: NodeJS.ProcessEnv
  /** Base directory for relative `secret-files` paths. */
  cwd: string
}

export interface PreparedSecrets {
  /** Values for `--secret`, in the order buildx gets them. */
  specs: string[]
  /** The same, by input, for getBuildArgs (build-push-action's order). */
  groups: SecretSpecs
  /** Replaces every known secret value in `text` with `***`. */
  redact: (text: string) => string
  /** Removes the secret files and their directory; safe to call twice. */
  dispose: () => Promise<void>
  /** The private directory ('' when no value had to be written). */
  dir: string
}

export type SecretInput = 'secrets' | 'secret-files' | 'secret-envs'

/** `id=value` split at the first `=`, as build-push-action does; both halves must be non-empty. */
export function parseSecretPair(input: SecretInput, item: string): { id: string; value: string } {
  const at = item.indexOf('=')
  const id = at === -1 ? '' : item.slice(0, at).trim()
  const value = at === -1 ? '' : item.slice(at + 1)
  if (id === '' || value === '') {
    // Never echo the item of `secrets`: it holds the value.
    const shown = input === 'secrets' ? (id === '' ? 'an item' : `"${id}"`) : `"${item}"`
    throw new UsageError(
      `Input "${input}": ${shown} is not of the form id=${input === 'secret-envs' ? 'ENVNAME' : input === 'secret-files' ? 'PATH' : 'VALUE'}.`
    )
  }
  // A `secrets` value is taken byte for byte (parseList already removed CSV quoting).
  return { id, value: input === 'secrets' ? value : value.trim() }
}

/** The runner's masker matches line by line, so a multi-line value is registered whole and per line. */
function maskValue(mask: (value: string) => void, value: string): void {
  if (value.trim() === '') return
  mask(value)
  const lines = value.split(/\r?\n/)
  if (lines.length > 1) for (const line of lines) if (line.trim() !== '') mask(line.trim())
}

const SMALL_SECRET_FILE = 64 * 1024

/** A `secrets` item already gives BuildKit a Git token (for any host, or for this one). */
export function hasGitAuthTokenSecret(secrets: readonly string[], host: string): boolean {
  return secrets.some(
    secret =>
      secret.startsWith('GIT_AUTH_TOKEN=') || (host !== '' && secret.startsWith(`GIT_AUTH_TOKEN.${host}=`))
  )
}

/** The Git context the token is for: the commit's own (`{{defaultContext}}`), as build-push-action decides. */
export interface GitAuth {
  /** The context buildx gets. */
  context: string
  /** The Git context of the commit; '' outside Actions. */
  defaultContext: string
  /** GITHUB_SERVER_URL: the host of `GIT_AUTH_TOKEN.<host>` (github.com or the GHES host). */
  serverUrl: string
}

export function gitAuthSecretId(auth: GitAuth): string | undefined {
  if (auth.defaultContext === '' || !auth.context.startsWith(auth.defaultContext)) return undefined
  try {
    return `GIT_AUTH_TOKEN.${new URL(auth.serverUrl).host}`
  } catch {
    return undefined
  }
}

export async function prepareSecrets(
  inputs: Pick<Inputs, 'secrets' | 'secret-files' | 'secret-envs' | 'github-token'>,
  deps: SecretDeps,
  auth?: GitAuth
): Promise<PreparedSecrets> {
  const groups: SecretSpecs = { envs: [], strings: [], files: [] }
  const known: string[] = []
  const toWrite: { id: string; value: string; git?: boolean }[] = inputs.secrets.map(item =>
    parseSecretPair('secrets', item)
  )
  // BuildKit clones the commit's Git context with GIT_AUTH_TOKEN.<host>, as build-push-action provides it.
  const gitId = auth ? gitAuthSecretId(auth) : undefined
  if (
    gitId !== undefined &&
    inputs['github-token'] !== '' &&
    !hasGitAuthTokenSecret(inputs.secrets, gitId.slice('GIT_AUTH_TOKEN.'.length))
  )
    toWrite.push({ id: gitId, value: inputs['github-token'], git: true })
  for (const secret of toWrite) {
    known.push(secret.value)
    maskValue(deps.mask, secret.value)
  }

  let dir = ''
  const dispose = async (): Promise<void> => {
    if (dir !== '') await fs.rm(dir, { recursive: true, force: true })
  }
  try {
    if (toWrite.length > 0) {
      await fs.mkdir(deps.tempRoot, { recursive: true })
      dir = await fs.mkdtemp(path.join(deps.tempRoot, 'stagegate-secrets-'))
      await fs.chmod(dir, 0o700)
      for (const [index, secret] of toWrite.entries()) {
        // File names carry no part of the id or value: only an index.
        const file = path.join(dir, `secret-${index}`)
        await fs.writeFile(file, secret.value, { mode: 0o600, flag: 'wx' })
        if (secret.git) groups.gitAuth = `id=${secret.id},src=${file}`
        else groups.strings.push(`id=${secret.id},src=${file}`)
      }
    }
    for (const item of inputs['secret-files']) {
      const { id, value } = parseSecretPair('secret-files', item)
      const file = path.resolve(deps.cwd, value)
      const stat = await fs.stat(file).catch(() => undefined)
      if (!stat?.isFile())
        throw new UsageError(`Input "secret-files": the file for secret "${id}" does not exist: ${value}`)
      if (stat.size > 0 && stat.size <= SMALL_SECRET_FILE) {
        const content = await fs.readFile(file, 'utf8')
        if (!content.includes('\u0000')) {
          known.push(content, content.trim())
          maskValue(deps.mask, content.trim())
        }
      }
      // Passed as written, as build-push-action does (buildx resolves it against the same working directory).
      groups.files.push(`id=${id},src=${value}`)
    }
    for (const item of inputs['secret-envs']) {
      const { id, value: name } = parseSecretPair('secret-envs', item)
      const envValue = deps.env[name]
      if (envValue === undefined)
        throw new UsageError(
          `Input "secret-envs": the environment variable ${name} for secret "${id}" is not set.`
        )
      known.push(envValue)
      maskValue(deps.mask, envValue)
      groups.envs.push(`id=${id},env=${name}`)
    }
  } catch (error) {
    await dispose()
    throw error
  }
  const specs = [
    ...groups.envs,
    ...groups.strings,
    ...groups.files,
    ...(groups.gitAuth ? [groups.gitAuth] : [])
  ]
  return { specs, groups, redact: makeRedactor(known), dispose, dir }
}
