import { expect } from '@jest/globals'
import { list } from '../../src/lint/kit.js'
import { lintText } from './sg-helpers.js'
import { DL3062 } from '../../src/lint/rules/go.js'
import { DL3060 } from '../../src/lint/rules/npm.js'
import { DL3042 } from '../../src/lint/rules/pip.js'
import {
  DL3031,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3039,
  DL3040,
  DL3041
} from '../../src/lint/rules/rpm.js'
import { DL3046, DL3047, DL4001, DL4005, DL4006 } from '../../src/lint/rules/shell.js'
import { describeRule, hits } from './rule-cases.js'
import { hits as hitLines } from './sg-helpers.js'

describeRule(DL3031, {
  catches: [
    ['FROM centos:7\nRUN yum update -y\n', [2]],
    ['FROM centos:7\nRUN yum -y install a-1 && \\\n  yum upgrade -y\nRUN yum -q update-to x\n', [2, 4]],
    ['FROM centos:7\nONBUILD RUN sudo yum upgrade\n', [2]]
  ],
  passes: [
    'FROM centos:7\nRUN yum install -y httpd-2.4\n',
    'FROM centos:7\nRUN echo yum update\n',
    'FROM fedora\nRUN dnf upgrade -y\n'
  ]
})

describeRule(DL3032, {
  catches: [
    ['FROM centos:7\nRUN yum install -y httpd-2.4\n', [2]],
    ['FROM centos:7\nRUN yum clean all\nRUN yum install -y httpd-2.4\n', [3]],
    ['FROM centos:7\nRUN yum install -y a-1 && yum clean packages\n', [2]],
    // A clean before the install cleans nothing.
    ['FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4\n', [2]],
    ['FROM centos:7\nRUN rm -rf /var/cache/yum && yum install -y httpd-2.4\n', [2]]
  ],
  passes: [
    'FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y httpd-2.4 \\\n && rm -rf /var/cache/yum/*\n',
    'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4\n',
    'FROM centos:7\nRUN yum update -y\n',
    // A tmpfs, or a cache on a parent directory, keeps the cache out of the layer.
    'FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache/yum yum install -y httpd-2.4\n',
    'FROM centos:7\nRUN --mount=type=cache,target=/var/cache yum install -y httpd-2.4\n'
  ]
})

describeRule(DL3033, {
  catches: [
    ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n', [2]],
    ['FROM centos:7\nRUN yum install -y httpd-2.4.6 gcc-c++ && yum clean all\n', [2]],
    ['FROM centos:7\nRUN yum module install -y nodejs\n', [2]],
    ['FROM centos:7\nRUN yum --enablerepo epel install -y jq\n', [2]]
  ],
  passes: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y /tmp/tool.rpm https://example.com/x.rpm\n',
    'FROM centos:7\nRUN yum install -y "$PACKAGES" @development\n',
    'FROM centos:7\nRUN yum module install -y nodejs:18\n',
    'FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6\n'
  ]
})

describeRule(DL3034, {
  catches: [
    ['FROM opensuse/leap\nRUN zypper install httpd=2.4\n', [2]],
    ['FROM opensuse/leap\nRUN zypper refresh && zypper rm vim\n', [2]],
    ['FROM opensuse/leap\nRUN zypper dup\n', [2]]
  ],
  passes: [
    'FROM opensuse/leap\nRUN zypper install -y httpd=2.4\n',
    'FROM opensuse/leap\nRUN zypper --non-interactive install httpd=2.4\n',
    'FROM opensuse/leap\nRUN zypper -n in httpd=2.4\n',
    'FROM opensuse/leap\nRUN zypper refresh\n'
  ]
})

describeRule(DL3035, {
  catches: [
    ['FROM opensuse/leap\nRUN zypper dist-upgrade -y\n', [2]],
    ['FROM opensuse/leap\nRUN zypper -n dup\n', [2]]
  ],
  passes: [
    'FROM opensuse/leap\nRUN zypper -n update\n',
    'FROM opensuse/leap\nRUN zypper install -y dup=1.0\n'
  ]
})

describeRule(DL3036, {
  catches: [
    ['FROM opensuse/leap\nRUN zypper install -y httpd=2.4\n', [2]],
    ['FROM opensuse/leap\nRUN zypper -n in a=1\nRUN zypper clean\n', [2]],
    ['FROM opensuse/leap\nRUN zypper clean -a && zypper -n in a=1\n', [2]]
  ],
  passes: [
    'FROM opensuse/leap\nRUN zypper install -y httpd=2.4 && zypper clean\n',
    'FROM opensuse/leap\nRUN zypper -n in a=1 && zypper cc -a\n',
    'FROM opensuse/leap\nRUN zypper -n in a=1 && rm -rf /var/cache/zypp/*\n',
    'FROM opensuse/leap\nRUN zypper -n refresh\n'
  ]
})

describeRule(DL3037, {
  catches: [
    ['FROM opensuse/leap\nRUN zypper install -y httpd && zypper clean\n', [2]],
    ['FROM opensuse/leap\nRUN zypper -n in a=1 b\n', [2]]
  ],
  passes: [
    'FROM opensuse/leap\nRUN zypper install -y httpd=2.4 && zypper clean\n',
    "FROM opensuse/leap\nRUN zypper -n in 'a>=1.2' 'b<3' /tmp/c.rpm\n",
    'FROM opensuse/leap\nRUN zypper -n remove vim\n'
  ]
})

describeRule(DL3038, {
  catches: [
    ['FROM fedora:40\nRUN dnf install httpd-2.4 && dnf clean all\n', [2]],
    ['FROM fedora:40\nRUN dnf -q remove vim\n', [2]],
    ['FROM fedora:40\nRUN dnf check-update; \\\n    dnf groupinstall "Development Tools"\n', [2]],
    ['FROM ubi9-minimal\nRUN microdnf install httpd-2.4 && microdnf clean all\n', [2]]
  ],
  passes: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n',
    'FROM fedora:40\nRUN dnf --assumeyes install httpd-2.4\n',
    'FROM fedora:40\nRUN dnf -qy install httpd-2.4\n',
    'FROM ubi9-minimal\nRUN microdnf install -y httpd-2.4\n',
    'FROM fedora:40\nRUN notdnf install httpd\n',
    'FROM fedora:40\nRUN dnf clean all\n'
  ]
})

describeRule(DL3039, {
  catches: [
    ['FROM fedora:40\nRUN dnf upgrade -y\n', [2]],
    ['FROM ubi9-minimal\nRUN microdnf update\n', [2]]
  ],
  passes: ['FROM fedora:40\nRUN dnf install -y a-1\n', 'FROM centos:7\nRUN yum update\n']
})

describeRule(DL3040, {
  catches: [
    ['FROM fedora:40\nRUN dnf install -y httpd-2.4\n', [2]],
    ['FROM ubi9-minimal\nRUN microdnf install httpd-2.4 && microdnf clean metadata\n', [2]],
    // Each tool cleans its own cache, after its install.
    ['FROM fedora:40\nRUN dnf install -y httpd-2.4 && microdnf clean all\n', [2]],
    ['FROM fedora:40\nRUN dnf clean all && dnf install -y httpd-2.4\n', [2]],
    ['FROM fedora:40\nRUN dnf install -y a-1 && dnf clean all && dnf install -y b-1\n', [2]],
    ['RUN microdnf install -y httpd-2.4\n', [1]]
  ],
  passes: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n',
    'FROM ubi9-minimal\nRUN microdnf install httpd-2.4 && microdnf clean all\n',
    'FROM fedora:40\nRUN dnf install -y a-1 && rm -rf /var/cache/dnf\n',
    'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y a-1\n',
    'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache dnf install -y a-1\n',
    'FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y a-1\n',
    'FROM fedora:40\nRUN dnf install -y a-1 && rm -rf /var/cache/yum/*\n',
    'FROM fedora:40\nRUN dnf -y install a-1 && microdnf install -y b-1 && dnf clean all && microdnf clean all\n',
    'FROM fedora:40\nRUN notdnf install mariadb\n'
  ]
})

test.each([
  ['FROM ubi9-minimal\nRUN microdnf install -y tar\n', '`microdnf install`'],
  ['FROM fedora:40\nRUN dnf install -y tar\n', '`dnf install`'],
  [
    'FROM fedora:40\nRUN dnf install -y tar && microdnf install -y gzip\n',
    '`dnf install` and `microdnf install`'
  ]
])('DL3041 names the command written: %j', (dockerfile, named) => {
  const [hit] = hits(DL3041, dockerfile)
  expect(hit?.message).toMatch(new RegExp(` in ${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`))
})

describeRule(DL3041, {
  catches: [
    ['FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n', [2]],
    ['FROM ubi9-minimal\nRUN microdnf install tar gzip-1.12\n', [2]],
    ['FROM fedora:40\nRUN dnf -y module install postgresql\n', [2]]
  ],
  passes: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.58 && dnf clean all\n',
    'FROM fedora:40\nRUN dnf -y module install postgresql:16\n',
    "FROM fedora:40\nRUN dnf install -y 'dnf-command(config-manager)' /usr/bin/make\n",
    'FROM fedora:40\nRUN dnf -y remove vim\n'
  ]
})

describeRule(DL3042, {
  catches: [
    ['FROM python:3.12\nRUN pip install requests==2.31.0\n', [2]],
    ['FROM python:3.12\nRUN python3 -m pip install -r requirements.txt\n', [2]],
    ['FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip3 install flask==3.0\n', [3]],
    ['FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install x==1\n', [4]],
    ['FROM python:3.12\nRUN pip install x==1\nENV PIP_NO_CACHE_DIR=1\n', [2]],
    ['ENV PIP_NO_CACHE_DIR=off\nRUN pip install x==1\n', [2]],
    ['FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=false && pip install x==1\n', [2]],
    // As hadolint: only 1/true/on/yes count, though pip reads `off` as "cache off" too.
    ['FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install -r /tmp/requirements.txt\n', [3]]
  ],
  passes: [
    'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.31.0\n',
    // A file without FROM is read as one sequence (hadolint's way): its ENV counts.
    'ENV PIP_NO_CACHE_DIR=on\nRUN pip install x==1\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x==1\n',
    'FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install x==1\n',
    'FROM python:3.12\nRUN pipx install black && pipenv install\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n',
    'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install x==1\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n',
    'FROM python:3.12\nARG PIP_NO_CACHE_DIR=yes\nRUN pip install x==1\n',
    'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=on && pip install x==1\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n',
    'FROM python:3.12\nRUN pipx install black==24.1.0 && pip download x\n',
    'FROM python:3.12\nRUN pip freeze\n'
  ]
})

describe('DL3042 message', () => {
  // hadolint reports a falsy PIP_NO_CACHE_DIR; pip turns the cache off anyway, and the message says so.
  test.each([
    ['FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install -r /tmp/requirements.txt\n', 'off'],
    ['FROM python:3.12\nRUN PIP_NO_CACHE_DIR=false pip install x==1\n', 'false'],
    ['FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=0 && pip install x==1\n', '0']
  ])('a falsy value: %j', (dockerfile, value) => {
    const [hit] = hits(DL3042, dockerfile)
    expect(hit?.message).toContain(`pip does turn its cache off for \`PIP_NO_CACHE_DIR=${value}\` too`)
    expect(hit?.message).toContain('`PIP_NO_CACHE_DIR=1`')
  })
  test('no setting at all keeps the plain advice', () => {
    const [hit] = hits(DL3042, 'FROM python:3.12\nRUN pip install x==1\n')
    expect(hit?.message).toBe(
      'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`) to keep the pip cache out of the layer.'
    )
  })
})

describeRule(DL3046, {
  catches: [
    ['FROM debian\nRUN useradd -u 123456 app\n', [2]],
    ['FROM debian\nRUN useradd --uid=1000000 app\n', [2]],
    ['FROM debian\nRUN groupadd g && useradd -u1234567 -g g app\n', [2]]
  ],
  passes: [
    'FROM debian\nRUN useradd -l -u 123456 app\n',
    'FROM debian\nRUN useradd --no-log-init -u 123456 app\n',
    'FROM debian\nRUN useradd -u 10001 app\n',
    'FROM debian\nRUN useradd app\n'
  ]
})

describe('DL3047 advice fits the wget of the stage', () => {
  const GNU = 'Use `wget --progress=dot:giga` (or `-q`/`-nv`) so large downloads do not flood the build log.'
  const BUSYBOX =
    'Use `wget -q` so large downloads do not flood the build log (busybox wget quiets its progress meter only with `-q`).'
  test.each([
    ['FROM alpine:3.20\nRUN wget -O /tmp/x https://example.com/x\n', BUSYBOX],
    ['FROM postgres:15-alpine3.20 AS base\nFROM base\nRUN wget https://example.com/x\n', BUSYBOX],
    ['FROM busybox:1.36\nRUN wget https://example.com/x\n', BUSYBOX],
    ['FROM debian\nRUN wget https://example.com/x\n', GNU],
    // GNU wget installed on Alpine does have --progress.
    ['FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://example.com/x\n', GNU]
  ])('%j', (dockerfile, message) => {
    expect(hits(DL3047, dockerfile).map(hit => hit.message)).toEqual([message])
  })
})

describeRule(DL3047, {
  catches: [
    ['FROM debian\nRUN wget https://example.com/big.tar.gz\n', [2]],
    ['FROM debian\nRUN wget -O /tmp/x https://example.com/x && tar xf /tmp/x\n', [2]],
    // Still reported on Alpine, as hadolint does; only the advice changes.
    ['FROM alpine:3.20\nRUN wget -O /tmp/x https://example.com/x\n', [2]]
  ],
  passes: [
    'FROM debian\nRUN wget --progress=dot:giga https://example.com/x\n',
    'FROM debian\nRUN wget -q https://example.com/x\n',
    'FROM debian\nRUN wget -qO- https://example.com/x | tar x\n',
    'FROM debian\nRUN wget -nv https://example.com/x\n',
    'FROM debian\nRUN wget -o /dev/null https://example.com/x\n',
    'FROM debian\nRUN curl -fsSLO https://example.com/x\n',
    'FROM alpine:3.20\nRUN wget -q https://example.com/x\n'
  ]
})

describeRule(DL3060, {
  catches: [
    ['FROM node:20\nRUN yarn install --frozen-lockfile\n', [2]],
    ['FROM node:20 AS base\nRUN yarn\nFROM base\nCMD ["node", "x"]\n', [2]],
    ['FROM node:20\nRUN yarn cache clean && yarn install\n', [2]],
    ['FROM node:20\nRUN --mount=type=bind,source=yarn.lock,target=/app/yarn.lock yarn install\n', [2]],
    // Before any FROM, and an ONBUILD trigger wherever it is written (it runs in the child image).
    ['RUN yarn install\n', [1]],
    ['FROM node:20 AS tmpl\nONBUILD RUN yarn install\nFROM nginx\n', [2]]
  ],
  passes: [
    'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    'FROM node:20\nRUN yarn build\n',
    'FROM node:20\nRUN --mount=type=tmpfs,target=/usr/local/share/.cache yarn install\n',
    'FROM node:20\nRUN --mount=type=tmpfs,target=/app/.yarn/cache yarn install\n',
    'FROM node:20\nRUN --mount=type=cache,id=yarn,target=/cache yarn install --cache-folder /cache\n'
  ]
})

describeRule(DL3062, {
  catches: [
    ['FROM golang:1.22\nRUN go install github.com/x/tool\n', [2]],
    ['FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n', [2]],
    ['FROM golang:1.22\nRUN go install -v a.io/b@v1.0.0 c.io/d\n', [2]],
    // `go get` fetches too, `-tool` included.
    ['FROM golang:1.24\nRUN go get github.com/x/lib\n', [2]],
    ['FROM golang:1.24\nRUN go get github.com/x/lib@latest\n', [2]],
    ['FROM golang:1.24\nRUN go get -tool github.com/x/gen\n', [2]],
    // `go install tool`: the meta-package is no download, the packages after it are judged.
    ['FROM golang:1.24\nRUN go install tool github.com/x/gen\n', [2]],
    // `go run` of a remote package fetches it.
    ['FROM golang:1.24\nRUN go run github.com/x/gen@latest -out x.go\n', [2]],
    ['RUN go install github.com/x/tool\n', [1]]
  ],
  passes: [
    'FROM golang:1.22\nRUN go install github.com/x/tool@v1.2.3\n',
    'FROM golang:1.22\nRUN go install ./cmd/server\n',
    'FROM golang:1.22\nRUN go install -ldflags "-s -w" .\n',
    'FROM golang:1.22\nRUN go build -o /out ./...\n',
    'FROM golang:1.24\nRUN go get github.com/x/lib@v1.4.0 && go get -u ./...\n',
    'FROM golang:1.24\nRUN go get -tool github.com/x/gen@v0.3.1\n',
    'FROM golang:1.24\nRUN go install tool\n',
    'FROM golang:1.24\nRUN go install tool github.com/x/gen@v0.3.1\n',
    // The words after `go run`'s package are the program's arguments.
    'FROM golang:1.24\nRUN go run github.com/x/gen@v0.3.1 --config latest.yaml input\n',
    'FROM golang:1.24\nRUN go run ./cmd/gen && go run main.go\n',
    'FROM golang:1.24\nRUN go mod download\n'
  ]
})

test.each([
  ['FROM golang:1.24\nRUN go get github.com/x/lib\n', '`github.com/x/lib` in `go get`'],
  ['FROM golang:1.24\nRUN go install github.com/x/tool\n', '`github.com/x/tool` in `go install`'],
  [
    'FROM golang:1.24\nRUN go get a.io/b && go run c.io/d@latest && go install e.io/f@v1\n',
    '`a.io/b`, `c.io/d@latest` in `go get` and `go run`'
  ]
])('DL3062 names the go command that fetches the package: %j', (text, named) => {
  const [finding] = lintText(text, { only: ['DL3062'] })
  expect(finding?.message).toContain(named)
})

describeRule(DL4001, {
  catches: [
    ['FROM debian\nRUN curl -fsSLO https://a/x\nRUN wget -q https://a/y\n', [3]],
    [
      'FROM debian\nRUN curl -fsS https://a/x -o x && wget -q https://a/y\nRUN curl -fsS https://a/z\n',
      [2, 3]
    ]
  ],
  passes: [
    'FROM debian\nRUN curl -fsS https://a/x\nRUN curl -fsS https://a/y\n',
    'FROM debian AS a\nRUN curl -fsS https://a/x\nFROM debian\nRUN wget -q https://a/y\n',
    'FROM debian\nRUN apt-get install -y curl=7 wget=1\n'
  ]
})

describeRule(DL4005, {
  catches: [
    ['FROM debian\nRUN ln -sf /bin/bash /bin/sh\n', [2]],
    ['FROM debian\nRUN rm /bin/sh && ln -s bash /bin/sh\n', [2]]
  ],
  passes: ['FROM debian\nSHELL ["/bin/bash", "-c"]\n', 'FROM debian\nRUN ln -s /bin/sh /usr/local/bin/mysh\n']
})

describeRule(DL4006, {
  catches: [
    ['FROM debian\nRUN curl -fsS https://a/x | tar x\n', [2]],
    ['FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian\nRUN a | b\n', [4]],
    ['FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n', [4]],
    ['FROM debian\nRUN a | b && set -o pipefail\n', [2]],
    // Plain sh: hadolint trusts `-o pipefail` only from bash, zsh and ash.
    ['FROM debian\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', [3]],
    // Before any FROM, and an exec form whose own shell lacks pipefail.
    ['RUN a | b\n', [1]],
    ['FROM debian\nRUN ["sh", "-c", "a | b"]\n', [2]],
    ['FROM debian\nRUN <<EOF\na | b\nEOF\n', [2]],
    // A real pipe inside a case clause body still counts.
    ['FROM debian\nRUN case "$(uname -m)" in x86_64|aarch64) curl -fsS https://a/i | sh ;; esac\n', [2]]
  ],
  passes: [
    'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsS https://a/x | tar x\n',
    'FROM debian AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    'FROM debian\nRUN set -euo pipefail; a | b\n',
    'FROM mcr.microsoft.com/windows\nSHELL ["pwsh", "-Command"]\nRUN Get-Item x | Select-Object y\n',
    'FROM debian\nRUN a || b\n',
    'FROM debian\nRUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n',
    'FROM debian\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM alpine\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\n',
    'FROM debian\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM windows\nSHELL ["cmd.exe", "/c"]\nRUN dir | more\n',
    // ONBUILD runs in the downstream build, under its SHELL.
    'FROM debian\nONBUILD RUN a | b\n',
    // The `|` between case pattern alternatives is no pipeline (moby's `amd64|arm64)`).
    'FROM debian\nRUN case "$(dpkg --print-architecture)" in \\\n  amd64|arm64) echo supported ;; \\\n  *) echo unsupported; exit 1 ;; \\\nesac\n'
  ]
})

describe('package-manager rules report the stage and the whole instruction', () => {
  test('a hit on a continued RUN in the second stage', () => {
    const found = hits(DL3032, 'FROM a AS one\nRUN true\nFROM centos:7\nRUN yum install -y \\\n  httpd-2.4\n')
    expect(found).toEqual([
      { line: 4, endLine: 5, stage: 1, message: expect.stringContaining('yum clean all') }
    ])
  })

  test('a RUN heredoc body is linted as the script', () => {
    const found = hits(DL3038, 'FROM fedora\nRUN <<EOF\nset -e\ndnf install httpd-2.4\nEOF\n')
    expect(found.map(hit => [hit.line, hit.endLine])).toEqual([[2, 5]])
  })

  test('a heredoc fed to a command is data, not script', () => {
    expect(hits(DL3038, 'FROM fedora\nRUN cat <<EOF > /notes\ndnf install httpd\nEOF\n')).toEqual([])
  })

  test('exec-form RUN is linted as one command', () => {
    expect(hits(DL3038, 'FROM fedora\nRUN ["dnf", "install", "httpd-2.4"]\n').map(hit => hit.line)).toEqual([
      2
    ])
  })
})

describe('list', () => {
  test.each([
    [['a'], '`a`'],
    [['a', 'b'], '`a`, `b`'],
    [['a', 'b', 'c', 'd', 'e', 'f'], '`a`, `b`, `c`, `d` and 2 more']
  ])('list(%j)', (words, text) => expect(list(words)).toBe(text))

  test('a long unpinned install names the first packages and counts the rest', () => {
    const [hit] = hits(DL3041, 'FROM fedora\nRUN dnf install -y a b c d e f g\n')
    expect(hit?.message).toBe(
      'Pin the version of `a`, `b`, `c`, `d` and 3 more in `dnf install` (`<package>-<version>`).'
    )
  })
})

// A cache clean before the install cleans nothing; tmpfs and parent-directory mounts keep the cache out.
test.each<[string, string, string, number[]]>([
  ['DL3032', 'yum clean before install', 'FROM c\nRUN yum clean all && yum install -y a-1\n', [2]],
  ['DL3032', 'yum clean after install', 'FROM c\nRUN yum install -y a-1 && yum clean all\n', []],
  [
    'DL3032',
    'rm of the cache before install',
    'FROM c\nRUN rm -rf /var/cache/yum && yum install -y a-1\n',
    [2]
  ],
  [
    'DL3032',
    'tmpfs mount on the cache',
    'FROM c\nRUN --mount=type=tmpfs,target=/var/cache/yum yum install -y a-1\n',
    []
  ],
  [
    'DL3032',
    'cache mount on a parent',
    'FROM c\nRUN --mount=type=cache,target=/var/cache yum install -y a-1\n',
    []
  ],
  ['DL3040', 'dnf clean before install', 'FROM f\nRUN dnf clean all && dnf install -y a-1\n', [2]],
  ['DL3040', 'dnf clean after install', 'FROM f\nRUN dnf install -y a-1 && dnf clean all\n', []],
  ['DL3036', 'zypper clean before install', 'FROM s\nRUN zypper clean && zypper install -y a=1\n', [2]],
  ['DL3060', 'yarn cache clean before install', 'FROM n\nRUN yarn cache clean && yarn install\n', [2]],
  ['DL3060', 'yarn cache clean after install', 'FROM n\nRUN yarn install && yarn cache clean\n', []],
  ['DL3032', 'before the first FROM too', 'RUN yum install -y a-1\n', [1]]
])('%s: %s', (id, _name, text, lines) => {
  expect(hitLines(text, id)).toEqual(lines)
})
