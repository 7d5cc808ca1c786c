import { buildReport } from '../../src/report/build-report.js'
import { redactReport, redactText } from '../../src/report/redact.js'

describe('redactText', () => {
  test.each([
    ['token abcd1234 here', ['abcd1234'], 'token *** here'],
    ['twice: s3cr3t s3cr3t', ['s3cr3t'], 'twice: *** ***'],
    ['short ab stays', ['ab'], 'short ab stays'],
    ['nothing', [], 'nothing']
  ])('%j with %j → %j', (text, secrets, expected) => {
    expect(redactText(text, secrets)).toBe(expected)
  })
})

describe('redactReport', () => {
  test('every string, nested, including each line of a multi-line secret; the original is untouched', () => {
    const key = '-----BEGIN KEY-----\nAAAABBBBCCCC\n-----END KEY-----'
    const report = buildReport({
      dockerfile: 'Dockerfile',
      toolVersion: '1',
      findings: [
        { ruleId: 'SG2005', severity: 'error', message: 'found AAAABBBBCCCC in /app', evidence: key }
      ],
      notices: ['pushed with hunter2hunter2'],
      build: { ok: false, error: 'auth hunter2hunter2 failed' }
    })
    const redacted = redactReport(report, [key, 'hunter2hunter2'])
    const text = JSON.stringify(redacted)
    expect(text).not.toMatch(/AAAABBBBCCCC|hunter2hunter2|BEGIN KEY/)
    expect(redacted.findings[0]?.message).toBe('found *** in /app')
    expect(redacted.build?.error).toBe('auth *** failed')
    expect(report.notices?.[0]).toBe('pushed with hunter2hunter2')
    expect(redacted.counts).toEqual(report.counts)
  })

  test('no secrets: the same object back', () => {
    const report = buildReport({ dockerfile: 'Dockerfile', toolVersion: '1', findings: [] })
    expect(redactReport(report, [])).toBe(report)
    expect(redactReport(report, ['ab'])).toBe(report)
  })
})
