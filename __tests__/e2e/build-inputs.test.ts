// build-push-action's inputs on the real engine, each checked by what the
// build saw or produced: RUN-time settings (network, add-hosts, shm-size,
// ulimit) read inside RUN steps and exported with `outputs: type=local`, a
// named build context, a tar export, no-cache-filters, the ssh agent, a PEM
// secret byte for byte, OCI annotations read back from the registry, the Git
// context of a commit served over HTTP from a local bare repository, an
// untagged build checked, and `call` refused on this buildx.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, promises as fs, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { jest } from '@jest/globals'
import { createDockerRunner, detectBuildx, type BuildxInfo } from '../../src/build/buildx.js'
import { runBuild, type BuildDeps } from '../../src/build/run.js'
import { isUsageError } from '../../src/errors.js'
import { parseInputs } from '../../src/inputs.js'
import { runPipeline } from '../../src/pipeline.js'
import { defaultPipelineDeps } from '../../src/pipeline-deps.js'
import { describeE2E, FIXTURES, REGISTRY } from './engine.js'

jest.setTimeout(240_000)

const STAMP = `${Date.now()}-${process.pid}`
const OFF = { sbom: 'false', provenance: 'false' }
const runner = createDockerRunner()
let info: BuildxInfo
let work: string
let tempDir: string

const inputs = (values: Record<string, string>) => parseInputs(name => values[name] ?? '')

function deps(env: NodeJS.ProcessEnv = {}, logs: string[] = [], notices: string[] = []): BuildDeps {
  return {
    runner,
    log: line => logs.push(line),
    notice: message => notices.push(message),
    mask: () => undefined,
    tempDir,
    cwd: work,
    env: { ...process.env, GITHUB_EVENT_NAME: 'push', ...env },
    buildx: info
  }
}

async function write(rel: string, text: string): Promise<string> {
  const file = path.join(work, rel)
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, text)
  return file
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-e2e-inputs-'))
  tempDir = path.join(work, 'runner-temp')
  await fs.mkdir(tempDir)
  info = await detectBuildx(runner)
})
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true })
})

describeE2E('RUN-time inputs, read inside the build', () => {
  test('network none, add-hosts, shm-size, ulimit, a named build context; outputs type=local and type=tar', async () => {
    await write('extra/hello.txt', `extra-${STAMP}\n`)
    await write(
      'runtime/Dockerfile',
      `FROM ${FIXTURES.busybox} AS probe
ARG NONCE
RUN mkdir /out && echo "$NONCE" > /out/nonce \\
 && tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' > /out/interfaces \\
 && cat /etc/hosts > /out/hosts \\
 && df -k /dev/shm | tail -n 1 | awk '{print $2}' > /out/shm-kb \\
 && ulimit -n > /out/nofile
COPY --from=extra hello.txt /out/extra.txt

FROM scratch
COPY --from=probe /out/ /
`
    )
    const base = {
      ...OFF,
      context: 'runtime',
      'build-args': `NONCE=${STAMP}`,
      network: 'none',
      'add-hosts': 'db.internal:10.11.12.13,cache.internal:10.11.12.14',
      'shm-size': '96m',
      ulimit: 'nofile=2048:4096',
      'build-contexts': `extra=${path.join(work, 'extra')}`
    }
    const local = await runBuild(
      inputs({ ...base, outputs: `type=local,dest=${path.join(work, 'out-local')}` }),
      deps()
    )
    expect(local.error).toBeUndefined()
    expect(local.ok).toBe(true)
    expect(local.argv).not.toContain('--iidfile')
    expect(local.filesOnly).toBe(true)
    const read = (name: string) => readFileSync(path.join(work, 'out-local', name), 'utf8').trim()
    expect(read('nonce')).toBe(STAMP)
    expect(read('interfaces').split('\n')).toEqual(['lo'])
    expect(read('hosts')).toMatch(/^10\.11\.12\.13\s+db\.internal$/m)
    expect(read('hosts')).toMatch(/^10\.11\.12\.14\s+cache\.internal$/m)
    expect(Number(read('shm-kb'))).toBe(96 * 1024)
    expect(read('nofile')).toBe('2048')
    expect(read('extra.txt')).toBe(`extra-${STAMP}`)

    const tarFile = path.join(work, 'image.tar')
    const tar = await runBuild(inputs({ ...base, outputs: `type=tar,dest=${tarFile}` }), deps())
    expect(tar.ok).toBe(true)
    const listing = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).split('\n')
    expect(listing).toEqual(expect.arrayContaining(['nonce', 'interfaces', 'hosts', 'extra.txt']))
    expect(execFileSync('tar', ['-xOf', tarFile, 'nonce'], { encoding: 'utf8' }).trim()).toBe(STAMP)
  })

  test('the default network sees more than lo (the control for network: none)', async () => {
    const out = path.join(work, 'out-default-net')
    const result = await runBuild(
      inputs({
        ...OFF,
        context: 'runtime',
        'build-args': `NONCE=${STAMP}-2`,
        'build-contexts': `extra=${path.join(work, 'extra')}`,
        outputs: `type=local,dest=${out}`
      }),
      deps()
    )
    expect(result.ok).toBe(true)
    expect(readFileSync(path.join(out, 'interfaces'), 'utf8').trim().split('\n').length).toBeGreaterThan(1)
  })
})

describeE2E('no-cache-filters', () => {
  test('the filtered stage runs again, the stage before it comes from the cache', async () => {
    await write(
      'stages/Dockerfile',
      `FROM ${FIXTURES.busybox} AS deps
RUN echo "deps ${STAMP}" > /deps
FROM deps AS test
RUN echo "test ${STAMP}" > /test
FROM test AS final
RUN echo "final ${STAMP}" > /final
`
    )
    const first = await runBuild(inputs({ ...OFF, context: 'stages' }), deps())
    expect(first.ok).toBe(true)
    const logs: string[] = []
    const second = await runBuild(
      inputs({ ...OFF, context: 'stages', 'no-cache-filters': 'test' }),
      deps({}, logs)
    )
    expect(second.ok).toBe(true)
    expect(second.argv).toEqual(expect.arrayContaining(['--no-cache-filter', 'test']))
    const stepOf = (text: string) => logs.find(line => line.includes(text))?.match(/^#(\d+) /)?.[1]
    const cached = new Set(
      logs.filter(line => / CACHED$/.test(line)).map(line => line.split(' ')[0]?.slice(1))
    )
    const deps_ = stepOf(`] RUN echo "deps ${STAMP}"`)
    const test_ = stepOf(`] RUN echo "test ${STAMP}"`)
    expect(deps_).toBeDefined()
    expect(test_).toBeDefined()
    expect(cached.has(deps_ as string)).toBe(true)
    expect(cached.has(test_ as string)).toBe(false)
  })
})

describeE2E('secrets and ssh', () => {
  test('a PEM secret arrives byte for byte (trailing newline included)', async () => {
    const pem = execFileSync('sh', ['-c', 'head -c 600 /dev/urandom | base64 -w 64'], { encoding: 'utf8' })
    const body = `-----BEGIN PRIVATE KEY-----\n${pem}-----END PRIVATE KEY-----\n`
    const pemFile = await write('key.pem', body)
    const sha = createHash('sha256').update(body).digest('hex')
    await write(
      'secret/Dockerfile',
      `FROM ${FIXTURES.busybox} AS probe
ARG NONCE
RUN --mount=type=secret,id=pem --mount=type=secret,id=inline mkdir /out && echo "$NONCE" > /out/n && sha256sum < /run/secrets/pem | cut -c1-64 > /out/pem && sha256sum < /run/secrets/inline | cut -c1-64 > /out/inline
FROM scratch
COPY --from=probe /out/ /
`
    )
    const out = path.join(work, 'out-secret')
    const result = await runBuild(
      inputs({
        ...OFF,
        context: 'secret',
        'build-args': `NONCE=${STAMP}`,
        'secret-files': `pem=${pemFile}`,
        // A quoted multi-line value, as a workflow writes "${{ secrets.PEM }}": it keeps its last newline.
        secrets: `"inline=${body.replace(/"/g, '""')}"`,
        outputs: `type=local,dest=${out}`
      }),
      deps()
    )
    expect(result.error).toBeUndefined()
    expect(readFileSync(path.join(out, 'pem'), 'utf8').trim()).toBe(sha)
    expect(readFileSync(path.join(out, 'inline'), 'utf8').trim()).toBe(sha)
  })

  test('ssh: default forwards the agent; ssh-add -l inside the build lists the key', async () => {
    const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-ssh-'))
    const key = path.join(keyDir, 'id_ed25519')
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `stagegate-${STAMP}`, '-f', key])
    const fingerprint = execFileSync('ssh-keygen', ['-lf', `${key}.pub`], { encoding: 'utf8' }).split(' ')[1]
    const sock = path.join(keyDir, 'agent.sock')
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' })
    try {
      for (let i = 0; i < 50 && !existsSync(sock); i++) await new Promise(r => setTimeout(r, 100))
      execFileSync('ssh-add', [key], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' })
      // busybox has no ssh-add: bring the host's, with the libraries ldd names, into the context.
      const root = path.join(work, 'ssh', 'root')
      const files = ['/usr/bin/ssh-add']
      for (const line of execFileSync('ldd', ['/usr/bin/ssh-add'], { encoding: 'utf8' }).split('\n')) {
        const match = /(\/\S+) \(0x/.exec(line)
        if (match?.[1]) files.push(match[1])
      }
      for (const file of files) {
        const real = await fs.realpath(file)
        const dest = path.join(root, file)
        await fs.mkdir(path.dirname(dest), { recursive: true })
        await fs.copyFile(real, dest)
        await fs.chmod(dest, 0o755)
      }
      await write(
        'ssh/Dockerfile',
        `FROM ${FIXTURES.busybox} AS probe
COPY root/ /
ARG NONCE
RUN --mount=type=ssh mkdir /out && echo "$NONCE" > /out/n && ssh-add -l > /out/keys
FROM scratch
COPY --from=probe /out/ /
`
      )
      const out = path.join(work, 'out-ssh')
      const result = await runBuild(
        inputs({
          ...OFF,
          context: 'ssh',
          ssh: 'default',
          'build-args': `NONCE=${STAMP}`,
          outputs: `type=local,dest=${out}`
        }),
        deps({ SSH_AUTH_SOCK: sock })
      )
      expect(result.error).toBeUndefined()
      const keys = readFileSync(path.join(out, 'keys'), 'utf8')
      expect(keys).toContain(fingerprint)
      expect(keys).toContain(`stagegate-${STAMP}`)
    } finally {
      agent.kill()
      await fs.rm(keyDir, { recursive: true, force: true })
    }
  })
})

describeE2E('OCI annotations', () => {
  test('manifest annotations are read back from the registry', async () => {
    await write('annotated/Dockerfile', `FROM ${FIXTURES.busybox}\nRUN echo ${STAMP} > /stamp\n`)
    const ref = `${REGISTRY}/stagegate-e2e/annotated-${STAMP}:v1`
    const result = await runBuild(
      inputs({
        ...OFF,
        context: 'annotated',
        tags: ref,
        push: 'true',
        annotations: `manifest:org.opencontainers.image.description=built, annotated\nmanifest:com.example.stamp=${STAMP}`
      }),
      deps()
    )
    expect(result.error).toBeUndefined()
    const response = await fetch(
      `http://${REGISTRY}/v2/stagegate-e2e/annotated-${STAMP}/manifests/${result.digest}`,
      {
        headers: {
          Accept:
            'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
        }
      }
    )
    expect(response.ok).toBe(true)
    const manifest = (await response.json()) as { annotations?: Record<string, string> }
    expect(manifest.annotations).toMatchObject({
      'org.opencontainers.image.description': 'built, annotated',
      'com.example.stamp': STAMP
    })
  })
})

describeE2E('the Git context of the commit', () => {
  let server: Server
  afterAll(() => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())))

  test('no context input builds OWNER/REPO.git#SHA from GITHUB_SERVER_URL, and {{defaultContext}}:subdir too', async () => {
    // A bare repository served over (dumb) HTTP, the way BuildKit fetches a Git context.
    const src = path.join(work, 'git-src')
    const bare = path.join(work, 'git-root', 'octo', 'app.git')
    await fs.mkdir(path.join(src, 'svc'), { recursive: true })
    await fs.writeFile(path.join(src, 'Dockerfile'), `FROM ${FIXTURES.busybox}\nCOPY marker /marker\n`)
    await fs.writeFile(path.join(src, 'marker'), `root-${STAMP}\n`)
    await fs.writeFile(
      path.join(src, 'svc', 'Dockerfile'),
      `FROM ${FIXTURES.busybox}\nCOPY svc-marker /marker\n`
    )
    await fs.writeFile(path.join(src, 'svc', 'svc-marker'), `svc-${STAMP}\n`)
    const git = (args: string[], cwd: string) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
        cwd,
        encoding: 'utf8'
      }).trim()
    git(['init', '-q', '-b', 'main'], src)
    git(['add', '.'], src)
    git(['commit', '-q', '-m', 'fixture'], src)
    const sha = git(['rev-parse', 'HEAD'], src)
    await fs.mkdir(path.dirname(bare), { recursive: true })
    execFileSync('git', ['clone', '-q', '--bare', src, bare])
    execFileSync('git', ['update-server-info'], { cwd: bare })
    const root = path.join(work, 'git-root')
    const requests: string[] = []
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      requests.push(url.pathname)
      const file = path.join(root, path.normalize(url.pathname))
      if (!file.startsWith(root) || !existsSync(file)) {
        res.writeHead(404)
        res.end()
        return
      }
      res.writeHead(200)
      res.end(readFileSync(file))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    const env = {
      GITHUB_SERVER_URL: `http://127.0.0.1:${port}`,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main'
    }
    const out = path.join(work, 'out-git')
    const result = await runBuild(inputs({ ...OFF, outputs: `type=local,dest=${out}` }), deps(env))
    expect(result.error).toBeUndefined()
    expect(result.context).toBe(`http://127.0.0.1:${port}/octo/app.git#${sha}`)
    expect(result.argv.at(-1)).toBe(result.context)
    expect(readFileSync(path.join(out, 'marker'), 'utf8')).toBe(`root-${STAMP}\n`)
    expect(requests.some(p => p.startsWith('/octo/app.git/'))).toBe(true)

    const outSub = path.join(work, 'out-git-sub')
    const sub = await runBuild(
      inputs({ ...OFF, context: '{{defaultContext}}:svc', outputs: `type=local,dest=${outSub}` }),
      deps(env)
    )
    expect(sub.error).toBeUndefined()
    expect(readFileSync(path.join(outSub, 'marker'), 'utf8')).toBe(`svc-${STAMP}\n`)
  })
})

describeE2E('untagged builds and call', () => {
  test('no tags, no attestations: the image is checked and imageid, digest, metadata are set', async () => {
    await write('untagged/Dockerfile', `FROM ${FIXTURES.busybox}\nRUN echo ${STAMP} > /stamp\nUSER 1000\n`)
    const built: { imageid?: string; digest?: string; metadata?: string }[] = []
    const notices: string[] = []
    const result = await runPipeline(
      inputs({ ...OFF, context: 'untagged', 'fail-on': 'never' }),
      defaultPipelineDeps({
        cwd: work,
        env: { ...process.env, GITHUB_EVENT_NAME: 'push' },
        tempDir,
        info: () => undefined,
        notice: message => notices.push(message),
        warning: () => undefined,
        group: (_name, phase) => phase(),
        mask: () => undefined,
        onBuild: build => built.push(build)
      })
    )
    expect(result.build?.ok).toBe(true)
    expect(result.build?.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.build?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const metadata = JSON.parse(result.build?.metadata ?? '{}') as { 'containerimage.digest'?: string }
    expect(metadata['containerimage.digest']).toBe(result.build?.digest)
    expect(built).toHaveLength(1)
    expect(result.report.image).not.toBeNull()
    expect(result.report.image?.layers.length).toBeGreaterThan(0)
    expect(notices.join('\n')).not.toMatch(/not checked/)
  })

  test('no tags, attestations on (the default provenance, an SBOM): the image index is checked', async () => {
    const result = await runPipeline(
      inputs({ context: 'untagged', sbom: `generator=${FIXTURES.sbomGenerator}`, 'fail-on': 'never' }),
      defaultPipelineDeps({
        cwd: work,
        env: { ...process.env, GITHUB_EVENT_NAME: 'push' },
        tempDir,
        info: () => undefined,
        notice: () => undefined,
        warning: () => undefined,
        group: (_name, phase) => phase(),
        mask: () => undefined
      })
    )
    expect(result.build?.ok).toBe(true)
    expect(result.build?.attestations).toEqual({ sbom: true, provenance: true })
    expect(result.report.image?.layers.length).toBeGreaterThan(0)
    expect(result.report.image?.attestations).toEqual({ sbom: true, provenance: true })
  })

  test('call: check on buildx < 0.15 is one clear line, before anything runs', async () => {
    await write('call/Dockerfile', `FROM ${FIXTURES.busybox}\n`)
    const outcome = await runBuild(inputs({ ...OFF, context: 'call', call: 'check' }), deps()).then(
      result => ({ ok: result.ok }),
      (error: unknown) => ({ usageError: isUsageError(error), message: (error as Error).message })
    )
    // The engine's buildx decides which: 0.15 and later run the check, older ones refuse it up front.
    const tooOld = info.buildxVersion !== undefined && /^0\.(1[0-4]|[0-9])\./.test(info.buildxVersion)
    expect(outcome).toEqual(
      tooOld
        ? {
            usageError: true,
            message: `Input "call" needs buildx 0.15 or later (--call); this is buildx ${info.buildxVersion}. Update buildx (docker/setup-buildx-action) or remove call.`
          }
        : { ok: true }
    )
  })
})
