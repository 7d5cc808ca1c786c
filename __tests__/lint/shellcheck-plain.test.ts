// The bodies not sent to ShellCheck (src/lint/shellcheck-plain.ts): a table
// of what is skipped and what is not, then the module held to the real
// shellcheck: every body it skips, from the vendored corpus, the table and
// near misses of each allow-listed program, must get no comment from it.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { hasNothingToCheck } from '../../src/lint/shellcheck-plain.js'
import { modelRunScripts, runShellcheckBatch, toShellScript } from '../../src/lint/shellcheck.js'
import { corpusFiles } from '../dockerfile/corpus-files.js'

const body = (text: string): string[] => text.split('\n')

// [body, skipped]
const CASES: [string, boolean][] = [
  ['apt-get update && apt-get install -y --no-install-recommends curl ca-certificates', true],
  ['apk add --no-cache \\\n\tbash \\\n\tcurl', true],
  ['set -eux && apk add --no-cache --virtual .build-deps build-base && apk del .build-deps', true],
  ['DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata', true],
  ['CGO_ENABLED=0 GOOS=linux go build -o /app .', true],
  ['pip install --no-cache-dir flask==2.3.2 gunicorn', true],
  ['npm install -g yarn@1.22.19', true],
  ['cd /src && ./configure --prefix=/usr && make -j4 && make install', true],
  ['mkdir -p /app/data && chown -R 1000:1000 /app', true],
  ['chmod -R 755 /app', true],
  ['ln -sf /usr/bin/python3 /usr/bin/python', true],
  ['cp -r /src/conf /etc/app && mv /tmp/a /tmp/b', true],
  ['rm -rf /var/lib/apt/lists/archives /tmp/build', true],
  ['useradd -m -u 1000 app && groupadd -g 2000 web', true],
  ['apt-get update &&\n    apt-get install -y git', true],
  ['git clone https://github.com/a/b.git /src', true],
  ['\n\napk add curl\n\n', true],
  // Anything ShellCheck reads more into goes to it.
  ['apt-get install -y $PKG', false],
  ['echo "hello"', false],
  ["echo 'a'", false],
  ['echo foo    bar', false],
  ['apt-get install -y curl | tee log', false],
  ['make > log', false],
  ['make; make install', true],
  ['apt-get update;apt-get install -y curl', true],
  ['rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*', true],
  ['make ; ; make', false],
  ['make ;; make', false],
  ['; make', false],
  ['make && ; make', false],
  ['make ; && make', false],
  ['cd /tmp; make', false],
  ['rm -f *.txt', false],
  ['rm -rf /*', false],
  ['rm -rf /usr/*', false],
  ['make || true', false],
  ['make &', false],
  ['rm -rf /usr/local', false],
  ['rm -rf /', false],
  ['rm -rf /home/', false],
  ['rm -rf /tmp', false],
  ['rm -rf /usr/lib', false],
  ['rm -rf ..', false],
  ['cd /tmp', false],
  ['cd /tmp && make && cd ..', false],
  ['cd .. && make', false],
  ['cp /a', false],
  ['mv /a', false],
  ['ln -s /a', false],
  ['cp -t /dest /a', false],
  ['mkdir -p -m 755 /a/b', false],
  ['mkdir -pm755 /a', false],
  ['chmod -r /a', false],
  ['set -o pipefail && make', false],
  ['set', false],
  ['PATH=/opt/bin make', false],
  ['FOO=bar', false],
  ['VAR=git status', false],
  ['make = foo', false],
  ['source /etc/profile', false],
  ['export A=b && make', false],
  ['find /a -name x -delete', false],
  ['grep -r foo /etc', false],
  ['sudo make install', false],
  ['&& make', false],
  ['make &&', false],
  ['make && && make', false],
  ['make \\ install', false],
  ['make \\', false],
  ['# a comment\nmake', false],
  ['apt-get install -y curl~1', false],
  ['make café', false],
  ['make\r', false],
  ['(make)', false],
  ['{ make; }', false],
  ['make `id`', false],
  ['if true; then make; fi', false],
  ['[ -f /a ] && make', false],
  ['exit 1', false],
  ['./configure/ --prefix=/usr', false]
]

describe('hasNothingToCheck', () => {
  test.each(CASES)('%j → skipped: %s', (text, skipped) => {
    expect(hasNothingToCheck(body(text))).toBe(skipped)
  })
})

// Near misses of every program the module knows: plain words ShellCheck might still read.
const PROGRAMS = [
  'add-apt-repository ppa:deadsnakes/ppa',
  'apt-add-repository -y ppa:rael-gc/rvm',
  'LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get install -y slapd',
  'addgroup -S app',
  'adduser -S -G app app',
  'apk upgrade --no-cache',
  'apt full-upgrade -y',
  'bundle install --without development test',
  'cargo install --locked ripgrep',
  'chgrp -R 0 /app',
  'chown -R app:app /app',
  'cmake -DCMAKE_BUILD_TYPE=Release ..',
  'composer install --no-dev -o',
  'conda install -y numpy=1.26',
  'corepack enable',
  'cpanm -n Mojolicious',
  'curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz',
  'docker-php-ext-configure gd --with-jpeg',
  'docker-php-ext-enable opcache',
  'docker-php-ext-install pdo_mysql',
  'dnf install -y --setopt=install_weak_deps=False gcc',
  'dotnet restore',
  'dpkg -i /tmp/x.deb',
  'gem install bundler -v 2.4.0',
  'git config --global user.name ci',
  'go install golang.org/x/tools/gopls@latest',
  'gradle build -x test',
  'groupadd -r app',
  'gunzip /tmp/x.gz',
  'gzip -9 /tmp/x',
  'ldconfig',
  'locale-gen en_US.UTF-8',
  'make -C /src all',
  'microdnf install -y nginx',
  'mvn -B -DskipTests package',
  'ninja -C build',
  'node /app/build.js --prod',
  'npm ci --omit=dev',
  'pecl install redis-5.3.7',
  'pip3 install -r requirements.txt',
  'pnpm install --frozen-lockfile',
  'python -m pip install --upgrade pip',
  'python3 -m venv /venv',
  'rustup target add x86_64-unknown-linux-musl',
  'tar -xzf /tmp/x.tgz -C /opt',
  'touch /var/log/app.log',
  'true',
  'unzip -q /tmp/x.zip -d /opt',
  'update-ca-certificates --fresh',
  'useradd -r -g app -s /sbin/nologin app',
  'usermod -aG audio app',
  'wget -q -O /tmp/x https://example.com/x',
  'yarn install --production',
  'yum install -y httpd-2.4.6',
  'zypper --non-interactive install curl',
  'rm -rf /root/.cache /var/cache/apk/x',
  'rm -f /etc/nginx/conf.d/default.conf',
  'rm -rf /tmp/build /opt/app /var/lib/x',
  'rm -rf /usr/share/doc /usr/local/share/man',
  'cp -a /a /b /c',
  'mv -f /a /b',
  'ln -s /a /b',
  'mkdir -p /a/b/c',
  'mkdir --parents /a',
  'chmod 0755 /a',
  'chmod +x /usr/local/bin/app',
  'chmod u+s /a',
  'cd /a && make',
  'cd app && make',
  'set -e && make',
  'set +x && make',
  './build.sh --release',
  'rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*',
  'rm -rf /usr/share/doc/* /usr/local/share/man/*',
  'cp /tmp/*.conf /etc/app/',
  'chmod +x /usr/local/bin/*',
  'chown -R app /app/*',
  'apt-get install -y php7.4-*',
  'tar -czf /out.tgz /src/*',
  'mv /tmp/build/* /opt/',
  'apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists/*',
  'make;make install',
  './configure --prefix=/usr --enable-shared'
]

describe('held to ShellCheck: what is skipped gets no comment from it', () => {
  test('every skipped body of the corpus, the table and the near misses is clean to the real shellcheck', async () => {
    const models = [
      ...corpusFiles().map(path => parseDockerfile(readFileSync(path, 'utf8'), { path })),
      ...[...CASES.map(([text]) => text), ...PROGRAMS].map((text, index) =>
        // Line breaks without a continuation become continuations: one shell-form RUN each.
        parseDockerfile(`FROM alpine\nRUN ${text.replace(/(?<!\\)\n/g, ' \\\n')}\n`, {
          path: `case-${index}`
        })
      ),
      // The table's bodies as heredoc scripts, which keep their own line breaks.
      ...CASES.map(([text], index) =>
        parseDockerfile(`FROM alpine\nRUN <<EOF\n${text}\nEOF\n`, { path: `heredoc-${index}` })
      )
    ]
    const skippedRuns = new Map<number, Set<number>>() // model index -> Dockerfile lines of skipped RUN bodies
    let skippedBodies = 0
    models.forEach((model, index) => {
      for (const source of modelRunScripts(model))
        if (toShellScript(source) !== undefined && hasNothingToCheck(source.lines)) {
          skippedBodies++
          const lines = skippedRuns.get(index) ?? new Set<number>()
          for (const line of source.lineNumbers) lines.add(line)
          skippedRuns.set(index, lines)
        }
    })
    const outcomes = await runShellcheckBatch(models, { skipPlain: false })
    const disagreements: string[] = []
    outcomes.forEach((outcome, index) => {
      expect(outcome.notices).toEqual([])
      const lines = skippedRuns.get(index)
      for (const finding of outcome.findings)
        if (lines?.has(finding.line ?? 0))
          disagreements.push(`${models[index]!.path}:${finding.line} ${finding.ruleId} ${finding.message}`)
    })
    expect(disagreements).toEqual([])
    // The module does something: a good share of the corpus's bodies and every near miss are skipped.
    expect(skippedBodies).toBeGreaterThan(100)
    expect(PROGRAMS.filter(text => !hasNothingToCheck(body(text)))).toEqual([])
  })

  test('runShellcheckBatch does not send them to shellcheck, and sends the rest', async () => {
    // A stand-in shellcheck that records the scripts it is given and has no comment.
    const dir = mkdtempSync(join(tmpdir(), 'stagegate-sc-plain-'))
    try {
      const binary = join(dir, 'shellcheck')
      writeFileSync(
        binary,
        `#!/bin/sh\nfor f in "$@"; do case "$f" in -*) ;; *) cat "$f" >> ${dir}/seen ;; esac; done\necho '{"comments":[]}'\n`
      )
      chmodSync(binary, 0o755)
      const model = parseDockerfile('FROM alpine\nRUN apk add --no-cache curl\nRUN echo $x\n', {
        path: 'Dockerfile'
      })
      const [outcome] = await runShellcheckBatch([model], { binary })
      expect(outcome!.notices).toEqual([])
      const seen = readFileSync(join(dir, 'seen'), 'utf8')
      expect(seen).toContain('echo $x')
      expect(seen).not.toContain('apk add')
      await runShellcheckBatch([model], { binary, skipPlain: false })
      expect(readFileSync(join(dir, 'seen'), 'utf8')).toContain('apk add')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
