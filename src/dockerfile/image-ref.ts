// Image references as Docker normalises them: `alpine` is
// docker.io/library/alpine, the first path component is a registry only when
// it has a dot or a port or is `localhost`, and a digest pins content.

export interface ImageRef {
  /** Registry host, `docker.io` by default (`index.docker.io` is folded into it). */
  registry: string
  /** Repository path; Docker Hub official images get the `library/` prefix. */
  repository: string
  /** Tag as written; undefined when none is written (Docker then uses `latest` unless a digest pins it). */
  tag?: string
  /** `algorithm:hex` as written after `@`. */
  digest?: string
}

export const DEFAULT_REGISTRY = 'docker.io'
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/
const TAG = /^[\w][\w.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/i

const refCache = new Map<string, ImageRef | undefined>()

/** Parse a reference; undefined when it is not one (empty, spaces, unexpanded `$VAR`, bad characters). */
export function parseImageRef(reference: string): ImageRef | undefined {
  if (refCache.has(reference)) {
    const cached = refCache.get(reference)
    return cached && { ...cached }
  }
  const parsed = parseImageRefUncached(reference)
  if (refCache.size > 10_000) refCache.clear()
  refCache.set(reference, parsed)
  return parsed && { ...parsed }
}

function parseImageRefUncached(reference: string): ImageRef | undefined {
  const ref = reference.trim()
  if (ref === '' || /[\s$]/.test(ref)) return undefined
  let rest = ref
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return undefined
  }
  let tag: string | undefined
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!TAG.test(tag)) return undefined
  }
  let registry = DEFAULT_REGISTRY
  const slash = rest.indexOf('/')
  if (slash >= 0) {
    const first = rest.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first === 'index.docker.io' ? DEFAULT_REGISTRY : first
      rest = rest.slice(slash + 1)
    }
  }
  if (rest === '' || !rest.split('/').every(part => PATH_COMPONENT.test(part))) return undefined
  const repository = registry === DEFAULT_REGISTRY && !rest.includes('/') ? `library/${rest}` : rest
  const parsed: ImageRef = { registry, repository }
  if (tag !== undefined) parsed.tag = tag
  if (digest !== undefined) parsed.digest = digest
  return parsed
}

/** True when the reference carries a content digest (`image@sha256:...`). */
export function isDigestPinned(reference: string): boolean {
  return parseImageRef(reference)?.digest !== undefined
}

/** The short name Docker prints: `alpine:3.19`, `ghcr.io/org/app@sha256:...`. */
export function familiarName(ref: ImageRef): string {
  let name = ref.repository
  if (ref.registry === DEFAULT_REGISTRY) name = name.replace(/^library\//, '')
  else name = `${ref.registry}/${name}`
  if (ref.tag !== undefined) name += `:${ref.tag}`
  if (ref.digest !== undefined) name += `@${ref.digest}`
  return name
}

/** Last path component of the repository: `golang` for `docker.io/library/golang`. */
export function imageBasename(ref: ImageRef): string {
  const parts = ref.repository.split('/')
  return parts[parts.length - 1] ?? ref.repository
}
