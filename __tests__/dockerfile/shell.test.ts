import {
  commandName,
  effectiveArgv,
  flagValue,
  hasFlag,
  parseShell,
  positionalArgs,
  subcommandArgs,
  usesWrapper
} from '../../src/dockerfile/shell.js'
import { measureGrowth } from '../support/growth.js'

const argvs = (script: string): string[][] => parseShell(script).map(command => command.argv)

describe('parseShell splits commands and words', () => {
  const cases: [string, string, string[][]][] = [
    ['one command', 'apt-get update', [['apt-get', 'update']]],
    ['&& and ||', 'a x && b y || c', [['a', 'x'], ['b', 'y'], ['c']]],
    ['; and newline', 'a; b\nc', [['a'], ['b'], ['c']]],
    ['background &', 'a & b', [['a'], ['b']]],
    ['single quotes keep spaces', "echo 'a b' c", [['echo', 'a b', 'c']]],
    ['double quotes keep spaces', 'echo "a b" c', [['echo', 'a b', 'c']]],
    ['quotes hide separators', 'echo "a && b; c | d"', [['echo', 'a && b; c | d']]],
    ['escaped space joins a word', 'echo a\\ b', [['echo', 'a b']]],
    ['escape inside double quotes', 'echo "a\\"b\\$c"', [['echo', 'a"b$c']]],
    ['backslash kept in single quotes', "echo 'a\\b'", [['echo', 'a\\b']]],
    ['line continuation', 'apt-get install \\\n  curl \\\n  git', [['apt-get', 'install', 'curl', 'git']]],
    ['comment line dropped', '# setup\napt-get update # trailing\nmake', [['apt-get', 'update'], ['make']]],
    ['# inside a word is not a comment', 'echo a#b', [['echo', 'a#b']]],
    ['command substitution is one word', 'echo $(cat a && cat b) x', [['echo', '$(cat a && cat b)', 'x']]],
    ['nested substitution', 'echo "$(dirname "$(pwd)")"', [['echo', '$(dirname "$(pwd)")']]],
    ['backticks are one word', 'echo `uname -r` x', [['echo', '`uname -r`', 'x']]],
    ['parameter expansion with braces', 'echo ${A:-x y}', [['echo', '${A:-x y}']]],
    ['subshell parens', '(cd /src && make) && ls', [['cd', '/src'], ['make'], ['ls']]],
    ['brace group', '{ a; b; } && c', [['a'], ['b'], ['c']]],
    [
      'if/then/fi',
      'if [ -f x ]; then rm x; else touch x; fi',
      [
        ['[', '-f', 'x', ']'],
        ['rm', 'x'],
        ['touch', 'x']
      ]
    ],
    [
      'for loop body',
      'for f in a b; do echo $f; done',
      [
        ['for', 'f', 'in', 'a', 'b'],
        ['echo', '$f']
      ]
    ],
    ['redirections dropped', 'make > /tmp/log 2>&1 </dev/null', [['make']]],
    ['&> and >> dropped', 'a &>/dev/null; b >>log', [['a'], ['b']]],
    ['heredoc body skipped', 'cat <<EOF > /x\nrm -rf /\nEOF\necho done', [['cat'], ['echo', 'done']]],
    ['quoted heredoc delimiter', "cat <<'END'\nsudo x\nEND\nls", [['cat'], ['ls']]],
    ['tab-stripped heredoc', 'cat <<-EOF\n\tsudo x\n\tEOF\nls', [['cat'], ['ls']]],
    ['empty script', '', []],
    ['only separators', ' ;; && \n ', []],
    ['unterminated single quote consumes to end', "echo 'abc && rm x", [['echo', 'abc && rm x']]],
    ['unterminated double quote consumes to end', 'echo "abc; ls', [['echo', 'abc; ls']]],
    ['unterminated substitution consumes to end', 'echo $(ls; rm', [['echo', '$(ls; rm']]],
    ['unterminated backtick consumes to end', 'echo `ls', [['echo', '`ls']]],
    ['trailing backslash', 'echo a\\', [['echo', 'a']]],
    // A bash array's elements are words of the assignment, not commands (ray's APT_PKGS=( … wget … )).
    ['array assignment', 'PKGS=(wget sudo "a b") && echo "${PKGS[@]}"', [[], ['echo', '${PKGS[@]}']]],
    [
      'array append, multi-line',
      'A+=(\n  curl\n  wget\n)\napt-get install "${A[@]}"',
      [[], ['apt-get', 'install', '${A[@]}']]
    ],
    ['array assignment prefixing a command', 'X=(1 2) make', [['make']]]
  ]
  it.each(cases)('%s', (_name, script, expected) => {
    expect(argvs(script)).toEqual(expected)
  })
})

describe('parseShell env prefixes, pipes and raw text', () => {
  it('moves leading assignments to env', () => {
    const [command] = parseShell('DEBIAN_FRONTEND=noninteractive A="x y" apt-get install -y curl')
    expect(command?.env).toEqual([
      { name: 'DEBIAN_FRONTEND', value: 'noninteractive' },
      { name: 'A', value: 'x y' }
    ])
    expect(command?.argv).toEqual(['apt-get', 'install', '-y', 'curl'])
  })
  it('keeps a quoted NAME= as an argument, and assignments after the name as arguments', () => {
    expect(parseShell('"A=1" cmd')[0]?.argv).toEqual(['A=1', 'cmd'])
    expect(parseShell('make CC=gcc')[0]?.argv).toEqual(['make', 'CC=gcc'])
    expect(parseShell('make CC=gcc')[0]?.env).toEqual([])
  })
  it('a bare assignment is a command with empty argv', () => {
    expect(parseShell('A=1')).toMatchObject([
      { argv: [], env: [{ name: 'A', value: '1' }], raw: 'A=1', name: '' }
    ])
  })
  it('marks both sides of a pipe', () => {
    const commands = parseShell('curl -fsSL https://x | sh && echo ok | tee log | cat')
    expect(commands.map(c => [c.argv[0], !!c.pipedFrom, !!c.pipesTo])).toEqual([
      ['curl', false, true],
      ['sh', true, false],
      ['echo', false, true],
      ['tee', true, true],
      ['cat', true, false]
    ])
  })
  it('|| is not a pipe', () => {
    const commands = parseShell('a || b')
    expect(commands.some(c => c.pipedFrom || c.pipesTo)).toBe(false)
  })
  it('a case pattern alternative is not a pipe, nor are the patterns commands', () => {
    const commands = parseShell(
      'case "$(dpkg --print-architecture)" in\n  amd64|arm64) echo ok ;;\n  (i386 | armhf) echo old ;&\n  *) exit 1 ;;\nesac; ls'
    )
    expect(commands.map(c => c.argv)).toEqual([
      ['case', '$(dpkg --print-architecture)', 'in'],
      ['echo', 'ok'],
      ['echo', 'old'],
      ['exit', '1'],
      ['ls']
    ])
    expect(commands.some(c => c.pipedFrom || c.pipesTo)).toBe(false)
  })
  it('a pipe or || inside a case clause body is still seen', () => {
    const commands = parseShell('case $x in a|b) curl -fsS https://x | sh ;; c) a || b\nesac')
    expect(commands.map(c => [c.argv[0], !!c.pipedFrom, !!c.pipesTo])).toEqual([
      ['case', false, false],
      ['curl', false, true],
      ['sh', true, false],
      ['a', false, false],
      ['b', false, false]
    ])
  })
  it('nested case, and case words that are only arguments', () => {
    expect(argvs('case $a in x) case $b in y|z) f ;; esac ;; w) g ;; esac')).toEqual([
      ['case', '$a', 'in'],
      ['case', '$b', 'in'],
      ['f'],
      ['g']
    ])
    const piped = parseShell('echo case x in | grep a')
    expect(piped.map(c => !!c.pipesTo)).toEqual([true, false])
    expect(argvs('case x in "esac") echo q ;; esac')).toEqual([
      ['case', 'x', 'in'],
      ['echo', 'q']
    ])
  })
  it('raw is the source text of the command', () => {
    expect(parseShell('  apt-get  install "x y" && ls')[0]?.raw).toBe('apt-get  install "x y"')
  })
  it('tokenizes a pathological input in time linear in its size: 20k to 40k at most 2.5x', async () => {
    const growth = await measureGrowth('parsePathologicalShell', 20_000, 40_000, { bound: 2.5 })
    expect(growth.ratio).toBeLessThan(2.5)
  }, 300_000)
})

describe('command helpers', () => {
  const first = (script: string) => {
    const command = parseShell(script)[0]
    if (!command) throw new Error(`no command in ${script}`)
    return command
  }
  it.each([
    ['apt-get install x', 'apt-get'],
    ['/usr/bin/apt-get install x', 'apt-get'],
    ['sudo apt-get install x', 'apt-get'],
    ['sudo -u root -E apt-get install x', 'apt-get'],
    ['env -i PATH=/bin apk add x', 'apk'],
    ['exec /usr/local/bin/app', 'app'],
    ['nice -n 10 make', 'make'],
    ['timeout 30 curl x', 'curl'],
    ['A=1 pip install x', 'pip'],
    ['sudo', ''],
    ['A=1', ''],
    ['constructor x', 'constructor'],
    ['toString -y', 'toString'],
    ['__proto__', '__proto__']
  ])('commandName(%s) = %s', (script, name) => {
    expect(commandName(first(script))).toBe(name)
  })

  it('effectiveArgv drops wrappers', () => {
    expect(effectiveArgv(first('sudo -- env X=1 yum install -y a'))).toEqual(['yum', 'install', '-y', 'a'])
  })

  it('usesWrapper', () => {
    expect(usesWrapper(first('sudo -u x apt-get update'), 'sudo')).toBe(true)
    expect(usesWrapper(first('apt-get update'), 'sudo')).toBe(false)
    expect(usesWrapper(first('echo sudo'), 'sudo')).toBe(false)
  })

  it.each<[string, string[], boolean]>([
    ['apt-get install -y x', ['-y', '--yes'], true],
    ['apt-get install --yes x', ['-y', '--yes'], true],
    ['apt-get install -qy x', ['-y'], true],
    ['apt-get install -q x', ['-y', '--yes'], false],
    ['apt-get install --assume-yes x', ['-y', '--assume-yes'], true],
    ['pip install --no-cache-dir=1 x', ['--no-cache-dir'], true],
    ['pip install --no-cache-dirs x', ['--no-cache-dir'], false],
    ['cmd -- -y', ['-y'], false],
    ['cmd --yy', ['-y'], false],
    ['sudo -y cmd', ['-y'], false]
  ])('hasFlag(%s, %j) = %s', (script, flags, expected) => {
    expect(hasFlag(first(script), ...flags)).toBe(expected)
  })

  it('flagValue', () => {
    expect(flagValue(first('pip install -i https://x a'), '-i', '--index-url')).toBe('https://x')
    expect(flagValue(first('pip install --index-url=https://y a'), '-i', '--index-url')).toBe('https://y')
    expect(flagValue(first('yum -dx install a'), '-d')).toBe('x')
    expect(flagValue(first('yum install a'), '-d')).toBeUndefined()
  })

  it('subcommandArgs', () => {
    expect(subcommandArgs(first('apt-get -y install a b'), 'install')).toEqual(['a', 'b'])
    expect(subcommandArgs(first('sudo apk add --no-cache a'), 'add')).toEqual(['--no-cache', 'a'])
    expect(subcommandArgs(first('npm i a'), 'install', 'i')).toEqual(['a'])
    expect(subcommandArgs(first('apt-get update'), 'install')).toBeUndefined()
    expect(subcommandArgs(first('install -m 755 a b'), 'install')).toBeUndefined()
  })

  it('positionalArgs skips options and their values', () => {
    expect(positionalArgs(['-y', '-t', 'bookworm', 'a', '--opt=x', 'b', '--', '-c'], ['-t'])).toEqual([
      'a',
      'b',
      '-c'
    ])
  })
})
