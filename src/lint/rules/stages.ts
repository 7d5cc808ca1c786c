// hadolint's rules about stages: the last USER, base-image tags, stage names, trusted registries, platforms, HEALTHCHECK across the stage chain.
import { type ImageRef, familiarName, parseImageRef } from '../../dockerfile/image-ref.js'
import type { Instruction, Stage } from '../../dockerfile/model.js'
import { flatMapOf, baseChain, defineRule, derivedStages, hitAt } from '../kit.js'
import type { RuleHit } from '../rule.js'

function fromInstruction(stage: Stage): Instruction {
  return stage.instructions[0] as Instruction
}

/** The base image of an external FROM (not scratch, not a stage, no unexpanded variable), parsed. */
function externalBase(stage: Stage): ImageRef | undefined {
  if (stage.baseStage !== undefined || stage.baseRaw.includes('$')) return undefined
  if (stage.baseRaw.toLowerCase() === 'scratch') return undefined
  return parseImageRef(stage.baseRaw)
}

function isRootUser(user: string): boolean {
  const name = user.split(':')[0] ?? ''
  return name === 'root' || name === '0'
}

/** The last USER a stage itself sets (a USER with an argument), if any. */
function lastOwnUser(stage: Stage): Instruction | undefined {
  return stage.instructions.findLast(
    instruction => instruction.keyword === 'USER' && instruction.argv.length > 0
  )
}

/**
 * Per stage, as hadolint evaluates it: every stage whose own last USER is root is reported at that
 * USER, a builder stage too (a stage built `FROM` it runs as root as well, and is reported there).
 * A stage that sets no USER is SG1008's concern, not this rule's.
 */
export const DL3002 = defineRule(
  { id: 'DL3002', severity: 'warning', summary: 'Last USER should not be root.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const user = lastOwnUser(stage)
      if (!user || !isRootUser(user.argv[0] as string)) continue
      hits.push(
        hitAt(
          user,
          stage.final
            ? 'Switch to a non-root USER at the end of the final stage so the container does not run as root.'
            : 'Switch back to a non-root USER at the end of this stage: stages built FROM it, and what it runs, stay root.'
        )
      )
    }
    return hits
  }
)

export const DL3006 = defineRule(
  { id: 'DL3006', severity: 'warning', summary: 'Always tag the version of an image explicitly.' },
  ({ model }) =>
    flatMapOf(model.stages, stage => {
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
    flatMapOf(model.stages, stage => {
      const ref = externalBase(stage)
      if (!ref || ref.tag !== 'latest' || ref.digest !== undefined) return []
      return [
        hitAt(fromInstruction(stage), `Pin \`${familiarName(ref)}\` to a release tag instead of \`latest\`.`)
      ]
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
    return flatMapOf(model.stages, stage => {
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

/** `$BUILDPLATFORM`, `${TARGETPLATFORM}`, `${BUILDPLATFORM:-}`: the platform BuildKit passes in. */
const BUILD_PLATFORM_VARIABLE =
  /^\$(\{(BUILDPLATFORM|TARGETPLATFORM)(:?[-+][^}]*)?\}|(BUILDPLATFORM|TARGETPLATFORM))$/

export const DL3029 = defineRule(
  { id: 'DL3029', severity: 'warning', summary: 'Do not use --platform flag with FROM.' },
  ({ model }) =>
    flatMapOf(model.stages, stage => {
      if (stage.platform === undefined || BUILD_PLATFORM_VARIABLE.test(stage.platform.trim())) return []
      return [
        hitAt(
          fromInstruction(stage),
          `Remove --platform=${stage.platform} from FROM and choose the platform at build time (or use $BUILDPLATFORM).`
        )
      ]
    })
)

/**
 * hadolint's DL3063 (off by default there too: its severity is "ignore"): the image should name
 * the user it runs as. Judged on the final image: a USER in the final stage or in a stage it is
 * built `FROM` counts; without one, it is reported at the final stage's FROM.
 */
export const DL3063 = defineRule(
  {
    id: 'DL3063',
    severity: 'note',
    summary: 'A USER instruction should be specified',
    offByDefault: true
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final || final.user !== undefined) return []
    return [
      hitAt(
        fromInstruction(final),
        'Add a USER instruction so the image says which user it runs as, rather than the base image deciding.'
      )
    ]
  }
)

export const DL3065 = defineRule(
  {
    id: 'DL3065',
    severity: 'warning',
    summary: '`FROM --platform=$TARGETPLATFORM` is redundant: it is the default'
  },
  ({ model }) => {
    return model.stages
      .filter(stage => stage.platform !== undefined && /^\$\{?TARGETPLATFORM\}?$/.test(stage.platform.trim()))
      .map(stage =>
        hitAt(
          stage.instructions[0] as Instruction,
          'Remove `--platform=$TARGETPLATFORM` from FROM: stages build for the target platform by default.'
        )
      )
  }
)

/**
 * Per stage, as hadolint evaluates it: a stage is reported at its FROM when no HEALTHCHECK (even
 * `HEALTHCHECK NONE`) is in it, in the stages it is built `FROM`, or in a stage built FROM it: a
 * stage that only serves as the base of one with a HEALTHCHECK is not an image of its own. Stages
 * after the build target are not built and not reported.
 */
export const DL3057 = defineRule(
  {
    id: 'DL3057',
    severity: 'note',
    summary: '`HEALTHCHECK` instruction missing',
    offByDefault: true
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    const hasHealthcheck = (stage: Stage): boolean =>
      stage.instructions.some(instruction => instruction.keyword === 'HEALTHCHECK')
    for (const stage of model.stages) {
      if (stage.index > model.finalStage) break
      if (baseChain(model, stage).some(hasHealthcheck)) continue
      if (derivedStages(model, stage).some(hasHealthcheck)) continue
      hits.push(
        hitAt(
          fromInstruction(stage),
          stage.final
            ? 'Add a HEALTHCHECK to the final stage so the runtime can tell when the container is unhealthy.'
            : 'Add a HEALTHCHECK to this stage (or build it FROM a stage that has one) so a container of it can be checked.'
        )
      )
    }
    return hits
  }
)
