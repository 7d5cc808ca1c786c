// A hand-built model of a small multi-stage Dockerfile and matching report
// parts, shared by the reporter tests (independent of the parser's tests).
import type { DockerfileModel, Flag, Instruction } from '../../src/dockerfile/model.js'
import type { Finding } from '../../src/finding.js'
import type { ReportImage } from '../../src/report/report.js'

export const PINNED_DIGEST = 'sha256:' + 'a'.repeat(64)

export const DOCKERFILE_TEXT = [
  'FROM stagegate-fixture/builder:latest AS build',
  'RUN apt-get update && \\',
  '    apt-get install -y make',
  'RUN gcc -static -o /out/app /src/main.c',
  `FROM stagegate-fixture/busybox@${PINNED_DIGEST} AS runtime`,
  'COPY --from=build /out/app /app',
  'COPY --from=stagegate-fixture/debian:bookworm /etc/ssl/certs /etc/ssl/certs',
  'USER root',
  ''
].join('\n')

function instruction(
  keyword: string,
  args: string,
  line: number,
  stage: number,
  options: { endLine?: number; flags?: Flag[] } = {}
): Instruction {
  return {
    keyword,
    args,
    argv: args.split(/\s+/),
    jsonForm: false,
    flags: options.flags ?? [],
    line,
    endLine: options.endLine ?? line,
    heredocs: [],
    stage
  }
}

export function sampleModel(path = 'Dockerfile'): DockerfileModel {
  return {
    path,
    text: DOCKERFILE_TEXT,
    directives: [],
    globalArgs: [],
    preamble: [],
    stages: [
      {
        index: 0,
        name: 'build',
        baseRaw: 'stagegate-fixture/builder:latest',
        base: 'stagegate-fixture/builder:latest',
        line: 1,
        final: false,
        shell: ['/bin/sh', '-c'],
        instructions: [
          instruction('FROM', 'stagegate-fixture/builder:latest AS build', 1, 0),
          instruction('RUN', 'apt-get update && apt-get install -y make', 2, 0, { endLine: 3 }),
          instruction('RUN', 'gcc -static -o /out/app /src/main.c', 4, 0)
        ]
      },
      {
        index: 1,
        name: 'runtime',
        baseRaw: `stagegate-fixture/busybox@${PINNED_DIGEST}`,
        base: `stagegate-fixture/busybox@${PINNED_DIGEST}`,
        line: 5,
        final: true,
        shell: ['/bin/sh', '-c'],
        user: 'root',
        instructions: [
          instruction('FROM', `stagegate-fixture/busybox@${PINNED_DIGEST} AS runtime`, 5, 1),
          instruction('COPY', '/out/app /app', 6, 1, { flags: [{ name: 'from', value: 'build' }] }),
          instruction('COPY', '/etc/ssl/certs /etc/ssl/certs', 7, 1, {
            flags: [{ name: 'from', value: 'stagegate-fixture/debian:bookworm' }]
          }),
          instruction('USER', 'root', 8, 1)
        ]
      }
    ],
    edges: [
      { from: 0, to: 1, kind: 'copy', line: 6, sources: ['/out/app'], dest: '/app' },
      {
        image: 'stagegate-fixture/debian:bookworm',
        to: 1,
        kind: 'copy',
        line: 7,
        sources: ['/etc/ssl/certs'],
        dest: '/etc/ssl/certs'
      }
    ],
    finalStage: 1,
    comments: []
  }
}

export const BUILD_STAGE = { index: 0, name: 'build', final: false }
export const RUNTIME_STAGE = { index: 1, name: 'runtime', final: true }

export function sampleFindings(): Finding[] {
  return [
    {
      ruleId: 'DL3002',
      severity: 'warning',
      message: 'Switch to a non-root user before the image ends.',
      file: 'Dockerfile',
      line: 8,
      stage: RUNTIME_STAGE
    },
    {
      ruleId: 'DL3008',
      severity: 'warning',
      message: 'Pin versions in apt-get install.',
      file: 'Dockerfile',
      line: 2,
      endLine: 3,
      stage: BUILD_STAGE
    },
    {
      ruleId: 'SG2001',
      severity: 'error',
      message: 'Remove the private key from the image.',
      file: 'Dockerfile',
      line: 6,
      stage: RUNTIME_STAGE,
      layer: { index: 1, digest: 'sha256:' + 'b'.repeat(64), createdBy: 'COPY /out/app /app # buildkit' },
      path: '/app/id_rsa',
      evidence: '-----BEGIN OPENSSH PRIVATE KEY----- [redacted]'
    },
    {
      ruleId: 'SG1001',
      severity: 'note',
      message: 'Consider --link on COPY --from.',
      file: 'Dockerfile',
      line: 6,
      stage: RUNTIME_STAGE
    }
  ]
}

export function sampleImage(): ReportImage {
  return {
    ref: '127.0.0.1:5000/stagegate/app:test',
    digest: 'sha256:' + 'c'.repeat(64),
    sizeBytes: 6_400_000,
    efficiency: 0.973,
    wastedBytes: 120_000,
    layers: [
      {
        index: 0,
        digest: 'sha256:' + 'd'.repeat(64),
        sizeBytes: 4_000_000,
        createdBy: 'BusyBox base',
        stage: 1
      },
      {
        index: 1,
        digest: 'sha256:' + 'b'.repeat(64),
        sizeBytes: 2_000_000,
        createdBy: 'COPY /out/app /app # buildkit',
        stage: 1,
        line: 6
      },
      {
        index: 2,
        digest: 'sha256:' + 'e'.repeat(64),
        sizeBytes: 400_000,
        createdBy: 'COPY /etc/ssl/certs /etc/ssl/certs # buildkit',
        stage: 1,
        line: 7
      }
    ],
    attestations: { sbom: true, provenance: true },
    indexFromAttestations: true
  }
}
