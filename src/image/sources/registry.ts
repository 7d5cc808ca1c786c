// An image in a registry, over the distribution API: manifests and indexes by
// tag or digest (Accept lists every OCI and Docker schema 2 type), blobs
// streamed, anonymous bearer tokens fetched from the `WWW-Authenticate`
// realm when the registry asks. Loopback registries are spoken to over plain
// HTTP, as dockerd treats 127.0.0.0/8 as insecure; everything else over HTTPS.
import { createHash } from 'node:crypto'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { UsageError } from '../../errors.js'
import { loadDockerConfig, registryAuth } from './docker-credentials.js'
import { MEDIA_TYPES } from '../manifest.js'
import { retryTransient } from './retry.js'
import { checkDigest, readStream, type BlobStore, type ImageSource } from './store.js'

const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.dockerManifest
].join(', ')

export interface RegistryRef {
  host: string
  repository: string
  /** Tag or digest. */
  reference: string
}

/** Whether the first component of a reference names a registry host, as docker decides it. */
export function hasRegistryHost(ref: string): boolean {
  const slash = ref.indexOf('/')
  if (slash < 0) return false
  const first = ref.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost'
}

export function parseRegistryRef(text: string): RegistryRef {
  const bad = (): never => {
    throw new UsageError(`invalid image reference ${JSON.stringify(text)}`)
  }
  if (!text || /\s/.test(text)) bad()
  let rest = text
  let host = 'registry-1.docker.io'
  if (hasRegistryHost(rest)) {
    const slash = rest.indexOf('/')
    host = rest.slice(0, slash)
    rest = rest.slice(slash + 1)
    if (host === 'docker.io' || host === 'index.docker.io') host = 'registry-1.docker.io'
  }
  let reference = 'latest'
  const at = rest.indexOf('@')
  if (at >= 0) {
    reference = checkDigest(rest.slice(at + 1), `reference ${text}`)
    rest = rest.slice(0, at)
  } else {
    const colon = rest.lastIndexOf(':')
    if (colon > rest.lastIndexOf('/')) {
      reference = rest.slice(colon + 1)
      rest = rest.slice(0, colon)
    }
  }
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) bad()
  if (!/^[\w][\w.-]{0,127}$/.test(reference) && !reference.includes(':')) bad()
  if (host === 'registry-1.docker.io' && !rest.includes('/')) rest = `library/${rest}`
  return { host, repository: rest, reference }
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  return name === 'localhost' || name === '::1' || /^127\./.test(name)
}

function parseChallenge(header: string): Record<string, string> | undefined {
  const match = /^\s*Bearer\s+(.*)$/i.exec(header)
  if (!match) return undefined
  const params: Record<string, string> = {}
  for (const part of (match[1] as string).matchAll(/(\w+)="([^"]*)"/g))
    params[part[1] as string] = part[2] as string
  return params
}

/** A registry that accepts the connection but never answers must not hang the run. */
const HEADER_TIMEOUT_MS = 60_000

async function fetchWithHeaderTimeout(url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new Error(`no response within ${HEADER_TIMEOUT_MS / 1000} s`)),
    HEADER_TIMEOUT_MS
  )
  try {
    // Only the wait for headers is bounded: a big layer may legitimately take long to stream.
    return await fetch(url, { ...init, signal: controller.signal })
  } finally {
    clearTimeout(timer)
  }
}

/** A body that stops flowing (a stalled or trickling registry) must not hang the run: at most this long between chunks. */
export const BODY_IDLE_TIMEOUT_MS = 60_000
/**
 * ... and at least this many bytes in every such span the reader waits: a
 * registry trickling a byte now and then never goes idle, yet a layer would
 * take days (1 KiB/s at the default span; no real registry is that slow).
 */
export const BODY_MIN_BYTES_PER_SPAN = 64 * 1024

function timeout(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT' })
}

/**
 * A pass-through that fails with ETIMEDOUT when the registry sent nothing for
 * `idleMs`, or less than BODY_MIN_BYTES_PER_SPAN in `idleMs`, while the reader
 * was waiting for data (time the reader spends holding back through
 * backpressure does not count).
 */
class IdleGuard extends Transform {
  private timer: NodeJS.Timeout | undefined
  /** When the reader began waiting through the current span, and what arrived since. */
  private spanStart: number | undefined
  private spanBytes = 0
  constructor(private readonly idleMs: number) {
    super()
  }
  private arm(): void {
    this.disarm()
    this.spanStart ??= Date.now()
    this.timer = setTimeout(
      () => this.destroy(timeout(`no data from the registry for ${this.idleMs / 1000} s`)),
      this.idleMs
    )
  }
  private disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
  override _read(size: number): void {
    // The reader wants more: from here on, the registry is the one keeping it waiting.
    this.arm()
    super._read(size)
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const now = Date.now()
    this.spanBytes += chunk.length
    if (this.spanStart !== undefined && now - this.spanStart >= this.idleMs) {
      if (this.spanBytes < BODY_MIN_BYTES_PER_SPAN) {
        const seconds = Math.round((now - this.spanStart) / 100) / 10
        this.destroy(
          timeout(
            `the registry sent ${this.spanBytes} bytes in ${seconds} s, under ${BODY_MIN_BYTES_PER_SPAN / 1024} KiB per ${this.idleMs / 1000} s`
          )
        )
        callback()
        return
      }
      this.spanStart = now
      this.spanBytes = 0
    }
    if (this.push(chunk)) this.arm()
    else {
      // Backpressure: the reader holds back, the registry is not to blame for the wait.
      this.disarm()
      this.spanStart = undefined
      this.spanBytes = 0
    }
    callback()
  }
  override _flush(callback: TransformCallback): void {
    this.disarm()
    callback()
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.disarm()
    callback(error)
  }
}

function withIdleTimeout(stream: Readable, idleMs: number): Readable {
  const guard = new IdleGuard(idleMs)
  stream.on('error', error => guard.destroy(error))
  guard.on('close', () => stream.destroy())
  return stream.pipe(guard)
}

class RegistryStore implements BlobStore {
  readonly label: string
  private token: string | undefined
  /** Authorization for a registry that answers with a Basic challenge. */
  private basic: string | undefined
  private readonly base: string
  /** Stored `docker login` credentials for this host (never logged). */
  private readonly credentials: string | undefined

  constructor(
    private readonly ref: RegistryRef,
    private readonly idleMs = BODY_IDLE_TIMEOUT_MS
  ) {
    this.credentials = registryAuth(ref.host, loadDockerConfig())
    this.label = `${ref.host}/${ref.repository}`
    this.base = `${isLoopback(ref.host) ? 'http' : 'https'}://${ref.host}/v2/${ref.repository}`
  }

  private async request(url: string, accept?: string): Promise<Response> {
    const send = (): Promise<Response> => {
      const headers: Record<string, string> = {}
      if (accept) headers.accept = accept
      if (this.token) headers.authorization = `Bearer ${this.token}`
      else if (this.basic) headers.authorization = this.basic
      // A transient 5xx/429 (a tag read while it is re-pushed, a load balancer hiccup) gets a few more tries.
      return retryTransient(() => fetchWithHeaderTimeout(url, { headers, redirect: 'follow' }))
    }
    let response: Response
    try {
      response = await send()
      if (response.status === 401 && !this.token && !this.basic) {
        const header = response.headers.get('www-authenticate') ?? ''
        const challenge = parseChallenge(header)
        await response.body?.cancel()
        if (challenge?.realm) {
          this.token = await this.fetchToken(challenge)
          response = await send()
        } else if (/^\s*Basic\b/i.test(header) && this.credentials) {
          this.basic = `Basic ${this.credentials}`
          response = await send()
        }
      }
    } catch (error) {
      if (error instanceof UsageError) throw error
      const cause = (error as { cause?: { message?: string } }).cause?.message
      throw new UsageError(`cannot reach registry ${this.ref.host}: ${cause ?? (error as Error).message}`)
    }
    return response
  }

  private async fetchToken(challenge: Record<string, string>): Promise<string> {
    const url = new URL(challenge.realm as string)
    if (challenge.service) url.searchParams.set('service', challenge.service)
    url.searchParams.set('scope', challenge.scope ?? `repository:${this.ref.repository}:pull`)
    // With stored `docker login` credentials the token grants what they may
    // pull (private images); without, an anonymous token.
    const headers: Record<string, string> = this.credentials
      ? { authorization: `Basic ${this.credentials}` }
      : {}
    const response = await fetchWithHeaderTimeout(url.toString(), { headers })
    if (!response.ok) {
      const hint = this.credentials
        ? 'check the stored docker login for it'
        : 'log in first (docker login, or docker/login-action) if the image is private'
      throw new UsageError(
        `registry ${this.ref.host}: token request failed (HTTP ${response.status}); ${hint}`
      )
    }
    const body = (await response.json()) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token) throw new UsageError(`registry ${this.ref.host}: token response has no token`)
    return token
  }

  private async failed(response: Response, what: string): Promise<never> {
    await response.body?.cancel()
    const hint = response.status === 404 ? 'not found' : `HTTP ${response.status}`
    throw new UsageError(`${this.label}: ${what} ${hint}`)
  }

  private bodyStream(response: Response): Readable {
    if (!response.body) return Readable.from([])
    const body = Readable.fromWeb(response.body, {
      highWaterMark: 1024 * 1024
    })
    return withIdleTimeout(body, this.idleMs)
  }

  async manifest(
    reference: string,
    maxBytes: number
  ): Promise<{ json: Buffer; mediaType?: string; digest: string }> {
    const response = await this.request(`${this.base}/manifests/${reference}`, MANIFEST_ACCEPT)
    if (!response.ok) await this.failed(response, `manifest ${reference}`)
    const json = await readStream(this.bodyStream(response), maxBytes, `${this.label}: manifest ${reference}`)
    // The digest the registry vouches for; the resolver checks the bytes against it (tampering if they differ).
    const digest = reference.includes(':')
      ? reference
      : (response.headers.get('docker-content-digest') ??
        `sha256:${createHash('sha256').update(json).digest('hex')}`)
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim()
    return mediaType ? { json, mediaType, digest } : { json, digest }
  }

  async open(key: string): Promise<Readable> {
    const digest = checkDigest(key, this.label)
    const response = await this.request(`${this.base}/blobs/${digest}`)
    if (!response.ok) await this.failed(response, `blob ${digest}`)
    return this.bodyStream(response)
  }

  async readAll(key: string, maxBytes: number): Promise<Buffer> {
    return readStream(await this.open(key), maxBytes, `${this.label}: blob ${key}`)
  }

  has(): Promise<boolean> {
    return Promise.resolve(true)
  }
}

export async function openRegistryImage(
  text: string,
  maxJsonBytes: number,
  idleMs = BODY_IDLE_TIMEOUT_MS
): Promise<ImageSource> {
  const ref = parseRegistryRef(text)
  const store = new RegistryStore(ref, idleMs)
  const top = await store.manifest(ref.reference, maxJsonBytes)
  return {
    store,
    top: {
      kind: 'manifest',
      json: top.json,
      digest: top.digest,
      ...(top.mediaType ? { mediaType: top.mediaType } : {})
    },
    knowsAttestations: true,
    close: async () => {}
  }
}
