import { SG2001, SG2002, SG2007 } from '../../src/checks/rules/runtime-tools.js'
import { ImageBuilder, dir, exe, symlink } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const BUSYBOX_FINAL = `FROM stagegate-fixture/busybox:latest
COPY app /app
USER 65532
`
function busyboxImage(): ImageBuilder {
  return new ImageBuilder()
    .layer('COPY busybox /bin/busybox # buildkit', { '/bin/busybox': exe('\x7fELF busybox') })
    .layer('RUN /bin/busybox --install -s /bin # buildkit', {
      '/bin/sh': symlink('/bin/busybox'),
      '/bin/ash': symlink('/bin/busybox'),
      '/bin/ls': symlink('/bin/busybox')
    })
    .empty('CMD ["/bin/sh"]')
}

describe('SG2001 shells', () => {
  it('reports busybox once, named by /bin/sh, attributed to the base FROM line and the layer that added it', () => {
    const index = busyboxImage()
      .layer('COPY app /app # buildkit', { '/app': exe('app') })
      .empty('USER 65532')
      .build()
    const findings = runOne(SG2001, index, { dockerfile: BUSYBOX_FINAL })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2001', severity: 'warning', line: 1, stage: 0, layer: 0, path: '/bin/sh' }
    ])
    expect(findings[0]?.evidence).toBe('/bin/sh → /bin/busybox')
    expect(findings[0]?.file).toBe('Dockerfile')
  })

  it('follows a merged-/usr /bin symlink: dash and bash of one layer are one finding with both paths', () => {
    const index = new ImageBuilder()
      .layer('', {
        '/bin': symlink('usr/bin'),
        '/usr/bin/dash': exe('dash'),
        '/usr/bin/sh': symlink('dash'),
        '/usr/bin/bash': exe('bash'),
        '/usr/bin/rbash': symlink('bash')
      })
      .build()
    const findings = runOne(SG2001, index)
    expect(findings.map(finding => [finding.path, finding.evidence, finding.count])).toEqual([
      ['/bin/bash', '/bin/bash → /usr/bin/bash, /bin/sh → /usr/bin/dash', 2]
    ])
    expect(findings[0]?.message).toContain('the shells bash, sh;')
  })

  it('reports shells of different layers separately, one finding each', () => {
    const index = new ImageBuilder()
      .layer('', { '/bin/sh': exe('dash') })
      .layer('RUN /bin/sh -c install-bash # buildkit', { '/bin/bash': exe('bash') })
      .build()
    const dockerfile = 'FROM stagegate-fixture/debian:bookworm\nRUN install-bash\n'
    expect(where(runOne(SG2001, index, { dockerfile })).map(f => [f.path, f.line, f.layer])).toEqual([
      ['/bin/sh', 1, 0],
      ['/bin/bash', 2, 1]
    ])
  })

  it('is attributed to COPY --from=<stage> when a shell was copied in', () => {
    const dockerfile =
      'FROM stagegate-fixture/busybox:latest AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /bin/sh\n'
    const index = new ImageBuilder()
      .layer('COPY /bin/busybox /bin/sh # buildkit', { '/bin/sh': exe('bb') })
      .build()
    expect(where(runOne(SG2001, index, { dockerfile }))).toEqual([
      { ruleId: 'SG2001', severity: 'warning', line: 3, stage: 0, layer: 0, path: '/bin/sh' }
    ])
  })

  it.each([
    ['a scratch image with only the application', { '/app': exe('app') }],
    ['a non-executable file named sh', { '/bin/sh': { content: 'text', mode: 0o644 } }],
    ['a dangling symlink', { '/bin/sh': symlink('/bin/busybox') }],
    ['a looping symlink', { '/bin/sh': symlink('/bin/bash'), '/bin/bash': symlink('/bin/sh') }],
    ['a shell outside PATH directories', { '/opt/tools/bash': exe('bash') }],
    ['a directory named sh', { '/bin/sh': dir() }]
  ])('is not raised for %s', (_name, entries) => {
    expect(runOne(SG2001, new ImageBuilder().layer('COPY x / # buildkit', entries).build())).toEqual([])
  })
})

describe('SG2002 package managers', () => {
  it('reports apt, apt-get and dpkg of a Debian final stage once, at the FROM line, with all three as evidence', () => {
    const index = new ImageBuilder()
      .layer('', {
        '/usr/bin/apt': exe('apt'),
        '/usr/bin/apt-get': exe('apt-get'),
        '/usr/bin/dpkg': exe('dpkg'),
        '/usr/share/doc/apt/README': 'docs'
      })
      .build()
    const findings = runOne(SG2002, index, { dockerfile: 'FROM stagegate-fixture/debian:bookworm\n' })
    expect(where(findings).map(finding => [finding.path, finding.line, finding.layer])).toEqual([
      ['/usr/bin/apt', 1, 0]
    ])
    expect(findings[0]?.evidence).toBe('/usr/bin/apt, /usr/bin/apt-get, /usr/bin/dpkg')
    expect(findings[0]?.count).toBe(3)
    expect(findings[0]?.message).toContain('package managers apt, apt-get, dpkg')
  })

  it('reports pip installed by a RUN at that RUN line', () => {
    const dockerfile = 'FROM stagegate-fixture/debian:bookworm\nRUN install-pip\n'
    const index = new ImageBuilder()
      .layer('')
      .layer('RUN /bin/sh -c install-pip # buildkit', { '/usr/local/bin/pip': exe('#!/usr/bin/python3') })
      .build()
    expect(where(runOne(SG2002, index, { dockerfile }))).toEqual([
      { ruleId: 'SG2002', severity: 'warning', line: 2, stage: 0, layer: 1, path: '/usr/local/bin/pip' }
    ])
  })

  it('is not raised for package databases or docs alone', () => {
    const index = new ImageBuilder()
      .layer('', { '/var/lib/dpkg/status': 'Package: x', '/usr/share/doc/apt/README': 'docs' })
      .build()
    expect(runOne(SG2002, index)).toEqual([])
  })
})

describe('SG2007 toolchains and caches', () => {
  it('reports gcc (through the cc symlink chain), the gcc library tree, and apt archives', () => {
    const dockerfile = 'FROM stagegate-fixture/builder:latest\nRUN apt-get install -y gcc\n'
    const index = new ImageBuilder()
      .layer('')
      .layer('RUN /bin/sh -c apt-get install -y gcc # buildkit', {
        '/usr/bin/x86_64-linux-gnu-gcc-12': exe('gcc'),
        '/usr/bin/gcc': symlink('gcc-12'),
        '/usr/bin/gcc-12': symlink('x86_64-linux-gnu-gcc-12'),
        '/usr/bin/cc': symlink('/etc/alternatives/cc'),
        '/etc/alternatives/cc': symlink('/usr/bin/gcc'),
        '/usr/lib/gcc/x86_64-linux-gnu/12/cc1': exe('cc1'),
        '/var/cache/apt/archives/gcc_12_amd64.deb': { size: 5000 },
        '/var/cache/apt/archives/lock': '',
        '/var/cache/apt/archives/partial': dir()
      })
      .build()
    const findings = runOne(SG2007, index, { dockerfile })
    expect(where(findings).map(finding => [finding.path, finding.line, finding.layer])).toEqual([
      ['/usr/bin/cc', 2, 1],
      ['/usr/lib/gcc', 2, 1],
      ['/var/cache/apt/archives', 2, 1]
    ])
    expect(findings.find(finding => finding.path === '/var/cache/apt/archives')?.message).toContain('1 files')
  })

  it('reports a user home npm cache and the Go module cache', () => {
    const index = new ImageBuilder()
      .layer('RUN /bin/sh -c go build # buildkit', {
        '/root/go/pkg/mod/cache/download/x.zip': { size: 10 },
        '/home/node/.npm/_cacache/index': { size: 10 }
      })
      .build()
    expect(runOne(SG2007, index).map(finding => finding.path)).toEqual([
      '/home/node/.npm',
      '/root/go/pkg/mod'
    ])
  })

  it.each([
    [
      'empty cache directories',
      { '/root/.cache': dir(), '/var/cache/apt/archives/partial': dir(), '/var/cache/apt/archives/lock': '' }
    ],
    [
      'apt lists with only lock and partial',
      { '/var/lib/apt/lists/lock': '', '/var/lib/apt/lists/partial': dir() }
    ],
    ['a statically linked app alone', { '/app': exe('app') }],
    ['a file named go that is not executable', { '/usr/bin/go': { content: 'x', mode: 0o644 } }]
  ])('is not raised for %s', (_name, entries) => {
    expect(runOne(SG2007, new ImageBuilder().layer('', entries).build())).toEqual([])
  })
})

describe('SG2002 and busybox', () => {
  it('leaves busybox applets (dpkg, rpm) to SG2001', () => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit', {
        '/bin/busybox': exe('bb'),
        '/bin/dpkg': symlink('/bin/busybox'),
        '/bin/rpm': symlink('/bin/busybox')
      })
      .build()
    expect(runOne(SG2002, index)).toEqual([])
    expect(runOne(SG2001, index).map(finding => finding.path)).toEqual(['/bin/busybox'])
  })
})
