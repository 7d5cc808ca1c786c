import { SG2008 } from '../../src/checks/rules/final-run.js'
import { SG2006, isSourceFile } from '../../src/checks/rules/source-files.js'
import { ImageBuilder, dir } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

describe('SG2006 source and VCS files', () => {
  const dockerfile = 'FROM stagegate-fixture/debian:bookworm\nWORKDIR /app\nCOPY . .\nUSER 1000\n'

  it('summarises a COPY . . of a Go tree as one finding for the tree and its .git, at the COPY line', () => {
    const index = new ImageBuilder()
      .layer('', { '/usr/include/stdio.h': 'x', '/usr/share/doc/x/Makefile': 'x' })
      .empty('WORKDIR /app')
      .layer('COPY . . # buildkit', {
        '/app/main.go': 'package main',
        '/app/go.mod': 'module x',
        '/app/internal/util.go': 'package internal',
        '/app/Dockerfile': 'FROM x',
        '/app/.git/HEAD': 'ref: refs/heads/main',
        '/app/.git/config': '[core]',
        '/app/app': 'binary'
      })
      .empty('USER 1000')
      .build()
    const findings = runOne(SG2006, index, { dockerfile })
    // One COPY, one problem: the .git directory and the sources are one finding.
    expect(where(findings)).toEqual([
      { ruleId: 'SG2006', severity: 'warning', line: 3, stage: 0, layer: 1, path: '/app' }
    ])
    expect(findings[0]?.message).toContain('the version-control directory /app/.git (3 entries)')
    expect(findings[0]?.message).toContain('4 source or build files under /app')
    expect(findings[0]?.evidence).toBe('/app/.git, /app/Dockerfile, /app/go.mod (+2 more)')
    expect(findings[0]?.count).toBe(7)
  })

  it('reports one tree per layer that added sources', () => {
    const index = new ImageBuilder()
      .layer('COPY src /src # buildkit', { '/src/a.c': 'x', '/src/b.c': 'x' })
      .layer('COPY Makefile /build/Makefile # buildkit', { '/build/Makefile': 'all:' })
      .build()
    expect(runOne(SG2006, index).map(finding => [finding.path, finding.layer?.index])).toEqual([
      ['/build/Makefile', 1],
      ['/src', 0]
    ])
  })

  it.each([
    ['/app/main.go', true],
    ['/app/index.ts', true],
    ['/app/index.d.ts', false],
    ['/app/app.py', false],
    ['/app/server.js', false],
    ['/app/package.json', false],
    ['/app/node_modules/x/src/index.ts', false],
    ['/usr/include/stdio.h', false],
    ['/usr/local/go/src/fmt/print.go', false],
    ['/root/go/pkg/mod/x/y.go', false],
    ['/src/Cargo.toml', true],
    ['/work/CMakeLists.txt', true]
  ])('isSourceFile(%s) = %s', (path, expected) => {
    expect(isSourceFile(path)).toBe(expected)
  })

  it('is not raised for a final image with only build outputs, or for sources under allow.paths', () => {
    const clean = new ImageBuilder()
      .layer('COPY /out/app /app # buildkit', { '/app': 'bin', '/etc/ssl/certs': dir() })
      .build()
    expect(runOne(SG2006, clean)).toEqual([])
    const allowed = new ImageBuilder().layer('COPY . /app # buildkit', { '/app/main.go': 'x' }).build()
    expect(runOne(SG2006, allowed, { config: { allow: { paths: ['/app/**'] } } })).toEqual([])
  })
})

describe('SG2008 RUN in the final stage', () => {
  it('reports each RUN layer of the final stage, not those of the stage it is built from or of the base', () => {
    const dockerfile = [
      'FROM stagegate-fixture/busybox:latest AS base',
      'RUN mkdir /data',
      'FROM base',
      'COPY app /app',
      'RUN chmod +x /app',
      'USER 1000',
      ''
    ].join('\n')
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('RUN /bin/busybox --install -s /bin # buildkit')
      .layer('RUN /bin/sh -c mkdir /data # buildkit')
      .layer('COPY app /app # buildkit')
      .layer('RUN /bin/sh -c chmod +x /app # buildkit')
      .empty('USER 1000')
      .build()
    expect(where(runOne(SG2008, index, { dockerfile }))).toEqual([
      { ruleId: 'SG2008', severity: 'note', line: 5, stage: 1, layer: 4 }
    ])
  })

  it('is not raised for a COPY-only final stage, nor without a Dockerfile', () => {
    const dockerfile =
      'FROM stagegate-fixture/builder:latest AS b\nRUN make\nFROM scratch\nCOPY --from=b /out /app\n'
    const index = new ImageBuilder().layer('COPY /out /app # buildkit').build()
    expect(runOne(SG2008, index, { dockerfile })).toEqual([])
    expect(runOne(SG2008, new ImageBuilder().layer('RUN /bin/sh -c make # buildkit').build())).toEqual([])
  })
})
