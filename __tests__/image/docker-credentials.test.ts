// Private images: the registry source uses what `docker login` stored, for
// the token request (Bearer registries) or directly (Basic registries), and
// reads anonymously when nothing is stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readImage } from '../../src/image/read.js'
import { registryAuth } from '../../src/image/sources/docker-credentials.js'

const USERPASS = Buffer.from('robot:s3cret-pass').toString('base64')

describe('registryAuth', () => {
  test.each([
    ['ghcr.io', { auths: { 'ghcr.io': { auth: USERPASS } } }, USERPASS],
    ['ghcr.io', { auths: { 'https://ghcr.io': { auth: USERPASS } } }, USERPASS],
    ['registry-1.docker.io', { auths: { 'https://index.docker.io/v1/': { auth: USERPASS } } }, USERPASS],
    ['ghcr.io', { auths: { 'ghcr.io': { username: 'robot', password: 's3cret-pass' } } }, USERPASS],
    ['ghcr.io', { auths: { 'quay.io': { auth: USERPASS } } }, undefined],
    ['ghcr.io', { credsStore: 'desktop', auths: { 'ghcr.io': {} } }, undefined],
    ['ghcr.io', undefined, undefined],
    ['ghcr.io', { auths: 'nonsense' }, undefined]
  ])('%s with %j', (host, config, expected) => {
    expect(registryAuth(host, config)).toBe(expected)
  })
})

describe('registry source with stored credentials', () => {
  let server: Server
  let host = ''
  let mode: 'bearer' | 'basic' = 'bearer'
  const seen: { path: string; authorization?: string }[] = []
  const dockerConfig = mkdtempSync(join(tmpdir(), 'sg-docker-config-'))
  const saved = process.env.DOCKER_CONFIG

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname
      seen.push({ path, authorization: request.headers.authorization })
      if (path === '/token') {
        const ok = request.headers.authorization === `Basic ${USERPASS}`
        response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
        response.end(JSON.stringify(ok ? { token: 'private-pull' } : { errors: [{ code: 'UNAUTHORIZED' }] }))
        return
      }
      const granted = mode === 'bearer' ? 'Bearer private-pull' : `Basic ${USERPASS}`
      if (request.headers.authorization !== granted) {
        const challenge =
          mode === 'bearer'
            ? `Bearer realm="http://${host}/token",service="test",scope="repository:team/private:pull"`
            : 'Basic realm="test"'
        response.writeHead(401, { 'www-authenticate': challenge }).end()
        return
      }
      // Authorized: the image itself does not exist, which proves the auth got through.
      response.writeHead(404).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    process.env.DOCKER_CONFIG = dockerConfig
  })

  afterAll(async () => {
    if (saved === undefined) delete process.env.DOCKER_CONFIG
    else process.env.DOCKER_CONFIG = saved
    await new Promise(resolve => server.close(resolve))
    rmSync(dockerConfig, { recursive: true, force: true })
  })

  beforeEach(() => {
    seen.length = 0
  })

  test('a Bearer registry: the token request carries the stored login', async () => {
    mode = 'bearer'
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [host]: { auth: USERPASS } } })
    )
    await expect(readImage(`registry:${host}/team/private:v1`)).rejects.toThrow(/not found/)
    expect(seen.find(s => s.path === '/token')?.authorization).toBe(`Basic ${USERPASS}`)
  })

  test('a Basic registry: the stored login is sent after the challenge', async () => {
    mode = 'basic'
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [host]: { auth: USERPASS } } })
    )
    await expect(readImage(`registry:${host}/team/private:v1`)).rejects.toThrow(/not found/)
    expect(seen.at(-1)?.authorization).toBe(`Basic ${USERPASS}`)
  })

  test('without a stored login the error says to log in, and never shows credentials', async () => {
    mode = 'bearer'
    writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: {} }))
    const error: unknown = await readImage(`registry:${host}/team/private:v1`).catch((e: unknown) => e)
    expect(String(error)).toMatch(/token request failed \(HTTP 401\); log in first/)
    expect(String(error)).not.toContain(USERPASS)
  })
})
