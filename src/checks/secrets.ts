// Secret detection shared by SG2004 (file contents) and SG2005 (config and
// history). Every detector returns evidence that is already redacted: a
// token's recognisable prefix and its length, never its value.

export interface SecretMatch {
  /** What was found: `GitHub token`, `private key`, `npm auth token` ... */
  kind: string
  /** Redacted, safe to print. */
  evidence: string
}

interface TokenFormat {
  kind: string
  pattern: RegExp
  /** Characters of the match that are a public prefix (kept in evidence). */
  prefix: number
}

/** Well-known token formats, matched anywhere. */
const TOKEN_FORMATS: readonly TokenFormat[] = [
  { kind: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, prefix: 4 },
  { kind: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g, prefix: 11 },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, prefix: 6 },
  { kind: 'Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g, prefix: 5 },
  { kind: 'Stripe live key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/g, prefix: 8 },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, prefix: 4 },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, prefix: 4 },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, prefix: 4 }
]

const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/

/** `ghp_****…(40 chars)`: the public prefix, then only the length. */
export function redact(value: string, keepPrefix = 0): string {
  const prefix = value.slice(0, Math.min(keepPrefix, Math.floor(value.length / 3)))
  return `${prefix}****…(${value.length} chars)`
}

export function findTokens(text: string): SecretMatch[] {
  return findRawTokens(text).map(({ match }) => match)
}

/** Tokens with their raw values (never printed: only to tell one secret from another). */
function findRawTokens(text: string): { match: SecretMatch; raw: string }[] {
  const matches: { match: SecretMatch; raw: string }[] = []
  for (const format of TOKEN_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      matches.push({ match: { kind: format.kind, evidence: redact(match[0], format.prefix) }, raw: match[0] })
    }
  }
  return matches
}

export function findPrivateKey(text: string): SecretMatch | undefined {
  const match = PRIVATE_KEY.exec(text)
  if (!match) return undefined
  return { kind: 'private key', evidence: `${match[0]} (key material redacted)` }
}

/**
 * Names that say "secret" when they carry a value: PASSWORD, DB_PASS,
 * API_KEY, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, NPM_AUTH ... but not
 * TOKEN_FILE, SECRET_PATH, GPG_KEY (a public fingerprint), KEY_ID.
 */
const SECRET_NAME =
  /(pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credentials?|auth)(?![a-z])/i
const NOT_SECRET_NAME =
  /(_(file|path|dir|url|uri|id|name|type|version|length|size|ttl|timeout|endpoint|host|port|user(name)?)$|^gpg_key$|public)/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name)
}

/** A value that could be a secret: non-empty, not a `${VAR}` reference, not an obvious placeholder. */
export function isSecretValue(value: string): boolean {
  const trimmed = value.trim().replace(/^["']|["']$/g, '')
  if (trimmed.length < 4) return false
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(trimmed)) return false
  if (/^(true|false|yes|no|none|null|changeme|<.*>|x+|\*+)$/i.test(trimmed)) return false
  return true
}

/**
 * A value that names a file rather than holding a secret:
 * `GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/gcp/key.json`, `./certs/key.pem`,
 * `~/.aws/credentials`. (A `*_FILE` name is already not a secret name.)
 */
export function isFilePathValue(value: string): boolean {
  const trimmed = value.trim().replace(/^["']|["']$/g, '')
  const part = '[\\w.@+~-]+'
  const unix = new RegExp(`^(?:/${part}(?:/${part})+|(?:\\.\\.?|~)(?:/${part})+)/?$`)
  return unix.test(trimmed) || /^[A-Za-z]:\\[^\s]+$/.test(trimmed)
}

/** `NAME=value` (env entry, label, build arg) whose name looks secret: redacted evidence. */
export function secretAssignment(name: string, value: string): SecretMatch | undefined {
  const tokens = findTokens(value)
  if (tokens.length > 0) return { kind: tokens[0]!.kind, evidence: `${name}=${tokens[0]!.evidence}` }
  if (isSecretName(name) && isSecretValue(value) && !isFilePathValue(value)) {
    return { kind: 'secret-looking value', evidence: `${name}=${redact(value)}` }
  }
  const userinfo = /:\/\/[^/\s:@]+:([^/\s@]+)@/.exec(value)
  if (userinfo) return { kind: 'password in a URL', evidence: `${name}=…://…:${redact(userinfo[1]!)}@…` }
  return undefined
}

/** Key/value lines of `.env`, `.npmrc`, `.pypirc`, `credentials` style files. */
function assignments(text: string): { key: string; value: string }[] {
  const result: { key: string; value: string }[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '')
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    // `key=value` (npmrc keys contain colons: `//registry/:_authToken=…`), else `key: value` / `key = value`.
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(line) ?? /^([^:\s]+)\s*:\s*(.*)$/.exec(line)
    if (match) result.push({ key: match[1]!, value: match[2]! })
  }
  return result
}

/**
 * Secret material in a captured file: what it is and redacted evidence.
 * `name` is the base name (`.npmrc`), `path` the full path (for
 * `.docker/config.json` and `.aws/credentials`).
 */
export function scanFileForSecrets(path: string, content: Buffer): SecretMatch[] {
  const text = content.toString('latin1')
  const name = path.slice(path.lastIndexOf('/') + 1)
  const found: SecretMatch[] = []
  // Values already reported as a credential (`_authToken=…`): a token inside one is the same secret.
  const reported: string[] = []
  const report = (match: SecretMatch, value: string): void => {
    found.push(match)
    reported.push(value)
  }
  const key = findPrivateKey(text)
  if (key) found.push(key)

  if (name === '.npmrc') {
    for (const { key: k, value } of assignments(text)) {
      if (/(_authToken|_auth|_password)$/.test(k) && isSecretValue(value))
        report({ kind: 'npm registry credentials', evidence: `${tail(k)}=${redact(value.trim())}` }, value)
    }
  } else if (name === '.pypirc') {
    for (const { key: k, value } of assignments(text)) {
      if (/^password$/i.test(k) && isSecretValue(value))
        report({ kind: 'PyPI password', evidence: `password=${redact(value.trim())}` }, value)
    }
  } else if (name === '.git-credentials') {
    const match = /https?:\/\/[^:\s/]+:([^@\s]+)@/.exec(text)
    if (match) report({ kind: 'git credentials', evidence: `https://…:${redact(match[1]!)}@…` }, match[1]!)
  } else if (name === '.netrc' || name === '_netrc') {
    const match = /\bpassword\s+(\S+)/.exec(text)
    if (match) report({ kind: 'netrc password', evidence: `password ${redact(match[1]!)}` }, match[1]!)
  } else if (name === 'config.json' && path.includes('/.docker/')) {
    const auth = dockerConfigAuth(text)
    if (auth) found.push(auth)
  } else if (name === 'credentials' || /\.env(\..+)?$/.test(name) || name === '.env') {
    for (const { key: k, value } of assignments(text)) {
      if (/^aws_secret_access_key$/i.test(k) && isSecretValue(value))
        report({ kind: 'AWS secret access key', evidence: `${k}=${redact(value.trim())}` }, value)
      else if (
        name !== 'credentials' &&
        isSecretName(k) &&
        isSecretValue(value) &&
        findTokens(value).length === 0
      )
        found.push({ kind: '.env secret', evidence: `${k}=${redact(value.trim())}` })
    }
  }
  for (const { match, raw } of findRawTokens(text))
    if (!reported.some(value => value.includes(raw))) found.push(match)
  return dedupe(found)
}

function tail(key: string): string {
  const colon = key.lastIndexOf(':')
  return colon < 0 ? key : key.slice(colon + 1)
}

function dockerConfigAuth(text: string): SecretMatch | undefined {
  try {
    const config = JSON.parse(text) as { auths?: Record<string, { auth?: string; identitytoken?: string }> }
    for (const [registry, entry] of Object.entries(config.auths ?? {})) {
      const secret = entry?.auth || entry?.identitytoken
      if (typeof secret === 'string' && secret.length > 0)
        return { kind: 'registry credentials', evidence: `auths.${registry}.auth=${redact(secret)}` }
    }
  } catch {
    if (/"auth"\s*:\s*"[^"]+"/.test(text)) return { kind: 'registry credentials', evidence: '"auth": "****"' }
  }
  return undefined
}

function dedupe(matches: SecretMatch[]): SecretMatch[] {
  const seen = new Set<string>()
  return matches.filter(match => {
    const key = `${match.kind}\0${match.evidence}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A history `created_by` safe to print: build-argument values with
 * secret-looking names and every known token format replaced by redactions.
 */
export function redactCreatedBy(createdBy: string): string {
  const text = createdBy.replace(
    /^(RUN )?\|(\d+) ((?:\S+=\S* )+)/,
    (whole, run: string | undefined, count: string, args: string) => {
      const redacted = args
        .split(' ')
        .map(word => {
          const eq = word.indexOf('=')
          if (eq <= 0) return word
          const name = word.slice(0, eq)
          return secretAssignment(name, word.slice(eq + 1)) ? `${name}=****` : word
        })
        .join(' ')
      return `${run ?? ''}|${count} ${redacted}`
    }
  )
  return scrubTokens(text).replace(PRIVATE_KEY, '-----BEGIN PRIVATE KEY----- (redacted)')
}

/** Every known token format in `text` replaced by its redaction (idempotent: redactions match no format). */
export function scrubTokens(text: string): string {
  let result = text
  for (const format of TOKEN_FORMATS)
    result = result.replace(format.pattern, token => redact(token, format.prefix))
  return result
}
