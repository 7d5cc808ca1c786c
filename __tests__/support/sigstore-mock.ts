// Sigstore's own mock services (@sigstore/mock: Fulcio CA with a CT log,
// Rekor, a timestamp authority) served over HTTP on 127.0.0.1, with the
// trusted root that verifies what they issue, plus a fake GitHub Actions
// OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN, and the issuer's
// openid-configuration and JWKS that @actions/attest checks the token
// against). Every request is recorded; `failNext` makes the next Sigstore
// requests answer 5xx, as an outage would.
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler
} from '@sigstore/mock'
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, SignJWT, type JWK } from 'jose'

interface Handler {
  path: string
  fn: (
    body: string
  ) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }>
}

export interface MockRequest {
  method: string
  path: string
}

async function listen(
  handle: (request: IncomingMessage, response: ServerResponse, body: string) => void
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise(resolve => server.close(() => resolve()))
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
}

/**
 * The current time, never with a millisecond count that ends in 0: DER drops
 * trailing zeros from a GeneralizedTime's fraction (`.41Z`), which
 * @sigstore/core's parser rejects, so the mock TSA's genTime would fail
 * verification one time in ten.
 */
function liveClock(): Date {
  const now = (): Date => {
    const date = new Date()
    if (date.getUTCMilliseconds() % 10 === 0) date.setUTCMilliseconds(date.getUTCMilliseconds() + 1)
    return date
  }
  return new Proxy(new Date(), {
    get(_target, property) {
      const current = now()
      const value = Reflect.get(current, property) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value
    }
  })
}

const b64 = (bytes: ArrayBufferView | Buffer): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/** Fulcio, Rekor and a TSA from @sigstore/mock behind one HTTP server. */
export class SigstoreMock {
  readonly requests: MockRequest[] = []
  private failures: number[] = []

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly handlers: Handler[],
    /** The TrustedRoot (protobuf JSON) that verifies this mock's certificates, log entries and timestamps. */
    readonly trustedRoot: object
  ) {}

  static async start(): Promise<SigstoreMock> {
    const holder: { mock?: SigstoreMock } = {}
    const { server, url } = await listen(
      (request, response, body) => void holder.mock?.handle(request, response, body)
    )
    const caKey = keyPair()
    const ctlog = await initializeCTLog(caKey)
    const ca = await initializeCA(caKey, ctlog)
    const tlogKey = keyPair()
    const tlog = await initializeTLog(url, tlogKey)
    const tsa = await initializeTSA(keyPair(), liveClock())
    // @sigstore/mock names the certificate after one token claim; the fake
    // token carries the SAN real Fulcio derives from job_workflow_ref.
    const handlers: Handler[] = [
      fulcioHandler(ca, { subjectClaim: 'fulcio_san' }),
      rekorHandler(tlog),
      tsaHandler(tsa)
    ]
    const start = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
    const trustedRoot = {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: url,
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: b64(tlog.publicKey),
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start }
          },
          logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') }
        }
      ],
      certificateAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
          uri: url,
          certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
          validFor: { start }
        }
      ],
      ctlogs: [
        {
          baseUrl: url,
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: b64(ctlog.publicKey),
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start }
          },
          logId: { keyId: b64(ctlog.logID) }
        }
      ],
      timestampAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'tsa' },
          uri: url,
          certChain: {
            certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }]
          },
          validFor: { start }
        }
      ]
    }
    holder.mock = new SigstoreMock(server, url, handlers, trustedRoot)
    return holder.mock
  }

  /** The next `count` requests answer this status (default 503), as an unavailable instance does. */
  failNext(count = 1, status = 503): void {
    for (let i = 0; i < count; i++) this.failures.push(status)
  }

  /** Drops the failures not yet answered: the instance is back. */
  recover(): void {
    this.failures = []
  }

  /**
   * Environment that points Stagegate's signer at this mock: Fulcio and
   * Rekor, the public-good shape. The TSA is served too, but not used by
   * default: @sigstore/verify rejects some of the mock TSA's tokens
   * ("timestamp could not be verified", intermittently), which would make
   * the tests flaky; `withTsa` adds it.
   */
  env(withTsa = false): Record<string, string> {
    return {
      STAGEGATE_SIGSTORE_FULCIO_URL: this.url,
      STAGEGATE_SIGSTORE_REKOR_URL: this.url,
      ...(withTsa ? { STAGEGATE_SIGSTORE_TSA_URL: this.url } : {})
    }
  }

  close(): Promise<void> {
    return close(this.server)
  }

  private async handle(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const path = new URL(request.url ?? '/', this.url).pathname
    this.requests.push({ method: request.method ?? 'GET', path })
    const failure = this.failures.shift()
    if (failure !== undefined) {
      response.writeHead(failure, { 'content-type': 'text/plain' })
      response.end('upstream connect error or disconnect/reset before headers')
      return
    }
    const handler = this.handlers.find(candidate => candidate.path === path)
    if (!handler || request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('404 page not found')
      return
    }
    const result = await handler.fn(path === '/api/v1/log/entries' ? canonicalRekorEntry(body) : body)
    response.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain' })
    const payload = result.response
    response.end(
      typeof payload === 'string'
        ? payload
        : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)
    )
  }
}

/**
 * Rekor stores a proposed dsse entry in its canonical form (hashes of the
 * envelope and payload, the signatures with their verifiers), and that body
 * is what verifiers compare the bundle against; @sigstore/mock logs the
 * proposal as sent, so the server canonicalizes it first, as Rekor does.
 */
export function canonicalRekorEntry(body: string): string {
  const entry = JSON.parse(body) as {
    kind?: string
    apiVersion?: string
    spec?: { proposedContent?: { envelope: string; verifiers: string[] } }
  }
  const proposed = entry.spec?.proposedContent
  if (entry.kind !== 'dsse' || entry.apiVersion !== '0.0.1' || !proposed) return body
  const envelope = JSON.parse(proposed.envelope) as { payload: string; signatures: { sig: string }[] }
  const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
  return JSON.stringify({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(proposed.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((signature, index) => ({
        signature: signature.sig,
        verifier: proposed.verifiers[index] ?? proposed.verifiers[0]
      }))
    }
  })
}

export interface OidcClaims {
  repository: string
  ref: string
  workflowPath: string
  sha?: string
  eventName?: string
  visibility?: string
}

/**
 * GitHub Actions' OIDC token service: `GET ?audience=X` with the request
 * token returns `{ value: JWT }` signed by a key the issuer's JWKS
 * publishes, with the claims GitHub puts in it.
 */
export class FakeOidcIssuer {
  readonly requestToken = `oidc-request-${Math.random().toString(36).slice(2)}`
  readonly requests: MockRequest[] = []

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly key: KeyObject,
    private readonly jwk: JWK,
    readonly claims: OidcClaims
  ) {}

  static async start(claims: OidcClaims): Promise<FakeOidcIssuer> {
    const holder: { issuer?: FakeOidcIssuer } = {}
    const { server, url } = await listen((request, response) => void holder.issuer?.handle(request, response))
    const { privateKey, publicKey } = keyPair()
    const jwk = { ...(await exportJWK(publicKey)), kid: 'stagegate-test', alg: 'ES256', use: 'sig' }
    holder.issuer = new FakeOidcIssuer(server, url, privateKey, jwk, claims)
    return holder.issuer
  }

  /** ACTIONS_ID_TOKEN_REQUEST_* as the runner sets them with `id-token: write`, and the issuer for @actions/attest. */
  env(): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.requestToken,
      STAGEGATE_OIDC_ISSUER: this.url
    }
  }

  /** The SAN Fulcio gives GitHub Actions tokens. */
  identity(): string {
    return `https://github.com/${this.claims.repository}/${this.claims.workflowPath}@${this.claims.ref}`
  }

  close(): Promise<void> {
    return close(this.server)
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname })
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.url,
        jwks_uri: `${this.url}/.well-known/jwks`,
        id_token_signing_alg_values_supported: ['ES256']
      })
    }
    if (url.pathname === '/.well-known/jwks') return json(200, { keys: [this.jwk] })
    if (url.pathname !== '/token') return json(404, { message: 'Not Found' })
    if (request.headers.authorization !== `Bearer ${this.requestToken}`)
      return json(401, { message: 'Bad credentials' })
    const c = this.claims
    const [owner] = c.repository.split('/')
    const workflowRef = `${c.repository}/${c.workflowPath}@${c.ref}`
    const token = await new SignJWT({
      sub: `repo:${c.repository}:ref:${c.ref}`,
      ref: c.ref,
      sha: c.sha ?? 'c0ffee0000000000000000000000000000000000',
      repository: c.repository,
      repository_owner: owner,
      repository_id: '123456',
      repository_owner_id: '654321',
      repository_visibility: c.visibility ?? 'private',
      run_id: '4242',
      run_number: '7',
      run_attempt: '1',
      actor: 'octocat',
      workflow: 'release',
      event_name: c.eventName ?? 'push',
      ref_type: 'branch',
      job_workflow_ref: workflowRef,
      workflow_ref: workflowRef,
      runner_environment: 'github-hosted',
      fulcio_san: this.identity()
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'stagegate-test' })
      .setIssuer(this.url)
      .setAudience(url.searchParams.get('audience') ?? 'sigstore')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.key)
    return json(200, { count: token.length, value: token })
  }
}
