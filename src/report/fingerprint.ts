// Stable identities for findings. A fingerprint hashes what a finding is
// about (rule, file, the instruction's text with whitespace normalised, the
// path inside the image), never where it sits, so it survives lines being
// added above it. The PR comment diffs base and head reports by it; SARIF
// carries it as partialFingerprints["stagegate/v1"].
import { createHash } from 'node:crypto'
import type { DockerfileModel, Instruction } from '../dockerfile/model.js'
import type { Finding } from '../finding.js'

export const FINGERPRINT_KEY = 'stagegate/v1'

/** Looks up the instruction text that covers a line, or undefined when unknown. */
export type InstructionText = (file: string, line: number) => string | undefined

const byStartLine = new WeakMap<DockerfileModel, Instruction[]>()

/** The model's instructions ordered by first line, built once per model: a report asks once per finding. */
function instructionsByLine(model: DockerfileModel): Instruction[] {
  let sorted = byStartLine.get(model)
  if (!sorted) {
    sorted = [...model.preamble, ...model.stages.flatMap(stage => stage.instructions)].sort(
      (a, b) => a.line - b.line
    )
    byStartLine.set(model, sorted)
  }
  return sorted
}

/** The instruction covering `line` (continuation lines included), from a parsed model. */
export function instructionAt(model: DockerfileModel, line: number): Instruction | undefined {
  const sorted = instructionsByLine(model)
  // Instructions do not overlap: the candidate is the last one starting at or before `line`.
  let low = 0
  let high = sorted.length - 1
  let candidate: Instruction | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const instruction = sorted[middle] as Instruction
    if (instruction.line <= line) {
      candidate = instruction
      low = middle + 1
    } else high = middle - 1
  }
  return candidate && line <= candidate.endLine ? candidate : undefined
}

/** Keyword + flags + arguments, whitespace collapsed: what the instruction says, not how it is laid out. */
export function normaliseInstruction(instruction: Instruction): string {
  const flags = instruction.flags.map(flag =>
    flag.value === undefined ? `--${flag.name}` : `--${flag.name}=${flag.value}`
  )
  const heredocs = instruction.heredocs.map(heredoc => heredoc.body)
  return [instruction.keyword, ...flags, instruction.args, ...heredocs].join(' ').replace(/\s+/g, ' ').trim()
}

/** An InstructionText over the models given (matched by their `path`; the first of a path wins). */
export function instructionTextFromModels(models: readonly DockerfileModel[]): InstructionText {
  const byPath = new Map<string, DockerfileModel>()
  for (const model of models) if (!byPath.has(model.path)) byPath.set(model.path, model)
  // Many findings sit on one instruction: normalise each once.
  const texts = new Map<Instruction, string>()
  return (file, line) => {
    const model = byPath.get(file)
    const instruction = model ? instructionAt(model, line) : undefined
    if (!instruction) return undefined
    let text = texts.get(instruction)
    if (text === undefined) {
      text = normaliseInstruction(instruction)
      texts.set(instruction, text)
    }
    return text
  }
}

function hash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)
}

/**
 * Fingerprints for `findings`, in the same order. Without the instruction
 * text (no model, or a finding without a line) the stage and the message
 * stand in for it. Identical findings get an occurrence suffix (`:2`, `:3`)
 * in the order given, so every fingerprint in one report is unique.
 */
export function fingerprintFindings(
  findings: readonly Finding[],
  defaultFile: string,
  instructionText?: InstructionText
): string[] {
  const seen = new Map<string, number>()
  return findings.map(finding => {
    const file = finding.file ?? defaultFile
    const text = finding.line !== undefined ? instructionText?.(file, finding.line) : undefined
    const subject =
      text !== undefined
        ? `instruction:${text}`
        : `stage:${finding.stage?.name ?? finding.stage?.index ?? ''}:message:${finding.message}`
    const base = hash([finding.ruleId, file, subject, finding.path ?? ''])
    const occurrence = (seen.get(base) ?? 0) + 1
    seen.set(base, occurrence)
    return occurrence === 1 ? base : `${base}:${occurrence}`
  })
}
