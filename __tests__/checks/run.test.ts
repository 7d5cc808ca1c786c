import { expect } from '@jest/globals'
import { CAPTURE_LIMITS, IMAGE_CAPTURE } from '../../src/checks/capture.js'
import { IMAGE_CHECKS } from '../../src/checks/catalog.js'
import { globToRegExp, isAllowedPath } from '../../src/checks/glob.js'
import { runImageChecks } from '../../src/checks/run.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { ImageBuilder, config, exe, symlink } from './support/image-builder.js'

const dockerfile = 'FROM stagegate-fixture/busybox:latest\nCOPY app /app\nRUN chmod 4755 /app\n'
function image(): ReturnType<ImageBuilder['build']> {
  return new ImageBuilder()
    .layer('COPY busybox /bin/busybox # buildkit', {
      '/bin/busybox': exe('bb'),
      '/bin/sh': symlink('busybox')
    })
    .layer('COPY app /app # buildkit', { '/app': exe('app') })
    .layer('RUN |1 PASSWORD=hunter22 /bin/sh -c chmod 4755 /app # buildkit', { '/app': exe('app', 0o4755) })
    .with({ efficiency: 0.99 })
    .build()
}
const model = parseDockerfile(dockerfile, { path: 'Dockerfile' })

describe('runImageChecks', () => {
  it('fills file, line, stage, layer (digest, redacted createdBy) and path, sorted most severe first', () => {
    const findings = runImageChecks(image(), { model, config: config(), file: 'app/Dockerfile' })
    expect(findings.map(finding => [finding.ruleId, finding.severity, finding.line])).toEqual([
      ['SG2005', 'error', 3],
      ['SG2001', 'warning', 1],
      ['SG2003', 'warning', 1],
      // The test image sets no ENTRYPOINT or CMD.
      ['SG2040', 'warning', 1],
      ['SG2010', 'warning', 3],
      ['SG2009', 'note', 2],
      ['SG2008', 'note', 3]
    ])
    const setuid = findings.find(finding => finding.ruleId === 'SG2010')
    expect(setuid).toEqual({
      ruleId: 'SG2010',
      severity: 'warning',
      message: expect.stringContaining('/app is setuid'),
      file: 'app/Dockerfile',
      line: 3,
      stage: { index: 0, final: true },
      layer: {
        index: 2,
        digest: `sha256:${'2'.padStart(64, '0')}`,
        createdBy: 'RUN |1 PASSWORD=**** /bin/sh -c chmod 4755 /app # buildkit'
      },
      path: '/app',
      evidence: '/app (setuid, mode 4755, owner 0:0)'
    })
    expect(JSON.stringify(findings)).not.toContain('hunter22')
  })

  it('applies ignore (ids, any case), severity overrides and off', () => {
    const findings = runImageChecks(image(), {
      model,
      config: config({ ignore: ['sg2001'], severity: { SG2010: 'error', SG2008: 'off', SG2003: 'note' } })
    })
    expect(findings.map(finding => [finding.ruleId, finding.severity])).toEqual([
      ['SG2005', 'error'],
      ['SG2010', 'error'],
      ['SG2040', 'warning'],
      ['SG2003', 'note'],
      ['SG2009', 'note']
    ])
  })

  it('keeps a hit that asks for less at most that severe under an override', () => {
    const mixed = {
      id: 'SG2998',
      aliases: [],
      severity: 'error' as const,
      phase: 'image' as const,
      summary: 'a check with an aggregate note',
      run: () => [{ message: 'real problem' }, { message: 'aggregate', severity: 'note' as const }]
    }
    const run = (severity: Record<string, 'error' | 'warning' | 'note'>): string[] =>
      runImageChecks(new ImageBuilder().build(), { config: config({ severity }), checks: [mixed] }).map(
        finding => `${finding.message}:${finding.severity}`
      )
    expect(run({})).toEqual(['real problem:error', 'aggregate:note'])
    expect(run({ SG2998: 'warning' })).toEqual(['real problem:warning', 'aggregate:note'])
  })

  it('drops hits on allowed paths', () => {
    const findings = runImageChecks(image(), {
      model,
      config: config({ allow: { paths: ['/bin/**', '/app'] } })
    })
    expect(findings.map(finding => finding.ruleId)).toEqual(['SG2005', 'SG2003', 'SG2040', 'SG2008'])
  })

  it('works without a Dockerfile: layer and path, no line or stage', () => {
    const findings = runImageChecks(image(), { config: config() })
    const shell = findings.find(finding => finding.ruleId === 'SG2001')
    expect(shell?.line).toBeUndefined()
    expect(shell?.stage).toBeUndefined()
    expect(shell?.file).toBeUndefined()
    expect(shell?.layer?.index).toBe(0)
    expect(shell?.path).toBe('/bin/sh')
  })
})

describe('IMAGE_CHECKS', () => {
  it('lists SG2000-SG2022 and the startup checks SG2040-SG2046 once each, in order, all image-phase with a summary', () => {
    expect(IMAGE_CHECKS.map(check => check.id)).toEqual([
      ...Array.from({ length: 23 }, (_, i) => `SG20${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 7 }, (_, i) => `SG20${40 + i}`)
    ])
    for (const check of IMAGE_CHECKS) {
      expect(check.phase).toBe('image')
      expect(check.summary.length).toBeGreaterThan(10)
    }
  })
})

describe('allow.paths globs', () => {
  it.each([
    ['/etc/ssl/certs/**', '/etc/ssl/certs/ca.pem', true],
    ['/etc/ssl/certs/**', '/etc/ssl/certs', true],
    ['/etc/ssl/certs/**', '/etc/ssl/certsx', false],
    ['/etc/ssl/certs/**', '/etc/ssl/certs/a/b.pem', true],
    ['/app/*.pem', '/app/x.pem', true],
    ['/app/*.pem', '/app/sub/x.pem', false],
    ['/app/**/test/*.key', '/app/test/a.key', true],
    ['/app/**/test/*.key', '/app/x/y/test/a.key', true],
    ['/bin/s?', '/bin/sh', true],
    ['/a.b', '/axb', false]
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected)
  })

  it('is false for an empty list', () => {
    expect(isAllowedPath([], '/x')).toBe(false)
  })
})

describe('IMAGE_CAPTURE', () => {
  it.each([
    ['/etc/passwd', 1000, 0o644, 1000],
    ['/etc/group', 200_000, 0o644, CAPTURE_LIMITS.accounts],
    ['/etc/ld.so.conf.d/x86_64-linux-gnu.conf', 100, 0o644, 100],
    ['/root/.npmrc', 50, 0o600, 50],
    ['/app/.env.production', 50, 0o644, 50],
    ['/home/u/.ssh/id_ed25519', 400, 0o600, 400],
    ['/root/.docker/config.json', 300, 0o600, 300],
    ['/srv/tls/server.key', 3000, 0o600, 3000],
    ['/app/package.json', 2000, 0o644, 2000],
    ['/app/node_modules/x/package.json', 2000, 0o644, 0],
    ['/usr/bin/bash', 1_200_000, 0o755, CAPTURE_LIMITS.packagedExecutable],
    ['/usr/local/bin/server', 1_200_000, 0o755, CAPTURE_LIMITS.executable],
    ['/app/server', 30_000, 0o755, 30_000],
    ['/app/config.yml', 500, 0o644, 500],
    ['/app/deep/dir/tree/config.yml', 500, 0o644, 0],
    ['/usr/share/doc/x/config.json', 500, 0o644, 0],
    ['/app/huge.json', 1_000_000, 0o644, 0],
    ['/usr/lib/x86_64-linux-gnu/libc.so.6', 2_000_000, 0o644, 0],
    ['/var/log/dpkg.log', 5000, 0o644, 0],
    ['/app/empty', 0, 0o755, 0]
  ])('%s (%d bytes, mode %o) → %d', (path, size, mode, expected) => {
    expect(IMAGE_CAPTURE(path, size, mode)).toBe(expected)
  })
})

describe('runImageChecks redaction safety net', () => {
  it('scrubs token formats a check might have put in a message or evidence', () => {
    const token = 'ghp_' + 'Z9y8'.repeat(9)
    const leaky = {
      id: 'SG2999',
      aliases: [],
      severity: 'error' as const,
      phase: 'image' as const,
      summary: 'a check that forgets to redact',
      run: () => [{ message: `found ${token}`, evidence: `value ${token}` }]
    }
    const [finding] = runImageChecks(new ImageBuilder().build(), { config: config(), checks: [leaky] })
    expect(finding?.message).toBe('found ghp_****…(40 chars)')
    expect(finding?.evidence).toBe('value ghp_****…(40 chars)')
  })
})
