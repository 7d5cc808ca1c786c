// Registry credentials as `docker login` (and docker/login-action) stores
// them: `auths` in $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
// Only inline credentials are read; a credential helper (credsStore,
// credHelpers) is not run, and such a registry is read anonymously.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

interface AuthEntry {
  auth?: string
  username?: string
  password?: string
}

const DOCKER_HUB = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']

/** The parsed Docker config, or undefined when there is none or it is not JSON. */
export function loadDockerConfig(env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  try {
    return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as unknown
  } catch {
    return undefined
  }
}

function keysFor(host: string): string[] {
  const hub = DOCKER_HUB.includes(host)
  const names = hub ? DOCKER_HUB : [host]
  return names.flatMap(name => [
    name,
    `https://${name}`,
    `http://${name}`,
    `https://${name}/v1/`,
    `https://${name}/v2/`
  ])
}

/** base64("user:password") for the registry host, as a Basic credential; undefined when none is stored. */
export function registryAuth(host: string, config: unknown): string | undefined {
  const auths = (config as { auths?: Record<string, AuthEntry> } | undefined)?.auths
  if (typeof auths !== 'object' || auths === null) return undefined
  for (const key of keysFor(host)) {
    const entry = auths[key]
    if (!entry || typeof entry !== 'object') continue
    if (typeof entry.auth === 'string' && entry.auth !== '') return entry.auth
    if (typeof entry.username === 'string' && typeof entry.password === 'string') {
      return Buffer.from(`${entry.username}:${entry.password}`).toString('base64')
    }
  }
  return undefined
}
