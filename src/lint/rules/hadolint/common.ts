// What both halves of the hadolint rules (a-helpers.ts, b-helpers.ts) need in
// the same form: building a rule, an instruction as a hit, a stage's FROM
// chain and the stages the final image is made of, the per-RUN rule loop, the
// SHELL in effect, RUN --mount targets, and the parts of an `ONBUILD RUN`
// trigger. Each half parses RUN bodies its own way (part A skips non-POSIX
// SHELLs and reads `RUN bash <<EOF`); what is here does not depend on that.
import type { DockerfileModel, Flag, Instruction, Stage } from '../../../dockerfile/model.js'
import { parseMountOptions, splitFlags } from '../../../dockerfile/parse.js'
import type { LintRule, RuleHit } from '../../rule.js'

/** A rule of the Dockerfile phase: its metadata (extra fields such as `offByDefault` kept) and `check`. */
export function dockerfileRule<Meta extends Omit<LintRule, 'phase' | 'check'>>(
  meta: Meta,
  check: LintRule['check']
): Meta & LintRule {
  return { ...meta, phase: 'dockerfile', check }
}

export function hitAt(instruction: Instruction, message: string, evidence?: string): RuleHit {
  const hit: RuleHit = { line: instruction.line, endLine: instruction.endLine, message }
  if (instruction.stage >= 0) hit.stage = instruction.stage
  if (evidence !== undefined) hit.evidence = evidence
  return hit
}

/** The stage and the stages it is built `FROM`, base first; the chain ends at an external image (or a cycle). */
export function baseChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = []
  for (let current: Stage | undefined = stage; current && !chain.includes(current);) {
    chain.unshift(current)
    current = current.baseStage !== undefined ? model.stages[current.baseStage] : undefined
  }
  return chain
}

/** The stage indices whose content ends up in the final image: the final stage and its `FROM <stage>` chain. */
export function finalImageStages(model: DockerfileModel): Set<number> {
  const final = model.stages[model.finalStage]
  return new Set(
    final
      ? baseChain(model, final)
          .map(stage => stage.index)
          .reverse()
      : []
  )
}

/** Which stages a rule looks at: all of them, or only those whose files reach the final image. */
export type StageScope = 'all' | 'final-image'

/** The stages of `scope`, in Dockerfile order. */
export function stagesIn(model: DockerfileModel, scope: StageScope): Stage[] {
  if (scope === 'all') return model.stages
  const shipped = finalImageStages(model)
  return model.stages.filter(stage => shipped.has(stage.index))
}

/**
 * The hits of a rule asked of each RUN body on its own: `runsOf` gives a
 * stage's bodies (each half of the rules parses them its own way), `check`
 * a message when a body breaks the rule.
 */
export function hitsPerRun<Run extends { instruction: Instruction }>(
  model: DockerfileModel,
  runsOf: (stage: Stage) => readonly Run[],
  check: (run: Run, stage: Stage) => string | undefined,
  scope: StageScope = 'all'
): RuleHit[] {
  const hits: RuleHit[] = []
  for (const stage of stagesIn(model, scope)) {
    for (const run of runsOf(stage)) {
      const message = check(run, stage)
      if (message !== undefined) hits.push(hitAt(run.instruction, message))
    }
  }
  return hits
}

/** A SHELL hadolint does not read as POSIX (PowerShell, cmd), by its program's basename. */
export function isNonPosixShell(shell: readonly string[]): boolean {
  return /(^|[/\\])(pwsh|powershell|cmd)(\.exe)?$/i.test(shell[0] ?? '')
}

/**
 * The instructions of a stage with the SHELL in effect for each: inherited
 * from a `FROM <stage>` base, else `/bin/sh -c`, until a SHELL of the stage
 * changes it. The exec-form SHELLs that set it are not listed themselves.
 */
export function instructionsWithShell(
  model: DockerfileModel,
  stage: Stage
): { instruction: Instruction; shell: readonly string[] }[] {
  const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
  let shell: readonly string[] = base ? base.shell : ['/bin/sh', '-c']
  const result: { instruction: Instruction; shell: readonly string[] }[] = []
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'SHELL' && instruction.jsonForm && instruction.argv.length > 0) {
      shell = instruction.argv
      continue
    }
    result.push({ instruction, shell })
  }
  return result
}

/** The targets of a RUN's `--mount`s of one of `types` (`cache`, `tmpfs`), as written. */
export function mountTargets(flags: readonly Flag[], types: readonly string[]): string[] {
  const targets: string[] = []
  for (const flag of flags) {
    if (flag.name !== 'mount' || flag.value === undefined) continue
    const options = parseMountOptions(flag.value)
    if (!types.includes(options.get('type') ?? '')) continue
    targets.push(options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '')
  }
  return targets
}

/** An `ONBUILD RUN ...` trigger's flags and command text (exec form still as JSON text); undefined for other triggers. */
export function onbuildRunParts(instruction: Instruction): { flags: Flag[]; rest: string } | undefined {
  const match = /^RUN(\s+|$)/i.exec(instruction.args)
  if (!match) return undefined
  return splitFlags(instruction.args.slice(match[0].length))
}

/** The argv of an exec-form trigger text (`["a", "b"]`); undefined when it is not a JSON array of strings. */
export function execFormArgv(text: string): string[] | undefined {
  if (!text.trim().startsWith('[')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) && parsed.every(item => typeof item === 'string') ? parsed : undefined
  } catch {
    // Not JSON: Docker runs it through the shell as written.
    return undefined
  }
}
