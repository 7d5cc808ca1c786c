// hadolint's LABEL rules: DL3048 (a valid label key) and the label-schema family DL3049–DL3058, driven by the config's `labelSchema`.
import parseSpdx from 'spdx-expression-parse'
import type { Config } from '../../config.js'
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile/model.js'
import {
  baseChain,
  defineRule,
  derivedStages,
  feedsAnotherStage,
  flatMapOf,
  hitAt,
  keyValuePairs,
  keywordInstructions,
  unquoteRaw,
  withTriggers
} from '../kit.js'
import type { LintRule, RuleHit } from '../rule.js'

interface LabelUse {
  key: string
  value: string
  instruction: Instruction
}

function labelsOf(instructions: readonly Instruction[]): LabelUse[] {
  const labels: LabelUse[] = []
  for (const instruction of instructions) {
    if (instruction.keyword !== 'LABEL') continue
    for (const pair of keyValuePairs(instruction)) {
      labels.push({ key: pair.key, value: unquoteRaw(pair.rawValue ?? ''), instruction })
    }
  }
  return labels
}

function allLabels(model: DockerfileModel): LabelUse[] {
  // Every LABEL, those before the first FROM too (hadolint lints every instruction).
  // ONBUILD LABEL is checked as a LABEL (hadolint does): keywordInstructions reads triggers.
  return labelsOf(keywordInstructions(model, 'LABEL'))
}

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.']

/** Docker's label key recommendation: lower-case alphanumerics, dots and dashes, no reserved namespace. */
export function isValidLabelKey(key: string): boolean {
  return (
    /^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key) &&
    !key.includes('..') &&
    !key.includes('--') &&
    !RESERVED_NAMESPACES.some(namespace => key.startsWith(namespace))
  )
}

export const DL3048 = defineRule(
  {
    id: 'DL3048',
    severity: 'note',
    summary: 'Invalid label key'
  },
  ({ model }) => {
    return allLabels(model)
      .filter(label => !isValidLabelKey(label.key))
      .map(label =>
        hitAt(
          label.instruction,
          `Rename label \`${label.key}\` to lower-case letters, digits, dots and dashes (reverse-DNS, e.g. \`org.example.name\`), outside Docker's namespaces.`
        )
      )
  }
)

/**
 * Per stage and per required label, as hadolint evaluates it: a stage is reported at its FROM when
 * the label is set neither in it nor in the stages it is built `FROM`, unless it is not an image
 * of its own: a later stage copies or mounts from it, or a stage built FROM it sets the label.
 * Stages after the build target are not built and not reported.
 */
export const DL3049 = defineRule(
  {
    id: 'DL3049',
    severity: 'note',
    summary: 'A label required by the label schema is missing'
  },
  ({ model, config }) => {
    const required = Object.keys(config.labelSchema)
    if (required.length === 0) return []
    const keysOf = (stage: Stage): Set<string> =>
      new Set(labelsOf(withTriggers(model, stage.instructions)).map(label => label.key))
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      if (stage.index > model.finalStage) break
      if (feedsAnotherStage(model, stage)) continue
      const own = new Set(flatMapOf(baseChain(model, stage), link => [...keysOf(link)]))
      const derived = new Set(flatMapOf(derivedStages(model, stage), link => [...keysOf(link)]))
      for (const key of required) {
        if (own.has(key) || derived.has(key)) continue
        hits.push(
          hitAt(
            stage.instructions[0] as Instruction,
            stage.final
              ? `Add \`LABEL ${key}=...\` to the final stage: the label schema requires it.`
              : `Add \`LABEL ${key}=...\` to this stage (or to a stage built FROM it): the label schema requires it.`
          )
        )
      }
    }
    return hits
  }
)

export const DL3050 = defineRule(
  {
    id: 'DL3050',
    severity: 'note',
    summary: 'Superfluous label present (with `strictLabels`)'
  },
  ({ model, config }) => {
    if (!config.strictLabels) return []
    return allLabels(model)
      .filter(label => !Object.hasOwn(config.labelSchema, label.key))
      .map(label =>
        hitAt(
          label.instruction,
          `Remove label \`${label.key}\` or add it to the label schema: strict labels allow only schema labels.`
        )
      )
  }
)

/** Labels of the schema, with the type the schema gives them. */
function schemaLabels(model: DockerfileModel, config: Config): (LabelUse & { type: string })[] {
  if (Object.keys(config.labelSchema).length === 0) return []
  return flatMapOf(allLabels(model), label =>
    Object.hasOwn(config.labelSchema, label.key)
      ? [{ ...label, type: (config.labelSchema[label.key] as string).toLowerCase() }]
      : []
  )
}

export const DL3051 = defineRule(
  {
    id: 'DL3051',
    severity: 'warning',
    summary: 'A label of the label schema is empty'
  },
  ({ model, config }) => {
    return schemaLabels(model, config)
      .filter(label => label.value.trim() === '')
      .map(label =>
        hitAt(label.instruction, `Give label \`${label.key}\` a value: the label schema requires it.`)
      )
  }
)

export function isUrl(value: string): boolean {
  if (/\s/.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

export function isRfc3339(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(
    value
  )
  if (!match) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  const daysInMonth = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate()
  const offsetOk = match[9] === undefined || (Number(match[9]) <= 23 && Number(match[10]) <= 59)
  return (
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth &&
    (hour as number) <= 23 &&
    (minute as number) <= 59 &&
    (second as number) <= 60 &&
    offsetOk
  )
}

/**
 * An SPDX license expression (`MIT`, `GPL-2.0-or-later`, `LicenseRef-x`, `(MIT OR Apache-2.0)`,
 * `... WITH Classpath-exception-2.0`), every id checked against the SPDX license and exception
 * lists as hadolint checks it: spdx-expression-parse (the parser npm uses) ships those lists, so
 * a well-formed name that is not an SPDX id (`not-spdx`, `GPLv3`) is refused.
 */
export function isSpdxExpression(value: string): boolean {
  try {
    parseSpdx(value)
    return true
  } catch {
    return false
  }
}

export function isGitHash(value: string): boolean {
  return /^[0-9a-fA-F]{7,40}$/.test(value) || /^[0-9a-fA-F]{64}$/.test(value)
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

export function isSemver(value: string): boolean {
  return SEMVER.test(value)
}

export function isEmail(value: string): boolean {
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
      value
    ) &&
    !value.split('@')[0]?.startsWith('.') &&
    !value.includes('..')
  )
}

/** A rule for one schema type: every non-empty label of that type whose value fails `valid`. */
function typedLabelRule(
  id: string,
  type: string,
  summary: string,
  severity: LintRule['severity'],
  valid: (value: string) => boolean,
  what: string
): LintRule {
  return defineRule({ id, severity, summary }, ({ model, config }) => {
    const hits: RuleHit[] = []
    for (const label of schemaLabels(model, config)) {
      if (label.type !== type || label.value.trim() === '' || label.value.includes('$')) continue
      if (!valid(label.value))
        hits.push(
          hitAt(label.instruction, `Set label \`${label.key}\` to ${what}; \`${label.value}\` is not.`)
        )
    }
    return hits
  })
}

export const DL3052 = typedLabelRule(
  'DL3052',
  'url',
  'A label of the schema is not a valid URL',
  'warning',
  isUrl,
  'an absolute URL (RFC 3986)'
)
export const DL3053 = typedLabelRule(
  'DL3053',
  'rfc3339',
  'A label of the schema is not an RFC 3339 time',
  'warning',
  isRfc3339,
  'an RFC 3339 time such as `2024-05-01T12:00:00Z`'
)
export const DL3054 = typedLabelRule(
  'DL3054',
  'spdx',
  'A label of the schema is not a valid SPDX license identifier',
  'warning',
  isSpdxExpression,
  'an SPDX license expression such as `Apache-2.0` or `MIT OR GPL-3.0-only`'
)
export const DL3055 = typedLabelRule(
  'DL3055',
  'hash',
  'A label of the schema is not a valid git hash',
  'warning',
  isGitHash,
  'a git commit hash'
)
export const DL3056 = typedLabelRule(
  'DL3056',
  'semver',
  'A label of the schema does not conform to semantic versioning',
  'warning',
  isSemver,
  'a semantic version such as `1.4.2`'
)
export const DL3058 = typedLabelRule(
  'DL3058',
  'email',
  'A label of the schema is not a valid email address',
  'warning',
  isEmail,
  'an email address (RFC 5322)'
)
