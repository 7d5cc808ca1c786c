// /etc/passwd and /etc/group as SG2003/SG2013 need them: names and ids.

export interface Account {
  name: string
  id: number
}

/** `name:x:uid:...` (passwd) or `name:x:gid:...` (group) lines. */
export function parseAccounts(text: string): Account[] {
  const accounts: Account[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(':')
    const id = Number(fields[2])
    if (fields[0] && Number.isInteger(id)) accounts.push({ name: fields[0], id })
  }
  return accounts
}

/** `USER` value split into user and optional group (`app`, `1000:1000`, `app:staff`). */
export function splitUser(value: string): { user: string; group?: string } {
  const colon = value.indexOf(':')
  return colon < 0 ? { user: value } : { user: value.slice(0, colon), group: value.slice(colon + 1) }
}

export function isNumericId(value: string): boolean {
  return /^\d+$/.test(value)
}
