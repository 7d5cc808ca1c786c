// `stagegate verify` in process: its usage errors (one line each, before any
// network) and its failure line against a local registry that has no such image.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { UsageError } from '../../src/errors.js'
import { verifyCommand, type VerifyIO } from '../../src/cli/verify.js'
import { writeOut } from '../../src/cli/output.js'

let dir: string
let server: Server
let registry: string
const requests: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-verify-cli-'))
  // A registry that answers as distribution does for a repository it does not have.
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    response.writeHead(404, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }))
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>(done => server.close(() => done()))
  rmSync(dir, { recursive: true, force: true })
})

function recording(): VerifyIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: text => void stdout.push(text), err: text => void stderr.push(text), env: {} }
}

describe('stagegate verify: usage errors are one line and touch no network', () => {
  test.each<[string, string[], RegExp]>([
    ['no image', ['--key', 'cosign.pub'], /name one image/],
    ['two images', ['a:1', 'b:2', '--key', 'cosign.pub'], /name one image/],
    ['no identity and no key', ['127.0.0.1:1/app:1'], /--certificate-identity .*--key cosign\.pub/],
    [
      'an unreadable key',
      ['127.0.0.1:1/app:1', '--key', '/nonexistent/cosign.pub'],
      /--key \/nonexistent\/cosign\.pub: cannot read it \(ENOENT\)/
    ],
    ['an unknown format', ['127.0.0.1:1/app:1', '--key', '/dev/null', '--format', 'xml'], /format/]
  ])('%s', async (_name, argv, message) => {
    const io = recording()
    const run = verifyCommand(argv, io)
    await expect(run).rejects.toBeInstanceOf(UsageError)
    await expect(run).rejects.toThrow(message)
    expect(io.stdout).toEqual([])
  })

  test('a trusted root that is not JSON says which file and what to give', async () => {
    const notJson = join(dir, 'root.txt')
    writeFileSync(notJson, 'hello')
    const identity = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main'
    await expect(
      verifyCommand(
        ['127.0.0.1:1/app:1', '--certificate-identity', identity, '--trusted-root', notJson],
        recording()
      )
    ).rejects.toThrow(
      /--trusted-root .*root\.txt: not JSON; give the file `gh attestation trusted-root` prints\./
    )
  })

  test('JSON that is not a trusted root says so, before any network', async () => {
    const broken = join(dir, 'broken-root.json')
    writeFileSync(broken, JSON.stringify({ tlogs: [{ publicKey: { rawBytes: 5 } }] }))
    const identity = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main'
    await expect(
      verifyCommand(
        ['127.0.0.1:1/app:1', '--certificate-identity', identity, '--trusted-root', broken],
        recording()
      )
    ).rejects.toThrow(/^--trusted-root .*broken-root\.json: not a Sigstore trusted root \(.+\)\.$/)
  })
})

describe('stagegate verify against a registry without the image', () => {
  test('a missing image is one line naming it (a usage error, exit 2), after asking the registry', async () => {
    const key = join(dir, 'cosign.pub')
    writeFileSync(
      key,
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n'
    )
    const io = recording()
    const run = verifyCommand([`registry:${registry}/acme/app:1.0`, '--key', key], io)
    await expect(run).rejects.toBeInstanceOf(UsageError)
    await expect(run).rejects.toThrow(new RegExp(`^${registry}/acme/app: manifest 1\\.0 not found$`))
    expect(io.stdout).toEqual([])
    expect(requests.some(line => line.includes('/v2/acme/app/manifests/1.0'))).toBe(true)
  })
})

test('writeOut keeps empty output empty and ends the rest with one newline', () => {
  const written: string[] = []
  writeOut('', text => written.push(text))
  writeOut('a', text => written.push(text))
  writeOut('b\n', text => written.push(text))
  expect(written).toEqual(['a\n', 'b\n'])
})

test('main() hands verify its own I/O: a usage error reaches the given stderr, not the process', async () => {
  const { main } = await import('../../src/cli/main.js')
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await main(['verify', `${registry}/acme/app:1.0`], {
    stdout: text => void stdout.push(text),
    stderr: text => void stderr.push(text),
    env: {},
    cwd: dir
  })
  expect(code).toBe(2)
  expect(stdout).toEqual([])
  expect(stderr.join('')).toMatch(/^stagegate verify: say whose signature to expect: --certificate-identity/)
})
