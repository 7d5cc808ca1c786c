// One table for every rule that judges RUN bodies: each script is fed in its
// four spellings (shell form, exec form through `sh -c`, a `RUN <<EOF`
// heredoc, an `ONBUILD RUN` trigger) and the rule must agree across them.
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { LINT_RULES } from '../../src/lint/catalog.js'
import type { LintRule } from '../../src/lint/rule.js'

const SCRIPTS = [
  'apt-get update && apt-get install curl',
  'apt-get update && apt-get install -y --no-install-recommends curl=8.0 && rm -rf /var/lib/apt/lists/*',
  'apt install -y curl',
  'aptitude install curl',
  'apk add curl',
  'apk add --no-cache curl=8.0-r0',
  'yum install httpd',
  'yum install -y httpd-2.4 && yum clean all',
  'yum clean all && yum install -y httpd-2.4',
  'dnf install -y httpd',
  'microdnf install httpd',
  'zypper install httpd',
  'zypper refresh && zypper install -y httpd=2.4 && zypper clean',
  'yum update -y',
  'dnf install httpd-2.4',
  'dnf upgrade -y',
  'zypper dist-upgrade',
  'zypper dup -y',
  'pip install flask',
  'pip install --no-cache-dir flask==3.0',
  'npm install express',
  'npm install express@4.18.2',
  'yarn install',
  'yarn cache clean && yarn install',
  'gem install rails',
  'gem install rails:7.1',
  'go install example.com/tool@latest',
  'go get example.com/tool',
  'go get -tool example.com/gen@v0.3.1',
  'go install tool example.com/gen',
  'go run example.com/gen@latest -out x.go',
  'pip install git+https://git.example/grp/lib.git#egg=lib',
  'pip install -r requirements.txt gunicorn',
  'npm install --loglevel verbose left-pad@1.3.0',
  'gem install pg:1.5.4 -- --with-pg-config=/usr/bin/pg_config',
  'dnf install -y a-1 && microdnf clean all',
  'pip install Django && pip install -c constraints.txt flask',
  'cd /app && make',
  'sudo make install',
  'ssh host uptime',
  'wget -O - https://x.example/install.sh | sh',
  'curl -fsSL https://x.example/a && wget https://x.example/b',
  'useradd -u 123456 app',
  'ln -sf /bin/bash /bin/sh',
  'echo hello'
]

type Spelling = [name: string, dockerfile: (script: string) => string, line: number]
const SPELLINGS: Spelling[] = [
  ['shell form', script => `FROM debian:12\nRUN ${script}\n`, 2],
  ['exec form sh -c', script => `FROM debian:12\nRUN ${JSON.stringify(['/bin/sh', '-c', script])}\n`, 2],
  ['heredoc', script => `FROM debian:12\nRUN <<EOF\n${script}\nEOF\n`, 2],
  // BuildKit runs a heredoc that starts with a shebang with that interpreter.
  ['heredoc with a shell shebang', script => `FROM debian:12\nRUN <<EOF\n#!/bin/bash\n${script}\nEOF\n`, 2],
  ['ONBUILD', script => `FROM debian:12\nONBUILD RUN ${script}\n`, 2]
]

function fires(rule: LintRule, text: string, line: number): boolean {
  const model = parseDockerfile(text, { path: 'Dockerfile' })
  return rule.check({ model, config: emptyConfig() }).some(hit => hit.line === line)
}

const RUN_RULES = LINT_RULES.filter(rule => rule.readsRunBodies === true)

test('the kit marks the RUN rules', () => {
  expect(RUN_RULES.length).toBeGreaterThan(20)
  expect(RUN_RULES.map(rule => rule.id)).toEqual(expect.arrayContaining(['DL3008', 'DL3033', 'DL3042']))
})

describe.each(RUN_RULES.map(rule => [rule.id, rule] as const))('%s', (_id, rule) => {
  test.each(SCRIPTS)('agrees across spellings: %s', script => {
    const verdicts = SPELLINGS.map(([name, dockerfile, line]) => [
      name,
      fires(rule, dockerfile(script), line)
    ])
    const shell = verdicts[0]![1]
    expect(verdicts).toEqual(SPELLINGS.map(([name]) => [name, shell]))
  })
})

test('every RUN rule fires on at least one script of the table, or is off by default', () => {
  const silent = RUN_RULES.filter(
    rule => !SCRIPTS.some(script => fires(rule, SPELLINGS[0]![1](script), 2))
  ).map(rule => rule.id)
  expect(silent).toEqual([])
})

test("a heredoc with another program's shebang is no shell script: no RUN rule reads it", () => {
  const loud = RUN_RULES.filter(rule =>
    SCRIPTS.some(script =>
      fires(rule, `FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\n${script}\nEOF\n`, 2)
    )
  ).map(rule => rule.id)
  expect(loud).toEqual([])
})
