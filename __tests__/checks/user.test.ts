import { SG2003, SG2013 } from '../../src/checks/rules/user.js'
import { ImageBuilder } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/sbin/nologin\n'
const GROUP = 'root:x:0:\napp:x:1000:\nstaff:x:50:\n'

function image(user: string | undefined, files: Record<string, string> = {}): ImageBuilder {
  return new ImageBuilder()
    .layer('COPY app /app # buildkit', { '/app': 'app', ...files })
    .config(user === undefined ? {} : { User: user })
}

describe('SG2003 runs as root', () => {
  it.each([
    ['no USER at all', undefined, 'FROM scratch\nCOPY app /app\n', 1],
    ['an empty User', '', 'FROM scratch\nCOPY app /app\n', 1],
    ['USER root', 'root', 'FROM scratch\nCOPY app /app\nUSER root\n', 3],
    ['USER 0', '0', 'FROM scratch\nCOPY app /app\nUSER 0\n', 3],
    ['USER 0:0', '0:0', 'FROM scratch\nCOPY app /app\nUSER 0:0\n', 3],
    ['USER root:app', 'root:app', 'FROM scratch\nCOPY app /app\nUSER root:app\n', 3]
  ])('catches %s at the line to fix', (_name, user, dockerfile, line) => {
    const index = image(user).build()
    expect(where(runOne(SG2003, index, { dockerfile }))).toEqual([
      { ruleId: 'SG2003', severity: 'warning', line, stage: 0 }
    ])
  })

  it('points at the USER of the stage the final stage is built from', () => {
    const dockerfile = 'FROM scratch AS base\nUSER root\nFROM base\nCOPY app /app\n'
    expect(where(runOne(SG2003, image('root').build(), { dockerfile }))).toEqual([
      { ruleId: 'SG2003', severity: 'warning', line: 2, stage: 0 }
    ])
  })

  it.each([['65532'], ['1000:1000'], ['app'], ['nobody:nogroup'], ['rootless']])(
    'is not raised for USER %s',
    user => {
      expect(runOne(SG2003, image(user).build())).toEqual([])
    }
  )
})

describe('SG2013 unknown user or group', () => {
  const dockerfile = 'FROM scratch\nCOPY app /app\nUSER app\n'

  it('catches a named user when the image has no /etc/passwd (scratch), at the USER line', () => {
    const findings = runOne(SG2013, image('app').build(), { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2013', severity: 'error', line: 3, stage: 0, path: '/etc/passwd' }
    ])
    expect(findings[0]?.evidence).toBe('/etc/passwd is missing')
  })

  it('catches a user absent from /etc/passwd and a group absent from /etc/group', () => {
    const index = image('deploy:ops', { '/etc/passwd': PASSWD, '/etc/group': GROUP }).build()
    expect(runOne(SG2013, index).map(finding => [finding.path, finding.evidence])).toEqual([
      ['/etc/group', 'group ops not in /etc/group'],
      ['/etc/passwd', 'user deploy not in /etc/passwd']
    ])
  })

  it.each([
    ['a numeric uid without passwd', '65532', {}],
    ['numeric uid:gid without passwd', '1000:1000', {}],
    ['a user defined in passwd', 'app', { '/etc/passwd': PASSWD }],
    ['user and group defined', 'app:staff', { '/etc/passwd': PASSWD, '/etc/group': GROUP }],
    ['named user with a numeric group', 'app:50', { '/etc/passwd': PASSWD }],
    ['no USER', undefined, {}]
  ])('is not raised for %s', (_name, user, files) => {
    expect(runOne(SG2013, image(user, files).build())).toEqual([])
  })

  it('does not guess when /etc/passwd was only partly read', () => {
    const huge = 'x'.repeat(70 * 1024) + '\n' + PASSWD
    expect(runOne(SG2013, image('app', { '/etc/passwd': huge }).build())).toEqual([])
  })
})
