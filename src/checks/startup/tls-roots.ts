// SG2044: an executable the command runs loads the system CA bundle (a Go
// binary with crypto/x509's root paths, or a program linked to OpenSSL,
// GnuTLS, libcurl or NSS) and the image has no bundle at any path those
// look in: every HTTPS call fails with "certificate signed by unknown
// authority". The fix is one COPY from a stage that has the bundle.
import type { DockerfileModel } from '../../dockerfile/model.js'
import type { ImageIndex } from '../../image/types.js'
import type { CheckContext, CheckHit, ImageCheck } from '../check.js'
import { resolveFile } from '../resolve.js'
import { describeOrigin, startupAnalysis, type Step } from './analysis.js'
import { envValue } from './lookup.js'
import { CA_DIRS, CA_FILES, markersOf, TLS_LIBRARIES, TLS_MARKERS } from './markers.js'
import { atStep } from './where.js'

/** Why this executable reads the system CA bundle, or undefined when nothing says it does. */
export function loadsCaBundle(index: ImageIndex, step: Step): string | undefined {
  const file = step.lookup.file
  if (!file || !step.elf) return undefined
  const found = (markersOf(index, file) ?? []).filter(marker => TLS_MARKERS.includes(marker))
  if (found.length > 0)
    return `it names ${found[0]}${found.length > 1 ? ` (+${found.length - 1} more CA paths)` : ''}`
  const library = (step.elf.needed ?? []).find(name => TLS_LIBRARIES.test(name))
  return library ? `it links ${library}` : undefined
}

function hasEntries(index: ImageIndex, dir: string): boolean {
  const resolved = resolveFile(index.files, dir)
  if (!resolved || resolved.type !== 'dir') return false
  const prefix = `${resolved.path}/`
  for (const path of index.files.keys()) if (path.startsWith(prefix)) return true
  return false
}

/** A CA bundle the image offers: SSL_CERT_FILE / SSL_CERT_DIR when set, else the known files and directories. */
export function caBundle(index: ImageIndex): string | undefined {
  const env = index.config.Env
  const certFile = envValue(env, 'SSL_CERT_FILE')
  const certDir = envValue(env, 'SSL_CERT_DIR')
  if (certFile !== undefined || certDir !== undefined) {
    if (certFile !== undefined && resolveFile(index.files, certFile)?.type === 'file') return certFile
    const dirs = (certDir ?? '').split(':').filter(Boolean)
    return dirs.find(dir => hasEntries(index, dir))
  }
  for (const path of CA_FILES) {
    const file = resolveFile(index.files, path)
    if (file && file.type !== 'dir' && (file.size > 0 || file.type === 'hardlink')) return path
  }
  return CA_DIRS.find(dir => hasEntries(index, dir))
}

/** A stage to copy the bundle from: the one the binary came from, else the last non-scratch stage before the final one. */
function sourceStage(context: CheckContext, layer: number): string {
  const model: DockerfileModel | undefined = context.model
  if (!model) return 'build'
  const from = context.attribution[layer]?.via?.fromStage
  const stage =
    (from !== undefined ? model.stages[from] : undefined) ??
    [...model.stages]
      .reverse()
      .find(candidate => !candidate.final && candidate.base.toLowerCase() !== 'scratch')
  if (!stage) return 'build'
  return stage.name ?? String(stage.index)
}

export const SG2044: ImageCheck = {
  id: 'SG2044',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'An executable the command runs loads the system CA bundle, which the image does not have',
  run: context => {
    const { index } = context
    const analysis = startupAnalysis(context)
    const hits: CheckHit[] = []
    let bundle: string | undefined | null = null
    for (const step of analysis.steps) {
      const why = loadsCaBundle(index, step)
      const file = step.lookup.file
      if (why === undefined || !file) continue
      if (bundle === null) bundle = caBundle(index)
      if (bundle !== undefined) return []
      const from = sourceStage(context, file.layer)
      hits.push({
        message: `${describeOrigin(analysis.origin)} runs ${file.path}, which loads the system CA bundle (${why}), but the image has none: HTTPS calls will fail with "certificate signed by unknown authority"; add COPY --from=${from} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ to the final stage`,
        evidence: `no CA bundle at ${CA_FILES[0]} or the ${CA_FILES.length - 1} other paths Go, OpenSSL and GnuTLS try`,
        ...atStep(step, analysis.origin)
      })
    }
    return hits
  }
}
