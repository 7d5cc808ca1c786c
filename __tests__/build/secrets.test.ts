import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseSecretPair, prepareSecrets } from '../../src/build/secrets.js'
import { makeRedactor } from '../../src/redact.js'

const EMPTY = { secrets: [], 'secret-files': [], 'secret-envs': [], 'github-token': '', context: '.' }

let root: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-secrets-test-'))
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('parseSecretPair', () => {
  const good: [number, 'secrets' | 'secret-files' | 'secret-envs', string, string, string][] = [
    [1, 'secrets', 'tok=abc', 'tok', 'abc'],
    [2, 'secrets', 'tok=a=b=c', 'tok', 'a=b=c'],
    [3, 'secrets', 'tok="kept quotes" ', 'tok', '"kept quotes" '],
    [4, 'secret-files', 'npmrc=./.npmrc', 'npmrc', './.npmrc'],
    [5, 'secret-envs', 'aws= AWS_KEY ', 'aws', 'AWS_KEY']
  ]
  test.each(good)('case %i: %s %j', (_n, input, item, id, value) => {
    expect(parseSecretPair(input, item)).toEqual({ id, value })
  })
  test('a malformed `secrets` item never echoes the value', () => {
    expect(() => parseSecretPair('secrets', 'hunter2')).toThrow(
      'Input "secrets": an item is not of the form id=VALUE.'
    )
    expect(() => parseSecretPair('secrets', 'tok=')).toThrow(
      'Input "secrets": "tok" is not of the form id=VALUE.'
    )
    expect(() => parseSecretPair('secret-files', '=x')).toThrow(
      'Input "secret-files": "=x" is not of the form id=PATH.'
    )
  })
})

describe('makeRedactor', () => {
  test.each([
    [['abc'], 'x abc y abc', 'x *** y ***'],
    [['abcdef', 'abc'], 'abcdef abc', '*** ***'],
    [['line-one\nline-two'], 'saw line-two only', 'saw *** only'],
    [['', '  '], 'nothing to hide', 'nothing to hide']
  ])('%j on %j', (values, text, expected) => {
    expect(makeRedactor(values)(text)).toBe(expected)
  })
})

describe('prepareSecrets', () => {
  test('writes values to 0600 files in a 0700 directory, masks them, and removes them', async () => {
    const masked: string[] = []
    const prepared = await prepareSecrets(
      { ...EMPTY, secrets: ['tok=s3cr3t-value', 'multi=a\nb'] },
      { tempRoot: root, mask: v => masked.push(v), env: {}, cwd: root }
    )
    expect(masked).toEqual(['s3cr3t-value', 'a\nb', 'a', 'b'])
    expect(prepared.specs).toEqual([
      `id=tok,src=${path.join(prepared.dir, 'secret-0')}`,
      `id=multi,src=${path.join(prepared.dir, 'secret-1')}`
    ])
    expect((await fs.stat(prepared.dir)).mode & 0o777).toBe(0o700)
    const file = path.join(prepared.dir, 'secret-0')
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    expect(await fs.readFile(file, 'utf8')).toBe('s3cr3t-value')
    expect(prepared.redact('token s3cr3t-value!')).toBe('token ***!')
    await prepared.dispose()
    await prepared.dispose()
    expect(await fs.readdir(root)).toEqual([])
  })

  test('secret-files pass the path through and redact small text content; secret-envs read the env', async () => {
    await fs.writeFile(path.join(root, 'npmrc'), 'registry-token-123\n')
    const masked: string[] = []
    const prepared = await prepareSecrets(
      { ...EMPTY, 'secret-files': ['npmrc=npmrc'], 'secret-envs': ['aws=AWS_KEY'] },
      { tempRoot: root, mask: v => masked.push(v), env: { AWS_KEY: 'AKIA-secret' }, cwd: root }
    )
    expect(prepared.specs).toEqual(['id=aws,env=AWS_KEY', 'id=npmrc,src=npmrc'])
    expect(prepared.dir).toBe('')
    expect(masked).toEqual(['registry-token-123', 'AKIA-secret'])
    expect(prepared.redact('a registry-token-123 b AKIA-secret')).toBe('a *** b ***')
  })

  test.each([
    [1, 'https://github.com', 'https://github.com/o/r.git#abc123', 'GIT_AUTH_TOKEN.github.com'],
    [
      2,
      'https://ghe.example.com',
      'https://ghe.example.com/o/r.git#abc123:sub',
      'GIT_AUTH_TOKEN.ghe.example.com'
    ],
    [3, 'https://github.com', 'https://github.com/other/r.git#main', undefined],
    [4, 'https://github.com', '.', undefined]
  ])(
    "GIT_AUTH_TOKEN.<host> from github-token for the commit's Git context, as build-push-action (%i)",
    async (_n, serverUrl, context, id) => {
      const prepared = await prepareSecrets(
        { ...EMPTY, 'github-token': 'ghs_token' },
        { tempRoot: root, mask: () => undefined, env: {}, cwd: root },
        { context, defaultContext: `${serverUrl}/o/r.git#abc123`, serverUrl }
      )
      expect(prepared.groups.gitAuth).toBe(id && `id=${id},src=${path.join(prepared.dir, 'secret-0')}`)
      await prepared.dispose()
    }
  )

  test('a GIT_AUTH_TOKEN in secrets is kept and none is added', async () => {
    const prepared = await prepareSecrets(
      { ...EMPTY, secrets: ['GIT_AUTH_TOKEN.github.com=mine'], 'github-token': 'ghs_token' },
      { tempRoot: root, mask: () => undefined, env: {}, cwd: root },
      {
        context: 'https://github.com/o/r.git#a',
        defaultContext: 'https://github.com/o/r.git#a',
        serverUrl: 'https://github.com'
      }
    )
    expect(prepared.groups.gitAuth).toBeUndefined()
    expect(prepared.groups.strings).toEqual([
      `id=GIT_AUTH_TOKEN.github.com,src=${path.join(prepared.dir, 'secret-0')}`
    ])
    await prepared.dispose()
  })

  test('a missing secret file or unset env is one line, and nothing stays behind', async () => {
    await expect(
      prepareSecrets(
        { ...EMPTY, secrets: ['tok=v'], 'secret-files': ['key=missing.pem'] },
        { tempRoot: root, mask: () => undefined, env: {}, cwd: root }
      )
    ).rejects.toThrow('Input "secret-files": the file for secret "key" does not exist: missing.pem')
    expect(await fs.readdir(root)).toEqual([])
    await expect(
      prepareSecrets(
        { ...EMPTY, 'secret-envs': ['aws=NOPE_UNSET'] },
        { tempRoot: root, mask: () => undefined, env: {}, cwd: root }
      )
    ).rejects.toThrow('Input "secret-envs": the environment variable NOPE_UNSET for secret "aws" is not set.')
  })
})
