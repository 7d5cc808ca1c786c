// BuildKit's checks under their own names: for each, Dockerfiles that must be
// caught (with the lines) and ones that must not.
import { hits } from './sg-helpers.js'

type Case = [name: string, text: string, lines: number[], dockerignore?: string[] | null]

const XP = '# check=experimental=CopyIgnoredFile\n'
const D = 'sha256:' + '0'.repeat(64)

const CASES: Record<string, Case[]> = {
  StageNameCasing: [
    ['mixed case name', 'FROM alpine AS BuilderBase\n', [1]],
    ['lowercase name', 'FROM alpine AS builder-base\n', []],
    ['no name', 'FROM alpine\n', []]
  ],
  ReservedStageName: [
    ['named scratch', 'FROM debian AS scratch\nRUN x\n', [1]],
    ['named context, any case', 'FROM debian AS build\nFROM alpine AS Context\n', [2]],
    ['FROM scratch itself', 'FROM scratch\nCOPY x /\n', []],
    ['a name that only starts with one', 'FROM debian AS scratchpad\n', []]
  ],
  FromAsCasing: [
    ['FROM with lowercase as', 'FROM alpine as build\n', [1]],
    ['from with uppercase AS', 'from alpine AS build\n', [1]],
    ['matching upper', 'FROM alpine AS build\n', []],
    ['matching lower', 'from alpine as build\n', []]
  ],
  NoEmptyContinuation: [
    // Reported on the instruction's last line, as BuildKit's parser does (its testNoEmptyContinuation).
    ['blank line inside a continuation', 'FROM a\nRUN apk add \\\n\n    curl\n', [4]],
    [
      'a pragma above the instruction still silences it',
      'FROM a\n# stagegate ignore=NoEmptyContinuation\nRUN apk add \\\n\n    curl\n',
      []
    ],
    ['two blank lines: one finding', 'FROM a\nCOPY a \\\n\n\n  b \\\n  /c/\n', [6]],
    ['before a heredoc: on the marker line', 'FROM a\nRUN \\\n\n  cat <<EOF\nx\nEOF\n', [4]],
    ['comment inside a continuation is fine', 'FROM a\nRUN apk add \\\n# curl for probes\n    curl\n', []],
    ['blank line after the instruction', 'FROM a\nRUN apk add curl\n\nCMD x\n', []]
  ],
  ConsistentInstructionCasing: [
    ['one lowercase among uppercase', 'FROM a\nrun x\nCMD y\n', [2]],
    ['mixed-case keyword', 'FROM a\nRun x\n', [2]],
    ['all lowercase', 'from a\nrun x\ncmd y\n', []],
    ['all uppercase', 'FROM a\nRUN x\n', []]
  ],
  UndefinedArgInFrom: [
    ['undeclared', 'FROM alpine:$TAG\n', [1]],
    ['typo of a declared one', 'ARG VERSION=1\nFROM alpine:${VERSON}\n', [2]],
    ['declared', 'ARG TAG=3\nFROM alpine:$TAG\n', []],
    ['platform args are predefined', 'FROM --platform=$BUILDPLATFORM golang:${TARGETARCH}\n', []]
  ],
  InvalidDefaultArgInFrom: [
    ['no default gives an empty tag', 'ARG TAG\nFROM busybox:${TAG}\n', [2]],
    ['no default gives an empty image', 'ARG IMAGE\nFROM $IMAGE\n', [2]],
    ['default value', 'ARG TAG=latest\nFROM busybox:${TAG}\n', []],
    ['default in the expansion', 'ARG TAG\nFROM busybox:${TAG:-latest}\n', []],
    ['an empty default gives an empty image', 'ARG IMAGE=\nFROM $IMAGE\n', [2]],
    // BuildKit expands each global ARG's default with the global ARGs above it (moby's Dockerfile).
    [
      'default built from earlier global ARGs',
      `ARG GO_VERSION=1.22\nARG GOLANG_IMAGE=golang:\${GO_VERSION}-bookworm\nFROM \${GOLANG_IMAGE}@${D} AS build\n`,
      []
    ],
    [
      'default built from a global ARG without a default',
      'ARG TAG\nARG IMAGE=busybox:${TAG}\nFROM ${IMAGE}\n',
      [3]
    ],
    // Only the ARGs above are known when a default is expanded: a later one is not seen.
    [
      'default built from a later global ARG',
      'ARG IMAGE=busybox:${TAG}\nARG TAG=latest\nFROM ${IMAGE}\n',
      [3]
    ]
  ],
  UndefinedVar: [
    ['scratch stage: any undefined variable', 'FROM scratch\nCOPY $foo /\n', [2]],
    ['typo of a defined variable', 'FROM alpine\nENV APP_HOME=/app\nWORKDIR $APP_HOEM\n', [3]],
    ['typo of PATH', 'FROM alpine\nENV PATH=$PAHT:/app/bin\n', [2]],
    // An image named like an Object.prototype key is no known image (the rule used to throw on it).
    ['an image named constructor', 'FROM constructor\nENV APP_HOME=/app\nWORKDIR $APP_HOEM\n', [3]],
    ['a default in the reference is fine', 'FROM scratch\nENV RUNTIME_UID=${UID:-1000}\n', []],
    ['short names need a close match', 'FROM registry.example.com/base\nENV X=${UID}\n', []],
    // alpine, debian, ubuntu and busybox set no ENV but PATH: any other name is undefined there.
    ['an OS image sets no ENV but PATH', 'FROM alpine:3.20\nENV X=${UID}\n', [2]],
    ['PATH and proxies are always defined', 'FROM scratch\nENV PATH=$PATH:/bin X=$http_proxy\n', []],
    ['defined by ARG', 'FROM scratch\nARG foo\nCOPY $foo /\n', []],
    ['defined in the base stage', 'FROM scratch AS base\nENV DIR=/x\nFROM base\nWORKDIR $DIR\n', []],
    // In BuildKit `FROM <stage>` starts from that stage's build args as well as its ENV (its
    // testUnmatchedVars: `ARG foo=Dockerfile` in the base, `COPY $foo .` in the child is quiet).
    ['ARG of the base stage is inherited', 'FROM scratch AS base\nARG V=1\nFROM base\nWORKDIR /v$V\n', []],
    [
      'ARG without a value in the base stage',
      'FROM scratch AS base\nARG V\nFROM base AS child\nFROM child\nWORKDIR /v$V\n',
      []
    ],
    ['ARG of an unrelated stage', 'FROM scratch AS a\nARG V=1\nFROM scratch\nWORKDIR /v$V\n', [4]],
    [
      'ARG of the base stage declared again',
      'FROM scratch AS base\nARG V=1\nFROM base\nARG V\nWORKDIR /v$V\n',
      []
    ],
    ['ENV of an unrelated stage', 'FROM scratch AS a\nENV DIR=/x\nFROM scratch\nWORKDIR $DIR\n', [4]],
    ['RUN shell form is not checked', 'FROM scratch\nRUN echo $nothing\n', []],
    [
      'unknown in an image base: may come from the image',
      'FROM registry.example.com/tools/python\nWORKDIR $PYTHON_HOME\n',
      []
    ],
    // An official image whose ENV is known: checked against it, as BuildKit checks the pulled config.
    [
      'GOPATH is set by the golang image (moby)',
      `FROM golang:1.22@${D}\nWORKDIR $GOPATH/src/app\nENV V=$GOLANG_VERSION T=$GOTOOLCHAIN\n`,
      []
    ],
    [
      'set by the image, through a stage chain',
      'FROM node:20 AS base\nFROM base\nRUN true\nENV N=$NODE_VERSION\n',
      []
    ],
    ['dotnet images', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n', []],
    ['eclipse-temurin', 'FROM eclipse-temurin:21-jre\nENV PATH=$JAVA_HOME/bin:$PATH\n', []],
    ['not set by a known image', 'FROM python:3.12-slim\nWORKDIR $PYTHON_HOME\n', [2]],
    [
      'not set by a known image, through a stage chain',
      'FROM golang:1.22 AS b\nFROM b\nWORKDIR $APP_DIR\n',
      [3]
    ],
    // GOPATH is PATH with a prefix: a variable of its own, not a typo, whatever the image.
    ['a prefixed name is no typo of PATH', 'FROM registry.example.com/go\nWORKDIR $GOPATH/src\n', []],
    // A build argument is no image variable: used above its ARG it is undefined on any base.
    ['used above its ARG on an image base', 'FROM python\nWORKDIR /srv/$APP\nARG APP=web\n', [2]],
    ['used below its ARG on an image base', 'FROM python\nARG APP=web\nWORKDIR /srv/$APP\n', []]
  ],
  LegacyKeyValueFormat: [
    ['ENV key value', 'FROM a\nENV PATH /usr/bin\n', [2]],
    ['LABEL key value', 'FROM a\nLABEL maintainer "me"\n', [2]],
    ['ENV key=value', 'FROM a\nENV PATH=/usr/bin\n', []],
    ['LABEL key=value', 'FROM a\nLABEL a=b c="d e"\n', []]
  ],
  FromPlatformFlagConstDisallowed: [
    ['constant platform', 'FROM --platform=linux/amd64 alpine AS build\n', [1]],
    ['stage named after the platform', 'FROM --platform=linux/amd64 alpine AS build-amd64\n', []],
    ['variable platform', 'FROM --platform=$BUILDPLATFORM alpine\n', []]
  ],
  // Experimental in BuildKit: only with `# check=experimental=CopyIgnoredFile` (lines shift by one).
  CopyIgnoredFile: [
    ['copies an ignored file', `${XP}FROM a\nCOPY secrets.txt /s\n`, [3], ['secrets.txt']],
    ['ignored directory', `${XP}FROM a\nCOPY build/app /app\n`, [3], ['build']],
    ['re-included with !', `${XP}FROM a\nCOPY build/app /app\n`, [], ['build', '!build/app']],
    ['not ignored', `${XP}FROM a\nCOPY app /app\n`, [], ['*.md']],
    ['from another stage', `${XP}FROM a\nCOPY --from=b secrets.txt /s\n`, [], ['secrets.txt']],
    ['no .dockerignore', `${XP}FROM a\nCOPY secrets.txt /s\n`, [], null],
    ['off without the directive', 'FROM a\nCOPY secrets.txt /s\n', [], ['secrets.txt']],
    [
      'enabled beside skip=all',
      '# check=skip=all;experimental=CopyIgnoredFile\nFROM a\nADD secrets.txt /s\n',
      [3],
      ['secrets.txt']
    ]
  ],
  ExposeProtoCasing: [
    ['uppercase protocol', 'FROM a\nEXPOSE 80/TCP\n', [2]],
    ['lowercase protocol', 'FROM a\nEXPOSE 80/tcp 53/udp\n', []]
  ],
  ExposeInvalidFormat: [
    ['ip and mapping', 'FROM a\nEXPOSE 127.0.0.1:80:80\n', [2]],
    ['host mapping', 'FROM a\nEXPOSE 80:80\n', [2]],
    ['plain ports', 'FROM a\nEXPOSE 80 443/tcp 8000-8010\n', []]
  ],
  // JSONArgsRecommended is DL3025's BuildKit name: as BuildKit, a SHELL set in the stage or a stage
  // it is built FROM makes the shell form deliberate (its testJSONArgsRecommended).
  DL3025: [
    ['shell-form CMD', 'FROM scratch\nCMD mycommand\n', [2]],
    ['after a SHELL in the stage', 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n', []],
    [
      'after a SHELL in the base stage',
      'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n',
      []
    ],
    ['before the SHELL', 'FROM scratch\nCMD mycommand\nSHELL ["/bin/bash", "-c"]\n', [2]],
    [
      'a SHELL of an unrelated stage',
      'FROM scratch AS a\nSHELL ["/bin/bash", "-c"]\nFROM scratch\nCMD mycommand\n',
      [4]
    ]
  ],
  InvalidBaseImagePlatform: [
    ['needs the pulled image: never reported from the Dockerfile', 'FROM --platform=linux/arm64 alpine\n', []]
  ]
}

describe.each(Object.keys(CASES))('%s', ruleId => {
  // Rows as objects: a missing 4th element would make Jest pass a `done` callback.
  const rows = CASES[ruleId]!.map(([name, text, lines, dockerignore]) => ({
    name,
    text,
    lines,
    dockerignore
  }))
  test.each(rows)('$name', ({ text, lines, dockerignore }) => {
    expect(hits(text, ruleId, dockerignore === undefined ? {} : { dockerignore })).toEqual(lines)
  })
})
