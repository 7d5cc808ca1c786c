// shellcheck on RUN bodies, as hadolint does: each shell-form RUN (or
// `RUN <<EOF` heredoc script) becomes one small script file that keeps the
// Dockerfile's line layout, all of a Dockerfile's scripts go to one
// shellcheck process, and each SC finding is mapped back to its Dockerfile
// line and stage. Without shellcheck on PATH: one notice, no findings.
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { DockerfileModel, Instruction } from '../dockerfile/model.js'
import { sourceLines } from '../dockerfile/query.js'
import { splitKeyValue } from '../dockerfile/words.js'
import type { Finding, Severity } from '../finding.js'

export const SHELLCHECK_MISSING_NOTICE = 'shellcheck not found on PATH: SC checks skipped'
/** Codes that make no sense for a RUN body (sourced files that are not there, ash). */
const EXCLUDED_CODES = ['SC1090', 'SC1091', 'SC2187']
const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'note', style: 'note' }

export interface ShellScript {
  /** Script text; its line k is Dockerfile line `firstLine + k - 1 - headerLines`. */
  text: string
  dialect: 'sh' | 'bash' | 'dash' | 'ksh'
  firstLine: number
  headerLines: number
  lastLine: number
  stage: number
}

/** The stage's shell dialect for shellcheck, or undefined when shellcheck cannot read it. */
export function shellDialect(shell: readonly string[]): ShellScript['dialect'] | undefined {
  const program = (shell[0] ?? '/bin/sh').split(/[\\/]/).pop()?.toLowerCase() ?? 'sh'
  if (program === 'bash') return 'bash'
  if (program === 'dash') return 'dash'
  if (program === 'ksh' || program === 'mksh') return 'ksh'
  if (program === 'sh' || program === 'ash' || program === 'busybox') return 'sh'
  return undefined
}

/** Every RUN body shellcheck can read, laid out so its lines map back to the Dockerfile. */
export function shellScripts(model: DockerfileModel): ShellScript[] {
  const lines = sourceLines(model)
  const escape = model.directives.find(d => d.name === 'escape')?.value === '`' ? '`' : '\\'
  const scripts: ShellScript[] = []
  const shellPragmas: { line: number; shell: string }[] = []
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text)
    if (match) shellPragmas.push({ line: comment.line, shell: match[1] as string })
  }
  for (const stage of model.stages) {
    // SHELL applies to the RUNs after it; a stage starts with its base stage's final shell.
    const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
    let shell: readonly string[] = base ? base.shell : ['/bin/sh', '-c']
    const vars = new Set<string>()
    for (const name of model.globalArgs.map(arg => arg.name)) vars.add(name)
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
        for (const word of instruction.argv) {
          const key = splitKeyValue(word).key
          if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) vars.add(key)
        }
        if (
          instruction.keyword === 'ENV' &&
          instruction.argv.length > 1 &&
          !instruction.argv[0]?.includes('=')
        ) {
          vars.add(instruction.argv[0] as string)
        }
        continue
      }
      if (instruction.keyword === 'SHELL' && instruction.jsonForm && instruction.argv.length > 0)
        shell = instruction.argv
      if (instruction.keyword !== 'RUN' || instruction.jsonForm) continue
      // hadolint's `# hadolint shell=...` pragma overrides the shell for the RUNs after it.
      const pragma = shellPragmaBefore(shellPragmas, instruction.line)
      const dialect = shellDialect(pragma !== undefined ? [pragma] : shell)
      if (!dialect) continue
      const body = scriptLines(instruction, lines, escape)
      if (!body || body.lines.every(line => line.trim() === '' || line.trim() === '\\')) continue
      // Variables from ARG/ENV are set when the RUN runs: declare them so SC2154 stays quiet.
      const header = [`# shellcheck shell=${dialect}`, ...[...vars].map(name => `export ${name}`)]
      scripts.push({
        text: [...header, ...body.lines].join('\n') + '\n',
        dialect,
        firstLine: body.firstLine,
        headerLines: header.length,
        lastLine: body.firstLine + body.lines.length - 1,
        stage: stage.index
      })
    }
  }
  return scripts
}

const SHELL_PRAGMA = /^(?:hadolint|stagegate)\s+shell\s*=\s*(\S+)/i

function shellPragmaBefore(
  pragmas: readonly { line: number; shell: string }[],
  line: number
): string | undefined {
  let found: string | undefined
  for (const pragma of pragmas) {
    if (pragma.line >= line) break
    found = pragma.shell
  }
  return found
}

function scriptLines(
  instruction: Instruction,
  lines: readonly string[],
  escape: string
): { firstLine: number; lines: string[] } | undefined {
  const first = instruction.argv[0] ?? ''
  if (instruction.heredocs.length > 0 && first.startsWith('<<')) {
    const heredoc = instruction.heredocs[0]
    if (!heredoc) return undefined
    const start = heredoc.line + 1
    const end = Math.max(start - 1, heredoc.endLine - 1)
    return { firstLine: start, lines: lines.slice(start - 1, end) }
  }
  const raw = lines.slice(instruction.line - 1, instruction.endLine)
  const out: string[] = []
  let inFlags = true
  raw.forEach((line, index) => {
    let text = line
    const trimmed = text.trim()
    if (
      index > 0 &&
      (trimmed === '' || trimmed.startsWith('#')) &&
      !inHeredocBody(instruction, instruction.line + index)
    ) {
      out.push('\\') // a dropped continuation line: keep the line count and the continuation
      return
    }
    if (index === 0) text = text.replace(/^\s*\S+/, keyword => ' '.repeat(keyword.length))
    if (inFlags) {
      const flags = /^(\s*)((?:--\S+\s*)*)/.exec(text)
      const consumed = flags ? (flags[2] as string) : ''
      text = text.replace(/^(\s*)((?:--\S+\s*)*)/, (_m, space: string) => space + ' '.repeat(consumed.length))
      const rest = text.trim()
      if (rest !== '' && rest !== escape) inFlags = false
    }
    if (escape === '`' && /`\s*$/.test(text) && !inHeredocBody(instruction, instruction.line + index))
      text = text.replace(/`(\s*)$/, '\\$1')
    out.push(text)
  })
  return { firstLine: instruction.line, lines: out }
}

function inHeredocBody(instruction: Instruction, line: number): boolean {
  return instruction.heredocs.some(heredoc => line > heredoc.line && line <= heredoc.endLine)
}

/** The path of an executable on PATH, or undefined. */
export function findOnPath(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

interface ShellcheckComment {
  file: string
  line: number
  endLine?: number
  level: string
  code: number
  message: string
}

export interface ShellcheckOutcome {
  findings: Finding[]
  notices: string[]
}

/** Run shellcheck over every RUN of the model; `binary` defaults to `shellcheck` on PATH. */
export async function runShellcheck(
  model: DockerfileModel,
  options: { binary?: string; timeoutMs?: number } = {}
): Promise<ShellcheckOutcome> {
  const binary = options.binary ?? findOnPath('shellcheck')
  if (!binary) return { findings: [], notices: [SHELLCHECK_MISSING_NOTICE] }
  const scripts = shellScripts(model)
  if (scripts.length === 0) return { findings: [], notices: [] }
  const dir = mkdtempSync(join(tmpdir(), 'stagegate-sc-'))
  try {
    const files = scripts.map((script, index) => {
      const file = join(dir, `run-${index}.sh`)
      writeFileSync(file, script.text, { mode: 0o600 })
      return file
    })
    const output = await execShellcheck(
      binary,
      ['--format=json1', `--exclude=${EXCLUDED_CODES.map(c => c.slice(2)).join(',')}`, ...files],
      options.timeoutMs ?? 60_000
    )
    if ('error' in output)
      return { findings: [], notices: [`shellcheck failed: ${output.error}: SC checks skipped`] }
    let parsed: { comments?: ShellcheckComment[] }
    try {
      parsed = JSON.parse(output.stdout) as { comments?: ShellcheckComment[] }
    } catch {
      return { findings: [], notices: ['shellcheck failed: unreadable output: SC checks skipped'] }
    }
    const byFile = new Map(files.map((file, index) => [file, scripts[index] as ShellScript]))
    const findings: Finding[] = []
    for (const comment of parsed.comments ?? []) {
      const script = byFile.get(comment.file)
      if (!script) continue
      const line = Math.min(
        script.lastLine,
        Math.max(script.firstLine, script.firstLine + comment.line - 1 - script.headerLines)
      )
      const finding: Finding = {
        ruleId: `SC${comment.code}`,
        severity: SEVERITY[comment.level] ?? 'warning',
        message: comment.message,
        line
      }
      const endLine =
        comment.endLine !== undefined ? script.firstLine + comment.endLine - 1 - script.headerLines : line
      if (endLine > line && endLine <= script.lastLine) finding.endLine = endLine
      findings.push(finding)
    }
    return { findings, notices: [] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function execShellcheck(
  binary: string,
  args: string[],
  timeoutMs: number
): Promise<{ stdout: string } | { error: string }> {
  return new Promise(resolve => {
    execFile(
      binary,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        // Exit 1 means "found something"; anything else is a failure.
        const code: unknown = error ? (error as { code?: unknown }).code : 0
        if (error && code !== 1) {
          const reason = (error as { killed?: boolean }).killed
            ? `timed out after ${timeoutMs} ms`
            : (stderr.split('\n')[0] ?? error.message)
          resolve({ error: reason || error.message })
          return
        }
        resolve({ stdout })
      }
    )
  })
}
