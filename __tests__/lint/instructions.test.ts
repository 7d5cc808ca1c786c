import { expect } from '@jest/globals'
import { DL3045, DL3067 } from '../../src/lint/rules/copy-add.js'
import {
  DL1001,
  DL3043,
  DL3044,
  DL3061,
  DL3064,
  DL3066,
  DL4000,
  DL4003,
  DL4004,
  expandedNames,
  looksSensitive
} from '../../src/lint/rules/instructions.js'
import { DL3059 } from '../../src/lint/rules/shell.js'
import { DL3057, DL3063, DL3065 } from '../../src/lint/rules/stages.js'
import { describeRule, hits } from './rule-cases.js'

describeRule(DL1001, {
  catches: [
    ['FROM debian\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', [2]],
    ['FROM debian\n#stagegate ignore=DL3008,SG1003\nRUN x\n# hadolint ignore=DL3059\nRUN y\n', [2, 4]]
  ],
  passes: [
    'FROM debian\n# hadolint global ignore=DL3008\nRUN x\n',
    'FROM debian\n# stagegate global ignore=DL3008\n# just a note about hadolint\nRUN x\n'
  ]
})

describeRule(DL3043, {
  catches: [
    ['FROM debian\nONBUILD ONBUILD RUN x\n', [2]],
    ['FROM debian\nONBUILD from alpine\nONBUILD MAINTAINER me\n', [2, 3]]
  ],
  passes: ['FROM debian\nONBUILD RUN make\nONBUILD COPY . /src\n']
})

describeRule(DL3044, {
  catches: [
    ['FROM debian\nENV A=1 B=$A\n', [2]],
    ['FROM debian\nENV HOME=/srv \\\n    DATA="${HOME}/data"\n', [2]],
    ['FROM debian\nENV B=${A:-x} A=2\n', [2]],
    // Before any FROM too (hadolint lints a file without FROM).
    ['ENV ROOT=/srv LOGS=$ROOT/logs\n', [1]],
    // The same name assigned twice in one ENV: the second reads the old value.
    ['FROM debian\nENV PATH=/a:$PATH PATH=/b:$PATH\n', [2]],
    // One reference among others is enough.
    ['FROM debian\nENV ROOT=/srv LOGS=$ROOT/$ROOTDIR\n', [2]],
    ['FROM debian\nONBUILD ENV ROOT=/srv LOGS=$ROOT/logs\n', [2]]
  ],
  passes: [
    'ENV ROOT=/srv\nENV LOGS=$ROOT/logs\n',
    'ARG ROOT\nENV ROOT=${ROOT}\n',
    'ENV ROOT /srv\nENV ROOT=$ROOT/x\n',
    'FROM debian\nENV ROOT=/srv LOGS=ROOT/$ROOTDIR/ROOT\n',
    'FROM debian\nENV PATH=/opt/bin:$PATH\n',
    'FROM debian\nENV A=1\nENV B=$A\n',
    'FROM debian\nARG A=1\nENV A=2 B=$A\n',
    'FROM debian AS base\nENV A=1\nFROM base\nENV A=2 B=$A\n',
    "FROM debian\nENV A=1 B='$A' C=\\$A\n",
    'FROM debian\nENV A=1 B=$AB\n',
    'FROM debian\nENV A $A:x\n'
  ]
})

describeRule(DL3045, {
  catches: [
    ['FROM debian\nCOPY app.py app/\n', [2]],
    ['FROM debian AS a\nWORKDIR /src\nFROM debian\nCOPY . .\n', [4]],
    ['FROM debian\nCOPY x .\nWORKDIR /app\nCOPY y .\n', [2]],
    // Before any FROM too, as hadolint lints every instruction.
    ['COPY conf.d conf\nFROM debian\n', [1]]
  ],
  passes: [
    'FROM debian\nWORKDIR /app\nCOPY . .\n',
    'FROM debian\nCOPY app.py /app/\n',
    'FROM debian\nCOPY app.py $APP_HOME\n',
    'FROM mcr.microsoft.com/windows\nCOPY app.exe C:\\\\app\\\\\n',
    'FROM mcr.microsoft.com/windows\nCOPY app.exe "d:\\\\tools\\\\app.exe"\n',
    'FROM debian AS base\nWORKDIR /app\nFROM base\nCOPY . .\n',
    'FROM debian\nADD x y\n'
  ]
})

describeRule(DL3057, {
  catches: [
    ['FROM debian\nRUN x\n', [1]],
    ['FROM debian AS build\nHEALTHCHECK CMD true\nFROM debian\nCMD ["x"]\n', [3]],
    // Each stage without one, as hadolint reports them: a builder stage too.
    ['FROM golang AS build\nRUN go build\nFROM debian\nHEALTHCHECK CMD true\n', [1]],
    // One branch of a split chain ends without one: that branch is reported, the shared base is not.
    ['FROM debian AS base\nFROM base AS web\nHEALTHCHECK NONE\nFROM base AS job\nRUN x\n', [4]],
    ['FROM debian AS a\nFROM debian AS b\nFROM b\n', [1, 2, 3]]
  ],
  passes: [
    'FROM debian\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM debian\nHEALTHCHECK NONE\n',
    'FROM debian AS base\nHEALTHCHECK CMD true\nFROM base\nCMD ["x"]\n',
    // Inherited through a chain of stages.
    'FROM debian AS base\nHEALTHCHECK CMD true\nFROM base AS mid\nRUN x\nFROM mid\nCMD ["x"]\n',
    'FROM debian AS base\nHEALTHCHECK NONE\nFROM base AS a\nFROM base AS b\n',
    // A stage that only serves as the base of one with a HEALTHCHECK is not an image of its own.
    'FROM debian AS base\nFROM base\nHEALTHCHECK CMD true\n',
    'FROM debian AS a\nFROM a AS b\nFROM b\nHEALTHCHECK CMD true\n'
  ]
})

describeRule(DL3059, {
  catches: [
    ['FROM debian\nRUN a\nRUN b\n', [3]],
    ['FROM debian\nRUN a\n# why\nRUN b\nRUN c\n', [4, 5]],
    ['FROM debian\nRUN --mount=type=cache,target=/c a\nRUN --mount=type=cache,target=/c b\n', [3]],
    // Before any FROM too, as hadolint lints every instruction.
    ['RUN ./one.sh\nRUN ./two.sh\n', [2]],
    // A chained RUN breaks the run of single commands; the two after it are still a pair.
    ['FROM debian\nRUN a && b\nRUN c\nRUN d\n', [4]],
    // Exec form and a one-line heredoc are one command each.
    ['FROM debian\nRUN ["a"]\nRUN <<EOF\nb\nEOF\n', [3]]
  ],
  passes: [
    'FROM debian\nRUN a\nWORKDIR /x\nRUN b\n',
    'FROM debian\nRUN a && b && c\nRUN d\n',
    // Two commands already chained (either side) mean the split was deliberate.
    'FROM debian\nRUN a && b\nRUN c\n',
    'FROM debian\nRUN c\nRUN a; b\n',
    'FROM debian\nRUN a | b\nRUN c\n',
    'FROM debian\nRUN --mount=type=secret,id=a x\nRUN --mount=type=secret,id=b y\n',
    'FROM debian\nRUN a\nONBUILD RUN b\n',
    'FROM debian\nRUN --mount=type=secret,id=t a\nRUN b\n',
    'FROM debian AS one\nRUN a\nFROM debian\nRUN b\n'
  ]
})

describeRule(DL3061, {
  catches: [
    ['LABEL a=b\nFROM debian\n', [1]],
    ['# comment\nARG V=1\nRUN x\nFROM debian:$V\n', [3]]
  ],
  passes: ['# syntax=docker/dockerfile:1\n# c\nARG V=1\nFROM debian:$V\nRUN x\n', 'FROM debian\nLABEL a=b\n']
})

describeRule(DL3063, {
  catches: [
    ['FROM debian\nRUN make\n', [1]],
    // The final image is judged: a USER in a builder stage does not reach it.
    ['FROM debian AS build\nUSER builder\nRUN make\nFROM debian\nCOPY --from=build /out /out\n', [4]]
  ],
  passes: [
    'FROM debian\nUSER 10001\n',
    'FROM debian\nUSER app:app\nCMD ["app"]\n',
    // Inherited from the stage the final one is built FROM.
    'FROM debian AS base\nUSER app\nFROM base\nCMD ["app"]\n'
  ]
})

describeRule(DL3064, {
  catches: [
    ['FROM debian\nARG GITHUB_TOKEN\n', [2]],
    ['ARG NPM_TOKEN\nFROM debian\nENV DB_PASSWORD=x APP=1\n', [1, 3]],
    ['FROM debian\nENV awsSecretAccessKey=abc\nARG API_KEY=x\n', [2, 3]],
    // Named like a credential, its value not a path: the value may be the secret itself.
    ['FROM debian\nARG GOOGLE_APPLICATION_CREDENTIALS\n', [2]],
    ['FROM debian\nENV GOOGLE_APPLICATION_CREDENTIALS={"type":"service_account"}\n', [2]],
    ['FROM debian\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/gcp.json DB_PASSWORD=hunter22\n', [2]]
  ],
  passes: [
    'FROM debian\nARG VERSION=1\nENV PATH=/x:$PATH PWD=/app\n',
    // A literal path to a credentials file says where the secret is, not what it is.
    'FROM debian\nENV GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/gcp/key.json\n',
    'FROM debian\nARG GOOGLE_APPLICATION_CREDENTIALS="/run/secrets/gcp.json"\n',
    'FROM debian\nENV AWS_SHARED_CREDENTIALS=~/.aws/credentials API_TOKEN=./certs/token\n',
    'FROM debian\nENV PASSWORD_FILE=/run/secrets/db TOKENIZERS_PARALLELISM=false\n',
    'FROM debian\nARG KEYBOARD_LAYOUT=us\nENV MONKEY=1\n'
  ]
})

describeRule(DL3065, {
  catches: [
    ['FROM --platform=$TARGETPLATFORM debian\n', [1]],
    ['FROM --platform=$BUILDPLATFORM golang AS b\nFROM --platform=${TARGETPLATFORM} debian\n', [2]]
  ],
  passes: ['FROM --platform=$BUILDPLATFORM golang\n', 'FROM --platform=linux/amd64 debian\n', 'FROM debian\n']
})

describeRule(DL3066, {
  catches: [
    ['FROM debian\nUSER app\n', [2]],
    ['FROM debian AS base\nUSER app:app\nFROM base\nUSER 1000:app\n', [2]],
    // Every USER, as hadolint checks them: a builder stage's and one before any FROM too.
    ['FROM debian AS build\nUSER builder\nFROM debian\nUSER 10001\n', [2]],
    ['USER app:staff\n', [1]],
    ['FROM debian\nONBUILD USER app\n', [2]]
  ],
  passes: [
    'FROM debian\nUSER 10001:10001\n',
    'FROM debian\nUSER $APP_UID\n',
    'FROM debian\nUSER root\nRUN x\nUSER 10001\n',
    'USER 10001:staff\n'
  ]
})

describeRule(DL3067, {
  catches: [
    ['FROM debian AS build\nRUN make\nFROM scratch\nCOPY --from=build / /\n', [4]],
    ['FROM scratch\nCOPY --from=alpine:3.20 /. /\n', [2]],
    ['FROM debian AS build\nFROM scratch\nCOPY --from=build "/" "/"\n', [3]],
    ['COPY --from=build / /\n', [1]],
    ['FROM scratch\nONBUILD COPY --from=alpine:3.20 / /\n', [2]]
  ],
  passes: [
    'FROM debian AS build\nRUN make\nFROM scratch\nCOPY --from=build /out/app /app\n',
    'FROM scratch AS artifacts\nCOPY app /app\nFROM debian\nCOPY --from=artifacts / /\n',
    'FROM debian\nCOPY / /x/\n',
    // Only `/` onto `/` is the whole filesystem over the image (hadolint's reading).
    'FROM scratch\nCOPY --from=alpine:3.20 / /rootfs/\n',
    'FROM debian AS build\nFROM scratch\nCOPY --from=build /app /\n',
    'COPY / /\n'
  ]
})

describeRule(DL4000, {
  catches: [
    ['FROM debian\nMAINTAINER me@example.com\n', [2]],
    ['FROM debian AS a\nFROM debian\nmaintainer x\n', [3]]
  ],
  passes: ['FROM debian\nLABEL org.opencontainers.image.authors="me@example.com"\n']
})

describeRule(DL4003, {
  catches: [
    ['FROM debian\nCMD ["a"]\nCMD ["b"]\n', [3]],
    ['FROM debian\nCMD a\nRUN x\nCMD b\nCMD c\n', [4, 5]]
  ],
  passes: [
    'FROM debian AS a\nCMD ["a"]\nFROM debian\nCMD ["b"]\n',
    'FROM debian\nENTRYPOINT ["x"]\nCMD ["a"]\n'
  ]
})

describeRule(DL4004, {
  catches: [['FROM debian\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', [3]]],
  passes: ['FROM debian AS a\nENTRYPOINT ["a"]\nFROM debian\nENTRYPOINT ["b"]\n']
})

describe('helpers', () => {
  test.each([
    ['$A', ['A']],
    ['${A}/x', ['A']],
    ['"${A:-d}" $B_C', ['A', 'B_C']],
    ["'$A' \\$B", []],
    ['"it\'s $A"', ['A']]
  ])('expandedNames(%j)', (raw, names) => {
    expect(expandedNames(raw)).toEqual(names)
  })

  test.each([
    ['GITHUB_TOKEN', true],
    ['clientKey', true],
    ['DB_PASSWD', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['SECRET_PATH', false],
    ['TOKENIZERS_PARALLELISM', false],
    ['KEY_ID', false],
    ['USERNAME', false]
  ])('looksSensitive(%j) is %j', (name, sensitive) => {
    expect(looksSensitive(name)).toBe(sensitive)
  })
})

describe('stage attribution', () => {
  test('hits carry the stage index and the instruction lines', () => {
    const found = hits(DL4003, 'FROM debian AS a\nFROM debian\nCMD a\nCMD b \\\n  c\n')
    expect(found).toEqual([{ line: 4, endLine: 5, stage: 1, message: expect.any(String) }])
  })

  test('preamble hits have no stage', () => {
    const [hit] = hits(DL3061, 'RUN x\nFROM debian\n')
    expect(hit).toBeDefined()
    expect(hit!.stage).toBeUndefined()
  })

  test('DL3057 follows the build target', () => {
    const model = 'FROM debian AS app\nHEALTHCHECK CMD true\nFROM debian AS debug\n'
    expect(hits(DL3057, model).map(hit => hit.line)).toEqual([3])
    expect(hits(DL3057, model, {}, 'app')).toEqual([])
  })
})
