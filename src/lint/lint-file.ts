// Lint one Dockerfile on disk: read it (refusing what is not a Dockerfile
// with one clear line), find the build context's .dockerignore, run the rules
// and shellcheck, apply config and pragmas. The I/O edge of the lint phase.
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { Config } from '../config.js'
import { parseDockerignore } from '../dockerfile/dockerignore.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import { findStageIndex, parseDockerfile } from '../dockerfile/parse.js'
import { allInstructions } from '../dockerfile/query.js'
import { UsageError } from '../errors.js'
import type { Finding } from '../finding.js'
import { startLint } from './engine.js'
import { runShellcheckBatch } from './shellcheck.js'

export const MAX_DOCKERFILE_BYTES = 10 * 1024 * 1024
/**
 * One instruction (its continuation lines together) longer than this is refused:
 * the parser (dockerfile-ast) builds an argument a character at a time, about 1.9 s
 * and 190 MB a megabyte (a 10 MB line: 14 s, 1.9 GB RSS).
 */
export const MAX_INSTRUCTION_BYTES = 1024 * 1024

/**
 * The longest run of continued lines (ending in `\` or the other escape, a backtick; blank
 * and comment lines inside it included), by its first line.
 */
export function longestInstruction(text: string): { line: number; bytes: number } {
  let longest = { line: 0, bytes: 0 }
  let start = 1
  let bytes = 0
  let line = 0
  let from = 0
  let inContinuation = false
  while (from <= text.length) {
    let end = text.indexOf('\n', from)
    if (end === -1) end = text.length
    line++
    bytes += end - from + 1
    let last = end - 1
    while (last >= from && (text[last] === ' ' || text[last] === '\t' || text[last] === '\r')) last--
    let first = from
    while (first <= last && (text[first] === ' ' || text[first] === '\t')) first++
    // Inside a continuation, blank and comment lines are dropped and the instruction goes on;
    // outside one, a comment (a parser directive too) continues nothing.
    const comment = first <= last && text[first] === '#'
    const continued: boolean = inContinuation
      ? first > last || comment || text[last] === '\\' || text[last] === '`'
      : !comment && last >= from && (text[last] === '\\' || text[last] === '`')
    inContinuation = continued
    if (bytes > longest.bytes) longest = { line: start, bytes }
    if (!continued) {
      bytes = 0
      start = line + 1
    }
    from = end + 1
  }
  return longest
}

export interface LintFileOptions {
  config: Config
  /** Build target: that stage is the final one. */
  target?: string
  /** Paths in findings are relative to this (default: process.cwd()). */
  cwd?: string
  /** The build context, for .dockerignore (default: the Dockerfile's directory). */
  context?: string
  /** false: skip shellcheck entirely (no notice). Default true. */
  shellcheck?: boolean
  /** Also return what the policy silenced (for the lint + image merge). */
  keepSilenced?: boolean
  /** BuildKit's `BUILDKIT_DOCKERFILE_CHECK` build arg, when the build is given one (LintModelContext). */
  checkDirective?: string
}

export interface LintFileResult {
  model: DockerfileModel
  findings: Finding[]
  /** Things the user should hear once (shellcheck missing ...), not findings. */
  notices: string[]
  /** With `keepSilenced`: findings the policy silenced. */
  silenced?: Finding[]
}

/** Read and check that `path` holds a Dockerfile's text; UsageError otherwise. */
export function readDockerfile(path: string, display: string): string {
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new UsageError(`Dockerfile not found: ${display}`)
  }
  if (stats.isDirectory()) throw new UsageError(`${display} is not a Dockerfile: it is a directory`)
  if (!stats.isFile()) throw new UsageError(`${display} is not a Dockerfile: it is not a regular file`)
  if (stats.size > MAX_DOCKERFILE_BYTES)
    throw new UsageError(
      `${display} is not a Dockerfile: it is ${(stats.size / 1024 / 1024).toFixed(1)} MB (the limit is 10 MB)`
    )
  let buffer: Buffer
  try {
    buffer = readFileSync(path)
  } catch (error) {
    throw new UsageError(`cannot read ${display}: ${(error as Error).message}`)
  }
  if (buffer.includes(0))
    throw new UsageError(`${display} is not a Dockerfile: it contains binary data (NUL bytes)`)
  let text = buffer.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const longest = longestInstruction(text)
  if (longest.bytes > MAX_INSTRUCTION_BYTES)
    throw new UsageError(
      `${display}: the instruction at line ${longest.line} is ${(longest.bytes / 1024 / 1024).toFixed(1)} MB long (the limit is 1 MB an instruction); move the data into a file the build copies`
    )
  return text
}

/** The .dockerignore that applies: `<Dockerfile>.dockerignore` beside it, else the context's. */
/**
 * A .dockerignore past either is refused: each pattern is a compiled regular expression tested
 * against every COPY source (a 1M-pattern file ran out of memory at 1.6 GB after 100 s).
 */
export const DOCKERIGNORE_LIMITS = { bytes: 4 * 1024 * 1024, patterns: 10_000 } as const

export function findDockerignore(dockerfilePath: string, contextDir: string): string[] | null {
  const candidates = [
    join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`),
    join(contextDir, '.dockerignore')
  ]
  for (const candidate of candidates) {
    let stats
    try {
      stats = statSync(candidate)
    } catch {
      continue // not there
    }
    if (!stats.isFile()) continue
    const tooMany = (what: string): UsageError =>
      new UsageError(
        `${candidate}: ${what} (the limit is ${DOCKERIGNORE_LIMITS.patterns} patterns, ${DOCKERIGNORE_LIMITS.bytes / 1024 / 1024} MB); use ** patterns instead of listing paths one by one`
      )
    if (stats.size > DOCKERIGNORE_LIMITS.bytes)
      throw tooMany(`the .dockerignore is ${(stats.size / 1024 / 1024).toFixed(1)} MB`)
    let text: string
    try {
      text = readFileSync(candidate, 'utf8')
    } catch {
      continue // unreadable: as if absent, as before
    }
    const patterns = parseDockerignore(text)
    if (patterns.length > DOCKERIGNORE_LIMITS.patterns)
      throw tooMany(`the .dockerignore has ${patterns.length} patterns`)
    return patterns
  }
  return null
}

export async function lintFile(path: string, options: LintFileOptions): Promise<LintFileResult> {
  const [result] = await lintFiles([path], options)
  return result as LintFileResult
}

/**
 * Lint several Dockerfiles with one shellcheck batch for all their RUNs
 * (shellcheck's start-up, not its checking, is most of its cost per file).
 * Every file is read and parsed first, so a bad one fails before any work.
 */
export async function lintFiles(
  paths: readonly string[],
  options: LintFileOptions
): Promise<LintFileResult[]> {
  const prepared = paths.map(path => prepareFile(path, options))
  // shellcheck's processes start first; the rules run while they work (they take about a
  // fifth of the CPU of a lint run with shellcheck), then the policy takes both.
  const shellcheck =
    options.shellcheck !== false
      ? runShellcheckBatch(prepared.map(file => file.model))
      : Promise.resolve(prepared.map(() => ({ findings: [] as Finding[], notices: [] as string[] })))
  const started = prepared.map(file => ({
    file,
    finish: startLint(file.model, {
      config: options.config,
      dockerignore: file.dockerignore,
      ...(options.keepSilenced === true ? { keepSilenced: true } : {}),
      ...(options.checkDirective !== undefined ? { checkDirective: options.checkDirective } : {})
    })
  }))
  const outcomes = await shellcheck
  return started.map(({ file, finish }, index) => {
    const outcome = outcomes[index] ?? { findings: [], notices: [] }
    const notices = [...outcome.notices]
    const result = finish(outcome.findings)
    notices.push(...result.notices)
    return {
      model: file.model,
      findings: result.findings,
      notices,
      ...(result.silenced ? { silenced: result.silenced } : {})
    }
  })
}

function prepareFile(
  path: string,
  options: LintFileOptions
): { model: DockerfileModel; dockerignore: string[] | null } {
  const cwd = options.cwd ?? process.cwd()
  const absolute = isAbsolute(path) ? path : resolve(cwd, path)
  const rel = relative(cwd, absolute)
  const display = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute
  const text = readDockerfile(absolute, path)
  const model = parseDockerfile(
    text,
    options.target === undefined ? { path: display } : { path: display, target: options.target }
  )
  if (allInstructions(model).length === 0) {
    throw new UsageError(
      `${path} is not a Dockerfile: it has no instructions${text.trim() === '' ? ' (the file is empty)' : ''}`
    )
  }
  if (
    model.stages.length === 0 &&
    !allInstructions(model).some(instruction => KNOWN_KEYWORD.test(instruction.keyword))
  ) {
    throw new UsageError(`${path} is not a Dockerfile: no line starts with a Dockerfile instruction`)
  }
  if (options.target !== undefined && findStageIndex(model.stages, options.target, false) === undefined) {
    const names = model.stages.map(stage => stage.name).filter(name => name !== undefined)
    throw new UsageError(
      `target stage "${options.target}" not found in ${path}${names.length > 0 ? ` (stages: ${names.join(', ')})` : ' (it has no named stages)'}`
    )
  }
  const contextDir = options.context !== undefined ? resolve(cwd, options.context) : dirname(absolute)
  return { model, dockerignore: findDockerignore(absolute, contextDir) }
}

const KNOWN_KEYWORD =
  /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)$/
