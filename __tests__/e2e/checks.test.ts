// The image checks against images the real engine built: a clean two-stage
// image (static binary alone in scratch, numeric USER) has no error or
// warning findings; images built to have each problem get each SG2xxx
// finding with the right stage, Dockerfile line, layer and path.
import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expect, jest } from '@jest/globals'
import { IMAGE_CAPTURE } from '../../src/checks/capture.js'
import { runImageChecks } from '../../src/checks/run.js'
import { emptyConfig } from '../../src/config.js'
import type { Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import type { Finding } from '../../src/finding.js'
import { readImage } from '../../src/image/read.js'
import type { ImageIndex } from '../../src/image/types.js'
import { parseInputs } from '../../src/inputs.js'
import { runPipeline } from '../../src/pipeline.js'
import { defaultPipelineDeps } from '../../src/pipeline-deps.js'
import { describeE2E, docker, FIXTURES, REGISTRY } from './engine.js'

jest.setTimeout(300_000)

const STAMP = `${Date.now()}-${process.pid}`
const TOKEN = 'ghp_' + 'A1b2'.repeat(9)
const MAIN_C = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n'
// A private-key-shaped file: the header is what SG2004 recognises; the body is not a real key.
const FAKE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nc3RhZ2VnYXRlLWZha2Uta2V5LWJvZHk=\n-----END OPENSSH PRIVATE KEY-----\n'

const CLEAN = `FROM ${FIXTURES.builder} AS builder
WORKDIR /src
COPY main.c .
RUN mkdir -p /out && gcc -static -O2 -o /out/app main.c

FROM scratch
COPY --from=builder /out/app /app
USER 65532
HEALTHCHECK CMD ["/app"]
ENTRYPOINT ["/app"]
`

// Line numbers matter: the assertions below name them.
const PROBLEMS = `FROM ${FIXTURES.builder} AS builder
WORKDIR /src
COPY main.c .
RUN mkdir -p /out && gcc -O2 -o /out/dynapp main.c

FROM ${FIXTURES.busybox} AS final
ARG TOKEN
COPY id_rsa /root/.ssh/id_rsa
RUN wc -c /root/.ssh/id_rsa && rm /root/.ssh/id_rsa
RUN echo -n "$TOKEN" | wc -c
COPY src/ /app/src/
COPY --from=builder /out/dynapp /app/dynapp
RUN dd if=/dev/zero of=/big bs=1024 count=3072
RUN rm /big
RUN touch /app/helper && chmod 4755 /app/helper
RUN mkdir -p /data && chmod 777 /data
COPY node/ /app/
USER app
ENV DB_PASSWORD=correct-horse-battery
`

// The builder as the final image: toolchain, package manager, a cache, root.
const BLOATED = `FROM ${FIXTURES.builder}
RUN mkdir -p /root/.cache/pip && echo cached > /root/.cache/pip/wheel
`

const ATTESTED = `FROM scratch
COPY main.c /main.c
USER 65532
`

interface Built {
  index: ImageIndex
  findings: Finding[]
}

let workdir: string
const tags: string[] = []

async function writeContext(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(workdir, 'ctx-'))
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await fs.writeFile(path.join(dir, name), content)
  }
  return dir
}

async function buildAndCheck(
  name: string,
  dockerfile: string,
  files: Record<string, string>,
  options: {
    buildArgs?: string[]
    config?: Partial<Config>
    requested?: { sbom: boolean; provenance: boolean }
  } = {}
): Promise<Built> {
  const context = await writeContext({ Dockerfile: dockerfile, ...files })
  const tag = `stagegate-e2e/checks-${name}:${STAMP}`
  tags.push(tag)
  docker([
    'buildx',
    'build',
    '--load',
    '--provenance=false',
    '-t',
    tag,
    ...(options.buildArgs ?? []).flatMap(arg => ['--build-arg', arg]),
    context
  ])
  const index = await readImage(tag, { capture: IMAGE_CAPTURE })
  const model = parseDockerfile(dockerfile, { path: 'Dockerfile' })
  const findings = runImageChecks(index, {
    model,
    config: { ...emptyConfig(), ...options.config },
    ...(options.requested ? { requested: options.requested } : {})
  })
  return { index, findings }
}

function summary(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    line: finding.line,
    stage: finding.stage?.index,
    layer: finding.layer?.index,
    path: finding.path
  }
}

function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter(finding => finding.ruleId === ruleId)
}

/** The index of the layer whose history entry starts with this text (e.g. `RUN /bin/sh -c rm /big`). */
function layerOf(index: ImageIndex, createdBy: string): number {
  const layer = index.layers.find(entry =>
    entry.createdBy.replace(/^RUN \|\d+ \S+ /, 'RUN ').startsWith(createdBy)
  )
  if (!layer)
    throw new Error(
      `no layer made by ${createdBy}: ${index.layers.map(entry => entry.createdBy).join(' | ')}`
    )
  return layer.index
}

describeE2E('image checks on engine-built images', () => {
  beforeAll(async () => {
    workdir = await fs.mkdtemp(path.join(os.tmpdir(), 'stagegate-checks-e2e-'))
  })

  afterAll(async () => {
    for (const tag of tags) {
      try {
        docker(['image', 'rm', '-f', tag])
      } catch {
        // already gone
      }
    }
    await fs.rm(workdir, { recursive: true, force: true })
  })

  it('a clean two-stage image (static binary alone in scratch, USER 65532, a HEALTHCHECK) has no findings', async () => {
    const { index, findings } = await buildAndCheck('clean', CLEAN, { 'main.c': MAIN_C })
    expect(index.files.get('/app')?.type).toBe('file')
    // Not even a note: nothing in the image but the static binary, attributed to the COPY --from line.
    expect(findings.map(summary)).toEqual([])
  })

  describe('an image built to have problems', () => {
    let built: Built
    const lineOf = (text: string): number => PROBLEMS.split('\n').findIndex(line => line.startsWith(text)) + 1

    beforeAll(async () => {
      built = await buildAndCheck(
        'problems',
        PROBLEMS,
        {
          'main.c': MAIN_C,
          id_rsa: FAKE_KEY,
          'src/main.c': MAIN_C,
          'src/Makefile': 'all:\n\tcc main.c\n',
          'node/package.json': JSON.stringify({
            name: 'app',
            dependencies: { express: '4' },
            devDependencies: { jest: '29' }
          }),
          'node/node_modules/express/package.json': '{"name":"express"}',
          'node/node_modules/jest/package.json': '{"name":"jest"}'
        },
        {
          buildArgs: [`TOKEN=${TOKEN}`],
          config: { thresholds: { wastedBytes: 1_000_000, imageSize: 1_000_000, layerCount: 5 } }
        }
      )
    })

    it('SG2001: busybox, named by /bin/sh, from the base image FROM line', () => {
      expect(only(built.findings, 'SG2001').map(summary)).toEqual([
        { ruleId: 'SG2001', line: 6, stage: 1, layer: 0, path: '/bin/sh' }
      ])
    })

    it('SG2004: the key added then deleted, at the COPY that added it', () => {
      const findings = only(built.findings, 'SG2004')
      expect(findings.map(summary)).toEqual([
        {
          ruleId: 'SG2004',
          line: 8,
          stage: 1,
          layer: layerOf(built.index, 'COPY id_rsa'),
          path: '/root/.ssh/id_rsa'
        }
      ])
      expect(findings[0]?.message).toContain('was deleted by layer')
      expect(JSON.stringify(findings)).not.toContain('c3RhZ2VnYXRl')
    })

    it('SG2005: the build argument recorded in RUN history, once, on its ARG line with the RUNs as related lines, redacted everywhere', () => {
      const findings = only(built.findings, 'SG2005')
      const arg = findings.filter(finding => finding.evidence?.startsWith('TOKEN='))
      expect(arg.map(finding => finding.line)).toEqual([lineOf('ARG TOKEN')])
      expect(arg[0]?.relatedLines).toContain(lineOf('RUN echo -n "$TOKEN"'))
      expect([...new Set(findings.map(finding => finding.evidence))].sort()).toEqual([
        'DB_PASSWORD=****…(21 chars)',
        expect.stringMatching(
          /^TOKEN=ghp_\*{4}…\(40 chars\) \(recorded by RUN on lines 9, 10, /
        ) as unknown as string
      ])
      expect(JSON.stringify(built.findings)).not.toContain(TOKEN)
    })

    it('SG2005: a secret ENV (an empty-layer history entry) at its ENV line, redacted', () => {
      const env = only(built.findings, 'SG2005').filter(finding =>
        finding.evidence?.startsWith('DB_PASSWORD=')
      )
      expect(env.map(summary)).toEqual([
        { ruleId: 'SG2005', line: 19, stage: 1, layer: undefined, path: undefined }
      ])
      expect(env[0]?.evidence).toBe('DB_PASSWORD=****…(21 chars)')
      expect(JSON.stringify(built.findings)).not.toContain('correct-horse-battery')
    })

    it('SG2006: the copied source tree, at its COPY line', () => {
      expect(only(built.findings, 'SG2006').map(summary)).toEqual([
        {
          ruleId: 'SG2006',
          line: 11,
          stage: 1,
          layer: layerOf(built.index, 'COPY src/ /app/src/'),
          path: '/app/src'
        }
      ])
    })

    it("SG2008: one note for the final stage's RUNs, on the first, the others as related lines", () => {
      const findings = only(built.findings, 'SG2008')
      expect(findings.map(finding => [finding.line, finding.relatedLines, finding.count])).toEqual([
        [9, [10, 13, 14, 15, 16], 6]
      ])
      expect(findings.every(finding => finding.severity === 'note' && finding.stage?.final === true)).toBe(
        true
      )
    })

    it('SG2009: the big file written then deleted, at the RUN that wrote it', () => {
      expect(only(built.findings, 'SG2009').map(summary)).toEqual([
        {
          ruleId: 'SG2009',
          line: 13,
          stage: 1,
          layer: layerOf(built.index, 'RUN /bin/sh -c dd'),
          path: '/big'
        }
      ])
    })

    it('SG2010 and SG2011: the setuid file and the 0777 directory, at their RUN lines', () => {
      expect(only(built.findings, 'SG2010').map(summary)).toEqual([
        {
          ruleId: 'SG2010',
          line: 15,
          stage: 1,
          layer: layerOf(built.index, 'RUN /bin/sh -c touch'),
          path: '/app/helper'
        }
      ])
      expect(only(built.findings, 'SG2011').map(summary)).toEqual([
        {
          ruleId: 'SG2011',
          line: 16,
          stage: 1,
          layer: layerOf(built.index, 'RUN /bin/sh -c mkdir -p /data'),
          path: '/data'
        }
      ])
    })

    it('SG2012: the dynamic binary copied from the builder stage, at the COPY --from line', () => {
      const findings = only(built.findings, 'SG2012')
      expect(findings.map(summary)).toEqual([
        {
          ruleId: 'SG2012',
          line: 12,
          stage: 0,
          layer: layerOf(built.index, 'COPY /out/dynapp'),
          path: '/app/dynapp'
        }
      ])
      expect(findings[0]?.message).toContain('its interpreter /lib64/ld-linux-x86-64.so.2 is missing')
      expect(findings[0]?.evidence).toContain('DT_NEEDED libc.so.6')
    })

    it('SG2013: USER app without /etc/passwd, at the USER line', () => {
      expect(only(built.findings, 'SG2013').map(summary)).toEqual([
        { ruleId: 'SG2013', line: 18, stage: 1, layer: undefined, path: '/etc/passwd' }
      ])
    })

    it('SG2015: the devDependency in node_modules, at the COPY that brought it', () => {
      const findings = only(built.findings, 'SG2015')
      expect(findings.map(summary)).toEqual([
        {
          ruleId: 'SG2015',
          line: 17,
          stage: 1,
          layer: layerOf(built.index, 'COPY node/ /app/'),
          path: '/app/node_modules'
        }
      ])
      expect(findings[0]?.evidence).toBe('jest')
    })

    it('SG2016: size and layer count over the low thresholds', () => {
      const findings = only(built.findings, 'SG2016')
      expect(findings.map(finding => finding.message.replace(/;.*/, '')).sort()).toEqual([
        `The image has ${built.index.layers.length} layers, over the limit of 5`,
        expect.stringMatching(/^The image is [\d.]+ MB, over the 1\.0 MB limit$/) as unknown as string
      ])
      const size = findings.find(finding => finding.message.startsWith('The image is'))
      expect(size?.layer?.index).toBe(layerOf(built.index, 'RUN /bin/sh -c dd'))
    })

    it('does not raise SG2003 (USER is set), SG2002 (busybox applets are SG2001) or SG2007', () => {
      expect(
        built.findings.filter(finding => ['SG2002', 'SG2003', 'SG2007'].includes(finding.ruleId))
      ).toEqual([])
    })
  })

  it('SG2002, SG2003 and SG2007: the builder image as the final stage', async () => {
    const { findings } = await buildAndCheck('bloated', BLOATED, {})
    const paths = (ruleId: string): (string | undefined)[] =>
      only(findings, ruleId).map(finding => finding.path)
    // The base's package managers: one finding on its FROM line, every binary as evidence.
    expect(only(findings, 'SG2002').map(summary)).toEqual([
      { ruleId: 'SG2002', line: 1, stage: 0, layer: 0, path: expect.any(String) }
    ])
    expect(only(findings, 'SG2002')[0]?.evidence).toEqual(expect.stringContaining('/bin/apt-get'))
    expect(only(findings, 'SG2002')[0]?.evidence).toEqual(expect.stringContaining('/bin/dpkg'))
    expect(only(findings, 'SG2003').map(summary)).toEqual([
      { ruleId: 'SG2003', line: 1, stage: 0, layer: undefined, path: undefined }
    ])
    expect(paths('SG2007')).toEqual(expect.arrayContaining(['/usr/lib/gcc', '/root/.cache']))
    expect(only(findings, 'SG2007').some(finding => finding.evidence?.includes('/bin/cc'))).toBe(true)
    const cache = only(findings, 'SG2007').find(finding => finding.path === '/root/.cache')
    expect(summary(cache!)).toEqual({ ruleId: 'SG2007', line: 2, stage: 0, layer: 1, path: '/root/.cache' })
  })

  it('SG2014: an SBOM requested but the pushed image carries only provenance', async () => {
    const context = await writeContext({ Dockerfile: ATTESTED, 'main.c': MAIN_C })
    const ref = `${REGISTRY}/stagegate-e2e/checks-attested:${STAMP}`
    docker(['buildx', 'build', '--push', '--provenance=mode=min', '-t', ref, context])
    const index = await readImage(`registry:${ref}`, { capture: IMAGE_CAPTURE })
    expect(index.attestations).toEqual({ sbom: false, provenance: true })
    const findings = runImageChecks(index, {
      model: parseDockerfile(ATTESTED, { path: 'Dockerfile' }),
      config: emptyConfig(),
      requested: { sbom: true, provenance: true }
    })
    expect(only(findings, 'SG2014').map(summary)).toEqual([
      { ruleId: 'SG2014', line: 1, stage: 0, layer: undefined, path: undefined }
    ])
    expect(only(findings, 'SG2014')[0]?.message).toContain('SBOM')
    const satisfied = runImageChecks(index, {
      config: emptyConfig(),
      requested: { sbom: false, provenance: true }
    })
    expect(only(satisfied, 'SG2014')).toEqual([])
  })

  describe('examples/bloated through the whole pipeline: each problem once, none lost', () => {
    const NPM_TOKEN = 'npm_' + 'demoTokenNotReal'.repeat(2) + 'abcd'
    const run = async (extra: Record<string, string> = {}): Promise<Finding[]> => {
      const tag = `stagegate-e2e/findings-bloated-${STAMP}:latest`
      if (!tags.includes(tag)) tags.push(tag)
      const values: Record<string, string> = {
        context: 'examples/bloated',
        tags: tag,
        load: 'true',
        sbom: 'false',
        provenance: 'false',
        'build-args': `NPM_TOKEN=${NPM_TOKEN}`,
        'fail-on': 'never',
        ...extra
      }
      const result = await runPipeline(
        parseInputs(name => values[name] ?? ''),
        defaultPipelineDeps({
          cwd: process.cwd(),
          env: process.env,
          tempDir: workdir,
          info: () => undefined,
          notice: () => undefined,
          warning: () => undefined,
          group: (_name, phase) => phase(),
          mask: () => undefined
        })
      )
      expect(JSON.stringify(result.report)).not.toContain(NPM_TOKEN)
      return result.report.findings
    }
    const shape = (findings: readonly Finding[]): string[] =>
      findings
        .map(
          finding =>
            `${finding.ruleId}@${finding.line}${finding.confirmed ? ' confirmed' : ''}${finding.also ? ` also ${finding.also.join(',')}` : ''} ${finding.severity}`
        )
        .sort()

    // The README's example output is this run (33 findings before: eleven SG2010, two SG2001, three
    // SG2002, two SG2005, two SG2008, and SG1006/DL3064/SG1008/SG2003/SG1004/SG2006 saying one thing twice).
    const EXPECTED = [
      'DL3025@15 warning',
      'DL3064@11 confirmed also SG1006,SG2005 error',
      'SG1001@10 warning',
      'SG1001@5 warning',
      'SG1002@10 confirmed also SG2001,SG2002 warning',
      'SG1004@13 confirmed also SG2006 warning',
      'SG1005@7 warning',
      'SG1008@10 confirmed also SG2003 warning',
      'SG1015@14 warning',
      'SG2008@12 note',
      'SG2010@10 warning',
      'SG2011@14 warning',
      'SG2017@10 note',
      'SG2019@10 warning',
      // CMD runs /app/artifact, a 0644 text file the COPY on line 13 brought: the container cannot start.
      'SG2041@13 error'
    ]

    it('lists the expected problems, each once, with the merged ids and the base image setuid files as one finding', async () => {
      const findings = await run()
      expect(shape(findings)).toEqual(EXPECTED)
      const setuid = findings.find(finding => finding.ruleId === 'SG2010')
      expect(setuid?.count).toBe(11)
      expect(setuid?.evidence).toContain('/usr/bin/passwd')
      const secret = findings.find(finding => finding.ruleId === 'DL3064')
      expect(secret?.relatedLines).toEqual([12, 14])
      expect(secret?.evidence).toMatch(/image \(SG2005\): layer \d+: NPM_TOKEN=npm_\*{4}/)
    })

    it('ignoring either id of a merged pair silences the merged finding, and nothing else', async () => {
      const configFile = path.join(workdir, 'ignore-merged.yml')
      await fs.writeFile(configFile, 'ignore: [sg2003, SecretsUsedInArgOrEnv]\n')
      const findings = await run({ config: configFile })
      expect(shape(findings)).toEqual(
        EXPECTED.filter(line => !line.startsWith('SG1008@') && !line.startsWith('DL3064@'))
      )
    })
  })

  describe('the checks dockle, trivy and dive users expect, on one image built by the engine', () => {
    // Line numbers matter: the assertions name them.
    const HARDENING = `FROM ${FIXTURES.debian}
RUN apt-get -y upgrade
COPY . /app
RUN passwd -d root && useradd -o -u 0 -g 0 admin
RUN mkdir -p /var/cache/dnf/fedora/repodata && echo x > /var/cache/dnf/fedora/repodata/primary.xml
RUN head -c 20000 /dev/zero > /scratch
RUN rm /scratch
VOLUME /etc/ssl
EXPOSE 22
WORKDIR /boot/app
ENV GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/gcp/key.json
`
    let findings: Finding[]
    beforeAll(async () => {
      const context = await writeContext({
        Dockerfile: HARDENING,
        'password.txt': 'not-a-real-password\n',
        'credentials.json': '{"type": "service_account"}\n',
        'settings.py': "DATABASES = {'default': {'PASSWORD': 'not-real-either'}}\n",
        'office.ovpn': 'remote vpn.example.invalid 1194\n',
        'docker-compose.yml': 'services: {}\n',
        '.vimrc': 'set nu\n',
        '.idea/workspace.xml': '<project/>\n',
        '.aws/config': '[default]\n',
        '.dive-ci': 'rules:\n  highestWastedBytes: 10KB\n  highestUserWastedPercent: disabled\n'
      })
      const tag = `stagegate-e2e/findings-hardening-${STAMP}:latest`
      tags.push(tag)
      const values: Record<string, string> = {
        context: '.',
        tags: tag,
        load: 'true',
        sbom: 'false',
        provenance: 'false',
        'fail-on': 'never'
      }
      const result = await runPipeline(
        parseInputs(name => values[name] ?? ''),
        defaultPipelineDeps({
          cwd: context,
          env: process.env,
          tempDir: workdir,
          info: () => undefined,
          notice: () => undefined,
          warning: () => undefined,
          group: (_name, phase) => phase(),
          mask: () => undefined
        })
      )
      findings = result.report.findings
    })
    const at = (ruleId: string): (number | undefined)[] =>
      findings.filter(finding => finding.ruleId === ruleId || finding.also?.includes(ruleId)).map(f => f.line)

    it.each<[string, number[]]>([
      ['SG1018', [2]],
      ['SG1017', [8]],
      ['SG1019', [9]],
      ['SG1020', [10]],
      ['SG2017', [1]],
      ['SG2018', [3]],
      ['SG2019', [1]],
      ['SG2020', [4]],
      ['SG2021', [4]],
      ['SG2022', [3]],
      ['SG2009', [6]]
    ])('%s on line %j', (ruleId, lines) => {
      expect(at(ruleId)).toEqual(lines)
    })

    it('SG2007 finds the dnf cache; SG2018 and SG2022 name every file once; the .dive-ci rule is named', () => {
      expect(findings.find(f => f.ruleId === 'SG2007' && f.path === '/var/cache/dnf')?.line).toBe(5)
      const credentials = findings.find(f => f.ruleId === 'SG2018')
      expect(credentials?.count).toBe(4)
      for (const name of ['password.txt', 'credentials.json', 'settings.py', 'office.ovpn'])
        expect(credentials?.evidence).toContain(`/app/${name}`)
      const unnecessary = findings.find(f => f.ruleId === 'SG2022')
      for (const name of ['docker-compose.yml', '.vimrc', '.idea', '.aws'])
        expect(unnecessary?.evidence).toContain(`/app/${name}`)
      expect(findings.find(f => f.ruleId === 'SG2009')?.message).toContain('.dive-ci highestWastedBytes')
      expect(findings.find(f => f.ruleId === 'SG2020')?.evidence).toBe('empty password field: root')
      expect(findings.find(f => f.ruleId === 'SG2021' && f.path === '/etc/passwd')?.evidence).toBe(
        'UID 0: root, admin'
      )
    })

    it('a path to a credentials file is not a secret: no DL3064, no SG2005, nothing redacted', () => {
      expect(at('SG2005')).toEqual([])
      expect(at('DL3064')).toEqual([])
      expect(JSON.stringify(findings)).not.toContain('GOOGLE_APPLICATION_CREDENTIALS=****')
    })
  })
})
