// Runs a JavaScript action the way the GitHub Actions runner does: a fresh
// Node process with INPUT_* for every input action.yml declares (defaults
// filled in, `${{ github.token }}` resolved), the file commands
// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH),
// GITHUB_EVENT_PATH with the payload given, RUNNER_TEMP, GITHUB_WORKSPACE.
// Returns the exit code, stdout/stderr, the parsed workflow commands, the
// outputs and the summary.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  commands: WorkflowCommand[]
  outputs: Record<string, string>
  summary: string
  /** Directory holding the runner files (kept until `cleanup`). */
  runnerDir: string
  cleanup(): void
}

export interface RunActionOptions {
  /** Node binary (see ensureNode24). */
  node: string
  /** The action's entry, e.g. dist/index.js. */
  script: string
  /** action.yml whose inputs get INPUT_* defaults (default: action.yml beside the repo root). */
  actionYml?: string
  inputs?: Record<string, string>
  /** The workspace (cwd and GITHUB_WORKSPACE). */
  workspace: string
  event?: { name: string; payload: unknown }
  /** Extra or overriding environment (GITHUB_API_URL, GITHUB_REPOSITORY ...). */
  env?: Record<string, string>
  /** The workflow's token, for `${{ github.token }}` defaults. */
  token?: string
  timeoutMs?: number
}

const unescapeData = (text: string): string =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (text: string): string =>
  unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','))

/** `::name key=value,key=value::message` lines (the runner's parser, for the commands actions emit). */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3] ?? '') })
  }
  return commands
}

/** GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` and `name=value` forms. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

/** INPUT_<NAME> as the runner names it: upper case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export function inputEnvironment(
  actionYml: string,
  given: Record<string, string>,
  token: string
): Record<string, string> {
  const action = parse(readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const value = spec?.default
    const fallback =
      value === undefined || value === null
        ? ''
        : typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value)
    env[inputVariable(name)] = fallback.replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
  }
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value
  return env
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const runnerDir = mkdtempSync(path.join(tmpdir(), 'stagegate-runner-'))
  const files = {
    GITHUB_OUTPUT: path.join(runnerDir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerDir, 'step_summary'),
    GITHUB_STATE: path.join(runnerDir, 'state'),
    GITHUB_ENV: path.join(runnerDir, 'env'),
    GITHUB_PATH: path.join(runnerDir, 'path')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const runnerTemp = path.join(runnerDir, 'temp')
  mkdirSync(runnerTemp)
  const eventPath = path.join(runnerDir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}))

  // Only what a runner provides: no inherited INPUT_*, GITHUB_* or ACTIONS_* from the test process.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(INPUT_|GITHUB_|ACTIONS_|RUNNER_|NODE_OPTIONS$)/.test(name)
    )
  ) as Record<string, string>
  const token = options.token ?? 'ghs_stagegate-test-token'
  const env: Record<string, string> = {
    ...inherited,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: 'c0ffee0000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...inputEnvironment(options.actionYml ?? path.resolve('action.yml'), options.inputs ?? {}, token),
    ...options.env
  }

  const result = await new Promise<{ code: number; stdout: string; stderr: string }>(resolve => {
    execFile(
      options.node,
      [options.script],
      { cwd: options.workspace, env, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 600_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      }
    )
  })
  return {
    ...result,
    commands: parseWorkflowCommands(result.stdout),
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    runnerDir,
    cleanup: () => rmSync(runnerDir, { recursive: true, force: true })
  }
}
