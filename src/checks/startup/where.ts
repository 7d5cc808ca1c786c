// Where a startup hit points: at the layer that put the file there (the
// runner maps it to the COPY line and its source stage), or, when the file
// is missing, at the ENTRYPOINT/CMD line that names it.
import type { ImageIndex } from '../../image/types.js'
import type { CheckHit } from '../check.js'
import type { CommandOrigin, Step } from './analysis.js'

export type HitLocation = Pick<CheckHit, 'line' | 'endLine' | 'stage' | 'layer' | 'path'>

export function atOrigin(origin: CommandOrigin | undefined): HitLocation {
  if (!origin || origin.line === undefined) return {}
  return {
    line: origin.line,
    ...(origin.endLine !== undefined ? { endLine: origin.endLine } : {}),
    ...(origin.stage !== undefined ? { stage: origin.stage } : {})
  }
}

/** The step's file's layer, else the command's line. */
export function atStep(step: Step, origin: CommandOrigin | undefined): HitLocation {
  const file = step.lookup.file
  if (file) return { layer: file.layer, path: file.path }
  return { ...atOrigin(origin), ...(step.lookup.path !== undefined ? { path: step.lookup.path } : {}) }
}

/** Files elsewhere in the image with the same name: what the command probably meant. */
export function sameName(index: ImageIndex, name: string, limit = 2): string[] {
  const base = name.slice(name.lastIndexOf('/') + 1)
  if (base === '') return []
  const found: string[] = []
  for (const file of index.files.values()) {
    if (file.type !== 'dir' && file.path.endsWith(`/${base}`)) found.push(file.path)
    if (found.length >= limit) break
  }
  return found
}
