import { parseElf } from '../../src/checks/elf.js'
import { SG2012 } from '../../src/checks/rules/dynamic-libs.js'
import { ImageBuilder, elfBinary, exe, symlink } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const LOADER = '/lib64/ld-linux-x86-64.so.2'
const DYNAMIC_APP = elfBinary({ interpreter: LOADER, needed: ['libc.so.6'] })

describe('parseElf', () => {
  it('reads PT_INTERP, DT_NEEDED and DT_RUNPATH', () => {
    expect(
      parseElf(
        elfBinary({ interpreter: LOADER, needed: ['libssl.so.3', 'libc.so.6'], runpath: '$ORIGIN/../lib' })
      )
    ).toEqual({
      class: 64,
      machine: 62,
      interpreter: LOADER,
      dynamic: true,
      needed: ['libssl.so.3', 'libc.so.6'],
      runpath: ['$ORIGIN/../lib']
    })
  })

  it('sees a static binary as neither interpreted nor dynamic', () => {
    expect(parseElf(elfBinary())).toEqual({ class: 64, machine: 62, dynamic: false, runpath: [] })
  })

  it('says so when the dynamic section lies beyond the captured bytes, rather than guess', () => {
    const binary = elfBinary({ interpreter: LOADER, needed: ['libc.so.6'], padTo: 200_000 })
    const info = parseElf(binary.subarray(0, 64 * 1024))
    expect(info?.interpreter).toBe(LOADER)
    expect(info?.needed).toBeUndefined()
    expect(info?.unreadable).toBe('the dynamic section (offset 200000) lies beyond the 65536 captured bytes')
  })

  it.each([
    ['not ELF', Buffer.from('#!/bin/sh\necho hi\n')],
    ['a truncated header', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1])]
  ])('returns undefined for %s', (_name, buffer) => {
    expect(parseElf(buffer)).toBeUndefined()
  })

  it('does not throw on garbage program headers', () => {
    const binary = elfBinary({ interpreter: LOADER })
    binary.writeBigUInt64LE(BigInt(10_000_000), 32) // e_phoff far beyond the file
    expect(parseElf(binary)?.unreadable).toBe('program headers lie beyond the captured bytes')
  })
})

describe('SG2012 missing interpreter or libraries', () => {
  const dockerfile = [
    'FROM stagegate-fixture/builder:latest AS builder',
    'RUN gcc -o /out/app main.c',
    'FROM scratch',
    'COPY --from=builder /out/app /app',
    'USER 65532',
    ''
  ].join('\n')

  it('catches a dynamic binary copied into scratch, attributed to the COPY line and the builder stage', () => {
    const index = new ImageBuilder()
      .layer('COPY /out/app /app # buildkit', { '/app': exe(DYNAMIC_APP) })
      .empty('USER 65532')
      .build()
    const findings = runOne(SG2012, index, { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2012', severity: 'error', line: 4, stage: 0, layer: 0, path: '/app' }
    ])
    expect(findings[0]?.message).toContain(
      `its interpreter ${LOADER} is missing and needed library libc.so.6 missing`
    )
    expect(findings[0]?.evidence).toBe(`PT_INTERP ${LOADER}; DT_NEEDED libc.so.6`)
  })

  it('catches a library missing while the loader is present, searching multiarch dirs and RUNPATH', () => {
    const app = elfBinary({
      interpreter: LOADER,
      needed: ['libc.so.6', 'libssl.so.3', 'libapp.so'],
      runpath: '$ORIGIN/lib'
    })
    const index = new ImageBuilder()
      .layer('', {
        '/lib64': symlink('usr/lib64'),
        '/usr/lib64/ld-linux-x86-64.so.2': symlink('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
        '/lib': symlink('usr/lib'),
        '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2': exe('ld'),
        '/usr/lib/x86_64-linux-gnu/libc.so.6': exe('libc')
      })
      .layer('COPY app /opt/app/bin/app # buildkit', {
        '/opt/app/bin/app': exe(app),
        '/opt/app/bin/lib/libapp.so': 'so'
      })
      .build()
    const findings = runOne(SG2012, index)
    expect(findings.map(finding => [finding.path, finding.message])).toEqual([
      [
        '/opt/app/bin/app',
        '/opt/app/bin/app is dynamically linked but needed library libssl.so.3 missing, so it cannot start; link it statically or use a final base that has its C library'
      ]
    ])
  })

  it('finds libraries through /etc/ld.so.conf.d', () => {
    const app = elfBinary({ interpreter: '/lib/ld-musl-x86_64.so.1', needed: ['libfoo.so.1'] })
    const index = new ImageBuilder()
      .layer('', {
        '/lib/ld-musl-x86_64.so.1': exe('ld'),
        '/etc/ld.so.conf.d/foo.conf': '# foo\n/opt/foo/lib\n',
        '/opt/foo/lib/libfoo.so.1': 'so',
        '/app': exe(app)
      })
      .build()
    expect(runOne(SG2012, index)).toEqual([])
  })

  it('notes, once, application binaries whose libraries could not be verified', () => {
    const big = elfBinary({ interpreter: LOADER, needed: ['libc.so.6'], padTo: 100_000 })
    const index = new ImageBuilder()
      .layer('', { [LOADER]: exe('ld'), '/app/server': exe(big), '/usr/bin/tool': exe(big) })
      .build()
    const findings = runOne(SG2012, index)
    expect(where(findings)).toEqual([{ ruleId: 'SG2012', severity: 'note' }])
    expect(findings[0]?.evidence).toBe('/app/server')
  })

  it.each([
    ['a static binary in scratch', { '/app': exe(elfBinary()) }],
    [
      'a dynamic binary with everything present',
      { '/app': exe(DYNAMIC_APP), [LOADER]: exe('ld'), '/lib/x86_64-linux-gnu/libc.so.6': exe('c') }
    ],
    ['a non-executable ELF', { '/app': { content: DYNAMIC_APP, mode: 0o644 } }],
    ['a shell script', { '/entrypoint.sh': exe('#!/bin/sh\nexec /app\n') }]
  ])('is not raised for %s', (_name, entries) => {
    expect(runOne(SG2012, new ImageBuilder().layer('COPY x / # buildkit', entries).build())).toEqual([])
  })
})
