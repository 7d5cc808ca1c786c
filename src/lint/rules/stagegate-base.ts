// Stagegate rules about what each stage is built on and what the final
// stage ships: SG1001 (digest pinning), SG1002 (toolchain/full-OS final
// base), SG1008 (no USER in the final stage), SG1013 (shell form without a shell).
import { imageBasename, isDigestPinned, parseImageRef, type ImageRef } from '../../dockerfile/image-ref.js'
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile/model.js'
import { copyPaths, isScratch, rootBase, stageChain } from '../../dockerfile/query.js'
import type { RuleHit } from '../rule.js'
import { defineRule, hitAt } from '../kit.js'

const fromOf = (stage: Stage): Instruction => stage.instructions[0] as Instruction

export const SG1001 = defineRule(
  {
    id: 'SG1001',
    severity: 'warning',
    summary: 'A FROM image is not pinned by digest (scratch and stage references excepted).'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      if (stage.baseStage !== undefined || isScratch(stage.base)) continue
      // An unresolved variable is UndefinedArgInFrom's or InvalidDefaultArgInFrom's business.
      if (stage.base === '' || stage.base.includes('$') || !parseImageRef(stage.base)) continue
      if (isDigestPinned(stage.base)) continue
      hits.push(
        hitAt(
          fromOf(stage),
          `Pin '${stage.base}' by digest (${stage.base.split('@')[0]}@sha256:…) so every build uses the same bytes; let a bot update it.`
        )
      )
    }
    return hits
  }
)

/** Images that carry a compiler or build tool: wrong in a final stage, whatever the tag. */
const TOOLCHAIN_IMAGES = new Set([
  'golang',
  'rust',
  'gcc',
  'maven',
  'gradle',
  'buildpack-deps',
  'sbt',
  'clojure',
  'haskell',
  'swift',
  'elixir',
  'erlang',
  'dart',
  'sdk'
])
/**
 * Toolchain images whose `-slim` tags hold only the runtime (Swift's: what is needed to run a
 * built executable, no compiler), the base their own docs recommend for the final stage.
 */
const RUNTIME_SLIM_TOOLCHAINS = new Set(['swift'])
/** Language runtimes whose default tags are full Debian with build tools: fine as `-slim`/`-alpine`. */
const RUNTIME_IMAGES = new Set([
  'node',
  'python',
  'ruby',
  'php',
  'perl',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'julia',
  'r-base'
])
/** Full operating systems: fine as `-slim`. */
const OS_IMAGES = new Set([
  'ubuntu',
  'debian',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'opensuse',
  'leap',
  'tumbleweed',
  'ubi',
  'ubi8',
  'ubi9'
])

/** Why an image is a poor final base, or undefined when it is fine. */
export function heavyBaseReason(ref: ImageRef): string | undefined {
  const name = imageBasename(ref)
  const tag = (ref.tag ?? '').toLowerCase()
  const path = ref.repository.toLowerCase()
  // Named as written on Docker Hub (`opensuse/leap`, `node`), not by the last path component alone.
  const shown = path.startsWith('library/') ? path.slice('library/'.length) : path
  if (path.includes('distroless') || path.includes('chainguard') || path.includes('wolfi')) return undefined
  if (RUNTIME_SLIM_TOOLCHAINS.has(name) && /(^|-)slim($|-)/.test(tag)) return undefined
  if (TOOLCHAIN_IMAGES.has(name) || (name === 'openjdk' && tag.includes('jdk') && !tag.includes('jre'))) {
    return `'${shown}', a build toolchain image`
  }
  if (RUNTIME_IMAGES.has(name)) {
    if (/slim|alpine|jre|distroless/.test(tag)) return undefined
    return `'${shown}${tag ? ':' + tag : ''}', a full image with build tools (a -slim or -alpine variant or distroless would do)`
  }
  if (OS_IMAGES.has(name)) {
    if (/slim|minimal|micro/.test(tag) || /minimal|micro/.test(name)) return undefined
    return `'${shown}', a full operating system image`
  }
  return undefined
}

export const SG1002 = defineRule(
  { id: 'SG1002', severity: 'warning', summary: 'The final stage is based on a toolchain or full-OS image.' },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final) return []
    const base = rootBase(model, final)
    const ref = parseImageRef(base)
    if (!ref) return []
    const reason = heavyBaseReason(ref)
    if (!reason) return []
    return [
      hitAt(
        fromOf(final),
        `The final stage is based on ${reason}: build in an earlier stage and copy the artifact onto a slim, distroless or scratch base.`
      )
    ]
  }
)

/** True when the image is known to run as a non-root user by default. */
function defaultsToNonRoot(ref: ImageRef | undefined): boolean {
  if (!ref) return false
  const tag = (ref.tag ?? '').toLowerCase()
  return tag.includes('nonroot') || tag.includes('rootless') || ref.registry === 'cgr.dev'
}

export const SG1008 = defineRule(
  {
    id: 'SG1008',
    severity: 'warning',
    summary: 'The final stage sets no USER, so the container runs as root.'
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final || final.user !== undefined) return []
    if (defaultsToNonRoot(parseImageRef(rootBase(model, final)))) return []
    return [
      hitAt(
        fromOf(final),
        'Add a USER instruction (e.g. `USER 10001:10001`) to the final stage: without it the container runs as root.'
      )
    ]
  }
)

/** True when the stage chain has no /bin/sh: scratch or distroless (non-debug), and nothing copied in a shell. */
export function stageHasNoShell(model: DockerfileModel, stage: Stage): boolean {
  const base = rootBase(model, stage)
  const ref = parseImageRef(base)
  const shellless =
    isScratch(base) ||
    (ref !== undefined && ref.repository.includes('distroless') && !(ref.tag ?? '').includes('debug')) ||
    (ref !== undefined && ref.registry === 'cgr.dev' && /static/.test(ref.repository))
  if (!shellless) return false
  for (const link of stageChain(model, stage)) {
    for (const instruction of link.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue
      const { sources, dest } = copyPaths(instruction)
      if ([...sources, dest ?? ''].some(path => /busybox|\/bin\/(ba)?sh$|^\/bin\/?$/.test(path))) return false
    }
  }
  return true
}

export const SG1013 = defineRule(
  {
    id: 'SG1013',
    severity: 'error',
    summary: 'Shell-form CMD or ENTRYPOINT in a final stage that has no shell (scratch, distroless).'
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final || !stageHasNoShell(model, final)) return []
    const hits: RuleHit[] = []
    for (const keyword of ['CMD', 'ENTRYPOINT']) {
      const last = [...final.instructions].reverse().find(instruction => instruction.keyword === keyword)
      if (last && !last.jsonForm && last.args !== '') {
        const example = /[|&;<>$`*?()]/.test(last.args) ? '["/app", "--flag"]' : JSON.stringify(last.argv)
        hits.push(
          hitAt(
            last,
            `Write ${keyword} in JSON form (${keyword} ${example}): the final image has no /bin/sh to run the shell form, so the container cannot start.`
          )
        )
      }
    }
    return hits
  }
)
