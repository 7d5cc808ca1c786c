// One policy engine for lint and image checks: config ignore and severity by
// id or alias (any case), pragmas on the finding's line, merged findings
// silenced by any of their ids; an image check that throws becomes a notice.
import type { ImageCheck } from '../../src/checks/check.js'
import { runImageChecksDetailed } from '../../src/checks/run.js'
import { ALL_RULES } from '../../src/catalog.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { lintModelDetailed } from '../../src/lint/engine.js'
import { createPolicy } from '../../src/policy.js'
import type { Config } from '../../src/config.js'
import { ImageBuilder, config, dir, exe } from './support/image-builder.js'

const DOCKERFILE = `FROM stagegate-fixture/busybox:latest
# stagegate ignore=SG2011
RUN mkdir /data && chmod 777 /data
RUN mkdir /tmp2 && chmod 777 /tmp2
`

function policyOf(overrides: Partial<Config>, dockerfile?: string): ReturnType<typeof createPolicy> {
  return createPolicy({
    config: config(overrides),
    rules: ALL_RULES,
    ...(dockerfile ? { model: parseDockerfile(dockerfile, { path: 'Dockerfile' }) } : {})
  })
}

describe('createPolicy', () => {
  it.each<[string, Partial<Config>, string, boolean]>([
    ['an image id', { ignore: ['SG2003'] }, 'SG2003', true],
    ['an image id in lower case', { ignore: ['sg2003'] }, 'SG2003', true],
    ['a lint id', { ignore: ['DL3008'] }, 'DL3008', true],
    ['a BuildKit alias, any case', { ignore: ['jsonargsrecommended'] }, 'DL3025', true],
    ['severity off', { severity: { Sg2010: 'off' } }, 'SG2010', true],
    ['another id', { ignore: ['SG2003'] }, 'SG2010', false],
    ['nothing configured', {}, 'SG2003', false]
  ])('config: %s', (_name, overrides, ruleId, skipped) => {
    expect(policyOf(overrides).skips(ruleId)).toBe(skipped)
    expect(policyOf(overrides).silences({ ruleId })).toBe(skipped)
  })

  it.each<[string, Partial<Config>, string, string]>([
    ['by id', { severity: { SG2010: 'error' } }, 'SG2010', 'error'],
    ['by alias, any case', { severity: { secretsusedinargorenv: 'error' } }, 'DL3064', 'error'],
    ['unset: the default', {}, 'SG2010', 'warning']
  ])('severity %s', (_name, overrides, ruleId, severity) => {
    expect(policyOf(overrides).severityOf(ruleId, 'warning')).toBe(severity)
  })

  it.each<[string, { ruleId: string; line?: number; also?: string[]; relatedLines?: number[] }, boolean]>([
    ['the image id on the line the pragma covers', { ruleId: 'SG2011', line: 3 }, true],
    ['the image id on the next RUN', { ruleId: 'SG2011', line: 4 }, false],
    ['a merged finding whose also names it', { ruleId: 'DL3000', line: 3, also: ['SG2011'] }, true],
    ['a finding whose related line it covers', { ruleId: 'SG2011', line: 9, relatedLines: [3] }, true],
    ['a finding without a line', { ruleId: 'SG2011' }, false]
  ])('pragmas: %s', (_name, finding, silenced) => {
    expect(policyOf({}, DOCKERFILE).silences(finding)).toBe(silenced)
  })

  it('a global pragma silences a finding with no line; a merged finding goes when config ignores any of its ids', () => {
    const global = policyOf({}, 'FROM x\n# hadolint global ignore=sg2014\nUSER 1\n')
    expect(global.silences({ ruleId: 'SG2014' })).toBe(true)
    expect(policyOf({ ignore: ['SG2005'] }).silences({ ruleId: 'DL3064', also: ['SG1006', 'SG2005'] })).toBe(
      true
    )
  })
})

describe('the policy in the image phase', () => {
  const index = new ImageBuilder()
    .layer('COPY busybox /bin/busybox # buildkit', { '/bin/busybox': exe('bb') })
    .layer('RUN /bin/sh -c mkdir /data && chmod 777 /data # buildkit', { '/data': dir(0o777) })
    .layer('RUN /bin/sh -c mkdir /tmp2 && chmod 777 /tmp2 # buildkit', { '/tmp2': dir(0o777) })
    .build()
  const model = parseDockerfile(DOCKERFILE, { path: 'Dockerfile' })

  it('a pragma silences an image finding on its line, and the runner keeps it aside for the merge', () => {
    const result = runImageChecksDetailed(index, { model, config: config() })
    const sg2011 = result.findings.filter(finding => finding.ruleId === 'SG2011')
    expect(sg2011.map(finding => [finding.line, finding.path])).toEqual([[4, '/tmp2']])
    expect(
      result.silenced.filter(finding => finding.ruleId === 'SG2011').map(finding => finding.line)
    ).toEqual([3])
  })

  it('config ignore by alias-free id in any case, and severity overrides, apply to image checks', () => {
    const ignored = runImageChecksDetailed(index, { model, config: config({ ignore: ['sg2011'] }) })
    expect(ignored.findings.some(finding => finding.ruleId === 'SG2011')).toBe(false)
    const raised = runImageChecksDetailed(index, { model, config: config({ severity: { sg2011: 'error' } }) })
    expect(raised.findings.find(finding => finding.ruleId === 'SG2011')?.severity).toBe('error')
  })

  it('a check that throws becomes one notice; the other checks still report', () => {
    const broken: ImageCheck = {
      id: 'SG2999',
      aliases: [],
      severity: 'error',
      phase: 'image',
      summary: 'throws',
      run: () => {
        throw new Error('cannot read ghp_' + 'A1b2'.repeat(9))
      }
    }
    const fine: ImageCheck = { ...broken, id: 'SG2998', run: () => [{ message: 'still here' }] }
    const result = runImageChecksDetailed(index, { config: config(), checks: [broken, fine] })
    expect(result.findings.map(finding => finding.message)).toEqual(['still here'])
    expect(result.notices).toEqual([
      expect.stringMatching(/^image check SG2999 failed on .*: cannot read ghp_\*{4}/)
    ])
    expect(result.notices[0]).not.toContain('A1b2A1b2')
  })

  it('lint accepts an image check id in a pragma (no SG1000) and keeps what it silenced for the merge', () => {
    // DL3007 (`:latest`) fires on line 1; the config ignores it (DL3059 no longer fires here: its
    // two RUNs each chain two commands, which hadolint takes as a deliberate split).
    const lint = lintModelDetailed(model, { config: config({ ignore: ['DL3007'] }), keepSilenced: true })
    expect(lint.findings.some(finding => finding.ruleId === 'SG1000')).toBe(false)
    expect(lint.findings.some(finding => finding.ruleId === 'DL3007')).toBe(false)
    expect(lint.silenced?.some(finding => finding.ruleId === 'DL3007')).toBe(true)
    const unknown = lintModelDetailed(
      parseDockerfile('FROM x\n# stagegate ignore=SG2990\nUSER 1\n', { path: 'Dockerfile' }),
      {
        config: config()
      }
    )
    expect(unknown.findings.map(finding => finding.ruleId)).toContain('SG1000')
  })
})
