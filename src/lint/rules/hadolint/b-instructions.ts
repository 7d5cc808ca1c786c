// hadolint's part-B rules about instructions rather than package managers:
// pragmas, ONBUILD triggers, ENV self-references, COPY destinations,
// consecutive RUNs, instruction order, stage names, secrets in ARG/ENV,
// platforms, user ids, whole-filesystem copies, MAINTAINER, repeated
// CMD/ENTRYPOINT and HEALTHCHECK. Stage-aware where the image is what matters.
import type { DockerfileModel, Instruction, Stage } from '../../../dockerfile/model.js'
import type { RuleHit } from '../../rule.js'
import { isSecretName } from '../buildkit.js'
import {
  definitionsBefore,
  finalImageStages,
  hitAt,
  keyValuePairs,
  perInstruction,
  runBody,
  stageAtLine,
  type PartBRule
} from './b-helpers.js'

/** `# hadolint ignore=...` / `# stagegate ignore=...` (the next-instruction forms, not `global`/`stage`). */
const INLINE_IGNORE = /^(hadolint|stagegate)[ \t]+ignore[ \t]*=/i

export const DL1001: PartBRule = {
  id: 'DL1001',
  aliases: [],
  severity: 'note',
  phase: 'dockerfile',
  summary: 'Refrain from inline ignore pragmas (`# hadolint ignore=DLxxxx`)',
  offByDefault: true,
  check({ model }) {
    return model.comments
      .filter(comment => INLINE_IGNORE.test(comment.text))
      .map(comment => {
        const hit: RuleHit = {
          line: comment.line,
          message: 'Fix the finding or ignore the rule in the config file instead of an inline ignore pragma.'
        }
        const stage = stageAtLine(model, comment.line)
        if (stage !== undefined) hit.stage = stage
        return hit
      })
  }
}

/** Triggers that are not allowed inside ONBUILD. */
const ONBUILD_FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER'])

export const DL3043 = perInstruction(
  {
    id: 'DL3043',
    aliases: [],
    severity: 'error',
    summary: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD`'
  },
  ['ONBUILD'],
  instruction => {
    const trigger = (/^\S+/.exec(instruction.args)?.[0] ?? '').toUpperCase()
    return ONBUILD_FORBIDDEN.has(trigger)
      ? `Remove \`ONBUILD ${trigger}\`: ${trigger} is not allowed as an ONBUILD trigger.`
      : undefined
  },
  'with-preamble'
)

/** Variables a raw ENV value expands: `$X`, `${X}`, `${X:-y}`; single-quoted and escaped `$` excluded. */
export function expandedNames(raw: string, escape = '\\'): string[] {
  const names: string[] = []
  let quote: string | undefined
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string
    if (quote === "'") {
      if (ch === "'") quote = undefined
      continue
    }
    if (ch === escape) {
      i++
      continue
    }
    if (ch === '"') quote = quote === '"' ? undefined : '"'
    else if (ch === "'" && quote === undefined) quote = "'"
    else if (ch === '$') {
      const braced = raw[i + 1] === '{'
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + (braced ? 2 : 1)))
      if (match) names.push(match[0])
    }
  }
  return names
}

/** Names defined (ENV, ARG) in the stage before `line`, and in the stages it is based on. */
function definedBefore(model: DockerfileModel, stage: Stage, line: number): Set<string> {
  return new Set([
    ...model.globalArgs.map(arg => arg.name),
    ...definitionsBefore(model, stage, line).map(pair => pair.key)
  ])
}

export const DL3044 = perInstruction(
  {
    id: 'DL3044',
    aliases: [],
    severity: 'error',
    summary: 'Do not refer to an environment variable within the same `ENV` statement where it is defined'
  },
  ['ENV'],
  (instruction, model) => {
    const pairs = keyValuePairs(instruction)
    const stage = model.stages[instruction.stage]
    if (pairs.length < 2 || !stage) return undefined
    const earlier = definedBefore(model, stage, instruction.line)
    const selfReferenced: string[] = []
    pairs.forEach((pair, index) => {
      for (const name of expandedNames(pair.rawValue ?? '')) {
        const definedHere = pairs.some((other, j) => j !== index && other.key === name)
        if (definedHere && !earlier.has(name) && !selfReferenced.includes(name)) selfReferenced.push(name)
      }
    })
    return selfReferenced.length > 0
      ? `Define ${selfReferenced.map(n => `\`${n}\``).join(', ')} in an earlier ENV: a value cannot use a variable set in the same ENV.`
      : undefined
  }
)

/** An absolute container path, a Windows drive path, or a variable (which may well be absolute). */
function isAbsoluteDestination(dest: string): boolean {
  return dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest)
}

/** Stage-aware: a WORKDIR set in the stage, or in a stage it is based on (`FROM builder`), counts. */
export const DL3045: PartBRule = {
  id: 'DL3045',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: '`COPY` to a relative destination without `WORKDIR` set',
  check({ model }) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const base = stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined
      let workdirSet = base?.workdir !== undefined
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'WORKDIR') workdirSet = true
        if (instruction.keyword !== 'COPY' || workdirSet || instruction.argv.length < 2) continue
        const dest = instruction.argv[instruction.argv.length - 1] as string
        if (!isAbsoluteDestination(dest)) {
          hits.push(
            hitAt(
              instruction,
              `Set a WORKDIR before this COPY or give an absolute destination instead of \`${dest}\`.`
            )
          )
        }
      }
    }
    return hits
  }
}

/**
 * Two RUNs in a row (comments between them do not count) with the same flags,
 * each running at most two commands: they could be one layer. A RUN of more
 * commands is taken as a deliberate split.
 */
export const DL3059: PartBRule = {
  id: 'DL3059',
  aliases: [],
  severity: 'note',
  phase: 'dockerfile',
  summary: 'Multiple consecutive `RUN` instructions; consider consolidation',
  check({ model }) {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      let previous: { flags: string; commands: number } | undefined
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN') {
          previous = undefined
          continue
        }
        const current = {
          flags: JSON.stringify(instruction.flags),
          commands: runBody(instruction)?.commands.length ?? 0
        }
        if (previous && previous.flags === current.flags && previous.commands <= 2 && current.commands <= 2) {
          hits.push(hitAt(instruction, 'Merge this RUN into the previous one (with `&&`) to save a layer.'))
        }
        previous = current
      }
    }
    return hits
  }
}

export const DL3061: PartBRule = {
  id: 'DL3061',
  aliases: [],
  severity: 'error',
  phase: 'dockerfile',
  summary: 'Invalid instruction order: a Dockerfile must begin with `FROM`, `ARG` or a comment',
  check({ model }) {
    return model.preamble
      .filter(instruction => instruction.keyword !== 'ARG')
      .map(instruction =>
        // Before the first FROM: hitAt gives the hit no stage.
        hitAt(
          instruction,
          `Move \`${instruction.keyword}\` after the first FROM: only ARG may come before it.`
        )
      )
  }
}

/** Names BuildKit gives a meaning of its own in `FROM`/`--from`. */
const RESERVED_STAGE_NAMES = new Set(['scratch', 'context'])

export const DL3063: PartBRule = {
  id: 'DL3063',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: 'Stage name should not be a reserved word (`scratch`, `context`)',
  check({ model }) {
    return model.stages
      .filter(stage => stage.name !== undefined && RESERVED_STAGE_NAMES.has(stage.name.toLowerCase()))
      .map(stage =>
        hitAt(
          stage.instructions[0] as Instruction,
          `Rename the stage \`${stage.name}\`: it is a reserved word in FROM and --from.`
        )
      )
  }
}

/** Words of a variable name: `GITHUB_TOKEN` → github, token; `apiKey` → api, key. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(word => word !== '')
}

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'privatekey'
])
const SECRET_KEY_QUALIFIERS = new Set([
  'api',
  'private',
  'client',
  'access',
  'secret',
  'auth',
  'signing',
  'encryption'
])
/** A name that ends like these points at a secret rather than holding one. */
const POINTER_SUFFIXES = new Set(['file', 'path', 'dir', 'url'])

/** No words, or a last word of POINTER_SUFFIXES: the name says where a secret is, not the secret. */
function isPointerName(words: readonly string[]): boolean {
  return words.length === 0 || POINTER_SUFFIXES.has(words[words.length - 1] as string)
}

/** True when a variable name looks like it holds a credential (hadolint's word heuristic). */
export function looksSensitive(name: string): boolean {
  const words = nameWords(name)
  if (isPointerName(words)) return false
  return words.some(
    (word, i) =>
      SECRET_WORDS.has(word) || (word === 'key' && i > 0 && SECRET_KEY_QUALIFIERS.has(words[i - 1] as string))
  )
}

/**
 * DL3064's test: hadolint's word heuristic or BuildKit's SecretsUsedInArgOrEnv pattern (which also
 * catches `auth`, `pword` and any `_KEY` part), since DL3064 stands for both. Names ending in a
 * pointer suffix (`_FILE`, `_PATH` ...) hold where the secret is, not the secret, for both.
 */
export function isSensitiveName(name: string): boolean {
  if (isPointerName(nameWords(name))) return false
  return looksSensitive(name) || isSecretName(name)
}

export const DL3064 = perInstruction(
  {
    id: 'DL3064',
    aliases: [],
    severity: 'warning',
    summary: 'Potentially sensitive data should not be used in `ARG` or `ENV`'
  },
  ['ARG', 'ENV'],
  instruction => {
    const names = keyValuePairs(instruction)
      .map(pair => pair.key)
      .filter(isSensitiveName)
    return names.length > 0
      ? `Pass ${names.map(n => `\`${n}\``).join(', ')} with \`RUN --mount=type=secret\` instead of ${instruction.keyword}: ${instruction.keyword} values stay in the image metadata.`
      : undefined
  },
  'with-preamble'
)

export const DL3065: PartBRule = {
  id: 'DL3065',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: '`FROM --platform=$TARGETPLATFORM` is redundant: it is the default',
  check({ model }) {
    return model.stages
      .filter(stage => stage.platform !== undefined && /^\$\{?TARGETPLATFORM\}?$/.test(stage.platform.trim()))
      .map(stage =>
        hitAt(
          stage.instructions[0] as Instruction,
          'Remove `--platform=$TARGETPLATFORM` from FROM: stages build for the target platform by default.'
        )
      )
  }
}

/** Stage-aware: only USERs of the stages that make the final image (the final stage and its FROM chain). */
export const DL3066 = perInstruction(
  {
    id: 'DL3066',
    aliases: [],
    severity: 'note',
    summary: 'A non-numeric user id may not be resolvable by the host system'
  },
  ['USER'],
  instruction => {
    const user = instruction.argv[0] ?? ''
    const uid = user.split(':')[0] as string
    // `root` is UID 0 everywhere (and DL3002's business in the final stage).
    if (uid === '' || uid === 'root' || uid.includes('$') || /^\d+$/.test(uid)) return undefined
    return `Use a numeric UID (e.g. \`USER 10001\`) instead of \`${uid}\` so the runtime can verify a non-root user.`
  },
  'final-image'
)

/**
 * `COPY --from=X /` copies the stage's whole filesystem. Stage-aware: a stage
 * built `FROM scratch` holds only what was put there for export, so copying
 * all of it is the point and is not reported.
 */
export const DL3067: PartBRule = {
  id: 'DL3067',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: 'Do not copy an entire filesystem (`/`) from another stage or image',
  check({ model }) {
    const hits: RuleHit[] = []
    for (const edge of model.edges) {
      if (edge.kind !== 'copy' || !edge.sources.some(source => source === '/' || source === '/.')) continue
      const from = edge.from !== undefined ? model.stages[edge.from] : undefined
      if (from && from.base.toLowerCase() === 'scratch') continue
      const stage = model.stages[edge.to]
      const instruction = stage?.instructions.find(i => i.line === edge.line && i.keyword === 'COPY')
      if (!instruction) continue
      const origin = from ? `stage \`${from.name ?? from.index}\`` : `\`${edge.image ?? ''}\``
      hits.push(
        hitAt(instruction, `Copy only the files you need from ${origin}, not its whole filesystem \`/\`.`)
      )
    }
    return hits
  }
}

/** Stage-aware: a HEALTHCHECK (even `HEALTHCHECK NONE`) in the final stage or a stage it is based on counts. */
export const DL3057: PartBRule = {
  id: 'DL3057',
  aliases: [],
  severity: 'note',
  phase: 'dockerfile',
  summary: '`HEALTHCHECK` instruction missing',
  offByDefault: true,
  check({ model }) {
    const final = model.stages[model.finalStage]
    if (!final) return []
    for (const index of finalImageStages(model)) {
      if (model.stages[index]?.instructions.some(i => i.keyword === 'HEALTHCHECK')) return []
    }
    return [
      hitAt(
        final.instructions[0] as Instruction,
        'Add a HEALTHCHECK to the final stage so the runtime can tell when the container is unhealthy.'
      )
    ]
  }
}

export const DL4000 = perInstruction(
  {
    id: 'DL4000',
    aliases: [],
    severity: 'error',
    summary: '`MAINTAINER` is deprecated'
  },
  ['MAINTAINER'],
  () => 'Replace MAINTAINER with `LABEL org.opencontainers.image.authors="..."`.',
  'with-preamble'
)

/** Stage-aware: a repeated keyword in one stage (only the last one takes effect) is reported at each extra occurrence. */
function repeatedPerStage(model: DockerfileModel, keyword: string, message: string): RuleHit[] {
  const hits: RuleHit[] = []
  for (const stage of model.stages) {
    const found = stage.instructions.filter(instruction => instruction.keyword === keyword)
    for (const instruction of found.slice(1)) hits.push(hitAt(instruction, message))
  }
  return hits
}

export const DL4003: PartBRule = {
  id: 'DL4003',
  aliases: [],
  severity: 'warning',
  phase: 'dockerfile',
  summary: 'Multiple `CMD` instructions in one stage',
  check({ model }) {
    return repeatedPerStage(model, 'CMD', 'Keep one CMD per stage: only the last one takes effect.')
  }
}

export const DL4004: PartBRule = {
  id: 'DL4004',
  aliases: [],
  severity: 'error',
  phase: 'dockerfile',
  summary: 'Multiple `ENTRYPOINT` instructions in one stage',
  check({ model }) {
    return repeatedPerStage(
      model,
      'ENTRYPOINT',
      'Keep one ENTRYPOINT per stage: only the last one takes effect.'
    )
  }
}
