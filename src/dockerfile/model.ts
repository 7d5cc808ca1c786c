// The Dockerfile as Stagegate's rules and checks see it: stages, their
// instructions with exact 1-based lines, and the graph of what crosses
// between stages. Built by `parseDockerfile` (parse.ts) from dockerfile-ast's
// parse (ast.ts); rules read this model, never the raw text.

export interface Flag {
  name: string
  /** undefined for a bare flag such as `--link`. */
  value?: string
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, ... (ONBUILD keeps its trigger in `args`). */
  keyword: string
  /** Argument text after the keyword and its flags, continuation lines joined by a space. */
  args: string
  /** Arguments split as Docker splits them (JSON form decoded), flags excluded. */
  argv: string[]
  /** True for the JSON (exec) form of RUN/CMD/ENTRYPOINT/SHELL/COPY/ADD/VOLUME. */
  jsonForm: boolean
  flags: Flag[]
  /** 1-based first and last line of the instruction, continuation lines included. */
  line: number
  endLine: number
  /** Heredoc bodies attached to the instruction (`RUN <<EOF`), in order. */
  heredocs: { name: string; body: string; line: number; endLine: number }[]
  /** Index of the stage it belongs to, or -1 for instructions before the first FROM. */
  stage: number
}

export interface Stage {
  index: number
  /** Name from `FROM image AS name`, as written. */
  name?: string
  /** The base image as written on the FROM line. */
  baseRaw: string
  /** The base with ARG defaults substituted. */
  base: string
  /** When the base is an earlier stage: its index. */
  baseStage?: number
  /** `--platform` value on the FROM line, if any. */
  platform?: string
  /** Line of the FROM instruction. */
  line: number
  /** The stage the build produces: the last one, or the `target`. */
  final: boolean
  /** The FROM instruction first, then the stage's other instructions. */
  instructions: Instruction[]
  /** Effective USER at the end of the stage (inherited through stage bases), if set. */
  user?: string
  /** Effective WORKDIR at the end of the stage, if set. */
  workdir?: string
  /** Effective SHELL at the end of the stage (default `/bin/sh -c`). */
  shell: string[]
}

export interface StageEdge {
  /** Stage index the content comes from; undefined for an external image (`COPY --from=alpine`). */
  from?: number
  /** External image reference, when `from` is not a stage. */
  image?: string
  to: number
  kind: 'copy' | 'mount' | 'base'
  /** Line of the instruction that made the edge. */
  line: number
  /** Source paths for copy edges, mount target for mount edges. */
  sources: string[]
  dest?: string
}

export interface ParserDirective {
  name: string
  value: string
  line: number
}

export interface DockerfileModel {
  /** Path as given (relative to the workspace where possible). */
  path: string
  text: string
  /** Parser directives (`# syntax=`, `# escape=`, `# check=`). */
  directives: ParserDirective[]
  /** ARG instructions before the first FROM, with their defaults. */
  globalArgs: { name: string; value?: string; line: number }[]
  /** Instructions before the first FROM (global ARGs). */
  preamble: Instruction[]
  stages: Stage[]
  edges: StageEdge[]
  /** Index of the final stage (the target's, when a target was given). */
  finalStage: number
  /** Every comment line with its 1-based line, for pragmas. */
  comments: { text: string; line: number }[]
}

export interface ParseOptions {
  path: string
  /** Build target: that stage becomes the final one. */
  target?: string
}
