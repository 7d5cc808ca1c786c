// SG2046 (note): the WORKDIR or a VOLUME is a directory the image's USER
// cannot write to (owned by root, 0755, or missing: the runtime creates it
// as root). Apps that write their working directory or volume fail at the
// first write; whether this one does cannot be told from the image, so this
// is a note and never changes the startup verdict.
import type { ImageFile, ImageIndex } from '../../image/types.js'
import { normalisePath } from '../../image/paths.js'
import { stageChain } from '../attribution.js'
import type { CheckContext, CheckHit, ImageCheck } from '../check.js'
import { resolveFile } from '../resolve.js'
import { startupAnalysis } from './analysis.js'
import { describeIdentity, octal, permits, type Identity } from './identity.js'

function writable(dir: ImageFile | undefined, who: Identity): boolean {
  // A missing directory is created by the runtime as root:root 0755.
  const entry = dir ?? { mode: 0o755, uid: 0, gid: 0 }
  return permits(entry, who, 'write') && permits(entry, who, 'execute')
}

function lineOf(
  context: CheckContext,
  keyword: string,
  path: string
): Pick<CheckHit, 'line' | 'endLine' | 'stage'> {
  const model = context.model
  if (!model) return {}
  for (const stage of stageChain(model)) {
    for (const instruction of [...stage.instructions].reverse()) {
      if (instruction.keyword !== keyword) continue
      const paths = instruction.argv.map(arg => normalisePath(arg).path)
      if (keyword === 'WORKDIR' || paths.includes(path))
        return { line: instruction.line, endLine: instruction.endLine, stage: stage.index }
    }
  }
  return {}
}

function dirs(index: ImageIndex): { path: string; keyword: 'WORKDIR' | 'VOLUME' }[] {
  const list: { path: string; keyword: 'WORKDIR' | 'VOLUME' }[] = []
  const workdir = index.config.WorkingDir
  if (workdir && normalisePath(workdir).path !== '/')
    list.push({ path: normalisePath(workdir).path, keyword: 'WORKDIR' })
  for (const volume of Object.keys(index.config.Volumes ?? {})) {
    const path = normalisePath(volume).path
    if (!list.some(entry => entry.path === path)) list.push({ path, keyword: 'VOLUME' })
  }
  return list
}

export const SG2046: ImageCheck = {
  id: 'SG2046',
  aliases: [],
  severity: 'note',
  phase: 'image',
  summary: 'The WORKDIR or a VOLUME is not writable by the image USER',
  run: context => {
    const { index } = context
    const who = startupAnalysis(context).identity
    const hits: CheckHit[] = []
    for (const { path, keyword } of dirs(index)) {
      const dir = resolveFile(index.files, path)
      if (dir && dir.type !== 'dir') continue
      if (writable(dir, who)) continue
      const state = dir
        ? `${dir.uid}:${dir.gid} ${octal(dir.mode)}`
        : 'missing, so the runtime creates it as 0:0 0755'
      hits.push({
        message: `${keyword} ${path} is ${state}: ${describeIdentity(who)} cannot write there; if the app writes to it, create it with COPY --chown (or RUN chown) for that user, or mount a writable volume`,
        evidence: `${keyword} ${path}`,
        path,
        ...lineOf(context, keyword, path)
      })
    }
    return hits
  }
}
