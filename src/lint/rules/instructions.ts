// hadolint's rules about single instructions: WORKDIR, EXPOSE, CMD/ENTRYPOINT/HEALTHCHECK repeats, JSON form, ONBUILD triggers, ENV self-references, instruction order, secrets in ARG/ENV, user ids, MAINTAINER, pragmas.
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile/model.js'
import { setsShell, stageAtLine } from '../../dockerfile/query.js'
import {
  baseStagesHave,
  defineRule,
  definitionsBefore,
  flatMapOf,
  hitAt,
  instructions,
  keyValuePairs,
  keywordInstructions,
  perInstruction,
  triggerOf,
  unquoteRaw
} from '../kit.js'
import type { RuleHit } from '../rule.js'
import { isFilePathValue } from '../../checks/secrets.js'
import { isSecretName } from './buildkit.js'

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')
}

function dropQuotes(text: string): string {
  const quote = text[0]
  if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote)) return text.slice(1, -1)
  return text.replace(/^["']/, '')
}

export const DL3000 = defineRule(
  { id: 'DL3000', severity: 'error', summary: 'Use absolute WORKDIR.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    const judge = (workdir: Instruction): void => {
      // Judged on the text as written, quotes dropped: with the default escape `WORKDIR "C:\\"` would
      // otherwise lose its backslash (hadolint reads it as written too).
      if (workdir.argv.length > 0 && !isAbsolutePath(dropQuotes(workdir.args.trim())))
        hits.push(
          hitAt(
            workdir,
            `Use an absolute path in WORKDIR (e.g. \`/${workdir.argv.join(' ')}\`) so it does not depend on the previous WORKDIR.`
          )
        )
    }
    // As BuildKit's WorkdirRelativePath: only the first WORKDIR of a stage chain can depend on a
    // WORKDIR the Dockerfile does not show; after one, a relative path is relative to it.
    const scopes: [Stage | undefined, readonly Instruction[]][] = [
      [undefined, model.preamble],
      ...model.stages.map((stage): [Stage, readonly Instruction[]] => [stage, stage.instructions])
    ]
    for (const [stage, instructions] of scopes) {
      let workdirSet =
        stage !== undefined && baseStagesHave(model, stage, instruction => instruction.keyword === 'WORKDIR')
      for (const instruction of instructions) {
        // An ONBUILD WORKDIR runs in a build whose WORKDIR this file does not know.
        const trigger = triggerOf(model, instruction)
        if (trigger?.keyword === 'WORKDIR') judge(trigger)
        if (instruction.keyword !== 'WORKDIR') continue
        if (!workdirSet) judge(instruction)
        workdirSet = true
      }
    }
    return hits
  }
)

function invalidPort(word: string): string | undefined {
  // `ip:port` and `host:container` are BuildKit's ExposeInvalidFormat, which says what is wrong
  // with them (hadolint's parser refuses them outright): one finding, not two.
  if (word.includes('$') || word.includes(':')) return undefined
  const spec = word.replace(/\/(tcp|udp|sctp)$/i, '')
  const parts = spec.split('-')
  if (parts.length > 2) return word
  for (const part of parts) {
    if (!/^\d+$/.test(part) || Number(part) > 65535) return word
  }
  return undefined
}

export const DL3011 = defineRule(
  { id: 'DL3011', severity: 'error', summary: 'Valid UNIX ports range from 0 to 65535.' },
  ({ model }) =>
    flatMapOf(keywordInstructions(model, 'EXPOSE'), expose => {
      const bad = expose.argv.map(invalidPort).find(port => port !== undefined)
      return bad === undefined
        ? []
        : [hitAt(expose, `Use a port from 0 to 65535 in EXPOSE instead of \`${bad}\`.`)]
    })
)

export const DL3012 = defineRule(
  { id: 'DL3012', severity: 'error', summary: 'Multiple HEALTHCHECK instructions.' },
  ({ model }) =>
    flatMapOf(model.stages, stage =>
      instructions([stage], 'HEALTHCHECK')
        .slice(1)
        .map(extra => hitAt(extra, 'Keep one HEALTHCHECK per stage: only the last one takes effect.'))
    )
)

export const DL3025 = defineRule(
  {
    id: 'DL3025',
    severity: 'warning',
    summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      // As BuildKit's JSONArgsRecommended: once a SHELL is set (in the stage or a stage it is built
      // FROM), the shell form runs that shell on purpose and is not reported.
      let shellSet = baseStagesHave(model, stage, setsShell)
      for (const instruction of stage.instructions) {
        if (setsShell(instruction)) shellSet = true
        if (
          !shellSet &&
          (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') &&
          !instruction.jsonForm &&
          // `CMD --help`: the words may have been read as flags.
          (instruction.args.trim() !== '' || instruction.flags.length > 0)
        )
          hits.push(
            hitAt(
              instruction,
              `Write ${instruction.keyword} in JSON notation (${instruction.keyword} ["executable", "arg"]) so signals reach the process.`
            )
          )
      }
    }
    return hits
  }
)

/** `# hadolint ignore=...` / `# stagegate ignore=...` (the next-instruction forms, not `global`/`stage`). */
const INLINE_IGNORE = /^(hadolint|stagegate)[ \t]+ignore[ \t]*=/i

export const DL1001 = defineRule(
  {
    id: 'DL1001',
    severity: 'note',
    summary: 'Refrain from inline ignore pragmas (`# hadolint ignore=DLxxxx`)',
    offByDefault: true
  },
  ({ model }) => {
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
)

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

/**
 * Names defined (ENV, ARG) in the stage before `line`, and in the stages it is based on; before
 * the first FROM, the ARGs and ENVs above `line` (hadolint lints a file without FROM too).
 */
function definedBefore(model: DockerfileModel, stage: Stage | undefined, line: number): Set<string> {
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
    if (pairs.length < 2) return undefined
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

export const DL3061 = defineRule(
  {
    id: 'DL3061',
    severity: 'error',
    summary: 'Invalid instruction order: a Dockerfile must begin with `FROM`, `ARG` or a comment'
  },
  ({ model }) => {
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
)

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
  return !isPointerName(words) && hasSensitiveWord(words)
}

function hasSensitiveWord(words: readonly string[]): boolean {
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
  const words = nameWords(name)
  // BuildKit allows any name with a `public` part (`public_token`, `PUBLIC_KEY`).
  if (isPointerName(words) || words.includes('public')) return false
  if (hasSensitiveWord(words)) return true
  // A `..._KEY` that names a public thing: a GPG key id (`GPG_KEY` holds a fingerprint, which
  // hadolint does not flag), a server's or host's key (`NGROK_SERVER_KEY` is a file path).
  if (words[words.length - 1] === 'key' && PUBLIC_KEY_QUALIFIERS.has(words[words.length - 2] ?? ''))
    return false
  return isSecretName(name)
}

/** Words before `KEY` that make it a public key, a key id or a key's location. */
const PUBLIC_KEY_QUALIFIERS = new Set([
  'gpg',
  'pgp',
  'gnupg',
  'public',
  'pub',
  'server',
  'host',
  'repo',
  'apt'
])

export const DL3064 = perInstruction(
  {
    id: 'DL3064',
    aliases: [],
    severity: 'warning',
    summary: 'Potentially sensitive data should not be used in `ARG` or `ENV`'
  },
  ['ARG', 'ENV'],
  instruction => {
    // A literal path (`GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/gcp/key.json`) says where
    // the secret is, like a `_FILE` name: not a secret in the metadata.
    const names = keyValuePairs(instruction)
      .filter(
        pair =>
          isSensitiveName(pair.key) &&
          !(pair.rawValue !== undefined && isFilePathValue(unquoteRaw(pair.rawValue)))
      )
      .map(pair => pair.key)
    return names.length > 0
      ? `Pass ${names.map(n => `\`${n}\``).join(', ')} with \`RUN --mount=type=secret\` instead of ${instruction.keyword}: ${instruction.keyword} values stay in the image metadata.`
      : undefined
  },
  'with-preamble'
)

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
  }
)

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

export const DL4003 = defineRule(
  {
    id: 'DL4003',
    severity: 'warning',
    summary: 'Multiple `CMD` instructions in one stage'
  },
  ({ model }) => {
    return repeatedPerStage(model, 'CMD', 'Keep one CMD per stage: only the last one takes effect.')
  }
)

export const DL4004 = defineRule(
  {
    id: 'DL4004',
    severity: 'error',
    summary: 'Multiple `ENTRYPOINT` instructions in one stage'
  },
  ({ model }) => {
    return repeatedPerStage(
      model,
      'ENTRYPOINT',
      'Keep one ENTRYPOINT per stage: only the last one takes effect.'
    )
  }
)
