// Stagegate's own Dockerfile rules (SG1000–SG1016), stage-aware: they read
// the stage graph, the final stage and the build context's .dockerignore.
import type { LintRule } from '../rule.js'
import { STAGEGATE_BASE_RULES } from './stagegate-base.js'
import { STAGEGATE_COPY_RULES } from './stagegate-copy.js'
import { STAGEGATE_RUN_RULES } from './stagegate-run.js'

export const STAGEGATE_RULES: readonly LintRule[] = [
  ...STAGEGATE_RUN_RULES,
  ...STAGEGATE_BASE_RULES,
  ...STAGEGATE_COPY_RULES
].sort((a, b) => a.id.localeCompare(b.id))
