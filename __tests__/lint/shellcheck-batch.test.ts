// shellcheck over a whole lint run: one batch for every RUN of every
// Dockerfile, each finding mapped back to its Dockerfile, line and column;
// ENV/ARG scope as Docker has it (SC2086 only for real shell variables); no
// SC1101 for a continuation with trailing blanks; batches split by argv and
// size; oversize bodies skipped with a notice. Runs the real shellcheck.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import {
  DEFAULT_LIMITS,
  findOnPath,
  modelRunScripts,
  planBatches,
  runShellcheckBatch,
  shellScripts,
  type ShellScript
} from '../../src/lint/shellcheck.js'

const parse = (text: string, path = 'Dockerfile') => parseDockerfile(text, { path })
const at = (findings: { ruleId: string; line?: number; column?: number }[]) =>
  findings.map(f => `${f.ruleId}@${f.line}:${f.column}`).sort()

test('shellcheck is installed for these tests (apt-get install shellcheck)', () => {
  expect(findOnPath('shellcheck')).toBeDefined()
})

describe('ENV/ARG scope per stage (what the RUN may read unquoted)', () => {
  test.each([
    ['ARG in the stage', 'FROM a\nARG V\nRUN echo $V\n', ['V']],
    [
      'ENV in the stage, both forms',
      'FROM a\nENV A=1 B=2\nENV C some value\nRUN echo $A $B $C\n',
      ['A', 'B', 'C']
    ],
    ['a global ARG is not in scope unless redeclared', 'ARG G=1\nFROM a\nRUN echo $G\n', []],
    ['a global ARG redeclared in the stage is', 'ARG G=1\nFROM a\nARG G\nRUN echo $G\n', ['G']],
    ['FROM an earlier stage inherits its ENV', 'FROM a AS base\nENV E=1\nFROM base\nRUN echo $E\n', ['E']],
    ['... but not its ARG', 'FROM a AS base\nARG R\nFROM base\nRUN echo $R\n', []],
    [
      'ENV inherited through two stages',
      'FROM a AS one\nENV E=1\nFROM one AS two\nFROM two\nRUN echo $E\n',
      ['E']
    ],
    ['an unrelated stage inherits nothing', 'FROM a AS one\nENV E=1\nFROM b\nRUN echo $E\n', []],
    ['an ENV after the RUN is not in scope for it', 'FROM a\nRUN echo $L\nENV L=1\n', []],
    [
      'Docker predefined proxy ARGs are',
      'FROM a\nRUN echo $HTTP_PROXY $no_proxy\n',
      ['HTTP_PROXY', 'no_proxy']
    ]
  ])('%s', (_name, text, declared) => {
    const [script] = shellScripts(parse(text))
    const header = script!.text.split('\n').slice(1, script!.headerLines).join(' ')
    const names =
      header === ''
        ? []
        : header
            .replace(/^export /, '')
            .split(' ')
            .map(word => word.replace(/=1$/, ''))
    expect(names.sort()).toEqual([...declared].sort())
  })

  test('modelRunScripts gives a line for every script line, and the vars in scope', () => {
    const [run] = modelRunScripts(parse('FROM a\nENV E=1\nRUN echo 1 && \\\n    echo $E\n'))
    expect(run!.lineNumbers).toEqual([3, 4])
    expect(run!.lines).toHaveLength(2)
    expect(run!.vars).toContain('E')
  })
})

describe('one batch, mapped back', () => {
  test('several Dockerfiles: every finding lands in its own file at its line and column', async () => {
    const one = parse(
      [
        'FROM debian AS build', // 1
        'ENV PREFIX=/opt', // 2
        'ARG VERSION', // 3
        'RUN ./configure --prefix=$PREFIX && \\', // 4  (ENV in scope: no SC2086)
        '    make VERSION=$VERSION && \\', // 5      (ARG in scope: no SC2086)
        '    for f in $(ls); do echo $f; done' // 6  real shell variable: SC2086 at column 29
      ].join('\n'),
      'one/Dockerfile'
    )
    const two = parse(
      [
        'FROM alpine', // 1
        'RUN <<EOF', // 2
        'set -e', // 3
        'cd /tmp', // 4
        'echo `date`', // 5  SC2006 at column 6
        'EOF', // 6
        'FROM alpine', // 7
        'RUN echo $HOME_DIR' // 8  a new stage: no ENV/ARG in scope, SC2086 at column 10
      ].join('\n'),
      'two/Dockerfile'
    )
    const three = parse('FROM a\nRUN echo "clean"\n', 'three/Dockerfile')
    const [a, b, c] = await runShellcheckBatch([one, two, three])
    expect(a!.notices).toEqual([])
    expect(at(a!.findings).filter(f => f.startsWith('SC2086'))).toEqual(['SC2086@6:29'])
    expect(at(a!.findings)).toEqual(expect.arrayContaining(['SC2045@6:14']))
    expect(at(b!.findings)).toEqual(expect.arrayContaining(['SC2006@5:6', 'SC2086@8:10']))
    expect(c!.findings).toEqual([])
  })

  test('a continuation with trailing blanks after the backslash is joined: no SC1101', async () => {
    const text = 'FROM a\nRUN apt-get update && \\   \n    apt-get install -y curl && \\\t\n    echo done\n'
    // The raw lines do end in "\   ", which is what shellcheck would complain about.
    expect(text.split('\n')[1]).toMatch(/\\ +$/)
    const [outcome] = await runShellcheckBatch([parse(text)])
    expect(outcome!.findings.map(f => f.ruleId)).not.toContain('SC1101')
    const [script] = shellScripts(parse(text))
    expect(script!.text).not.toMatch(/\\[ \t]+\n/)
  })

  test('continuation, comment and blank lines inside a RUN keep every later line in place', async () => {
    const text = [
      'FROM a', // 1
      'RUN --mount=type=cache,target=/root/.cache \\', // 2
      '    true && \\', // 3
      '# a comment Docker drops', // 4
      '', // 5
      '    x=1 && \\', // 6
      '\techo $y' // 7  tab counts as one column: $y at 7
    ].join('\n')
    const [outcome] = await runShellcheckBatch([parse(text)])
    expect(at(outcome!.findings)).toEqual(expect.arrayContaining(['SC2154@7:7', 'SC2086@7:7']))
  })

  test('ONBUILD RUN is checked with its columns; exec-form ONBUILD RUN is not', async () => {
    const [outcome] = await runShellcheckBatch([
      parse('FROM a\nONBUILD RUN echo $later\nONBUILD RUN ["echo", "$x"]\nONBUILD COPY . /app\n')
    ])
    expect(at(outcome!.findings)).toEqual(expect.arrayContaining(['SC2086@2:18']))
    expect(outcome!.findings.every(f => f.line === 2)).toBe(true)
  })

  test('a UTF-8 body is read as UTF-8; columns count characters, not bytes', async () => {
    const [outcome] = await runShellcheckBatch([parse('FROM a\nRUN echo "héllo ✓" $z\n')])
    expect(outcome!.notices).toEqual([])
    expect(at(outcome!.findings)).toEqual(expect.arrayContaining(['SC2086@2:20']))
  })

  test('identical bodies in different Dockerfiles are checked once and reported in each', async () => {
    const body = 'FROM a\nRUN echo $u\n'
    const outcomes = await runShellcheckBatch([parse(body, 'a'), parse(body, 'b')])
    expect(outcomes.map(outcome => at(outcome.findings).filter(f => f.startsWith('SC2086')))).toEqual([
      ['SC2086@2:10'],
      ['SC2086@2:10']
    ])
    const plan = planBatches(
      [parse(body, 'a'), parse(body, 'b')].flatMap((model, index) =>
        shellScripts(model).map(script => ({ model: index, script }))
      ),
      DEFAULT_LIMITS
    )
    expect(plan.batches.flat()).toHaveLength(1)
  })
})

describe('batches stay within argv and size budgets', () => {
  const fake = (lines: number, bytes: number): ShellScript => ({
    text: 'x'.repeat(bytes),
    dialect: 'sh',
    headerLines: 1,
    lineNumbers: Array.from({ length: lines }, (_v, i) => i + 1),
    firstLine: 1,
    lastLine: lines,
    stage: 0,
    bytes
  })

  test('200,000 RUNs split by argv length: no batch near ARG_MAX, every RUN in exactly one batch', () => {
    const scripts = Array.from({ length: 200_000 }, (_v, i) => ({
      model: i % 7,
      script: { ...fake(3, 40), text: `echo ${i}` }
    }))
    const plan = planBatches(scripts, DEFAULT_LIMITS)
    expect(plan.skipped).toEqual([])
    expect(plan.batches.length).toBeGreaterThan(1)
    for (const batch of plan.batches) {
      const argv = batch.reduce((sum, entry) => sum + Buffer.byteLength(entry.name) + 1, 0)
      expect(argv).toBeLessThanOrEqual(DEFAULT_LIMITS.maxArgvBytes)
    }
    expect(plan.batches.reduce((sum, batch) => sum + batch.length, 0)).toBe(200_000)
  })

  test.each([
    ['bytes per batch', { maxBatchBytes: 1000 }, 12, fake(2, 300), 4],
    ['lines per batch', { maxBatchLines: 10 }, 20, fake(4, 10), 10],
    ['argv per batch', { maxArgvBytes: 12 }, 6, fake(1, 10), 3],
    [
      'a body that alone exceeds the batch budget still gets its own call',
      { maxBatchBytes: 10 },
      3,
      fake(1, 50),
      3
    ]
  ])('%s', (_name, limits, count, script, batches) => {
    const plan = planBatches(
      Array.from({ length: count }, (_v, i) => ({ model: 0, script: { ...script, text: `${i}` } })),
      { ...DEFAULT_LIMITS, parallel: 1, ...limits }
    )
    expect(plan.batches).toHaveLength(batches)
  })

  test('the work is shared between the cores once there is enough of it', () => {
    const scripts = Array.from({ length: 100 }, (_v, i) => ({
      model: 0,
      script: { ...fake(2, 100), text: `${i}` }
    }))
    expect(planBatches(scripts, { ...DEFAULT_LIMITS, parallel: 2 }).batches).toHaveLength(2)
    expect(planBatches(scripts.slice(0, 5), { ...DEFAULT_LIMITS, parallel: 2 }).batches).toHaveLength(1)
  })

  test('a real run over several small batches maps every finding back', async () => {
    const models = Array.from({ length: 6 }, (_v, i) =>
      parse(`FROM a\nRUN echo $v${i}\nRUN echo ok${i}\n`, `f${i}`)
    )
    const outcomes = await runShellcheckBatch(models, { limits: { maxArgvBytes: 8, parallel: 2 } })
    outcomes.forEach((outcome, i) => {
      expect(outcome.notices).toEqual([])
      expect(at(outcome.findings).filter(f => f.startsWith('SC2086'))).toEqual(['SC2086@2:10'])
      expect(outcome.findings.every(f => f.line === 2)).toBe(true)
      expect(models[i]!.path).toBe(`f${i}`)
    })
  })
})

describe('what shellcheck is not given, and when it fails', () => {
  test('an oversize body is skipped with a notice naming its line; the others are checked', async () => {
    const huge = Array.from({ length: 50 }, (_v, i) => `    echo ${i} && \\`).join('\n')
    const model = parse(`FROM a\nRUN echo $small\nRUN true && \\\n${huge}\n    true\n`)
    const [outcome] = await runShellcheckBatch([model], { limits: { maxBodyLines: 20 } })
    expect(outcome!.notices).toEqual([
      expect.stringMatching(/^shellcheck skipped the RUN at line 3: more than 20 lines/)
    ])
    expect(at(outcome!.findings)).toEqual(expect.arrayContaining(['SC2086@2:10']))
  })

  test('shellcheck that hangs is killed at the timeout: a notice, no findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-sc-hang-'))
    try {
      const binary = join(dir, 'shellcheck')
      writeFileSync(binary, '#!/bin/sh\nexec sleep 30\n')
      chmodSync(binary, 0o755)
      const started = Date.now()
      const [outcome] = await runShellcheckBatch([parse('FROM a\nRUN echo $x\n')], {
        binary,
        limits: { timeoutMs: 300 }
      })
      expect(outcome!.findings).toEqual([])
      expect(outcome!.notices).toEqual(['shellcheck failed: timed out after 300 ms: SC checks skipped'])
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the scripts live in a private temp dir that is gone afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-sc-spy-'))
    try {
      const binary = join(dir, 'shellcheck')
      // Records its working directory and the mode of it, then answers like shellcheck.
      writeFileSync(binary, `#!/bin/sh\nstat -c '%a %n' "$PWD" > ${dir}/seen\necho '{"comments":[]}'\n`)
      chmodSync(binary, 0o755)
      await runShellcheckBatch([parse('FROM a\nRUN echo $x\n')], { binary })
      const [mode, path] = readFileSync(join(dir, 'seen'), 'utf8').trim().split(' ')
      expect(mode).toBe('700')
      expect(() => readFileSync(join(path!, '0.sh'))).toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
