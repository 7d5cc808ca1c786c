// Small parsers for the comma-separated `key=value` specs buildx takes
// (`--cache-to type=registry,ref=X`, `--attest type=sbom,generator=IMAGE`,
// `--secret id=a,src=b`) and for telling a local build context from a remote
// one. Pure, shared by args.ts and validate.ts so both read a spec the same way.

export interface SpecField {
  key: string
  /** undefined when the field had no `=` (a bare word such as `true` or a ref). */
  value: string | undefined
}

/** Splits on commas outside double quotes (buildx reads these specs as CSV), then each field at its first `=`. */
export function parseSpec(spec: string): SpecField[] {
  const fields: SpecField[] = []
  let current = ''
  let quoted = false
  const flush = (): void => {
    const field = current.trim()
    current = ''
    if (field === '') return
    const at = field.indexOf('=')
    if (at === -1) fields.push({ key: field, value: undefined })
    else fields.push({ key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() })
  }
  for (const char of spec) {
    if (char === '"') {
      quoted = !quoted
      continue
    }
    if (char === ',' && !quoted) {
      flush()
      continue
    }
    current += char
  }
  flush()
  return fields
}

export function specValue(fields: SpecField[], key: string): string | undefined {
  return fields.find(field => field.key === key)?.value
}

/** Quotes a field value that holds a comma or a quote, so buildx's CSV reader keeps it whole. */
export function formatSpec(fields: SpecField[]): string {
  return fields
    .map(({ key, value }) => {
      if (value === undefined) return key
      const field = `${key}=${value}`
      return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
    })
    .join(',')
}

/**
 * A context buildx fetches itself (git repository, tarball URL) rather than a
 * directory on this machine: then `file` is a path inside it, and nothing
 * about it can be checked here. Mirrors buildx's own tests (urlutil.IsGitURL,
 * IsURL): scheme URLs, `git@host:` and `github.com/...`-style shorthands.
 */
export function isRemoteContext(context: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ||
    /^git@[^:]+:/.test(context) ||
    /^github\.com\//.test(context) ||
    /\.git(#.*)?$/.test(context)
  )
}

/** A git context on github.com, which BuildKit can clone with the GIT_AUTH_TOKEN secret. */
export function isGitHubGitContext(context: string): boolean {
  return (
    /^(https?:\/\/)?github\.com\/[^/]+\/[^/]+?(\.git)?(#.*)?$/.test(context) ||
    /^git@github\.com:/.test(context)
  )
}
