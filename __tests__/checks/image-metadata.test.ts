import { SG2014 } from '../../src/checks/rules/attestations.js'
import { SG2015 } from '../../src/checks/rules/node-dev-deps.js'
import { SG2000 } from '../../src/checks/rules/reader-warnings.js'
import { ImageBuilder, dir } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

describe('SG2014 requested attestations', () => {
  const dockerfile = 'FROM scratch\nCOPY app /app\n'
  const image = (attestations?: { sbom: boolean; provenance: boolean }): ImageBuilder =>
    new ImageBuilder()
      .layer('COPY app /app # buildkit', { '/app': 'x' })
      .with(attestations ? { attestations } : {})

  it('catches a requested SBOM the image lacks, at the final stage FROM', () => {
    const findings = runOne(SG2014, image({ sbom: false, provenance: true }).build(), {
      dockerfile,
      requested: { sbom: true, provenance: true }
    })
    expect(where(findings)).toEqual([{ ruleId: 'SG2014', severity: 'error', line: 1, stage: 0 }])
    expect(findings[0]?.message).toContain('requested an SBOM attestation')
  })

  it('catches both when both are missing', () => {
    const findings = runOne(SG2014, image({ sbom: false, provenance: false }).build(), {
      requested: { sbom: true, provenance: true }
    })
    expect(findings.map(finding => finding.message.slice(0, 40))).toEqual([
      'The build requested an SBOM attestation ',
      'The build requested a provenance attesta'
    ])
  })

  it.each([
    ['nothing was requested', { sbom: false, provenance: false }, { sbom: false, provenance: false }],
    ['the source cannot tell', undefined, { sbom: true, provenance: true }],
    ['everything requested is there', { sbom: true, provenance: true }, { sbom: true, provenance: true }]
  ])('is not raised when %s', (_name, found, requested) => {
    expect(runOne(SG2014, image(found).build(), { requested })).toEqual([])
  })

  it('is not raised when the build said nothing about attestations', () => {
    expect(runOne(SG2014, image({ sbom: false, provenance: false }).build())).toEqual([])
  })
})

describe('SG2015 node devDependencies', () => {
  const dockerfile =
    'FROM stagegate-fixture/busybox:latest\nWORKDIR /app\nCOPY package.json .\nCOPY node_modules node_modules\n'
  const packageJson = JSON.stringify({
    name: 'app',
    dependencies: { express: '^4' },
    devDependencies: { jest: '^29', typescript: '^5', '@types/node': '^20', eslint: '^9' }
  })

  it('catches devDependencies present in node_modules, at the COPY that brought them', () => {
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('WORKDIR /app', { '/app': dir() })
      .layer('COPY package.json . # buildkit', { '/app/package.json': packageJson })
      .layer('COPY node_modules node_modules # buildkit', {
        '/app/node_modules/express/package.json': '{}',
        '/app/node_modules/jest/package.json': '{}',
        '/app/node_modules/@types/node/package.json': '{}',
        '/app/node_modules/typescript/package.json': '{}'
      })
      .build()
    const findings = runOne(SG2015, index, { dockerfile })
    expect(where(findings)).toEqual([
      { ruleId: 'SG2015', severity: 'warning', line: 4, stage: 0, layer: 3, path: '/app/node_modules' }
    ])
    expect(findings[0]?.evidence).toBe('@types/node, jest, typescript')
  })

  it.each([
    ['production-only node_modules', { '/app/node_modules/express/package.json': '{}' }],
    ['no node_modules at all', {}],
    [
      'a truncated package.json',
      { '/app/node_modules/jest/package.json': '{}', '/app/package.json': '{"devDependencies": {"jest"' }
    ]
  ])('is not raised for %s', (_name, modules) => {
    const index = new ImageBuilder()
      .layer('COPY . /app # buildkit', { '/app/package.json': packageJson, ...modules })
      .build()
    expect(runOne(SG2015, index)).toEqual([])
  })

  it('ignores package.json files of installed packages themselves', () => {
    const index = new ImageBuilder()
      .layer('COPY . /app # buildkit', {
        '/app/node_modules/x/package.json': JSON.stringify({ devDependencies: { y: '1' } }),
        '/app/node_modules/x/node_modules/y/package.json': '{}'
      })
      .build()
    expect(runOne(SG2015, index)).toEqual([])
  })
})

describe('SG2000 reader warnings', () => {
  it('turns each warning into a finding, at the layer it names', () => {
    const index = new ImageBuilder()
      .layer('COPY a /a # buildkit')
      .layer('COPY b /b # buildkit')
      .with({
        warnings: [
          'layer 1: entry ../../etc/passwd escapes the root; clamped',
          'history lists 3 steps for 2 layers'
        ]
      })
      .build()
    const findings = runOne(SG2000, index)
    expect(where(findings)).toEqual([
      { ruleId: 'SG2000', severity: 'warning', layer: 1 },
      { ruleId: 'SG2000', severity: 'warning' }
    ])
    expect(findings[0]?.message).toContain('escapes the root')
  })

  it('is silent for a clean read', () => {
    expect(runOne(SG2000, new ImageBuilder().layer('COPY a /a # buildkit').build())).toEqual([])
  })
})
