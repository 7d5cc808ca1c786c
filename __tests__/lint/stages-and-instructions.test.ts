// hadolint's rules on stages and base images (FROM, USER, stage names,
// COPY --from, registries, --platform) and on instructions (WORKDIR, RUN's
// commands, COPY/ADD, EXPOSE, HEALTHCHECK, CMD/ENTRYPOINT): a table of cases per
// rule, each stating the lines that must be reported. What every hadolint rule
// must meet (severity, docs page, robustness) is in hadolint-rules.test.ts.
import { expect } from '@jest/globals'
import { DL3010, DL3020, DL3021, DL3022, DL3023 } from '../../src/lint/rules/copy-add.js'
import { DL3000, DL3011, DL3012, DL3025 } from '../../src/lint/rules/instructions.js'
import { DL3001, DL3003, DL3004 } from '../../src/lint/rules/shell.js'
import { DL3002, DL3006, DL3007, DL3024, DL3026, DL3029 } from '../../src/lint/rules/stages.js'
import { df, hits, lines, type Case } from './rule-cases.js'

const B = 'FROM debian:12'

describe('DL3000 absolute WORKDIR', () => {
  const cases: Case[] = [
    ['relative', df(B, 'WORKDIR app'), [2]],
    ['dot-relative', df(B, 'WORKDIR ./app'), [2]],
    ['quoted relative', df(B, 'WORKDIR "app dir"'), [2]],
    ['absolute', df(B, 'WORKDIR /app'), []],
    ['quoted absolute', df(B, 'WORKDIR "/app"'), []],
    ['variable', df(B, 'ARG DIR=/app', 'WORKDIR $DIR'), []],
    ['windows drive', df(B, 'WORKDIR C:\\\\app'), []],
    ['windows drive, one backslash', df(B, 'WORKDIR d:\\tools'), []],
    ['windows drive root in double quotes', df(B, 'WORKDIR "C:\\"'), []],
    ['windows drive root in single quotes', df(B, "WORKDIR 'C:\\'"), []],
    ['windows drive, forward slash', df(B, 'WORKDIR "C:/"'), []],
    ['single-quoted relative', df(B, "WORKDIR 'rel/dir'"), [2]],
    ['quoted variable', df(B, 'WORKDIR "${dir}"'), []],
    ['before any FROM', 'WORKDIR rel\n', [1]],
    ['ONBUILD trigger', df(B, 'ONBUILD WORKDIR rel'), [2]],
    ['a drive letter without a separator is relative', df(B, 'WORKDIR C:app'), [2]],
    // As BuildKit's WorkdirRelativePath (its testWorkdirRelativePath): only the first WORKDIR of a
    // stage chain; after one, a relative path is relative to a WORKDIR the file shows.
    ['relative after an absolute one', df(B, 'WORKDIR /app', 'WORKDIR src'), []],
    ['two relative ones: the first', df(B, 'WORKDIR rel', 'WORKDIR rel2'), [2]],
    [
      'first in a stage built FROM one with a WORKDIR',
      df('FROM scratch AS a', 'WORKDIR /app', 'FROM a AS b', 'WORKDIR subdir/'),
      []
    ],
    [
      'first in an unrelated stage',
      df('FROM scratch AS a', 'WORKDIR /app', 'FROM scratch', 'WORKDIR rel'),
      [4]
    ],
    ['ONBUILD after a WORKDIR', df(B, 'WORKDIR /app', 'ONBUILD WORKDIR rel'), [3]]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3000, text)).toEqual(expected))
})

describe('DL3001 commands pointless in a container', () => {
  const cases: Case[] = [
    ['service', df(B, 'RUN service nginx start'), [2]],
    ['ps in a chain', df(B, 'RUN make && ps aux'), [2]],
    ['vim through sudo', df(B, 'RUN sudo vim /etc/x'), [2]],
    ['ssh', df(B, 'RUN ssh host true'), [2]],
    ['ifconfig by path', df(B, 'RUN /sbin/ifconfig'), [2]],
    ['installing vim is fine', df(B, 'RUN apt-get install -y vim=2:9.0'), []],
    ['a word that contains one', df(B, 'RUN echo top-level && psql -c x'), []],
    ['before any FROM', 'RUN top\n', [1]],
    ['ONBUILD trigger', df(B, 'ONBUILD RUN top -b -n 1'), [2]],
    ['installing ssh is fine', 'RUN apt-get install ssh\n', []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3001, text)).toEqual(expected))
})

describe('DL3002 last USER should not be root (stage-aware)', () => {
  const cases: Case[] = [
    ['root last', df(B, 'USER app', 'USER root'), [3]],
    ['uid 0 with group', df(B, 'USER 0:0'), [2]],
    ['root:group', df(B, 'USER root:staff'), [2]],
    ['switched back', df(B, 'USER root', 'RUN true', 'USER app'), []],
    ['no USER at all is another rule', df(B, 'RUN true'), []],
    // Per stage, as hadolint evaluates it: a builder stage that ends as root is reported too.
    [
      'root only in a builder stage',
      df('FROM debian:12 AS build', 'USER root', 'FROM debian:12', 'USER app'),
      [2]
    ],
    [
      'builder switches back before the next stage',
      df('FROM debian:12 AS build', 'USER root', 'RUN make', 'USER builder', 'FROM debian:12', 'RUN true'),
      []
    ],
    [
      'two stages end as root',
      df('FROM debian:12 AS a', 'USER 0', 'FROM debian:12', 'USER root:root'),
      [2, 4]
    ],
    ['USER before any FROM is no stage', 'USER root\nFROM debian:12\n', []],
    ['final stage sets root', df('FROM debian:12 AS build', 'USER app', 'FROM debian:12', 'USER root'), [4]],
    [
      'inherited through FROM <stage>',
      df('FROM debian:12 AS base', 'USER root', 'FROM base', 'RUN true'),
      [2]
    ],
    // The base stage itself still ends as root.
    ['inherited but overridden', df('FROM debian:12 AS base', 'USER root', 'FROM base', 'USER 1000'), [2]],
    ['user named rootless', df(B, 'USER rootless'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3002, text)).toEqual(expected))

  it('follows the build target', () => {
    expect(
      lines(DL3002, df('FROM debian:12 AS a', 'USER root', 'FROM debian:12 AS b', 'USER app'), {}, 'a')
    ).toEqual([2])
  })
})

describe('DL3003 use WORKDIR, not cd', () => {
  const cases: Case[] = [
    ['cd then make', df(B, 'RUN cd /src && make'), [2]],
    ['cd in a subshell still switches directory', df(B, 'RUN (cd /src && make)'), [2]],
    ['no cd', df(B, 'WORKDIR /src', 'RUN make'), []],
    ['cd as an argument', df(B, 'RUN echo cd'), []],
    ['before any FROM', 'RUN cd /opt\n', [1]],
    ['WORKDIR alone', 'WORKDIR /opt\n', []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3003, text)).toEqual(expected))
})

describe('DL3004 no sudo', () => {
  const cases: Case[] = [
    ['sudo', df(B, 'RUN sudo make install'), [2]],
    ['sudo with options', df(B, 'RUN true && sudo -u app make'), [2]],
    ['env then sudo', df(B, 'RUN env A=1 sudo make'), [2]],
    ['bare sudo', df(B, 'RUN sudo'), [2]],
    ['installing sudo is fine', df(B, 'RUN apt-get install -y sudo=1.9'), []],
    ['sudo inside quotes', df(B, 'RUN echo "sudo make"'), []],
    ['before any FROM, chained', 'RUN apt-get update && sudo apt-get install\n', [1]],
    ['ONBUILD trigger', df(B, 'ONBUILD RUN sudo make install'), [2]],
    ['installing sudo, no FROM', 'RUN apt-get install sudo\n', []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3004, text)).toEqual(expected))
})

describe('DL3006 tag the image explicitly', () => {
  const cases: Case[] = [
    ['untagged', df('FROM ubuntu'), [1]],
    ['untagged with registry port', df('FROM localhost:5000/app'), [1]],
    ['untagged second stage', df('FROM debian:12 AS a', 'FROM node'), [2]],
    ['tagged', df('FROM ubuntu:24.04'), []],
    ['digest', df('FROM ubuntu@sha256:' + 'a'.repeat(64)), []],
    ['scratch', df('FROM scratch'), []],
    ['stage reference', df('FROM debian:12 AS build', 'FROM build'), []],
    ['stage reference case-insensitive', df('FROM debian:12 AS Build', 'FROM build'), []],
    ['ARG variable image', df('ARG BASE=ubuntu', 'FROM $BASE'), []],
    ['ARG variable tag', df('ARG V=24.04', 'FROM ubuntu:${V}'), []],
    ['latest is another rule', df('FROM ubuntu:latest'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3006, text)).toEqual(expected))
})

describe('DL3007 latest tag', () => {
  const cases: Case[] = [
    ['explicit latest', df('FROM ubuntu:latest'), [1]],
    ['latest with registry', df('FROM debian:12 AS a', 'FROM ghcr.io/org/app:latest'), [2]],
    ['untagged is DL3006', df('FROM ubuntu'), []],
    ['release tag', df('FROM ubuntu:24.04'), []],
    ['latest pinned by digest', df('FROM ubuntu:latest@sha256:' + 'b'.repeat(64)), []],
    ['tag that contains latest', df('FROM app:latest-alpine'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3007, text)).toEqual(expected))
})

describe('DL3010 use ADD to extract archives', () => {
  const cases: Case[] = [
    ['copy then extract', df(B, 'COPY app.tar.gz /tmp/', 'RUN tar -xzf /tmp/app.tar.gz -C /opt'), [2]],
    ['old-style tar xf', df(B, 'COPY dist/app.tgz /opt/', 'WORKDIR /opt', 'RUN tar xf app.tgz'), [2]],
    ['renamed at the destination', df(B, 'COPY build/x.tar /pkg.tar', 'RUN tar --extract -f /pkg.tar'), [2]],
    ['archive copied, never extracted', df(B, 'COPY app.tar.gz /srv/'), []],
    ['before any FROM', 'COPY app.tar /srv\nRUN tar -xf /srv/app.tar\n', [1]],
    ['extracted after other commands', df(B, 'COPY app.tar /srv', 'RUN ls && tar -xf /srv/app.tar'), [2]],
    [
      'Windows paths, quoted destination',
      df(
        B,
        'COPY out\\web\\site.tar.gz "C:\\Program Files\\Site"',
        'RUN tar -xf "C:\\Program Files\\Site\\site.tar.gz"'
      ),
      [2]
    ],
    [
      'Windows paths, renamed archive',
      df(B, 'COPY out\\web\\site.tar.gz "C:\\Program Files\\s.tar.gz"', 'RUN tar -xf s.tar.gz'),
      [2]
    ],
    ['copied, then a new stage', 'COPY app.tar /srv\nFROM debian:12\nRUN tar -xf /srv/app.tar\n', []],
    ['listing is not extracting', df(B, 'COPY app.tar /tmp/', 'RUN tar -tf /tmp/app.tar'), []],
    ['another archive extracted', df(B, 'COPY a.tar /tmp/', 'RUN tar -xf /tmp/b.tar'), []],
    [
      'extract in another stage',
      df('FROM debian:12 AS a', 'COPY a.tar /tmp/', 'FROM debian:12', 'RUN tar -xf /tmp/a.tar'),
      []
    ],
    [
      'COPY --from is not local',
      df('FROM debian:12 AS a', 'FROM debian:12', 'COPY --from=a /a.tar /tmp/', 'RUN tar -xf /tmp/a.tar'),
      []
    ],
    ['ADD already', df(B, 'ADD app.tar /opt/'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3010, text)).toEqual(expected))
})

describe('DL3011 valid ports', () => {
  const cases: Case[] = [
    ['too high', df(B, 'EXPOSE 80 65536'), [2]],
    ['too high with protocol', df(B, 'EXPOSE 70000/udp'), [2]],
    ['range end too high', df(B, 'EXPOSE 8000-99999'), [2]],
    ['not a number', df(B, 'EXPOSE http'), [2]],
    ['valid', df(B, 'EXPOSE 0 80 443/tcp 53/udp 65535 8000-8010'), []],
    ['variable', df(B, 'ARG PORT=8080', 'EXPOSE $PORT ${PORT}/tcp'), []],
    [
      'an address or host mapping is left to ExposeInvalidFormat',
      df(B, 'EXPOSE 10.8.0.1:8081 80:8080/tcp'),
      []
    ],
    ['a bad port beside a host mapping is still reported', df(B, 'EXPOSE 80:8080 99999'), [2]]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3011, text)).toEqual(expected))
})

describe('DL3012 one HEALTHCHECK per stage', () => {
  const cases: Case[] = [
    ['two in a stage', df(B, 'HEALTHCHECK CMD true', 'HEALTHCHECK NONE'), [3]],
    ['three in a stage', df(B, 'HEALTHCHECK NONE', 'HEALTHCHECK NONE', 'HEALTHCHECK NONE'), [3, 4]],
    [
      'one per stage',
      df('FROM debian:12 AS a', 'HEALTHCHECK NONE', 'FROM debian:12', 'HEALTHCHECK CMD true'),
      []
    ],
    ['one', df(B, 'HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3012, text)).toEqual(expected))
})

describe('DL3020 COPY instead of ADD for files', () => {
  const cases: Case[] = [
    ['plain file', df(B, 'ADD app.py /app/'), [2]],
    ['directory', df(B, 'ADD src/ /app/src/'), [2]],
    ['zip is not extracted by ADD', df(B, 'ADD site.zip /srv/'), [2]],
    ['quoted file in JSON form', df(B, 'ADD ["conf.ini", "/etc/app/"]'), [2]],
    ['one plain among archives', df(B, 'ADD a.tar.gz b.txt /opt/'), [2]],
    ['tar archive', df(B, 'ADD app.tar.xz /opt/'), []],
    ['compressed file', df(B, 'ADD data.gz /opt/'), []],
    ['URL', df(B, 'ADD https://example.com/app.bin /usr/local/bin/app'), []],
    ['git repository', df(B, 'ADD https://github.com/moby/buildkit.git#v0.14.0 /src'), []],
    ['variable source', df(B, 'ARG F', 'ADD $F /opt/'), []],
    ['COPY is fine', df(B, 'COPY app.py /app/'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3020, text)).toEqual(expected))
})

describe('DL3021 COPY with several sources needs a directory destination', () => {
  const cases: Case[] = [
    ['no trailing slash', df(B, 'COPY a b /dest'), [2]],
    ['JSON form', df(B, 'COPY ["a", "b", "/dest"]'), [2]],
    ['with --from flag', df('FROM debian:12 AS x', 'FROM debian:12', 'COPY --from=x a b /dest'), [3]],
    ['trailing slash', df(B, 'COPY a b /dest/'), []],
    ['one source', df(B, 'COPY a /dest'), []],
    ['variable destination', df(B, 'ARG D=/x/', 'COPY a b $D'), []],
    ['before any FROM', 'COPY a b c\n', [1]],
    ['ONBUILD trigger', df(B, 'ONBUILD COPY a b /dest'), [2]],
    ['quoted destination with slash', df(B, 'COPY a b "/dest dir/"'), []],
    ['Windows destination (escape=`)', '# escape=`\nFROM w\nCOPY a b C:\\app\\\n', []],
    ['Windows destination without a separator', '# escape=`\nFROM w\nCOPY a b C:\\app\n', [3]],
    // `build` is the value of a bare `--from` (SG1030), not a third argument.
    ['--from without =', df('FROM debian:12 AS build', 'FROM debian:12', 'COPY --from build /a /b'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3021, text)).toEqual(expected))
})

describe('DL3022 COPY --from references an earlier stage', () => {
  const cases: Case[] = [
    ['undefined stage', df(B, 'COPY --from=build /x /x'), [2]],
    ['stage defined later', df(B, 'COPY --from=build /x /x', 'FROM debian:12 AS build'), [2]],
    ['index out of range', df(B, 'COPY --from=1 /x /x'), [2]],
    ['earlier stage by name', df('FROM debian:12 AS build', 'FROM debian:12', 'COPY --from=build /x /x'), []],
    [
      'earlier stage by name, other case',
      df('FROM debian:12 AS Build', 'FROM debian:12', 'COPY --from=build /x /x'),
      []
    ],
    ['earlier stage by index', df('FROM debian:12', 'FROM debian:12', 'COPY --from=0 /x /x'), []],
    ['external image with tag', df(B, 'COPY --from=nginx:1.27 /etc/nginx /etc/nginx'), []],
    ['external image with registry', df(B, 'COPY --from=ghcr.io/org/tool /bin/t /bin/t'), []],
    ['variable', df(B, 'ARG SRC=build', 'COPY --from=$SRC /x /x'), []],
    ['own name is DL3023', df('FROM debian:12 AS a', 'COPY --from=a /x /x'), []],
    ['before any FROM', 'COPY --from=build /x /x\n', [1]],
    ['index before any FROM', 'COPY --from=0 /x /x\n', [1]],
    // `--from=0` in the first stage: hadolint counts the FROMs so far, its own included.
    ['index 0 in the first stage', df(B, 'COPY --from=0 /x /x'), []],
    ['index of a later stage', df(B, 'COPY --from=1 /x /x', 'FROM debian:12', 'COPY --from=1 /y /y'), [2]],
    ['ONBUILD names a downstream stage', df(B, 'ONBUILD COPY --from=build /x /x'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3022, text)).toEqual(expected))
})

describe('DL3023 COPY --from its own stage', () => {
  const cases: Case[] = [
    ['own alias', df('FROM debian:12 AS app', 'COPY --from=app /x /y'), [2]],
    ['own alias, other case', df('FROM debian:12 AS App', 'RUN true', 'COPY --from=app /x /y'), [3]],
    ['earlier stage', df('FROM debian:12 AS build', 'FROM debian:12 AS app', 'COPY --from=build /x /y'), []],
    ['unnamed stage', df(B, 'COPY --from=x /x /y'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3023, text)).toEqual(expected))
})

describe('DL3024 unique stage names', () => {
  const cases: Case[] = [
    ['duplicate', df('FROM debian:12 AS build', 'FROM debian:12 AS build'), [2]],
    [
      'duplicate differing in case',
      df('FROM debian:12 AS build', 'RUN true', 'FROM alpine:3.20 AS BUILD'),
      [3]
    ],
    [
      'three with the same name',
      df('FROM debian:12 AS x', 'FROM debian:12 AS x', 'FROM debian:12 AS x'),
      [2, 3]
    ],
    ['unique', df('FROM debian:12 AS build', 'FROM debian:12 AS run'), []],
    ['unnamed stages', df('FROM debian:12', 'FROM debian:12'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3024, text)).toEqual(expected))

  it('names the line of the first stage with that name', () => {
    expect(hits(DL3024, df('FROM debian:12 AS build', 'FROM debian:12 AS build'))[0]?.message).toContain(
      'line 1'
    )
  })
})

describe('DL3025 JSON notation for CMD and ENTRYPOINT', () => {
  const cases: Case[] = [
    ['shell-form CMD', df(B, 'CMD node server.js'), [2]],
    ['shell-form ENTRYPOINT', df(B, 'ENTRYPOINT /entrypoint.sh'), [2]],
    ['broken JSON is shell form', df(B, "CMD ['node', 'server.js']"), [2]],
    ['both', df(B, 'ENTRYPOINT run', 'CMD --help'), [2, 3]],
    ['JSON CMD', df(B, 'CMD ["node", "server.js"]'), []],
    ['JSON ENTRYPOINT', df(B, 'ENTRYPOINT ["/entrypoint.sh"]'), []],
    ['RUN is not concerned', df(B, 'RUN make'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3025, text)).toEqual(expected))
})

describe('DL3026 trusted registries', () => {
  const trusted = { trustedRegistries: ['docker.io', '*.example.com'] }
  const cases: Case[] = [
    ['untrusted registry', df('FROM ghcr.io/org/app:1.0'), [1]],
    ['localhost registry', df('FROM debian:12 AS a', 'FROM localhost:5000/app:1'), [2]],
    ['wildcard does not match the bare domain', df('FROM example.com/app:1'), [1]],
    ['ARG default resolving to an untrusted registry', df('ARG REG=quay.io', 'FROM ${REG}/org/app:1'), [2]],
    ['Docker Hub implicit', df('FROM ubuntu:24.04'), []],
    ['Docker Hub by another name', df('FROM index.docker.io/library/ubuntu:24.04'), []],
    ['wildcard subdomain', df('FROM registry.example.com/team/app:2'), []],
    ['scratch', df('FROM scratch'), []],
    ['stage reference', df('FROM ubuntu:24.04 AS base', 'FROM base'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3026, text, trusted)).toEqual(expected))

  it('is off when no trusted registries are configured', () => {
    expect(lines(DL3026, df('FROM ghcr.io/org/app:1.0'))).toEqual([])
  })
  it('names the trusted registries in its message', () => {
    expect(hits(DL3026, df('FROM ghcr.io/org/app:1.0'), trusted)[0]?.message).toContain(
      'docker.io, *.example.com'
    )
  })
})

describe('DL3029 FROM --platform', () => {
  const cases: Case[] = [
    ['fixed platform', df('FROM --platform=linux/amd64 debian:12'), [1]],
    ['other variable', df('ARG P=linux/arm64', 'FROM --platform=$P debian:12'), [2]],
    ['no flag', df('FROM debian:12'), []],
    ['$BUILDPLATFORM', df('FROM --platform=$BUILDPLATFORM golang:1.23 AS build'), []],
    ['${BUILDPLATFORM}', df('FROM --platform=${BUILDPLATFORM} golang:1.23'), []],
    ['quoted ${BUILDPLATFORM:-}', df('FROM --platform="${BUILDPLATFORM:-}" golang:1.23'), []],
    ['$TARGETPLATFORM', df('FROM --platform=$TARGETPLATFORM debian:12'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3029, text)).toEqual(expected))
})

describe('hits carry the instruction range and the stage', () => {
  it('a multi-line instruction in the second stage', () => {
    const text = df('FROM debian:12 AS a', 'FROM debian:12', 'CMD node \\', '  server.js')
    expect(hits(DL3025, text)).toEqual([{ line: 3, endLine: 4, stage: 1, message: expect.any(String) }])
  })
})
