// BuildKit checks that mean the same as a hadolint rule run once, as the DL
// rule, and their BuildKit names still select it everywhere a name is read.
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { lintModel } from '../../src/lint/engine.js'
import { LINT_RULES } from '../../src/lint/catalog.js'
import { isSensitiveName } from '../../src/lint/rules/instructions.js'
import { hits, lintText } from './sg-helpers.js'

const PAIRS = [
  { id: 'DL3064', name: 'SecretsUsedInArgOrEnv', text: 'FROM debian\nARG GITHUB_TOKEN\n', line: 2 },
  { id: 'DL3065', name: 'RedundantTargetPlatform', text: 'FROM --platform=$TARGETPLATFORM debian\n', line: 1 }
]

describe.each(PAIRS)('$name is an alias of $id', ({ id, name, text, line }) => {
  test('one finding on the line, under the DL id', () => {
    const onLine = lintText(text).filter(f => f.line === line && (f.ruleId === id || f.ruleId === name))
    expect(onLine.map(f => f.ruleId)).toEqual([id])
  })

  test('no rule is named after the BuildKit check; the DL rule carries it as an alias', () => {
    expect(LINT_RULES.some(rule => rule.id === name)).toBe(false)
    expect(LINT_RULES.find(rule => rule.id === id)?.aliases).toContain(name)
  })

  test.each([
    ['# check=skip=', `# check=skip=${name}\n${text}`, {}],
    ['# check=skip= (lowercase name)', `# check=skip=${name.toLowerCase()}\n${text}`, {}],
    ['# check=skip=all (it is a BuildKit check)', `# check=skip=all\n${text}`, {}],
    ['config ignore', text, { ignore: [name] }],
    ['config severity off', text, { severity: { [name]: 'off' as const } }],
    ['global pragma', `# stagegate global ignore=${name}\n${text}`, {}]
  ])('%s with the BuildKit name silences it', (_how, dockerfile, config) => {
    expect(lintText(dockerfile, { config }).filter(f => f.ruleId === id)).toEqual([])
  })

  test('# check=error=true makes it an error (it is a BuildKit check)', () => {
    const findings = lintText(`# check=error=true\n${text}`).filter(f => f.ruleId === id)
    expect(findings.map(f => f.severity)).toEqual(['error'])
  })

  test('config severity by the BuildKit name applies to the DL rule', () => {
    const findings = lintText(text, { config: { severity: { [name]: 'note' } } }).filter(f => f.ruleId === id)
    expect(findings.map(f => f.severity)).toEqual(['note'])
  })
})

test('lintModel with config ignore: [SecretsUsedInArgOrEnv] drops DL3064 and nothing else', () => {
  const model = parseDockerfile('FROM debian\nARG GITHUB_TOKEN\nUSER app\n', { path: 'Dockerfile' })
  const all = lintModel(model, { config: emptyConfig() }).map(f => f.ruleId)
  const ignored = lintModel(model, { config: { ...emptyConfig(), ignore: ['SecretsUsedInArgOrEnv'] } }).map(
    f => f.ruleId
  )
  expect(all).toContain('DL3064')
  expect(ignored).toEqual(all.filter(id => id !== 'DL3064'))
})

// BuildKit's broader SecretsUsedInArgOrEnv behaviour lives on in DL3064.
test.each<[string, string, number[]]>([
  ['secret in ARG', 'FROM a\nARG AWS_SECRET_ACCESS_KEY\n', [2]],
  ['token in ENV', 'FROM a\nENV GITHUB_TOKEN=x\n', [2]],
  ['global ARG password', 'ARG DB_PASSWORD\nFROM a\n', [1]],
  ['BuildKit only: a _KEY part', 'FROM a\nARG SSH_KEY\n', [2]],
  ['BuildKit only: auth', 'FROM a\nENV REGISTRY_AUTH=x\n', [2]],
  ['BuildKit only: pword', 'FROM a\nARG DB_PWORD\n', [2]],
  ['public key is fine', 'FROM a\nARG PUBLIC_KEY=abc\n', []],
  ['keyboard is not key', 'FROM a\nENV KEYBOARD=us\n', []],
  ['a path to a secret is not one', 'FROM a\nENV AUTH_TOKEN_FILE=/run/secrets/t\n', []],
  ['a GPG key id is public', 'FROM a\nENV GPG_KEY=A1B2C3D4E5F6\n', []],
  // BuildKit allows any name with a `public` part (its testSecretsUsedInArgOrEnv: ARG public_token).
  ['a public token', 'FROM a\nARG public_token\nENV MY_PUBLIC_SECRET=1\n', []],
  ['a project GPG key id is public', 'FROM a\nENV PYTHON_GPG_KEY=A1B2C3D4\n', []],
  ["a server's key location is not a secret", 'FROM a\nENV NGROK_SERVER_KEY=/etc/ngrok/key\n', []],
  ['a private key still is', 'FROM a\nARG GPG_PRIVATE_KEY\n', [2]]
])('DL3064: %s', (_name, text, lines) => {
  expect(hits(text, 'DL3064')).toEqual(lines)
})

test.each([
  ['GITHUB_TOKEN', true],
  ['SSH_KEY', true],
  ['AUTH', true],
  ['apiKey', true],
  ['SSH_PUBLIC_KEY', false],
  ['TOKEN_PATH', false],
  ['MONKEY', false],
  ['VERSION', false]
])('isSensitiveName(%j) is %j', (name, sensitive) => {
  expect(isSensitiveName(name)).toBe(sensitive)
})

test('DL3065 catches the braced form and not $BUILDPLATFORM', () => {
  expect(
    hits('FROM --platform=${TARGETPLATFORM} debian AS a\nFROM --platform=$BUILDPLATFORM b\n', 'DL3065')
  ).toEqual([1])
})

// DL3029 and FromPlatformFlagConstDisallowed are no aliases (each also reports or accepts cases
// the other does not), but on one constant `FROM --platform=` line they say the same thing: the
// line is reported once, under the DL id; silencing either rule leaves the other's finding.
describe('DL3029 and FromPlatformFlagConstDisallowed on one line', () => {
  const BK = 'FromPlatformFlagConstDisallowed'
  const text = 'FROM --platform=linux/amd64 debian:bookworm-slim AS runtime\nUSER 10001\n'
  const onLine1 = (dockerfile: string, config = {}, shift = 0): string[] =>
    lintText(dockerfile, { config })
      .filter(f => f.line === 1 + shift && (f.ruleId === 'DL3029' || f.ruleId === BK))
      .map(f => f.ruleId)

  test('reported once, as DL3029', () => {
    expect(onLine1(text)).toEqual(['DL3029'])
  })

  test.each([
    ['config ignore', text, { ignore: ['DL3029'] }, 0],
    ['config severity off', text, { severity: { DL3029: 'off' as const } }, 0],
    ['hadolint pragma', `# hadolint ignore=DL3029\n${text}`, {}, 1],
    ['global pragma', `# stagegate global ignore=DL3029\n${text}`, {}, 1]
  ])('DL3029 silenced (%s): the BuildKit check still reports the line', (_how, dockerfile, config, shift) => {
    expect(onLine1(dockerfile, config, shift)).toEqual([BK])
  })

  test.each([
    ['# check=skip=', `# check=skip=${BK}\n${text}`, {}, 1],
    ['config ignore', text, { ignore: [BK] }, 0]
  ])('the BuildKit check silenced (%s): DL3029 still reports the line', (_how, dockerfile, config, shift) => {
    expect(onLine1(dockerfile, config, shift)).toEqual(['DL3029'])
  })

  test('# check=error=true still makes the line an error', () => {
    const findings = lintText(`# check=error=true\n${text}`).filter(f => f.line === 2)
    expect(
      findings.filter(f => f.ruleId === 'DL3029' || f.ruleId === BK).map(f => [f.ruleId, f.severity])
    ).toEqual([['DL3029', 'error']])
  })

  test('a stage named after its platform: DL3029 alone, as hadolint reports it', () => {
    expect(onLine1('FROM --platform=linux/amd64 debian AS build-amd64\n')).toEqual(['DL3029'])
  })
})
