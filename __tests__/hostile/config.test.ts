// Hostile config files: each ends in one line that names the file and what
// to do, never a stack overflow, a console warning, a cyclic value, an alias
// bomb or a corrupted severity table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config-load.js'
import { UsageError } from '../../src/errors.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-hostile-config-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const load = () => loadConfig({ cwd: dir, knownRuleIds: id => /^(DL|SG)\d{4}$/.test(id) })

async function outcome(name: string, text: string): Promise<string> {
  writeFileSync(join(dir, name), text)
  try {
    await load()
    return 'loaded'
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    const message = (error as Error).message
    expect(message.split('\n')).toHaveLength(1)
    return message
  }
}

const bomb = [
  'a: &a [1,1,1,1,1,1,1,1,1]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'ignore: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'
].join('\n')

describe('hostile config files end in one clear line', () => {
  it.each([
    ['a recursive alias', '.stagegate.yml', 'ignore: &a [*a]\n', /recursive alias/],
    ['a recursive mapping alias', '.hadolint.yaml', 'override: &x\n  error: *x\n', /recursive alias/],
    ['an alias bomb', '.stagegate.yml', bomb, /invalid YAML: Excessive alias count/],
    ['an alias bomb in .dive-ci', '.dive-ci', bomb, /^\.dive-ci: invalid YAML: Excessive alias count/],
    [
      'a recursive alias in .dive-ci',
      '.dive-ci',
      'rules: &r\n  x: *r\n',
      /^\.dive-ci: invalid YAML: a recursive alias/
    ],
    ['a custom tag', '.stagegate.yml', 'fail-on: !env FAIL\n', /custom tags are not supported/],
    ['a js tag', '.hadolint.yaml', 'ignored: !!js/function "x"\n', /custom tags are not supported/],
    ['flow nesting 20k deep', '.stagegate.yml', '['.repeat(20_000) + ']'.repeat(20_000), /nested too deeply/],
    [
      'block nesting 1200 deep',
      '.stagegate.yml',
      Array.from({ length: 1200 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n',
      /nested too deeply/
    ],
    ['1e400', '.stagegate.yml', 'thresholds:\n  efficiency: 1e400\n', /got Infinity$/],
    ['a __proto__ level', '.hadolint.yaml', 'override:\n  __proto__: [DL3008]\n', /not a hadolint level/],
    ['a constructor level', '.hadolint.yaml', 'override:\n  constructor: [DL3008]\n', /not a hadolint level/],
    [
      'a constructor rule id',
      '.hadolint.yaml',
      'override:\n  error: [constructor]\n',
      /"constructor" is not a rule id/
    ],
    [
      'a __proto__ rule id',
      '.hadolint.yaml',
      'override:\n  error: [__proto__]\n',
      /"__proto__" is not a rule id/
    ],
    [
      'a __proto__ threshold',
      '.stagegate.yml',
      'thresholds:\n  __proto__: 1\n',
      /unknown key "thresholds.__proto__"/
    ],
    ['a toString severity level', '.stagegate.yml', 'severity:\n  DL3008: toString\n', /must be one of/],
    ['a 1M-entry ignore list', '.stagegate.yml', 'ignore:\n' + '  - DL3008\n'.repeat(200_000), /too large/]
  ])('%s', async (_name, file, text, message) => {
    expect(await outcome(file, text)).toMatch(message)
  })

  it('leaves the severity table a plain table of own keys', async () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'override:\n  error: [DL3008]\n  info: [DL3059]\n')
    const config = await load()
    expect(config.severity).toEqual({ DL3008: 'error', DL3059: 'note' })
    expect(Object.getPrototypeOf(config.severity)).toBe(Object.prototype)
  })
})
