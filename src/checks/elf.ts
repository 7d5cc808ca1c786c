// Just enough ELF to tell whether a binary can start: its interpreter
// (PT_INTERP) and the libraries it needs (DT_NEEDED, DT_RPATH, DT_RUNPATH).
// Works on the captured prefix of the file: whatever lies beyond it is
// reported as unknown, never guessed.

export interface ElfInfo {
  class: 32 | 64
  machine: number
  /** PT_INTERP path; undefined for static binaries and shared libraries. */
  interpreter?: string
  /** True when the file has a PT_DYNAMIC segment. */
  dynamic: boolean
  /** DT_NEEDED names; undefined when the dynamic section or its strings lie beyond the captured bytes. */
  needed?: string[]
  runpath: string[]
  /** Why `needed` is unknown, when it is. */
  unreadable?: string
}

const PT_LOAD = 1
const PT_DYNAMIC = 2
const PT_INTERP = 3
const DT_NULL = 0
const DT_NEEDED = 1
const DT_STRTAB = 5
const DT_RPATH = 15
const DT_RUNPATH = 29

/**
 * Distinct DT_NEEDED names and RPATH/RUNPATH directories read at most. Real
 * binaries list a few dozen libraries and a handful of directories; a crafted
 * one repeats entries thousands of times (each lookup is a name times a
 * directory), so repeats are read once and past these limits the libraries
 * are reported unknown, never guessed.
 */
export const ELF_LIMITS = { needed: 128, runpathDirs: 32 } as const

export const EM_X86_64 = 62
export const EM_AARCH64 = 183

export function isElf(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32BE(0) === 0x7f454c46
}

export function parseElf(buffer: Buffer): ElfInfo | undefined {
  if (!isElf(buffer) || buffer.length < 52) return undefined
  const is64 = buffer[4] === 2
  const little = buffer[5] !== 2
  const u16 = (offset: number): number => (little ? buffer.readUInt16LE(offset) : buffer.readUInt16BE(offset))
  const u32 = (offset: number): number => (little ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset))
  const word = (offset: number): number => {
    if (!is64) return u32(offset)
    const value = little ? buffer.readBigUInt64LE(offset) : buffer.readBigUInt64BE(offset)
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value)
  }
  const fits = (offset: number, length: number): boolean => offset >= 0 && offset + length <= buffer.length

  if (is64 && buffer.length < 64) return undefined
  const machine = u16(18)
  const phoff = is64 ? word(32) : u32(28)
  const phentsize = u16(is64 ? 54 : 42)
  const phnum = u16(is64 ? 56 : 44)
  const info: ElfInfo = { class: is64 ? 64 : 32, machine, dynamic: false, runpath: [] }
  if (phentsize < (is64 ? 56 : 32) || !fits(phoff, phentsize * phnum)) {
    info.unreadable = 'program headers lie beyond the captured bytes'
    return info
  }

  const loads: { vaddr: number; offset: number; filesz: number }[] = []
  let dynamicSegment: { offset: number; size: number } | undefined
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize
    const type = u32(at)
    const offset = is64 ? word(at + 8) : u32(at + 4)
    const vaddr = is64 ? word(at + 16) : u32(at + 8)
    const filesz = is64 ? word(at + 32) : u32(at + 16)
    if (type === PT_LOAD) loads.push({ vaddr, offset, filesz })
    else if (type === PT_DYNAMIC) dynamicSegment = { offset, size: filesz }
    else if (type === PT_INTERP) {
      if (fits(offset, filesz))
        info.interpreter = buffer.toString('latin1', offset, offset + filesz).replace(/\0.*$/s, '')
      else info.unreadable = 'the interpreter path lies beyond the captured bytes'
    }
  }
  if (!dynamicSegment) return info
  info.dynamic = true
  if (!fits(dynamicSegment.offset, dynamicSegment.size)) {
    info.unreadable = `the dynamic section (offset ${dynamicSegment.offset}) lies beyond the ${buffer.length} captured bytes`
    return info
  }

  const entrySize = is64 ? 16 : 8
  const neededOffsets: number[] = []
  const runpathOffsets: number[] = []
  let strtabAddress: number | undefined
  for (
    let at = dynamicSegment.offset;
    at + entrySize <= dynamicSegment.offset + dynamicSegment.size;
    at += entrySize
  ) {
    const tag = is64 ? word(at) : u32(at)
    const value = is64 ? word(at + 8) : u32(at + 4)
    if (tag === DT_NULL) break
    if (tag === DT_NEEDED) neededOffsets.push(value)
    else if (tag === DT_STRTAB) strtabAddress = value
    else if (tag === DT_RPATH || tag === DT_RUNPATH) runpathOffsets.push(value)
  }
  if (strtabAddress === undefined) {
    info.needed = []
    return info
  }
  // DT_STRTAB is a virtual address: map it to a file offset through the PT_LOAD segments.
  const load = loads.find(
    segment => strtabAddress >= segment.vaddr && strtabAddress < segment.vaddr + segment.filesz
  )
  const strtab = load ? strtabAddress - load.vaddr + load.offset : strtabAddress
  const readString = (offset: number): string | undefined => {
    const start = strtab + offset
    if (start < 0 || start >= buffer.length) return undefined
    const end = buffer.indexOf(0, start)
    return end < 0 ? undefined : buffer.toString('latin1', start, end)
  }
  // A repeated entry names the same string: read each offset once.
  const uniqueNeeded = [...new Set(neededOffsets)]
  const uniqueRunpaths = [...new Set(runpathOffsets)]
  if (uniqueNeeded.length > ELF_LIMITS.needed) {
    info.unreadable = `it lists ${uniqueNeeded.length} needed libraries, more than the ${ELF_LIMITS.needed} checked`
    return info
  }
  if (uniqueRunpaths.length > ELF_LIMITS.runpathDirs) {
    info.unreadable = `it has ${uniqueRunpaths.length} RPATH/RUNPATH entries, more than the ${ELF_LIMITS.runpathDirs} checked`
    return info
  }
  const needed = new Set<string>()
  for (const offset of uniqueNeeded) {
    const name = readString(offset)
    if (name === undefined) {
      info.unreadable = 'the dynamic string table lies beyond the captured bytes'
      return info
    }
    needed.add(name)
  }
  const runpath = new Set<string>()
  for (const offset of uniqueRunpaths) {
    const value = readString(offset)
    if (value === undefined) continue
    for (const dir of value.split(':')) if (dir !== '') runpath.add(dir)
    if (runpath.size > ELF_LIMITS.runpathDirs) {
      info.unreadable = `its RPATH/RUNPATH lists more than the ${ELF_LIMITS.runpathDirs} directories checked`
      return info
    }
  }
  info.runpath = [...runpath]
  info.needed = [...needed]
  return info
}
