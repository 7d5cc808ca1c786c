// Finding an executable as the runtime does inside the container: a name
// with a slash is a path (relative to WORKDIR); a bare name is searched on
// the image's PATH (Docker's default PATH when the image sets none), taking
// the first entry that is not a directory and that this user may execute, as
// Go's exec.LookPath (which runc uses, after switching user) does. Symlinks
// are followed inside the image; every directory on the way must be
// searchable by the user.
import { joinPath, normalisePath, parentOf } from '../../image/paths.js'
import type { ImageFile, ImageIndex } from '../../image/types.js'
import { resolveFile } from '../resolve.js'
import { describeIdentity, octal, permits, type Identity } from './identity.js'

/** moby's default PATH for Linux containers whose image sets none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export type LookupStatus = 'ok' | 'missing' | 'not-on-path' | 'directory' | 'denied'

export interface Lookup {
  status: LookupStatus
  /** The name as written (`app`, `/app`, `./run.sh`). */
  name: string
  /** The path the runtime would execute (the PATH candidate, or the absolute path). */
  path?: string
  /** The file it resolves to, when it exists. */
  file?: ImageFile
  /** Why it is denied or what is wrong, in words. */
  detail?: string
  /** PATH directories searched for a bare name. */
  searched?: string[]
}

export function envValue(env: readonly string[] | undefined, name: string): string | undefined {
  const prefix = `${name}=`
  const entry = [...(env ?? [])].reverse().find(item => item.startsWith(prefix))
  return entry === undefined ? undefined : entry.slice(prefix.length)
}

export function searchPath(index: ImageIndex): string[] {
  return (envValue(index.config.Env, 'PATH') ?? DEFAULT_PATH).split(':')
}

export function workingDir(index: ImageIndex): string {
  const dir = index.config.WorkingDir ?? ''
  return dir === '' ? '/' : normalisePath(dir).path
}

/** The directories the kernel searches to reach `path` (its ancestors), that deny this user. */
function unsearchable(index: ImageIndex, path: string, who: Identity): ImageFile | undefined {
  const ancestors: string[] = []
  for (let dir = parentOf(path); ; dir = parentOf(dir)) {
    ancestors.unshift(dir)
    if (dir === '/') break
  }
  for (const dir of ancestors) {
    const entry = index.files.get(dir)
    // Directories a layer does not list are implicit (0755 root): searchable.
    if (entry?.type === 'dir' && !permits(entry, who, 'execute')) return entry
  }
  return undefined
}

/** One path: exists, is not a directory, and this user may execute it (reading it too, for scripts, is checked by the caller). */
export function lookupPath(index: ImageIndex, name: string, path: string, who: Identity): Lookup {
  const file = resolveFile(index.files, path)
  if (!file) {
    const link = index.files.get(path)
    return link?.type === 'symlink'
      ? {
          status: 'missing',
          name,
          path,
          detail: `${path} is a symlink to ${link.linkTarget ?? '?'}, which is not in the image`
        }
      : { status: 'missing', name, path }
  }
  if (file.type === 'dir') return { status: 'directory', name, path, file }
  if (file.type !== 'file' && file.type !== 'hardlink')
    return { status: 'missing', name, path, detail: `${path} is not a regular file` }
  const blocked = unsearchable(index, path, who) ?? unsearchable(index, file.path, who)
  if (blocked)
    return {
      status: 'denied',
      name,
      path,
      file,
      detail: `the directory ${blocked.path} (${blocked.uid}:${blocked.gid} ${octal(blocked.mode)}) is not searchable by ${describeIdentity(who)}`
    }
  if (!permits(file, who, 'execute'))
    return {
      status: 'denied',
      name,
      path,
      file,
      detail: `${file.path} is ${file.uid}:${file.gid} ${octal(file.mode)}: not executable by ${describeIdentity(who)}`
    }
  return { status: 'ok', name, path, file }
}

export function findExecutable(index: ImageIndex, name: string, who: Identity): Lookup {
  const cwd = workingDir(index)
  if (name.includes('/')) {
    const path = name.startsWith('/') ? normalisePath(name).path : normalisePath(joinPath(cwd, name)).path
    return lookupPath(index, name, path, who)
  }
  const searched = searchPath(index)
  let denied: Lookup | undefined
  for (const dir of searched) {
    const base = dir === '' ? cwd : dir.startsWith('/') ? dir : joinPath(cwd, dir)
    const found = lookupPath(index, name, normalisePath(joinPath(base, name)).path, who)
    if (found.status === 'ok') return { ...found, searched }
    if (found.status === 'denied') denied ??= found
  }
  // LookPath skips what the user cannot execute; say so when that is why nothing was found.
  return denied ? { ...denied, status: 'not-on-path', searched } : { status: 'not-on-path', name, searched }
}
