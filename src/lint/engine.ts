// The lint engine: runs the rules over the model, then applies policy in one
// place: config `ignore` and `severity` (by id or alias), inline pragmas,
// BuildKit's `# check=` directive, stage attribution and stable order.
// Extra findings from outside the rule set (shellcheck's SC findings) go
// through the same policy.
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import { compareFindings, type Finding, type Severity, type StageRef } from '../finding.js'
import { BUILDKIT_CHECK_NAMES } from './aliases.js'
import { stageAtLine, stageRefOf } from '../dockerfile/query.js'
import { isOffByDefault, LINT_RULES } from './catalog.js'
import { parseCheckDirective, parsePragmas } from './pragmas.js'
import type { LintRule } from './rule.js'

export { stageAtLine }

export const UNKNOWN_PRAGMA_RULE = 'SG1000'
const SHELLCHECK_ID = /^SC\d{4}$/

export interface LintModelContext {
  config: Config
  /** Patterns of the build context's .dockerignore; null when there is none; undefined when unknown. */
  dockerignore?: string[] | null
  /** Defaults to every rule in the catalog. */
  rules?: readonly LintRule[]
  /** Findings made outside the rules (e.g. shellcheck), filtered by the same policy. */
  extraFindings?: readonly Finding[]
}

export interface LintResult {
  findings: Finding[]
  /** Problems of the linter itself (a rule that threw), for the caller to print once. */
  notices: string[]
}

/** Maps ids and aliases (case-insensitive) to canonical rule ids. */
export interface RuleResolver {
  resolve(idOrAlias: string): string[]
  isKnown(idOrAlias: string): boolean
  /** Canonical ids whose rule carries a BuildKit check name (id or alias). */
  buildkitIds: Set<string>
}

const resolvers = new WeakMap<readonly LintRule[], RuleResolver>()

export function ruleResolver(rules: readonly LintRule[] = LINT_RULES): RuleResolver {
  const cached = resolvers.get(rules)
  if (cached) return cached
  const byName = new Map<string, string[]>()
  const add = (name: string, id: string): void => {
    const key = name.toLowerCase()
    const ids = byName.get(key)
    if (!ids) byName.set(key, [id])
    else if (!ids.includes(id)) ids.push(id)
  }
  const buildkitIds = new Set<string>()
  for (const rule of rules) {
    add(rule.id, rule.id)
    for (const alias of rule.aliases) add(alias, rule.id)
    if (isBuildkitName(rule.id) || rule.aliases.some(isBuildkitName)) buildkitIds.add(rule.id)
  }
  const resolver: RuleResolver = {
    resolve: name =>
      byName.get(name.toLowerCase()) ?? (SHELLCHECK_ID.test(name.toUpperCase()) ? [name.toUpperCase()] : []),
    isKnown: name => byName.has(name.toLowerCase()) || SHELLCHECK_ID.test(name.toUpperCase()),
    buildkitIds
  }
  resolvers.set(rules, resolver)
  return resolver
}

const BUILDKIT_NAMES = new Set(BUILDKIT_CHECK_NAMES)

function isBuildkitName(name: string): boolean {
  return BUILDKIT_NAMES.has(name)
}

export function lintModel(model: DockerfileModel, context: LintModelContext): Finding[] {
  return lintModelDetailed(model, context).findings
}

export function lintModelDetailed(model: DockerfileModel, context: LintModelContext): LintResult {
  return lintModelUncached(model, context)
}

function lintModelUncached(model: DockerfileModel, context: LintModelContext): LintResult {
  const rules = context.rules ?? LINT_RULES
  const resolver = ruleResolver(rules)
  const notices: string[] = []
  const config = context.config

  // Rules dropped before running: config ignore, severity 'off', `# check=skip=`.
  const skipped = new Set<string>()
  for (const name of config.ignore) for (const id of resolver.resolve(name)) skipped.add(id)
  const severityOverride = new Map<string, Severity>()
  for (const [name, severity] of Object.entries(config.severity)) {
    for (const id of resolver.resolve(name)) {
      if (severity === 'off') skipped.add(id)
      else severityOverride.set(id, severity)
    }
  }
  const check = parseCheckDirective(model)
  if (check) {
    if (check.skipAll) for (const id of resolver.buildkitIds) skipped.add(id)
    for (const name of check.skip) for (const id of resolver.resolve(name)) skipped.add(id)
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
    if (skipped.has(rule.id)) continue
    if (!enabled(rule)) continue
    let hits
    try {
      hits = rule.check(lintContext)
    } catch (error) {
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
  for (const extra of context.extraFindings ?? []) {
    if (skipped.has(extra.ruleId)) continue
    raw.push(extra.stage === undefined && extra.line !== undefined ? withStage(model, extra) : extra)
  }

  // Pragmas: unknown ids are the Dockerfile's fault, reported as findings.
  const pragmas = parsePragmas(model)
  // Suppressions indexed so each finding is checked in constant time: global ids, and
  // per-line ids for `next` pragmas; `stage` pragmas are few ranges per stage.
  const globalIds = new Set<string>()
  const byLine = new Map<number, Set<string>>()
  const ranges: { ids: Set<string>; fromLine: number; toLine: number }[] = []
  for (const pragma of pragmas) {
    const ids = new Set<string>()
    for (const name of pragma.ids) {
      const resolved = resolver.resolve(name)
      if (resolved.length === 0 && !skipped.has(UNKNOWN_PRAGMA_RULE)) {
        raw.push(
          withStage(model, {
            ruleId: UNKNOWN_PRAGMA_RULE,
            severity: ruleSeverity(rules, UNKNOWN_PRAGMA_RULE),
            message: `Unknown rule id "${name}" in an ignore pragma: check the spelling (see \`stagegate rules\`).`,
            line: pragma.line
          })
        )
      }
      for (const id of resolved) ids.add(id)
    }
    if (ids.size === 0) continue
    if (pragma.scope === 'global') for (const id of ids) globalIds.add(id)
    else if (pragma.scope === 'next' && pragma.toLine - pragma.fromLine < 10_000) {
      for (let line = pragma.fromLine; line <= pragma.toLine; line++) {
        const set = byLine.get(line)
        if (set) for (const id of ids) set.add(id)
        else byLine.set(line, new Set(ids))
      }
    } else ranges.push({ ids, fromLine: pragma.fromLine, toLine: pragma.toLine })
  }
  const suppressed = (finding: Finding): boolean => {
    if (globalIds.has(finding.ruleId)) return true
    const line = finding.line ?? 0
    if (byLine.get(line)?.has(finding.ruleId)) return true
    if (ranges.length === 0) return false
    return ranges.some(
      range => range.ids.has(finding.ruleId) && line >= range.fromLine && line <= range.toLine
    )
  }

  const findings: Finding[] = []
  for (const finding of raw) {
    if (suppressed(finding)) continue
    const override = severityOverride.get(finding.ruleId)
    if (override) finding.severity = override
    else if (check?.error && resolver.buildkitIds.has(finding.ruleId)) finding.severity = 'error'
    if (finding.file === undefined) finding.file = model.path
    findings.push(finding)
  }
  findings.sort(compareInFile)
  return { findings, notices }
}

const collator = new Intl.Collator()
const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 }

/**
 * compareFindings' order for findings of one file (the file key is equal), with a shared
 * collator instead of String#localeCompare, which is far slower on large result sets.
 */
function compareInFile(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.file === b.file ? 0 : compareFindings(a, b)) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    collator.compare(a.ruleId, b.ruleId) ||
    collator.compare(a.path ?? '', b.path ?? '')
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
