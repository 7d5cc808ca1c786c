// Keys into an image archive or layout directory: digests map to the OCI
// blob path; legacy docker-archive paths come from untrusted manifest.json
// and must stay inside the archive.
import { UsageError } from '../../errors.js'
import { normalisePath } from '../paths.js'
import { blobPath, checkDigest } from './store.js'

export function archivePath(key: string, label: string): string {
  if (key.includes(':')) return blobPath(checkDigest(key, label))
  const { path, escaped } = normalisePath(key)
  if (escaped || path === '/')
    throw new UsageError(`${label}: invalid path in manifest.json: ${JSON.stringify(key)}`)
  return path.slice(1)
}
