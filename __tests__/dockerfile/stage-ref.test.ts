// One StageRef builder (stageRefOf) for lint findings and image attribution,
// and the line → stage lookup both use.
import { stageRef as attributionStageRef } from '../../src/checks/attribution.js'
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { stageAtLine, stageRefOf } from '../../src/dockerfile/query.js'
import { lintModel } from '../../src/lint/engine.js'

const model = parseDockerfile(
  'ARG V=1\nFROM debian AS build\nRUN x\nFROM build\nUSER app\n\nFROM scratch\n',
  {
    path: 'Dockerfile'
  }
)

test.each([
  [0, { index: 0, name: 'build', final: false }],
  [1, { index: 1, final: false }],
  [2, { index: 2, final: true }]
])('stageRefOf(stage %i)', (index, expected) => {
  expect(stageRefOf(model.stages[index]!)).toStrictEqual(expected)
})

test.each([
  [1, undefined],
  [2, 0],
  [3, 0],
  [4, 1],
  [6, 1],
  [7, 2],
  [99, 2]
])('stageAtLine(line %i) is %p', (line, expected) => {
  expect(stageAtLine(model, line)).toBe(expected)
})

test('image attribution uses the same builder', () => {
  expect(attributionStageRef).toBe(stageRefOf)
})

test('lint findings carry stageRefOf of their stage', () => {
  const findings = lintModel(model, { config: emptyConfig() }).filter(f => f.stage !== undefined)
  expect(findings.length).toBeGreaterThan(0)
  for (const finding of findings)
    expect(finding.stage).toStrictEqual(stageRefOf(model.stages[finding.stage!.index]!))
})
