// The CLI's commands. Each parses its flags, runs the shared engine through
// the pipeline's I/O (cliPipelineDeps) and returns the exit status; errors
// propagate to main.ts, which prints one line.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ALL_RULES, isKnownRuleId, ruleListing } from '../catalog.js'
import { parseImageRef } from '../dockerfile/image-ref.js'
import { findStageIndex, parseDockerfile } from '../dockerfile/parse.js'
import { UsageError } from '../errors.js'
import type { PipelineDeps } from '../pipeline.js'
import { SecretSet, secretValuesOf } from '../redact.js'
import { buildReport } from '../report/build-report.js'
import { formatJson } from '../report/json.js'
import { redactReport } from '../report/redact.js'
import type { Report } from '../report/report.js'
import { formatSarif, toSarif } from '../report/sarif.js'
import { VERSION } from '../version.js'
import { lastValue, oneOf, parseArgv } from './argv.js'
import { cliPipelineDeps, type CliIO } from './io.js'
import { exitStatus, FAIL_LEVELS, FORMATS, renderReports, writeOut } from './output.js'

const COMMON = ['format', 'config', 'fail-on']

async function commonOptions(command: string, parsed: ReturnType<typeof parseArgv>, deps: PipelineDeps) {
  const format = oneOf(command, 'format', lastValue(parsed, 'format'), FORMATS, 'text')
  const failOnFlag = lastValue(parsed, 'fail-on')
  const failOn =
    failOnFlag === undefined ? undefined : oneOf(command, 'fail-on', failOnFlag, FAIL_LEVELS, 'error')
  const cwd = deps.cwd
  const configPath = lastValue(parsed, 'config')
  const config = await deps.loadConfig({
    cwd,
    ...(configPath ? { explicitPath: configPath } : {}),
    knownRuleIds: isKnownRuleId
  })
  // As the pipeline's resolveFailOn: the flag, else the config's, else error.
  return { format, cwd, config, failOn: failOn || config.failOn || 'error' }
}

export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgv('lint', argv, { values: [...COMMON, 'target'], booleans: [] })
  if (parsed.positionals.length === 0)
    throw new UsageError('name at least one Dockerfile; run `stagegate lint --help`.')
  const deps = cliPipelineDeps(io)
  const { format, cwd, config, failOn } = await commonOptions('lint', parsed, deps)
  const target = lastValue(parsed, 'target')
  const linted = await deps.lintFiles(parsed.positionals, { config, cwd, ...(target ? { target } : {}) })
  if (format === 'text' || format === 'tty')
    for (const notice of new Set(linted.flatMap(file => file.notices))) io.stderr(`stagegate: ${notice}\n`)
  const reports: Report[] = linted.map(file =>
    buildReport({
      dockerfile: file.model.path,
      model: file.model,
      findings: file.findings,
      notices: file.notices,
      toolVersion: VERSION
    })
  )
  writeOut(await renderReports(reports, format, cwd), io.stdout)
  return exitStatus(reports, failOn)
}

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgv('check', argv, {
    values: [...COMMON, 'dockerfile', 'target', 'platform'],
    booleans: ['smoke']
  })
  if (parsed.positionals.length !== 1) throw new UsageError('name one image; run `stagegate check --help`.')
  const source = parsed.positionals[0] as string
  const deps = cliPipelineDeps(io)
  const { format, cwd, config, failOn } = await commonOptions('check', parsed, deps)
  const file = lastValue(parsed, 'dockerfile')
  const target = lastValue(parsed, 'target')
  if (target !== undefined && file === undefined)
    throw new UsageError('--target names a stage of the Dockerfile: give --dockerfile too.')
  const model =
    file === undefined
      ? undefined
      : parseDockerfile(deps.readDockerfile(resolve(cwd, file), file), {
          path: file,
          ...(target ? { target } : {})
        })
  // As lint does: a target that is no stage is the user's mistake, not an empty attribution.
  if (model && target !== undefined && findStageIndex(model.stages, target, false) === undefined) {
    const names = model.stages.map(stage => stage.name).filter(name => name !== undefined)
    throw new UsageError(
      `target stage "${target}" not found in ${file}${names.length > 0 ? ` (stages: ${names.join(', ')})` : ' (it has no named stages)'}`
    )
  }
  const platform = lastValue(parsed, 'platform')
  // The image and build code load only for check and build: lint starts without them.
  const { checkImage } = await import('../pipeline.js')
  const checked = await checkImage(
    source,
    { platforms: platform ? [platform] : [], push: false, sbom: 'false', provenance: 'false' },
    model,
    config,
    file ?? source,
    { ...deps, info: () => undefined }
  )
  if (parsed.booleans.get('smoke') && checked.image.startup) {
    const { smokeImage } = await import('../smoke/run.js')
    const { smokeLine } = await import('../report/startup.js')
    checked.image.startup.smoke = await smokeImage(deps.runner, source, checked.config ?? {})
    io.stderr(`stagegate: ${smokeLine(checked.image.startup.smoke)}\n`)
  }
  const report = buildReport({
    dockerfile: file ?? source,
    ...(model ? { model } : {}),
    findings: checked.findings,
    image: checked.image,
    ...(checked.notices.length > 0 ? { notices: checked.notices } : {}),
    toolVersion: VERSION
  })
  writeOut(await renderReports([report], format, cwd), io.stdout)
  return exitStatus([report], failOn)
}

/** `--format` is the CLI's own; everything else is named like the action inputs. */
function takeFormat(argv: string[]): { format: string | undefined; rest: string[] } {
  const rest: string[] = []
  let format: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--format') {
      const next = argv[++i]
      if (next === undefined || next.startsWith('--')) throw new UsageError('--format needs a value.')
      format = next
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else rest.push(arg)
  }
  return { format, rest }
}

export async function buildCommand(argv: string[], io: CliIO): Promise<number> {
  const { format: formatFlag, rest } = takeFormat(argv)
  const format = oneOf('build', 'format', formatFlag, FORMATS, 'text')
  // The build's inputs are the action's (its list parsing comes with @actions/core and undici): loaded
  // only for `build`, so `stagegate lint` starts without them.
  const { parseBuildFlags } = await import('./build-flags.js')
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
  const secrets = new SecretSet(secretValuesOf(inputs, io.env, io.cwd))
  const stderr = (text: string): void => io.stderr(secrets.redact(text))
  const deps = cliPipelineDeps({ ...io, stderr }, value => secrets.add(value))
  // The build and check phases load on demand: `stagegate lint` starts without them.
  const { runPipeline } = await import('../pipeline.js')
  const raw = await runPipeline(inputs, deps)
  const after = await deps.afterBuild(inputs, raw, {
    env: io.env,
    info: deps.info,
    notice: deps.notice,
    warning: deps.warning
  })
  const result = { ...raw, report: redactReport(raw.report, secrets.values()) }
  const writeRedacted = (text: string): void => writeOut(secrets.redact(text), io.stdout)
  if (inputs['report-file'])
    writeFileSync(resolve(io.cwd, inputs['report-file']), secrets.redact(formatJson(result.report)))
  if (inputs['sarif-file']) {
    writeFileSync(
      resolve(io.cwd, inputs['sarif-file']),
      secrets.redact(
        formatSarif(toSarif([result.report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: io.cwd }))
      )
    )
  }
  writeRedacted(await renderReports([result.report], format, io.cwd))
  if (result.build && !result.build.ok) stderr(`stagegate: the build failed:\n${result.build.error ?? ''}\n`)
  if (after.error) {
    stderr(`stagegate: ${after.error}\n`)
    return 1
  }
  return exitStatus([result.report], result.failOn)
}

// eslint-disable-next-line @typescript-eslint/require-await -- one signature for every command: a bad flag (parseArgv, oneOf) must reject the promise, as in the other commands, not throw synchronously
export async function rulesCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgv('rules', argv, { values: ['format'], booleans: [] })
  const format = oneOf('rules', 'format', lastValue(parsed, 'format'), ['text', 'json'] as const, 'text')
  const rules = ruleListing()
  if (format === 'json') {
    writeOut(JSON.stringify(rules, null, 2), io.stdout)
    return 0
  }
  // A default-off rule says so in its own column: "off" (turn it on in config), "on" otherwise.
  const width = Math.max(...rules.map(rule => rule.id.length))
  writeOut(
    rules
      .map(
        rule =>
          `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.phase.padEnd(10)}  ${rule.offByDefault ? 'off' : 'on '}  ${rule.summary}`
      )
      .join('\n'),
    io.stdout
  )
  return 0
}
