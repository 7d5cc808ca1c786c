// Will it start? For each startup failure the checks predict, the real
// engine builds one image that has it and one working twin; the static
// verdict (image.startup.expected) must equal what the hardened smoke run
// really did, for every image, and each failing image's check must fire at
// the right line and stage while its twin stays silent. One test, one table.
//
// The programs come from the fixture builder (gcc): static and dynamic C
// binaries, a binary whose ELF header says AArch64, and two C programs that
// stand in for Go binaries (they carry the strings the detectors read and
// open the CA bundle / zoneinfo at start, exiting 1 when absent, so that a
// smoke run without network can tell).
import { promises as fs, readFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { jest } from '@jest/globals'
import { createDockerRunner } from '../../src/build/buildx.js'
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import type { Finding } from '../../src/finding.js'
import { parseInputs } from '../../src/inputs.js'
import { checkImage, runPipeline } from '../../src/pipeline.js'
import { defaultPipelineDeps } from '../../src/pipeline-deps.js'
import { readImage } from '../../src/image/read.js'
import { renderSummary } from '../../src/report/summary.js'
import type { ReportStartup } from '../../src/report/report.js'
import { smokeImage } from '../../src/smoke/run.js'
import { describeE2E, dockerAsync, FIXTURES } from './engine.js'

jest.setTimeout(900_000)

const HERE = path.dirname(fileURLToPath(import.meta.url))
const STAMP = `${Date.now()}-${process.pid}`
const SOURCES = ['hello.c', 'server.c', 'tls.c', 'tz.c']

// Lines 1–5: the same build stage in every Dockerfile (BuildKit builds it once).
const BUILD = `FROM ${FIXTURES.builder} AS build
WORKDIR /src
COPY *.c ./
RUN mkdir -p /out/data && touch /out/data/.keep && gcc -static -O2 -o /out/hello hello.c && gcc -O2 -o /out/hello-dynamic hello.c && gcc -static -O2 -o /out/server server.c && gcc -O2 -o /out/server-dynamic server.c && gcc -static -O2 -o /out/tls tls.c && gcc -static -O2 -o /out/tz tz.c && cp /out/hello /out/hello-arm64 && printf '\\267\\000' | dd of=/out/hello-arm64 bs=1 seek=18 conv=notrunc && printf 'placeholder CA bundle\\n' > /out/ca-certificates.crt && printf 'stands in for musl\\n' > /out/ld-musl-x86_64.so.1

`
const SCRIPTS: Record<string, string> = {
  'bash.sh': '#!/bin/bash\necho "hello from bash"\n',
  'sh.sh': '#!/bin/sh\necho "hello from sh"\n',
  'env-python.sh': '#!/usr/bin/env python3\nprint("hello")\n',
  'env-sh.sh': '#!/usr/bin/env sh\necho "hello from env sh"\n',
  'crlf.sh': '#!/bin/sh\r\necho "hello"\r\n'
}

interface Expected {
  ruleId: string
  line: number
  stage: number
}

interface Case {
  failure: string
  /** Final stage, from line 6. */
  failing: string
  expect: Expected[]
  twin: string
}

const STATIC_SCRATCH = `FROM scratch
COPY --from=build /out/hello /app
ENTRYPOINT ["/app"]
`
const ENV_BUSYBOX = `FROM ${FIXTURES.busybox}
RUN mkdir -p /usr/bin && ln -s /bin/env /usr/bin/env
`

const CASES: Case[] = [
  {
    failure: 'command path missing',
    failing: `FROM scratch\nCOPY --from=build /out/hello /bin/hello\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2040', line: 8, stage: 1 }],
    twin: STATIC_SCRATCH
  },
  {
    failure: 'no command at all',
    failing: `FROM scratch\nCOPY --from=build /out/hello /app\n`,
    expect: [{ ruleId: 'SG2040', line: 6, stage: 1 }],
    twin: STATIC_SCRATCH
  },
  {
    failure: 'name not on PATH',
    failing: `FROM scratch\nCOPY --from=build /out/hello /opt/bin/hello\nCMD ["hello"]\n`,
    expect: [{ ruleId: 'SG2040', line: 8, stage: 1 }],
    twin: `FROM scratch\nCOPY --from=build /out/hello /opt/bin/hello\nENV PATH=/opt/bin\nCMD ["hello"]\n`
  },
  {
    failure: 'shell form without /bin/sh',
    failing: `FROM scratch\nCOPY --from=build /out/hello /app\nCMD /app\n`,
    expect: [{ ruleId: 'SG2040', line: 8, stage: 1 }],
    twin: `FROM ${FIXTURES.busybox}\nCOPY --from=build /out/hello /app\nCMD /app\n`
  },
  {
    failure: 'no execute bit',
    failing: `FROM scratch\nCOPY --from=build --chmod=0644 /out/hello /app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2041', line: 7, stage: 0 }],
    twin: STATIC_SCRATCH
  },
  {
    failure: 'owner-only binary, other USER',
    failing: `FROM scratch\nCOPY --from=build --chmod=0700 /out/hello /app\nUSER 65532\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2041', line: 7, stage: 0 }],
    twin: `FROM scratch\nCOPY --from=build --chmod=0700 --chown=65532:65532 /out/hello /app\nUSER 65532\nENTRYPOINT ["/app"]\n`
  },
  {
    failure: '#!/bin/bash without bash',
    failing: `FROM ${FIXTURES.busybox}\nCOPY --chmod=0755 bash.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`,
    expect: [{ ruleId: 'SG2042', line: 7, stage: 1 }],
    twin: `FROM ${FIXTURES.busybox}\nCOPY --chmod=0755 sh.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`
  },
  {
    failure: '#!/usr/bin/env python3 without python3',
    failing: `${ENV_BUSYBOX}COPY --chmod=0755 env-python.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`,
    expect: [{ ruleId: 'SG2042', line: 8, stage: 1 }],
    twin: `${ENV_BUSYBOX}COPY --chmod=0755 env-sh.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`
  },
  {
    failure: 'CRLF after #!',
    failing: `FROM ${FIXTURES.busybox}\nCOPY --chmod=0755 crlf.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`,
    expect: [{ ruleId: 'SG2042', line: 7, stage: 1 }],
    twin: `FROM ${FIXTURES.busybox}\nCOPY --chmod=0755 sh.sh /run.sh\nENTRYPOINT ["/run.sh"]\n`
  },
  {
    failure: 'dynamic binary, no loader',
    failing: `FROM scratch\nCOPY --from=build /out/hello-dynamic /app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2012', line: 7, stage: 0 }],
    twin: STATIC_SCRATCH
  },
  {
    failure: 'dynamic server, no loader',
    failing: `FROM scratch\nCOPY --from=build /out/server-dynamic /server\nENTRYPOINT ["/server"]\n`,
    expect: [{ ruleId: 'SG2012', line: 7, stage: 0 }],
    twin: `FROM scratch\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n`
  },
  {
    failure: 'glibc binary, musl image',
    failing: `FROM ${FIXTURES.busybox}\nCOPY --from=build /out/ld-musl-x86_64.so.1 /lib/ld-musl-x86_64.so.1\nCOPY --from=build /out/hello-dynamic /app\nENTRYPOINT ["/app"]\n`,
    expect: [
      { ruleId: 'SG2043', line: 8, stage: 0 },
      { ruleId: 'SG2012', line: 8, stage: 0 }
    ],
    twin: `FROM ${FIXTURES.busybox}\nCOPY --from=build /out/ld-musl-x86_64.so.1 /lib/ld-musl-x86_64.so.1\nCOPY --from=build /out/hello /app\nENTRYPOINT ["/app"]\n`
  },
  {
    failure: 'AArch64 binary, amd64 image',
    failing: `FROM scratch\nCOPY --from=build /out/hello-arm64 /app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2043', line: 7, stage: 0 }],
    twin: STATIC_SCRATCH
  },
  {
    failure: 'CA roots missing',
    failing: `FROM scratch\nCOPY --from=build /out/tls /app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2044', line: 7, stage: 0 }],
    twin: `FROM scratch\nCOPY --from=build /out/tls /app\nCOPY --from=build /out/ca-certificates.crt /etc/ssl/certs/\nENTRYPOINT ["/app"]\n`
  },
  {
    failure: 'zoneinfo missing',
    failing: `FROM scratch\nCOPY --from=build /out/tz /app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2045', line: 7, stage: 0 }],
    twin: `FROM scratch\nCOPY --from=build /out/tz /app\nCOPY --from=build /usr/share/zoneinfo/UTC /usr/share/zoneinfo/UTC\nENTRYPOINT ["/app"]\n`
  },
  {
    failure: 'USER unknown to /etc/passwd',
    failing: `FROM scratch\nCOPY --from=build /out/hello /app\nUSER app\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2013', line: 8, stage: 1 }],
    twin: `FROM scratch\nCOPY --from=build /out/hello /app\nUSER 65532\nENTRYPOINT ["/app"]\n`
  },
  {
    failure: 'WORKDIR not writable (note only)',
    failing: `FROM scratch\nCOPY --from=build /out/hello /app\nWORKDIR /data\nUSER 65532\nENTRYPOINT ["/app"]\n`,
    expect: [{ ruleId: 'SG2046', line: 8, stage: 1 }],
    twin: `FROM scratch\nCOPY --from=build /out/hello /app\nCOPY --from=build --chown=65532:65532 /out/data/ /data/\nWORKDIR /data\nUSER 65532\nENTRYPOINT ["/app"]\n`
  }
]

/** Rules whose hits decide the verdict (SG2046 is a note and must not). */
const STARTUP_RULES = [
  'SG2012',
  'SG2013',
  'SG2040',
  'SG2041',
  'SG2042',
  'SG2043',
  'SG2044',
  'SG2045',
  'SG2046'
]

interface Outcome {
  tag: string
  dockerfile: string
  findings: Finding[]
  startup: ReportStartup
}

let workdir: string
const tags: string[] = []
const built = new Map<string, Promise<Outcome>>()

/** Images built, read and smoke-run at once: each smoke run waits seconds for its verdict. */
const CONCURRENCY = 4

async function buildAndRun(name: string, finalStage: string): Promise<Outcome> {
  const dockerfile = BUILD + finalStage
  const context = await fs.mkdtemp(path.join(workdir, 'ctx-'))
  for (const source of SOURCES)
    await fs.writeFile(path.join(context, source), readFileSync(path.join(HERE, 'startup-fixtures', source)))
  for (const [script, text] of Object.entries(SCRIPTS)) await fs.writeFile(path.join(context, script), text)
  await fs.writeFile(path.join(context, 'Dockerfile'), dockerfile)
  // Each image its own tag (the name is unique per case), so concurrent builds never share one.
  const tag = `startup-e2e/${name}:${STAMP}`
  tags.push(tag)
  await dockerAsync(['buildx', 'build', '--load', '--provenance=false', '-t', tag, context])
  const model = parseDockerfile(dockerfile, { path: 'Dockerfile' })
  const checked = await checkImage(
    tag,
    { platforms: [], push: false, sbom: 'false', provenance: 'false' },
    model,
    emptyConfig(),
    'Dockerfile',
    { tempDir: os.tmpdir(), info: () => undefined, readImage }
  )
  const startup = checked.image.startup as ReportStartup
  startup.smoke = await smokeImage(createDockerRunner(), tag, checked.config ?? {}, { startSeconds: 3 })
  // Removed as soon as it is done with (the outcome keeps what the test asserts): an image
  // delete takes seconds on an engine with many images, so it overlaps the other builds.
  await removeImage(tag)
  return { tag, dockerfile, findings: checked.findings, startup }
}

const removed = new Set<string>()

async function removeImage(tag: string): Promise<void> {
  try {
    await dockerAsync(['rmi', '-f', tag])
    removed.add(tag)
  } catch {
    // already gone, or left for afterAll
  }
}

/** Every distinct image of the table once (twins repeat), CONCURRENCY at a time, after the first alone. */
async function buildAll(images: Array<{ name: string; finalStage: string }>): Promise<void> {
  const seen = new Set<string>()
  const queue = images.filter(({ finalStage }) => !seen.has(finalStage) && Boolean(seen.add(finalStage)))
  const start = (image: { name: string; finalStage: string }): Promise<Outcome> => {
    const outcome = buildAndRun(image.name, image.finalStage)
    built.set(BUILD + image.finalStage, outcome)
    return outcome
  }
  // The first build compiles the shared build stage; the others then find it cached.
  const [first, ...rest] = queue
  if (first) await start(first)
  const worker = async (): Promise<void> => {
    for (let image = rest.shift(); image; image = rest.shift()) await start(image)
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

async function outcomeOf(finalStage: string): Promise<Outcome> {
  const outcome = built.get(BUILD + finalStage)
  if (!outcome) throw new Error(`not built: ${finalStage}`)
  return outcome
}

function smokeText(startup: ReportStartup): string {
  const smoke = startup.smoke
  if (!smoke.ran) return `not run: ${smoke.error ?? '?'}`
  if (smoke.running) return 'started (running)'
  return `${smoke.started ? 'started' : 'failed'} (exit ${smoke.exitCode ?? '?'})`
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

describeE2E('startup prediction against the hardened smoke run', () => {
  beforeAll(async () => {
    workdir = await fs.mkdtemp(path.join(os.tmpdir(), 'stagegate-startup-e2e-'))
  })

  afterAll(async () => {
    await Promise.all(tags.filter(tag => !removed.has(tag)).map(removeImage))
    await fs.rm(workdir, { recursive: true, force: true })
  })

  test('every prediction agrees with the smoke run; each check fires on its image and not on its twin', async () => {
    const rows: string[][] = []
    const problems: string[] = []
    await buildAll(
      CASES.flatMap(testCase => [
        { name: `fail-${slug(testCase.failure)}`, finalStage: testCase.failing },
        { name: `twin-${slug(testCase.failure)}`, finalStage: testCase.twin }
      ])
    )
    for (const testCase of CASES) {
      const failing = await outcomeOf(testCase.failing)
      const twin = await outcomeOf(testCase.twin)
      for (const [role, outcome] of [
        ['failing', failing],
        ['twin', twin]
      ] as const) {
        const { startup } = outcome
        const predicted = startup.expected
          ? 'starts'
          : `fails: ${[...new Set(startup.reasons.map(reason => reason.ruleId))].join(', ')}`
        const agrees = startup.smoke.ran && startup.smoke.started === startup.expected
        const fired = outcome.findings
          .filter(finding => STARTUP_RULES.includes(finding.ruleId))
          .map(finding => `${finding.ruleId}@${finding.line ?? '-'}/s${finding.stage?.index ?? '-'}`)
        rows.push([
          `${role}: ${testCase.failure}`,
          predicted,
          smokeText(startup),
          agrees ? 'yes' : 'NO',
          fired.join(' ')
        ])
        if (!agrees)
          problems.push(
            `${role} "${testCase.failure}": predicted ${predicted}, smoke ${smokeText(startup)} ${JSON.stringify(startup.smoke.output ?? [])}`
          )
      }
      for (const expected of testCase.expect) {
        const hit = failing.findings.find(
          finding =>
            finding.ruleId === expected.ruleId &&
            finding.line === expected.line &&
            finding.stage?.index === expected.stage
        )
        if (!hit)
          problems.push(
            `"${testCase.failure}": no ${expected.ruleId} at line ${expected.line} stage ${expected.stage}; got ${JSON.stringify(
              failing.findings.map(f => [f.ruleId, f.line, f.stage?.index, f.message])
            )}`
          )
      }
      const twinHits = twin.findings.filter(finding => STARTUP_RULES.includes(finding.ruleId))
      if (twinHits.length > 0)
        problems.push(
          `twin of "${testCase.failure}": ${JSON.stringify(twinHits.map(f => [f.ruleId, f.message]))}`
        )
    }
    const header = ['image', 'predicted', 'smoke run', 'agree', 'startup findings (rule@line/stage)']
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => (row[i] ?? '').length)))
    const format = (row: string[]): string => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')
    const table = [
      format(header),
      widths.map(width => '-'.repeat(width)).join('-|-'),
      ...rows.map(format)
    ].join('\n')
    process.stdout.write(`\nstartup prediction vs smoke run\n${table}\n`)
    expect(problems).toEqual([])
    // Both outcomes occur: the table is not all "starts" or all "fails".
    expect(rows.filter(row => row[2]?.startsWith('started')).length).toBeGreaterThan(0)
    expect(rows.filter(row => row[2]?.startsWith('failed')).length).toBeGreaterThan(0)
  })

  test('the smoke input runs through the pipeline into image.startup and the summary', async () => {
    const context = await fs.mkdtemp(path.join(workdir, 'pipeline-'))
    for (const source of SOURCES)
      await fs.writeFile(
        path.join(context, source),
        readFileSync(path.join(HERE, 'startup-fixtures', source))
      )
    await fs.writeFile(path.join(context, 'Dockerfile'), BUILD + CASES[0]!.failing)
    const tag = `startup-e2e/pipeline:${STAMP}`
    tags.push(tag)
    const values: Record<string, string> = {
      context,
      tags: tag,
      load: 'true',
      sbom: 'false',
      provenance: 'false',
      smoke: 'true'
    }
    const lines: string[] = []
    const result = await runPipeline(
      parseInputs(name => values[name] ?? ''),
      defaultPipelineDeps({
        cwd: context,
        env: process.env,
        tempDir: os.tmpdir(),
        info: line => lines.push(line),
        notice: () => undefined,
        warning: () => undefined,
        group: (_name, phase) => phase(),
        mask: () => undefined
      })
    )
    const startup = result.report.image?.startup
    expect(startup?.expected).toBe(false)
    expect(startup?.reasons.map(reason => [reason.ruleId, reason.line])).toEqual([['SG2040', 8]])
    expect(startup?.smoke).toMatchObject({ ran: true, started: false })
    expect(startup?.smoke.output?.join('\n')).toContain('/app')
    expect(lines).toContain(`smoke run: failed (exit ${startup?.smoke.exitCode})`)
    const summary = renderSummary(result.report, { failOn: 'error' })
    expect(summary).toContain('**Startup:** ❌ not expected to start')
    expect(summary).toContain('— as predicted')
  })
})
