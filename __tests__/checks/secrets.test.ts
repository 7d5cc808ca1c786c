import { SG2004, SG2005 } from '../../src/checks/rules/secrets.js'
import {
  findTokens,
  isSecretName,
  redact,
  redactCreatedBy,
  scanFileForSecrets,
  secretAssignment
} from '../../src/checks/secrets.js'
import { ImageBuilder, WHITEOUT } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const GHP = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
const AKIA = 'AKIA' + 'ABCDEFGHIJKLMNOP'
const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n'

describe('redaction', () => {
  it('keeps only a public prefix and the length', () => {
    expect(redact(GHP, 4)).toBe('ghp_****…(40 chars)')
    expect(redact('hunter2')).toBe('****…(7 chars)')
    expect(redact('abc', 4)).toBe('a****…(3 chars)')
  })
})

describe('scanFileForSecrets', () => {
  it.each([
    ['/root/.ssh/id_rsa', PRIVATE_KEY, 'private key'],
    ['/app/server.pem', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n', 'private key'],
    ['/app/tls.key', '-----BEGIN EC PRIVATE KEY-----\nMHc\n', 'private key'],
    ['/app/signing.key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n', 'private key'],
    [
      '/root/.npmrc',
      '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n',
      'npm registry credentials'
    ],
    ['/root/.pypirc', '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n', 'PyPI password'],
    ['/app/.env', 'NODE_ENV=production\nDATABASE_PASSWORD=s3cr3t-value\n', '.env secret'],
    ['/app/.env.production', 'STRIPE_KEY=sk_live_abcdefghijklmnop1234\n', 'Stripe live key'],
    [
      '/root/.aws/credentials',
      `[default]\naws_access_key_id = ${AKIA}\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n`,
      'AWS secret access key'
    ],
    ['/root/.git-credentials', 'https://bob:glpat-abcdefghijklmnopqrstu@gitlab.com\n', 'git credentials'],
    [
      '/root/.docker/config.json',
      '{"auths":{"ghcr.io":{"auth":"Ym9iOnNlY3JldA=="}}}',
      'registry credentials'
    ],
    ['/app/config.yml', `token: ${GHP}\n`, 'GitHub token'],
    ['/app/settings.json', '{"slack":"xoxb-1234567890-abcdefghij"}', 'Slack token'],
    ['/root/.netrc', 'machine github.com login bob password hunter22\n', 'netrc password']
  ])('%s → %s', (path, content, kind) => {
    const matches = scanFileForSecrets(path, Buffer.from(content))
    expect(matches.map(match => match.kind)).toContain(kind)
    for (const match of matches) {
      expect(match.evidence).not.toContain('s3cr3t-value')
      expect(match.evidence).not.toContain(GHP)
      expect(match.evidence).not.toContain('Ym9iOnNlY3JldA==')
      expect(match.evidence).not.toContain('hunter22')
      expect(match.evidence).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA')
    }
  })

  it.each([
    ['/etc/ssl/certs/ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'],
    ['/app/.env', 'NODE_ENV=production\nPORT=8080\nTOKEN_FILE=/run/secrets/token\n'],
    ['/root/.npmrc', 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n'],
    ['/root/.docker/config.json', '{"credsStore":"desktop","auths":{"ghcr.io":{}}}'],
    ['/app/public.pem', '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n'],
    ['/root/.pypirc', '[pypi]\nusername = __token__\n']
  ])('finds nothing in %s', (path, content) => {
    expect(scanFileForSecrets(path, Buffer.from(content))).toEqual([])
  })
})

describe('secret names and values', () => {
  it.each([
    ['PASSWORD', true],
    ['DB_PASS', true],
    ['GITHUB_TOKEN', true],
    ['API_KEY', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['NPM_AUTH', true],
    ['TOKEN_FILE', false],
    ['GPG_KEY', false],
    ['SECRET_PATH', false],
    ['PATH', false],
    ['KEYBOARD', false],
    ['AUTHOR', false]
  ])('%s is secret-looking: %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected)
  })

  it.each([
    ['TOKEN', GHP, 'TOKEN=ghp_****…(40 chars)'],
    ['PASSWORD', 'hunter22', 'PASSWORD=****…(8 chars)'],
    ['DATABASE_URL', 'postgres://app:pa55word@db/app', 'DATABASE_URL=…://…:****…(8 chars)@…'],
    ['ANYTHING', AKIA, 'ANYTHING=AKIA****…(20 chars)']
  ])('%s=… gives %s', (name, value, evidence) => {
    expect(secretAssignment(name, value)?.evidence).toBe(evidence)
  })

  it.each([
    ['PASSWORD', ''],
    ['TOKEN', '${TOKEN}'],
    ['PASSWORD', 'changeme'],
    ['PATH', '/usr/bin'],
    ['DATABASE_URL', 'postgres://db/app']
  ])('%s=%j is not a secret', (name, value) => {
    expect(secretAssignment(name, value)).toBeUndefined()
  })

  it('finds every token format once, redacted', () => {
    const text = `${GHP} github_pat_11ABCDEFG0123456789_abcdefghij glpat-abcdefghijklmnopqrst xoxp-123456789012-abc sk_live_abcdefghijklmnop ${AKIA}`
    expect(findTokens(text).map(match => match.kind)).toEqual([
      'GitHub token',
      'GitHub fine-grained token',
      'GitLab token',
      'Slack token',
      'Stripe live key',
      'AWS access key id'
    ])
  })
})

describe('SG2004 secret files in any layer', () => {
  const dockerfile = [
    'FROM stagegate-fixture/busybox:latest',
    'COPY id_rsa /root/.ssh/id_rsa',
    'RUN use-key && rm /root/.ssh/id_rsa',
    'USER 65532',
    ''
  ].join('\n')

  it('catches a key deleted by a later layer, attributed to the layer and line that added it', () => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit', { '/bin/busybox': 'bb' })
      .layer('COPY id_rsa /root/.ssh/id_rsa # buildkit', {
        '/root/.ssh/id_rsa': { content: PRIVATE_KEY, mode: 0o600 }
      })
      .layer('RUN /bin/sh -c use-key && rm /root/.ssh/id_rsa # buildkit', { '/root/.ssh/id_rsa': WHITEOUT })
      .empty('USER 65532')
      .build()
    const findings = runOne(SG2004, index, { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2004', severity: 'error', line: 2, stage: 0, layer: 1, path: '/root/.ssh/id_rsa' }
    ])
    expect(findings[0]?.message).toContain('deleted by layer 2')
    expect(findings[0]?.evidence).toBe('-----BEGIN OPENSSH PRIVATE KEY----- (key material redacted)')
    expect(JSON.stringify(findings)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA')
  })

  it('catches an .npmrc still in the final image, with the token redacted', () => {
    const index = new ImageBuilder()
      .layer('COPY .npmrc /app/.npmrc # buildkit', {
        '/app/.npmrc': '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n'
      })
      .build()
    const findings = runOne(SG2004, index)
    expect(findings.map(finding => [finding.path, finding.evidence])).toEqual([
      // The npm token is the _authToken's value: one secret, named once.
      ['/app/.npmrc', '_authToken=****…(40 chars)']
    ])
  })

  it('honours allow.paths', () => {
    const index = new ImageBuilder()
      .layer('COPY k /app/test.pem # buildkit', { '/app/test.pem': PRIVATE_KEY })
      .build()
    expect(runOne(SG2004, index, { config: { allow: { paths: ['/app/*.pem'] } } })).toEqual([])
  })

  it.each([
    ['a CA bundle', { '/etc/ssl/certs/ca-certificates.crt': '-----BEGIN CERTIFICATE-----\n' }],
    ['a public key', { '/app/key.pem': '-----BEGIN PUBLIC KEY-----\n' }],
    ['a file not captured (a binary with a key string deep inside)', { '/app/data.bin': PRIVATE_KEY }]
  ])('is not raised for %s', (_name, entries) => {
    expect(runOne(SG2004, new ImageBuilder().layer('COPY x / # buildkit', entries).build())).toEqual([])
  })
})

describe('SG2005 secrets in config and history', () => {
  it('catches a build argument recorded in RUN history, at its ARG line (the RUN as a related line), redacted', () => {
    const dockerfile =
      'FROM stagegate-fixture/busybox:latest\nARG TOKEN\nRUN fetch --token "$TOKEN"\nUSER 65532\n'
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .empty('ARG TOKEN')
      .layer(`RUN |1 TOKEN=${GHP} /bin/sh -c fetch --token "$TOKEN" # buildkit`)
      .empty('USER 65532')
      .build()
    const findings = runOne(SG2005, index, { dockerfile })
    expect(where(findings)).toEqual([{ ruleId: 'SG2005', severity: 'error', line: 2, stage: 0, layer: 1 }])
    expect(findings[0]?.relatedLines).toEqual([3])
    expect(findings[0]?.evidence).toBe('TOKEN=ghp_****…(40 chars) (recorded by RUN on line 3)')
    expect(JSON.stringify(findings)).not.toContain(GHP)
  })

  it('reports a build argument every RUN recorded once, with each RUN line and the count', () => {
    const dockerfile = 'FROM stagegate-fixture/busybox:latest\nARG TOKEN\nRUN one\nRUN two\nUSER 65532\n'
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .empty('ARG TOKEN')
      .layer(`RUN |1 TOKEN=${GHP} /bin/sh -c one # buildkit`)
      .layer(`RUN |1 TOKEN=${GHP} /bin/sh -c two # buildkit`)
      .empty('USER 65532')
      .build()
    const findings = runOne(SG2005, index, { dockerfile })
    expect(where(findings)).toEqual([{ ruleId: 'SG2005', severity: 'error', line: 2, stage: 0, layer: 1 }])
    expect(findings[0]).toMatchObject({ relatedLines: [3, 4], count: 2 })
    expect(findings[0]?.message).toContain('recorded in the image history by 2 RUNs')
  })

  it('without the Dockerfile, reports the build argument at the first RUN that recorded it', () => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer(`RUN |1 TOKEN=${GHP} /bin/sh -c one # buildkit`)
      .layer(`RUN |1 TOKEN=${GHP} /bin/sh -c two # buildkit`)
      .build()
    expect(where(runOne(SG2005, index))).toEqual([{ ruleId: 'SG2005', severity: 'error', layer: 1 }])
  })

  it('catches an ENV secret once, at the ENV line (an empty-layer history entry)', () => {
    const dockerfile = 'FROM scratch\nCOPY app /app\nENV DB_PASSWORD=s3cr3t-value\nUSER 1\n'
    const index = new ImageBuilder()
      .layer('COPY app /app # buildkit', { '/app': 'x' })
      .empty('ENV DB_PASSWORD=s3cr3t-value')
      .empty('USER 1')
      .config({ Env: ['PATH=/usr/bin', 'DB_PASSWORD=s3cr3t-value'] })
      .build()
    const findings = runOne(SG2005, index, { dockerfile })
    expect(where(findings)).toEqual([{ ruleId: 'SG2005', severity: 'error', line: 3, stage: 0 }])
    expect(findings[0]?.evidence).toBe('DB_PASSWORD=****…(12 chars)')
  })

  it('catches a token in a label and a token written into a RUN command', () => {
    const index = new ImageBuilder()
      .layer(`RUN /bin/sh -c curl -H "Authorization: token ${GHP}" https://api.github.com # buildkit`)
      .config({ Labels: { 'org.example.deploy-key': `${AKIA}` } })
      .build()
    expect(runOne(SG2005, index).map(finding => finding.evidence)).toEqual([
      'org.example.deploy-key=AKIA****…(20 chars)',
      'ghp_****…(40 chars)'
    ])
  })

  it.each([
    [
      'ordinary env',
      { Env: ['PATH=/usr/bin', 'NODE_ENV=production', 'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D'] },
      'RUN /bin/sh -c make # buildkit'
    ],
    [
      'a secret file path',
      { Env: ['TOKEN_FILE=/run/secrets/token'] },
      'RUN |1 VERSION=1.2.3 /bin/sh -c make # buildkit'
    ],
    ['an empty build argument', {}, 'RUN |1 TOKEN= /bin/sh -c make # buildkit']
  ])('is not raised for %s', (_name, containerConfig, createdBy) => {
    expect(runOne(SG2005, new ImageBuilder().layer(createdBy).config(containerConfig).build())).toEqual([])
  })
})

describe('redactCreatedBy', () => {
  it.each([
    [
      `RUN |2 VERSION=1.2 TOKEN=${GHP} /bin/sh -c make # buildkit`,
      'RUN |2 VERSION=1.2 TOKEN=**** /bin/sh -c make # buildkit'
    ],
    [`|1 PASSWORD=hunter22 /bin/sh -c make`, '|1 PASSWORD=**** /bin/sh -c make'],
    [
      `RUN /bin/sh -c curl -u x:${GHP} https://x # buildkit`,
      'RUN /bin/sh -c curl -u x:ghp_****…(40 chars) https://x # buildkit'
    ],
    ['COPY /out/app /app # buildkit', 'COPY /out/app /app # buildkit']
  ])('%s', (createdBy, expected) => {
    expect(redactCreatedBy(createdBy)).toBe(expected)
  })
})
