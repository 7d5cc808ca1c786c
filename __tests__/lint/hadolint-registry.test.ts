import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { HADOLINT_B_OFF_BY_DEFAULT, HADOLINT_RULES_B } from './rule-sets.js'

// hadolint's default severities (info and style → note); DL3031/DL3039 are
// retired in hadolint and kept with their last severity, off by default.
const EXPECTED: Record<string, 'error' | 'warning' | 'note'> = {
  DL1001: 'note',
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

describe('HADOLINT_RULES_B', () => {
  test('has exactly the part-B ids, each once, in id order', () => {
    const ids = HADOLINT_RULES_B.map(rule => rule.id)
    expect(ids).toEqual(Object.keys(EXPECTED).sort())
  })

  test.each(HADOLINT_RULES_B.map(rule => [rule.id, rule] as const))(
    '%s has its default severity and metadata',
    (id, rule) => {
      expect(rule.severity).toBe(EXPECTED[id])
      expect(rule.phase).toBe('dockerfile')
      expect(rule.aliases).toEqual([])
      expect(rule.summary.length).toBeGreaterThan(10)
    }
  )

  test("hadolint's ignore-severity and retired rules are off by default", () => {
    expect([...HADOLINT_B_OFF_BY_DEFAULT].sort()).toEqual(['DL1001', 'DL3031', 'DL3039', 'DL3057', 'DL3063'])
  })

  test.each(HADOLINT_RULES_B.map(rule => [rule.id]))('%s has a docs page with the required sections', id => {
    const path = join('docs', 'rules', `${id}.md`)
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith(`# ${id}: `)).toBe(true)
    for (const section of ['## Severity', '## Why', '## Bad', '## Good', '## How to ignore'])
      expect(text).toContain(section)
    expect(text).toContain(`ignore=${id}`)
  })

  test.each(HADOLINT_RULES_B.map(rule => [rule.id, rule] as const))(
    '%s passes a clean multi-stage Dockerfile',
    (_id, rule) => {
      // Nothing in this file should trouble any part-B rule (all on, schema empty).
      const model = parseDockerfile(CLEAN, { path: 'Dockerfile' })
      expect(rule.check({ model, config: emptyConfig() })).toEqual([])
    }
  )
})

const CLEAN = `# A build that follows every part-B rule.
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

/** The `dockerfile` code block under a `## <heading>` of a rule's docs page. */
function example(text: string, heading: string): string {
  const section = text.split(`## ${heading}\n`)[1] ?? ''
  const block = /```dockerfile\n([\s\S]*?)```/.exec(section)?.[1]
  if (block === undefined) throw new Error(`no ${heading} example`)
  return block
}

/** A docs example states its label schema in comments: `# label-schema: {...}`, `# strict-labels: true`. */
function exampleConfig(dockerfile: string): Config {
  const config = emptyConfig()
  const schema = /^# label-schema: (.*)$/m.exec(dockerfile)?.[1]
  if (schema !== undefined) config.labelSchema = parseYaml(schema) as Record<string, string>
  config.strictLabels = /^# strict-labels: true$/m.test(dockerfile)
  return config
}

describe('docs examples', () => {
  test.each(HADOLINT_RULES_B.map(rule => [rule.id, rule] as const))(
    '%s: the bad example is caught, the good one passes',
    (id, rule) => {
      const text = readFileSync(join('docs', 'rules', `${id}.md`), 'utf8')
      const bad = example(text, 'Bad')
      const good = example(text, 'Good')
      const lint = (dockerfile: string) =>
        rule.check({
          model: parseDockerfile(dockerfile, { path: 'Dockerfile' }),
          config: exampleConfig(dockerfile)
        })
      expect(lint(bad).length).toBeGreaterThan(0)
      expect(lint(good)).toEqual([])
    }
  )
})

/** Odd and broken Dockerfiles: no part-B rule may throw on any of them. */
const ODD = [
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

describe('robustness', () => {
  const config = { ...emptyConfig(), labelSchema: { a: 'url', k: 'semver', '': 'email' }, strictLabels: true }
  test.each(ODD.map(text => [text]))('no rule throws on %j', text => {
    const model = parseDockerfile(text, { path: 'Dockerfile' })
    for (const rule of HADOLINT_RULES_B) {
      const hits = rule.check({ model, config })
      for (const hit of hits) expect(hit.line).toBeGreaterThanOrEqual(1)
    }
  })
})
