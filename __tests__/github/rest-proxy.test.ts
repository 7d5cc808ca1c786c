// The PR comment goes through the runner's proxy, as every action's REST
// calls do: the published action, run as the runner runs it (Node 24, its
// own process, HTTP_PROXY in its environment), talks to the API only through
// a small CONNECT / forward proxy on 127.0.0.1, which records what it saw.
// The API's host name is not a loopback name (loopback always bypasses a
// proxy); the proxy maps it to the local fake API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { bundleEntry } from '../support/bundle.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatJson } from '../../src/report/json.js'
import { FakeGitHubApi } from '../support/fake-github-api.js'
import { ensureNode24 } from '../support/node24.js'
import { runAction } from '../support/run-action.js'

const TOKEN = 'ghs_proxy-test-token-0987654321'
const API_HOST = 'api.github.proxytest'

interface ProxyLog {
  connects: string[]
  forwarded: string[]
}

/** CONNECT tunnels and absolute-URI forwards, every target sent to the fake API's port. */
async function startProxy(apiPort: number): Promise<{ server: Server; url: string; log: ProxyLog }> {
  const log: ProxyLog = { connects: [], forwarded: [] }
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    log.forwarded.push(`${req.method} ${req.url}`)
    const target = new URL(req.url ?? '/')
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: apiPort,
        method: req.method,
        path: target.pathname + target.search,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    log.connects.push(req.url ?? '')
    sockets.add(client)
    const upstream = connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    const close = (): void => {
      client.destroy()
      upstream.destroy()
    }
    upstream.on('error', close)
    client.on('error', close)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  server.on('close', () => {
    for (const socket of sockets) socket.destroy()
  })
  return { server, url: `http://127.0.0.1:${port}`, log }
}

let api: FakeGitHubApi
let proxy: Awaited<ReturnType<typeof startProxy>>
let dir: string
let entry: string

beforeAll(async () => {
  api = await FakeGitHubApi.start()
  proxy = await startProxy(Number(new URL(api.url).port))
  dir = mkdtempSync(path.join(tmpdir(), 'stagegate-proxy-'))
  entry = path.join(dir, 'entry', 'index.js')
  await bundleEntry(path.resolve('__tests__/support/publish-entry.ts'), entry)
}, 120000)

afterAll(async () => {
  proxy.server.closeAllConnections()
  await new Promise(resolve => proxy.server.close(resolve))
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the sticky comment is written through HTTP_PROXY, and NO_PROXY sends it direct', async () => {
  const node = await ensureNode24()
  const workspace = path.join(dir, 'ws')
  const reportPath = path.join(dir, 'report.json')
  mkdirSync(workspace, { recursive: true })
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n')
  writeFileSync(
    reportPath,
    formatJson(buildReport({ dockerfile: 'Dockerfile', findings: [], toolVersion: '0.1.0' }))
  )
  const apiPort = new URL(api.url).port
  const run = (extra: Record<string, string>) =>
    runAction({
      node,
      script: entry,
      workspace,
      token: TOKEN,
      inputs: { 'fail-on': 'error' },
      event: {
        name: 'pull_request',
        payload: {
          number: 7,
          pull_request: {
            number: 7,
            head: { ref: 'feature', sha: 'f'.repeat(40), repo: { full_name: 'acme/app' } },
            base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/app' } }
          },
          repository: { full_name: 'acme/app', default_branch: 'main' }
        }
      },
      env: {
        STAGEGATE_TEST_REPORT: reportPath,
        GITHUB_REF: 'refs/pull/7/merge',
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
        ...extra
      }
    })

  const proxied = await run({ GITHUB_API_URL: `http://${API_HOST}:${apiPort}` })
  proxied.cleanup()
  expect(proxied.code).toBe(0)
  expect(api.comments('acme', 'app', 7)).toHaveLength(1)
  // Every API request the action made reached the API through the proxy.
  const seen = proxy.log.connects.length + proxy.log.forwarded.length
  expect(seen).toBeGreaterThanOrEqual(1)
  expect([...proxy.log.connects, ...proxy.log.forwarded].join('\n')).toContain(`${API_HOST}:${apiPort}`)
  expect(api.requests.map(r => r.method)).toEqual(['GET', 'POST'])
  expect(api.requests[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`)

  // NO_PROXY for the API host: the same run goes direct (here via 127.0.0.1, which never uses a proxy).
  const before = proxy.log.connects.length + proxy.log.forwarded.length
  const direct = await run({ GITHUB_API_URL: api.url, NO_PROXY: API_HOST })
  direct.cleanup()
  expect(direct.code).toBe(0)
  expect(proxy.log.connects.length + proxy.log.forwarded.length).toBe(before)
  expect(api.requests.filter(r => r.method === 'PATCH')).toHaveLength(1)
}, 120000)
