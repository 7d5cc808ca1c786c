// Who the container runs as, the way the runtime (runc) turns the image's
// USER into ids: a name is looked up in /etc/passwd (uid and primary gid); a
// numeric uid takes its passwd entry's gid when there is one, else gid 0; an
// explicit `:group` sets the gid; supplementary groups come from /etc/group
// memberships when no group is given. No capability is kept in the hardened
// run (`--cap-drop ALL`), so even uid 0 gets only what the mode bits allow.
import type { ImageFile, ImageIndex } from '../../image/types.js'
import { isNumericId, splitUser } from '../accounts.js'
import { capturedContent } from '../capture.js'
import { resolveFile } from '../resolve.js'

export interface Identity {
  /** The USER value as the image config has it ('' = root). */
  raw: string
  uid: number
  gid: number
  groups: number[]
  /** Why the runtime cannot turn USER into ids (SG2013 reports it); the ids are then a guess. */
  unresolved?: string
}

interface PasswdEntry {
  name: string
  uid: number
  gid: number
}

interface GroupEntry {
  name: string
  gid: number
  members: string[]
}

function readText(index: ImageIndex, path: string): string | undefined {
  const file = resolveFile(index.files, path)
  if (!file || file.type !== 'file') return undefined
  return capturedContent(index, file)?.toString('utf8')
}

function lines(text: string | undefined): string[][] {
  return (text ?? '')
    .split(/\r?\n/)
    .filter(line => line !== '' && !line.startsWith('#'))
    .map(line => line.split(':'))
}

function passwd(index: ImageIndex): PasswdEntry[] {
  return lines(readText(index, '/etc/passwd')).flatMap(fields => {
    const uid = Number(fields[2])
    const gid = Number(fields[3])
    return fields[0] && Number.isInteger(uid) && Number.isInteger(gid) ? [{ name: fields[0], uid, gid }] : []
  })
}

function groups(index: ImageIndex): GroupEntry[] {
  return lines(readText(index, '/etc/group')).flatMap(fields => {
    const gid = Number(fields[2])
    return fields[0] && Number.isInteger(gid)
      ? [{ name: fields[0], gid, members: (fields[3] ?? '').split(',').filter(Boolean) }]
      : []
  })
}

export function imageIdentity(index: ImageIndex): Identity {
  const raw = (index.config.User ?? '').trim()
  const { user, group } = splitUser(raw === '' ? 'root' : raw)
  const users = passwd(index)
  const entry = isNumericId(user)
    ? users.find(candidate => candidate.uid === Number(user))
    : users.find(candidate => candidate.name === user)
  const identity: Identity = { raw, uid: 0, gid: 0, groups: [] }
  if (isNumericId(user)) identity.uid = Number(user)
  else if (entry) identity.uid = entry.uid
  else if (user === 'root') identity.uid = 0
  else identity.unresolved = `user ${user} is not in /etc/passwd`
  identity.gid = entry?.gid ?? 0
  const groupList = groups(index)
  if (group !== undefined && group !== '') {
    if (isNumericId(group)) identity.gid = Number(group)
    else {
      const named = groupList.find(candidate => candidate.name === group)
      if (named) identity.gid = named.gid
      else identity.unresolved ??= `group ${group} is not in /etc/group`
    }
  } else if (entry) {
    identity.groups = groupList.filter(g => g.members.includes(entry.name)).map(g => g.gid)
  }
  return identity
}

export type Access = 'read' | 'write' | 'execute'
const BITS: Record<Access, number> = { read: 4, write: 2, execute: 1 }

/** Mode-bit access without capabilities: owner bits, else group bits, else other bits (as the kernel picks the class). */
export function permits(
  file: Pick<ImageFile, 'mode' | 'uid' | 'gid'>,
  who: Identity,
  access: Access
): boolean {
  const mode = file.mode
  const cls =
    who.uid === file.uid
      ? (mode >> 6) & 7
      : who.gid === file.gid || who.groups.includes(file.gid)
        ? (mode >> 3) & 7
        : mode & 7
  return (cls & BITS[access]) !== 0
}

export function describeIdentity(who: Identity): string {
  const user = who.raw === '' ? 'root (no USER)' : `USER ${who.raw}`
  return `${user} (uid ${who.uid}, gid ${who.gid})`
}

export function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`
}
