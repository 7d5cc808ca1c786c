// Stagegate's own SG1xxx rules: Dockerfiles that must be caught (with the
// lines) and ones that must not.
import { hits, lintText } from './sg-helpers.js'

const D = 'sha256:' + 'a'.repeat(64)
type Case = [name: string, text: string, lines: number[], dockerignore?: string[] | null]

const CASES: Record<string, Case[]> = {
  SG1001: [
    ['tag only', 'FROM alpine:3.19\n', [1]],
    ['base through an ARG', 'ARG B=node:20\nFROM $B\n', [2]],
    ['each external stage', 'FROM golang:1.22 AS b\nFROM alpine:3\n', [1, 2]],
    ['digest', `FROM alpine:3.19@${D}\n`, []],
    ['scratch', 'FROM scratch\n', []],
    ['stage reference', `FROM alpine@${D} AS base\nFROM base\n`, []],
    ['unresolved variable is left to other rules', 'FROM $NOPE\n', []],
    [
      'base through a global ARG built from earlier ones',
      'ARG GO_VERSION=1.22\nARG GOLANG_IMAGE=golang:${GO_VERSION}-bookworm\nFROM ${GOLANG_IMAGE} AS base\n',
      [3]
    ],
    [
      'a platform ARG in the default is left to other rules',
      'ARG IMAGE=ubuntu:24.04-${TARGETARCH}\nFROM $IMAGE\n',
      []
    ]
  ],
  SG1002: [
    ['golang final', 'FROM golang:1.22\n', [1]],
    ['node full image final', 'FROM node:20\n', [1]],
    ['ubuntu final', 'FROM golang:1.22 AS b\nFROM ubuntu:24.04\n', [2]],
    ['through a stage chain', 'FROM python:3.12 AS base\nFROM base\n', [2]],
    ['node slim final', 'FROM golang AS b\nFROM node:20-slim\n', []],
    ['debian slim', 'FROM debian:bookworm-slim\n', []],
    ['distroless', 'FROM golang AS b\nFROM gcr.io/distroless/static-debian12\n', []],
    ['chainguard', 'FROM cgr.dev/chainguard/go AS b\nFROM cgr.dev/chainguard/static\n', []],
    ['scratch', 'FROM golang AS b\nFROM scratch\n', []],
    [
      'toolchain only in the build stage, target is the runtime',
      'FROM golang AS b\nFROM alpine AS run\n',
      []
    ],
    ["swift's -slim tags hold only the runtime", 'FROM swift:5.10 AS b\nFROM swift:5.10-slim\n', []],
    ["swift's -slim with a distribution suffix", 'FROM swift:5.10 AS b\nFROM swift:5.10-slim-jammy\n', []],
    ['swift with its compiler is still a toolchain', 'FROM swift:5.10-jammy\n', [1]],
    ['rust -slim still carries the compiler', 'FROM rust:1.79-slim\n', [1]],
    [
      'golang through a global ARG built from earlier ones, via a stage',
      'ARG GO_VERSION=1.22\nARG GOLANG_IMAGE=golang:${GO_VERSION}-bookworm\nFROM ${GOLANG_IMAGE} AS base\nFROM base\n',
      [4]
    ]
  ],
  SG1003: [
    [
      'a compiler installed in the final stage',
      'FROM golang AS b\nFROM debian:slim\nRUN apt-get update && apt-get install -y gcc libssl-dev curl\n',
      [3]
    ],
    ['build-base through sudo', 'FROM alpine\nRUN sudo apk add build-base\n', [2]],
    [
      'the program the image runs is fine',
      'FROM debian:slim\nRUN apt-get install -y nginx\nCMD ["nginx"]\n',
      []
    ],
    [
      'toolchain removed in the same RUN',
      'FROM debian\nRUN apt-get install -y gcc make && make -C /src && apt-get purge -y gcc make\n',
      []
    ],
    [
      'apk virtual build-deps deleted',
      'FROM alpine\nRUN apk add --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n',
      []
    ],
    [
      'install only in the build stage',
      'FROM debian AS b\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=b /x /x\n',
      []
    ],
    ['apt-get update alone', 'FROM debian\nRUN apt-get update\n', []],
    [
      // docker-library: everything installed is marked auto, then autoremoved; the `-o` value is
      // an option's, not a package to purge.
      'apt-mark auto + purge --auto-remove -o …',
      'FROM debian\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev; gcc --version; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n',
      []
    ],
    [
      'apt-mark auto of one package, then apt-get autoremove',
      'FROM debian\nRUN apt-get install -y gcc make && make && apt-mark auto gcc make && apt-get autoremove -y\n',
      []
    ],
    [
      'the -o value is not a package removed',
      'FROM debian\nRUN apt-get install -y gcc && apt-get purge -y -o APT::Get::Purge=true gcc\n',
      []
    ],
    [
      // Installed by name means marked manual: autoremove alone leaves it.
      'autoremove without apt-mark auto',
      'FROM debian\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n',
      [2]
    ],
    [
      'a package marked manual again survives the autoremove',
      "FROM debian\nRUN apt-get install -y gcc libssl-dev && apt-mark auto '.*' && apt-mark manual gcc && apt-get autoremove -y\n",
      [2]
    ],
    [
      'purge with no package names removes nothing',
      'FROM debian\nRUN apt-get install -y gcc && apt-get purge -y\n',
      [2]
    ],
    ['pip install is not an OS package manager', 'FROM python:slim\nRUN pip install flask\n', []]
  ],
  SG1004: [
    [
      'whole working tree of the build stage',
      'FROM golang AS b\nWORKDIR /src\nRUN go build\nFROM scratch\nCOPY --from=b /src /src\n',
      [5]
    ],
    ['common app dir', 'FROM node AS b\nRUN x\nFROM node:slim\nCOPY --from=b /app /app\n', [4]],
    ['dot copies the stage root', 'FROM node AS b\nFROM scratch\nCOPY --from=b . /x\n', [3]],
    ['named artifact', 'FROM golang AS b\nWORKDIR /src\nFROM scratch\nCOPY --from=b /src/bin/app /app\n', []],
    ['slash is DL3067', 'FROM golang AS b\nFROM scratch\nCOPY --from=b / /\n', []],
    ['external image', 'FROM scratch\nCOPY --from=nginx /app /app\n', []],
    [
      'a /build WORKDIR the sources were copied into and built in',
      'FROM golang AS b\nWORKDIR /build\nCOPY . .\nRUN make\nFROM debian:slim\nCOPY --from=b /build /app\n',
      [6]
    ],
    [
      'a clone into a directory of any name',
      'FROM alpine/git AS src\nRUN git clone --depth 1 https://example.com/tool.git /opt/tool\nFROM scratch\nCOPY --from=src /opt/tool /opt/tool\n',
      [4]
    ],
    [
      'the whole context copied into a directory of any name',
      'FROM node AS b\nCOPY . /opt/site\nRUN cd /opt/site && npm run build\nFROM nginx\nCOPY --from=b /opt/site /usr/share/nginx/html\n',
      [5]
    ],
    [
      'output written inside the tree does not make the tree an artifact',
      'FROM golang AS b\nWORKDIR /src\nCOPY . .\nRUN go build -o /src/app\nFROM scratch\nCOPY --from=b /src /src\n',
      [6]
    ],
    [
      'a tree handed on through another stage',
      'FROM golang AS src\nWORKDIR /src\nCOPY . .\nFROM golang AS b\nCOPY --from=src /src /work\nFROM scratch\nCOPY --from=b /work /work\n',
      [5, 7]
    ],
    [
      'GOBIN=/build go install: /build holds only the tool (moby)',
      'FROM golang AS tool\nRUN GOBIN=/build go install example.com/tool@v1.0.0\nFROM debian:slim\nCOPY --from=tool /build/ /usr/local/bin/\n',
      []
    ],
    [
      'go build -o into a conventionally named directory',
      'FROM golang AS b\nWORKDIR /go/src/x\nCOPY . .\nRUN go build -o /app/server ./cmd/server\nFROM scratch\nCOPY --from=b /app /app\n',
      []
    ],
    [
      'PREFIX=/build for an install script, and scripts copied next to it (moby)',
      'FROM golang AS tini\nCOPY install.sh /\nRUN PREFIX=/build /install.sh tini\nCOPY ./contrib/rootless.sh /build\nFROM debian:slim\nCOPY --from=tini /build/ /usr/local/bin/\n',
      []
    ],
    [
      'ARG PREFIX=/build read by the install script',
      'FROM golang AS r\nARG PREFIX=/build\nRUN /install.sh rootlesskit\nFROM debian:slim\nCOPY --from=r /build/ /usr/local/bin/\n',
      []
    ],
    [
      'make install DESTDIR and cp into /build',
      'FROM gcc AS b\nWORKDIR /usr/src/x\nCOPY . .\nRUN ./configure --bindir=/build && make && make install DESTDIR=/build && cp /usr/sbin/criu /build/\nFROM debian:slim\nCOPY --from=b /build/ /usr/local/bin/\n',
      []
    ],
    [
      'files copied in from other stages (moby vpnkit)',
      'FROM vpnkit:1 AS v\nFROM scratch AS vpnkit\nCOPY --from=v /vpnkit /build/vpnkit.x86_64\nFROM debian:slim\nCOPY --from=vpnkit /build/ /usr/local/bin/\n',
      []
    ],
    [
      'a directory named /build that nothing says is a tree',
      'FROM debian AS frozen\nRUN /download-frozen-image-v2.sh /build busybox:latest\nFROM debian:slim\nCOPY --from=frozen /build/ /frozen\n',
      []
    ],
    [
      'a scratch stage given a working tree',
      'FROM golang AS b\nWORKDIR /src\nCOPY . .\nFROM scratch AS out\nCOPY --from=b /src /\nFROM alpine\nCOPY --from=out . /x\n',
      [5, 7]
    ],
    [
      'a scratch stage holding the build context',
      'FROM scratch AS ctx\nCOPY . /\nFROM alpine\nCOPY --from=ctx * /x/\n',
      [4]
    ],
    [
      'all of a scratch export stage holding only built packages (mealie)',
      'FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN pip wheel --no-cache-dir -w /dist .\nFROM scratch AS packages\nCOPY --from=build /dist /\nFROM python:3.12-slim\nCOPY --from=packages * /dist/\n',
      []
    ],
    [
      'all of a scratch stage holding files of an image',
      'FROM scratch AS bin\nCOPY --from=busybox:1.36 /bin/busybox /busybox\nFROM alpine\nCOPY --from=bin . /opt/\n',
      []
    ],
    [
      'a downloaded source release unpacked and built in place',
      'FROM gcc AS b\nWORKDIR /usr/src/redis\nRUN curl -fsSL https://example.com/redis.tar.gz | tar -xz --strip-components=1 && make\nFROM debian:slim\nCOPY --from=b /usr/src/redis /opt/redis\n',
      [5]
    ],
    [
      'a release unpacked, then the context copied over it',
      'FROM debian AS b\nWORKDIR /opt/app\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz\nCOPY . .\nFROM debian:slim\nCOPY --from=b /opt/app /opt/app\n',
      [6]
    ],
    [
      'an archive from the build context is not a download',
      'FROM debian AS b\nWORKDIR /opt/app\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\nFROM debian:slim\nCOPY --from=b /opt/app /opt/app\n',
      [6]
    ],
    [
      'a downloaded release unpacked into the WORKDIR, with its config copied in (elastic)',
      'FROM ubuntu AS builder\nWORKDIR /usr/share/elasticsearch\nRUN curl -S -L --output /tmp/es.tar.gz https://example.com/es.tar.gz\nRUN tar -zxf /tmp/es.tar.gz --strip-components=1\nCOPY config/elasticsearch.yml config/\nRUN chmod 0555 bin/*\nFROM ubuntu\nCOPY --from=builder /usr/share/elasticsearch /usr/share/elasticsearch\n',
      []
    ],
    [
      'a release ADDed from a URL and unpacked with -C',
      `FROM debian AS b\nADD --checksum=${D} https://example.com/app-1.0.tar.gz /tmp/\nRUN mkdir /app && tar -xzf /tmp/app-1.0.tar.gz -C /app\nFROM debian:slim\nCOPY --from=b /app /app\n`,
      []
    ]
  ],
  SG1005: [
    ['no .dockerignore', 'FROM a\nCOPY . .\n', [2], null],
    ['.dockerignore without .env', 'FROM a\nCOPY . /app\n', [2], ['.git', '*.pem', '*.key']],
    ['ADD of the context', 'FROM a\nADD ./ /app/\n', [2], null],
    ['complete .dockerignore', 'FROM a\nCOPY . .\n', [], ['.git', '.env', '*.pem', '*.key']],
    ['** patterns', 'FROM a\nCOPY . .\n', [], ['**/.git', '**/.env', '**/*.key']],
    ['named files only', 'FROM a\nCOPY package.json .\n', [], null],
    ['unknown context (stdin)', 'FROM a\nCOPY . .\n', [], undefined],
    ['from another stage', 'FROM a AS b\nFROM c\nCOPY --from=b . .\n', [], null]
  ],
  SG1006: [
    [
      'ARG token used in RUN',
      'FROM node\nARG NPM_TOKEN\nRUN echo "//r/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      [3]
    ],
    ['ENV password used in RUN', 'FROM a\nENV DB_PASSWORD=x\nRUN mysql -p$DB_PASSWORD < init.sql\n', [3]],
    ['declared but not used in RUN', 'FROM a\nARG API_TOKEN\nRUN echo hi\n', []],
    ['not a secret name', 'FROM a\nARG VERSION\nRUN echo $VERSION\n', []],
    [
      'a version of an auth tool is not a credential',
      'FROM a\nENV DOCKER_AUTH_VERSION=1.5\nRUN git clone -b ${DOCKER_AUTH_VERSION} x\n',
      []
    ],
    ['secret mount instead', 'FROM a\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci\n', []],
    [
      'a path to a credentials file is no credential',
      'FROM a\nENV GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/gcp/key.json\nRUN gcloud auth activate-service-account --key-file=$GOOGLE_APPLICATION_CREDENTIALS\n',
      []
    ],
    [
      'a quoted path default of an ARG is no credential',
      'FROM a\nARG DB_PASSWORD="/run/secrets/db"\nRUN psql --passfile "$DB_PASSWORD"\n',
      []
    ],
    [
      'a credential-named ARG without a default is one',
      'FROM a\nARG DB_PASSWORD\nRUN mysql -p$DB_PASSWORD < init.sql\n',
      [3]
    ]
  ],
  SG1007: [
    [
      'key copied then removed',
      'FROM a\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone x && rm /root/.ssh/id_rsa\n',
      [2]
    ],
    ['.npmrc copied then removed later', 'FROM node\nCOPY .npmrc ./\nRUN npm ci\nRUN rm -f .npmrc\n', [2]],
    [
      'removed in a stage built on it',
      'FROM a AS base\nCOPY .env /app/.env\nFROM base\nRUN rm /app/.env\n',
      [2]
    ],
    ['never removed', 'FROM a\nCOPY server.pem /etc/ssl/server.pem\n', []],
    ['not secret-looking', 'FROM a\nCOPY app.tar /tmp/\nRUN rm /tmp/app.tar\n', []],
    // Public key material is no secret (discourse's nginx key ring); a name that also says
    // private or key stays one (cfssl's ca-key.pem), and a .key is public only if it says so.
    [
      'a public key ring added, imported, removed',
      'FROM a\nADD nginx_public_keys.key /tmp/nginx_public_keys.key\nRUN gpg --import /tmp/nginx_public_keys.key && rm /tmp/nginx_public_keys.key\n',
      []
    ],
    [
      'certificates and a trust store',
      'FROM a\nCOPY ca.pem fullchain.pem truststore.jks signing.pub.pem /tmp/\nRUN rm /tmp/ca.pem /tmp/fullchain.pem /tmp/truststore.jks /tmp/signing.pub.pem\n',
      []
    ],
    ['a private key added', 'FROM a\nADD nginx_private.key /tmp/\nRUN rm /tmp/nginx_private.key\n', [2]],
    ["cfssl's CA key", 'FROM a\nCOPY ca-key.pem /tmp/\nRUN rm /tmp/ca-key.pem\n', [2]],
    ["a certificate's key", 'FROM a\nCOPY cert.key /tmp/\nRUN rm /tmp/cert.key\n', [2]],
    ['a keystore', 'FROM a\nCOPY server.p12 /tmp/\nRUN rm /tmp/server.p12\n', [2]]
  ],
  SG1008: [
    ['no USER', 'FROM alpine\nCMD ["x"]\n', [1]],
    ['USER only in the build stage', 'FROM golang AS b\nUSER app\nFROM alpine\n', [3]],
    ['USER set', 'FROM alpine\nUSER 10001\n', []],
    ['inherited through FROM <stage>', 'FROM alpine AS base\nUSER app\nFROM base\n', []],
    ['nonroot distroless', 'FROM gcr.io/distroless/static:nonroot\n', []]
  ],
  SG1009: [
    ['numeric --from', 'FROM golang AS b\nFROM scratch\nCOPY --from=0 /x /x\n', [3]],
    ['named --from', 'FROM golang AS b\nFROM scratch\nCOPY --from=b /x /x\n', []]
  ],
  SG1010: [
    ['npm ci after COPY . .', 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', [4]],
    [
      'pip install -r after COPY .',
      'FROM python\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n',
      [3]
    ],
    ['go mod download after COPY . .', 'FROM golang\nCOPY . .\nRUN go mod download && go build\n', [3]],
    ['manifests first', 'FROM node\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n', []],
    ['build after COPY . . is fine', 'FROM golang\nCOPY . .\nRUN go build ./...\n', []],
    // A global tool reads no manifest: the advice is to move it above the COPY (tested below).
    ['npm install -g after COPY . .', 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm install -g pnpm@9\n', [4]],
    ['pnpm add -g after COPY . .', 'FROM node\nCOPY . .\nRUN pnpm add --global turbo\n', [3]],
    ['npm install -g before COPY . .', 'FROM node\nRUN npm i -g pnpm@9\nCOPY . .\nRUN pnpm build\n', []]
  ],
  SG1011: [
    ['ADD https without checksum', 'FROM a\nADD https://example.com/tool.tgz /tmp/\n', [2]],
    ['with --checksum', `FROM a\nADD --checksum=${D} https://example.com/tool.tgz /tmp/\n`, []],
    ['local ADD', 'FROM a\nADD app.tgz /app/\n', []]
  ],
  SG1012: [
    ['curl | sh', 'FROM a\nRUN curl -fsSL https://get.example.sh | sh\n', [2]],
    ['wget -O- | bash', 'FROM a\nRUN wget -qO- https://x/install | sudo bash -s -- -y\n', [2]],
    ['sh -c "$(curl ...)"', 'FROM a\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n', [2]],
    ['curl | tar', 'FROM a\nRUN curl -fsSL https://x/app.tgz | tar xz\n', []],
    ['download then run', 'FROM a\nRUN curl -o i.sh https://x && sha256sum -c s && sh i.sh\n', []],
    // A case pattern's `curl|bash)` is two alternatives, not a pipe; one in a clause body is.
    ['case pattern alternatives', 'FROM a\nRUN case "$1" in -h) usage ;; curl|bash) echo "$1" ;; esac\n', []],
    ['curl | sh in a case clause', 'FROM a\nRUN case "$1" in x) curl -fsSL https://x/i | sh ;; esac\n', [2]]
  ],
  SG1013: [
    [
      'shell-form CMD on scratch',
      'FROM golang AS b\nFROM scratch\nCOPY --from=b /app /app\nCMD /app --serve\n',
      [4]
    ],
    ['shell-form ENTRYPOINT on distroless', 'FROM gcr.io/distroless/static\nENTRYPOINT /app\n', [2]],
    ['JSON form on scratch', 'FROM scratch\nCMD ["/app"]\n', []],
    ['distroless debug has a shell', 'FROM gcr.io/distroless/base:debug\nCMD /app\n', []],
    ['busybox copied in', 'FROM scratch\nCOPY --from=busybox /bin/busybox /bin/busybox\nCMD /app\n', []],
    ['alpine has a shell', 'FROM alpine\nCMD /app\n', []]
  ],
  SG1014: [
    [
      'node_modules with dev dependencies',
      'FROM node:20 AS deps\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /app/node_modules ./node_modules\n',
      [6]
    ],
    [
      'production install',
      'FROM node:20 AS deps\nCOPY package*.json ./\nRUN npm ci --omit=dev\nFROM node:20-slim\nCOPY --from=deps /node_modules ./node_modules\n',
      []
    ],
    [
      'pruned after build',
      'FROM node:20 AS b\nRUN npm ci && npm run build && npm prune --production\nFROM node:20-slim\nCOPY --from=b /node_modules ./node_modules\n',
      []
    ],
    [
      'only the built files',
      'FROM node:20 AS b\nRUN npm ci && npm run build\nFROM nginx\nCOPY --from=b /dist /usr/share/nginx/html\n',
      []
    ],
    [
      'node_modules removed after the build, the workdir copied',
      'FROM node:20 AS b\nWORKDIR /app\nRUN npm ci\nRUN npm run build && rm -rf node_modules\nFROM node:20-slim\nCOPY --from=b /app /app\n',
      []
    ],
    [
      'removed, then installed again',
      'FROM node:20 AS b\nWORKDIR /app\nRUN npm ci && rm -rf /app/node_modules\nRUN npm install\nFROM node:20-slim\nCOPY --from=b /app /app\n',
      [6]
    ],
    [
      'another directory removed',
      'FROM node:20 AS b\nWORKDIR /app\nRUN npm ci && rm -rf node_modules/.cache\nFROM node:20-slim\nCOPY --from=b /app /app\n',
      [5]
    ],
    // npm, Yarn 1 and pnpm leave devDependencies out under NODE_ENV=production (mastodon's Dockerfile).
    [
      'NODE_ENV=production through a global ARG declared again',
      'ARG NODE_ENV=production\nFROM node:20 AS deps\nARG NODE_ENV\nENV NODE_ENV=${NODE_ENV}\nWORKDIR /app\nRUN yarn install --frozen-lockfile\nFROM node:20-slim\nCOPY --from=deps /app/node_modules /app/node_modules\n',
      []
    ],
    [
      'NODE_ENV=production through a stage ARG, inherited from the base stage',
      'FROM node:20 AS base\nARG NODE_ENV="production"\nENV NODE_ENV="${NODE_ENV}"\nFROM base AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      []
    ],
    [
      'a literal ENV NODE_ENV=production',
      'FROM node:20 AS deps\nENV NODE_ENV=production\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      []
    ],
    [
      'a stage ARG alone is in the RUN environment',
      'FROM node:20 AS deps\nARG NODE_ENV=production\nRUN pnpm install\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      []
    ],
    [
      'a global ARG not declared again in the stage is not seen',
      'ARG NODE_ENV=production\nFROM node:20 AS deps\nENV NODE_ENV=${NODE_ENV}\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      [6]
    ],
    [
      'a stage ARG without a default or global is empty',
      'FROM node:20 AS deps\nARG NODE_ENV\nENV NODE_ENV=${NODE_ENV}\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      [6]
    ],
    [
      'NODE_ENV=development',
      'ARG NODE_ENV=development\nFROM node:20 AS deps\nARG NODE_ENV\nENV NODE_ENV=${NODE_ENV}\nRUN yarn install\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      [7]
    ],
    [
      'NODE_ENV=production set only after the install',
      'FROM node:20 AS deps\nRUN npm ci\nENV NODE_ENV=production\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n',
      [5]
    ]
  ],
  SG1015: [
    [
      'chmod after COPY',
      'FROM alpine\nCOPY run.sh /usr/local/bin/run.sh\nRUN chmod +x /usr/local/bin/run.sh\n',
      [3]
    ],
    ['chown -R after COPY', 'FROM alpine\nCOPY app /app\nRUN chown -R app:app /app\n', [3]],
    ['COPY --chmod used', 'FROM alpine\nCOPY --chmod=755 run.sh /usr/local/bin/\nRUN echo ok\n', []],
    ['chmod of another path', 'FROM alpine\nCOPY app /app\nRUN chmod 700 /data\n', []],
    ['not right after', 'FROM alpine\nCOPY app /app\nRUN echo\nRUN chown -R app /app\n', []],
    ['build stage only', 'FROM alpine AS b\nCOPY app /app\nRUN chmod +x /app\nFROM scratch\n', []]
  ],
  SG1016: [
    ['no FROM', 'RUN echo\nCMD x\n', [1]],
    ['unknown instruction', 'FROM a\nRUNN echo\n', [2]],
    ['a valid Dockerfile', 'FROM a\nRUN echo\n', []]
  ]
}

describe.each(Object.keys(CASES))('%s', ruleId => {
  const rows = CASES[ruleId]!.map(([name, text, lines, dockerignore]) => ({
    name,
    text,
    lines,
    dockerignore
  }))
  test.each(rows)('$name', ({ text, lines, dockerignore }) => {
    expect(hits(text, ruleId, dockerignore === undefined ? {} : { dockerignore })).toEqual(lines)
  })
})

describe('stage attribution', () => {
  test('SG findings name the stage', () => {
    const findings = lintText('FROM golang:1.22 AS build\nFROM scratch AS runtime\nCOPY --from=0 /x /x\n', {
      only: ['SG1009', 'SG1001']
    })
    expect(findings.map(f => [f.ruleId, f.line, f.stage])).toEqual([
      ['SG1001', 1, { index: 0, name: 'build', final: false }],
      ['SG1009', 3, { index: 1, name: 'runtime', final: true }]
    ])
  })

  test.each([
    ['FROM opensuse/leap:15.4\n', "'opensuse/leap', a full operating system image"],
    ['FROM docker.io/library/golang:1.22\n', "'golang', a build toolchain image"],
    ['FROM node:20\n', "'node:20', a full image with build tools"]
  ])('%j names the image as written on its registry', (text, named) => {
    const [finding] = lintText(text, { only: ['SG1002'] })
    expect(finding?.message).toContain(named)
  })

  test('the target decides which stage is final', () => {
    const text = 'FROM golang:1.22 AS build\nRUN go build\nFROM scratch AS runtime\n'
    expect(hits(text, 'SG1002')).toEqual([])
    expect(hits(text, 'SG1002', { target: 'build' })).toEqual([1])
  })
})

// SG1015 only where COPY --chmod would do the same: not for one file out of a copied folder.
test.each<[string, string, number[]]>([
  ['one file copied, then chmod of it', 'FROM a\nCOPY app.sh /app/\nRUN chmod +x /app/app.sh\n', [3]],
  [
    'the destination itself',
    'FROM a\nCOPY app.sh /usr/local/bin/app\nRUN chmod +x /usr/local/bin/app\n',
    [3]
  ],
  ['a folder copied, chmod of one file in it', 'FROM a\nCOPY . /app\nRUN chmod +x /app/run.sh\n', []],
  [
    'a folder copied, chmod of one file (dir dest)',
    'FROM a\nCOPY src/ /app/\nRUN chmod +x /app/run.sh\n',
    []
  ],
  [
    'the same RUN runs the file and removes it (no second copy in its layer)',
    'FROM a\nCOPY setup.sh /tmp/setup.sh\nRUN chmod +x /tmp/setup.sh && /tmp/setup.sh && rm -f /tmp/setup.sh\n',
    []
  ],
  [
    'the same RUN removes the directory it is in',
    'FROM a\nCOPY setup.sh /tmp/s/\nRUN chmod +x /tmp/s/setup.sh && /tmp/s/setup.sh && rm -rf /tmp/s\n',
    []
  ],
  [
    'a removal before the chmod, or of another file, does not count',
    'FROM a\nCOPY app.sh /app/\nRUN rm -f /app/app.sh.bak && chmod +x /app/app.sh && rm -f /app/app.shx\n',
    [3]
  ]
])('SG1015: %s', (_name, text, lines) => {
  expect(hits(text, 'SG1015')).toEqual(lines)
})

test('SG1030: COPY --from without = is an error; with = it is not', () => {
  expect(hits('FROM a AS build\nFROM b\nCOPY --from build /x /y\n', 'SG1030')).toEqual([3])
  expect(hits('FROM a AS build\nFROM b\nCOPY --from=build /x /y\n', 'SG1030')).toEqual([])
  expect(hits('FROM a\nONBUILD COPY --from build /x /y\n', 'SG1030')).toEqual([2])
  expect(hits('FROM a\nCOPY --chown app /x /y\n', 'SG1030')).toEqual([2])
  expect(hits('FROM a\nCOPY --link /x /y\n', 'SG1030')).toEqual([])
  // The misread value is not taken for a third argument.
  expect(hits('FROM a AS build\nFROM b\nCOPY --from build /x /y\n', 'DL3021')).toEqual([])
})

test('SG1006 looks at the value and its use: a GPG key id fed to gpg is no credential', () => {
  const gpg = 'FROM a\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nRUN gpg --recv-keys "$GPG_KEY"\n'
  expect(hits(gpg, 'SG1006')).toEqual([])
  expect(hits('FROM a\nARG NPM_TOKEN\nRUN npm config set //r/:_authToken=$NPM_TOKEN\n', 'SG1006')).toEqual([
    3
  ])
})

test('SG1014 gives the advice of the package manager the stage used', () => {
  const message = (install: string): string =>
    lintText(
      `FROM node:20 AS deps\nRUN ${install}\nFROM node:20-slim\nCOPY --from=deps /node_modules /node_modules\n`,
      { only: ['SG1014'] }
    )[0]?.message ?? ''
  expect(message('yarn install --frozen-lockfile')).toContain('`yarn install --production`')
  expect(message('yarn install --frozen-lockfile')).not.toContain('npm')
  expect(message('pnpm install --frozen-lockfile')).toContain('`pnpm install --prod`')
  expect(message('npm ci')).toContain('`npm ci --omit=dev`')
})

test.each([
  ['ADD', 'FROM a\nADD id_rsa /root/.ssh/id_rsa\nRUN rm /root/.ssh/id_rsa\n'],
  ['COPY', 'FROM a\nCOPY id_rsa /root/.ssh/id_rsa\nRUN rm /root/.ssh/id_rsa\n']
])('SG1007 names the instruction that made the layer: %s', (keyword, text) => {
  const [finding] = lintText(text, { only: ['SG1007'] })
  expect(finding?.message).toContain(`stays in this ${keyword} layer although line 3 deletes it`)
})

test('SG1010 tells a global tool install to move above the COPY, a project install to copy manifests first', () => {
  const message = (install: string): string =>
    lintText(`FROM node:20\nWORKDIR /app\nCOPY . .\nRUN ${install}\n`, { only: ['SG1010'] })[0]?.message ?? ''
  expect(message('npm install -g pnpm@9.0.0')).toBe(
    'Run `npm install -g pnpm@9.0.0` before the whole-source COPY on line 3: it does not need the source, and after that COPY any change re-installs it.'
  )
  expect(message('npm ci')).toContain('Copy only the dependency manifests, run `npm ci`')
  expect(message('npm install')).not.toContain('before the whole-source COPY')
})
