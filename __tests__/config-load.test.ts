import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, parseSize } from '../src/config-load.js'
import { UsageError } from '../src/errors.js'

const KNOWN = new Set(['DL3008', 'DL3059', 'DL3006', 'SG2001', 'SG1001', 'JSONArgsRecommended'])
const knownRuleIds = (id: string) => KNOWN.has(id)

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-config-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function write(name: string, text: string): void {
  mkdirSync(join(dir, name, '..'), { recursive: true })
  writeFileSync(join(dir, name), text)
}

const load = (explicitPath?: string) =>
  loadConfig(
    explicitPath === undefined ? { cwd: dir, knownRuleIds } : { cwd: dir, knownRuleIds, explicitPath }
  )

describe('loadConfig', () => {
  test('no file: the empty config', async () => {
    expect(await load()).toEqual({
      ignore: [],
      severity: {},
      trustedRegistries: [],
      thresholds: {},
      allow: { paths: [] },
      labelSchema: {},
      strictLabels: false,
      sources: []
    })
  })

  test('a full .stagegate.yml', async () => {
    write(
      '.stagegate.yml',
      [
        'fail-on: warning',
        'ignore: [DL3008, JSONArgsRecommended]',
        'severity: { DL3059: note, SG1001: off }',
        'trusted-registries: [ghcr.io]',
        'thresholds: { efficiency: 0.95, wasted-bytes: 20MB, image-size: 300MiB, layer-count: 40 }',
        "allow: { paths: ['/etc/ssl/certs/**'] }",
        'label-schema: { org.opencontainers.image.source: url }',
        'strict-labels: true'
      ].join('\n')
    )
    expect(await load()).toEqual({
      failOn: 'warning',
      ignore: ['DL3008', 'JSONArgsRecommended'],
      severity: { DL3059: 'note', SG1001: 'off' },
      trustedRegistries: ['ghcr.io'],
      thresholds: { efficiency: 0.95, wastedBytes: 20_000_000, imageSize: 300 * 1024 * 1024, layerCount: 40 },
      allow: { paths: ['/etc/ssl/certs/**'] },
      labelSchema: { 'org.opencontainers.image.source': 'url' },
      strictLabels: true,
      sources: ['.stagegate.yml']
    })
  })

  test('.github/stagegate.yml is found', async () => {
    write('.github/stagegate.yml', 'fail-on: note\n')
    expect(await load()).toMatchObject({ failOn: 'note', sources: ['.github/stagegate.yml'] })
  })

  test('explicit path wins over the default names', async () => {
    write('.stagegate.yml', 'fail-on: note\n')
    write('ci/custom.yml', 'fail-on: never\n')
    expect(await load('ci/custom.yml')).toMatchObject({ failOn: 'never', sources: ['ci/custom.yml'] })
  })

  test('.hadolint.yaml fills what the Stagegate file does not set', async () => {
    write('.stagegate.yml', 'ignore: [DL3006]\n')
    write(
      '.hadolint.yaml',
      [
        'ignored: [DL3008]',
        'override:',
        '  error: [DL3059]',
        '  info: [DL3006]',
        '  style: [SG2001]',
        'trustedRegistries: [docker.io, my.registry:5000]',
        'failure-threshold: info',
        'label-schema: { author: text }',
        'strict-labels: false',
        'format: json',
        'no-color: true'
      ].join('\n')
    )
    expect(await load()).toEqual({
      failOn: 'note',
      ignore: ['DL3006'],
      severity: { DL3059: 'error', DL3006: 'note', SG2001: 'note' },
      trustedRegistries: ['docker.io', 'my.registry:5000'],
      thresholds: {},
      allow: { paths: [] },
      labelSchema: { author: 'text' },
      strictLabels: false,
      sources: ['.stagegate.yml', '.hadolint.yaml']
    })
  })

  test('hadolint failure-threshold none means never fail', async () => {
    write('.hadolint.yml', 'failure-threshold: none\n')
    expect(await load()).toMatchObject({ failOn: 'never', sources: ['.hadolint.yml'] })
  })

  test('an empty file is the empty config', async () => {
    write('.stagegate.yml', '')
    expect((await load()).ignore).toEqual([])
  })

  test.each([
    ['fail-on: loud', '.stagegate.yml: fail-on must be one of error, warning, note, never, got "loud"'],
    [
      'thresholds: { efficiency: x }',
      '.stagegate.yml: thresholds.efficiency must be a number between 0 and 1, got "x"'
    ],
    [
      'thresholds: { efficiency: 1.5 }',
      '.stagegate.yml: thresholds.efficiency must be a number between 0 and 1, got 1.5'
    ],
    [
      'thresholds: { wasted-bytes: 20XB }',
      '.stagegate.yml: thresholds.wasted-bytes must be a size such as 20MB, 300MiB or 1000000, got "20XB"'
    ],
    [
      'thresholds: { layer-count: 0 }',
      '.stagegate.yml: thresholds.layer-count must be a positive integer, got 0'
    ],
    [
      'thresholds: { speed: 1 }',
      '.stagegate.yml: unknown key "thresholds.speed" (expected one of efficiency, wasted-bytes, image-size, layer-count)'
    ],
    ['ignore: [DL9999]', '.stagegate.yml: ignore: unknown rule id "DL9999" (see `stagegate rules`)'],
    ['ignore: 3', '.stagegate.yml: ignore must be a list of strings, got 3'],
    [
      'severity: { DL3008: loud }',
      '.stagegate.yml: severity.DL3008 must be one of error, warning, note, off, got "loud"'
    ],
    ['severity: { NOPE: note }', '.stagegate.yml: severity: unknown rule id "NOPE" (see `stagegate rules`)'],
    [
      'colour: red',
      '.stagegate.yml: unknown key "colour" (expected one of fail-on, ignore, severity, trusted-registries, thresholds, allow, label-schema, strict-labels)'
    ],
    ['strict-labels: yes please', '.stagegate.yml: strict-labels must be true or false, got "yes please"'],
    [
      'label-schema: { a: colour }',
      '.stagegate.yml: label-schema.a must be one of text, url, semver, hash, rfc3339, spdx, email, got "colour"'
    ],
    ['- just\n- a list', '.stagegate.yml: must be a mapping of settings, got ["just","a list"]'],
    ['a: [unclosed', '.stagegate.yml: invalid YAML: ']
  ])('rejects %j', async (text, message) => {
    write('.stagegate.yml', text)
    let error: unknown
    try {
      await load()
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message.startsWith(message)).toBe(true)
    expect((error as Error).message).not.toContain('\n')
  })

  test.each([
    // [file, text, expected] — hadolint-action's `config:` input names hadolint's file: it keeps working.
    [
      'lint/hadolint.yaml',
      'ignored: [DL3008]\noverride:\n  error: [DL3059]\nfailure-threshold: warning\n',
      {
        ignore: ['DL3008'],
        severity: { DL3059: 'error' },
        failOn: 'warning',
        sources: ['lint/hadolint.yaml']
      }
    ],
    ['conf.yml', 'trustedRegistries: [docker.io]\n', { trustedRegistries: ['docker.io'] }],
    ['conf.yml', 'no-fail: true\nfailure-threshold: error\n', { failOn: 'never' }],
    ['conf.yml', 'ignored: [DL3008]\nformat: json\nno-color: true\n', { ignore: ['DL3008'] }],
    // Keys both files share, or a Stagegate key: read as Stagegate's.
    ['conf.yml', 'strict-labels: true\n', { strictLabels: true }],
    ['conf.yml', 'ignore: [DL3008]\n', { ignore: ['DL3008'] }]
  ])('an explicit %s with %j', async (name, text, expected) => {
    write(name, text)
    expect(await load(name)).toMatchObject(expected)
  })

  test('a file mixing hadolint and Stagegate keys is refused, naming the hadolint key', async () => {
    write('conf.yml', 'ignore: [DL3008]\nignored: [DL3059]\n')
    await expect(load('conf.yml')).rejects.toThrow(/^conf\.yml: unknown key "ignored"/)
  })

  test('a value shown in an error is cut to one short line', async () => {
    write('conf.yml', `${'x'.repeat(5000)}\n`)
    let message = ''
    try {
      await load('conf.yml')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^conf\.yml: must be a mapping of settings, got "x+\.\.\.$/)
    expect(message.length).toBeLessThan(160)
  })

  test('a missing explicit file names it', async () => {
    await expect(load('nope.yml')).rejects.toThrow(new UsageError('config file not found: nope.yml'))
  })

  test('hadolint config errors name the file', async () => {
    write('.hadolint.yaml', 'failure-threshold: loud\n')
    await expect(load()).rejects.toThrow(/^\.hadolint\.yaml: failure-threshold must be one of/)
  })
})

describe('parseSize', () => {
  test.each([
    ['20MB', 20_000_000],
    ['20mb', 20_000_000],
    ['1.5GB', 1_500_000_000],
    ['300MiB', 300 * 1024 * 1024],
    ['2KiB', 2048],
    ['1GiB', 1024 ** 3],
    ['512B', 512],
    ['1000', 1000],
    [1000, 1000],
    ['10 KB', 10_000]
  ])('%j → %d', (input, expected) => {
    expect(parseSize(input)).toBe(expected)
  })
  test.each(['', 'MB', '20XB', '-1MB', 'ten', null, -5])('%j is invalid', input => {
    expect(parseSize(input)).toBeUndefined()
  })
})
