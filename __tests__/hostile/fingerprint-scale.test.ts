// 20k RUNs with a finding each: the fingerprint looks each finding's
// instruction up in an index built once per model (it rebuilt the instruction
// list per finding: 50 s). Doubling the RUNs at most ~2.5x the time.
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { fingerprintFindings, instructionTextFromModels } from '../../src/report/fingerprint.js'
import { runsWithFindings } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

it('finds the instruction of every finding, continuation lines included', () => {
  const { source, findings } = runsWithFindings(4)
  const text = instructionTextFromModels([parseDockerfile(source, { path: 'Dockerfile' })])
  expect(findings.map(finding => text('Dockerfile', finding.line as number))).toEqual([
    'RUN apt-get install -y curl0 && true',
    'RUN echo 1',
    'RUN apt-get install -y curl2 && true',
    'RUN echo 3'
  ])
  expect(text('Dockerfile', 3)).toBe('RUN apt-get install -y curl0 && true')
  expect(text('Dockerfile', 99)).toBeUndefined()
  expect(text('Other', 2)).toBeUndefined()
  expect(new Set(fingerprintFindings(findings, 'Dockerfile', text)).size).toBe(4)
})

it('fingerprints findings in time linear in the RUNs', async () => {
  const growth = await measureGrowth('fingerprintRuns', 10_000, 20_000, { bound: 2.5 })
  expect(growth.ratio).toBeLessThan(2.5)
}, 300_000)
