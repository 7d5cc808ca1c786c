// The jobs whose time growth the scale tests measure (growth.ts's
// measureGrowth runs them in a fresh process) or whose peak memory the memory
// bounds assert (memory.ts's measurePeakRss). Each takes an input size,
// builds its input (not timed) and returns the work to time or measure.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { SG2007 } from '../../src/checks/rules/runtime-tools.js'
import { emptyConfig } from '../../src/config.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { parseShell } from '../../src/dockerfile/shell.js'
import type { ImageFile, ImageIndex } from '../../src/image/types.js'
import { readImage } from '../../src/image/read.js'
import { lintModel } from '../../src/lint/engine.js'
import { undefinedVar } from '../../src/lint/rules/buildkit.js'
import { fingerprintFindings, instructionTextFromModels } from '../../src/report/fingerprint.js'
import type { Finding } from '../../src/finding.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatSarif } from '../../src/report/formats/sarif.js'
import { header, tar, writeManyFilesLayout, writeOciLayout } from '../image/support/tar-writer.js'
import { ImageBuilder, exe } from '../checks/support/image-builder.js'
import { SG2012 } from '../../src/checks/rules/dynamic-libs.js'
import { runImageChecks } from '../../src/checks/run.js'
import { checkImage } from '../../src/pipeline.js'
import { UsageError } from '../../src/errors.js'
import { lintFile, readDockerfile } from '../../src/lint/lint-file.js'

type Job = () => unknown

/** A block of instructions repeated to make a long one-stage Dockerfile. */
export const LONG_BODY =
  'RUN apt-get update && apt-get install -y curl\nCOPY . /app\n# hadolint ignore=DL3008\nRUN echo hi\n'

export const longDockerfile = (bytes: number): string =>
  'FROM debian:bookworm AS s\n' + LONG_BODY.repeat(Math.floor(bytes / LONG_BODY.length))

/** `stages` stages, each copying from the one before and running a package install. */
export function manyStages(stages: number): string {
  const lines = ['FROM debian:bookworm AS s0', 'RUN apt-get update && apt-get install -y curl']
  for (let i = 1; i < stages; i++) {
    lines.push(`FROM debian:bookworm AS s${i}`)
    lines.push(`COPY --from=s${i - 1} /out /in`)
    lines.push(`RUN apt-get update && apt-get install -y --no-install-recommends curl=7.${i} && make -C /in`)
  }
  return lines.join('\n') + '\n'
}

/** An image index of `homes` home directories, each with an npm cache. */
export function indexWithHomes(homes: number): ImageIndex {
  const files = new Map<string, ImageFile>()
  for (let i = 0; i < homes; i++) {
    const path = `/home/u${i}/.npm/_cacache/x`
    files.set(path, { path, type: 'file', size: 10, mode: 0o644, uid: 0, gid: 0, layer: 0 })
  }
  return {
    ref: 'x',
    config: {},
    history: [],
    layers: [],
    files,
    shadowed: [],
    contents: new Map(),
    sizeBytes: 0,
    wastedBytes: 0,
    efficiency: 1,
    warnings: []
  }
}

export const checkContext = (index: ImageIndex) => ({
  index,
  attribution: [],
  historyAttribution: [],
  config: {} as never
})

let scratch: string | undefined
let layouts = 0

/** A fresh directory for one job's input (an OCI layout, a Dockerfile), under this process's scratch dir. */
function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'stagegate-growth-jobs-'))
  const dir = join(scratch, `layout-${layouts++}`)
  mkdirSync(dir)
  return dir
}

/** Removes what the jobs wrote. */
export function removeScratch(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  scratch = undefined
}

/** A 48 MiB layer (with a setuid `su`) and a layer deleting its data file: the two blobs of the repeated-layer job. */
export function repeatedLayerBlobs(): Buffer[] {
  const big = Buffer.concat([
    header({ name: 'data.bin' }, 48 * 1024 ** 2),
    Buffer.alloc(48 * 1024 ** 2),
    header({ name: 'bin/su', mode: 0o4755 }, 2),
    Buffer.from('su'),
    Buffer.alloc(510),
    Buffer.alloc(1024)
  ])
  const other = Buffer.concat([header({ name: '.wh.data.bin' }, 0), Buffer.alloc(1024)])
  return [gzipSync(big, { level: 1 }), gzipSync(other)]
}

/** Layer order: the big layer and its deleter alternately, `times` layers in all. */
export const alternating = (times: number): number[] => Array.from({ length: times }, (_, i) => i % 2)

/** `depth` nested directories (each with a file), then ten layers of whiteouts elsewhere. */
function deepWhiteoutLayers(depth: number): Buffer[] {
  const entries = []
  let path = ''
  for (let i = 0; i < depth; i++) {
    path += `${i % 10}/`
    entries.push({ name: path, typeflag: '5' })
    entries.push({ name: `${path}f`, data: 'x' })
  }
  const whiteouts = Array.from({ length: 10 }, (_, i) => tar([{ name: `.wh.other${i}`, data: '' }]))
  return [tar(entries), ...whiteouts]
}

/** `runs` RUN instructions (every other one continued on a second line) and one finding on each. */
export function runsWithFindings(runs: number): { source: string; findings: Finding[] } {
  const lines = ['FROM debian:bookworm']
  const findings: Finding[] = []
  for (let i = 0; i < runs; i++) {
    findings.push({
      ruleId: 'DL3008',
      severity: 'warning',
      message: 'Pin versions',
      line: lines.length + 1
    })
    if (i % 2 === 0) lines.push(`RUN apt-get install -y curl${i} \\`, '  && true')
    else lines.push(`RUN echo ${i}`)
  }
  return { source: lines.join('\n') + '\n', findings }
}

/**
 * `stages` stages, each FROM the one before: each declares an ARG and uses
 * one undefined variable near a defined name (a typo UndefinedVar reports).
 */
export function chainedStages(stages: number): string {
  // ENVs, not ARGs: a stage built FROM another inherits its ENVs (an ARG ends with its stage).
  const lines = ['FROM scratch AS s0', 'ENV VALUE0=x']
  for (let i = 1; i < stages; i++) {
    lines.push(`FROM s${i - 1} AS s${i}`, `ENV VALUE${i}=x`, `ENV OUT${i}=$VALUE${i - 1} TYPO=$VALU${i}`)
  }
  return lines.join('\n') + '\n'
}

/**
 * A 64-bit ELF executable (under the 64 KiB the reader captures) whose
 * dynamic section repeats one DT_NEEDED and one DT_RUNPATH entry `repeats`
 * times each, the RUNPATH naming `dirs` directories.
 */
export function repeatedDynamicElf(repeats: number, dirs: number): Buffer {
  const runpath = Array.from({ length: dirs }, (_, i) => `/d${i}`).join(':')
  const strtab = Buffer.from(`\0libc.so.6\0${runpath}\0`)
  const interp = Buffer.from('/lib64/ld-linux-x86-64.so.2\0')
  const phoff = 64
  const interpOffset = phoff + 3 * 56
  const strtabOffset = interpOffset + interp.length
  const dynamicOffset = strtabOffset + strtab.length
  const entries: [number, number][] = [[5, strtabOffset]]
  for (let i = 0; i < repeats; i++) entries.push([1, 1], [29, 11])
  entries.push([0, 0])
  const total = dynamicOffset + entries.length * 16
  const elf = Buffer.alloc(total)
  elf.writeUInt32BE(0x7f454c46, 0)
  elf[4] = 2 // 64-bit
  elf[5] = 1 // little-endian
  elf[6] = 1
  elf.writeUInt16LE(2, 16) // ET_EXEC
  elf.writeUInt16LE(62, 18) // x86-64
  elf.writeBigUInt64LE(BigInt(phoff), 32)
  elf.writeUInt16LE(64, 52)
  elf.writeUInt16LE(56, 54)
  elf.writeUInt16LE(3, 56)
  const program = (at: number, type: number, offset: number, size: number): void => {
    elf.writeUInt32LE(type, at)
    elf.writeBigUInt64LE(BigInt(offset), at + 8)
    elf.writeBigUInt64LE(BigInt(offset), at + 16) // vaddr == offset: one PT_LOAD at 0
    elf.writeBigUInt64LE(BigInt(size), at + 32)
  }
  program(phoff, 1, 0, total)
  program(phoff + 56, 3, interpOffset, interp.length)
  program(phoff + 112, 2, dynamicOffset, entries.length * 16)
  interp.copy(elf, interpOffset)
  strtab.copy(elf, strtabOffset)
  entries.forEach(([tag, value], i) => {
    elf.writeBigUInt64LE(BigInt(tag), dynamicOffset + i * 16)
    elf.writeBigUInt64LE(BigInt(value), dynamicOffset + i * 16 + 8)
  })
  return elf
}

/** `binaries` crafted executables (1,500 repeated entries, a 2,000-directory RUNPATH), the loader present, libc nowhere. */
export function indexWithRepeatedElfs(binaries: number): ImageIndex {
  const entries: Record<string, ReturnType<typeof exe>> = { '/lib64/ld-linux-x86-64.so.2': exe('ld') }
  const elf = repeatedDynamicElf(1500, 2000)
  for (let i = 0; i < binaries; i++) entries[`/app/bin${i}`] = exe(elf)
  return new ImageBuilder().layer('COPY app /app # buildkit', entries).build()
}

/** `n` setuid findings of one rule, one file each, as a crafted image would raise them unaggregated. */
export function setuidFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: 'SG2010',
    severity: 'warning' as const,
    message: `/usr/bin/su${i} is setuid; remove the bit (chmod u-s,g-s) or the file unless the image must escalate privileges`,
    path: `/usr/bin/su${i}`,
    stage: { index: 0, final: true },
    layer: { index: 0 }
  }))
}

/** The SARIF log of a report of `findings`, as `--format sarif` writes it. */
export function sarifOf(findings: Finding[]): string {
  const report = buildReport({ dockerfile: 'Dockerfile', findings, toolVersion: '0.0.0' })
  return formatSarif([report], { toolVersion: '0.0.0', srcRoot: '/work' })
}

/** The message of the UsageError `work` refuses its input with; anything else (no refusal included) throws. */
async function refusal(work: () => unknown): Promise<string> {
  try {
    await work()
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('the input was not refused')
}

/**
 * An OCI layout of one layer holding `files` empty setuid files. The tar is
 * written header by header into one buffer: a memory test's figure includes
 * building its input, so the input is built lean.
 */
export function setuidLayout(files: number): string {
  const layer = Buffer.alloc((files + 2) * 512)
  for (let i = 0; i < files; i++) header({ name: `usr/bin/su${i}`, mode: 0o4755 }, 0).copy(layer, i * 512)
  const dir = scratchDir()
  writeOciLayout(dir, [layer])
  return dir
}

export const jobs: Record<string, (size: number) => Job | Promise<Job>> = {
  /** The memory harness's own check: hold `mb` MB, every page written (a zero-filled buffer might stay unmapped). */
  allocate: mb => () => Buffer.alloc(mb * 1_000_000, 1).length,
  /** The harness's own check: work proportional to n... */
  linearWork: n => () => {
    let sum = 0
    for (let i = 0; i < n * 2000; i++) sum += i % 7
    return sum
  },
  /** ...and to n². */
  quadraticWork: n => () => {
    let sum = 0
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) % 7
    return sum
  },
  /** Parse and lint a one-stage Dockerfile of `bytes` bytes. */
  lintLongFile: bytes => {
    const source = longDockerfile(bytes)
    return () => lintModel(parseDockerfile(source, { path: 'Dockerfile' }), { config: emptyConfig() }).length
  },
  /** Lint (the parse untimed) a Dockerfile of `stages` chained stages. */
  lintStages: stages => {
    const model = parseDockerfile(manyStages(stages), { path: 'Dockerfile' })
    return () => lintModel(model, { config: emptyConfig() }).length
  },
  /** Parse a Dockerfile whose RUN line is `length` characters long. */
  parseLongLine: length => {
    const source = `FROM a\nRUN echo ${'x'.repeat(length)}\n`
    return () => parseDockerfile(source, { path: 'Dockerfile' }).stages.length
  },
  /** Tokenize a pathological script: `n` unclosed `$(`, stray quotes, then `n` commands. */
  parsePathologicalShell: n => {
    const script = '$('.repeat(n) + '"'.repeat(3) + "'".repeat(5) + ' a && b'.repeat(n)
    return () => parseShell(script).length
  },
  /** SG2007's cache scan over `homes` home directories. */
  cacheScan: homes => {
    const context = checkContext(indexWithHomes(homes))
    return () => SG2007.run(context).length
  },
  /** Read an image listing one 48 MiB layer (and its deleter) `times` times in all. */
  readRepeatedLayer: times => {
    const dir = scratchDir()
    writeOciLayout(dir, repeatedLayerBlobs(), { rawLayers: true, layerOrder: alternating(times) })
    return () => readImage(`oci-layout:${dir}`)
  },
  /** Read an image of `depth` nested directories under ten whiteout layers. */
  readDeepWhiteouts: depth => {
    const dir = scratchDir()
    writeOciLayout(dir, deepWhiteoutLayers(depth))
    return () => readImage(`oci-layout:${dir}`)
  },
  /** Fingerprint one finding on each of `runs` RUN instructions, as a report does. */
  fingerprintRuns: runs => {
    const { source, findings } = runsWithFindings(runs)
    const model = parseDockerfile(source, { path: 'Dockerfile' })
    return () => fingerprintFindings(findings, 'Dockerfile', instructionTextFromModels([model])).length
  },
  /** UndefinedVar over `stages` chained stages (the parse untimed). */
  undefinedVarChain: stages => {
    const model = parseDockerfile(chainedStages(stages), { path: 'Dockerfile' })
    return () => undefinedVar.check({ model, config: emptyConfig() }).length
  },
  /** SG2012 over `binaries` executables with repeated DT_NEEDED/DT_RUNPATH entries. */
  repeatedElfEntries: binaries => {
    const context = checkContext(indexWithRepeatedElfs(binaries))
    return () => SG2012.run(context).length
  },
  /** A report of `n` setuid findings written as SARIF. */
  sarifManyFindings: n => {
    const findings = setuidFindings(n)
    return () => sarifOf(findings).length
  },
  /** Refuse a Dockerfile whose one RUN line is `mb` MB long (read and measured, never parsed). */
  refuseLongInstruction: mb => {
    const path = join(scratchDir(), 'Dockerfile')
    writeFileSync(path, `FROM a\nRUN echo ${'x'.repeat(mb * 1024 * 1024)}\n`)
    return () => refusal(() => readDockerfile(path, 'Dockerfile'))
  },
  /** Refuse, at lint, a .dockerignore of `patterns` patterns. */
  refuseBigDockerignore: patterns => {
    const dir = scratchDir()
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY app/ /app/\nCOPY . /src\n')
    // Written 10,000 patterns at a time, so the input does not weigh in the figure.
    const ignore = join(dir, '.dockerignore')
    writeFileSync(ignore, '')
    for (let from = 0; from < patterns; from += 10_000) {
      const to = Math.min(patterns, from + 10_000)
      appendFileSync(
        ignore,
        Array.from({ length: to - from }, (_, i) => `dir${from + i}/**/*.log\n`).join('')
      )
    }
    return () =>
      refusal(() => lintFile(join(dir, 'Dockerfile'), { config: emptyConfig(), shellcheck: false, cwd: dir }))
  },
  /** Read an image of `files` setuid files, run every image check and write the findings as SARIF. */
  /**
   * Read a layer of `files` empty files as `stagegate check` does (capture and startup scan) and
   * run every image check and the startup prediction on it; a wrong index is an error, not a figure.
   */
  checkManyFiles: async files => {
    const dir = scratchDir()
    await writeManyFilesLayout(dir, files)
    return async () => {
      // pipeline.ts's checkImage, which `stagegate check` runs; its reader is kept to check the index.
      let index: ImageIndex | undefined
      const checked = await checkImage(
        `oci-layout:${dir}/layout`,
        { platforms: [], push: false, sbom: 'false', provenance: 'false' },
        undefined,
        emptyConfig(),
        'Dockerfile',
        {
          tempDir: dir,
          info: () => undefined,
          readImage: async (ref, options) => (index = await readImage(ref, options))
        }
      )
      const last = index?.files.get(`/srv/data/d${(files - 1) % 1000}/f${files - 1}`)
      if (
        index?.files.size !== files ||
        index.layers[0]?.fileCount !== files ||
        last?.type !== 'file' ||
        last.size !== 0
      )
        throw new Error(`indexed ${index?.files.size} of ${files} files (last: ${JSON.stringify(last)})`)
      if (checked.notices.length > 0) throw new Error(checked.notices.join('; '))
      return checked.image.startup
    }
  },
  setuidImageToSarif: files => {
    const dir = setuidLayout(files)
    return async () => {
      const index = await readImage(`oci-layout:${dir}`)
      const findings = runImageChecks(index, { config: emptyConfig() })
      return sarifOf(findings).length
    }
  }
}
