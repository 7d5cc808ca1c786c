// The pipeline's pure decisions: which Dockerfile, which fail level, which
// image to check after the build, and how per-platform findings merge.
import type { BuildResult } from '../src/build/run.js'
import { emptyConfig } from '../src/config.js'
import type { Finding } from '../src/finding.js'
import { parseInputs, type Inputs } from '../src/inputs.js'
import { dockerfilePath, imageToCheck, mergePlatformFindings, resolveFailOn } from '../src/pipeline.js'

function inputs(values: Record<string, string>): Inputs {
  return parseInputs(name => values[name] ?? '')
}

function build(overrides: Partial<BuildResult>): BuildResult {
  return {
    ok: true,
    seconds: 1,
    argv: [],
    cachedSteps: 0,
    buildx: { driver: 'docker' } as BuildResult['buildx'],
    ...overrides
  }
}

const DIGEST = `sha256:${'a'.repeat(64)}`

describe('dockerfilePath', () => {
  test.each([
    [{ context: '.', file: '' }, 'Dockerfile'],
    [{ context: 'app', file: '' }, 'app/Dockerfile'],
    [{ context: 'app', file: 'build/Dockerfile.prod' }, 'build/Dockerfile.prod'],
    [{ context: 'https://github.com/acme/app.git#main', file: '' }, undefined]
  ])('%j → %s', (given, expected) => {
    expect(dockerfilePath(given)).toBe(expected)
  })
})

describe('resolveFailOn', () => {
  test.each([
    ['', undefined, 'error'],
    ['', 'warning', 'warning'],
    ['note', 'warning', 'note'],
    ['never', 'error', 'never']
  ] as const)('input %j, config %j → %s', (input, configured, expected) => {
    const config = { ...emptyConfig(), ...(configured ? { failOn: configured } : {}) }
    expect(resolveFailOn({ 'fail-on': input }, config)).toBe(expected)
  })
})

describe('imageToCheck', () => {
  test.each([
    [1, { image: 'oci-layout:out' }, undefined, 'oci-layout:out'],
    [
      2,
      { tags: 'ghcr.io/acme/app:1.2', push: 'true' },
      build({ digest: DIGEST }),
      `ghcr.io/acme/app@${DIGEST}`
    ],
    [
      3,
      { tags: '127.0.0.1:5000/app:1', push: 'true' },
      build({ digest: DIGEST }),
      `127.0.0.1:5000/app@${DIGEST}`
    ],
    [4, { tags: 'app:dev' }, build({ imageid: DIGEST }), 'app:dev'],
    [5, {}, build({ imageid: DIGEST }), DIGEST],
    [
      6,
      { tags: 'app:dev' },
      build({ buildx: { driver: 'docker-container' } as BuildResult['buildx'] }),
      undefined
    ],
    [
      7,
      { tags: 'app:dev', load: 'true' },
      build({ buildx: { driver: 'docker-container' } as BuildResult['buildx'] }),
      'app:dev'
    ],
    [8, { tags: 'app:dev' }, build({ ok: false }), undefined],
    [9, { tags: 'app:dev' }, undefined, undefined]
  ])('case %i', (_n, given, result, expected) => {
    expect(imageToCheck(inputs(given), result)).toBe(expected)
  })
})

describe('mergePlatformFindings', () => {
  const shell: Finding = {
    ruleId: 'SG2001',
    severity: 'warning',
    message: 'ships a shell',
    path: '/bin/sh',
    line: 4
  }
  const root: Finding = { ruleId: 'SG2003', severity: 'warning', message: 'runs as root', line: 1 }
  test('findings on every platform appear once; others name their platform', () => {
    const merged = mergePlatformFindings([
      { platform: 'linux/amd64', findings: [root] },
      { platform: 'linux/arm64', findings: [root, shell] },
      { platform: 'linux/s390x', findings: [shell] }
    ])
    expect(merged).toEqual([root, { ...shell, message: 'ships a shell (on linux/arm64)' }])
  })
  test('one platform: unchanged', () => {
    expect(mergePlatformFindings([{ platform: 'linux/amd64', findings: [shell, root] }])).toEqual([
      shell,
      root
    ])
  })
})
