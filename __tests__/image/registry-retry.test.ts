// Transient registry answers: a local distribution-API server that answers
// 500 "invalid checksum digest format" once (what distribution 2.8 with
// filesystem storage answers for a tag read while that tag is re-pushed),
// then the manifest; a persistent 500; a 404 that is final. Plus the backoff
// rule as a table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readImage } from '../../src/image/read.js'
import { retryDelayMs, retryTransient } from '../../src/image/sources/retry.js'
import { tar, writeOciLayout } from './support/tar-writer.js'

// distribution's body for that 500 (errcode UNKNOWN with the digest parser's message).
const INVALID_DIGEST = JSON.stringify({
  errors: [{ code: 'UNKNOWN', message: 'unknown error', detail: 'invalid checksum digest format' }]
})

let dir: string
let server: Server
let host: string
let manifestDigest: string
/** How many more requests for the tag get a 500 before the real answer. */
let failuresLeft = 0
const tagRequests: string[] = []
const manifestRequests: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-registry-retry-'))
  ;({ manifestDigest } = writeOciLayout(dir, [tar([{ name: 'etc/os-release', data: 'ID=retry\n' }])]))
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const match = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(path)
    if (!match) return void response.writeHead(404).end()
    const [, kind, reference] = match as unknown as [string, string, string]
    if (kind === 'manifests') manifestRequests.push(reference)
    if (kind === 'manifests' && reference === 'v1') {
      tagRequests.push(request.method ?? '')
      if (failuresLeft > 0) {
        failuresLeft--
        response.writeHead(500, { 'content-type': 'application/json' })
        return void response.end(INVALID_DIGEST)
      }
    }
    const digest = reference === 'v1' ? manifestDigest : reference
    let body: Buffer
    try {
      body = readFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)))
    } catch {
      return void response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[]}')
    }
    const type =
      kind === 'manifests' ? 'application/vnd.oci.image.manifest.v1+json' : 'application/octet-stream'
    response.writeHead(200, { 'content-type': type, 'docker-content-digest': digest })
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
  tagRequests.length = 0
  manifestRequests.length = 0
})

describe('reading from a registry that answers a transient 500', () => {
  test('500 once, then the manifest: the image is read, the tag asked for twice', async () => {
    failuresLeft = 1
    const index = await readImage(`registry:${host}/team/app:v1`)
    expect(index.files.has('/etc/os-release')).toBe(true)
    expect(index.digest).toBe(manifestDigest)
    expect(tagRequests).toEqual(['GET', 'GET'])
  })

  test('a 500 that persists: three tries, then one line naming the status', async () => {
    failuresLeft = 10
    await expect(readImage(`registry:${host}/team/app:v1`)).rejects.toThrow(
      /team\/app: manifest v1 HTTP 500$/
    )
    expect(tagRequests).toHaveLength(3)
    failuresLeft = 0
  })

  test('a 404 is final: asked once', async () => {
    const missing = `sha256:${'0'.repeat(64)}`
    await expect(readImage(`registry:${host}/team/app@${missing}`)).rejects.toThrow(/not found$/)
    expect(manifestRequests).toEqual([missing])
  })
})

describe('retryTransient', () => {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    new Response(status === 204 ? null : 'x', { status, headers })

  test.each([
    [[500, 200], 2, 200],
    [[502, 503, 200], 3, 200],
    [[500, 500, 500, 200], 3, 500],
    [[429, 200], 2, 200],
    [[404, 200], 1, 404],
    [[401], 1, 401],
    [[200], 1, 200]
  ])('answers %j: %i tries, ends with %i', async (statuses, tries, final) => {
    const queue = [...statuses]
    let sent = 0
    const slept: number[] = []
    const response = await retryTransient(
      () => {
        sent++
        return Promise.resolve(answer(queue.shift() ?? 200))
      },
      {
        sleep: ms => {
          slept.push(ms)
          return Promise.resolve()
        }
      }
    )
    expect(sent).toBe(tries)
    expect(response.status).toBe(final)
    expect(slept).toEqual([250, 500].slice(0, tries - 1))
  })

  test.each([
    [1, null, 250],
    [2, null, 500],
    [5, null, 4000],
    [6, null, 5000],
    [1, '2', 2000],
    [1, '0', 0],
    [1, '3600', 5000],
    [1, 'Thu, 01 Jan 1970 00:00:03 GMT', 2000],
    [1, 'soon', 250]
  ])('retryDelayMs(attempt %i, Retry-After %j) = %i ms', (attempt, retryAfter, expected) => {
    expect(retryDelayMs(attempt, retryAfter, {}, 1000)).toBe(expected)
  })
})
