// Text → DockerfileModel. dockerfile-ast (through ast.ts) finds the
// instructions, their line ranges, comments, directives and heredocs;
// everything the rules read (arguments with continuations joined, flags,
// argv, stages, the stage graph, effective USER/WORKDIR/SHELL) is derived
// here once, so rules never re-parse text. Never throws: garbage gives a
// model with zero stages.
import { readSource, type SourceInstruction } from './ast.js'
import { globalArgDefaults, platformArgAsWritten, primeSourceLines, setsShell } from './query.js'
import type { DockerfileModel, Flag, Instruction, ParseOptions, Stage, StageEdge } from './model.js'
import { expandVariables, splitKeyValue, splitWords } from './words.js'

const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'])
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c']

export function parseDockerfile(text: string, options: ParseOptions): DockerfileModel {
  const source = readSource(text)
  const { lines, escape, directives } = source

  const preamble: Instruction[] = []
  const stages: Stage[] = []
  const globalArgs: DockerfileModel['globalArgs'] = []
  for (const sourceInstruction of source.instructions) {
    const instruction = toInstruction(sourceInstruction, escape, stages.length - 1)
    if (instruction.keyword === 'FROM') {
      instruction.stage = stages.length
      stages.push(newStage(stages.length, instruction))
      continue
    }
    const stage = stages[stages.length - 1]
    if (stage) stage.instructions.push(instruction)
    else {
      preamble.push(instruction)
      if (instruction.keyword === 'ARG') {
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word)
          globalArgs.push(
            value === undefined
              ? { name: key, line: instruction.line }
              : { name: key, value, line: instruction.line }
          )
        }
      }
    }
  }

  const model: DockerfileModel = {
    path: options.path,
    text,
    directives,
    globalArgs,
    preamble,
    stages,
    edges: [],
    finalStage: stages.length - 1,
    comments: source.comments
  }
  resolveStages(model, escape, options.target)
  primeSourceLines(model, lines)
  return model
}

function toInstruction(lexed: SourceInstruction, escape: string, stage: number): Instruction {
  const keyword = lexed.word.toUpperCase()
  const { flags, rest } = keyword === 'ONBUILD' ? { flags: [], rest: lexed.rest } : splitFlags(lexed.rest)
  const args = rest
  let jsonForm = false
  let argv: string[] | undefined
  if (args.startsWith('[') && JSON_FORM_KEYWORDS.has(keyword)) {
    argv = parseJsonArray(args)
    jsonForm = argv !== undefined
  }
  if (!argv) argv = splitWords(args, escape)
  return {
    keyword,
    args,
    argv,
    jsonForm,
    flags,
    line: lexed.line,
    endLine: lexed.endLine,
    heredocs: lexed.heredocs,
    stage
  }
}

/**
 * The instruction an `ONBUILD` triggers, read as if written on its own (keyword, flags, argv),
 * at the ONBUILD's lines and stage: hadolint applies an instruction's rules to its ONBUILD
 * spelling too. Undefined for any other instruction or an empty ONBUILD.
 */
export function onbuildTrigger(onbuild: Instruction, escape = '\\'): Instruction | undefined {
  if (onbuild.keyword !== 'ONBUILD') return undefined
  const match = /^(\S+)\s*/.exec(onbuild.args)
  if (!match) return undefined
  const word = match[1] as string
  return toInstruction(
    {
      word,
      rest: onbuild.args.slice(match[0].length),
      line: onbuild.line,
      endLine: onbuild.endLine,
      heredocs: onbuild.heredocs
    },
    escape,
    onbuild.stage
  )
}

/** Leading `--name[=value]` words, as Docker reads flags before the arguments. */
export function splitFlags(afterKeyword: string): { flags: Flag[]; rest: string } {
  const flags: Flag[] = []
  let rest = afterKeyword.trimStart()
  while (rest.startsWith('--')) {
    const match = /^--([A-Za-z0-9_-]*)(=("[^"]*"|'[^']*'|\S*))?(\s+|$)/.exec(rest)
    if (!match || match[0] === '') break
    const name = match[1] as string
    if (name === '') break
    const rawValue = match[3]
    const value = rawValue !== undefined ? unquote(rawValue) : undefined
    flags.push(value === undefined ? { name } : { name, value })
    rest = rest.slice(match[0].length)
  }
  return { flags, rest: rest.trim() }
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]))
    return value.slice(1, -1)
  return value
}

function parseJsonArray(text: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed) && parsed.every(item => typeof item === 'string')) return parsed
  } catch {
    // Not JSON: Docker falls back to the shell form.
  }
  return undefined
}

function newStage(index: number, from: Instruction): Stage {
  const argv = from.argv
  const baseRaw = argv[0] ?? ''
  const name = argv.length >= 3 && argv[1]?.toLowerCase() === 'as' ? argv[2] : undefined
  const platform = from.flags.find(f => f.name === 'platform')?.value
  const stage: Stage = {
    index,
    baseRaw,
    base: baseRaw,
    line: from.line,
    final: false,
    instructions: [from],
    shell: [...DEFAULT_SHELL]
  }
  if (name !== undefined) stage.name = name
  if (platform !== undefined) stage.platform = platform
  return stage
}

/** Index of the stage a `--from`/`FROM` reference names: by name (case-insensitive) or by number. */
export function findStageIndex(
  stages: readonly Stage[],
  reference: string,
  byNumber = true
): number | undefined {
  const lower = reference.toLowerCase()
  const named = stages.find(stage => stage.name !== undefined && stage.name.toLowerCase() === lower)
  if (named) return named.index
  if (byNumber && /^\d+$/.test(reference)) {
    const index = Number(reference)
    if (index < stages.length) return index
  }
  return undefined
}

/** Stage indexes by lower-case name, for resolving references in linear time. */
const stageNames = new WeakMap<DockerfileModel, Map<string, number[]>>()

function resolveStages(model: DockerfileModel, escape: string, target: string | undefined): void {
  // The global ARGs' defaults as BuildKit resolves them with no --build-arg: each default expanded
  // with the global ARGs above it, so `ARG IMAGE=golang:${GO_VERSION}` / `FROM ${IMAGE}` gives a
  // base every consumer can read. A platform ARG stays as written (platformArgAsWritten).
  const globals = globalArgDefaults(model)
  const globalLookup = (name: string): string | undefined => globals.get(name) ?? platformArgAsWritten(name)

  const byName = new Map<string, number[]>()
  for (const stage of model.stages) {
    if (stage.name === undefined) continue
    const key = stage.name.toLowerCase()
    const list = byName.get(key)
    if (list) list.push(stage.index)
    else byName.set(key, [stage.index])
  }
  stageNames.set(model, byName)
  for (const stage of model.stages) {
    stage.base = expandVariables(stage.baseRaw, globalLookup, undefined, escape)
    const baseStage = byName.get(stage.base.toLowerCase())?.find(index => index < stage.index)
    if (baseStage !== undefined) {
      stage.baseStage = baseStage
      model.edges.push({ from: baseStage, to: stage.index, kind: 'base', line: stage.line, sources: [] })
    }
    resolveStageState(model, stage, escape, globals)
  }

  let finalStage = model.stages.length - 1
  if (target !== undefined) {
    const targetIndex = findStageIndex(model.stages, target, false)
    if (targetIndex !== undefined) finalStage = targetIndex
  }
  model.finalStage = finalStage
  const final = model.stages[finalStage]
  if (final) final.final = true
}

function resolveStageState(
  model: DockerfileModel,
  stage: Stage,
  escape: string,
  globals: ReadonlyMap<string, string>
): void {
  const inherited = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
  let user = inherited?.user
  let workdir = inherited?.workdir
  let shell = inherited ? [...inherited.shell] : [...DEFAULT_SHELL]
  // ARGs visible in this stage: redeclared globals and the stage's own.
  const args = new Map<string, string>()
  const lookup = (name: string): string | undefined => args.get(name)

  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case 'ARG':
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word)
          const resolved = value ?? globals.get(key)
          if (resolved !== undefined) args.set(key, resolved)
        }
        break
      case 'USER':
        if (instruction.argv[0] !== undefined) user = instruction.argv[0]
        break
      case 'WORKDIR': {
        const dir = instruction.argv.join(' ')
        if (dir !== '')
          workdir = dir.startsWith('/') || /^\$/.test(dir) ? dir : joinPosix(workdir ?? '/', dir)
        break
      }
      case 'SHELL':
        if (setsShell(instruction)) shell = [...instruction.argv]
        break
      case 'COPY':
      case 'ADD':
        addCopyEdge(model, stage, instruction, lookup, escape)
        break
      case 'RUN':
        addMountEdges(model, stage, instruction, lookup, escape)
        break
    }
  }
  if (user !== undefined) stage.user = user
  if (workdir !== undefined) stage.workdir = workdir
  stage.shell = shell
}

function joinPosix(base: string, relative: string): string {
  const parts = `${base}/${relative}`.split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return '/' + out.join('/')
}

function edgeSource(
  model: DockerfileModel,
  stage: Stage,
  reference: string,
  lookup: (name: string) => string | undefined,
  escape: string
): { from?: number; image?: string } {
  const expanded = expandVariables(reference, lookup, undefined, escape)
  const named = stageNames
    .get(model)
    ?.get(expanded.toLowerCase())
    ?.find(index => index !== stage.index)
  if (named !== undefined) return { from: named }
  if (/^\d+$/.test(expanded) && Number(expanded) < model.stages.length) return { from: Number(expanded) }
  return { image: expanded }
}

function addCopyEdge(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
  lookup: (name: string) => string | undefined,
  escape: string
): void {
  const from = instruction.flags.find(f => f.name === 'from')?.value
  if (from === undefined || instruction.keyword !== 'COPY') return
  const paths = instruction.argv
  const edge: StageEdge = {
    ...edgeSource(model, stage, from, lookup, escape),
    to: stage.index,
    kind: 'copy',
    line: instruction.line,
    sources: paths.length > 1 ? paths.slice(0, -1) : [...paths]
  }
  if (paths.length > 1) edge.dest = paths[paths.length - 1]
  model.edges.push(edge)
}

function addMountEdges(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
  lookup: (name: string) => string | undefined,
  escape: string
): void {
  for (const flag of instruction.flags) {
    if (flag.name !== 'mount' || flag.value === undefined) continue
    const options = parseMountOptions(flag.value)
    const from = options.get('from')
    if (from === undefined) continue
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination')
    const edge: StageEdge = {
      ...edgeSource(model, stage, from, lookup, escape),
      to: stage.index,
      kind: 'mount',
      line: instruction.line,
      sources: target !== undefined ? [target] : []
    }
    model.edges.push(edge)
  }
}

/** `type=cache,target=/x,from=builder` → map; a bare key maps to 'true'. */
export function parseMountOptions(value: string): Map<string, string> {
  const options = new Map<string, string>()
  for (const part of value.split(',')) {
    const { key, value: optionValue } = splitKeyValue(part.trim())
    if (key !== '') options.set(key.toLowerCase(), unquote(optionValue ?? 'true'))
  }
  return options
}
