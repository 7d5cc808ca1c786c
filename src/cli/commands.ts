// The CLI's commands. Each parses its flags, runs the shared engine and
// returns the exit status; errors propagate to main.ts, which prints one line.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { ALL_RULES, isKnownRuleId, ruleListing } from '../catalog.js'
import { loadConfig } from '../config-load.js'
import { parseDockerfile } from '../dockerfile/parse.js'
import { UsageError } from '../errors.js'
import type { FailOn } from '../finding.js'
import { lintFile, readDockerfile } from '../lint/lint-file.js'
import { checkImage, resolveFailOn, runPipeline } from '../pipeline.js'
import { buildReport } from '../report/build-report.js'
import { formatJson } from '../report/json.js'
import type { Report } from '../report/report.js'
import { formatSarif, toSarif } from '../report/sarif.js'
import { VERSION } from '../version.js'
import { lastValue, oneOf, parseArgv } from './argv.js'
import { parseBuildFlags } from './build-flags.js'
import { exitStatus, FAIL_LEVELS, FORMATS, renderReports, writeOut } from './output.js'

const COMMON = ['format', 'config', 'fail-on']

function commonOptions(command: string, parsed: ReturnType<typeof parseArgv>) {
  const format = oneOf(command, 'format', lastValue(parsed, 'format'), FORMATS, 'text')
  const failOnFlag = lastValue(parsed, 'fail-on')
  const failOn =
    failOnFlag === undefined ? undefined : oneOf(command, 'fail-on', failOnFlag, FAIL_LEVELS, 'error')
  const cwd = process.cwd()
  const configPath = lastValue(parsed, 'config')
  const config = loadConfig({
    cwd,
    ...(configPath ? { explicitPath: configPath } : {}),
    knownRuleIds: isKnownRuleId
  })
  return { format, cwd, config, failOn: resolveFailOn({ 'fail-on': failOn ?? '' }, config) as FailOn }
}

export async function lintCommand(argv: string[]): Promise<number> {
  const parsed = parseArgv('lint', argv, { values: [...COMMON, 'target'], booleans: [] })
  if (parsed.positionals.length === 0)
    throw new UsageError('name at least one Dockerfile; run `stagegate lint --help`.')
  const { format, cwd, config, failOn } = commonOptions('lint', parsed)
  const target = lastValue(parsed, 'target')
  const reports: Report[] = []
  for (const file of parsed.positionals) {
    const linted = await lintFile(file, { config, cwd, ...(target ? { target } : {}) })
    if (format === 'text') for (const notice of linted.notices) process.stderr.write(`stagegate: ${notice}\n`)
    reports.push(
      buildReport({
        dockerfile: linted.model.path,
        model: linted.model,
        findings: linted.findings,
        notices: linted.notices,
        toolVersion: VERSION
      })
    )
  }
  writeOut(renderReports(reports, format))
  return exitStatus(reports, failOn)
}

export async function checkCommand(argv: string[]): Promise<number> {
  const parsed = parseArgv('check', argv, {
    values: [...COMMON, 'dockerfile', 'target', 'platform'],
    booleans: []
  })
  if (parsed.positionals.length !== 1) throw new UsageError('name one image; run `stagegate check --help`.')
  const source = parsed.positionals[0] as string
  const { format, config, failOn } = commonOptions('check', parsed)
  const file = lastValue(parsed, 'dockerfile')
  const target = lastValue(parsed, 'target')
  const model =
    file === undefined
      ? undefined
      : parseDockerfile(readDockerfile(file, file), { path: file, ...(target ? { target } : {}) })
  const platform = lastValue(parsed, 'platform')
  const checked = await checkImage(
    source,
    { platforms: platform ? [platform] : [], push: false, sbom: 'false', provenance: 'false' },
    model,
    config,
    file ?? source,
    { tempDir: tmpdir(), info: () => undefined }
  )
  const report = buildReport({
    dockerfile: file ?? source,
    ...(model ? { model } : {}),
    findings: checked.findings,
    image: checked.image,
    toolVersion: VERSION
  })
  writeOut(renderReports([report], format))
  return exitStatus([report], failOn)
}

/** `--format` is the CLI's own; everything else is named like the action inputs. */
function takeFormat(argv: string[]): { format: string | undefined; rest: string[] } {
  const rest: string[] = []
  let format: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--format') format = argv[++i]
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else rest.push(arg)
  }
  return { format, rest }
}

export async function buildCommand(argv: string[]): Promise<number> {
  const { format: formatFlag, rest } = takeFormat(argv)
  const format = oneOf('build', 'format', formatFlag, FORMATS, 'text')
  const inputs = parseBuildFlags(rest)
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const result = await runPipeline(inputs, {
    cwd: process.cwd(),
    env: process.env,
    tempDir: tmpdir(),
    info: log,
    notice: message => log(`notice: ${message}`),
    warning: message => log(`warning: ${message}`),
    group: async (name, phase) => {
      log(`── ${name}`)
      return phase()
    },
    mask: () => undefined
  })
  if (inputs['report-file']) writeFileSync(inputs['report-file'], formatJson(result.report))
  if (inputs['sarif-file']) {
    writeFileSync(
      inputs['sarif-file'],
      formatSarif(
        toSarif([result.report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: process.cwd() })
      )
    )
  }
  writeOut(renderReports([result.report], format))
  if (result.build && !result.build.ok)
    process.stderr.write(`stagegate: the build failed:\n${result.build.error ?? ''}\n`)
  return exitStatus([result.report], result.failOn)
}

export async function rulesCommand(argv: string[]): Promise<number> {
  const parsed = parseArgv('rules', argv, { values: ['format'], booleans: [] })
  const format = oneOf('rules', 'format', lastValue(parsed, 'format'), ['text', 'json'] as const, 'text')
  const rules = ruleListing()
  if (format === 'json') {
    writeOut(JSON.stringify(rules, null, 2))
    return 0
  }
  const width = Math.max(...rules.map(rule => rule.id.length))
  writeOut(
    rules
      .map(
        rule =>
          `${rule.id.padEnd(width)}  ${(rule.offByDefault ? 'off' : rule.severity).padEnd(7)}  ${rule.phase.padEnd(10)}  ${rule.summary}${rule.offByDefault ? ` (off by default: give it a severity in the config to turn it on; default ${rule.severity})` : ''}`
      )
      .join('\n')
  )
  return 0
}
