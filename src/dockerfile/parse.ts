// Text → DockerfileModel. dockerfile-ast finds the instructions, their line
// ranges, comments and heredocs; everything the rules read (arguments with
// continuations joined, flags, argv, stages, the stage graph, effective
// USER/WORKDIR/SHELL) is derived here once, so rules never re-parse text.
// Never throws: garbage gives a model with zero stages.
import { DockerfileParser } from 'dockerfile-ast'
import type {
  DockerfileModel,
  Flag,
  Instruction,
  ParseOptions,
  ParserDirective,
  Stage,
  StageEdge
} from './model.js'
import { expandVariables, splitKeyValue, splitWords } from './words.js'

type AstInstruction = ReturnType<ReturnType<typeof DockerfileParser.parse>['getInstructions']>[number]
interface AstHeredoc {
  getName(): string
  getStartRange(): { start: { line: number } }
  getContentRange(): { start: { line: number }; end: { line: number; character: number } } | null
  getDelimiterRange(): { start: { line: number } } | null
}

const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'])
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c']
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check'])

export function parseDockerfile(text: string, options: ParseOptions): DockerfileModel {
  const lines = text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line))
  const directives = parseDirectives(lines)
  const escapeDirective = directives.find(d => d.name === 'escape')?.value
  const escape = escapeDirective === '`' ? '`' : '\\'

  let ast: ReturnType<typeof DockerfileParser.parse>
  try {
    ast = DockerfileParser.parse(text)
  } catch {
    return emptyModel(options.path, text, directives)
  }

  const comments: DockerfileModel['comments'] = []
  for (const comment of ast.getComments()) {
    const line = comment.getRange().start.line
    const raw = (lines[line] ?? '').trim()
    comments.push({ text: raw.replace(/^#\s?/, '').trim(), line: line + 1 })
  }

  const preamble: Instruction[] = []
  const stages: Stage[] = []
  const globalArgs: DockerfileModel['globalArgs'] = []
  for (const astInstruction of ast.getInstructions()) {
    const instruction = toInstruction(astInstruction, lines, escape, stages.length - 1)
    if (!instruction) continue
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
    comments
  }
  resolveStages(model, escape, options.target)
  return model
}

function emptyModel(path: string, text: string, directives: ParserDirective[]): DockerfileModel {
  return {
    path,
    text,
    directives,
    globalArgs: [],
    preamble: [],
    stages: [],
    edges: [],
    finalStage: -1,
    comments: []
  }
}

/** Parser directives: `# name=value` lines at the very top, until the first other line. */
function parseDirectives(lines: string[]): ParserDirective[] {
  const directives: ParserDirective[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = DIRECTIVE.exec((lines[i] as string).trim())
    if (!match) break
    const name = (match[1] as string).toLowerCase()
    if (!KNOWN_DIRECTIVES.has(name) || directives.some(d => d.name === name)) break
    directives.push({ name, value: match[2] as string, line: i + 1 })
  }
  return directives
}

function toInstruction(
  ast: AstInstruction,
  lines: string[],
  escape: string,
  stage: number
): Instruction | undefined {
  const range = ast.getRange()
  const keyword = ast.getKeyword().toUpperCase()
  if (keyword === '') return undefined
  const line = range.start.line + 1
  let endLine = range.end.line + 1
  while (endLine > line && (lines[endLine - 1] ?? '').trim() === '') endLine--

  const heredocs: Instruction['heredocs'] = []
  const astHeredocs = (ast as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs?.() ?? []
  let headerEnd = endLine
  for (const heredoc of astHeredocs) {
    const content = heredoc.getContentRange()
    const delimiter = heredoc.getDelimiterRange()
    const startLine = heredoc.getStartRange().start.line + 1
    headerEnd = Math.min(headerEnd, startLine)
    const bodyStart = content ? content.start.line + 1 : startLine + 1
    const bodyEnd = delimiter ? delimiter.start.line : endLine
    const body = lines.slice(bodyStart - 1, bodyEnd).join('\n')
    heredocs.push({
      name: heredoc.getName(),
      body: body === '' && bodyEnd < bodyStart ? '' : body + '\n',
      line: startLine,
      endLine: delimiter ? delimiter.start.line + 1 : endLine
    })
  }

  // The instruction's own text (heredoc bodies excluded), continuations joined.
  const header = lines.slice(line - 1, headerEnd)
  const joined = joinContinuations(header, escape)
  const afterKeyword = joined.replace(/^\s*\S+/, '')
  const { flags, rest } =
    keyword === 'ONBUILD' ? { flags: [], rest: afterKeyword.trim() } : splitFlags(afterKeyword)
  const args = rest
  let jsonForm = false
  let argv: string[] | undefined
  if (JSON_FORM_KEYWORDS.has(keyword) && args.startsWith('[')) {
    argv = parseJsonArray(args)
    jsonForm = argv !== undefined
  }
  if (!argv) argv = splitWords(args, escape)
  return { keyword, args, argv, jsonForm, flags, line, endLine, heredocs, stage }
}

/** Join continuation lines as Docker does: escape at line end continues; comment and blank lines inside are dropped. */
export function joinContinuations(header: string[], escape: string): string {
  const parts: string[] = []
  for (let i = 0; i < header.length; i++) {
    let text = header[i] as string
    if (i > 0) {
      const trimmed = text.trim()
      if (trimmed === '' || trimmed.startsWith('#')) continue
    }
    const trimmedEnd = text.replace(/[ \t]+$/, '')
    if (trimmedEnd.endsWith(escape) && !trimmedEnd.endsWith(escape + escape)) text = trimmedEnd.slice(0, -1)
    else if (trimmedEnd.endsWith(escape + escape) && escape === '\\') text = trimmedEnd.slice(0, -1)
    parts.push(i === 0 ? text.trimEnd() : text.trim())
  }
  return parts
    .filter((part, i) => i === 0 || part !== '')
    .join(' ')
    .trim()
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
    if (Array.isArray(parsed) && parsed.every(item => typeof item === 'string')) return parsed as string[]
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

function resolveStages(model: DockerfileModel, escape: string, target: string | undefined): void {
  const globals = new Map<string, string>()
  for (const arg of model.globalArgs) if (arg.value !== undefined) globals.set(arg.name, arg.value)
  const globalLookup = (name: string): string | undefined => globals.get(name)

  for (const stage of model.stages) {
    stage.base = expandVariables(stage.baseRaw, globalLookup, undefined, escape)
    const earlier = model.stages.slice(0, stage.index)
    const baseStage = findStageIndex(earlier, stage.base, false)
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
  globals: Map<string, string>
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
        if (instruction.jsonForm && instruction.argv.length > 0) shell = [...instruction.argv]
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
  const others = model.stages.filter(s => s.index !== stage.index)
  const named = findStageIndex(others, expanded, false)
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
