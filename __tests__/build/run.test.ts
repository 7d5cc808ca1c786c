import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  builderCapabilities,
  type BuildxInfo,
  type BuildxRunner,
  type ExecOptions
} from '../../src/build/buildx.js'
import {
  countCachedSteps,
  extractBuildError,
  runBuild,
  runCanPush,
  workflowRunUrl,
  type BuildDeps
} from '../../src/build/run.js'
import { parseInputs } from '../../src/inputs.js'

const SECRET = 'hunter2-very-secret'

const INFO: BuildxInfo = {
  buildxVersion: '0.13.1',
  builderName: 'default',
  driver: 'docker',
  platforms: ['linux/amd64'],
  containerdStore: true,
  ...builderCapabilities('0.13.1', { name: 'default', driver: 'docker', platforms: [] }, true)
}

// Output of a failing `docker buildx build --progress=plain`, as buildx 0.13 prints it.
const FAILED_OUTPUT = `#4 [1/2] FROM docker.io/stagegate-fixture/busybox:latest
#4 CACHED

#5 [2/2] RUN make
#5 0.201 compile error: x.c:3: expected ';'
#5 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2
------
 > [2/2] RUN make:
0.201 compile error: x.c:3: expected ';'
------
Dockerfile:2
--------------------
   1 |     FROM stagegate-fixture/busybox:latest
   2 | >>> RUN make
--------------------
ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2`.split('\n')

/** Plays buildx: echoes output (with a secret value in it, to prove redaction), writes metadata and iid. */
function fakeBuildx(
  exitCode: number,
  output: string[]
): BuildxRunner & { argv: string[][]; secretFiles: string[] } {
  const argv: string[][] = []
  const secretFiles: string[] = []
  return {
    argv,
    secretFiles,
    async exec(args: string[], options: ExecOptions = {}) {
      argv.push(args)
      for (let i = 0; i < args.length; i++) {
        if (args[i] === '--secret') {
          const src = /src=([^,]+)/.exec(args[i + 1] ?? '')?.[1]
          if (src) secretFiles.push(await fs.readFile(src, 'utf8'))
        }
      }
      for (const line of output) options.onStderr?.(line)
      options.onStderr?.(`#9 DONE token was ${SECRET}`)
      if (exitCode === 0) {
        const at = (flag: string) => args[args.indexOf(flag) + 1] as string
        await fs.writeFile(
          at('--metadata-file'),
          JSON.stringify({
            'containerimage.digest': 'sha256:abc',
            'containerimage.descriptor': {
              mediaType: 'application/vnd.oci.image.index.v1+json',
              digest: 'sha256:abc',
              size: 1
            },
            'image.name': 'reg/app:1'
          })
        )
        await fs.writeFile(at('--iidfile'), 'sha256:abc')
      }
      return { exitCode, stdout: '', stderr: '' }
    }
  }
}

let root: string
let deps: Omit<BuildDeps, 'runner'> & { logs: string[]; notices: string[]; masked: string[] }
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-run-'))
  await fs.mkdir(path.join(root, 'ctx'))
  await fs.mkdir(path.join(root, 'tmp'))
  await fs.writeFile(path.join(root, 'ctx', 'Dockerfile'), 'FROM scratch\n')
  const logs: string[] = []
  const notices: string[] = []
  const masked: string[] = []
  deps = {
    logs,
    notices,
    masked,
    log: line => logs.push(line),
    notice: message => notices.push(message),
    mask: value => masked.push(value),
    tempDir: path.join(root, 'tmp'),
    cwd: root,
    env: {},
    buildx: INFO,
    canPush: true
  }
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const inputs = (values: Record<string, string>) =>
  parseInputs(name => ({ context: 'ctx', ...values })[name] ?? '')

describe('runBuild', () => {
  const CLASSIC: BuildxInfo = {
    ...INFO,
    containerdStore: false,
    ...builderCapabilities('0.13.1', { name: 'default', driver: 'docker', platforms: [] }, false)
  }

  test('classic image store, no attestation asked for: built without them, a notice says why', async () => {
    const runner = fakeBuildx(0, [])
    const result = await runBuild(inputs({}), { ...deps, buildx: CLASSIC, runner })
    expect(result.ok).toBe(true)
    expect(runner.argv[0]).not.toContain('--attest')
    expect(result.attestations).toEqual({ sbom: false, provenance: false })
    expect(deps.notices).toContainEqual(
      expect.stringMatching(
        /^SBOM and provenance attestations are skipped: the builder "default" uses the docker driver on the classic image store/
      )
    )
  })

  test('classic image store, provenance asked for: one line, and buildx never runs', async () => {
    const runner = fakeBuildx(0, [])
    await expect(
      runBuild(inputs({ provenance: 'mode=max' }), { ...deps, buildx: CLASSIC, runner })
    ).rejects.toThrow(
      /^Attestations were asked for \(provenance: mode=max\), but the builder "default" uses the docker driver on the classic image store/
    )
    expect(runner.argv).toEqual([])
  })

  test('a private repository (event payload) gets min-mode provenance; the run attempt is in the builder-id', async () => {
    const event = path.join(root, 'event.json')
    await fs.writeFile(event, JSON.stringify({ repository: { private: true } }))
    const runner = fakeBuildx(0, [])
    await runBuild(inputs({ sbom: 'false' }), {
      ...deps,
      env: {
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '2'
      },
      runner
    })
    expect(runner.argv[0]).toEqual(
      expect.arrayContaining([
        '--attest',
        'type=provenance,mode=min,inline-only=true,builder-id=https://github.com/o/r/actions/runs/9/attempts/2'
      ])
    )
  })

  test('a good build: outputs, CACHED steps, secrets read by buildx then removed, nothing leaks', async () => {
    const runner = fakeBuildx(0, FAILED_OUTPUT.slice(0, 2))
    const result = await runBuild(inputs({ secrets: `tok=${SECRET}`, tags: 'reg/app:1' }), {
      ...deps,
      runner
    })
    expect(result).toMatchObject({
      ok: true,
      digest: 'sha256:abc',
      imageid: 'sha256:abc',
      imageName: 'reg/app:1',
      indexFromAttestations: true,
      cachedSteps: 1,
      cacheExportDropped: false,
      dockerfile: path.join(root, 'ctx', 'Dockerfile')
    })
    expect(runner.secretFiles).toEqual([SECRET])
    expect(deps.masked).toEqual([SECRET])
    expect(deps.logs.join('\n')).not.toContain(SECRET)
    expect(deps.logs).toContain('#9 DONE token was ***')
    expect(JSON.stringify(result)).not.toContain(SECRET)
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([])
  })

  test('a failed build is a result with buildx error lines, and cleans up', async () => {
    const runner = fakeBuildx(1, FAILED_OUTPUT)
    const result = await runBuild(inputs({ secrets: `tok=${SECRET}` }), { ...deps, runner })
    expect(result.ok).toBe(false)
    expect(result.error).toBe(
      [
        ' > [2/2] RUN make:',
        "0.201 compile error: x.c:3: expected ';'",
        'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2'
      ].join('\n')
    )
    expect(result.digest).toBeUndefined()
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([])
  })

  test('a bad input throws before buildx starts', async () => {
    const runner = fakeBuildx(0, [])
    await expect(runBuild(inputs({ 'cache-to': 'mode=max' }), { ...deps, runner })).rejects.toThrow(
      'Input "cache-to": "mode=max" has no type='
    )
    expect(runner.argv).toEqual([])
  })

  test('a run that cannot push drops the registry cache export with a notice', async () => {
    const runner = fakeBuildx(0, [])
    const result = await runBuild(inputs({ 'cache-registry': 'reg/app:cache' }), {
      ...deps,
      runner,
      canPush: false
    })
    expect(result.cacheExportDropped).toBe(true)
    expect(runner.argv[0]).toContain('type=registry,ref=reg/app:cache')
    expect(runner.argv[0]?.filter(arg => arg === '--cache-to')).toEqual([])
    expect(deps.notices).toEqual([
      'Cache export skipped because this run cannot push (a pull request from a fork, or a read-only token); the build still imports the cache. Dropped: type=registry,ref=reg/app:cache,mode=max,image-manifest=true,oci-mediatypes=true'
    ])
  })
})

describe('runCanPush', () => {
  const pr = (head: string | null, base: string) => ({
    pull_request: {
      head: { repo: head === null ? null : { full_name: head } },
      base: { repo: { full_name: base } }
    }
  })
  const cases: [number, NodeJS.ProcessEnv, unknown, boolean][] = [
    [1, { GITHUB_EVENT_NAME: 'push' }, {}, true],
    [2, { GITHUB_EVENT_NAME: 'pull_request' }, pr('o/r', 'o/r'), true],
    [3, { GITHUB_EVENT_NAME: 'pull_request' }, pr('fork/r', 'o/r'), false],
    [4, { GITHUB_EVENT_NAME: 'pull_request' }, pr(null, 'o/r'), false],
    [5, { GITHUB_EVENT_NAME: 'pull_request_target' }, pr('fork/r', 'o/r'), true],
    [6, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' }, pr('o/r', 'o/r'), false],
    [7, {}, undefined, true]
  ]
  test.each(cases)('case %i', (_n, env, event, expected) => {
    expect(runCanPush(env, event)).toBe(expected)
  })
})

test('workflowRunUrl', () => {
  expect(workflowRunUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '5', GITHUB_RUN_ATTEMPT: '2' })).toBe(
    'https://github.com/o/r/actions/runs/5/attempts/2'
  )
  // build-push-action's builder-id always names the attempt (the toolkit's workflowRunURL(true)).
  expect(workflowRunUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '5' })).toBe(
    'https://github.com/o/r/actions/runs/5/attempts/1'
  )
  expect(
    workflowRunUrl({
      GITHUB_SERVER_URL: 'https://ghe.example/',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '5',
      GITHUB_RUN_ATTEMPT: '3'
    })
  ).toBe('https://ghe.example/o/r/actions/runs/5/attempts/3')
  expect(workflowRunUrl({})).toBeUndefined()
})

test('extractBuildError without ERROR lines keeps the last lines', () => {
  expect(extractBuildError(['a', '', 'b'])).toBe('a\nb')
})

test('countCachedSteps counts each step once', () => {
  expect(countCachedSteps(['#4 CACHED', '#4 CACHED', '#5 CACHED', '#6 DONE 0.1s', 'x #7 CACHED'])).toBe(2)
})
