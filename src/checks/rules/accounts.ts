// The image's account databases, as dockle reads them: SG2020 an account
// with an empty password in /etc/shadow (anyone can `su` to it; dockle
// DKL-LI-0001) and SG2021 two accounts sharing a UID in /etc/passwd or a GID
// in /etc/group (one is the other for every permission check; dockle
// DKL-LI-0002 / DKL-LI-0003). Evidence names accounts, never hashes.
import { parseAccounts } from '../accounts.js'
import { capturedContent } from '../capture.js'
import type { CheckHit, ImageCheck } from '../check.js'
import type { ImageIndex } from '../../image/types.js'
import { resolveFile } from '../resolve.js'

function accountFile(
  index: ImageIndex,
  path: string
): { text: string; layer: number; path: string } | undefined {
  const file = resolveFile(index.files, path)
  if (!file || file.type !== 'file') return undefined
  const content = capturedContent(index, file)
  return content ? { text: content.toString('utf8'), layer: file.layer, path: file.path } : undefined
}

/** Accounts whose /etc/shadow password field is empty (`name::…`): no password at all, not a locked one (`!`, `*`). */
export function emptyPasswordAccounts(shadow: string): string[] {
  const names: string[] = []
  for (const line of shadow.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(':')
    if (fields.length >= 2 && fields[0] && fields[1] === '') names.push(fields[0])
  }
  return names
}

/** Ids shared by more than one account: id → names. */
export function duplicateIds(text: string): Map<number, string[]> {
  const byId = new Map<number, string[]>()
  for (const account of parseAccounts(text)) {
    const names = byId.get(account.id) ?? []
    if (!names.includes(account.name)) names.push(account.name)
    byId.set(account.id, names)
  }
  return new Map([...byId].filter(([, names]) => names.length > 1))
}

export const SG2020: ImageCheck = {
  id: 'SG2020',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'An account with an empty password in /etc/shadow',
  run: ({ index }) => {
    const shadow = accountFile(index, '/etc/shadow')
    if (!shadow) return []
    const names = emptyPasswordAccounts(shadow.text)
    if (names.length === 0) return []
    return [
      {
        message: `${names.length === 1 ? 'The account' : 'The accounts'} ${names.join(', ')} in /etc/shadow ${names.length === 1 ? 'has' : 'have'} an empty password, so anyone in the container can become ${names.length === 1 ? 'it' : 'them'}; lock ${names.length === 1 ? 'it' : 'them'} (passwd -l, or \`!\` in the password field)`,
        path: shadow.path,
        layer: shadow.layer,
        evidence: `empty password field: ${names.join(', ')}`,
        ...(names.length > 1 ? { count: names.length } : {})
      }
    ]
  }
}

export const SG2021: ImageCheck = {
  id: 'SG2021',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Duplicate UIDs in /etc/passwd or GIDs in /etc/group',
  run: ({ index }) => {
    const hits: CheckHit[] = []
    for (const [path, what] of [
      ['/etc/passwd', 'UID'],
      ['/etc/group', 'GID']
    ] as const) {
      const file = accountFile(index, path)
      if (!file) continue
      const duplicates = duplicateIds(file.text)
      if (duplicates.size === 0) continue
      const described = [...duplicates].map(([id, names]) => `${what} ${id}: ${names.join(', ')}`)
      hits.push({
        message: `${path} gives one ${what} to several ${what === 'UID' ? 'users' : 'groups'} (${described.join('; ')}): each is the other for every permission check; give each its own ${what}`,
        path: file.path,
        layer: file.layer,
        evidence: described.join('; '),
        ...(duplicates.size > 1 ? { count: duplicates.size } : {})
      })
    }
    return hits
  }
}
