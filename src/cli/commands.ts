// The CLI's commands. Each parses its flags, runs the shared engine and
// returns the exit status; errors propagate to main.ts, which prints one line.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { ALL_RULES, isKnownRuleId, ruleListing } from '../catalog.js'
import { loadConfig } from '../config-load.js'
import { parseImageRef } from '../dockerfile/image-ref.js'
import { findStageIndex, parseDockerfile } from '../dockerfile/parse.js'
import { UsageError } from '../errors.js'
import type { FailOn } from '../finding.js'
import { lintFile, readDockerfile } from '../lint/lint-file.js'
import { checkImage, resolveFailOn, runPipeline } from '../pipeline.js'
import { SecretSet, secretValuesOf } from '../redact.js'
import { buildReport } from '../report/build-report.js'
import { formatJson } from '../report/json.js'
import { redactReport } from '../report/redact.js'
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
  if (target !== undefined && file === undefined)
    throw new UsageError('--target names a stage of the Dockerfile: give --dockerfile too.')
  const model =
    file === undefined
      ? undefined
      : parseDockerfile(readDockerfile(file, file), { path: file, ...(target ? { target } : {}) })
  // As lint does: a target that is no stage is the user's mistake, not an empty attribution.
  if (model && target !== undefined && findStageIndex(model.stages, target, false) === undefined) {
    const names = model.stages.map(stage => stage.name).filter(name => name !== undefined)
    throw new UsageError(
      `target stage "${target}" not found in ${file}${names.length > 0 ? ` (stages: ${names.join(', ')})` : ' (it has no named stages)'}`
    )
  }
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
    if (arg === '--format') {
      const value = argv[++i]
      if (value === undefined || value.startsWith('--')) throw new UsageError('--format needs a value.')
      format = value
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else rest.push(arg)
  }
  return { format, rest }
}

export async function buildCommand(argv: string[]): Promise<number> {
  const { format: formatFlag, rest } = takeFormat(argv)
  const format = oneOf('build', 'format', formatFlag, FORMATS, 'text')
  const inputs = parseBuildFlags(rest)
  // A tag buildx would refuse is the user's mistake: say so before building, once.
  for (const tag of inputs.tags) {
    const ref = parseImageRef(tag)
    if (ref === undefined || ref.repository !== ref.repository.toLowerCase())
      throw new UsageError(
        `--tags: "${tag}" is not a valid image reference (lowercase name, optional :tag of letters, digits, . _ -); e.g. ghcr.io/owner/app:1.0.`
      )
  }
  // The CLI redacts as the action does: every value given as a secret, whatever path it took to an output.
  const secrets = new SecretSet(secretValuesOf(inputs, process.env, process.cwd()))
  const log = (line: string): void => void process.stderr.write(`${secrets.redact(line)}\n`)
  const raw = await runPipeline(inputs, {
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
    mask: value => secrets.add(value)
  })
  const result = { ...raw, report: redactReport(raw.report, secrets.values()) }
  const writeRedacted = (text: string): void => writeOut(secrets.redact(text))
  if (inputs['report-file']) writeFileSync(inputs['report-file'], secrets.redact(formatJson(result.report)))
  if (inputs['sarif-file']) {
    writeFileSync(
      inputs['sarif-file'],
      secrets.redact(
        formatSarif(
          toSarif([result.report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: process.cwd() })
        )
      )
    )
  }
  writeRedacted(renderReports([result.report], format))
  if (result.build && !result.build.ok)
    process.stderr.write(secrets.redact(`stagegate: the build failed:\n${result.build.error ?? ''}\n`))
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
          `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.phase.padEnd(10)}  ${rule.summary}`
      )
      .join('\n')
  )
  return 0
}
