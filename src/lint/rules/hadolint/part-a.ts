// hadolint rules DL3000–DL3030 (DL3005 and DL3017 were retired by hadolint
// and are not defined). Ids, default severities (info/style → note) and
// meaning follow hadolint's documentation; the code is our own and reads the
// Dockerfile model. Where hadolint is stage-aware (DL3002, DL3009, DL3022–
// DL3024), these are too, using the model's stage graph. Package-manager rules
// live in a-packages.ts. Aliases to BuildKit check names are left empty here
// and set centrally in src/lint/aliases.ts.
import type { DockerfileModel, Instruction, Stage } from '../../../dockerfile/model.js'
import { familiarName, parseImageRef, type ImageRef } from '../../../dockerfile/image-ref.js'
import type { LintRule, RuleHit } from '../../rule.js'
import { commandName, effectiveArgv, usesWrapper, type ShellCommand } from '../../shell.js'
import { defineRule, hitAt, perCommand, stageRuns } from './a-helpers.js'
import { PACKAGE_RULES } from './a-packages.js'
import { baseChain } from './common.js'

function instructions(stages: readonly Stage[], keyword: string): Instruction[] {
  return stages.flatMap(stage => stage.instructions.filter(instruction => instruction.keyword === keyword))
}

function fromInstruction(stage: Stage): Instruction {
  return stage.instructions[0] as Instruction
}

/** The base image of an external FROM (not scratch, not a stage, no unexpanded variable), parsed. */
function externalBase(stage: Stage): ImageRef | undefined {
  if (stage.baseStage !== undefined || stage.baseRaw.includes('$')) return undefined
  if (stage.baseRaw.toLowerCase() === 'scratch') return undefined
  return parseImageRef(stage.baseRaw)
}

// --- DL3000 ----------------------------------------------------------------

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')
}

export const DL3000 = defineRule(
  { id: 'DL3000', severity: 'error', summary: 'Use absolute WORKDIR.' },
  ({ model }) =>
    instructions(model.stages, 'WORKDIR')
      .filter(workdir => workdir.argv.length > 0 && !isAbsolutePath(workdir.argv.join(' ')))
      .map(workdir =>
        hitAt(
          workdir,
          `Use an absolute path in WORKDIR (e.g. \`/${workdir.argv.join(' ')}\`) so it does not depend on the previous WORKDIR.`
        )
      )
)

// --- DL3001 ----------------------------------------------------------------

const POINTLESS_IN_CONTAINER = new Set([
  'ssh',
  'vim',
  'shutdown',
  'service',
  'ps',
  'free',
  'top',
  'kill',
  'mount',
  'ifconfig'
])

export const DL3001 = perCommand(
  {
    id: 'DL3001',
    severity: 'note',
    summary:
      'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.'
  },
  command => {
    const name = commandName(command)
    return POINTLESS_IN_CONTAINER.has(name)
      ? `Remove \`${name}\` from the RUN: it makes no sense while building a container image.`
      : undefined
  }
)

// --- DL3002 ----------------------------------------------------------------

function isRootUser(user: string): boolean {
  const name = user.split(':')[0] ?? ''
  return name === 'root' || name === '0'
}

/**
 * The last USER that applies to the final image: the final stage's own, or,
 * when it sets none, the one it inherits through `FROM <stage>`.
 */
function effectiveFinalUser(model: DockerfileModel): Instruction | undefined {
  const final = model.stages[model.finalStage]
  if (!final) return undefined
  const users = baseChain(model, final).flatMap(stage =>
    stage.instructions.filter(instruction => instruction.keyword === 'USER' && instruction.argv.length > 0)
  )
  return users[users.length - 1]
}

export const DL3002 = defineRule(
  { id: 'DL3002', severity: 'warning', summary: 'Last USER should not be root.' },
  ({ model }) => {
    const user = effectiveFinalUser(model)
    if (!user || !isRootUser(user.argv[0] as string)) return []
    return [
      hitAt(
        user,
        'Switch to a non-root USER at the end of the final stage so the container does not run as root.'
      )
    ]
  }
)

// --- DL3003, DL3004 --------------------------------------------------------

export const DL3003 = perCommand(
  { id: 'DL3003', severity: 'warning', summary: 'Use WORKDIR to switch to a directory.' },
  command =>
    commandName(command) === 'cd' ? 'Use WORKDIR to switch to a directory instead of `cd` in RUN.' : undefined
)

export const DL3004 = perCommand(
  {
    id: 'DL3004',
    severity: 'error',
    summary: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.'
  },
  (command: ShellCommand) =>
    usesWrapper(command, 'sudo') || commandName(command) === 'sudo'
      ? 'Remove sudo: RUN already runs as the current USER; switch with USER, or use gosu at runtime.'
      : undefined
)

// --- DL3006, DL3007 --------------------------------------------------------

export const DL3006 = defineRule(
  { id: 'DL3006', severity: 'warning', summary: 'Always tag the version of an image explicitly.' },
  ({ model }) =>
    model.stages.flatMap(stage => {
      const ref = externalBase(stage)
      if (!ref || ref.tag !== undefined || ref.digest !== undefined) return []
      return [
        hitAt(
          fromInstruction(stage),
          `Tag the image explicitly (e.g. \`${familiarName(ref)}:<version>\`) so the base does not change under you.`
        )
      ]
    })
)

export const DL3007 = defineRule(
  {
    id: 'DL3007',
    severity: 'warning',
    summary:
      'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag.'
  },
  ({ model }) =>
    model.stages.flatMap(stage => {
      const ref = externalBase(stage)
      if (!ref || ref.tag !== 'latest' || ref.digest !== undefined) return []
      return [
        hitAt(fromInstruction(stage), `Pin \`${familiarName(ref)}\` to a release tag instead of \`latest\`.`)
      ]
    })
)

// --- DL3010, DL3020 --------------------------------------------------------

/** What ADD extracts: tar archives, plain or compressed. */
const TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tbz2?|tb2|tpz|txz|tlz|tz|tzst)$/i
/** Compressed single files hadolint also accepts in ADD. */
const COMPRESSED = /\.(gz|bz2|xz|lz|lzma|zst)$/i

function pathBasename(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1)
}

function isTarExtraction(command: ShellCommand): boolean {
  if (commandName(command) !== 'tar') return false
  const args = effectiveArgv(command).slice(1)
  const first = args[0] ?? ''
  // `tar xzf a.tgz` (old-style bundle) or `tar -xzf`, `--extract`, `--get`.
  if (/^[A-Za-z]+$/.test(first) && first.includes('x')) return true
  return args.some(word => word === '--extract' || word === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(word))
}

export const DL3010 = defineRule(
  { id: 'DL3010', severity: 'note', summary: 'Use ADD for extracting archives into an image.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const copies = stage.instructions.filter(
        instruction =>
          instruction.keyword === 'COPY' &&
          !instruction.flags.some(flag => flag.name === 'from') &&
          instruction.argv.length >= 2
      )
      const runs = stageRuns(model, stage)
      for (const copy of copies) {
        const sources = copy.argv
          .slice(0, -1)
          .filter(source => TAR_ARCHIVE.test(source) && !source.includes('$'))
        if (sources.length === 0) continue
        const dest = copy.argv[copy.argv.length - 1] as string
        const names = new Set(sources.map(pathBasename))
        if (TAR_ARCHIVE.test(dest)) names.add(pathBasename(dest))
        const extracted = runs.some(
          run =>
            run.instruction.line > copy.line &&
            run.commands.some(
              command =>
                isTarExtraction(command) && effectiveArgv(command).some(word => names.has(pathBasename(word)))
            )
        )
        if (extracted)
          hits.push(
            hitAt(copy, 'Use ADD to copy and extract the archive in one step instead of COPY then `tar -x`.')
          )
      }
    }
    return hits
  }
)

function isRemote(source: string): boolean {
  return /^(https?|ftp|git):\/\//i.test(source) || /^git@/.test(source) || /\.git(#.*)?$/.test(source)
}

export const DL3020 = defineRule(
  { id: 'DL3020', severity: 'error', summary: 'Use COPY instead of ADD for files and folders.' },
  ({ model }) =>
    instructions(model.stages, 'ADD').flatMap(add => {
      const sources = add.argv.slice(0, -1)
      const plain = sources.filter(
        source =>
          !isRemote(source) &&
          !TAR_ARCHIVE.test(source) &&
          !COMPRESSED.test(source) &&
          !source.includes('$') &&
          !source.startsWith('<<')
      )
      return plain.length === 0
        ? []
        : [
            hitAt(
              add,
              `Use COPY instead of ADD for \`${plain[0] as string}\`; keep ADD for URLs and archives to extract.`
            )
          ]
    })
)

// --- DL3011, DL3012 --------------------------------------------------------

function invalidPort(word: string): string | undefined {
  if (word.includes('$')) return undefined
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
    instructions(model.stages, 'EXPOSE').flatMap(expose => {
      const bad = expose.argv.map(invalidPort).find(port => port !== undefined)
      return bad === undefined
        ? []
        : [hitAt(expose, `Use a port from 0 to 65535 in EXPOSE instead of \`${bad}\`.`)]
    })
)

export const DL3012 = defineRule(
  { id: 'DL3012', severity: 'error', summary: 'Multiple HEALTHCHECK instructions.' },
  ({ model }) =>
    model.stages.flatMap(stage =>
      instructions([stage], 'HEALTHCHECK')
        .slice(1)
        .map(extra => hitAt(extra, 'Keep one HEALTHCHECK per stage: only the last one takes effect.'))
    )
)

// --- DL3021 ----------------------------------------------------------------

export const DL3021 = defineRule(
  {
    id: 'DL3021',
    severity: 'error',
    summary: 'COPY with more than 2 arguments requires the last argument to end with /.'
  },
  ({ model }) =>
    instructions(model.stages, 'COPY').flatMap(copy => {
      if (copy.argv.length <= 2) return []
      const dest = copy.argv[copy.argv.length - 1] as string
      if (dest.endsWith('/') || dest.endsWith('\\') || dest.includes('$')) return []
      return [
        hitAt(copy, `End the COPY destination with a slash (\`${dest}/\`) when copying several sources.`)
      ]
    })
)

// --- DL3022, DL3023, DL3024 ------------------------------------------------

function copyFrom(instruction: Instruction): string | undefined {
  return instruction.keyword === 'COPY'
    ? instruction.flags.find(flag => flag.name === 'from')?.value
    : undefined
}

/** `--from=alpine:3.19`, `--from=ghcr.io/x/y`: an image, not a stage. Variables are resolved at build time. */
function looksLikeImage(reference: string): boolean {
  return /[:/@$]/.test(reference)
}

export const DL3022 = defineRule(
  {
    id: 'DL3022',
    severity: 'warning',
    summary: 'COPY --from should reference a previously defined FROM alias.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    // Each name's first stage: one map for the file, so the rule is linear in the stages.
    const firstStage = new Map<string, number>()
    for (const stage of model.stages) {
      const key = stage.name?.toLowerCase()
      if (key !== undefined && !firstStage.has(key)) firstStage.set(key, stage.index)
    }
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const from = copyFrom(instruction)
        if (from === undefined || from === '' || looksLikeImage(from)) continue
        if ((firstStage.get(from.toLowerCase()) ?? Infinity) <= stage.index) continue
        if (/^\d+$/.test(from) && Number(from) <= stage.index) continue
        hits.push(
          hitAt(
            instruction,
            `Define the stage \`${from}\` (FROM … AS ${from}) before this COPY --from, or name an image with its tag.`
          )
        )
      }
    }
    return hits
  }
)

export const DL3023 = defineRule(
  { id: 'DL3023', severity: 'error', summary: 'COPY --from cannot reference its own FROM alias.' },
  ({ model }) =>
    model.stages.flatMap(stage => {
      if (stage.name === undefined) return []
      const own = stage.name.toLowerCase()
      return stage.instructions
        .filter(instruction => copyFrom(instruction)?.toLowerCase() === own)
        .map(instruction =>
          hitAt(
            instruction,
            `Copy from an earlier stage: COPY --from cannot reference its own stage \`${stage.name as string}\`.`
          )
        )
    })
)

export const DL3024 = defineRule(
  { id: 'DL3024', severity: 'error', summary: 'FROM aliases (stage names) must be unique.' },
  ({ model }) => {
    const seen = new Map<string, Stage>()
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      if (stage.name === undefined) continue
      const key = stage.name.toLowerCase()
      const first = seen.get(key)
      if (first) {
        hits.push(
          hitAt(
            fromInstruction(stage),
            `Rename this stage: \`${stage.name}\` is already the name of the stage on line ${first.line}.`
          )
        )
      } else seen.set(key, stage)
    }
    return hits
  }
)

// --- DL3025 ----------------------------------------------------------------

export const DL3025 = defineRule(
  {
    id: 'DL3025',
    severity: 'warning',
    summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.'
  },
  ({ model }) =>
    model.stages.flatMap(stage =>
      stage.instructions
        .filter(
          instruction =>
            (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') &&
            !instruction.jsonForm &&
            // `CMD --help`: the words may have been read as flags.
            (instruction.args.trim() !== '' || instruction.flags.length > 0)
        )
        .map(instruction =>
          hitAt(
            instruction,
            `Write ${instruction.keyword} in JSON notation (${instruction.keyword} ["executable", "arg"]) so signals reach the process.`
          )
        )
    )
)

// --- DL3026 ----------------------------------------------------------------

function registryTrusted(registry: string, trusted: readonly string[]): boolean {
  const host = registry.toLowerCase()
  return trusted.some(entry => {
    const pattern = entry.trim().toLowerCase()
    if (pattern === '*' || pattern === host) return true
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1))
    // Docker Hub goes by several names.
    const hub = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']
    return hub.includes(pattern) && hub.includes(host)
  })
}

export const DL3026 = defineRule(
  { id: 'DL3026', severity: 'error', summary: 'Use only an allowed registry in the FROM image.' },
  ({ model, config }) => {
    const trusted = config.trustedRegistries
    if (trusted.length === 0) return []
    return model.stages.flatMap(stage => {
      if (stage.baseStage !== undefined || stage.base.toLowerCase() === 'scratch') return []
      const ref = parseImageRef(stage.base)
      if (!ref || registryTrusted(ref.registry, trusted)) return []
      return [
        hitAt(
          fromInstruction(stage),
          `Use a base image from a trusted registry (${trusted.join(', ')}) instead of \`${ref.registry}\`.`
        )
      ]
    })
  }
)

// --- DL3029 ----------------------------------------------------------------

/** `$BUILDPLATFORM`, `${TARGETPLATFORM}`, `${BUILDPLATFORM:-}`: the platform BuildKit passes in. */
const BUILD_PLATFORM_VARIABLE =
  /^\$(\{(BUILDPLATFORM|TARGETPLATFORM)(:?[-+][^}]*)?\}|(BUILDPLATFORM|TARGETPLATFORM))$/

export const DL3029 = defineRule(
  { id: 'DL3029', severity: 'warning', summary: 'Do not use --platform flag with FROM.' },
  ({ model }) =>
    model.stages.flatMap(stage => {
      if (stage.platform === undefined || BUILD_PLATFORM_VARIABLE.test(stage.platform.trim())) return []
      return [
        hitAt(
          fromInstruction(stage),
          `Remove --platform=${stage.platform} from FROM and choose the platform at build time (or use $BUILDPLATFORM).`
        )
      ]
    })
)

/** Every hadolint rule from DL3000 to DL3030, in id order. */
export const HADOLINT_RULES_A: readonly LintRule[] = [
  DL3000,
  DL3001,
  DL3002,
  DL3003,
  DL3004,
  DL3006,
  DL3007,
  DL3010,
  DL3011,
  DL3012,
  DL3020,
  DL3021,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3029,
  ...PACKAGE_RULES
].sort((a, b) => a.id.localeCompare(b.id))
