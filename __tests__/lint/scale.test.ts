// The linter stays linear in the size of the Dockerfile: every rule shares one
// shell parse per RUN body (the model's RUN reader, src/dockerfile/run.ts) and stage lookups go through maps.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { lintModel } from '../../src/lint/engine.js'
import { manyStages } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'
import { hits } from './sg-helpers.js'

const lint = (model: ReturnType<typeof parseDockerfile>): number =>
  lintModel(model, { config: emptyConfig() }).length

test('the rules run on every stage of a 2,000-stage Dockerfile', () => {
  // DL3009 and friends on every stage: the timing below times real work.
  expect(lint(parseDockerfile(manyStages(2000), { path: 'Dockerfile' }))).toBeGreaterThan(2000)
})

test('linting time grows linearly: doubling the stages (1,000 to 2,000) at most 2.5x the time', async () => {
  // CPU time in a fresh process, best of several interleaved runs (__tests__/support/growth.ts):
  // no absolute time, only growth (the quadratic DL3022 this guards against made doubling cost about 4x).
  const growth = await measureGrowth('lintStages', 1000, 2000, { bound: 2.5 })
  expect(growth.ratio).toBeLessThan(2.5)
}, 300_000)

test.each<[string, string, number[]]>([
  ['an earlier stage by name', 'FROM a AS build\nFROM b\nCOPY --from=build /x /y\n', []],
  ['a later stage is not defined yet', 'FROM a\nCOPY --from=later /x /y\nFROM b AS later\n', [2]],
  ['names compare case-insensitively', 'FROM a AS Build\nFROM b\nCOPY --from=BUILD /x /y\n', []],
  ['its own stage', 'FROM a AS self\nCOPY --from=self /x /y\n', []],
  [
    'a duplicate name defined first later counts from its first stage',
    'FROM a\nCOPY --from=d /x /y\nFROM b AS d\nFROM c AS d\n',
    [2]
  ],
  ['an index of an earlier stage', 'FROM a\nFROM b\nCOPY --from=0 /x /y\n', []],
  ['an undefined name', 'FROM a\nCOPY --from=nope /x /y\n', [2]]
])('DL3022 with a name map: %s', (_name, text, lines) => {
  expect(hits(text, 'DL3022')).toEqual(lines)
})

test('no rule parses shell itself: they share the RUN reader of the model layer', () => {
  const dir = 'src/lint/rules'
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ts'))
  const callers = files.filter(file => /\bparseShell\(/.test(readFileSync(join(dir, file), 'utf8')))
  expect(files.length).toBeGreaterThan(5)
  expect(callers).toEqual([])
})
