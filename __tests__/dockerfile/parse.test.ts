import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { editDistance, suggest } from '../../src/dockerfile/query.js'
import { expandVariables, referencedVariables, splitWords } from '../../src/dockerfile/words.js'

const parse = (text: string, target?: string) =>
  parseDockerfile(text, target === undefined ? { path: 'Dockerfile' } : { path: 'Dockerfile', target })

describe('instructions', () => {
  test('lines are 1-based and include continuation lines', () => {
    const model = parse('FROM alpine\nRUN echo a \\\n  && echo b\nUSER app\n')
    const [from, run, user] = model.stages[0]!.instructions
    expect([from!.line, from!.endLine]).toEqual([1, 1])
    expect([run!.line, run!.endLine]).toEqual([2, 3])
    expect(run!.args).toBe('echo a && echo b')
    expect([user!.line, user!.endLine]).toEqual([4, 4])
  })

  test('comments and blank lines inside a continuation are dropped from args but kept in comments', () => {
    const model = parse('FROM a\nRUN apt-get install \\\n# a note\n  curl \\\n\n  git\nCMD x\n')
    const run = model.stages[0]!.instructions[1]!
    expect(run.args).toBe('apt-get install curl git')
    expect([run.line, run.endLine]).toEqual([2, 6])
    expect(model.comments).toEqual([{ text: 'a note', line: 3 }])
    expect(model.stages[0]!.instructions[2]!.line).toBe(7)
  })

  test('escape=` directive switches the continuation character', () => {
    const model = parse('# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  C:\\\\\n')
    expect(model.directives).toEqual([{ name: 'escape', value: '`', line: 1 }])
    const run = model.stages[0]!.instructions[1]!
    expect([run.line, run.endLine]).toEqual([3, 4])
    expect(run.args).toBe('dir C:\\\\')
  })

  test('parser directives only at the top', () => {
    const model = parse('# syntax=docker/dockerfile:1\n# check=skip=StageNameCasing\n\n# escape=`\nFROM a\n')
    expect(model.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'check', value: 'skip=StageNameCasing', line: 2 }
    ])
  })

  test('heredocs: body, lines, args without the body', () => {
    const text =
      'FROM a\nRUN <<EOF\necho hi\necho there\nEOF\nCOPY <<-CONF /etc/x.conf\n\tkey=1\n\tCONF\nRUN x\n'
    const model = parse(text)
    const [, run, copy, last] = model.stages[0]!.instructions
    expect(run!.args).toBe('<<EOF')
    expect([run!.line, run!.endLine]).toEqual([2, 5])
    expect(run!.heredocs).toEqual([{ name: 'EOF', body: 'echo hi\necho there\n', line: 2, endLine: 5 }])
    expect(copy!.args).toBe('<<-CONF /etc/x.conf')
    expect([copy!.line, copy!.endLine]).toEqual([6, 8])
    expect(copy!.heredocs[0]!.body).toBe('\tkey=1\n')
    expect(last!.line).toBe(9)
  })

  test.each([
    ['here-string', 'FROM a\nRUN cat <<< "x"\nRUN y\n'],
    ['quoted marker', "FROM a\nRUN echo '<<EOF'\nRUN y\n"],
    ['double-quoted marker', 'FROM a\nRUN echo "a <<EOF b"\nRUN y\n'],
    ['not a heredoc keyword', 'FROM a\nCMD cat <<EOF\nRUN y\n']
  ])('%s is not a heredoc', (_name, text) => {
    const model = parse(text)
    expect(model.stages[0]!.instructions.map(i => [i.keyword, i.line, i.endLine, i.heredocs.length])).toEqual(
      [
        ['FROM', 1, 1, 0],
        [model.stages[0]!.instructions[1]!.keyword, 2, 2, 0],
        ['RUN', 3, 3, 0]
      ]
    )
  })

  test('unterminated heredoc does not throw and stays within the file', () => {
    const model = parse('FROM a\nRUN <<EOF\necho\n')
    const run = model.stages[0]!.instructions[1]!
    expect(run.line).toBe(2)
    expect(run.endLine).toBeLessThanOrEqual(3)
  })

  test('flags, JSON form and argv', () => {
    const model = parse(
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' +
        'RUN --mount=type=cache,target=/root/.cache --network=none go build\n' +
        'COPY --from=build --link --chown=1:1 /out/app "/usr/local/bin/my app"\n' +
        'CMD ["app", "--flag"]\n' +
        'ENTRYPOINT [not json\n' +
        'ENV A="x y" B=z\n'
    )
    const stage = model.stages[0]!
    expect(stage.platform).toBe('$BUILDPLATFORM')
    const [, run, copy, cmd, entrypoint, env] = stage.instructions
    expect(run!.flags).toEqual([
      { name: 'mount', value: 'type=cache,target=/root/.cache' },
      { name: 'network', value: 'none' }
    ])
    expect(run!.args).toBe('go build')
    expect(copy!.flags).toEqual([
      { name: 'from', value: 'build' },
      { name: 'link' },
      { name: 'chown', value: '1:1' }
    ])
    expect(copy!.argv).toEqual(['/out/app', '/usr/local/bin/my app'])
    expect(cmd!.jsonForm).toBe(true)
    expect(cmd!.argv).toEqual(['app', '--flag'])
    expect(entrypoint!.jsonForm).toBe(false)
    expect(env!.argv).toEqual(['A=x y', 'B=z'])
  })

  // BuildKit's parser (splitCommand → extractBuilderFlags) takes leading `--words` as flags on
  // every instruction, and each instruction then rejects the flags it does not define: checked
  // with docker 26.1 / BuildKit, `CMD --help` fails with "dockerfile parse error on line 2:
  // unknown flag: help". The model reads them the same way; flags stop at the first other word.
  test.each<[string, string, { name: string; value?: string }[], string[]]>([
    ['CMD --help: a flag, as BuildKit reads it', 'CMD --help', [{ name: 'help' }], []],
    ['CMD echo --help: an argument', 'CMD echo --help', [], ['echo', '--help']],
    ['CMD exec form keeps --help', 'CMD ["--help"]', [], ['--help']],
    ['ENTRYPOINT app --port=8080', 'ENTRYPOINT app --port=8080', [], ['app', '--port=8080']],
    [
      'RUN flags, then the command',
      'RUN --network=none make --jobs=2',
      [{ name: 'network', value: 'none' }],
      ['make', '--jobs=2']
    ],
    ['RUN -- is not a flag', 'RUN -- echo', [], ['--', 'echo']],
    [
      'HEALTHCHECK flags, then CMD',
      'HEALTHCHECK --interval=5s CMD app --check',
      [{ name: 'interval', value: '5s' }],
      ['CMD', 'app', '--check']
    ],
    [
      'COPY --chmod then paths',
      'COPY --chmod=755 --link a /b',
      [{ name: 'chmod', value: '755' }, { name: 'link' }],
      ['a', '/b']
    ]
  ])('%s', (_name, line, flags, argv) => {
    const instruction = parse(`FROM scratch\n${line}\n`).stages[0]!.instructions[1]!
    expect(instruction.flags).toEqual(flags)
    expect(instruction.argv).toEqual(argv)
  })

  test('lower-case keywords are upper-cased; ONBUILD keeps its trigger', () => {
    const model = parse('from alpine as base\nonbuild run echo hi\n')
    expect(model.stages[0]!.name).toBe('base')
    const onbuild = model.stages[0]!.instructions[1]!
    expect(onbuild.keyword).toBe('ONBUILD')
    expect(onbuild.args).toBe('run echo hi')
  })

  test('CRLF line endings', () => {
    const model = parse('FROM a\r\nRUN echo \\\r\n  b\r\nUSER x\r\n')
    expect(model.stages[0]!.instructions.map(i => [i.keyword, i.line, i.args])).toEqual([
      ['FROM', 1, 'a'],
      ['RUN', 2, 'echo b'],
      ['USER', 4, 'x']
    ])
  })
})

describe('garbage never throws', () => {
  test.each([
    ['empty', ''],
    ['blank', '\n\n  \n'],
    ['binary', '\u0000\u0001\u0002\u00ff\ufffd'],
    ['comments only', '# just a comment\n'],
    ['trailing continuation', 'FROM a\nRUN echo \\'],
    ['unterminated json', 'FROM a\nCMD ["a",'],
    ['no FROM', 'RUN echo\nCMD x\n']
  ])('%s', (_name, text) => {
    const model = parse(text)
    expect(model.stages.length).toBeLessThanOrEqual(1)
    for (const stage of model.stages) for (const i of stage.instructions) expect(i.line).toBeGreaterThan(0)
  })

  test('no FROM leaves instructions in the preamble', () => {
    const model = parse('RUN echo\nCMD x\n')
    expect(model.stages).toHaveLength(0)
    expect(model.finalStage).toBe(-1)
    expect(model.preamble.map(i => i.stage)).toEqual([-1, -1])
  })
})

describe('stages', () => {
  const text = [
    'ARG BASE=golang:1.22',
    'ARG RUNTIME',
    'ARG TAG=3.19',
    'FROM ${BASE} AS Build',
    'WORKDIR /src',
    'USER builder',
    'FROM build AS test',
    'WORKDIR sub',
    'FROM alpine:$TAG AS runtime',
    'COPY --from=BUILD /src/app /app',
    'COPY --from=0 /x /y',
    'COPY --from=nginx:latest /etc/nginx /etc/nginx',
    'RUN --mount=type=bind,from=test,target=/t true',
    'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]',
    'FROM ${RUNTIME:-scratch}',
    'USER 1000'
  ].join('\n')
  const model = parse(text)

  test('bases resolved through ARG defaults and stage names', () => {
    expect(model.globalArgs).toEqual([
      { name: 'BASE', value: 'golang:1.22', line: 1 },
      { name: 'RUNTIME', line: 2 },
      { name: 'TAG', value: '3.19', line: 3 }
    ])
    expect(model.stages.map(s => [s.index, s.name, s.baseRaw, s.base, s.baseStage, s.line])).toEqual([
      [0, 'Build', '${BASE}', 'golang:1.22', undefined, 4],
      [1, 'test', 'build', 'build', 0, 7],
      [2, 'runtime', 'alpine:$TAG', 'alpine:3.19', undefined, 9],
      [3, undefined, '${RUNTIME:-scratch}', 'scratch', undefined, 15]
    ])
  })

  // BuildKit expands each global ARG's default with the global ARGs above it (moby's Dockerfile:
  // ARG GOLANG_IMAGE="golang:${GO_VERSION}-${BASE_DEBIAN_DISTRO}"); a later one is not seen yet.
  test('a global ARG default built from earlier global ARGs is expanded in order', () => {
    const nested = parse(
      [
        'ARG GO_VERSION=1.22',
        'ARG DISTRO="bookworm"',
        'ARG GOLANG_IMAGE="golang:${GO_VERSION}-${DISTRO}"',
        'ARG LATER=x${AFTER}',
        'ARG AFTER=y',
        'ARG ARCH_IMAGE=ubuntu:24.04-${TARGETARCH}',
        'FROM ${GOLANG_IMAGE} AS base',
        'ARG GOLANG_IMAGE',
        'FROM ${LATER}',
        'FROM $ARCH_IMAGE'
      ].join('\n')
    )
    expect(nested.stages.map(s => s.base)).toEqual([
      'golang:1.22-bookworm',
      'x',
      // A platform ARG depends on the build: left as written.
      'ubuntu:24.04-${TARGETARCH}'
    ])
    // The model keeps the defaults as written.
    expect(nested.globalArgs[2]).toEqual({
      name: 'GOLANG_IMAGE',
      value: 'golang:${GO_VERSION}-${DISTRO}',
      line: 3
    })
  })

  test('effective USER, WORKDIR, SHELL inherit through FROM <stage>', () => {
    expect(model.stages[0]).toMatchObject({ user: 'builder', workdir: '/src', shell: ['/bin/sh', '-c'] })
    expect(model.stages[1]).toMatchObject({ user: 'builder', workdir: '/src/sub' })
    expect(model.stages[2]!.user).toBeUndefined()
    expect(model.stages[2]!.shell).toEqual(['/bin/bash', '-eo', 'pipefail', '-c'])
    expect(model.stages[3]!.user).toBe('1000')
  })

  test('edges', () => {
    expect(model.edges).toEqual([
      { from: 0, to: 1, kind: 'base', line: 7, sources: [] },
      { from: 0, to: 2, kind: 'copy', line: 10, sources: ['/src/app'], dest: '/app' },
      { from: 0, to: 2, kind: 'copy', line: 11, sources: ['/x'], dest: '/y' },
      { image: 'nginx:latest', to: 2, kind: 'copy', line: 12, sources: ['/etc/nginx'], dest: '/etc/nginx' },
      { from: 1, to: 2, kind: 'mount', line: 13, sources: ['/t'] }
    ])
  })

  test('final stage is the last one, or the target', () => {
    expect(model.finalStage).toBe(3)
    expect(model.stages.map(s => s.final)).toEqual([false, false, false, true])
    const targeted = parse(text, 'RUNTIME')
    expect(targeted.finalStage).toBe(2)
    expect(targeted.stages.map(s => s.final)).toEqual([false, false, true, false])
  })

  test('instructions know their stage', () => {
    expect(model.stages.flatMap(s => s.instructions.map(i => i.stage))).toEqual([
      0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3
    ])
    expect(model.preamble.map(i => i.stage)).toEqual([-1, -1, -1])
  })
})

describe('words', () => {
  test.each([
    ['$A ${B} ${C:-x} ${D-y} ${E:+z} \\$F', true, ['A', 'B', 'C', 'D', 'E']],
    ['$A ${B} ${C:-x} ${D-y} ${E:+z} \\$F', false, ['A', 'B']]
  ])('referencedVariables(%j, withDefaults=%s)', (text, withDefaults, expected) => {
    expect(referencedVariables(text, '\\', withDefaults)).toEqual(expected)
  })

  test.each([
    ['a b  c', ['a', 'b', 'c']],
    ['"a b" c', ['a b', 'c']],
    ["'a \\ b' c", ['a \\ b', 'c']],
    ['a\\ b', ['a b']],
    ['A="x y"', ['A=x y']],
    ['', []]
  ])('splitWords(%j)', (input, expected) => {
    expect(splitWords(input)).toEqual(expected)
  })

  const vars: Record<string, string> = { A: 'alpha', E: '' }
  const lookup = (name: string) => vars[name]
  test.each([
    ['$A', 'alpha'],
    ['${A}:1', 'alpha:1'],
    ['${B:-def}', 'def'],
    ['${E:-def}', 'def'],
    ['${E-def}', ''],
    ['${A:+set}', 'set'],
    ['${B:+set}', ''],
    ['x$B', 'x'],
    ['\\$A', '$A'],
    ['no vars', 'no vars']
  ])('expandVariables(%j)', (input, expected) => {
    expect(expandVariables(input, lookup)).toBe(expected)
  })
})

describe('suggestions', () => {
  test.each([
    ['PAHT', ['PATH', 'HOME'], 'PATH'],
    ['VERSON', ['VERSION'], 'VERSION'],
    ['APP_HOEM', ['APP_HOME', 'HOME'], 'APP_HOME'],
    ['path', ['PATH'], 'PATH'],
    ['UID', ['PWD', 'HOME'], undefined],
    ['TOTALLY_DIFFERENT', ['PATH'], undefined]
  ])('suggest(%s)', (name, candidates, expected) => {
    expect(suggest(name, candidates)).toBe(expected)
  })
  test.each([
    ['kitten', 'sitting', 3],
    ['PAHT', 'PATH', 1],
    ['abc', 'abc', 0],
    ['', 'ab', 2]
  ])('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })
})
