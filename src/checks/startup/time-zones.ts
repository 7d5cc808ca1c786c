// SG2045: a Go binary the command runs calls time.LoadLocation without the
// embedded database (time/tzdata, -tags timetzdata) in an image with no
// zoneinfo: every LoadLocation("Europe/Berlin") returns "unknown time zone"
// (and a Must... wrapper panics at start).
import type { ImageIndex } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { resolveFile } from '../resolve.js'
import { describeOrigin, startupAnalysis } from './analysis.js'
import { envValue } from './lookup.js'
import { GO_BUILDINFO, GO_EMBEDDED_TZDATA, GO_LOAD_LOCATION, markersOf, ZONEINFO_DIRS } from './markers.js'
import { atStep } from './where.js'

/** The zoneinfo the image offers: $ZONEINFO when set, else a known directory with entries. */
export function zoneinfo(index: ImageIndex): string | undefined {
  const env = envValue(index.config.Env, 'ZONEINFO')
  if (env !== undefined && env !== '') return resolveFile(index.files, env) ? env : undefined
  for (const dir of ZONEINFO_DIRS) {
    const resolved = resolveFile(index.files, dir)
    if (!resolved || resolved.type !== 'dir') continue
    const prefix = `${resolved.path}/`
    for (const path of index.files.keys()) if (path.startsWith(prefix)) return dir
  }
  return undefined
}

export const SG2045: ImageCheck = {
  id: 'SG2045',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'A Go binary the command runs loads time zones from a zoneinfo the image does not have',
  run: context => {
    const { index } = context
    const analysis = startupAnalysis(context)
    const hits: CheckHit[] = []
    for (const step of analysis.steps) {
      const file = step.lookup.file
      if (!file || !step.elf) continue
      const markers = markersOf(index, file) ?? []
      if (!markers.includes(GO_BUILDINFO) || !markers.includes(GO_LOAD_LOCATION)) continue
      if (markers.includes(GO_EMBEDDED_TZDATA) || zoneinfo(index) !== undefined) continue
      hits.push({
        message: `${describeOrigin(analysis.origin)} runs the Go binary ${file.path}, which calls time.LoadLocation without the embedded time/tzdata, but the image has no /usr/share/zoneinfo: loading any named time zone fails; import _ "time/tzdata" (or build with -tags timetzdata), or COPY /usr/share/zoneinfo from a stage that has it`,
        evidence: 'Go build info and time.LoadLocation present; time/tzdata absent; no zoneinfo directory',
        ...atStep(step, analysis.origin)
      })
    }
    return hits
  }
}
