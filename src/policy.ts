// One policy engine for every phase: which findings the user silenced and
// how severe the rest are. Config `ignore` and `severity` (ids and aliases,
// case-insensitive) and inline pragmas (`# stagegate ignore=`, `# hadolint
// ignore=`, next / stage / global) resolve here, for lint rules and image
// checks alike, and for merged findings (a finding is silenced when any of
// its ids is). Pure: the model and the config in, decisions out.
import type { Config } from './config.js'
import type { DockerfileModel } from './dockerfile/model.js'
import type { Finding, Severity } from './finding.js'
import { parsePragmas } from './lint/pragmas.js'
import type { RuleMeta } from './rule-meta.js'

const SHELLCHECK_ID = /^SC\d{4}$/

/** Maps ids and aliases (case-insensitive) to canonical rule ids. */
export interface RuleResolver {
  resolve(idOrAlias: string): string[]
  isKnown(idOrAlias: string): boolean
  /** Canonical ids whose rule carries a BuildKit check name (id or alias). */
  buildkitIds: Set<string>
}

const resolvers = new WeakMap<readonly RuleMeta[], RuleResolver>()

/** A resolver over these rules (cached per list); ShellCheck codes (SC1234) resolve to themselves. */
export function ruleResolver(
  rules: readonly RuleMeta[],
  isBuildkitName: (name: string) => boolean = () => false
): RuleResolver {
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

/** What the config decides: canonical ids to drop (`ignore`, severity `off`) and severity overrides. */
export interface ConfigPolicy {
  skipped: Set<string>
  severity: Map<string, Severity>
}

export function configPolicy(
  config: Pick<Config, 'ignore' | 'severity'>,
  resolver: RuleResolver
): ConfigPolicy {
  const skipped = new Set<string>()
  for (const name of config.ignore) for (const id of resolver.resolve(name)) skipped.add(id)
  const severity = new Map<string, Severity>()
  for (const [name, level] of Object.entries(config.severity)) {
    for (const id of resolver.resolve(name)) {
      if (level === 'off') skipped.add(id)
      else severity.set(id, level)
    }
  }
  return { skipped, severity }
}

/** Inline suppressions of one Dockerfile, indexed so each finding is checked in constant time. */
export interface PragmaIndex {
  /** True when a pragma silences this canonical id at this line (global pragmas at any line). */
  suppresses(ruleId: string, line: number | undefined): boolean
  /** Pragma names no rule answers to, with the pragma's line (lint reports them as SG1000). */
  unknown: { name: string; line: number }[]
}

export function pragmaIndex(
  model: DockerfileModel,
  resolver: RuleResolver,
  isKnown: (name: string) => boolean = name => resolver.isKnown(name)
): PragmaIndex {
  const globalIds = new Set<string>()
  const byLine = new Map<number, Set<string>>()
  const ranges: { ids: Set<string>; fromLine: number; toLine: number }[] = []
  const unknown: { name: string; line: number }[] = []
  for (const pragma of parsePragmas(model)) {
    const ids = new Set<string>()
    for (const name of pragma.ids) {
      const resolved = resolver.resolve(name)
      if (resolved.length === 0 && !isKnown(name)) unknown.push({ name, line: pragma.line })
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
  return {
    unknown,
    suppresses: (ruleId, line) => {
      if (globalIds.has(ruleId)) return true
      if (line === undefined) return false
      if (byLine.get(line)?.has(ruleId)) return true
      if (ranges.length === 0) return false
      return ranges.some(range => range.ids.has(ruleId) && line >= range.fromLine && line <= range.toLine)
    }
  }
}

/** The whole policy for one Dockerfile (and its image): config and pragmas over every rule. */
export interface Policy {
  resolver: RuleResolver
  config: ConfigPolicy
  /** True when the config drops this canonical id (ignore or severity `off`). */
  skips(ruleId: string): boolean
  /** The configured severity of a canonical id, else `fallback`. */
  severityOf(ruleId: string, fallback: Severity): Severity
  /**
   * True when the user silenced this finding: any of its ids (`ruleId` and
   * `also`) skipped by the config, or named by a pragma covering its line (or
   * one of its related lines).
   */
  silences(finding: Pick<Finding, 'ruleId' | 'also' | 'line' | 'relatedLines'>): boolean
}

export interface PolicyOptions {
  config: Pick<Config, 'ignore' | 'severity'>
  rules: readonly RuleMeta[]
  /** The Dockerfile whose pragmas apply (none without one). */
  model?: DockerfileModel
}

export function createPolicy(options: PolicyOptions): Policy {
  const resolver = ruleResolver(options.rules)
  const config = configPolicy(options.config, resolver)
  const pragmas = options.model ? pragmaIndex(options.model, resolver) : undefined
  return {
    resolver,
    config,
    skips: ruleId => config.skipped.has(ruleId),
    severityOf: (ruleId, fallback) => config.severity.get(ruleId) ?? fallback,
    silences: finding => {
      const ids = [finding.ruleId, ...(finding.also ?? [])]
      if (ids.some(id => config.skipped.has(id))) return true
      if (!pragmas) return false
      const lines = [finding.line, ...(finding.relatedLines ?? [])]
      return ids.some(id => lines.some(line => pragmas.suppresses(id, line)))
    }
  }
}
