import { SG2010, SG2011 } from '../../src/checks/rules/permissions.js'
import { ImageBuilder, dir, symlink } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const dockerfile =
  'FROM stagegate-fixture/busybox:latest\nCOPY app /app\nRUN chmod u+s /app && chmod 777 /data\n'

describe('SG2010 setuid and setgid', () => {
  it.each([
    ['setuid', 0o4755, 'setuid'],
    ['setgid', 0o2755, 'setgid'],
    ['both', 0o6755, 'setuid and setgid']
  ])('catches %s files at the layer that set the bit', (_name, mode, words) => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('COPY app /app # buildkit', { '/app': { content: 'x', mode: 0o755 } })
      .layer('RUN /bin/sh -c chmod u+s /app && chmod 777 /data # buildkit', {
        '/app': { content: 'x', mode }
      })
      .build()
    const findings = runOne(SG2010, index, { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2010', severity: 'warning', line: 3, stage: 0, layer: 2, path: '/app' }
    ])
    expect(findings[0]?.message).toContain(`is ${words};`)
  })

  it('is not raised for a setgid directory or ordinary files', () => {
    const index = new ImageBuilder()
      .layer('X', { '/var/local': dir(0o2775), '/app': { content: 'x', mode: 0o755 } })
      .build()
    expect(runOne(SG2010, index)).toEqual([])
  })
})

describe('SG2011 world-writable', () => {
  it('catches a 0777 directory and a 0666 file of one layer as one finding, both as evidence', () => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('COPY app /app # buildkit')
      .layer('RUN /bin/sh -c chmod u+s /app && chmod 777 /data # buildkit', {
        '/data': dir(0o777),
        '/data/log': { content: 'x', mode: 0o666 }
      })
      .build()
    const findings = runOne(SG2011, index, { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2011', severity: 'warning', line: 3, stage: 0, layer: 2, path: '/data' }
    ])
    expect(findings[0]).toMatchObject({ count: 2, evidence: '/data (mode 0777), /data/log (mode 0666)' })
  })

  it.each([
    ['/tmp with the sticky bit', { '/tmp': dir(0o1777) }],
    ['a symlink (always 0777)', { '/bin/sh': symlink('busybox') }],
    ['a group-writable dir', { '/srv': dir(0o775) }],
    [
      'device nodes such as /dev/null (0666 by design)',
      { '/dev/null': { type: 'other' as const, mode: 0o666 } }
    ]
  ])('is not raised for %s', (_name, entries) => {
    expect(runOne(SG2011, new ImageBuilder().layer('X', entries).build())).toEqual([])
  })
})
