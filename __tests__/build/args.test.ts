// The `docker buildx build` argv for a numbered table of input sets. Each
// expectation is written from docker/build-push-action v7's documented
// behaviour (its README and its getArgs): flag order, list splitting, the
// Git context, attestation defaults and precedence, exporters without an
// image id, version gates. Stagegate's own additions (cache-registry, an
// SBOM by default) are marked where they appear.
import {
  getBuildArgs,
  hasExporterType,
  planAttestations,
  planCache,
  type AttestationFacts,
  type BuildEnv,
  type SecretSpecs
} from '../../src/build/args.js'
import { resolveContext } from '../../src/build/context.js'
import { parseInputs } from '../../src/inputs.js'

const RUN = 'https://github.com/octo/app/actions/runs/42/attempts/1'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const GIT = `https://github.com/octo/app.git#${SHA}`
const GITHUB_ENV = { GITHUB_REPOSITORY: 'octo/app', GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main' }

interface Extra {
  buildx?: string
  facts?: Partial<AttestationFacts>
  secrets?: Partial<SecretSpecs>
  canExportCache?: boolean
}

function argv(values: Record<string, string>, extra: Extra = {}): string[] {
  const inputs = parseInputs(name => values[name] ?? '')
  const resolved = resolveContext(inputs.context, GITHUB_ENV)
  const attests = planAttestations(inputs, {
    builderId: RUN,
    privateRepository: false,
    support: { ok: true },
    ...extra.facts
  })
  const env: BuildEnv = {
    metadataFile: '/w/metadata.json',
    iidFile: '/w/iid',
    context: resolved.context,
    defaultContext: resolved.defaultContext,
    secrets: { envs: [], strings: [], files: [], ...extra.secrets },
    canExportCache: extra.canExportCache ?? true,
    buildxVersion: extra.buildx ?? '0.13.1',
    attests: attests.args
  }
  return getBuildArgs({ ...inputs, context: resolved.context }, env)
}

/** The argv, or the error it throws as the table writes one: `{ error: message }`. */
function outcome(values: Record<string, string>, extra: Extra): Expected {
  try {
    return argv(values, extra)
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const B = ['buildx', 'build']
const IID = ['--iidfile', '/w/iid']
const META = ['--metadata-file', '/w/metadata.json']
const PROV = ['--attest', `type=provenance,mode=max,builder-id=${RUN}`]
/** Stagegate's own default: an SBOM (build-push-action adds none unless asked). */
const SBOM = ['--attest', 'type=sbom']
const ATTEST = [...PROV, ...SBOM]
const DOT = { context: '.' }

type Expected = string[] | { error: string }

const cases: [number, string, Record<string, string>, Extra, Expected][] = [
  [1, 'a local context, nothing else', DOT, {}, [...B, ...IID, ...ATTEST, ...META, '.']],
  [2, 'no context: the Git context of the commit', {}, {}, [...B, ...IID, ...ATTEST, ...META, GIT]],
  [
    3,
    '{{defaultContext}}:subdir',
    { context: '{{defaultContext}}:docker' },
    {},
    [...B, ...IID, ...ATTEST, ...META, `${GIT}:docker`]
  ],
  [
    4,
    'tags split on commas and newlines',
    { ...DOT, tags: 'ghcr.io/octo/app:1.0,ghcr.io/octo/app:latest\nquay.io/octo/app:1' },
    {},
    [
      ...B,
      ...IID,
      ...ATTEST,
      '--tag',
      'ghcr.io/octo/app:1.0',
      '--tag',
      'ghcr.io/octo/app:latest',
      '--tag',
      'quay.io/octo/app:1',
      ...META,
      '.'
    ]
  ],
  [
    5,
    'platforms joined into one --platform',
    { ...DOT, platforms: 'linux/amd64\nlinux/arm64,linux/riscv64' },
    {},
    [...B, ...IID, '--platform', 'linux/amd64,linux/arm64,linux/riscv64', ...ATTEST, ...META, '.']
  ],
  [
    6,
    'build-args: one per line, commas kept, a # line passed',
    { ...DOT, 'build-args': 'GO_VERSION=1.22\n#NOT_A_COMMENT=1\nLIST=a,b,c' },
    {},
    [
      ...B,
      '--build-arg',
      'GO_VERSION=1.22',
      '--build-arg',
      '#NOT_A_COMMENT=1',
      '--build-arg',
      'LIST=a,b,c',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    7,
    'labels: one per line, commas kept',
    { ...DOT, labels: 'org.opencontainers.image.title=app, the\nteam=core' },
    {},
    [
      ...B,
      ...IID,
      '--label',
      'org.opencontainers.image.title=app, the',
      '--label',
      'team=core',
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    8,
    'add-hosts split on commas',
    { ...DOT, 'add-hosts': 'db:10.1.2.3,cache:10.1.2.4\nmirror:10.1.2.5' },
    {},
    [
      ...B,
      '--add-host',
      'db:10.1.2.3',
      '--add-host',
      'cache:10.1.2.4',
      '--add-host',
      'mirror:10.1.2.5',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    9,
    'allow: one --allow each',
    { ...DOT, allow: 'network.host,security.insecure' },
    {},
    [...B, '--allow', 'network.host', '--allow', 'security.insecure', ...IID, ...ATTEST, ...META, '.']
  ],
  [
    10,
    'annotations: OCI annotations, one per line, commas kept',
    { ...DOT, annotations: 'index:org.opencontainers.image.description=fast, small\nmanifest:team=core' },
    {},
    [
      ...B,
      '--annotation',
      'index:org.opencontainers.image.description=fast, small',
      '--annotation',
      'manifest:team=core',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    11,
    'annotations need buildx 0.12',
    { ...DOT, annotations: 'manifest:team=core' },
    { buildx: '0.11.2' },
    {
      error:
        'Input "annotations" (OCI annotations) needs buildx 0.12 or later; this is buildx 0.11.2. Update buildx or remove annotations.'
    }
  ],
  [
    12,
    'build-contexts with {{defaultContext}}',
    { ...DOT, 'build-contexts': 'base=docker-image://debian:bookworm\nsrc={{defaultContext}}:src' },
    {},
    [
      ...B,
      '--build-context',
      'base=docker-image://debian:bookworm',
      '--build-context',
      `src=${GIT}:src`,
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    13,
    'cache-from and cache-to as given',
    {
      ...DOT,
      'cache-from': 'type=registry,ref=ghcr.io/octo/app:cache\nuser/app:cache',
      'cache-to': 'type=inline'
    },
    {},
    [
      ...B,
      '--cache-from',
      'type=registry,ref=ghcr.io/octo/app:cache',
      '--cache-from',
      'user/app:cache',
      '--cache-to',
      'type=inline',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    14,
    'cache-registry (Stagegate) expands to import and max-mode export',
    { ...DOT, 'cache-registry': 'ghcr.io/octo/app:buildcache' },
    {},
    [
      ...B,
      '--cache-from',
      'type=registry,ref=ghcr.io/octo/app:buildcache',
      '--cache-to',
      'type=registry,ref=ghcr.io/octo/app:buildcache,mode=max,image-manifest=true,oci-mediatypes=true',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    15,
    'a fork pull request drops the registry cache export, keeps the import',
    {
      ...DOT,
      'cache-from': 'type=registry,ref=r/c',
      'cache-to': 'type=registry,ref=r/c,mode=max\ntype=inline'
    },
    { canExportCache: false },
    [
      ...B,
      '--cache-from',
      'type=registry,ref=r/c',
      '--cache-to',
      'type=inline',
      ...IID,
      ...ATTEST,
      ...META,
      '.'
    ]
  ],
  [
    16,
    'call on buildx 0.15',
    { ...DOT, call: 'check' },
    { buildx: '0.15.1' },
    [...B, '--call', 'check', ...IID, ...ATTEST, ...META, '.']
  ],
  [
    17,
    'call on buildx 0.13 is a clear error',
    { ...DOT, call: 'check' },
    {},
    {
      error:
        'Input "call" needs buildx 0.15 or later (--call); this is buildx 0.13.1. Update buildx (docker/setup-buildx-action) or remove call.'
    }
  ],
  [
    18,
    'call on a development build of buildx',
    { ...DOT, call: 'outline' },
    { buildx: 'a1b2c3d' },
    [...B, '--call', 'outline', ...IID, ...ATTEST, ...META, '.']
  ],
  [
    19,
    'cgroup-parent',
    { ...DOT, 'cgroup-parent': '/actions-build' },
    {},
    [...B, '--cgroup-parent', '/actions-build', ...IID, ...ATTEST, ...META, '.']
  ],
  [
    20,
    'secret-envs come before --file, secrets and secret-files after the attestations',
    { ...DOT, file: 'docker/Dockerfile' },
    {
      secrets: {
        envs: ['id=aws,env=AWS_KEY'],
        strings: ['id=token,src=/s/secret-0'],
        files: ['id=npmrc,src=.npmrc']
      }
    },
    [
      ...B,
      '--secret',
      'id=aws,env=AWS_KEY',
      '--file',
      'docker/Dockerfile',
      ...IID,
      ...ATTEST,
      '--secret',
      'id=token,src=/s/secret-0',
      '--secret',
      'id=npmrc,src=.npmrc',
      ...META,
      '.'
    ]
  ],
  [
    21,
    'the Git auth token comes last among the secrets',
    {},
    { secrets: { strings: ['id=a,src=/s/0'], gitAuth: 'id=GIT_AUTH_TOKEN.github.com,src=/s/1' } },
    [
      ...B,
      ...IID,
      ...ATTEST,
      '--secret',
      'id=a,src=/s/0',
      '--secret',
      'id=GIT_AUTH_TOKEN.github.com,src=/s/1',
      ...META,
      GIT
    ]
  ],
  [
    22,
    'outputs type=local: no --iidfile',
    { ...DOT, outputs: 'type=local,dest=out' },
    {},
    [...B, '--output', 'type=local,dest=out', ...ATTEST, ...META, '.']
  ],
  [
    23,
    'outputs type=tar: no --iidfile',
    { ...DOT, outputs: 'type=tar,dest=image.tar' },
    {},
    [...B, '--output', 'type=tar,dest=image.tar', ...ATTEST, ...META, '.']
  ],
  [
    24,
    'outputs: a bare path is a local export',
    { ...DOT, outputs: 'dist' },
    {},
    [...B, '--output', 'dist', ...ATTEST, ...META, '.']
  ],
  [
    25,
    'outputs type=image keeps --iidfile',
    { ...DOT, outputs: 'type=image,name=ghcr.io/octo/app,push=true' },
    {},
    [...B, ...IID, '--output', 'type=image,name=ghcr.io/octo/app,push=true', ...ATTEST, ...META, '.']
  ],
  [
    26,
    'outputs: quotes are literal (build-push-action reads them with quote: false)',
    { ...DOT, outputs: 'type=docker,"name=r/a:1,r/a:2"' },
    {},
    [...B, ...IID, '--output', 'type=docker,"name=r/a:1,r/a:2"', ...ATTEST, ...META, '.']
  ],
  [
    27,
    'no-cache-filters: one flag per stage',
    { ...DOT, 'no-cache-filters': 'deps\ntest' },
    {},
    [...B, ...IID, '--no-cache-filter', 'deps', '--no-cache-filter', 'test', ...ATTEST, ...META, '.']
  ],
  [
    28,
    'network',
    { ...DOT, network: 'none' },
    {},
    [...B, ...IID, ...ATTEST, ...META, '--network', 'none', '.']
  ],
  [
    29,
    'shm-size',
    { ...DOT, 'shm-size': '2g' },
    {},
    [...B, ...IID, ...ATTEST, '--shm-size', '2g', ...META, '.']
  ],
  [
    30,
    'ulimit: one per line',
    { ...DOT, ulimit: 'nofile=1024:2048\nnproc=512' },
    {},
    [...B, ...IID, ...ATTEST, '--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=512', ...META, '.']
  ],
  [
    31,
    'ssh: default agent and a key',
    { ...DOT, ssh: 'default\ngithub=/home/runner/.ssh/id_ed25519' },
    {},
    [
      ...B,
      ...IID,
      ...ATTEST,
      '--ssh',
      'default',
      '--ssh',
      'github=/home/runner/.ssh/id_ed25519',
      ...META,
      '.'
    ]
  ],
  [
    32,
    'target',
    { ...DOT, target: 'runtime' },
    {},
    [...B, ...IID, ...ATTEST, '--target', 'runtime', ...META, '.']
  ],
  [
    33,
    'builder, load, pull, no-cache, push in build-push-action order',
    {
      ...DOT,
      builder: 'remote',
      load: 'true',
      pull: 'true',
      'no-cache': 'true',
      push: 'true',
      tags: 'r/a:1'
    },
    {},
    [
      ...B,
      ...IID,
      ...ATTEST,
      '--tag',
      'r/a:1',
      '--builder',
      'remote',
      '--load',
      ...META,
      '--no-cache',
      '--pull',
      '--push',
      '.'
    ]
  ],
  [
    34,
    'provenance: false disables it',
    { ...DOT, provenance: 'false' },
    {},
    [...B, ...IID, '--attest', 'type=provenance,disabled=true', ...SBOM, ...META, '.']
  ],
  [
    35,
    'provenance: true gets the builder-id',
    { ...DOT, provenance: 'true' },
    {},
    [...B, ...IID, '--attest', `type=provenance,builder-id=${RUN}`, ...SBOM, ...META, '.']
  ],
  [
    36,
    'provenance: mode=min gets the builder-id',
    { ...DOT, provenance: 'mode=min' },
    {},
    [...B, ...IID, '--attest', `type=provenance,mode=min,builder-id=${RUN}`, ...SBOM, ...META, '.']
  ],
  [
    37,
    'provenance with its own builder-id is kept',
    { ...DOT, provenance: 'mode=max,builder-id=https://ci.example/run/9' },
    {},
    [
      ...B,
      ...IID,
      '--attest',
      'type=provenance,mode=max,builder-id=https://ci.example/run/9',
      ...SBOM,
      ...META,
      '.'
    ]
  ],
  [
    38,
    'a private repository gets min-mode, inline-only provenance',
    DOT,
    { facts: { privateRepository: true } },
    [
      ...B,
      ...IID,
      '--attest',
      `type=provenance,mode=min,inline-only=true,builder-id=${RUN}`,
      ...SBOM,
      ...META,
      '.'
    ]
  ],
  [
    39,
    'a private repository that asks for max gets max',
    { ...DOT, provenance: 'mode=max' },
    { facts: { privateRepository: true } },
    [...B, ...IID, '--attest', `type=provenance,mode=max,builder-id=${RUN}`, ...SBOM, ...META, '.']
  ],
  [
    40,
    'sbom: false disables it',
    { ...DOT, sbom: 'false' },
    {},
    [...B, ...IID, ...PROV, '--attest', 'type=sbom,disabled=true', ...META, '.']
  ],
  [
    41,
    'sbom: true',
    { ...DOT, sbom: 'true' },
    {},
    [...B, ...IID, ...PROV, '--attest', 'type=sbom,disabled=false', ...META, '.']
  ],
  [
    42,
    'sbom with a generator',
    { ...DOT, sbom: 'generator=127.0.0.1:5000/scanner:1' },
    {},
    [...B, ...IID, ...PROV, '--attest', 'type=sbom,generator=127.0.0.1:5000/scanner:1', ...META, '.']
  ],
  [
    43,
    'attests provenance replaces the default and gets the builder-id',
    { ...DOT, attests: 'type=provenance,mode=min' },
    {},
    [...B, ...IID, ...SBOM, '--attest', `type=provenance,mode=min,builder-id=${RUN}`, ...META, '.']
  ],
  [
    44,
    'the provenance input takes precedence over attests',
    { ...DOT, provenance: 'mode=max', attests: 'type=provenance,mode=min' },
    {},
    [...B, ...IID, '--attest', `type=provenance,mode=max,builder-id=${RUN}`, ...SBOM, ...META, '.']
  ],
  [
    45,
    'attests sbom replaces the default SBOM; the sbom input would win',
    { ...DOT, attests: 'type=sbom,generator=r/gen:2' },
    {},
    [...B, ...IID, ...PROV, '--attest', 'type=sbom,generator=r/gen:2', ...META, '.']
  ],
  [
    46,
    'another attestation type, its boolean field read as disabled=',
    { ...DOT, attests: 'type=vex,true' },
    {},
    [...B, ...IID, ...ATTEST, '--attest', 'type=vex,disabled=false', ...META, '.']
  ],
  [
    47,
    'a builder that cannot keep attestations: the defaults are dropped',
    DOT,
    {
      facts: {
        support: { ok: false, reason: 'the docker driver on the classic image store cannot keep them' }
      }
    },
    [...B, ...IID, ...META, '.']
  ],
  [
    48,
    'a builder that cannot keep attestations, asked explicitly: a clear error',
    { ...DOT, sbom: 'true' },
    {
      facts: {
        support: { ok: false, reason: 'the docker driver on the classic image store cannot keep them' }
      }
    },
    {
      error:
        'Attestations were asked for (sbom: true), but the docker driver on the classic image store cannot keep them; or turn them off with sbom: false and provenance: false.'
    }
  ],
  [
    49,
    'BUILDX_NO_DEFAULT_ATTESTATIONS: no default attestation',
    DOT,
    { facts: { noDefaults: true } },
    [...B, ...IID, ...META, '.']
  ],
  [
    50,
    'outside GitHub Actions there is no builder-id',
    DOT,
    { facts: { builderId: undefined } },
    [...B, ...IID, '--attest', 'type=provenance,mode=max', ...SBOM, ...META, '.']
  ],
  [
    51,
    'a quoted list item keeps its commas',
    { ...DOT, tags: '"r/a:1",r/a:2', 'build-args': '"JSON={""a"":1,""b"":2}"' },
    {},
    [
      ...B,
      '--build-arg',
      'JSON={"a":1,"b":2}',
      ...IID,
      ...ATTEST,
      '--tag',
      'r/a:1',
      '--tag',
      'r/a:2',
      ...META,
      '.'
    ]
  ],
  [
    52,
    'an unknown provenance mode is one line',
    { ...DOT, provenance: 'mode=full' },
    {},
    { error: 'Input "provenance" has an unknown mode "full"; use mode=min or mode=max.' }
  ]
]

describe('getBuildArgs: the buildx argv, build-push-action compatible', () => {
  test.each(cases)('case %i: %s', (_n, _what, values, extra, expected) => {
    expect(outcome(values, extra)).toEqual(expected)
  })

  test('the table has at least 40 sets, numbered in order', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    expect(cases.map(([n]) => n)).toEqual(cases.map((_case, i) => i + 1))
  })
})

describe('hasExporterType', () => {
  test.each([
    [1, 'local', ['type=local,dest=a'], true],
    [2, 'tar', ['type=local,dest=a'], false],
    [3, 'local', ['out'], true],
    [4, 'tar', ['type=docker', 'type=tar,dest=x.tar'], true],
    [5, 'local', [], false]
  ])('case %i', (_n, type, outputs, expected) => {
    expect(hasExporterType(type, outputs)).toBe(expected)
  })
})

describe('planCache', () => {
  test('a builder that cannot export cache keeps only inline exports', () => {
    const plan = planCache(
      { 'cache-from': [], 'cache-to': ['type=registry,ref=r/c', 'type=inline'], 'cache-registry': '' },
      { canExportCache: true, cacheExportSupported: false }
    )
    expect(plan).toEqual({ from: [], to: ['type=inline'], dropped: ['type=registry,ref=r/c'] })
  })
})
