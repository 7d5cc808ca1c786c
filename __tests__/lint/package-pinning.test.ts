import { expect } from '@jest/globals'
import { DL3018, DL3019 } from '../../src/lint/rules/apk.js'
import { DL3008, DL3009, DL3014, DL3015, DL3027 } from '../../src/lint/rules/apt.js'
import { DL3028 } from '../../src/lint/rules/gem.js'
import { DL3016 } from '../../src/lint/rules/npm.js'
import { DL3013 } from '../../src/lint/rules/pip.js'
import { DL3030 } from '../../src/lint/rules/rpm.js'
import { df, hits, lines, type Case } from './rule-cases.js'

const B = 'FROM debian:12'

describe('DL3008 pin versions in apt-get install', () => {
  const cases: Case[] = [
    ['unpinned package', df(B, 'RUN apt-get install -y curl'), [2]],
    ['one of several unpinned', df(B, 'RUN apt-get install -y curl=8.0 git'), [2]],
    ['through sudo', df(B, 'RUN sudo apt-get install -y curl'), [2]],
    [
      'continuation lines report the RUN start',
      df(B, 'RUN apt-get update \\', '  && apt-get install -y \\', '     wget'),
      [2]
    ],
    ['exec form', df(B, 'RUN ["apt-get", "install", "-y", "curl"]'), [2]],
    ['sh -c exec form', df(B, 'RUN ["/bin/sh", "-c", "apt-get install -y curl"]'), [2]],
    ['heredoc script', df(B, 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF'), [2]],
    ['ONBUILD RUN trigger', df(B, 'ONBUILD RUN apt-get install -y curl'), [2]],
    ['pinned', df(B, 'RUN apt-get install -y curl=8.0.1-1 git=1:2.39'), []],
    ['release pin and local .deb', df(B, 'RUN apt-get install -y curl/bookworm-backports ./pkg.deb'), []],
    ['-t value is not a package', df(B, 'RUN apt-get install -t bookworm-backports -y curl=8.0'), []],
    [
      '-o value is not a package',
      df(B, 'RUN apt-get install -o Dpkg::Options::=--force-confnew -y curl=8.0'),
      []
    ],
    ['variable package list', df(B, 'RUN apt-get install -y $PACKAGES'), []],
    ['apt-get update only', df(B, 'RUN apt-get update'), []],
    ['apt-get source is not install', df(B, 'RUN apt-get source curl'), []],
    ['quoted text mentioning it', df(B, 'RUN echo "apt-get install curl"'), []],
    ['heredoc data is not a script', df(B, 'RUN cat <<EOF > /notes', 'apt-get install curl', 'EOF'), []],
    ['PowerShell stage is skipped', df(B, 'SHELL ["pwsh", "-Command"]', 'RUN apt-get install -y curl'), []],
    // As in hadolint, DL3008 reads apt-get install (aptitude and apt are other rules' business).
    ['aptitude install is not judged', df(B, 'RUN aptitude install -y curl'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3008, text)).toEqual(expected))

  it('reports line, endLine, stage and a message naming the package', () => {
    expect(
      hits(
        DL3008,
        df('FROM debian:12 AS a', 'RUN true', 'FROM debian:12', 'RUN apt-get install -y \\', '  curl')
      )
    ).toEqual([{ line: 4, endLine: 5, stage: 1, message: expect.stringContaining('`curl=<version>`') }])
  })
})

describe('DL3009 delete the apt lists (stage-aware)', () => {
  const cases: Case[] = [
    ['update without cleanup', df(B, 'RUN apt-get update && apt-get install -y curl'), [2]],
    ['apt update without cleanup', df(B, 'RUN apt update'), [2]],
    [
      'cleanup in a later RUN does not help the earlier layer',
      df(B, 'RUN apt-get update', 'RUN rm -rf /var/lib/apt/lists/*'),
      [2]
    ],
    [
      'cleanup in the same RUN',
      df(B, 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
      []
    ],
    [
      'cache mount on the lists',
      df(B, 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update'),
      []
    ],
    [
      'tmpfs mount on the lists',
      df(B, 'RUN --mount=type=tmpfs,target=/var/lib/apt/lists/ apt-get update'),
      []
    ],
    ['cache mount elsewhere', df(B, 'RUN --mount=type=cache,target=/var/cache/apt apt-get update'), [2]],
    // As hadolint counts it: a cache on /var/lib/apt alone is not enough, on both of apt's directories it is.
    [
      'cache mount on /var/lib/apt alone',
      df(B, 'RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update'),
      [2]
    ],
    [
      'cache mounts on both apt directories',
      df(
        B,
        'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\',
        '    --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update'
      ),
      []
    ],
    ['one cache mount on a parent of both', df(B, 'RUN --mount=type=cache,target=/var apt-get update'), []],
    [
      'ONBUILD RUN in a stage only copied from',
      df('FROM debian:12 AS tmpl', 'ONBUILD RUN apt-get update', 'FROM scratch', 'COPY --from=tmpl /x /x'),
      [2]
    ],
    ['RUN before any FROM', df('RUN apt-get update && apt-get install -y git'), [1]],
    [
      'bind mount is not a cache',
      df(B, 'RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update'),
      [2]
    ],
    [
      'cache mount on a sibling prefix',
      df(B, 'RUN --mount=type=cache,target=/var/lib/ap apt-get update'),
      [2]
    ],
    [
      'builder stage only copied from',
      df('FROM debian:12 AS build', 'RUN apt-get update', 'FROM scratch', 'COPY --from=build /x /x'),
      []
    ],
    [
      'final stage is built FROM the stage',
      df('FROM debian:12 AS base', 'RUN apt-get update', 'FROM base', 'RUN true'),
      [2]
    ],
    [
      'target selects the final stage',
      df('FROM debian:12 AS a', 'RUN apt-get update', 'FROM scratch AS b'),
      []
    ],
    ['no apt at all', df(B, 'RUN echo hi'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3009, text)).toEqual(expected))

  it('checks the target stage when one is given', () => {
    expect(
      lines(DL3009, df('FROM debian:12 AS a', 'RUN apt-get update', 'FROM scratch AS b'), {}, 'a')
    ).toEqual([2])
  })
})

describe('DL3013 pin versions in pip', () => {
  const cases: Case[] = [
    ['unpinned', df(B, 'RUN pip install flask'), [2]],
    [
      'pip3 and python -m pip',
      df(B, 'RUN pip3 install flask==3.0', 'RUN python3 -m pip install requests'),
      [3]
    ],
    ['versioned pip name', df(B, 'RUN pip3.12 install flask'), [2]],
    ['one unpinned among pinned', df(B, 'RUN pip install "flask==3.0" requests'), [2]],
    ['specifiers', df(B, 'RUN pip install "a>=1" "b<2" c~=1.1 d!=3 "e[extra]==1"'), []],
    ['requirements file', df(B, 'RUN pip install --no-cache-dir -r requirements.txt'), []],
    ['local path and wheel', df(B, 'RUN pip install . ./dist/app-1.0-py3-none-any.whl'), []],
    ['VCS url', df(B, 'RUN pip install git+https://github.com/x/y@v1'), []],
    ['index url value is not a package', df(B, 'RUN pip install -i https://pypi.example flask==3.0'), []],
    ['editable path', df(B, 'RUN pip install -e .'), []],
    ['pip freeze is not install', df(B, 'RUN pip freeze'), []],
    // VCS requirements: pinned by a ref after the repository path, not by an `@` of credentials.
    ['VCS url without a ref', df(B, 'RUN pip install git+https://gitlab.example/grp/lib.git#egg=lib'), [2]],
    [
      'VCS url with credentials, no ref',
      df(B, 'RUN pip install git+https://ci:tok@git.example/grp/lib'),
      [2]
    ],
    [
      'VCS url with tag and egg',
      df(B, 'RUN pip install "git+https://git.example/grp/lib.git@2.1#egg=lib"'),
      []
    ],
    ['VCS over ssh with commit', df(B, 'RUN pip install git+ssh://git@git.example/grp/lib.git@9f2c1e0'), []],
    ['hg url without a ref', df(B, 'RUN pip install hg+https://hg.example/lib'), [2]],
    // Local directories and files: any path with a slash, archives.
    ['relative directory without ./', df(B, 'RUN pip install packages/core'), []],
    ['absolute wheel directory', df(B, 'RUN pip install /wheels/core'), []],
    ['sdist archive', df(B, 'RUN pip install core-2.0.tar.gz'), []],
    // A requirements or constraints file (or the project, `.`) makes the whole command fine.
    ['requirements file and a package', df(B, 'RUN pip install -r requirements.txt gunicorn'), []],
    ['--requirement=', df(B, 'RUN pip install --requirement=reqs/prod.txt'), []],
    ['constraints file', df(B, 'RUN pip install gunicorn --constraint constraints.txt'), []],
    ['-c constraints', df(B, 'RUN pip install -c https://c.example/c.txt gunicorn'), []],
    ['editable VCS value is not judged', df(B, 'RUN pip install -e git+https://git.example/x/y#egg=y'), []],
    [
      'value options skipped',
      df(B, 'RUN pip3 install --target /opt/t --trusted-host h.example tool==1.0'),
      []
    ],
    ['before any FROM', 'RUN pip install gunicorn\n', [1]],
    ['pipenv is another tool', df(B, 'RUN pipenv install gunicorn'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3013, text)).toEqual(expected))
})

describe('DL3014 apt-get -y', () => {
  const cases: Case[] = [
    ['missing', df(B, 'RUN apt-get install curl=8.0'), [2]],
    ['-q is not enough', df(B, 'RUN apt-get install -q curl=8.0'), [2]],
    ['-y', df(B, 'RUN apt-get install -y curl=8.0'), []],
    ['-y before the subcommand', df(B, 'RUN apt-get -y install curl=8.0'), []],
    ['bundled -qy', df(B, 'RUN apt-get install -qy curl=8.0'), []],
    [
      '--yes and --assume-yes',
      df(B, 'RUN apt-get install --yes a=1 && apt-get install --assume-yes b=1'),
      []
    ],
    ['-qq implies yes', df(B, 'RUN apt-get install -qq curl=8.0'), []],
    ['-q=2', df(B, 'RUN apt-get -q=2 install curl=8.0'), []],
    ['apt-get update needs none', df(B, 'RUN apt-get update'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3014, text)).toEqual(expected))
})

describe('DL3015 --no-install-recommends', () => {
  const cases: Case[] = [
    ['missing', df(B, 'RUN apt-get install -y curl=8.0'), [2]],
    [
      'second install in the RUN misses it',
      df(B, 'RUN apt-get install -y --no-install-recommends a=1 && apt-get install -y b=1'),
      [2]
    ],
    ['present', df(B, 'RUN apt-get install -y --no-install-recommends curl=8.0'), []],
    ['apt option', df(B, 'RUN apt-get -o APT::Install-Recommends=false install -y curl=8.0'), []],
    ['not an install', df(B, 'RUN apt-get update'), []],
    ['before any FROM', 'RUN apt-get -y install python3\n', [1]],
    // hadolint's apt-get rules read apt-get only: aptitude has its own recommends setting.
    ['aptitude is not apt-get', df(B, 'RUN aptitude install -y curl'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3015, text)).toEqual(expected))
})

describe('DL3016 pin versions in npm', () => {
  const cases: Case[] = [
    ['unpinned', df(B, 'RUN npm install express'), [2]],
    ['npm i -g', df(B, 'RUN npm i -g typescript'), [2]],
    ['scoped without version', df(B, 'RUN npm install @types/node'), [2]],
    ['latest is not a pin', df(B, 'RUN npm install express@latest'), [2]],
    ['git without commit-ish', df(B, 'RUN npm install git+https://github.com/x/y.git'), [2]],
    ['pinned and scoped pinned', df(B, 'RUN npm install express@4.19.2 @types/node@20.1.0'), []],
    ['git with commit-ish', df(B, 'RUN npm install github:x/y#v1.2.3 x/z#abc123'), []],
    ['tarball and path', df(B, 'RUN npm install ./pkg.tgz ../local'), []],
    ['install from package.json', df(B, 'RUN npm install && npm ci'), []],
    ['registry value is not a package', df(B, 'RUN npm install --registry https://r.example x@1.0.0'), []],
    // Options that take a separate value: the value is not a package.
    ['--loglevel value', df(B, 'RUN npm install --loglevel verbose left-pad@1.3.0'), []],
    ['--cache value', df(B, 'RUN npm install --cache /tmp/npm --prefer-offline'), []],
    ['--omit value then an unpinned package', df(B, 'RUN npm install --omit dev left-pad'), [2]],
    [
      '--registry= then an unpinned package',
      df(B, 'RUN npm install --registry=https://r.example left-pad'),
      [2]
    ],
    // Local folders and tarballs are fixed content.
    ['home folder', df(B, 'RUN npm install ~/pkgs/lib'), []],
    ['parent and absolute folders', df(B, 'RUN npm install ../lib /opt/lib'), []],
    ['tarballs', df(B, 'RUN npm install lib-1.0.0.tgz lib-2.tar lib-3.tar.gz'), []],
    ['file: spec', df(B, 'RUN npm install file:../lib'), []],
    // Git URLs: pinned by a `#commit-ish` or `#semver:`.
    ['git+ssh with tag', df(B, 'RUN npm install git+ssh://git@git.example:grp/lib.git#v2.0.1'), []],
    ['git+https with semver', df(B, 'RUN npm install git+https://git.example/grp/lib#semver:^2.0'), []],
    ['git:// without commit-ish', df(B, 'RUN npm install git://git.example/grp/lib.git'), [2]],
    ['scoped with a range', df(B, 'RUN npm install @grp/lib@">=1.0.0 <2.0.0"'), []],
    ['npm run install is no install', df(B, 'RUN npm run --silent install'), []],
    ['before any FROM', 'RUN npm install -g left-pad\n', [1]]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3016, text)).toEqual(expected))
})

describe('DL3018 pin versions in apk add', () => {
  const cases: Case[] = [
    ['unpinned', df('FROM alpine:3.20', 'RUN apk add --no-cache curl'), [2]],
    ['pinned', df('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.0-r0 git~2.45'), []],
    [
      'virtual name is not a package',
      df('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .deps gcc=13.2.1-r0'),
      []
    ],
    ['-t name is not a package', df('FROM alpine:3.20', 'RUN apk add -t .deps gcc'), [2]],
    ['local .apk', df('FROM alpine:3.20', 'RUN apk add --allow-untrusted /tmp/x.apk'), []],
    ['apk del is not add', df('FROM alpine:3.20', 'RUN apk del curl'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3018, text)).toEqual(expected))
})

describe('DL3019 apk add --no-cache', () => {
  const cases: Case[] = [
    ['missing', df('FROM alpine:3.20', 'RUN apk add curl=8.9.0-r0'), [2]],
    [
      '--update is not enough',
      df('FROM alpine:3.20', 'RUN apk add --update curl=8.9.0-r0 && rm -rf /var/cache/apk/*'),
      [2]
    ],
    ['present', df('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.0-r0'), []],
    [
      'cache mount',
      df('FROM alpine:3.20', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.0-r0'),
      []
    ],
    [
      'cache mount elsewhere',
      df('FROM alpine:3.20', 'RUN --mount=type=cache,target=/root/.cache apk add curl=8.9.0-r0'),
      [2]
    ],
    ['apk update is not add', df('FROM alpine:3.20', 'RUN apk update'), []],
    ['before any FROM', 'RUN apk add flex=2.6.4-r1\n', [1]],
    [
      'cache mount elsewhere, but --no-cache',
      df(
        'FROM alpine:3.20',
        'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=8.9.0-r0'
      ),
      []
    ],
    [
      'tmpfs on a parent of the apk cache',
      df('FROM alpine:3.20', 'RUN --mount=type=tmpfs,target=/var/cache apk add curl=8.9.0-r0'),
      []
    ]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3019, text)).toEqual(expected))
})

describe('DL3027 apt instead of apt-get', () => {
  const cases: Case[] = [
    ['apt install', df(B, 'RUN apt install -y curl'), [2]],
    ['apt update inside a chain', df(B, 'RUN true && apt update'), [2]],
    ['/usr/bin/apt', df(B, 'RUN /usr/bin/apt list'), [2]],
    ['apt-get and apt-cache', df(B, 'RUN apt-get update && apt-cache policy curl'), []],
    ['apt as an argument', df(B, 'RUN echo apt'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3027, text)).toEqual(expected))
})

describe('DL3028 pin versions in gem install', () => {
  const cases: Case[] = [
    ['unpinned', df('FROM ruby:3.3', 'RUN gem install bundler'), [2]],
    ['name:version', df('FROM ruby:3.3', 'RUN gem install bundler:2.5.6'), []],
    ['-v flag', df('FROM ruby:3.3', 'RUN gem install bundler -v 2.5.6'), []],
    ['--version=', df('FROM ruby:3.3', 'RUN gem install --version=2.5.6 bundler'), []],
    ['local gem file', df('FROM ruby:3.3', 'RUN gem install ./pkg/app-1.0.gem'), []],
    [
      'source value is not a gem',
      df('FROM ruby:3.3', 'RUN gem install --source https://g.example rake:13.0'),
      []
    ],
    ['bundle install is not gem', df('FROM ruby:3.3', 'RUN bundle install'), []],
    ['gem i, one of two unpinned', df('FROM ruby:3.3', 'RUN gem i rake:13.0 nokogiri'), [2]],
    ['-v attached', df('FROM ruby:3.3', 'RUN gem install -v1.15.0 nokogiri'), []],
    ['--version value', df('FROM ruby:3.3', "RUN gem install nokogiri --version '1.15.0'"), []],
    // After `--` come the native extension's build options, not gems.
    [
      'extension options after --',
      df('FROM ruby:3.3', 'RUN gem install nokogiri:1.15.0 -- --use-system-libraries true'),
      []
    ],
    [
      'extension option with = after --',
      df('FROM ruby:3.3', 'RUN gem install pg:1.5.4 -- --with-pg-config=/x'),
      []
    ],
    ['unpinned before --', df('FROM ruby:3.3', 'RUN gem install pg -- --with-pg-dir /usr'), [2]],
    [
      'an option with a boolean value',
      df('FROM ruby:3.3', 'RUN gem install pg:1.5.4 --use-system-libraries true'),
      []
    ],
    ['before any FROM', 'RUN gem install rake\n', [1]]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3028, text)).toEqual(expected))
})

describe('DL3030 yum -y', () => {
  const cases: Case[] = [
    ['missing', df('FROM rockylinux:9', 'RUN yum install httpd'), [2]],
    ['groupinstall missing', df('FROM rockylinux:9', 'RUN yum groupinstall "Development Tools"'), [2]],
    ['-y', df('FROM rockylinux:9', 'RUN yum install -y httpd'), []],
    ['-y before the subcommand', df('FROM rockylinux:9', 'RUN yum -y install httpd'), []],
    ['--assumeyes', df('FROM rockylinux:9', 'RUN yum --assumeyes install httpd'), []],
    ['yum clean needs none', df('FROM rockylinux:9', 'RUN yum clean all'), []]
  ]
  it.each(cases)('%s', (_name, text, expected) => expect(lines(DL3030, text)).toEqual(expected))
})
