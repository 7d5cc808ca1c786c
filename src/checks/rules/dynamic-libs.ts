// SG2012: a dynamic ELF executable whose interpreter (PT_INTERP) or needed
// libraries (DT_NEEDED) are not in the image: the "works in the builder,
// `exec ... no such file or directory` in scratch" failure.
import type { ImageFile, ImageIndex } from '../../image/types.js'
import { DISTRO_TREES, capturedContent } from '../capture.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { EM_AARCH64, EM_X86_64, parseElf } from '../elf.js'
import { examples } from '../image-files.js'
import { dirname, resolveFile } from '../resolve.js'

const DEFAULT_LIBRARY_DIRS = ['/lib', '/lib64', '/usr/lib', '/usr/lib64', '/usr/local/lib']
const MULTIARCH: Record<number, string> = {
  [EM_X86_64]: 'x86_64-linux-gnu',
  [EM_AARCH64]: 'aarch64-linux-gnu'
}

/** Distinct ld.so.conf directories searched at most: past it, libraries are reported unknown rather than missing. */
export const CONFIGURED_DIR_LIMIT = 256

/** Library directories from /etc/ld.so.conf (with `include` globs of ld.so.conf.d) and musl's path file, each once. */
export function configuredLibraryDirs(index: ImageIndex): string[] {
  return readConfiguredDirs(index).dirs
}

function readConfiguredDirs(index: ImageIndex): { dirs: string[]; truncated: boolean } {
  const dirs = new Set<string>()
  for (const path of index.files.keys()) {
    const isConfig =
      path === '/etc/ld.so.conf' ||
      (path.startsWith('/etc/ld.so.conf.d/') && path.endsWith('.conf')) ||
      /^\/etc\/ld-musl-[^/]+\.path$/.test(path)
    if (!isConfig) continue
    const file = index.files.get(path)!
    if (file.type !== 'file') continue
    const content = capturedContent(index, file)
    if (!content) continue
    for (const raw of content.toString('utf8').split(/[\n:]/)) {
      const line = raw.replace(/#.*/, '').trim()
      if (!line.startsWith('/') || line.startsWith('include')) continue
      for (const dir of line.split(/\s+/)) {
        if (!dir.startsWith('/')) continue
        if (dirs.size >= CONFIGURED_DIR_LIMIT && !dirs.has(dir)) return { dirs: [...dirs], truncated: true }
        dirs.add(dir)
      }
    }
  }
  return { dirs: [...dirs], truncated: false }
}

function libraryDirs(
  index: ImageIndex,
  file: ImageFile,
  machine: number,
  runpath: readonly string[],
  configured: readonly string[]
): string[] {
  const origin = dirname(file.path)
  const arch = MULTIARCH[machine]
  return [
    ...new Set([
      ...runpath.map(dir => dir.replace(/\$\{?ORIGIN\}?/g, origin)),
      ...configured,
      ...(arch ? [`/lib/${arch}`, `/usr/lib/${arch}`, `/usr/local/lib/${arch}`] : []),
      ...DEFAULT_LIBRARY_DIRS
    ])
  ]
}

/** Lookups remembered at most (then forgotten and remembered afresh): the memo must not grow with a crafted image. */
const KNOWN_PATHS_LIMIT = 100_000

/** A file lookup memoised per run: many executables need the same few libraries in the same dirs. */
function existence(index: ImageIndex): (path: string) => boolean {
  const known = new Map<string, boolean>()
  return path => {
    let found = known.get(path)
    if (found === undefined) {
      if (known.size >= KNOWN_PATHS_LIMIT) known.clear()
      const direct = index.files.get(path)
      if (direct && (direct.type === 'file' || direct.type === 'hardlink')) found = true
      else {
        const file = resolveFile(index.files, path)
        found = file !== undefined && file.type !== 'dir'
      }
      known.set(path, found)
    }
    return found
  }
}

export const SG2012: ImageCheck = {
  id: 'SG2012',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'A dynamic executable whose interpreter or needed libraries are missing from the image',
  run: ({ index }) => {
    const hits: CheckHit[] = []
    const unverified: string[] = []
    const { dirs: configured, truncated } = readConfiguredDirs(index)
    const exists = existence(index)
    for (const file of index.files.values()) {
      if (file.type !== 'file' || (file.mode & 0o111) === 0) continue
      const content = capturedContent(index, file)
      if (!content) continue
      const elf = parseElf(content)
      if (!elf || elf.interpreter === undefined) continue // static, a shared library, or not ELF
      const missingInterpreter = !exists(elf.interpreter)
      const dirs = libraryDirs(index, file, elf.machine, elf.runpath, configured)
      let missingLibraries = (elf.needed ?? []).filter(
        name => !(name.includes('/') ? exists(name) : dirs.some(dir => exists(`${dir}/${name}`)))
      )
      // With more configured directories than are searched, "not found" is not "missing".
      const unknown = elf.needed === undefined || (truncated && missingLibraries.length > 0)
      if (truncated) missingLibraries = []
      if (!missingInterpreter && missingLibraries.length === 0) {
        if (unknown && !DISTRO_TREES.test(file.path)) unverified.push(file.path)
        continue
      }
      const problems = [
        ...(missingInterpreter ? [`its interpreter ${elf.interpreter} is missing`] : []),
        ...(missingLibraries.length > 0
          ? [
              `needed ${missingLibraries.length === 1 ? 'library' : 'libraries'} ${missingLibraries.join(', ')} missing`
            ]
          : [])
      ]
      hits.push({
        message: `${file.path} is dynamically linked but ${problems.join(' and ')}, so it cannot start; link it statically or use a final base that has its C library`,
        path: file.path,
        layer: file.layer,
        evidence: [
          `PT_INTERP ${elf.interpreter}`,
          elf.needed
            ? `DT_NEEDED ${elf.needed.join(', ') || '(none)'}`
            : `DT_NEEDED unknown: ${elf.unreadable ?? 'not read'}`
        ].join('; ')
      })
    }
    if (unverified.length > 0) {
      hits.push({
        severity: 'note',
        message: `${unverified.length} dynamic executable${unverified.length === 1 ? "'s" : "s'"} needed libraries could not be verified because their dynamic section lies beyond the bytes read or lists more entries than are checked; their interpreter is present`,
        evidence: examples(unverified.sort())
      })
    }
    return hits
  }
}
