// The default build context as build-push-action picks it: the Git context
// of the commit, the {{defaultContext}} template, and what gets linted then.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultGitContext,
  isPrivateRepository,
  lintTarget,
  resolveContext
} from '../../src/build/context.js'

const SHA = 'abcdef0123456789abcdef0123456789abcdef01'
const ENV = { GITHUB_REPOSITORY: 'octo/app', GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main' }

describe('defaultGitContext', () => {
  test.each([
    [1, ENV, undefined, `https://github.com/octo/app.git#${SHA}`],
    [
      2,
      { ...ENV, GITHUB_SERVER_URL: 'https://ghe.corp.example' },
      undefined,
      `https://ghe.corp.example/octo/app.git#${SHA}`
    ],
    [3, { ...ENV, GITHUB_SHA: '' }, undefined, 'https://github.com/octo/app.git#refs/heads/main'],
    [
      4,
      { ...ENV, GITHUB_SHA: '', GITHUB_REF: 'main' },
      undefined,
      'https://github.com/octo/app.git#refs/heads/main'
    ],
    [
      5,
      { ...ENV, GITHUB_REF: 'refs/pull/7/merge', DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true' },
      { pull_request: { head: { sha: 'feedface' } } },
      'https://github.com/octo/app.git#feedface'
    ],
    [6, { GITHUB_SHA: SHA }, undefined, '']
  ])('case %i', (_n, env, event, expected) => {
    expect(defaultGitContext(env as NodeJS.ProcessEnv, event)).toBe(expected)
  })
})

describe('resolveContext', () => {
  test.each([
    [1, '', `https://github.com/octo/app.git#${SHA}`, true, ''],
    [
      2,
      '{{defaultContext}}:docker/app',
      `https://github.com/octo/app.git#${SHA}:docker/app`,
      true,
      'docker/app'
    ],
    [3, '{{ defaultContext }}', `https://github.com/octo/app.git#${SHA}`, true, ''],
    [4, '.', '.', false, ''],
    [5, 'https://github.com/other/x.git#main', 'https://github.com/other/x.git#main', false, '']
  ])('case %i: %j', (_n, raw, context, isDefault, subdir) => {
    expect(resolveContext(raw, ENV)).toMatchObject({ context, isDefault, subdir })
  })

  test('outside GitHub Actions an empty context is one line that says what to do', () => {
    expect(() => resolveContext('', {})).toThrow(
      'Input "context" is empty, so the Git context of the commit would be built, but GITHUB_REPOSITORY is not set (not in GitHub Actions); set context: . to build the working directory.'
    )
  })
})

describe('isPrivateRepository', () => {
  test.each([
    [{ repository: { private: true } }, true],
    [{ repository: { private: false, visibility: 'public' } }, false],
    [{ repository: { visibility: 'internal' } }, true],
    [undefined, false]
  ])('%j → %s', (event, expected) => {
    expect(isPrivateRepository(event)).toBe(expected)
  })
})

describe('lintTarget', () => {
  let cwd: string
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'stagegate-ctx-'))
    mkdirSync(join(cwd, 'svc'))
    writeFileSync(join(cwd, 'Dockerfile'), 'FROM scratch\n')
    writeFileSync(join(cwd, 'svc', 'Dockerfile.prod'), 'FROM scratch\n')
  })
  afterAll(() => rmSync(cwd, { recursive: true, force: true }))

  test('the Git context with a checkout lints the workspace copy', () => {
    expect(lintTarget({ file: '' }, resolveContext('', ENV), cwd)).toEqual({
      dockerfile: 'Dockerfile',
      contextDir: '.'
    })
    expect(
      lintTarget({ file: 'Dockerfile.prod' }, resolveContext('{{defaultContext}}:svc', ENV), cwd)
    ).toEqual({
      dockerfile: join('svc', 'Dockerfile.prod'),
      contextDir: 'svc'
    })
  })

  test('the Git context without a checkout: nothing to lint, and the notice says why', () => {
    const empty = mkdtempSync(join(tmpdir(), 'stagegate-ctx-empty-'))
    try {
      const target = lintTarget({ file: '' }, resolveContext('', ENV), empty)
      expect(target.dockerfile).toBeUndefined()
      expect(target.skipped).toMatch(
        /^The build context is the Git context of the commit \(https:\/\/github\.com\/octo\/app\.git#abcdef0\w+\) and the workspace has no Dockerfile \(no actions\/checkout before this step\): the Dockerfile was not linted/
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  test('a local context lints {context}/Dockerfile or file', () => {
    expect(lintTarget({ file: '' }, resolveContext('svc', ENV), cwd)).toEqual({
      dockerfile: join('svc', 'Dockerfile'),
      contextDir: 'svc'
    })
  })
})
