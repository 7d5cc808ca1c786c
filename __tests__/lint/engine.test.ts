import { checkDirectiveArg } from '../../src/pipeline.js'
import { emptyConfig, type Config } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { compareFindings } from '../../src/finding.js'
import { lintModel, lintModelDetailed, ruleResolver } from '../../src/lint/engine.js'
import { LINT_RULES, isKnownLintRuleId } from '../../src/lint/catalog.js'
import { BUILDKIT_ALIASES } from '../../src/lint/aliases.js'
import type { LintRule } from '../../src/lint/rule.js'

// Rules with fixed behaviour so the engine's policy is what is tested.
const everyInstruction = (id: string, keyword: string, extra: Partial<LintRule> = {}): LintRule => ({
  id,
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: `every ${keyword}`,
  check: ({ model }) =>
    model.stages.flatMap(stage =>
      stage.instructions
        .filter(instruction => instruction.keyword === keyword)
        .map(instruction => ({ line: instruction.line, stage: stage.index, message: `${keyword} here` }))
    ),
  ...extra
})
const RULES: LintRule[] = [
  everyInstruction('DL9001', 'RUN', { aliases: ['RunEverywhere'] }),
  everyInstruction('DL9002', 'CMD', { severity: 'note' }),
  everyInstruction('StageNameCasing', 'FROM', { severity: 'note' }),
  everyInstruction('SG9003', 'USER', { offByDefault: true }),
  { ...everyInstruction('SG1000', 'NOTHING'), summary: 'unknown id in pragma' }
]

function run(text: string, config: Partial<Config> = {}, rules: readonly LintRule[] = RULES) {
  const model = parseDockerfile(text, { path: 'app/Dockerfile' })
  return lintModel(model, { config: { ...emptyConfig(), ...config }, rules })
}
const pairs = (text: string, config: Partial<Config> = {}) =>
  run(text, config).map(f => `${f.ruleId}@${f.line}`)

const BASE = 'FROM a AS build\nRUN one\nRUN two\nFROM b\nRUN three\nCMD x\nUSER u\n'

describe('lintModel policy', () => {
  test('findings carry file, stage and are sorted', () => {
    const findings = run(BASE)
    expect(findings.map(f => `${f.ruleId}@${f.line}`)).toEqual([
      'DL9001@2',
      'DL9001@3',
      'DL9001@5',
      'StageNameCasing@1',
      'StageNameCasing@4',
      'DL9002@6'
    ])
    expect(findings[0]).toMatchObject({
      file: 'app/Dockerfile',
      stage: { index: 0, name: 'build', final: false }
    })
    expect(findings[2]!.stage).toEqual({ index: 1, final: true })
    expect([...findings].sort(compareFindings)).toEqual(findings)
  })

  test.each([
    ['config ignore by id', { ignore: ['DL9001'] }, ['StageNameCasing@1', 'StageNameCasing@4', 'DL9002@6']],
    [
      'config ignore by alias, any case',
      { ignore: ['runeverywhere'] },
      ['StageNameCasing@1', 'StageNameCasing@4', 'DL9002@6']
    ],
    [
      'severity override by alias',
      { severity: { RunEverywhere: 'error' as const } },
      ['DL9001@2', 'DL9001@3', 'DL9001@5', 'StageNameCasing@1', 'StageNameCasing@4', 'DL9002@6']
    ],
    [
      'severity off',
      { severity: { DL9002: 'off' as const } },
      ['DL9001@2', 'DL9001@3', 'DL9001@5', 'StageNameCasing@1', 'StageNameCasing@4']
    ],
    [
      'an off-by-default rule reports once it has a severity',
      { severity: { SG9003: 'note' as const } },
      ['DL9001@2', 'DL9001@3', 'DL9001@5', 'StageNameCasing@1', 'StageNameCasing@4', 'DL9002@6', 'SG9003@7']
    ]
  ])('%s', (_name, config, expected) => {
    expect(pairs(BASE, config)).toEqual(expected)
  })

  test('severity override changes the severity', () => {
    expect(run(BASE, { severity: { DL9002: 'error' } }).find(f => f.ruleId === 'DL9002')?.severity).toBe(
      'error'
    )
  })

  test('a rule that throws becomes a notice, the others still run', () => {
    const broken: LintRule = {
      ...everyInstruction('DL9999', 'RUN'),
      check: () => {
        throw new Error('boom')
      }
    }
    const model = parseDockerfile(BASE, { path: 'Dockerfile' })
    const result = lintModelDetailed(model, { config: emptyConfig(), rules: [broken, ...RULES] })
    expect(result.notices).toEqual(['rule DL9999 failed on Dockerfile: boom'])
    expect(result.findings.length).toBeGreaterThan(0)
  })

  test('extra findings (shellcheck) get the stage and go through pragmas', () => {
    const text = 'FROM a\nRUN x\n# hadolint ignore=SC2086\nRUN y\n'
    const model = parseDockerfile(text, { path: 'Dockerfile' })
    const extra = [
      { ruleId: 'SC2086', severity: 'note' as const, message: 'quote', line: 2 },
      { ruleId: 'SC2086', severity: 'note' as const, message: 'quote', line: 4 }
    ]
    const findings = lintModel(model, { config: emptyConfig(), rules: RULES, extraFindings: extra }).filter(
      f => f.ruleId === 'SC2086'
    )
    expect(findings).toEqual([
      {
        ruleId: 'SC2086',
        severity: 'note',
        message: 'quote',
        line: 2,
        file: 'Dockerfile',
        stage: { index: 0, final: true }
      }
    ])
  })
})

describe('pragmas', () => {
  test.each([
    [
      'hadolint ignore: the next instruction only',
      'FROM a\n# hadolint ignore=DL9001\nRUN one\nRUN two\n',
      ['DL9001@4']
    ],
    [
      'stagegate ignore with an alias',
      'FROM a\n# stagegate ignore=RunEverywhere\nRUN one\nRUN two\n',
      ['DL9001@4']
    ],
    ['several ids, spaces', 'FROM a\n# hadolint ignore=DL9002, DL9001\nRUN one\nRUN two\n', ['DL9001@4']],
    [
      'blank line and comment between',
      'FROM a\n# hadolint ignore=DL9001\n\n# why\nRUN one\nRUN two\n',
      ['DL9001@6']
    ],
    ['global ignore anywhere', 'FROM a\nRUN one\nRUN two\n# hadolint global ignore=DL9001\n', []],
    ['stagegate global ignore', 'FROM a\nRUN one\n# stagegate global ignore=DL9001\nRUN two\n', []],
    [
      'stage ignore: rest of the stage only',
      'FROM a\nRUN one\n# hadolint stage ignore=DL9001\nRUN two\nRUN three\nFROM b\nRUN four\n',
      ['DL9001@2', 'DL9001@7']
    ],
    ['case-insensitive keyword', 'FROM a\n# Hadolint Ignore=DL9001\nRUN one\n', []],
    ['a continuation line is covered', 'FROM a\n# hadolint ignore=DL9001\nRUN one \\\n  two\n', []]
  ])('%s', (_name, text, expected) => {
    expect(
      run(text)
        .filter(f => f.ruleId === 'DL9001')
        .map(f => `${f.ruleId}@${f.line}`)
    ).toEqual(expected)
  })

  test('an unknown id in a pragma is SG1000 on the comment line', () => {
    const findings = run('FROM a AS x\n# hadolint ignore=DL9001,DL0000\nRUN one\n')
    expect(findings.filter(f => f.ruleId === 'DL9001')).toEqual([])
    expect(findings.filter(f => f.ruleId === 'SG1000')).toEqual([
      {
        ruleId: 'SG1000',
        severity: 'warning',
        message: 'Unknown rule id "DL0000" in an ignore pragma: check the spelling (see `stagegate rules`).',
        line: 2,
        file: 'app/Dockerfile',
        stage: { index: 0, name: 'x', final: true }
      }
    ])
  })

  test('shellcheck ids are known in pragmas', () => {
    expect(run('FROM a\n# hadolint ignore=SC2086\nRUN one\n').filter(f => f.ruleId === 'SG1000')).toEqual([])
  })
})

describe('BuildKit check directive', () => {
  test.each([
    ['skip one by name', '# check=skip=StageNameCasing\nFROM a\nRUN x\n', ['DL9001@3']],
    ['skip=all skips BuildKit-named checks only', '# check=skip=all\nFROM a\nRUN x\n', ['DL9001@3']],
    ['skip an alias', '# check=skip=RunEverywhere\nFROM a\nRUN x\n', ['StageNameCasing@2']],
    [
      'not a directive below the first instruction',
      'FROM a\n# check=skip=StageNameCasing\nRUN x\n',
      ['DL9001@3', 'StageNameCasing@1']
    ]
  ])('%s', (_name, text, expected) => {
    expect(pairs(text).sort()).toEqual(expected.sort())
  })

  // BuildKit's testRuleCheckOption: the BUILDKIT_DOCKERFILE_CHECK build arg replaces the directive.
  test.each([
    ['replaces skip=all', '#check=skip=all\nFROM a\nRUN x\n', 'error=true', ['StageNameCasing@2:error']],
    ['replaces error=true', '#check=error=true\nFROM a\nRUN x\n', 'skip=all', []],
    ['applies without a directive', 'FROM a\nRUN x\n', 'skip=StageNameCasing', []],
    [
      'an empty value replaces it with nothing',
      '#check=skip=all\nFROM a\nRUN x\n',
      '',
      ['StageNameCasing@2:note']
    ]
  ])('BUILDKIT_DOCKERFILE_CHECK %s', (_name, text, arg, expected) => {
    const model = parseDockerfile(text, { path: 'app/Dockerfile' })
    const findings = lintModel(model, { config: emptyConfig(), rules: RULES, checkDirective: arg })
    expect(
      findings.filter(f => f.ruleId === 'StageNameCasing').map(f => `${f.ruleId}@${f.line}:${f.severity}`)
    ).toEqual(expected)
  })

  test('error=true makes BuildKit checks errors', () => {
    const findings = run('# check=error=true\nFROM a\nRUN x\n')
    expect(findings.find(f => f.ruleId === 'StageNameCasing')?.severity).toBe('error')
    expect(findings.find(f => f.ruleId === 'DL9001')?.severity).toBe('warning')
  })
})

describe('catalog', () => {
  test('ids are unique and every rule has a summary and severity', () => {
    const ids = LINT_RULES.map(rule => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of LINT_RULES) {
      expect(rule.summary.length).toBeGreaterThan(5)
      expect(['error', 'warning', 'note']).toContain(rule.severity)
      expect(rule.phase).toBe('dockerfile')
    }
  })

  test('no alias is also a rule id', () => {
    const ids = new Set(LINT_RULES.map(rule => rule.id.toLowerCase()))
    for (const rule of LINT_RULES)
      for (const alias of rule.aliases) expect(ids.has(alias.toLowerCase())).toBe(false)
  })

  test('BuildKit aliases land on their DL rules', () => {
    for (const [id, names] of Object.entries(BUILDKIT_ALIASES)) {
      const rule = LINT_RULES.find(r => r.id === id)
      expect(rule).toBeDefined()
      for (const name of names) expect(rule!.aliases).toContain(name)
    }
    expect(ruleResolver().resolve('MultipleInstructionsDisallowed').sort()).toEqual([
      'DL3012',
      'DL4003',
      'DL4004'
    ])
  })

  test('all 22 BuildKit checks are selectable by name', () => {
    const checks = [
      'StageNameCasing',
      'FromAsCasing',
      'NoEmptyContinuation',
      'ConsistentInstructionCasing',
      'DuplicateStageName',
      'ReservedStageName',
      'JSONArgsRecommended',
      'MaintainerDeprecated',
      'UndefinedArgInFrom',
      'WorkdirRelativePath',
      'UndefinedVar',
      'MultipleInstructionsDisallowed',
      'LegacyKeyValueFormat',
      'InvalidBaseImagePlatform',
      'RedundantTargetPlatform',
      'SecretsUsedInArgOrEnv',
      'InvalidDefaultArgInFrom',
      'FromPlatformFlagConstDisallowed',
      'CopyIgnoredFile',
      'InvalidDefinitionDescription',
      'ExposeProtoCasing',
      'ExposeInvalidFormat'
    ]
    expect(checks).toHaveLength(22)
    for (const check of checks) expect(isKnownLintRuleId(check)).toBe(true)
  })

  test.each([
    ['DL3008', true],
    ['dl3008', true],
    ['SC2086', true],
    ['SG1012', true],
    ['DL9999', false],
    ['Nope', false]
  ])('isKnownLintRuleId(%s) = %s', (id, known) => {
    expect(isKnownLintRuleId(id)).toBe(known)
  })
})

describe('checkDirectiveArg (the build args the lint step reads)', () => {
  test.each([
    [[], {}],
    [['A=1'], {}],
    [['BUILDKIT_DOCKERFILE_CHECK=skip=all'], { checkDirective: 'skip=all' }],
    [
      ['BUILDKIT_DOCKERFILE_CHECK=skip=A', 'BUILDKIT_DOCKERFILE_CHECK=error=true'],
      { checkDirective: 'error=true' }
    ],
    [['BUILDKIT_DOCKERFILE_CHECK='], { checkDirective: '' }],
    [['XBUILDKIT_DOCKERFILE_CHECK=skip=all'], {}]
  ])('%j → %j', (args, expected) => {
    expect(checkDirectiveArg(args)).toEqual(expected)
  })
})
