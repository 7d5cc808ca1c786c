// Image hardening checks dockle and trivy users expect: SG2017 no
// HEALTHCHECK in the final image (dockle CIS-DI-0006, trivy DS026; a note),
// SG2018 credential files by name (dockle CIS-DI-0010's file list), SG2019
// the checked image's own tag is `:latest` (dockle DKL-DI-0006) and SG2022
// files a runtime image does not need (dockle DKL-LI-0003).
import type { ImageFile, ImageIndex } from '../../image/types.js'
import { basenameOf, capturedContent, isSecretScanTarget } from '../capture.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { examples } from '../image-files.js'
import { scanFileForSecrets } from '../secrets.js'

/** Trees where these names belong to installed packages (a library's settings.py), not to the application. */
const PACKAGE_TREES =
  /^\/(usr|lib|lib32|lib64|bin|sbin|proc|sys|var\/lib)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//

export const SG2017: ImageCheck = {
  id: 'SG2017',
  aliases: [],
  severity: 'note',
  phase: 'image',
  summary: 'No HEALTHCHECK in the final image',
  run: ({ index }) => {
    const healthcheck = index.config.Healthcheck as { Test?: unknown } | undefined | null
    const test = healthcheck?.Test
    if (Array.isArray(test) && test.length > 0 && test[0] !== 'NONE') return []
    const disabled = Array.isArray(test) && test[0] === 'NONE'
    return [
      {
        message: disabled
          ? 'The final image disables its HEALTHCHECK (HEALTHCHECK NONE); add one so the engine and orchestrators can tell a hung container from a healthy one'
          : 'The final image has no HEALTHCHECK; add one (e.g. HEALTHCHECK CMD ["/app", "-health"]) so the engine and orchestrators can tell a hung container from a healthy one',
        evidence: disabled ? 'config Healthcheck: NONE' : 'config Healthcheck: (none)'
      }
    ]
  }
}

/** Credential files by name; `settings.py` only when it sets a password. */
const CREDENTIAL_NAMES = new Set([
  'password.txt',
  'passwords.txt',
  'credentials.json',
  'database.yml',
  '.htpasswd'
])

/** Django-style `PASSWORD = '…'` / `'PASSWORD': "…"` with a non-empty value. */
const SETTINGS_PASSWORD = /['"]?\bPASSWORD['"]?\s*[:=]\s*['"][^'"\s]+['"]/i

export function isCredentialFileName(path: string): boolean {
  const name = basenameOf(path)
  return CREDENTIAL_NAMES.has(name) || name.endsWith('.ovpn')
}

/** Why this version of a file is a credential file, or undefined. */
function credentialReason(index: ImageIndex, file: ImageFile): string | undefined {
  if (file.type !== 'file' || PACKAGE_TREES.test(file.path)) return undefined
  const name = basenameOf(file.path)
  const content = capturedContent(index, file)
  // SG2004 already reports a file whose content it recognises: one finding per secret.
  if (
    content &&
    isSecretScanTarget(file.path, file.mode) &&
    scanFileForSecrets(file.path, content).length > 0
  )
    return undefined
  if (name === 'settings.py') {
    const text = content?.toString('latin1') ?? ''
    return SETTINGS_PASSWORD.test(text) ? 'sets a PASSWORD' : undefined
  }
  if (!isCredentialFileName(file.path)) return undefined
  return name.endsWith('.ovpn') ? 'an OpenVPN profile (keys and credentials)' : 'named like a credential file'
}

export const SG2018: ImageCheck = {
  id: 'SG2018',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary:
    'Credential files by name (password.txt, credentials.json, database.yml, *.ovpn, settings.py with a password)',
  run: ({ index }) => {
    const found: { file: ImageFile; reason: string; deletedBy?: number }[] = []
    for (const path of index.files.keys()) {
      // Only a credential file name or settings.py can be one: the name is tested before a record is built.
      if (!isCredentialFileName(path) && basenameOf(path) !== 'settings.py') continue
      const file = index.files.get(path)!
      const reason = credentialReason(index, file)
      if (reason) found.push({ file, reason })
    }
    for (const file of index.shadowed) {
      const reason = credentialReason(index, file)
      if (reason) found.push({ file, reason, deletedBy: file.hiddenBy })
    }
    const byLayer = new Map<number, typeof found>()
    for (const entry of found) {
      const list = byLayer.get(entry.file.layer)
      if (list) list.push(entry)
      else byLayer.set(entry.file.layer, [entry])
    }
    return [...byLayer]
      .sort(([a], [b]) => a - b)
      .map(([layer, entries]): CheckHit => {
        const sorted = [...entries].sort((a, b) => a.file.path.localeCompare(b.file.path))
        const paths = sorted.map(entry => entry.file.path)
        const deleted = sorted.some(entry => entry.deletedBy !== undefined)
        return {
          message: `The image carries credential file${paths.length === 1 ? '' : 's'} ${examples(paths)}${deleted ? ' (deleted by a later layer, still in this layer blob)' : ''}; keep credentials out of the build context and pass them at run time or with RUN --mount=type=secret`,
          path: paths[0]!,
          layer,
          evidence: sorted.map(entry => `${entry.file.path}: ${entry.reason}`).join('; '),
          ...(paths.length > 1 ? { count: paths.length } : {})
        }
      })
  }
}

/** The tag of an image reference, `latest` when none is written; undefined for digests and non-registry sources. */
export function imageTag(ref: string): string | undefined {
  if (/^(oci-layout|docker-archive|oci-archive|dir):/.test(ref)) return undefined
  const name = ref.replace(/^(registry|docker|docker-daemon|engine):/, '')
  if (name.includes('@') || /^(sha256:)?[0-9a-f]{12,64}$/.test(name)) return undefined
  const lastSlash = name.lastIndexOf('/')
  const colon = name.indexOf(':', lastSlash + 1)
  return colon < 0 ? 'latest' : name.slice(colon + 1)
}

export const SG2019: ImageCheck = {
  id: 'SG2019',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: "The checked image's own tag is :latest",
  run: ({ index, tags }) => {
    const refs = tags && tags.length > 0 ? tags : [index.ref]
    const latest = refs.filter(ref => imageTag(ref) === 'latest')
    if (latest.length === 0) return []
    return [
      {
        message: `The image is tagged ${latest.join(', ')}: \`latest\` names whatever was pushed last, so deployments cannot tell versions apart or roll back; tag it with a version or the commit (and deploy by digest)`,
        evidence: latest.join(', ')
      }
    ]
  }
}

/** Files and directories a runtime image does not need (dockle's list beyond .git and Dockerfile, which SG2006 reports). */
const UNNECESSARY_NAMES = new Set([
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  '.vimrc',
  '.DS_Store',
  '.cache',
  '.aws',
  '.azure',
  '.gcp',
  '.vscode',
  '.idea',
  '.npm'
])
/** The first (topmost) component of a path that is one of UNNECESSARY_NAMES. */
const UNNECESSARY_COMPONENT = new RegExp(
  `/(${[...UNNECESSARY_NAMES].map(name => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`
)
/** Caches SG2007 reports (root's and users' home caches): not reported twice. */
const BUILD_CACHES = /^\/(root|home\/[^/]+)\/\.(cache|npm)(\/|$)/

export const SG2022: ImageCheck = {
  id: 'SG2022',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary:
    'Files a runtime image does not need (docker-compose.yml, .vimrc, .DS_Store, .aws, .vscode, .idea ...)',
  run: ({ index }) => {
    const byLayer = new Map<number, Set<string>>()
    for (const path of index.files.keys()) {
      const component = UNNECESSARY_COMPONENT.exec(path)
      if (!component || PACKAGE_TREES.test(path)) continue
      // The path up to its topmost unnecessary component: `/app/.idea/workspace.xml` → `/app/.idea`.
      const root = path.slice(0, component.index + 1 + (component[1] as string).length)
      if (BUILD_CACHES.test(root)) continue
      const layer = index.files.get(path)!.layer
      const list = byLayer.get(layer) ?? new Set<string>()
      list.add(root)
      byLayer.set(layer, list)
    }
    return [...byLayer]
      .sort(([a], [b]) => a - b)
      .map(([layer, roots]): CheckHit => {
        const paths = [...roots].sort()
        return {
          message: `The final image contains ${examples(paths)}, which ${paths.length === 1 ? 'is' : 'are'} not needed at run time; add ${paths.length === 1 ? 'it' : 'them'} to .dockerignore (cloud credentials in .aws, .azure or .gcp especially)`,
          path: paths[0]!,
          layer,
          evidence: examples(paths, 10),
          ...(paths.length > 1 ? { count: paths.length } : {})
        }
      })
  }
}
