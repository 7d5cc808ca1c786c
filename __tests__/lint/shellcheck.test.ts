import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import {
  findOnPath,
  runShellcheck,
  SHELLCHECK_MISSING_NOTICE,
  shellScripts
} from '../../src/lint/shellcheck.js'

const parse = (text: string) => parseDockerfile(text, { path: 'Dockerfile' })

describe('shellScripts keeps the Dockerfile line layout', () => {
  test.each([
    [
      'continuations, flags and an inner comment',
      'FROM debian\nRUN --mount=type=cache,target=/x \\\n    apt-get update && \\\n# note\n    echo $A\n',
      { firstLine: 2, lastLine: 5, body: ['\\', 'apt-get update && \\', '\\', 'echo $A'] }
    ],
    [
      'RUN <<EOF heredoc script',
      'FROM debian\nRUN <<EOF\nset -e\necho $B\nEOF\n',
      { firstLine: 3, lastLine: 4, body: ['set -e', 'echo $B'] }
    ]
  ])('%s', (_name, text, expected) => {
    const [script] = shellScripts(parse(text))
    expect(script).toBeDefined()
    expect([script!.firstLine, script!.lastLine]).toEqual([expected.firstLine, expected.lastLine])
    const body = script!.text.split('\n').slice(script!.headerLines, -1)
    expect(body.map(line => line.trim())).toEqual(expected.body.map(line => line.trim()))
  })

  test('dialect follows SHELL; exec form and non-POSIX shells are skipped', () => {
    const scripts = shellScripts(
      parse(
        'FROM a\nRUN echo 1\nSHELL ["/bin/bash", "-c"]\nRUN echo 2\nRUN ["echo", "3"]\nFROM b\nSHELL ["pwsh", "-c"]\nRUN Write-Host 4\n'
      )
    )
    expect(scripts.map(s => [s.firstLine, s.dialect])).toEqual([
      [2, 'sh'],
      [4, 'bash']
    ])
  })

  test('the hadolint shell pragma sets the dialect for the RUNs after it', () => {
    const scripts = shellScripts(
      parse(
        'FROM a\nRUN echo 1\n# hadolint shell=bash\nRUN echo 2\n# hadolint shell=powershell\nRUN Write-Host 3\n'
      )
    )
    expect(scripts.map(s => [s.firstLine, s.dialect])).toEqual([
      [2, 'sh'],
      [4, 'bash']
    ])
  })

  test('ENV and ARG names in scope that the body mentions are declared as hadolint does (NAME=1)', () => {
    const [script] = shellScripts(parse('ARG G=1\nFROM a\nARG X\nENV Y=2 Z=3\nRUN echo "$X" $Z $G\n'))
    const header = script!.text.split('\n').slice(0, script!.headerLines)
    // G is a global ARG the stage does not redeclare: not in scope. Y is not mentioned.
    expect(header).toEqual(['# shellcheck shell=sh', 'export X=1 Z=1'])
  })
})

describe('findOnPath', () => {
  test('finds an executable and misses what is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-path-'))
    try {
      writeFileSync(join(dir, 'tool'), '#!/bin/sh\n')
      chmodSync(join(dir, 'tool'), 0o755)
      expect(findOnPath('tool', dir)).toBe(join(dir, 'tool'))
      expect(findOnPath('not-a-tool', dir)).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('runShellcheck', () => {
  test('without shellcheck: one notice, no findings', async () => {
    const saved = process.env['PATH']
    process.env['PATH'] = '/nonexistent'
    try {
      const missing = await runShellcheck(parse('FROM a\nRUN echo $X\n'))
      expect(missing).toEqual({ findings: [], notices: [SHELLCHECK_MISSING_NOTICE] })
    } finally {
      process.env['PATH'] = saved
    }
  })

  const shellcheck = findOnPath('shellcheck')
  test('shellcheck is installed for these tests (apt-get install shellcheck)', () => {
    expect(shellcheck).toBeDefined()
  })

  test('maps SC findings to Dockerfile lines', async () => {
    const text = [
      'FROM debian', // 1
      'ARG VERSION', // 2
      'RUN --mount=type=cache,target=/var/cache/apt \\', // 3
      '    apt-get update && \\', // 4
      '# a comment inside the continuation', // 5
      '    echo $VERSION', // 6
      'RUN <<EOF', // 7
      'set -e', // 8
      'echo `date`', // 9
      'EOF', // 10
      'RUN echo "$UNSET_lower"' // 11
    ].join('\n')
    const outcome = await runShellcheck(parse(text))
    expect(outcome.notices).toEqual([])
    const pairs = outcome.findings.map(f => `${f.ruleId}@${f.line}`).sort()
    // $VERSION is the ARG in scope: not SC2086; $UNSET_lower is a real unset shell variable.
    expect(pairs).toEqual(expect.arrayContaining(['SC2006@9', 'SC2154@11']))
    expect(pairs).not.toContain('SC2086@6')
    for (const finding of outcome.findings) {
      expect(finding.line).toBeGreaterThanOrEqual(3)
      expect(finding.line).toBeLessThanOrEqual(11)
    }
    expect(outcome.findings.find(f => f.ruleId === 'SC2154')?.severity).toBe('warning')
  })

  test("a heredoc script's shebang picks its shell, as BuildKit runs it (ray's base-deps)", async () => {
    const text = [
      '# syntax=docker/dockerfile:1', // 1
      'FROM ubuntu:24.04', // 2
      'ARG V=1', // 3
      'RUN <<EOF', // 4
      '#!/bin/bash', // 5
      'A=(x y)', // 6
      'echo "${A[@]}" "$V"', // 7
      'EOF', // 8
      'RUN <<EOF', // 9
      '#!/usr/bin/env python3', // 10
      'print("not a shell script")', // 11
      'EOF' // 12
    ].join('\n')
    const scripts = shellScripts(parse(text))
    // The python script is not shell; the bash one is checked as bash.
    expect(scripts.map(s => [s.firstLine, s.dialect])).toEqual([[5, 'bash']])
    const outcome = await runShellcheck(parse(text))
    expect(outcome.notices).toEqual([])
    // No SC3030/SC3054 (arrays "undefined in POSIX sh"), no SC1128 (shebang not on the first line).
    expect(outcome.findings.map(f => `${f.ruleId}@${f.line}`)).toEqual([])
  })

  test('an unquoted shell variable is SC2086, a note', async () => {
    const outcome = await runShellcheck(parse('FROM a\nRUN x=$(date); echo $x\n'))
    expect(outcome.findings.find(f => f.ruleId === 'SC2086')?.severity).toBe('note')
  })

  test('a failing binary gives a notice, not an exception', async () => {
    const outcome = await runShellcheck(parse('FROM a\nRUN echo $X\n'), { binary: '/bin/false' })
    expect(outcome.findings).toEqual([])
    expect(outcome.notices[0]).toMatch(/^shellcheck failed: .*SC checks skipped$/)
  })
})
