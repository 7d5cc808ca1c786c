// BuildKit's build checks (docs.docker.com/reference/build-checks) that have
// no hadolint equivalent, under BuildKit's own names. Those with a hadolint
// equivalent are aliases of the DL rule (see ../aliases.ts).
import { isIgnored } from '../../dockerfile/dockerignore.js'
import { parseImageRef } from '../../dockerfile/image-ref.js'
import type { DockerfileModel, Instruction } from '../../dockerfile/model.js'
import {
  allInstructions,
  copyPaths,
  isScratch,
  rootBase,
  sourceLine,
  sourceLines,
  suggest
} from '../../dockerfile/query.js'
import {
  PLATFORM_ARGS,
  expandVariables,
  referencedVariables,
  resolveGlobalArgs,
  splitKeyValue
} from '../../dockerfile/words.js'
import type { LintContext, LintRule, RuleHit } from '../rule.js'
import { defineRule as rule, hitAt as hit } from '../kit.js'

export { PLATFORM_ARGS }

function experimental(
  id: string,
  severity: LintRule['severity'],
  summary: string,
  check: (context: LintContext) => RuleHit[]
): LintRule {
  return rule({ id, severity, summary, experimental: true }, check)
}

/** The keyword as written on the instruction's first line. */
function writtenKeyword(model: DockerfileModel, instruction: Instruction): string {
  const match = /^\s*(\S+)/.exec(sourceLine(model, instruction.line))
  return match ? (match[1] as string) : instruction.keyword
}

export const stageNameCasing = rule(
  { id: 'StageNameCasing', severity: 'note', summary: 'Stage names should be lowercase.' },
  ({ model }) =>
    model.stages
      .filter(stage => stage.name !== undefined && stage.name !== stage.name.toLowerCase())
      .map(stage =>
        hit(stage.instructions[0] as Instruction, `Stage name '${stage.name}' should be lowercase.`)
      )
)

/** Names BuildKit gives a meaning of its own in `FROM`/`--from`. */
const RESERVED_STAGE_NAMES = new Set(['scratch', 'context'])

export const reservedStageName = rule(
  {
    id: 'ReservedStageName',
    severity: 'warning',
    summary: 'Reserved words should not be used as stage names (`scratch`, `context`).'
  },
  ({ model }) =>
    model.stages
      .filter(stage => stage.name !== undefined && RESERVED_STAGE_NAMES.has(stage.name.toLowerCase()))
      .map(stage =>
        hit(
          stage.instructions[0] as Instruction,
          `Rename the stage \`${stage.name}\`: it is a reserved word in FROM and --from.`
        )
      )
)

export const fromAsCasing = rule(
  {
    id: 'FromAsCasing',
    severity: 'note',
    summary: "The 'AS' keyword should match the case of the 'FROM' keyword."
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      if (stage.name === undefined) continue
      const from = stage.instructions[0] as Instruction
      const fromWord = writtenKeyword(model, from)
      const asMatch = /\s(as)\s/i.exec(
        sourceLines(model)
          .slice(from.line - 1, from.endLine)
          .join(' ')
      )
      const asWord = asMatch ? (asMatch[1] as string) : 'AS'
      const fromUpper = fromWord === fromWord.toUpperCase()
      const fromLower = fromWord === fromWord.toLowerCase()
      if ((fromUpper && asWord !== 'AS') || (fromLower && asWord !== 'as'))
        hits.push(
          hit(
            from,
            `'${asWord}' and '${fromWord}' keywords' casing do not match: write them in the same case.`
          )
        )
    }
    return hits
  }
)

export const noEmptyContinuation = rule(
  {
    id: 'NoEmptyContinuation',
    severity: 'warning',
    summary: 'Empty continuation lines will become errors in a future release.'
  },
  ({ model }) => {
    const lines = sourceLines(model)
    const hits: RuleHit[] = []
    for (const instruction of allInstructions(model)) {
      const headerEnd =
        instruction.heredocs.length > 0
          ? (instruction.heredocs[0]?.line ?? instruction.line)
          : instruction.endLine
      for (let line = instruction.line + 1; line < headerEnd; line++) {
        if ((lines[line - 1] ?? '').trim() === '') {
          // One finding per instruction, on its last line, where BuildKit's parser reports it.
          hits.push({
            ...hit(
              instruction,
              `Remove the empty continuation line ${line}: it will be an error in a future release.`
            ),
            line: headerEnd,
            endLine: headerEnd
          })
          break
        }
      }
    }
    return hits
  }
)

export const consistentInstructionCasing = rule(
  {
    id: 'ConsistentInstructionCasing',
    severity: 'note',
    summary: 'All instructions within the Dockerfile should use the same casing (either upper or lower).'
  },
  ({ model }) => {
    const instructions = allInstructions(model)
    const written = instructions.map(instruction => writtenKeyword(model, instruction))
    let upper = 0
    let lower = 0
    for (const word of written) {
      if (word === word.toUpperCase()) upper++
      else if (word === word.toLowerCase()) lower++
    }
    const majorityLower = lower > upper
    const hits: RuleHit[] = []
    written.forEach((word, i) => {
      const ok = majorityLower ? word === word.toLowerCase() : word === word.toUpperCase()
      if (!ok) {
        const expected = majorityLower ? 'lowercase' : 'uppercase'
        hits.push(
          hit(
            instructions[i] as Instruction,
            `Instruction '${word}' should match the case of the majority (${expected}).`
          )
        )
      }
    })
    return hits
  }
)

function globalArgNames(model: DockerfileModel): Set<string> {
  const names = new Set(PLATFORM_ARGS)
  for (const arg of model.globalArgs) names.add(arg.name)
  return names
}

export const undefinedArgInFrom = rule(
  {
    id: 'UndefinedArgInFrom',
    severity: 'warning',
    summary: 'FROM must use ARGs declared before the first FROM.'
  },
  ({ model }) => {
    const declared = globalArgNames(model)
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const from = stage.instructions[0] as Instruction
      const used = [...referencedVariables(stage.baseRaw), ...referencedVariables(stage.platform ?? '')]
      for (const name of new Set(used)) {
        if (declared.has(name)) continue
        const guess = suggest(name, declared)
        hits.push(
          hit(
            from,
            `FROM argument '${name}' is not declared: add \`ARG ${name}\` before the first FROM${guess ? ` (did you mean ${guess}?)` : ''}.`
          )
        )
      }
    }
    return hits
  }
)

export const invalidDefaultArgInFrom = rule(
  {
    id: 'InvalidDefaultArgInFrom',
    severity: 'warning',
    summary: 'The default value of a global ARG gives an empty or invalid base image name.'
  },
  ({ model }) => {
    const declared = globalArgNames(model)
    // Platform args are set by BuildKit at build time: give them a plausible value.
    const platformValue = (name: string): string | undefined =>
      PLATFORM_ARGS.has(name) ? 'amd64' : undefined
    // As BuildKit checks it: the defaults with no --build-arg, each global ARG's default expanded
    // with the global ARGs above it (ARG IMAGE=golang:${GO_VERSION}-bookworm).
    const defaults = resolveGlobalArgs(model.globalArgs, platformValue)
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      if (!stage.baseRaw.includes('$')) continue
      const used = referencedVariables(stage.baseRaw)
      if (!used.every(name => declared.has(name))) continue
      const base = expandVariables(stage.baseRaw, name => defaults.get(name) ?? platformValue(name))
      const isEarlierStage = (): boolean =>
        model.stages.slice(0, stage.index).some(s => s.name?.toLowerCase() === base.toLowerCase())
      if (base === '' || (!isScratch(base) && !parseImageRef(base) && !isEarlierStage()))
        hits.push(
          hit(
            stage.instructions[0] as Instruction,
            `Give the ARG used in '${stage.baseRaw}' a default value: with the defaults the base image name is ${base === '' ? 'empty' : `'${base}', which is invalid`}.`
          )
        )
    }
    return hits
  }
)

const JAVA_ENV = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL']

/**
 * The ENV that the Docker official images most used as bases set in their image config, from
 * their published Dockerfiles (docker-library, and Microsoft's for mcr.microsoft.com/dotnet/*),
 * across their variants (slim, alpine, apache/fpm, sdk/aspnet/runtime) and recent versions. BuildKit
 * reads the pulled image's config and reports only names defined nowhere; Stagegate lints without
 * pulling, so a stage on one of these images is checked against this list, and any other name is
 * reported as BuildKit would. A stage on any other image is checked only for near-typos (see
 * undefinedVar). Keyed by the Docker Hub repository (`library/<name>`); maven and gradle are built
 * on eclipse-temurin and carry its variables too.
 */
export const OFFICIAL_IMAGE_ENV: Readonly<Record<string, readonly string[]>> = {
  alpine: [],
  busybox: [],
  debian: [],
  ubuntu: [],
  golang: ['GOPATH', 'GOLANG_VERSION', 'GOTOOLCHAIN'],
  python: [
    'PYTHON_VERSION',
    'PYTHON_SHA256',
    'GPG_KEY',
    'LANG',
    // Older tags (3.11 and before) also set these.
    'PYTHON_PIP_VERSION',
    'PYTHON_SETUPTOOLS_VERSION',
    'PYTHON_GET_PIP_URL',
    'PYTHON_GET_PIP_SHA256'
  ],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  'eclipse-temurin': JAVA_ENV,
  openjdk: JAVA_ENV,
  amazoncorretto: JAVA_ENV,
  ruby: [
    'RUBY_VERSION',
    'RUBY_DOWNLOAD_SHA256',
    'RUBY_DOWNLOAD_URL',
    'RUBY_MAJOR',
    'GEM_HOME',
    'BUNDLE_SILENCE_ROOT_WARNING',
    'BUNDLE_APP_CONFIG',
    'LANG'
  ],
  php: [
    'PHP_INI_DIR',
    'PHP_VERSION',
    'PHPIZE_DEPS',
    'PHP_CFLAGS',
    'PHP_CPPFLAGS',
    'PHP_LDFLAGS',
    'GPG_KEYS',
    'PHP_URL',
    'PHP_ASC_URL',
    'PHP_SHA256',
    // The apache variants.
    'APACHE_CONFDIR',
    'APACHE_ENVVARS'
  ],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  postgres: ['PGDATA', 'PG_MAJOR', 'PG_VERSION', 'PG_SHA256', 'GOSU_VERSION', 'LANG'],
  maven: ['MAVEN_HOME', 'MAVEN_CONFIG', ...JAVA_ENV],
  gradle: ['GRADLE_HOME', 'GRADLE_VERSION', ...JAVA_ENV]
}

/** mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}. */
const DOTNET_ENV = [
  'DOTNET_VERSION',
  'ASPNET_VERSION',
  'DOTNET_RUNNING_IN_CONTAINER',
  'APP_UID',
  'ASPNETCORE_HTTP_PORTS',
  'ASPNETCORE_URLS',
  // The sdk images.
  'DOTNET_SDK_VERSION',
  'DOTNET_GENERATE_ASPNET_CERTIFICATE',
  'DOTNET_NOLOGO',
  'DOTNET_USE_POLLING_FILE_WATCHER',
  'NUGET_XMLDOC_MODE',
  'POWERSHELL_DISTRIBUTION_CHANNEL'
]

/** The tables as sets, made once (every stage of every lint looks one up). */
const OFFICIAL_IMAGE_ENV_SETS = new Map(
  Object.entries(OFFICIAL_IMAGE_ENV).map(([image, names]): [string, ReadonlySet<string>] => [
    image,
    new Set(names)
  ])
)
const DOTNET_ENV_SET: ReadonlySet<string> = new Set(DOTNET_ENV)

/** The ENV an external base image is known to set (OFFICIAL_IMAGE_ENV), or undefined when it is not known. */
export function knownImageEnv(base: string): ReadonlySet<string> | undefined {
  const ref = parseImageRef(base)
  if (!ref) return undefined
  const repository = ref.repository.toLowerCase()
  if (ref.registry === 'mcr.microsoft.com' && repository.startsWith('dotnet/')) return DOTNET_ENV_SET
  if (ref.registry !== 'docker.io' || !repository.startsWith('library/')) return undefined
  return OFFICIAL_IMAGE_ENV_SETS.get(repository.slice('library/'.length))
}

/** Variables that base images commonly define and BuildKit would find in the image config. */
const COMMON_IMAGE_ENV = new Set([
  'PATH',
  'HOME',
  'HOSTNAME',
  'LANG',
  'LC_ALL',
  'TERM',
  'USER',
  'PWD',
  'SHELL'
])
const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY']
const ALWAYS_DEFINED = new Set([
  ...COMMON_IMAGE_ENV,
  ...PROXY_ARGS,
  ...PROXY_ARGS.map(name => name.toLowerCase())
])
const EXPANDING_KEYWORDS = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ARG'
])

/** Typo guesses compare names of at most this many characters (an edit distance costs the product of the lengths). */
const MAX_GUESSED_NAME = 128
/** Edit distances one UndefinedVar run computes at most: past it, names are no longer guessed (a scratch stage still reports them). */
const GUESS_BUDGET = 250_000

/**
 * Candidates for a typo guess of `name`: only names of a length suggest() could accept. A name
 * that is a candidate with a prefix of two or more characters put before it (GOPATH, from PATH) is
 * a variable of its own, as the images that set such names (golang's GOPATH) show, not a typo.
 */
function* guessCandidates(name: string, defined: readonly ReadonlySet<string>[]): Generator<string> {
  for (const source of [...defined, COMMON_IMAGE_ENV])
    for (const candidate of source)
      if (
        Math.abs(candidate.length - name.length) <= 2 &&
        candidate.length <= MAX_GUESSED_NAME &&
        !(name.length - candidate.length >= 2 && name.endsWith(candidate))
      )
        yield candidate
}

export const undefinedVar = rule(
  { id: 'UndefinedVar', severity: 'warning', summary: 'Variables should be defined before their use.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    // What each stage defines at its end, kept until the last stage built on it has read it: that
    // stage takes the set over instead of copying it, so a chain of stages is linear, not quadratic.
    const definedAtEnd = new Map<number, Set<string>>()
    const readersLeft = new Map<number, number>()
    for (const stage of model.stages)
      if (stage.baseStage !== undefined)
        readersLeft.set(stage.baseStage, (readersLeft.get(stage.baseStage) ?? 0) + 1)
    const rootOf = new Map<number, string>()
    let budget = GUESS_BUDGET
    const guess = (name: string, defined: readonly ReadonlySet<string>[]): string | undefined => {
      if (name.length > MAX_GUESSED_NAME || budget <= 0) return undefined
      const candidates = [...guessCandidates(name, defined)]
      budget -= candidates.length
      return suggest(name, candidates)
    }
    for (const stage of model.stages) {
      const base = stage.baseStage
      const inherited = base !== undefined ? definedAtEnd.get(base) : undefined
      // What a stage built `FROM` this one inherits: its ENVs and, in BuildKit, its ARGs too (a
      // stage starts from its base's build args; the classic builder and hadolint's scope differ).
      let inheritable: Set<string>
      if (inherited && base !== undefined) {
        const left = (readersLeft.get(base) ?? 1) - 1
        readersLeft.set(base, left)
        if (left === 0) definedAtEnd.delete(base)
        inheritable = left === 0 ? inherited : new Set(inherited)
      } else inheritable = new Set()
      // Without the base image's config, only a stage on scratch or on an image whose ENV is known
      // (OFFICIAL_IMAGE_ENV) knows every variable, and reports any undefined name as BuildKit does.
      // On any other image a name may come from its config: report only names that look like
      // typos of a defined one.
      const root = (base !== undefined ? rootOf.get(base) : undefined) ?? rootBase(model, stage)
      rootOf.set(stage.index, root)
      const imageEnv = isScratch(root) ? new Set<string>() : knownImageEnv(root)
      const complete = imageEnv !== undefined
      // Names an ARG of this stage declares further down: used before that line they are undefined
      // whatever the base image holds (a build argument is no image variable), so they are reported.
      const argLine = new Map<string, number>()
      for (const instruction of stage.instructions)
        if (instruction.keyword === 'ARG')
          for (const key of keysOf(instruction)) if (!argLine.has(key)) argLine.set(key, instruction.line)
      for (const instruction of stage.instructions.slice(1)) {
        if (EXPANDING_KEYWORDS.has(instruction.keyword)) {
          const text =
            instruction.keyword === 'ARG' || instruction.keyword === 'ENV'
              ? valuesOf(instruction)
              : instruction.args
          for (const name of new Set(referencedVariables(text, '\\', false))) {
            if (inheritable.has(name) || ALWAYS_DEFINED.has(name) || imageEnv?.has(name)) continue
            const guessed = guess(name, [inheritable, imageEnv ?? new Set()])
            const declaredLater = (argLine.get(name) ?? 0) > instruction.line
            if (!complete && guessed === undefined && !declaredLater) continue
            hits.push(
              hit(
                instruction,
                `Define '$${name}' before using it${guessed ? ` (did you mean $${guessed}?)` : ''}.`
              )
            )
          }
        }
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
          for (const key of keysOf(instruction)) inheritable.add(key)
        }
      }
      definedAtEnd.set(stage.index, inheritable)
    }
    return hits
  }
)

/** Keys declared by ARG/ENV/LABEL (legacy `ENV key value` included). */
export function keysOf(instruction: Instruction): string[] {
  if (instruction.keyword !== 'ARG' && !instruction.argv[0]?.includes('=')) {
    return instruction.argv[0] !== undefined ? [instruction.argv[0]] : []
  }
  return instruction.argv.map(word => splitKeyValue(word).key).filter(key => key !== '')
}

function valuesOf(instruction: Instruction): string {
  if (instruction.keyword !== 'ARG' && !instruction.argv[0]?.includes('='))
    return instruction.argv.slice(1).join(' ')
  return instruction.argv.map(word => splitKeyValue(word).value ?? '').join(' ')
}

export const legacyKeyValueFormat = rule(
  {
    id: 'LegacyKeyValueFormat',
    severity: 'warning',
    summary: 'Use `key=value` in ENV and LABEL, not the legacy whitespace-separated `key value`.'
  },
  ({ model }) =>
    allInstructions(model)
      .filter(
        instruction =>
          (instruction.keyword === 'ENV' || instruction.keyword === 'LABEL') && instruction.argv.length > 1
      )
      .filter(instruction => !(instruction.argv[0] as string).includes('='))
      .map(instruction =>
        hit(
          instruction,
          `Write "${instruction.keyword} key=value" instead of the legacy "${instruction.keyword} key value" format.`
        )
      )
)

export const invalidBaseImagePlatform = rule(
  {
    id: 'InvalidBaseImagePlatform',
    severity: 'warning',
    summary: 'Base image platform does not match the target platform (reported by BuildKit during the build).'
  },
  // Needs the pulled image's platform: BuildKit reports it at build time; nothing to see statically.
  () => []
)

const SECRET_KEY =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i
const PUBLIC_KEY = /(?:_|^)public(?:_|$)/i

/** Last name parts that say the value is not the credential itself (DOCKER_AUTH_VERSION, TOKEN_URL). */
const NOT_A_CREDENTIAL =
  /(?:_|^)(?:version|url|uri|host|port|path|file|dir|name|type|enabled|mode|id|user|username|header)$/i

/** Stricter than isSecretName, for rules that report errors: the name must end like a credential. */
export function isCredentialName(name: string): boolean {
  return isSecretName(name) && !NOT_A_CREDENTIAL.test(name)
}

/** True for ARG/ENV names that look like they hold a secret (BuildKit's heuristic). */
export function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name) && !PUBLIC_KEY.test(name)
}

export const fromPlatformFlagConstDisallowed = rule(
  {
    id: 'FromPlatformFlagConstDisallowed',
    severity: 'warning',
    summary: 'FROM --platform should not use a constant value.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const platform = stage.platform
      if (platform === undefined || platform.includes('$')) continue
      // A stage named for its platform (build-arm64) is deliberate.
      const name = stage.name?.toLowerCase() ?? ''
      const parts = platform.toLowerCase().split('/')
      if (name !== '' && parts.some(part => part !== '' && name.includes(part))) continue
      hits.push(
        hit(
          stage.instructions[0] as Instruction,
          `Do not pin FROM --platform to the constant "${platform}": use $BUILDPLATFORM or $TARGETPLATFORM.`
        )
      )
    }
    return hits
  }
)

// Experimental in BuildKit: off unless `# check=experimental=CopyIgnoredFile` (or `all`).
export const copyIgnoredFile = experimental(
  'CopyIgnoredFile',
  'note',
  'COPY or ADD of a file that .dockerignore excludes.',
  ({ model, dockerignore }) => {
    if (!dockerignore || dockerignore.length === 0) return []
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue
        if (instruction.flags.some(flag => flag.name === 'from')) continue
        for (const source of copyPaths(instruction).sources) {
          if (
            /^[a-z]+:\/\//i.test(source) ||
            source.startsWith('git@') ||
            source.includes('$') ||
            /[*?[]/.test(source)
          )
            continue
          if (isIgnored(source, dockerignore))
            hits.push(
              hit(
                instruction,
                `"${source}" is excluded by .dockerignore, so ${instruction.keyword} will not find it.`
              )
            )
        }
      }
    }
    return hits
  }
)

// Experimental in BuildKit: off unless `# check=experimental=InvalidDefinitionDescription` (or `all`).
export const invalidDefinitionDescription = experimental(
  'InvalidDefinitionDescription',
  'note',
  'A comment right above a named stage or ARG should start with its name (`# name description`).',
  ({ model }) => {
    const hits: RuleHit[] = []
    const commentAt = new Map(model.comments.map(comment => [comment.line, comment.text]))
    const directiveLines = new Set(model.directives.map(d => d.line))
    // An empty `#` line ends a description block, as BuildKit's parser reads comments.
    const isDescription = (line: number): boolean =>
      (commentAt.get(line) ?? '').replace(/^#/, '').trim() !== '' && !directiveLines.has(line)
    const check = (instruction: Instruction, names: readonly string[], kind: string): void => {
      const above = instruction.line - 1
      const text = commentAt.get(above)
      if (text === undefined || !isDescription(above) || /^(stagegate|hadolint)\s/i.test(text)) return
      // Only the first line of the comment block is the description's start.
      let first = above
      while (commentAt.has(first - 1) && isDescription(first - 1)) first--
      const firstWord = (commentAt.get(first) ?? '').split(/\s+/)[0]
      if (firstWord !== undefined && names.includes(firstWord)) return
      // An ARG of several keys: the comment may describe any of them.
      const name = names.length === 1 ? (names[0] as string) : '<arg_key>'
      const what = names.length === 1 ? `${kind} '${name}'` : `ARG ${names.map(key => `'${key}'`).join(', ')}`
      hits.push(
        hit(
          instruction,
          `Start the comment for ${what} with its name (\`# ${name} <description>\`), or separate it with an empty line.`
        )
      )
    }
    const checkArg = (instruction: Instruction): void => {
      const keys = instruction.keyword === 'ARG' ? keysOf(instruction) : []
      if (keys.length > 0) check(instruction, keys, 'ARG')
    }
    for (const instruction of model.preamble) checkArg(instruction)
    for (const stage of model.stages) {
      if (stage.name !== undefined) check(stage.instructions[0] as Instruction, [stage.name], 'stage')
      for (const instruction of stage.instructions) checkArg(instruction)
    }
    return hits
  }
)

function exposedPorts(instruction: Instruction): string[] {
  return instruction.argv.filter(word => word !== '')
}

export const exposeProtoCasing = rule(
  { id: 'ExposeProtoCasing', severity: 'note', summary: 'The protocol in EXPOSE should be lowercase.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== 'EXPOSE') continue
      for (const port of exposedPorts(instruction)) {
        const proto = port.split('/')[1]
        if (proto !== undefined && proto !== proto.toLowerCase())
          hits.push(
            hit(instruction, `Write the protocol in '${port}' in lowercase ('${port.toLowerCase()}').`)
          )
      }
    }
    return hits
  }
)

export const exposeInvalidFormat = rule(
  {
    id: 'ExposeInvalidFormat',
    severity: 'warning',
    summary: 'EXPOSE should not define an IP address or a host-port mapping.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== 'EXPOSE') continue
      for (const port of exposedPorts(instruction)) {
        if (port.split('/')[0]?.includes(':'))
          hits.push(
            hit(
              instruction,
              `EXPOSE only the container port, not an IP address or host mapping ('${port}'): publish ports at run time.`
            )
          )
      }
    }
    return hits
  }
)
