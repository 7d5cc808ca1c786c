// The startup checks (SG2040–SG2046) and the verdict on hand-built images:
// tables of images each check must catch and twins it must pass, with the
// line and stage each finding points at.
import { SG2043 } from '../../src/checks/startup/binary-platform.js'
import { SG2041 } from '../../src/checks/startup/command-permission.js'
import { SG2040 } from '../../src/checks/startup/command-resolves.js'
import { imageIdentity, permits } from '../../src/checks/startup/identity.js'
import { SG2046 } from '../../src/checks/startup/non-root-writes.js'
import { envTarget, parseShebang, shellCommandName } from '../../src/checks/startup/analysis.js'
import {
  GO_BUILDINFO,
  GO_EMBEDDED_TZDATA,
  GO_LOAD_LOCATION,
  STARTUP_SCAN
} from '../../src/checks/startup/markers.js'
import { SG2042 } from '../../src/checks/startup/script-interpreter.js'
import { SG2045 } from '../../src/checks/startup/time-zones.js'
import { SG2044 } from '../../src/checks/startup/tls-roots.js'
import { predictStartup } from '../../src/checks/startup/verdict.js'
import type { ImageCheck } from '../../src/checks/check.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import type { ContainerConfig, ImageIndex } from '../../src/image/types.js'
import {
  ImageBuilder,
  config,
  dir,
  elfBinary,
  exe,
  symlink,
  type EntrySpec
} from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const STATIC = elfBinary()
const GLIBC = '/lib64/ld-linux-x86-64.so.2'
const DYNAMIC = elfBinary({ interpreter: GLIBC, needed: ['libc.so.6'] })
const AARCH64 = Buffer.from(STATIC)
AARCH64.writeUInt16LE(183, 18)

/** Two stages, the final one from scratch: COPY --from=build is line 5 and belongs to stage 0. */
const DOCKERFILE = `FROM stagegate-fixture/builder:latest AS build
RUN make

FROM scratch
COPY --from=build /out /
USER 65532
ENTRYPOINT ["/app"]
`

function image(
  files: Record<string, EntrySpec>,
  containerConfig: ContainerConfig,
  extra: Partial<ImageIndex> = {}
): ImageIndex {
  return new ImageBuilder()
    .layer('COPY /out / # buildkit', files)
    .empty('USER 65532')
    .empty('ENTRYPOINT ["/app"]')
    .config(containerConfig)
    .with({ platform: { os: 'linux', architecture: 'amd64' }, ...extra })
    .build()
}

interface Row {
  name: string
  files: Record<string, EntrySpec>
  config: ContainerConfig
  extra?: Partial<ImageIndex>
  /** [rule, line, stage] per finding; [] = passes. */
  expect: [string, number | undefined, number | undefined][]
}

function run(check: ImageCheck, row: Row): [string, number | undefined, number | undefined][] {
  return where(runOne(check, image(row.files, row.config, row.extra), { dockerfile: DOCKERFILE })).map(
    hit => [hit.ruleId, hit.line, hit.stage]
  )
}

const ENTRY = { Entrypoint: ['/app'], User: '65532' }

describe('SG2040: the command resolves', () => {
  const rows: Row[] = [
    { name: 'a static binary at the path', files: { '/app': exe(STATIC) }, config: ENTRY, expect: [] },
    {
      name: 'the path is missing',
      files: { '/bin/app': exe(STATIC) },
      config: ENTRY,
      expect: [['SG2040', 7, 1]]
    },
    {
      name: 'a dangling symlink',
      files: { '/app': symlink('/opt/app') },
      config: ENTRY,
      expect: [['SG2040', 7, 1]]
    },
    {
      name: 'a symlink that resolves inside the image',
      files: { '/opt/app': exe(STATIC), '/app': symlink('opt/app') },
      config: ENTRY,
      expect: []
    },
    { name: 'a directory', files: { '/app': dir() }, config: ENTRY, expect: [['SG2040', 5, 0]] },
    {
      name: 'a bare name on none of the default PATH dirs',
      files: { '/opt/bin/app': exe(STATIC) },
      config: { Cmd: ['app'] },
      expect: [['SG2040', 4, 1]]
    },
    {
      name: 'a bare name on the image PATH',
      files: { '/opt/bin/app': exe(STATIC) },
      config: { Cmd: ['app'], Env: ['PATH=/opt/bin:/bin'] },
      expect: []
    },
    {
      name: 'a relative path resolved against WORKDIR',
      files: { '/srv/bin/app': exe(STATIC) },
      config: { Entrypoint: ['bin/app'], WorkingDir: '/srv' },
      expect: []
    },
    {
      name: 'shell form without /bin/sh',
      files: { '/app': exe(STATIC) },
      config: { Cmd: ['/bin/sh', '-c', '/app'] },
      expect: [['SG2040', 4, 1]]
    },
    {
      name: 'shell form whose plain command is missing',
      files: { '/bin/sh': exe(STATIC) },
      config: { Cmd: ['/bin/sh', '-c', 'exec /app --serve'] },
      expect: [['SG2040', 4, 1]]
    },
    {
      name: 'shell form with expansion: not second-guessed',
      files: { '/bin/sh': exe(STATIC) },
      config: { Cmd: ['/bin/sh', '-c', '"$APP" --serve'] },
      expect: []
    },
    {
      name: 'no command at all (a warning)',
      files: { '/app': exe(STATIC) },
      config: {},
      expect: [['SG2040', 4, 1]]
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2040, row)).toEqual(row.expect)
  })

  it('names a file of the same name elsewhere, and says shell form needs /bin/sh', () => {
    const missing = runOne(SG2040, image({ '/usr/local/bin/app': exe(STATIC) }, ENTRY), {
      dockerfile: DOCKERFILE
    })
    expect(missing[0]?.message).toContain('(the image has /usr/local/bin/app)')
    expect(missing[0]?.severity).toBe('error')
    const shell = runOne(SG2040, image({ '/app': exe(STATIC) }, { Cmd: ['/bin/sh', '-c', '/app'] }), {
      dockerfile: 'FROM scratch\nCOPY app /app\nCMD /app\n'
    })
    expect(shell[0]?.message).toContain('shell form')
    expect(shell[0]?.line).toBe(3)
    const none = runOne(SG2040, image({ '/app': exe(STATIC) }, {}), { dockerfile: DOCKERFILE })
    expect(none[0]?.severity).toBe('warning')
  })
})

describe('SG2041: executable by the USER', () => {
  const rows: Row[] = [
    { name: '0755 root-owned', files: { '/app': exe(STATIC, 0o755) }, config: ENTRY, expect: [] },
    {
      name: '0644: no execute bit',
      files: { '/app': exe(STATIC, 0o644) },
      config: ENTRY,
      expect: [['SG2041', 5, 0]]
    },
    {
      name: '0700 root-owned, USER 65532',
      files: { '/app': exe(STATIC, 0o700) },
      config: ENTRY,
      expect: [['SG2041', 5, 0]]
    },
    {
      name: '0700 owned by the USER',
      files: { '/app': { content: STATIC, mode: 0o700, uid: 65532, gid: 65532 } },
      config: ENTRY,
      expect: []
    },
    {
      name: '0700 root-owned, root without capabilities is the owner',
      files: { '/app': exe(STATIC, 0o700) },
      config: { Entrypoint: ['/app'] },
      expect: []
    },
    {
      name: '0070 root-owned, root is the owner and the owner bits say no',
      files: { '/app': exe(STATIC, 0o070) },
      config: { Entrypoint: ['/app'] },
      expect: [['SG2041', 5, 0]]
    },
    {
      name: '0750 group 0, numeric USER without passwd entry (gid 0)',
      files: { '/app': exe(STATIC, 0o750) },
      config: { Entrypoint: ['/app'], User: '1000' },
      expect: []
    },
    {
      name: '0750 group 0, USER 1000:1000',
      files: { '/app': exe(STATIC, 0o750) },
      config: { Entrypoint: ['/app'], User: '1000:1000' },
      expect: [['SG2041', 5, 0]]
    },
    {
      name: 'a directory on the way that the USER cannot search',
      files: { '/srv': dir(0o700), '/srv/app': exe(STATIC) },
      config: { Entrypoint: ['/srv/app'], User: '65532' },
      expect: [['SG2041', 5, 0]]
    },
    {
      name: 'a script the USER may execute but not read',
      files: { '/app': exe('#!/bin/sh\necho hi\n', 0o711), '/bin/sh': exe(STATIC) },
      config: ENTRY,
      expect: [['SG2041', 5, 0]]
    },
    {
      name: 'on PATH but not executable',
      files: { '/usr/bin/app': exe(STATIC, 0o644) },
      config: { Cmd: ['app'] },
      expect: [['SG2041', 5, 0]]
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2041, row)).toEqual(row.expect)
  })
})

describe('SG2042: script interpreters', () => {
  const withSh = { '/bin/sh': exe(STATIC), '/usr/bin/env': exe(STATIC) }
  const rows: Row[] = [
    {
      name: '#!/bin/sh with sh',
      files: { ...withSh, '/app': exe('#!/bin/sh\necho hi\n') },
      config: ENTRY,
      expect: []
    },
    {
      name: '#!/bin/bash without bash',
      files: { ...withSh, '/app': exe('#!/bin/bash\necho hi\n') },
      config: ENTRY,
      expect: [['SG2042', 5, 0]]
    },
    {
      name: '#!/usr/bin/env python3 without python3',
      files: { ...withSh, '/app': exe('#!/usr/bin/env python3\nprint(1)\n') },
      config: ENTRY,
      expect: [['SG2042', 5, 0]]
    },
    {
      name: '#!/usr/bin/env python3 with python3 on PATH',
      files: { ...withSh, '/usr/local/bin/python3': exe(STATIC), '/app': exe('#!/usr/bin/env python3\n') },
      config: ENTRY,
      expect: []
    },
    {
      name: '#!/usr/bin/env -S python3 -u with python3',
      files: { ...withSh, '/usr/bin/python3': exe(STATIC), '/app': exe('#!/usr/bin/env -S python3 -u\n') },
      config: ENTRY,
      expect: []
    },
    {
      name: 'CRLF after #!',
      files: { ...withSh, '/app': exe('#!/bin/sh\r\necho hi\r\n') },
      config: ENTRY,
      expect: [['SG2042', 5, 0]]
    },
    {
      name: 'an interpreter that is not executable',
      files: { '/bin/sh': exe(STATIC, 0o644), '/app': exe('#!/bin/sh\n') },
      config: ENTRY,
      expect: [['SG2042', 5, 0]]
    },
    {
      name: 'neither ELF nor #!',
      files: { '/app': exe('echo hi\n') },
      config: ENTRY,
      expect: [['SG2042', 5, 0]]
    },
    {
      name: 'a script in the image that the command does not run',
      files: { ...withSh, '/app': exe(STATIC), '/opt/tool.sh': exe('#!/bin/bash\n') },
      config: ENTRY,
      expect: []
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2042, row)).toEqual(row.expect)
  })

  it.each([
    ['#!/bin/sh\n', { interpreter: '/bin/sh', crlf: false }],
    ['#! /bin/sh -e  \n', { interpreter: '/bin/sh', arg: '-e', crlf: false }],
    ['#!/usr/bin/env python3\r\n', { interpreter: '/usr/bin/env', arg: 'python3\r', crlf: true }],
    ['#!/bin/sh\r\n', { interpreter: '/bin/sh\r', crlf: true }],
    ['#!\n', { interpreter: '', crlf: false }]
  ])('reads %j as the kernel does', (line, expected) => {
    expect(parseShebang(Buffer.from(line))).toEqual(expected)
  })

  it.each([
    ['python3', 'python3'],
    ['-S python3 -u', 'python3'],
    ['-S -i PYTHONUNBUFFERED=1 python3', 'python3'],
    ['python3 -u', 'python3 -u']
  ])('env %j runs %j', (arg, target) => {
    expect(envTarget(arg)).toBe(target)
  })

  it.each([
    ['/app --serve', '/app'],
    ['exec app', 'app'],
    ['PORT=80 exec /app', '/app'],
    ['echo hi', undefined],
    ['/app && other', undefined],
    ['"$APP"', undefined]
  ])('sh -c %j runs %j', (script, name) => {
    expect(shellCommandName(script)).toBe(name)
  })
})

describe('SG2043: CPU and C library', () => {
  const MUSL = '/lib/ld-musl-x86_64.so.1'
  const rows: Row[] = [
    { name: 'x86-64 on amd64', files: { '/app': exe(STATIC) }, config: ENTRY, expect: [] },
    { name: 'AArch64 on amd64', files: { '/app': exe(AARCH64) }, config: ENTRY, expect: [['SG2043', 5, 0]] },
    {
      name: 'AArch64 on arm64',
      files: { '/app': exe(AARCH64) },
      config: ENTRY,
      extra: { platform: { os: 'linux', architecture: 'arm64' } },
      expect: []
    },
    {
      name: 'a glibc binary in a musl image',
      files: { [MUSL]: exe(STATIC), '/app': exe(DYNAMIC) },
      config: ENTRY,
      expect: [['SG2043', 5, 0]]
    },
    {
      name: 'a glibc binary in an image with no loader at all (SG2012 says so)',
      files: { '/app': exe(DYNAMIC) },
      config: ENTRY,
      expect: []
    },
    {
      name: 'a glibc binary with its loader next to musl (gcompat)',
      files: { [MUSL]: exe(STATIC), [GLIBC]: exe(STATIC), '/lib/libc.so.6': 'x', '/app': exe(DYNAMIC) },
      config: ENTRY,
      expect: []
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2043, row)).toEqual(row.expect)
  })
})

function scanned(path: string, markers: string[]): Partial<ImageIndex> {
  return { markers: new Map([[`0:${path}`, markers]]) }
}

describe('SG2044: CA roots', () => {
  const GO_TLS = [GO_BUILDINFO, '/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt']
  const rows: Row[] = [
    {
      name: 'a binary naming the CA paths, no bundle',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', GO_TLS),
      expect: [['SG2044', 5, 0]]
    },
    {
      name: 'the same with ca-certificates.crt',
      files: { '/app': exe(STATIC), '/etc/ssl/certs/ca-certificates.crt': 'PEM' },
      config: ENTRY,
      extra: scanned('/app', GO_TLS),
      expect: []
    },
    {
      name: 'the same with SSL_CERT_FILE pointing at a bundle',
      files: { '/app': exe(STATIC), '/certs/ca.pem': 'PEM' },
      config: { ...ENTRY, Env: ['SSL_CERT_FILE=/certs/ca.pem'] },
      extra: scanned('/app', GO_TLS),
      expect: []
    },
    {
      name: 'SSL_CERT_FILE pointing nowhere, even with the default bundle',
      files: { '/app': exe(STATIC), '/etc/ssl/certs/ca-certificates.crt': 'PEM' },
      config: { ...ENTRY, Env: ['SSL_CERT_FILE=/certs/ca.pem'] },
      extra: scanned('/app', GO_TLS),
      expect: [['SG2044', 5, 0]]
    },
    {
      name: 'a program linking libssl, no bundle',
      files: { '/app': exe(elfBinary({ interpreter: GLIBC, needed: ['libssl.so.3', 'libc.so.6'] })) },
      config: ENTRY,
      extra: scanned('/app', []),
      expect: [['SG2044', 5, 0]]
    },
    {
      name: 'a binary with no CA path',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', [GO_BUILDINFO]),
      expect: []
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2044, row)).toEqual(row.expect)
  })

  it('suggests the COPY from the stage the binary came from', () => {
    const [hit] = runOne(SG2044, image({ '/app': exe(STATIC) }, ENTRY, scanned('/app', GO_TLS)), {
      dockerfile: DOCKERFILE
    })
    expect(hit?.message).toContain('COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/')
    expect(hit?.severity).toBe('warning')
  })
})

describe('SG2045: time zones', () => {
  const GO_TZ = [GO_BUILDINFO, GO_LOAD_LOCATION, '/usr/share/zoneinfo/']
  const rows: Row[] = [
    {
      name: 'Go with LoadLocation, no zoneinfo',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', GO_TZ),
      expect: [['SG2045', 5, 0]]
    },
    {
      name: 'the same with /usr/share/zoneinfo',
      files: { '/app': exe(STATIC), '/usr/share/zoneinfo/UTC': 'TZif' },
      config: ENTRY,
      extra: scanned('/app', GO_TZ),
      expect: []
    },
    {
      name: 'Go with time/tzdata embedded',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', [...GO_TZ, GO_EMBEDDED_TZDATA]),
      expect: []
    },
    {
      name: 'Go without LoadLocation',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', [GO_BUILDINFO, '/usr/share/zoneinfo/']),
      expect: []
    },
    {
      name: 'not Go',
      files: { '/app': exe(STATIC) },
      config: ENTRY,
      extra: scanned('/app', [GO_LOAD_LOCATION, '/usr/share/zoneinfo/']),
      expect: []
    },
    {
      name: 'ZONEINFO pointing at a zip',
      files: { '/app': exe(STATIC), '/zoneinfo.zip': 'PK' },
      config: { ...ENTRY, Env: ['ZONEINFO=/zoneinfo.zip'] },
      extra: scanned('/app', GO_TZ),
      expect: []
    }
  ]
  it.each(rows)('$name', row => {
    expect(run(SG2045, row)).toEqual(row.expect)
  })
})

describe('SG2046: non-root writes', () => {
  const WORKDIR_FILE = `FROM scratch
COPY app /app
WORKDIR /data
VOLUME /var/lib/app
USER 65532
`
  const cases: [string, Record<string, EntrySpec>, ContainerConfig, [string, number | undefined][]][] = [
    [
      'WORKDIR created as root',
      { '/app': exe(STATIC), '/data': dir() },
      { WorkingDir: '/data', User: '65532' },
      [['SG2046', 3]]
    ],
    [
      'WORKDIR missing (the runtime creates it as root)',
      { '/app': exe(STATIC) },
      { WorkingDir: '/data', User: '65532' },
      [['SG2046', 3]]
    ],
    [
      'WORKDIR owned by the USER',
      { '/app': exe(STATIC), '/data': { type: 'dir', mode: 0o755, uid: 65532, gid: 65532 } },
      { WorkingDir: '/data', User: '65532' },
      []
    ],
    ['WORKDIR as root', { '/app': exe(STATIC), '/data': dir() }, { WorkingDir: '/data' }, []],
    [
      'a VOLUME owned by root',
      { '/app': exe(STATIC), '/var/lib/app': dir() },
      { Volumes: { '/var/lib/app': {} }, User: '65532' },
      [['SG2046', 4]]
    ]
  ]
  it.each(cases)('%s', (_name, files, containerConfig, expected) => {
    const findings = runOne(SG2046, image(files, containerConfig), { dockerfile: WORKDIR_FILE })
    expect(findings.map(finding => [finding.ruleId, finding.line])).toEqual(expected)
    for (const finding of findings) expect(finding.severity).toBe('note')
  })
})

describe('identity', () => {
  const passwd = 'root:x:0:0::/root:/bin/sh\napp:x:1000:2000::/home/app:/bin/sh\n'
  const group = 'root:x:0:\napp:x:2000:\nstaff:x:50:app,other\n'
  const files = { '/etc/passwd': passwd, '/etc/group': group }
  it.each([
    ['', { uid: 0, gid: 0, groups: [] }],
    ['app', { uid: 1000, gid: 2000, groups: [50] }],
    ['1000', { uid: 1000, gid: 2000, groups: [50] }],
    ['4242', { uid: 4242, gid: 0, groups: [] }],
    ['app:staff', { uid: 1000, gid: 50, groups: [] }],
    ['65532:65532', { uid: 65532, gid: 65532, groups: [] }]
  ])('USER %j', (user, expected) => {
    const who = imageIdentity(image(files, { User: user }))
    expect({ uid: who.uid, gid: who.gid, groups: who.groups }).toEqual(expected)
    expect(who.unresolved).toBeUndefined()
  })

  it('says when the runtime cannot resolve the USER', () => {
    expect(imageIdentity(image(files, { User: 'nobody' })).unresolved).toBe(
      'user nobody is not in /etc/passwd'
    )
    expect(imageIdentity(image(files, { User: 'app:wheel' })).unresolved).toBe(
      'group wheel is not in /etc/group'
    )
  })

  it.each([
    [0o750, 0, 0, { uid: 1000, gid: 0, groups: [] }, true],
    [0o705, 0, 0, { uid: 1000, gid: 0, groups: [] }, false],
    [0o705, 0, 5, { uid: 1000, gid: 0, groups: [] }, true],
    [0o070, 0, 0, { uid: 0, gid: 0, groups: [] }, false],
    [0o010, 0, 50, { uid: 1000, gid: 2000, groups: [50] }, true]
  ])('mode %o owner %d:%d, %j → execute %s', (mode, uid, gid, who, allowed) => {
    expect(permits({ mode, uid, gid }, { raw: 'x', ...who }, 'execute')).toBe(allowed)
  })
})

describe('the verdict', () => {
  it('is "expected" for a clean image, with the command and user', () => {
    const verdict = predictStartup(image({ '/app': exe(STATIC) }, ENTRY), {
      config: config(),
      model: parseDockerfile(DOCKERFILE, { path: 'Dockerfile' })
    })
    expect(verdict).toEqual({ expected: true, reasons: [], command: ['/app'], user: '65532' })
  })

  it('counts SG2012 only for the executables the command reaches, and SG2013', () => {
    const index = image({ '/app': exe(STATIC), '/opt/unused': exe(DYNAMIC) }, { ...ENTRY, User: 'app' })
    const verdict = predictStartup(index, {
      config: config(),
      model: parseDockerfile(DOCKERFILE, { path: 'Dockerfile' })
    })
    expect(verdict.reasons.map(reason => [reason.ruleId, reason.line, reason.impact])).toEqual([
      ['SG2013', 6, 'start']
    ])
    const reached = predictStartup(image({ '/app': exe(DYNAMIC) }, ENTRY), { config: config() })
    expect(reached.reasons.map(reason => [reason.ruleId, reason.path])).toEqual([['SG2012', '/app']])
    expect(reached.expected).toBe(false)
  })

  it('is false for basic work (TLS) and ignores notes and rules the config switches off', () => {
    const index = image(
      { '/app': exe(STATIC) },
      { ...ENTRY, WorkingDir: '/data' },
      scanned('/app', [GO_BUILDINFO, '/etc/ssl/cert.pem'])
    )
    const verdict = predictStartup(index, { config: config() })
    expect(verdict.reasons.map(reason => [reason.ruleId, reason.impact])).toEqual([['SG2044', 'work']])
    expect(verdict.expected).toBe(false)
    expect(predictStartup(index, { config: config({ ignore: ['sg2044'] }) }).expected).toBe(true)
  })
})

describe('STARTUP_SCAN', () => {
  const cfg: ContainerConfig = { Entrypoint: ['/usr/bin/server'], Cmd: ['--port', '80'] }
  it.each([
    ['/app', 1_000_000, 0o755, true],
    ['/usr/local/bin/tool', 1_000_000, 0o755, true],
    ['/usr/bin/server', 1_000_000, 0o755, true],
    ['/usr/bin/other', 1_000_000, 0o755, false],
    ['/app/data.bin', 1_000_000, 0o644, false],
    ['/app/tiny', 10, 0o755, false],
    ['/opt/conda/lib/libpython3.11.so.1.0', 1_000_000, 0o755, false],
    ['/app/node_modules/.bin/tool', 1_000_000, 0o755, false],
    ['/opt/app/server', 1_000_000, 0o755, true]
  ])('%s (%d bytes, mode %o): scanned %s', (path, size, mode, wanted) => {
    expect(STARTUP_SCAN.select(path, size, mode, cfg)).toBe(wanted)
  })
})
