// hadolint's COPY and ADD rules: destinations, archives and URLs, `--from` references, whole-filesystem copies.
import type { Instruction } from '../../dockerfile/model.js'
import { findStageIndex } from '../../dockerfile/parse.js'
import { type ShellCommand, commandName, effectiveArgv } from '../../dockerfile/shell.js'
import {
  defineRule,
  flatMapOf,
  hasMisreadFlag,
  hitAt,
  instructionsIn,
  keywordInstructions,
  splitRawWords
} from '../kit.js'
import { runBodies } from '../../dockerfile/run.js'
import type { RuleHit } from '../rule.js'

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

/** A COPY's words as written, quotes dropped but backslashes kept (Windows paths: `build\\app.tar`). */
function rawCopyWords(copy: Instruction): string[] {
  if (copy.jsonForm) return copy.argv
  return splitRawWords(copy.args, '\u0000').map(word => word.replace(/^(["'])(.*)\1$/, '$2'))
}

/**
 * A COPY of a tar archive (not `--from`) that a later RUN of the same stage extracts with `tar -x`
 * (by the archive's or the destination's file name): ADD would do both in one layer. COPYs before
 * the first FROM count too (hadolint lints every instruction).
 */
export const DL3010 = defineRule(
  { id: 'DL3010', severity: 'note', summary: 'Use ADD for extracting archives into an image.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    const copies = keywordInstructions(model, 'COPY').filter(
      copy => !copy.flags.some(flag => flag.name === 'from') && copy.argv.length >= 2
    )
    for (const copy of copies) {
      const words = rawCopyWords(copy)
      const sources = words.slice(0, -1).filter(source => TAR_ARCHIVE.test(source) && !source.includes('$'))
      if (sources.length === 0) continue
      const dest = words[words.length - 1] as string
      const names = new Set(sources.map(pathBasename))
      if (TAR_ARCHIVE.test(dest)) names.add(pathBasename(dest))
      const extracted = runBodies(model).some(
        run =>
          run.stage === copy.stage &&
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
    return hits
  }
)

function isRemote(source: string): boolean {
  return /^(https?|ftp|git):\/\//i.test(source) || /^git@/.test(source) || /\.git(#.*)?$/.test(source)
}

export const DL3020 = defineRule(
  { id: 'DL3020', severity: 'error', summary: 'Use COPY instead of ADD for files and folders.' },
  ({ model }) =>
    flatMapOf(keywordInstructions(model, 'ADD'), add => {
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

export const DL3021 = defineRule(
  {
    id: 'DL3021',
    severity: 'error',
    summary: 'COPY with more than 2 arguments requires the last argument to end with /.'
  },
  ({ model }) =>
    flatMapOf(keywordInstructions(model, 'COPY'), copy => {
      // `COPY --from build a b`: `build` is the flag's value, not a source (SG1030 reports the spelling).
      if (copy.argv.length <= 2 || hasMisreadFlag(copy)) return []
      const dest = copy.argv[copy.argv.length - 1] as string
      if (dest.endsWith('/') || dest.endsWith('\\') || dest.includes('$')) return []
      return [
        hitAt(copy, `End the COPY destination with a slash (\`${dest}/\`) when copying several sources.`)
      ]
    })
)

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
    // Every COPY, those before the first FROM too (stage -1: no stage is defined yet). An ONBUILD
    // COPY --from names a stage of the downstream Dockerfile: not judged here.
    for (const instruction of instructionsIn(model)) {
      const from = copyFrom(instruction)
      if (from === undefined || from === '' || looksLikeImage(from)) continue
      if ((firstStage.get(from.toLowerCase()) ?? Infinity) <= instruction.stage) continue
      // `--from=0` names the first stage: fine once that many FROMs came (its own stage included).
      if (/^\d+$/.test(from) && Number(from) <= instruction.stage) continue
      hits.push(
        hitAt(
          instruction,
          `Define the stage \`${from}\` (FROM … AS ${from}) before this COPY --from, or name an image with its tag.`
        )
      )
    }
    return hits
  }
)

export const DL3023 = defineRule(
  { id: 'DL3023', severity: 'error', summary: 'COPY --from cannot reference its own FROM alias.' },
  ({ model }) =>
    flatMapOf(model.stages, stage => {
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

/** An absolute container path, a Windows drive path, or a variable (which may well be absolute). */
function isAbsoluteDestination(dest: string): boolean {
  return dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest)
}

/** Stage-aware: a WORKDIR set in the stage, or in a stage it is based on (`FROM builder`), counts. */
export const DL3045 = defineRule(
  {
    id: 'DL3045',
    severity: 'warning',
    summary: '`COPY` to a relative destination without `WORKDIR` set'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    // The lines before any FROM too, as hadolint lints them: no WORKDIR can be set there yet.
    const scopes = [
      { base: undefined, instructions: model.preamble },
      ...model.stages.map(stage => ({
        base: stage.baseStage !== undefined ? model.stages[stage.baseStage] : undefined,
        instructions: stage.instructions
      }))
    ]
    for (const { base, instructions } of scopes) {
      let workdirSet = base?.workdir !== undefined
      for (const instruction of instructions) {
        if (instruction.keyword === 'WORKDIR') workdirSet = true
        if (instruction.keyword !== 'COPY' || workdirSet || instruction.argv.length < 2) continue
        const dest = instruction.argv[instruction.argv.length - 1] as string
        // A Windows path is judged as written: `c:\dir` loses its backslashes to word splitting.
        const rawDest = instruction.jsonForm ? dest : (splitRawWords(instruction.args).at(-1) ?? dest)
        if (!isAbsoluteDestination(dest) && !isAbsoluteDestination(rawDest.replace(/^["']/, ''))) {
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
)

/**
 * `COPY --from=X /` copies the stage's whole filesystem. Stage-aware: a stage
 * built `FROM scratch` holds only what was put there for export, so copying
 * all of it is the point and is not reported.
 */
/** `/` as written, quotes and a trailing `.` dropped (`"/"`, `/.`). */
function isRootPath(path: string): boolean {
  return /^["']?\/\.?["']?$/.test(path)
}

/**
 * As hadolint judges it: a `COPY --from` of the whole filesystem (`/`) onto `/`. Copying `/` into
 * a subdirectory, or a directory onto `/`, is not reported; a stage built FROM scratch holds only
 * what was put there (the usual artifact-export stage), so copying all of it is fine.
 */
export const DL3067 = defineRule(
  {
    id: 'DL3067',
    severity: 'warning',
    summary: 'Do not copy an entire filesystem (`/`) from another stage or image'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const copy of keywordInstructions(model, 'COPY')) {
      const from = copyFrom(copy)
      if (from === undefined || from === '' || copy.argv.length < 2) continue
      const sources = copy.argv.slice(0, -1)
      if (!sources.some(isRootPath) || !isRootPath(copy.argv[copy.argv.length - 1] as string)) continue
      const index = findStageIndex(model.stages, from)
      const stage = index !== undefined && index < Math.max(copy.stage, 0) ? model.stages[index] : undefined
      if (stage && stage.base.toLowerCase() === 'scratch') continue
      const origin = stage ? `stage \`${stage.name ?? stage.index}\`` : `\`${from}\``
      hits.push(hitAt(copy, `Copy only the files you need from ${origin}, not its whole filesystem \`/\`.`))
    }
    return hits
  }
)
