// The lint engine: runs the rules over the model, then applies policy in one
// place: config `ignore` and `severity` (by id or alias), inline pragmas,
// BuildKit's `# check=` directive, stage attribution and stable order.
// Extra findings from outside the rule set (shellcheck's SC findings) go
// through the same policy.
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import {
  compareFindings,
  compareRuleIds,
  compareText,
  type Finding,
  type Severity,
  type StageRef
} from '../finding.js'
import { BUILDKIT_CHECK_NAMES, SAME_LINE_OVERLAPS } from './aliases.js'
import { stageAtLine, stageRefOf } from '../dockerfile/query.js'
import { isOffByDefault, LINT_RULES } from './catalog.js'
import { parseCheckDirective } from './pragmas.js'
import type { LintRule } from './rule.js'
import { isImageCheckName } from '../checks/catalog.js'
import { configPolicy, pragmaIndex, ruleResolver as policyResolver, type RuleResolver } from '../policy.js'

export { stageAtLine }

export const UNKNOWN_PRAGMA_RULE = 'SG1000'

export interface LintModelContext {
  config: Config
  /** Patterns of the build context's .dockerignore; null when there is none; undefined when unknown. */
  dockerignore?: string[] | null
  /** Defaults to every rule in the catalog. */
  rules?: readonly LintRule[]
  /** Findings made outside the rules (e.g. shellcheck), filtered by the same policy. */
  extraFindings?: readonly Finding[]
  /** Run config-skipped rules too and return what the policy silenced in `silenced` (for the merge). */
  keepSilenced?: boolean
  /**
   * The value of BuildKit's `BUILDKIT_DOCKERFILE_CHECK` build arg (`skip=A,B;error=true`): as in
   * BuildKit, it replaces the Dockerfile's `# check=` directive.
   */
  checkDirective?: string
}

export interface LintResult {
  findings: Finding[]
  /** Problems of the linter itself (a rule that threw), for the caller to print once. */
  notices: string[]
  /** With `keepSilenced`: what the policy silenced (the merge silences what they confirm). */
  silenced?: Finding[]
}

export type { RuleResolver }

/** The lint rules' resolver (policy.ts builds it), BuildKit check names marked. */
export function ruleResolver(rules: readonly LintRule[] = LINT_RULES): RuleResolver {
  return policyResolver(rules, isBuildkitName)
}

const BUILDKIT_NAMES = new Set(BUILDKIT_CHECK_NAMES)

function isBuildkitName(name: string): boolean {
  return BUILDKIT_NAMES.has(name)
}

export function lintModel(model: DockerfileModel, context: LintModelContext): Finding[] {
  return lintModelDetailed(model, context).findings
}

export function lintModelDetailed(model: DockerfileModel, context: LintModelContext): LintResult {
  return startLint(model, context)(context.extraFindings ?? [])
}

/**
 * Runs the rules now and returns the policy step, which takes the findings made outside the
 * rules (`extraFindings`, shellcheck's) when they are there: lint-file.ts runs the rules while
 * shellcheck works.
 */
export function startLint(
  model: DockerfileModel,
  context: Omit<LintModelContext, 'extraFindings'>
): (extraFindings: readonly Finding[]) => LintResult {
  const rules = context.rules ?? LINT_RULES
  const resolver = ruleResolver(rules)
  const notices: string[] = []
  const config = context.config

  // Rules dropped before running: config ignore, severity 'off' (policy.ts), `# check=skip=`.
  // As BuildKit runs them, `skip=` does not apply to experimental checks: naming one in
  // `experimental=` enables it even beside `skip=all`.
  const { skipped, severity: severityOverride } = configPolicy(config, resolver)
  const check = parseCheckDirective(model, context.checkDirective)
  if (check) {
    const experimentalIds = new Set(rules.filter(rule => rule.experimental === true).map(rule => rule.id))
    const skip = (id: string): void => {
      if (!experimentalIds.has(id)) skipped.add(id)
    }
    if (check.skipAll) for (const id of resolver.buildkitIds) skip(id)
    for (const name of check.skip) for (const id of resolver.resolve(name)) skip(id)
  }
  const experimentalOn = new Set<string>()
  if (check)
    for (const name of check.experimental) for (const id of resolver.resolve(name)) experimentalOn.add(id)
  const enabled = (rule: LintRule): boolean => {
    if (severityOverride.has(rule.id)) return true
    if (rule.experimental === true) return check?.experimentalAll === true || experimentalOn.has(rule.id)
    return !isOffByDefault(rule)
  }

  const raw: Finding[] = []
  const lintContext =
    context.dockerignore === undefined
      ? { model, config }
      : { model, config, dockerignore: context.dockerignore }
  for (const rule of rules) {
    if (skipped.has(rule.id) && context.keepSilenced !== true) continue
    if (!enabled(rule)) continue
    let hits
    try {
      hits = rule.check(lintContext)
    } catch (error) {
      if (!skipped.has(rule.id))
        notices.push(
          `rule ${rule.id} failed on ${model.path}: ${error instanceof Error ? error.message : String(error)}`
        )
      continue
    }
    for (const hit of hits) {
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        message: hit.message,
        line: hit.line
      }
      if (hit.endLine !== undefined && hit.endLine !== hit.line) finding.endLine = hit.endLine
      if (hit.stage !== undefined) finding.stage = stageRefAt(model, hit.stage)
      if (hit.evidence !== undefined) finding.evidence = hit.evidence
      raw.push(finding)
    }
  }
  return finishLint
  function finishLint(extraFindings: readonly Finding[]): LintResult {
    for (const extra of extraFindings) {
      if (skipped.has(extra.ruleId)) continue
      raw.push(extra.stage === undefined && extra.line !== undefined ? withStage(model, extra) : extra)
    }

    // Pragmas (policy.ts): unknown ids are the Dockerfile's fault, reported as findings. An image
    // check's id is known: pragmas silence image findings on their line too.
    const pragmas = pragmaIndex(model, resolver, name => resolver.isKnown(name) || isImageCheckName(name))
    if (!skipped.has(UNKNOWN_PRAGMA_RULE)) {
      for (const { name, line } of pragmas.unknown) {
        raw.push(
          withStage(model, {
            ruleId: UNKNOWN_PRAGMA_RULE,
            severity: ruleSeverity(rules, UNKNOWN_PRAGMA_RULE),
            message: `Unknown rule id "${name}" in an ignore pragma: check the spelling (see \`stagegate rules\`).`,
            line
          })
        )
      }
    }
    const suppressed = (finding: Finding): boolean => pragmas.suppresses(finding.ruleId, finding.line ?? 0)

    const findings: Finding[] = []
    const silenced: Finding[] = []
    for (const finding of raw) {
      if (suppressed(finding) || skipped.has(finding.ruleId)) {
        if (context.keepSilenced === true) silenced.push(finding)
        continue
      }
      const override = severityOverride.get(finding.ruleId)
      if (override) finding.severity = override
      else if (check?.error && resolver.buildkitIds.has(finding.ruleId)) finding.severity = 'error'
      if (finding.file === undefined) finding.file = model.path
      findings.push(finding)
    }
    dropOverlaps(findings)
    findings.sort(compareInFile)
    return { findings, notices, ...(context.keepSilenced === true ? { silenced } : {}) }
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 }

/**
 * SAME_LINE_OVERLAPS, in place: a `dropped` rule's finding on a line where the `kept` rule has one
 * is removed, and the kept finding takes the higher of the two severities. Run on the findings
 * left after ignores and pragmas, so silencing either rule leaves the other's finding.
 */
function dropOverlaps(findings: Finding[]): void {
  for (const { kept, dropped } of SAME_LINE_OVERLAPS) {
    const keptAt = new Map<string, Finding>()
    for (const finding of findings)
      if (finding.ruleId === kept) keptAt.set(`${finding.file ?? ''}\0${finding.line ?? 0}`, finding)
    if (keptAt.size === 0) continue
    let write = 0
    for (const finding of findings) {
      const keeper =
        finding.ruleId === dropped ? keptAt.get(`${finding.file ?? ''}\0${finding.line ?? 0}`) : undefined
      if (keeper) {
        if (RANK[finding.severity] < RANK[keeper.severity]) keeper.severity = finding.severity
        continue
      }
      findings[write++] = finding
    }
    findings.length = write
  }
}

/**
 * compareFindings' order for findings of one file (the file key is equal), without its
 * severity lookups: rule ids compare without a collator, paths through a shared one.
 */
function compareInFile(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.file === b.file ? 0 : compareFindings(a, b)) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareRuleIds(a.ruleId, b.ruleId) ||
    compareText(a.path ?? '', b.path ?? '')
  )
}

function ruleSeverity(rules: readonly LintRule[], id: string): Severity {
  return rules.find(rule => rule.id === id)?.severity ?? 'warning'
}

/** The StageRef of a rule hit's stage index (an index past the stages still names it, as not final). */
function stageRefAt(model: DockerfileModel, index: number): StageRef {
  const stage = model.stages[index]
  return stage ? stageRefOf(stage) : { index, final: false }
}

function withStage(model: DockerfileModel, finding: Finding): Finding {
  const index = finding.line !== undefined ? stageAtLine(model, finding.line) : undefined
  return index === undefined ? finding : { ...finding, stage: stageRefAt(model, index) }
}
