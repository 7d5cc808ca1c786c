// The smoke run through a docker runner that answers as the docker CLI
// does (run blocks until the container ends, inspect tells its state, rm
// --force ends the run), so every outcome can be played: exit 0, a start
// failure, still running, a slow create, an engine error, a hang.
import type { BuildxRunner, ExecOptions, ExecResult } from '../../src/build/buildx.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatJson } from '../../src/report/json.js'
import type { Report } from '../../src/report/report.js'
import { smokeLine, startupSummary } from '../../src/report/startup.js'
import { renderSummary } from '../../src/report/summary.js'
import { sampleFindings, sampleImage, sampleModel } from '../report/fixtures.js'
import { outputRedactor, runSmoke, smokeArgs, smokeImage } from '../../src/smoke/run.js'

interface Script {
  /** How the container ends by itself: after `afterPolls` inspects, with this result. */
  exit?: { afterPolls: number; exitCode: number; stdout?: string[]; stderr?: string[] }
  /** Inspects that say "no such container" first (a slow create). */
  absentPolls?: number
  /** Seconds the container has been running when inspect first sees it. */
  runningFor?: number
}

function fakeDocker(script: Script, clock: { now: number }) {
  const calls: string[][] = []
  let polls = 0
  let end: ((result: ExecResult) => void) | undefined
  let options: ExecOptions = {}
  const runner: BuildxRunner = {
    exec(args, execOptions = {}) {
      calls.push(args)
      if (args[0] === 'run') {
        options = execOptions
        return new Promise(resolve => {
          end = resolve
        })
      }
      if (args[0] === 'container' && args[1] === 'inspect') {
        polls++
        clock.now += 500
        const exit = script.exit
        if (exit && polls >= exit.afterPolls) {
          for (const line of exit.stdout ?? []) options.onStdout?.(line)
          for (const line of exit.stderr ?? []) options.onStderr?.(line)
          end?.({
            exitCode: exit.exitCode,
            stdout: (exit.stdout ?? []).join('\n'),
            stderr: (exit.stderr ?? []).join('\n')
          })
          return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'Error: No such container' })
        }
        if (polls <= (script.absentPolls ?? 0))
          return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'Error: No such container' })
        const startedAt = new Date(clock.now - (script.runningFor ?? 0) * 1000).toISOString()
        return Promise.resolve({ exitCode: 0, stdout: `true ${startedAt}\n`, stderr: '' })
      }
      if (args[0] === 'rm') {
        end?.({ exitCode: 137, stdout: '', stderr: '' })
        return Promise.resolve({ exitCode: 0, stdout: args[2] ?? '', stderr: '' })
      }
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' })
    }
  }
  return { runner, calls }
}

async function smoke(script: Script, extra: { env?: string[]; maxSeconds?: number } = {}) {
  const clock = { now: 1_000_000 }
  const docker = fakeDocker(script, clock)
  const result = await runSmoke(docker.runner, {
    image: 'app:1',
    user: '65532',
    startSeconds: 5,
    pollMs: 1,
    now: () => clock.now,
    ...extra
  })
  return { result, calls: docker.calls }
}

describe('runSmoke', () => {
  it('runs the hardened docker run as the USER', () => {
    expect(smokeArgs('app:1', '65532', 'n')).toEqual([
      'run',
      '--rm',
      '--name',
      'n',
      '--pull',
      'never',
      '--network',
      'none',
      '--read-only',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--user',
      '65532',
      'app:1'
    ])
    expect(smokeArgs('app:1', '', 'n')).not.toContain('--user')
  })

  it('counts an exit 0 as started, with the output', async () => {
    const { result } = await smoke({ exit: { afterPolls: 1, exitCode: 0, stdout: ['hello'] } })
    expect(result).toMatchObject({ ran: true, started: true, exitCode: 0, output: ['hello'] })
    expect(result.running).toBeUndefined()
  })

  it('counts a start failure as not started, with docker’s message', async () => {
    const { result } = await smoke({
      exit: { afterPolls: 2, exitCode: 127, stderr: ['exec /app: no such file or directory'] }
    })
    expect(result).toMatchObject({
      started: false,
      exitCode: 127,
      output: ['exec /app: no such file or directory']
    })
  })

  it('counts still running after the window as started, and removes the container', async () => {
    const { result, calls } = await smoke({ runningFor: 6 })
    expect(result).toMatchObject({ ran: true, started: true, exitCode: null, running: true })
    const name = calls[0]?.[3]
    expect(calls.at(-1)).toEqual(['rm', '--force', name])
  })

  it('measures the window from the engine’s start time, not from docker run (a slow create)', async () => {
    // Absent for 20 polls (10 s of our clock), then running for 0 s: not yet "started".
    const { result, calls } = await smoke({
      absentPolls: 20,
      runningFor: 0,
      exit: { afterPolls: 24, exitCode: 1 }
    })
    expect(result).toMatchObject({ started: false, exitCode: 1 })
    expect(calls.filter(args => args[0] === 'container')).toHaveLength(24)
  })

  it('gives up, inconclusive, when it never starts', async () => {
    const { result, calls } = await smoke({ absentPolls: 1000 }, { maxSeconds: 5 })
    expect(result).toMatchObject({ ran: true, started: null, error: 'it did not start within 5 s' })
    expect(calls.at(-1)?.[0]).toBe('rm')
  })

  it('reports an engine error as "did not run", not as the image failing', async () => {
    const { result } = await smoke({
      exit: {
        afterPolls: 1,
        exitCode: 125,
        stderr: ['docker: Cannot connect to the Docker daemon at unix:///x.']
      }
    })
    expect(result).toMatchObject({ ran: false, started: null, exitCode: null })
    expect(result.error).toContain('Cannot connect to the Docker daemon')
  })

  it('redacts secret-looking ENV values and known token formats from the output', async () => {
    const token = 'ghp_' + 'Z9y8'.repeat(9)
    const { result } = await smoke(
      {
        exit: {
          afterPolls: 1,
          exitCode: 1,
          stderr: ['db password hunter2-long', `token ${token}`, '\u001b[31mred\u001b[0m']
        }
      },
      { env: ['DB_PASSWORD=hunter2-long', 'PATH=/bin'] }
    )
    expect(result.output).toEqual(['db password ***', 'token ghp_****…(40 chars)', 'red'])
    expect(JSON.stringify(result)).not.toContain('hunter2')
  })

  it('keeps only the last 20 lines', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`)
    const { result } = await smoke({ exit: { afterPolls: 1, exitCode: 0, stdout: lines } })
    expect(result.output).toEqual(lines.slice(30))
  })
})

describe('smokeImage', () => {
  it('does not run what the local engine does not hold', async () => {
    const { runner, calls } = fakeDocker({}, { now: 0 })
    const result = await smokeImage(runner, 'oci-layout:/tmp/x', { User: '1' })
    expect(result).toMatchObject({ ran: false, started: null })
    expect(result.error).toContain('not an image in the local engine')
    expect(calls).toEqual([])
  })

  it('turns a runner error into a result, not a throw', async () => {
    const runner: BuildxRunner = { exec: () => Promise.reject(new Error('"docker" was not found on PATH')) }
    const result = await smokeImage(runner, 'app:1', {})
    expect(result).toMatchObject({ ran: false, error: '"docker" was not found on PATH' })
  })

  it('outputRedactor ignores short and non-secret values', () => {
    const redact = outputRedactor(['API_KEY=ab', 'HOME=/root', 'SECRET_TOKEN=longvalue'])
    expect(redact('ab /root longvalue')).toBe('ab /root ***')
  })
})

describe('startup summary lines', () => {
  const base = { command: ['/app'], user: '65532' }
  it.each([
    [{ ran: false, started: null, exitCode: null }, 'smoke run: not run'],
    [{ ran: true, started: true, exitCode: 0 }, 'smoke run: started (exit 0)'],
    [{ ran: true, started: false, exitCode: 127 }, 'smoke run: failed (exit 127)'],
    [
      { ran: true, started: true, exitCode: null, running: true, seconds: 5.4 },
      'smoke run: started (still running after 5.4 s, then stopped)'
    ],
    [
      { ran: true, started: null, exitCode: null, error: 'it did not start within 120 s' },
      'smoke run: inconclusive (it did not start within 120 s)'
    ]
  ])('%j → %s', (smoke, line) => {
    expect(smokeLine(smoke)).toBe(line)
  })

  it('says whether it is expected to start, why not, and whether the smoke run agreed', () => {
    const failing = startupSummary({
      ...base,
      expected: false,
      reasons: [
        {
          ruleId: 'SG2040',
          severity: 'error',
          impact: 'start',
          message: 'ENTRYPOINT runs /app, which is not in the image',
          line: 7
        }
      ],
      smoke: { ran: true, started: false, exitCode: 127, output: ['exec /app: no such file or directory'] }
    }).join('\n')
    expect(failing).toContain('**Startup:** ❌ not expected to start')
    expect(failing).toContain('<code>SG2040</code> (line 7): ENTRYPOINT runs /app')
    expect(failing).toContain('smoke run: failed (exit 127) — as predicted')
    expect(failing).toContain('exec /app: no such file or directory')
    const work = startupSummary({
      ...base,
      expected: false,
      reasons: [{ ruleId: 'SG2044', severity: 'warning', impact: 'work', message: 'HTTPS calls will fail' }],
      smoke: { ran: true, started: true, exitCode: 0 }
    }).join('\n')
    expect(work).toContain('expected to start, but not to do its basic work')
    expect(work).toContain('**not as predicted**')
    const fine = startupSummary({
      ...base,
      expected: true,
      reasons: [],
      smoke: { ran: false, started: null, exitCode: null }
    })
    expect(fine).toEqual([
      '**Startup:** ✅ expected to start under the hardened smoke run (<code>\\["/app"\\]</code>)'
    ])
  })
})

describe('the job summary', () => {
  it('puts the startup verdict near the top, before the counts', () => {
    const report = buildReport({
      dockerfile: 'Dockerfile',
      model: sampleModel(),
      findings: sampleFindings(),
      image: {
        ...sampleImage(),
        startup: {
          expected: false,
          command: ['/app'],
          user: '65532',
          reasons: [
            {
              ruleId: 'SG2042',
              severity: 'error',
              impact: 'start',
              message: '#!/bin/bash has no bash',
              line: 9
            }
          ],
          smoke: { ran: true, started: false, exitCode: 127 }
        }
      },
      toolVersion: '0.0.0'
    })
    const summary = renderSummary(report, { failOn: 'error' })
    const startup = summary.indexOf('**Startup:** ❌ not expected to start')
    expect(startup).toBeGreaterThan(0)
    expect(startup).toBeLessThan(summary.indexOf('| Errors | Warnings | Notes |'))
    expect(summary).toContain('smoke run: failed (exit 127) — as predicted')
    expect((JSON.parse(formatJson(report)) as Report).image?.startup?.reasons[0]?.ruleId).toBe('SG2042')
  })
})
