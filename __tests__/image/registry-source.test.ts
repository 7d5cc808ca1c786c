// The registry source against a small distribution-API server on loopback:
// anonymous bearer tokens from the WWW-Authenticate realm, Accept headers,
// Docker-Content-Digest, digest checks, streamed blobs. (The e2e suite reads
// from the real registry; this covers the token dance that one does not ask for.)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect } from '@jest/globals'
import { UsageError } from '../../src/errors.js'
import { SG2000 } from '../../src/checks/rules/reader-warnings.js'
import { readImage } from '../../src/image/read.js'
import { hasRegistryHost, parseRegistryRef } from '../../src/image/sources/registry.js'
import { tar, writeOciLayout } from './support/tar-writer.js'

const TOKEN = 'anonymous-pull-token'

interface Seen {
  path: string
  accept?: string
  authorization?: string
}

let dir: string
let server: Server
let host: string
let manifestDigest: string
let tamper: 'manifest' | 'layer' | 'config' | false = false
let configDigest = ''
let cutBlobs = false
let stallBlobs = false
let trickleBlobs = false
const stalled: ServerResponse[] = []
const seen: Seen[] = []

function blob(digest: string): Buffer {
  return readFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-registry-test-'))
  ;({ manifestDigest } = writeOciLayout(
    dir,
    [
      tar([{ name: 'etc/os-release', data: 'ID=test\n' }]),
      tar([
        { name: 'app/run', data: '#!/bin/sh\n', mode: 0o755 },
        { name: 'app/blob', data: randomBytes(100_000) }
      ])
    ],
    { attestations: { predicateTypes: ['https://slsa.dev/provenance/v0.2'] } }
  ))
  const top = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] }
  const innerIndex = top.manifests[0]?.digest as string
  configDigest = (JSON.parse(blob(manifestDigest).toString()) as { config: { digest: string } }).config.digest
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x')
    seen.push({
      path: url.pathname,
      accept: request.headers.accept,
      authorization: request.headers.authorization
    })
    if (url.pathname === '/token') {
      const ok =
        url.searchParams.get('service') === 'test-registry' &&
        url.searchParams.get('scope') === 'repository:team/app:pull'
      response.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' })
      response.end(JSON.stringify(ok ? { token: TOKEN } : {}))
      return
    }
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      response.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${host}/token",service="test-registry",scope="repository:team/app:pull"`
      })
      response.end()
      return
    }
    const match = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname)
    if (!match) {
      response.writeHead(404).end()
      return
    }
    const [, kind, reference] = match as unknown as [string, string, string]
    const digest = kind === 'manifests' && reference === 'v1' ? innerIndex : reference
    let body: Buffer
    try {
      body = blob(digest)
    } catch {
      response.writeHead(404).end()
      return
    }
    if (tamper === 'manifest' && kind === 'manifests' && reference === manifestDigest)
      body = Buffer.concat([body, Buffer.from(' ')])
    if (tamper === 'config' && kind === 'blobs' && reference === configDigest)
      body = Buffer.from(body.toString().replace('"User":"1000"', '"User":"app1"'))
    // The attack: a registry serves a decoy layer under the real one's digest.
    if (tamper === 'layer' && kind === 'blobs' && body.length > 10_000)
      body = gzipSync(tar([{ name: 'app/run', data: 'decoy' }]))
    if (stallBlobs && kind === 'blobs' && body.length > 10_000) {
      // Headers and a few bytes, then nothing: the registry stalls mid-body.
      response.writeHead(200, { 'content-length': String(body.length) })
      response.write(body.subarray(0, 20))
      stalled.push(response)
      return
    }
    if (trickleBlobs && kind === 'blobs' && body.length > 10_000) {
      // Never idle, never done: 20 bytes every 50 ms.
      response.writeHead(200, { 'content-length': String(body.length) })
      let sent = 0
      const timer = setInterval(() => {
        if (response.destroyed || sent >= body.length) return clearInterval(timer)
        response.write(body.subarray(sent, (sent += 20)))
      }, 50)
      response.on('close', () => clearInterval(timer))
      stalled.push(response)
      return
    }
    if (cutBlobs && kind === 'blobs' && body.length > 10_000) {
      response.writeHead(200, { 'content-length': String(body.length) })
      response.write(body.subarray(0, 20))
      setTimeout(() => response.destroy(), 10)
      return
    }
    const type =
      kind === 'manifests'
        ? (JSON.parse(body.toString()) as { mediaType?: string }).mediaType
        : 'application/octet-stream'
    response.writeHead(200, { 'content-type': type ?? 'application/json', 'docker-content-digest': digest })
    response.end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  seen.length = 0
  tamper = false
  cutBlobs = false
  stallBlobs = false
  trickleBlobs = false
})

afterEach(() => {
  for (const response of stalled.splice(0)) response.destroy()
})

describe('registry source', () => {
  it('fetches an anonymous token, then the index, manifest, config and streamed layers', async () => {
    const index = await readImage(`registry:${host}/team/app:v1`)
    expect([...index.files.keys()].sort()).toEqual(['/app/blob', '/app/run', '/etc/os-release'])
    expect(index.digest).toBe(manifestDigest)
    expect(index.attestations).toEqual({ sbom: false, provenance: true })
    expect(index.indexFromAttestations).toBe(true)
    expect(seen[0]).toMatchObject({ path: '/v2/team/app/manifests/v1', authorization: undefined })
    expect(seen[0]?.accept).toContain('application/vnd.oci.image.index.v1+json')
    expect(seen[0]?.accept).toContain('application/vnd.docker.distribution.manifest.v2+json')
    expect(seen[1]?.path).toBe('/token')
    expect(seen.slice(2).every(s => s.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })

  it('auto-detects a registry host in a plain reference the engine does not have', async () => {
    const index = await readImage(`${host}/team/app:v1`)
    expect(index.files.has('/app/run')).toBe(true)
  })

  it('reads an untampered image with no sign of tampering', async () => {
    const index = await readImage(`registry:${host}/team/app:v1`)
    expect(index.tampering).toBeUndefined()
  })

  it.each([
    ['manifest', /^manifest sha256:[a-f0-9]{64} content does not match its digest/],
    ['config', /^image config sha256:[a-f0-9]{64} content does not match its digest/],
    ['layer', /^layer 1 \(sha256:[a-f0-9]{64}\) content does not match its digest/]
  ] as const)(
    'reports a %s whose bytes do not match its digest as tampering, an SG2000 error',
    async (what, message) => {
      tamper = what
      const index = await readImage(`registry:${host}/team/app:v1`)
      expect(index.tampering).toEqual([expect.stringMatching(message)])
      const hits = SG2000.run({ index, attribution: [], historyAttribution: [], config: {} as never })
      expect(hits).toEqual([
        expect.objectContaining({ severity: 'error', message: expect.stringContaining('tampered') })
      ])
    }
  )

  it('abandons a body that stalls after the headers (idle timeout), as a UsageError naming the layer', async () => {
    stallBlobs = true
    const read = readImage(`registry:${host}/team/app:v1`, { limits: { registryIdleMs: 300 } })
    await expect(read).rejects.toThrow(UsageError)
    await expect(
      readImage(`registry:${host}/team/app:v1`, { limits: { registryIdleMs: 300 } })
    ).rejects.toThrow(
      /^layer 1 \(sha256:[a-f0-9]{64}\): reading failed: no data from the registry for 0.3 s \(ETIMEDOUT\)$/
    )
  })

  it('abandons a body that trickles (never idle, far too slow), as a UsageError naming the layer', async () => {
    trickleBlobs = true
    await expect(
      readImage(`registry:${host}/team/app:v1`, { limits: { registryIdleMs: 300 } })
    ).rejects.toThrow(
      /^layer 1 \(sha256:[a-f0-9]{64}\): reading failed: the registry sent \d+ bytes in 0\.[3-9] s, under 64 KiB per 0\.3 s \(ETIMEDOUT\)$/
    )
  })

  it('turns a connection cut in the middle of a layer into a UsageError naming the layer', async () => {
    cutBlobs = true
    const promise = readImage(`registry:${host}/team/app:v1`)
    await expect(promise).rejects.toThrow(UsageError)
    await expect(readImage(`registry:${host}/team/app:v1`)).rejects.toThrow(
      /^layer 1 \(sha256:[a-f0-9]{64}\): reading failed: terminated$/
    )
  })

  it.each([
    [`registry:${'HOST'}/team/missing:v1`, /team\/missing: manifest v1 not found$/],
    ['registry:127.0.0.1:9/team/app:v1', /^cannot reach registry 127.0.0.1:9: /]
  ])('%s is a UsageError', async (ref, message) => {
    const promise = readImage(ref.replace('HOST', host))
    await expect(promise).rejects.toThrow(UsageError)
    await expect(readImage(ref.replace('HOST', host))).rejects.toThrow(message)
  })
})

describe('reference parsing', () => {
  it.each([
    ['127.0.0.1:5000/x/y:1', { host: '127.0.0.1:5000', repository: 'x/y', reference: '1' }],
    ['ghcr.io/org/app', { host: 'ghcr.io', repository: 'org/app', reference: 'latest' }],
    ['alpine:3.20', { host: 'registry-1.docker.io', repository: 'library/alpine', reference: '3.20' }],
    ['docker.io/user/app:v2', { host: 'registry-1.docker.io', repository: 'user/app', reference: 'v2' }],
    [
      `localhost/app@sha256:${'a'.repeat(64)}`,
      { host: 'localhost', repository: 'app', reference: `sha256:${'a'.repeat(64)}` }
    ]
  ])('%s', (text, expected) => {
    expect(parseRegistryRef(text)).toEqual(expected)
  })

  it.each(['UPPER/case:1', 'a b', 'host:5000/x@sha256:short'])('%s is refused', text => {
    expect(() => parseRegistryRef(text)).toThrow(UsageError)
  })

  it.each([
    ['127.0.0.1:5000/x/y:1', true],
    ['ghcr.io/org/app', true],
    ['localhost/app', true],
    ['stagegate-fixture/busybox:latest', false],
    ['alpine', false]
  ])('%s names a registry host: %s', (ref, expected) => {
    expect(hasRegistryHost(ref)).toBe(expected)
  })
})
