import {
  getBuildArgs,
  planCache,
  provenanceValue,
  wantsAttestations,
  type BuildEnv
} from '../../src/build/args.js'
import { parseInputs, type Inputs } from '../../src/inputs.js'

function inputs(values: Record<string, string>): Inputs {
  return parseInputs(name => values[name] ?? '')
}

const ENV: BuildEnv = {
  metadataFile: '/tmp/w/metadata.json',
  iidFile: '/tmp/w/iid',
  file: '',
  secrets: [],
  canExportCache: true,
  attestFlags: true
}

const HEAD = ['buildx', 'build', '--progress=plain']
const DEFAULT_ATTEST = ['--provenance=mode=max', '--sbom=true']
const TAIL = ['--metadata-file', '/tmp/w/metadata.json', '--iidfile', '/tmp/w/iid']

describe('getBuildArgs', () => {
  const cases: [number, Record<string, string>, Partial<BuildEnv>, string[]][] = [
    [1, {}, {}, [...HEAD, ...DEFAULT_ATTEST, ...TAIL, '.']],
    [
      2,
      { context: 'app', tags: 'r/a:1,r/a:latest', target: 'runtime', platforms: 'linux/amd64\nlinux/arm64' },
      { file: '/w/app/Dockerfile.prod' },
      [
        ...HEAD,
        '--file',
        '/w/app/Dockerfile.prod',
        '--target',
        'runtime',
        '--platform',
        'linux/amd64,linux/arm64',
        '--tag',
        'r/a:1',
        '--tag',
        'r/a:latest',
        ...DEFAULT_ATTEST,
        ...TAIL,
        'app'
      ]
    ],
    [
      3,
      { labels: 'a=1,2\nb=x', 'build-args': 'GO=1.22\nLIST=a,b' },
      {},
      [
        ...HEAD,
        '--label',
        'a=1,2',
        '--label',
        'b=x',
        '--build-arg',
        'GO=1.22',
        '--build-arg',
        'LIST=a,b',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      4,
      { 'cache-registry': 'reg/app:cache' },
      {},
      [
        ...HEAD,
        '--cache-from',
        'type=registry,ref=reg/app:cache',
        '--cache-to',
        'type=registry,ref=reg/app:cache,mode=max,image-manifest=true,oci-mediatypes=true',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      5,
      { 'cache-registry': 'reg/app:cache', 'cache-to': 'type=gha,mode=max' },
      { canExportCache: false },
      [
        ...HEAD,
        '--cache-from',
        'type=registry,ref=reg/app:cache',
        '--cache-to',
        'type=gha,mode=max',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      6,
      { 'cache-from': 'type=gha\nuser/app:cache', 'cache-to': 'type=inline' },
      {},
      [
        ...HEAD,
        '--cache-from',
        'type=gha',
        '--cache-from',
        'user/app:cache',
        '--cache-to',
        'type=inline',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      7,
      {},
      { secrets: ['id=tok,src=/tmp/s/secret-0', 'id=aws,env=AWS_KEY'] },
      [
        ...HEAD,
        '--secret',
        'id=tok,src=/tmp/s/secret-0',
        '--secret',
        'id=aws,env=AWS_KEY',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      8,
      { sbom: 'false', provenance: 'false' },
      {},
      [...HEAD, '--provenance=false', '--sbom=false', ...TAIL, '.']
    ],
    [
      9,
      { sbom: 'generator=reg/gen:1', provenance: 'mode=min' },
      {},
      [...HEAD, '--provenance=mode=min', '--attest', 'type=sbom,generator=reg/gen:1', ...TAIL, '.']
    ],
    [
      10,
      { provenance: 'true' },
      { builderId: 'https://github.com/o/r/actions/runs/1' },
      [
        ...HEAD,
        '--provenance=mode=min,builder-id=https://github.com/o/r/actions/runs/1',
        '--sbom=true',
        ...TAIL,
        '.'
      ]
    ],
    [
      11,
      {},
      { builderId: 'https://github.com/o/r/actions/runs/1' },
      [
        ...HEAD,
        '--provenance=mode=max,builder-id=https://github.com/o/r/actions/runs/1',
        '--sbom=true',
        ...TAIL,
        '.'
      ]
    ],
    [
      12,
      { attests: 'type=provenance,mode=min\ntype=custom,foo=bar' },
      {},
      [
        ...HEAD,
        '--sbom=true',
        '--attest',
        'type=provenance,mode=min',
        '--attest',
        'type=custom,foo=bar',
        ...TAIL,
        '.'
      ]
    ],
    [
      13,
      { push: 'true', load: 'true', pull: 'true', 'no-cache': 'true', builder: 'remote' },
      { attestFlags: false },
      [...HEAD, '--builder', 'remote', '--pull', '--no-cache', '--push', '--load', ...TAIL, '.']
    ],
    [
      14,
      { 'cache-local': 'true' },
      { localCache: { src: '/r/cache', dest: '/r/cache.new' } },
      [
        ...HEAD,
        '--cache-from',
        'type=local,src=/r/cache',
        '--cache-to',
        'type=local,dest=/r/cache.new,mode=max',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      15,
      { 'cache-registry': 'reg/app:cache', 'cache-to': 'type=inline' },
      { cacheExportSupported: false },
      [
        ...HEAD,
        '--cache-from',
        'type=registry,ref=reg/app:cache',
        '--cache-to',
        'type=inline',
        ...DEFAULT_ATTEST,
        ...TAIL,
        '.'
      ]
    ],
    [
      16,
      { context: 'https://github.com/o/r.git#main', file: 'docker/Dockerfile' },
      { file: 'docker/Dockerfile' },
      [...HEAD, '--file', 'docker/Dockerfile', ...DEFAULT_ATTEST, ...TAIL, 'https://github.com/o/r.git#main']
    ]
  ]
  test.each(cases)('case %i: %j', (_n, values, env, expected) => {
    expect(getBuildArgs(inputs(values), { ...ENV, ...env })).toEqual(expected)
  })
})

describe('planCache', () => {
  test('reports what it dropped on a run that cannot push', () => {
    const plan = planCache(inputs({ 'cache-registry': 'reg/c', 'cache-to': 'reg/bare' }), {
      ...ENV,
      canExportCache: false
    })
    expect(plan.to).toEqual([])
    expect(plan.dropped).toEqual([
      'reg/bare',
      'type=registry,ref=reg/c,mode=max,image-manifest=true,oci-mediatypes=true'
    ])
    expect(plan.from).toEqual(['type=registry,ref=reg/c'])
  })
})

describe('provenanceValue', () => {
  const good: [string, string][] = [
    ['mode=max', 'mode=max'],
    ['FALSE', 'false'],
    ['mode=max,builder-id=custom', 'mode=max,builder-id=custom'],
    ['disabled=true', 'disabled=true']
  ]
  test.each(good)('%j → %j', (raw, expected) => {
    expect(
      provenanceValue(raw, raw.includes('builder-id') || raw.includes('disabled') ? 'ignored' : undefined)
    ).toBe(expected)
  })
  test.each([
    ['mode=maximal', 'Input "provenance" has an unknown mode "maximal"; use mode=min or mode=max.'],
    ['max', 'Input "provenance" must be true, false or attributes such as mode=max; "max" is none of these.']
  ])('%j is a usage error', (raw, message) => {
    expect(() => provenanceValue(raw)).toThrow(message)
  })
})

describe('wantsAttestations', () => {
  const cases: [number, Record<string, string>, boolean][] = [
    [1, {}, true],
    [2, { sbom: 'false', provenance: 'false' }, false],
    [3, { sbom: 'false', provenance: 'disabled=true' }, false],
    [4, { sbom: 'false' }, true],
    [5, { sbom: 'false', provenance: 'false', attests: 'type=custom,x=y' }, true],
    [6, { sbom: 'false', attests: 'type=provenance,disabled=true' }, false]
  ]
  test.each(cases)('case %i: %j → %s', (_n, values, expected) => {
    expect(wantsAttestations(inputs(values))).toBe(expected)
  })
})
