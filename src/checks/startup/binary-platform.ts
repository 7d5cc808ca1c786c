// SG2043: an ELF executable the command reaches cannot be loaded on this
// image: it is built for another CPU than the image's platform (exec format
// error), or it is dynamically linked against the other C library (a glibc
// binary in a musl, Alpine-style, final stage or the reverse): its loader is
// missing while the other libc's loader is there. SG2012 reports a missing
// loader for every executable; this says why, for the ones that run.
import type { ImageIndex } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { EM_AARCH64, EM_X86_64 } from '../elf.js'
import { resolveFile } from '../resolve.js'
import { describeOrigin, startupAnalysis } from './analysis.js'
import { atStep } from './where.js'

/** ELF e_machine values each platform architecture runs (32-bit compat where the kernel has it). */
const MACHINES: Record<string, readonly number[]> = {
  amd64: [EM_X86_64, 3],
  '386': [3],
  arm64: [EM_AARCH64, 40],
  arm: [40],
  ppc64le: [21],
  ppc64: [21],
  s390x: [22],
  riscv64: [243],
  mips64le: [8],
  mips64: [8],
  loong64: [258]
}

const MACHINE_NAMES: Record<number, string> = {
  3: 'x86 (i386)',
  8: 'MIPS',
  21: 'PowerPC64',
  22: 's390x',
  40: 'ARM',
  [EM_X86_64]: 'x86-64',
  [EM_AARCH64]: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch'
}

export type Libc = 'glibc' | 'musl'

export function loaderLibc(path: string): Libc | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (/^ld-musl-[^/]+\.so\.1$/.test(name)) return 'musl'
  if (/^ld-linux[^/]*\.so\.\d+$/.test(name) || /^ld64\.so\.\d+$/.test(name) || name === 'ld.so.1')
    return 'glibc'
  return undefined
}

/** The C library loaders the image has, in the directories loaders live in. */
export function imageLoaders(index: ImageIndex): { libc: Libc; path: string }[] {
  const found: { libc: Libc; path: string }[] = []
  for (const file of index.files.values()) {
    if (!/^\/(lib|lib64|lib32|usr\/lib|usr\/lib64)\/[^/]+$/.test(file.path)) continue
    const libc = loaderLibc(file.path)
    if (libc && resolveFile(index.files, file.path)) found.push({ libc, path: file.path })
  }
  return found
}

export const SG2043: ImageCheck = {
  id: 'SG2043',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: "An executable the command runs is built for another CPU or C library than the image's",
  run: context => {
    const { index } = context
    const analysis = startupAnalysis(context)
    const who = describeOrigin(analysis.origin)
    const arch = index.platform?.architecture
    const allowed = arch === undefined ? undefined : MACHINES[arch]
    const hits: CheckHit[] = []
    let loaders: { libc: Libc; path: string }[] | undefined
    for (const step of analysis.steps) {
      const { elf } = step
      const file = step.lookup.file
      if (!elf || !file) continue
      if (allowed && !allowed.includes(elf.machine)) {
        hits.push({
          message: `${who} runs ${file.path}, an ${MACHINE_NAMES[elf.machine] ?? `ELF machine ${elf.machine}`} binary, in a ${index.platform?.os ?? 'linux'}/${arch} image: the container fails with "exec format error"; build it for ${arch} (e.g. GOARCH, --platform=$BUILDPLATFORM with a cross compiler)`,
          evidence: `ELF e_machine ${elf.machine}; image platform ${arch}`,
          ...atStep(step, analysis.origin)
        })
        continue
      }
      const wanted = elf.interpreter === undefined ? undefined : loaderLibc(elf.interpreter)
      if (wanted === undefined || resolveFile(index.files, elf.interpreter as string)) continue
      loaders ??= imageLoaders(index)
      const other = loaders.find(loader => loader.libc !== wanted)
      if (!other || loaders.some(loader => loader.libc === wanted)) continue
      hits.push({
        message: `${who} runs ${file.path}, linked against ${wanted} (loader ${elf.interpreter}), but the image's C library is ${other.libc} (${other.path}): the container fails with "no such file or directory"; build it in a ${other.libc}-based stage, link it statically, or use a ${wanted}-based final image`,
        evidence: `PT_INTERP ${elf.interpreter}; image has ${other.path}`,
        ...atStep(step, analysis.origin)
      })
    }
    return hits
  }
}
