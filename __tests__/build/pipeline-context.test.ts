// The pipeline with no `context` input, as a workflow without actions/checkout
// runs it: the build gets the commit's Git context, lint is skipped with a
// notice that says why, and the outputs are still there. With a checkout, the
// workspace Dockerfile is linted. buildx is played by a recording runner.
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { BuildxRunner } from '../../src/build/buildx.js'
import { parseInputs } from '../../src/inputs.js'
import { runPipeline, type PipelineDeps } from '../../src/pipeline.js'
import { defaultPipelineDeps } from '../../src/pipeline-deps.js'

const SHA = '1111111111111111111111111111111111111111'
const ENV = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push'
}

function fakeDocker(): BuildxRunner & { builds: string[][] } {
  const builds: string[][] = []
  return {
    builds,
    async exec(args) {
      if (args[0] === 'buildx' && args[1] === 'version')
        return { exitCode: 0, stdout: 'github.com/docker/buildx v0.13.1 abcdef0\n', stderr: '' }
      if (args[0] === 'buildx' && args[1] === 'inspect')
        return {
          exitCode: 0,
          stdout:
            'Name: default\nDriver: docker\nNodes:\nName: default\nBuildKit version: v0.13.2\nPlatforms: linux/amd64\n',
          stderr: ''
        }
      if (args[0] === 'info')
        return { exitCode: 0, stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\n', stderr: '' }
      builds.push(args)
      const at = (flag: string) => args[args.indexOf(flag) + 1] as string
      await fs.writeFile(at('--metadata-file'), JSON.stringify({ 'containerimage.digest': 'sha256:feed' }))
      await fs.writeFile(at('--iidfile'), 'sha256:beef')
      return { exitCode: 0, stdout: '', stderr: '' }
    }
  }
}

let cwd: string
beforeEach(async () => {
  cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-pipe-ctx-'))
})
afterEach(async () => {
  await fs.rm(cwd, { recursive: true, force: true })
})

function deps(runner: BuildxRunner, notices: string[]): PipelineDeps {
  return {
    ...defaultPipelineDeps({
      cwd,
      env: ENV,
      tempDir: path.join(cwd, 'tmp'),
      info: () => undefined,
      notice: message => notices.push(message),
      warning: () => undefined,
      group: (_name, phase) => phase(),
      mask: () => undefined
    }),
    cwd,
    env: ENV,
    tempDir: path.join(cwd, 'tmp'),
    info: () => undefined,
    notice: message => notices.push(message),
    warning: () => undefined,
    group: (_name, phase) => phase(),
    mask: () => undefined,
    runner
  }
}

const inputs = (values: Record<string, string>) => parseInputs(name => values[name] ?? '')

test('no checkout: the Git context is built, lint is skipped with the reason, outputs are set', async () => {
  const runner = fakeDocker()
  const notices: string[] = []
  const result = await runPipeline(inputs({ check: 'false', sbom: 'false' }), deps(runner, notices))
  expect(runner.builds[0]?.at(-1)).toBe(`https://github.com/octo/app.git#${SHA}`)
  expect(notices).toContainEqual(
    expect.stringMatching(
      /^The build context is the Git context of the commit .* the Dockerfile was not linted/
    )
  )
  expect(result.model).toBeUndefined()
  expect(result.build).toMatchObject({ ok: true, imageid: 'sha256:beef', digest: 'sha256:feed' })
})

test('with a checkout: the workspace Dockerfile is linted, the Git context still built', async () => {
  await fs.writeFile(path.join(cwd, 'Dockerfile'), 'FROM scratch\nCOPY . /\n')
  const runner = fakeDocker()
  const notices: string[] = []
  const result = await runPipeline(inputs({ check: 'false', sbom: 'false' }), deps(runner, notices))
  expect(result.model?.stages).toHaveLength(1)
  expect(result.report.dockerfile).toBe('Dockerfile')
  expect(runner.builds[0]?.at(-1)).toBe(`https://github.com/octo/app.git#${SHA}`)
  expect(notices.join('\n')).not.toMatch(/not linted/)
})
