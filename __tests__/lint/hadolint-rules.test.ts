// Every hadolint rule of the kit (DL1001, DL3xxx, DL4xxx) at once: its id and
// default severity, its metadata, which are off by default, its docs page and
// that page's examples, and that no odd or broken Dockerfile makes it throw.
// Each rule's own cases are in the test file of its topic.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { df, hits } from './rule-cases.js'
import { HADOLINT_RULES } from './rule-sets.js'

// hadolint's default severities (info and style → note). DL3005 and DL3017 are
// retired in hadolint and not implemented; DL3031 and DL3039 are retired in
// hadolint and kept with their last severity, off by default.
const EXPECTED: Record<string, 'error' | 'warning' | 'note'> = {
  DL1001: 'note',
  DL3000: 'error',
  DL3001: 'note',
  DL3002: 'warning',
  DL3003: 'warning',
  DL3004: 'error',
  DL3006: 'warning',
  DL3007: 'warning',
  DL3008: 'warning',
  DL3009: 'note',
  DL3010: 'note',
  DL3011: 'error',
  DL3012: 'error',
  DL3013: 'warning',
  DL3014: 'warning',
  DL3015: 'note',
  DL3016: 'warning',
  DL3018: 'warning',
  DL3019: 'note',
  DL3020: 'error',
  DL3021: 'error',
  DL3022: 'warning',
  DL3023: 'error',
  DL3024: 'error',
  DL3025: 'warning',
  DL3026: 'error',
  DL3027: 'warning',
  DL3028: 'warning',
  DL3029: 'warning',
  DL3030: 'warning',
  DL3031: 'error',
  DL3032: 'warning',
  DL3033: 'warning',
  DL3034: 'warning',
  DL3035: 'warning',
  DL3036: 'warning',
  DL3037: 'warning',
  DL3038: 'warning',
  DL3039: 'error',
  DL3040: 'warning',
  DL3041: 'warning',
  DL3042: 'warning',
  DL3043: 'error',
  DL3044: 'error',
  DL3045: 'warning',
  DL3046: 'warning',
  DL3047: 'note',
  DL3048: 'note',
  DL3049: 'note',
  DL3050: 'note',
  DL3051: 'warning',
  DL3052: 'warning',
  DL3053: 'warning',
  DL3054: 'warning',
  DL3055: 'warning',
  DL3056: 'warning',
  DL3057: 'note',
  DL3058: 'warning',
  DL3059: 'note',
  DL3060: 'note',
  DL3061: 'error',
  DL3062: 'warning',
  DL3063: 'note',
  DL3064: 'warning',
  DL3065: 'warning',
  DL3066: 'note',
  DL3067: 'warning',
  DL4000: 'error',
  DL4001: 'warning',
  DL4003: 'warning',
  DL4004: 'error',
  DL4005: 'warning',
  DL4006: 'warning'
}

const EACH_RULE = HADOLINT_RULES.map(rule => [rule.id, rule] as const)

describe('hadolint rules', () => {
  test('are every hadolint id, each once, in id order', () => {
    expect(HADOLINT_RULES.map(rule => rule.id)).toEqual(Object.keys(EXPECTED).sort())
  })

  test.each(EACH_RULE)('%s has its default severity and metadata', (id, rule) => {
    expect(rule.severity).toBe(EXPECTED[id])
    expect(rule.phase).toBe('dockerfile')
    expect(rule.aliases).toEqual([])
    expect(rule.summary.length).toBeGreaterThan(10)
  })

  test("hadolint's ignore-severity and retired rules are off by default, and only they", () => {
    const off = HADOLINT_RULES.filter(rule => rule.offByDefault === true).map(rule => rule.id)
    expect(off.sort()).toEqual(['DL1001', 'DL3031', 'DL3039', 'DL3057', 'DL3063'])
  })

  test.each(EACH_RULE)('%s passes a clean multi-stage Dockerfile', (_id, rule) => {
    // Nothing in this file should trouble any hadolint rule (all on, schema empty).
    const model = parseDockerfile(CLEAN, { path: 'Dockerfile' })
    expect(rule.check({ model, config: emptyConfig() })).toEqual([])
  })

  test('every message is one sentence that ends with a period', () => {
    const text = df(
      'FROM ubuntu AS a',
      'FROM ubuntu:latest AS a',
      'FROM --platform=linux/amd64 debian:12',
      'WORKDIR app',
      'USER root',
      'RUN sudo cd /x && apt install y && apt-get update && apt-get install z && pip install q && npm i w && apk add e && gem install r && yum install t && ps',
      'COPY a.tar b c',
      'RUN tar -xf a.tar',
      'ADD f /f',
      'EXPOSE 70000',
      'HEALTHCHECK NONE',
      'HEALTHCHECK NONE',
      'COPY --from=nowhere /x /x',
      'CMD run'
    )
    const found = HADOLINT_RULES.map(rule => ({
      id: rule.id,
      messages: hits(rule, text, { trustedRegistries: ['ghcr.io'] }).map(hit => hit.message)
    }))
    // The text trips (at least) these rules, so the check below reads their messages.
    expect(found.filter(rule => rule.messages.length > 0).map(rule => rule.id)).toEqual(
      expect.arrayContaining(
        ['DL3000', 'DL3001', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009']
          .concat(['DL3010', 'DL3011', 'DL3012', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018'])
          .concat(['DL3019', 'DL3020', 'DL3021', 'DL3022', 'DL3024', 'DL3025', 'DL3026', 'DL3027'])
          .concat(['DL3028', 'DL3029', 'DL3030', 'DL3032', 'DL3033', 'DL3042', 'DL3057'])
      )
    )
    for (const message of found.flatMap(rule => rule.messages)) expect(message).toMatch(/^[A-Z`].*\.$/)
  })
})

const CLEAN = `# A build that follows every hadolint rule.
ARG GO_VERSION=1.22
FROM golang:\${GO_VERSION} AS build
WORKDIR /src
# DL3057 judges every stage, as hadolint does: a builder states it has no health check.
HEALTHCHECK NONE
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN go install github.com/x/tool@v1.2.3 && curl -fsSL https://example.com/x | tar xz
COPY . .
RUN go build -o /out/app ./cmd/app

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="app"
RUN dnf install -y httpd-2.4.58 && dnf clean all && useradd -l -u 123456 app
COPY --from=build /out/app /usr/local/bin/app
HEALTHCHECK CMD ["/usr/local/bin/app", "health"]
USER 10001
ENTRYPOINT ["/usr/local/bin/app"]
`

describe('docs pages', () => {
  test.each(EACH_RULE)('%s has a docs page with the required sections and both ignore pragmas', id => {
    const path = join('docs', 'rules', `${id}.md`)
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(text.split('\n')[0]).toMatch(new RegExp(`^# ${id}: \\S`))
    for (const section of ['## Severity', '## Why', '## Bad', '## Good', '## How to ignore'])
      expect(text).toContain(section)
    expect(text).toContain(`# stagegate ignore=${id}`)
    expect(text).toContain(`# hadolint ignore=${id}`)
  })

  test.each(EACH_RULE)('%s: the bad example is caught, the good one passes', (id, rule) => {
    const text = readFileSync(join('docs', 'rules', `${id}.md`), 'utf8')
    const bad = example(text, 'Bad')
    const good = example(text, 'Good')
    // They are the page's first two examples.
    expect(examples(text).slice(0, 2)).toEqual([bad, good])
    const lint = (dockerfile: string) =>
      rule.check({
        model: parseDockerfile(dockerfile, { path: 'Dockerfile' }),
        config: exampleConfig(dockerfile)
      })
    expect(lint(bad).length).toBeGreaterThan(0)
    expect(lint(good)).toEqual([])
  })
})

/** Every `dockerfile` code block of a rule's docs page. */
function examples(text: string): string[] {
  return [...text.matchAll(/```dockerfile\n([\s\S]*?)```/g)].map(match => match[1] as string)
}

/** The `dockerfile` code block under a `## <heading>` of a rule's docs page. */
function example(text: string, heading: string): string {
  const section = text.split(`## ${heading}\n`)[1] ?? ''
  const block = /```dockerfile\n([\s\S]*?)```/.exec(section)?.[1]
  if (block === undefined) throw new Error(`no ${heading} example`)
  return block
}

/**
 * A docs example states its label schema in comments: `# label-schema: {...}`,
 * `# strict-labels: true`; `ghcr.io` is the trusted registry (DL3026's examples).
 */
function exampleConfig(dockerfile: string): Config {
  const config = emptyConfig()
  const schema = /^# label-schema: (.*)$/m.exec(dockerfile)?.[1]
  if (schema !== undefined) config.labelSchema = parseYaml(schema) as Record<string, string>
  config.strictLabels = /^# strict-labels: true$/m.test(dockerfile)
  config.trustedRegistries = ['ghcr.io']
  return config
}

describe('robustness', () => {
  /** Odd and broken Dockerfiles. */
  const odd = [
    '',
    '# only a comment\n',
    'FROM\n',
    'ONBUILD\nFROM a\nONBUILD\nONBUILD RUN\nONBUILD RUN ["yum", \n',
    'FROM a\nLABEL\nENV\nARG\nUSER\nCOPY\nCOPY x\nRUN\nSHELL\nSHELL []\nHEALTHCHECK\nCMD\nENTRYPOINT\n',
    'FROM a\nRUN ["unterminated\nRUN "quote\nRUN $(\nRUN <<EOF\nyum install x\n',
    'FROM a\nLABEL "k=v\nENV A="x B=$A\nLABEL =\nENV =x\n',
    'FROM a AS b\nFROM b AS c\nFROM c\nCOPY --from=c / /\nCOPY --from= / /\nCOPY --from=9 / /\n',
    '\u0000\u0001binary\uFFFD\n\tRUN \\\n',
    'RUN x\nARG\nLABEL a=b\n'
  ]
  // Deterministic pseudo-random Dockerfiles built from the pieces rules look at.
  const pieces = [
    'FROM',
    'FROM scratch',
    'FROM a AS b',
    'FROM b',
    'FROM $X',
    'FROM --platform=',
    'AS',
    'RUN',
    'RUN [',
    'RUN ["sh", "-c"]',
    'RUN <<EOF',
    'EOF',
    'ONBUILD RUN',
    'ONBUILD',
    'COPY',
    'COPY --from=',
    'COPY --from=0',
    'ADD',
    'USER',
    'USER :',
    'WORKDIR',
    'EXPOSE',
    'EXPOSE -',
    'EXPOSE /tcp',
    'HEALTHCHECK',
    'CMD',
    'ENTRYPOINT [',
    'SHELL ["pwsh"]',
    'SHELL []',
    'apt-get install',
    'sudo',
    'sudo -u',
    'env',
    'timeout',
    'pip install',
    'python -m',
    'npm i',
    'apk add -t',
    'gem install -v',
    'yum',
    '"',
    "'",
    '`',
    '$(',
    '${',
    ')',
    '}',
    '(',
    '{',
    '\\',
    '&&',
    '||',
    '|',
    ';',
    '#',
    '=',
    '@',
    ':',
    '/',
    '.tar',
    'constructor',
    '__proto__',
    '\n',
    '\n',
    '\n',
    ' ',
    ' ',
    ' '
  ]
  let seed = 12345
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const samples = Array.from({ length: 300 }, () =>
    Array.from({ length: 5 + random(60) }, () => pieces[random(pieces.length)] as string).join(
      random(2) ? ' ' : ''
    )
  )
  const models = [...odd, ...samples].map(text => parseDockerfile(text, { path: 'Dockerfile' }))
  // A label schema with strict labels, and trusted registries: the settings the rules read.
  const configs: Config[] = [
    { ...emptyConfig(), labelSchema: { a: 'url', k: 'semver', '': 'email' }, strictLabels: true },
    { ...emptyConfig(), trustedRegistries: ['docker.io'] }
  ]

  test.each(EACH_RULE)(
    `%s never throws on ${odd.length} odd and ${samples.length} pseudo-random Dockerfiles`,
    (_id, rule) => {
      for (const model of models)
        for (const config of configs)
          for (const hit of rule.check({ model, config })) {
            expect(hit.line).toBeGreaterThanOrEqual(1)
            expect(hit.endLine ?? hit.line).toBeGreaterThanOrEqual(hit.line)
          }
    }
  )
})
