// The model built from dockerfile-ast on inputs where a reader can go wrong:
// each case states the instructions (keyword, lines, args, argv) the rules see.
import { onbuildTrigger, parseDockerfile } from '../../src/dockerfile/parse.js'
import { hasCacheMount, variablesInScope } from '../../src/dockerfile/run.js'
import { allInstructions } from '../../src/dockerfile/query.js'
import { measureGrowth } from '../support/growth.js'

const parse = (text: string) => parseDockerfile(text, { path: 'Dockerfile' })
const shape = (text: string) =>
  allInstructions(parse(text)).map(i => [i.keyword, i.line, i.endLine, i.args, i.jsonForm])

describe('instructions as the rules see them', () => {
  test.each<[string, string, unknown[]]>([
    [
      'continuation lines joined by a space',
      'FROM a\nRUN apt-get update \\\n    && apt-get install -y x\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 3, 'apt-get update && apt-get install -y x', false]
      ]
    ],
    [
      'comment and empty lines inside a continuation are dropped',
      'FROM a\nRUN a \\\n# note\n\n  b \\\n   \n  c\nCMD x\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 7, 'a b c', false],
        ['CMD', 8, 8, 'x', false]
      ]
    ],
    [
      'trailing spaces after the backslash still continue',
      'FROM a\nRUN a \\   \n  b\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 3, 'a b', false]
      ]
    ],
    [
      'escape directive: backtick continues, backslash is a path',
      '# escape=`\nFROM a\nRUN dir c:\\ `\n  /s\nWORKDIR c:\\app\n',
      [
        ['FROM', 2, 2, 'a', false],
        ['RUN', 3, 4, 'dir c:\\ /s', false],
        ['WORKDIR', 5, 5, 'c:\\app', false]
      ]
    ],
    [
      'CRLF line ends',
      'FROM a\r\nRUN a \\\r\n  b\r\nUSER x\r\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 3, 'a b', false],
        ['USER', 4, 4, 'x', false]
      ]
    ],
    [
      'tabs as separators and indentation',
      'FROM\ta\n\tRUN\techo\thi\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 2, 'echo\thi', false]
      ]
    ],
    [
      'JSON forms and broken JSON',
      'FROM a\nRUN ["sh", "-c", "echo hi"]\nCMD [ "x" ]\nENTRYPOINT ["y", 1]\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 2, '["sh", "-c", "echo hi"]', true],
        ['CMD', 3, 3, '[ "x" ]', true],
        ['ENTRYPOINT', 4, 4, '["y", 1]', false]
      ]
    ],
    [
      'no FROM at all',
      'RUN apt-get install x\nUSER root\n',
      [
        ['RUN', 1, 1, 'apt-get install x', false],
        ['USER', 2, 2, 'root', false]
      ]
    ],
    [
      'a quoted << is no heredoc and hides no instruction',
      'FROM a\nRUN echo "a <<EOF b"\nRUN y\n',
      [
        ['FROM', 1, 1, 'a', false],
        ['RUN', 2, 2, 'echo "a <<EOF b"', false],
        ['RUN', 3, 3, 'y', false]
      ]
    ]
  ])('%s', (_name, text, expected) => {
    expect(shape(text)).toEqual(expected)
  })
})

test('heredocs: bodies, lines, <<- tab stripping for the delimiter, two on one line', () => {
  const model = parse('FROM a\nRUN <<EOF\necho hi\nEOF\nCOPY <<-A <<B /d/\n\tone\n\tA\ntwo\nB\nCMD x\n')
  const [, run, copy, cmd] = model.stages[0]!.instructions
  expect(run!.heredocs).toEqual([{ name: 'EOF', body: 'echo hi\n', line: 2, endLine: 4 }])
  expect([copy!.line, copy!.endLine]).toEqual([5, 9])
  expect(copy!.heredocs.map(h => [h.name, h.body])).toEqual([
    ['A', '\tone\n'],
    ['B', 'two\n']
  ])
  expect(cmd!.line).toBe(10)
})

test('legacy `ENV k v w` keeps the whole value; `ENV k=v` pairs split', () => {
  const model = parse('FROM a\nENV PATH /usr/bin:/bin extra\nENV A=1 B="2 3"\n')
  const [, legacy, pairs] = model.stages[0]!.instructions
  expect(legacy!.args).toBe('PATH /usr/bin:/bin extra')
  expect(legacy!.argv).toEqual(['PATH', '/usr/bin:/bin', 'extra'])
  expect(pairs!.argv).toEqual(['A=1', 'B=2 3'])
})

test('parser directives: whole value, and comments kept apart', () => {
  const model = parse('# syntax=docker/dockerfile:1\n# check=skip=A, B\n# hello\nFROM a\n')
  expect(model.directives.map(d => [d.name, d.value, d.line])).toEqual([
    ['syntax', 'docker/dockerfile:1', 1],
    ['check', 'skip=A, B', 2]
  ])
  expect(model.comments).toEqual([{ text: 'hello', line: 3 }])
})

test('a 10 MB line parses whole', () => {
  const text = `FROM a\nRUN echo ${'x'.repeat(10 * 1024 * 1024)}\n`
  expect(parse(text).stages[0]!.instructions[1]!.args).toHaveLength(text.length - 12)
})

test('a long line parses in time linear in its length: 512 KB to 1 MB at most 2.5x', async () => {
  // dockerfile-ast builds an argument a character at a time (garbage collection is most of the
  // time): about 1.5 s a megabyte here, so the sizes stay small.
  const growth = await measureGrowth('parseLongLine', 512 * 1024, 1024 * 1024, { bound: 2.5, runs: 3 })
  expect(growth.ratio).toBeLessThan(2.5)
}, 300_000)

describe('hasCacheMount: the one mount test every cache rule uses', () => {
  test.each<[string, string[], boolean]>([
    ['--mount=type=cache,target=/var/cache/apt', ['/var/cache/apt'], true],
    ['--mount=type=tmpfs,target=/var/cache/apt', ['/var/cache/apt'], true],
    // A mount on a parent directory covers what is below it; a sibling or a child does not.
    ['--mount=type=cache,target=/var/cache', ['/var/cache/apt'], true],
    ['--mount=type=cache,target=/var/cache/apt/archives', ['/var/cache/apt'], false],
    ['--mount=type=cache,target=/var/cache/aptitude', ['/var/cache/apt'], false],
    ['--mount=type=cache,dst=/root/.cache/', ['/root/.cache/pip'], true],
    ['--mount=type=bind,target=/var/cache/apt', ['/var/cache/apt'], false],
    ['--mount=type=secret,id=t,target=/var/cache/apt', ['/var/cache/apt'], false],
    ['--mount=target=/var/cache/apt', ['/var/cache/apt'], false],
    ['--mount=type=cache,target=/', ['/var/cache/dnf'], true]
  ])('%s covers %j: %s', (flag, dirs, expected) => {
    const run = parse(`FROM a\nRUN ${flag} true\n`).stages[0]!.instructions[1]!
    expect(hasCacheMount(run.flags, ...dirs)).toBe(expected)
  })
})

describe('onbuildTrigger: an ONBUILD read as the instruction it triggers', () => {
  test.each<[string, unknown[] | undefined]>([
    ['ONBUILD COPY --from=build /a /b', ['COPY', [{ name: 'from', value: 'build' }], ['/a', '/b'], false]],
    ['ONBUILD LABEL a.b=1 "c d"=2', ['LABEL', [], ['a.b=1', 'c d=2'], false]],
    ['ONBUILD RUN ["make", "all"]', ['RUN', [], ['make', 'all'], true]],
    ['ONBUILD workdir rel', ['WORKDIR', [], ['rel'], false]],
    ['ONBUILD', undefined]
  ])('%s', (line, expected) => {
    const onbuild = parse(`FROM a\n${line}\n`).stages[0]!.instructions[1]!
    const trigger = onbuildTrigger(onbuild)
    // Where there is a trigger it sits at the ONBUILD's line (2) in its stage (0).
    expect(
      trigger && [trigger.keyword, trigger.flags, trigger.argv, trigger.jsonForm, trigger.line, trigger.stage]
    ).toEqual(expected && [...expected, 2, 0])
  })
})

describe('variablesInScope: the ENV/ARG names declared to shellcheck at a RUN', () => {
  const at = (text: string, name: string): boolean => {
    const model = parse(text)
    const runs = allInstructions(model).filter(instruction => instruction.keyword === 'RUN')
    return variablesInScope(model, runs[runs.length - 1]!).includes(name)
  }
  test.each<[string, string, string, boolean]>([
    ['own ENV', 'FROM a\nENV HOME_DIR=/x\nRUN echo $HOME_DIR\n', 'HOME_DIR', true],
    ['own ARG', 'FROM a\nARG V\nRUN echo $V\n', 'V', true],
    // `FROM build` inherits ENV, not ARG.
    ['ENV of the base stage', 'FROM a AS build\nENV P=/opt\nFROM build\nRUN echo $P\n', 'P', true],
    ['ARG of the base stage', 'FROM a AS build\nARG V=1\nFROM build\nRUN echo $V\n', 'V', false],
    [
      'ARG of the base, declared again',
      'FROM a AS build\nARG V=1\nFROM build\nARG V\nRUN echo $V\n',
      'V',
      true
    ],
    ['ENV two stages up', 'FROM a AS one\nENV P=1\nFROM one AS two\nFROM two\nRUN echo $P\n', 'P', true],
    ['ENV of an unrelated stage', 'FROM a AS one\nENV P=1\nFROM a\nRUN echo $P\n', 'P', false],
    ['a global ARG not declared in the stage', 'ARG V=1\nFROM a\nRUN echo $V\n', 'V', false],
    ['a global ARG declared in the stage', 'ARG V=1\nFROM a\nARG V\nRUN echo $V\n', 'V', true],
    ['an ENV after the RUN', 'FROM a\nRUN echo $LATER\nENV LATER=1\n', 'LATER', false],
    ['legacy ENV form', 'FROM a\nENV OLD value with spaces\nRUN echo $OLD\n', 'OLD', true]
  ])('%s', (_name, text, name, expected) => {
    expect(at(text, name)).toBe(expected)
  })
})
