// What both halves of the hadolint rules (a-helpers.ts, b-helpers.ts) need in
// the same form: an instruction as a hit, the stages the final image is made
// of, and the parts of an `ONBUILD RUN` trigger.
import type { DockerfileModel, Flag, Instruction, Stage } from '../../../dockerfile/model.js'
import { splitFlags } from '../../../dockerfile/parse.js'
import type { RuleHit } from '../../rule.js'

export function hitAt(instruction: Instruction, message: string, evidence?: string): RuleHit {
  const hit: RuleHit = { line: instruction.line, endLine: instruction.endLine, message }
  if (instruction.stage >= 0) hit.stage = instruction.stage
  if (evidence !== undefined) hit.evidence = evidence
  return hit
}

/** The stage indices whose content ends up in the final image: the final stage and its `FROM <stage>` chain. */
export function finalImageStages(model: DockerfileModel): Set<number> {
  const stages = new Set<number>()
  let current: Stage | undefined = model.stages[model.finalStage]
  while (current && !stages.has(current.index)) {
    stages.add(current.index)
    current = current.baseStage !== undefined ? model.stages[current.baseStage] : undefined
  }
  return stages
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
