// shellcheck given a 100k-line script grew to 8 GB: its time and memory grow
// about quadratically with one script, so a RUN body is given to it only up
// to DEFAULT_LIMITS (300 lines, 16 KiB); a longer one is skipped with a
// notice that says it was too long to check. Runs the real shellcheck.
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { DEFAULT_LIMITS, runShellcheckBatch } from '../../src/lint/shellcheck.js'

/** A RUN chaining `lines` commands, the shape shellcheck is slowest on. */
const chainedRun = (lines: number): string =>
  'FROM debian:bookworm\nRUN echo $small\nRUN true && \\\n' +
  Array.from({ length: lines }, (_, i) => `    [ -f $V${i} ] || cd d${i} && \\`).join('\n') +
  '\n    true\n'

it('skips a 5,000-line RUN with a notice and still checks the others', async () => {
  const model = parseDockerfile(chainedRun(5_000), { path: 'Dockerfile' })
  const [outcome] = await runShellcheckBatch([model])
  expect(outcome?.notices).toEqual([
    `shellcheck skipped the RUN at line 3: more than ${DEFAULT_LIMITS.maxBodyLines} lines or 16 KiB of script, too big to check`
  ])
  expect(outcome?.findings.map(finding => `${finding.ruleId}@${finding.line}`)).toContain('SC2086@2')
})

it('still checks a RUN just under the limit', async () => {
  const model = parseDockerfile(chainedRun(DEFAULT_LIMITS.maxBodyLines - 10), { path: 'Dockerfile' })
  const [outcome] = await runShellcheckBatch([model])
  expect(outcome?.notices).toEqual([])
  expect(outcome?.findings.some(finding => finding.line !== undefined && finding.line > 3)).toBe(true)
})
