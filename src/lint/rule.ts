// A lint rule: metadata (id, aliases, default severity, summary) plus a pure
// `check` over the Dockerfile model. The engine (engine.ts) applies config,
// pragmas and severity overrides; rules only say where and what.
import type { Config } from '../config.js'
import type { DockerfileModel } from '../dockerfile/model.js'
import type { RuleMeta } from '../rule-meta.js'

export interface LintContext {
  model: DockerfileModel
  config: Config
  /** Patterns of the build context's .dockerignore; null when there is none; undefined when unknown (e.g. linting stdin). */
  dockerignore?: string[] | null
}

export interface RuleHit {
  line: number
  endLine?: number
  /** Stage index; the engine fills the StageRef. Omit for preamble lines. */
  stage?: number
  message: string
  evidence?: string
}

export interface LintRule extends RuleMeta {
  /** hadolint's "ignore" level: the rule reports only when the config gives it a severity (`stagegate rules` says so). */
  offByDefault?: boolean
  /** Set by the kit's perRun/perCommand: the rule judges each RUN body (the spelling table test feeds it every form). */
  readsRunBodies?: boolean
  phase: 'dockerfile'
  /**
   * An experimental BuildKit check: off unless `# check=experimental=<name>` (or `=all`) enables it
   * or the config gives it a severity, as in BuildKit.
   */
  experimental?: boolean
  check: (context: LintContext) => RuleHit[]
}
