// SG2041: the command's executable is there but the image's USER may not
// run it: no execute bit for the class (owner, group, other) the user falls
// in, a directory on the way the user cannot search, or a script the user
// cannot read (its interpreter must open it). The hardened run drops every
// capability, so root gets no exemption from the mode bits either.
import type { CheckHit, ImageCheck } from '../check.js'
import { describeOrigin, showArgv, startupAnalysis } from './analysis.js'
import { describeIdentity, octal } from './identity.js'
import { atStep } from './where.js'

export const SG2041: ImageCheck = {
  id: 'SG2041',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary:
    'The ENTRYPOINT/CMD executable is not executable (or, for a script, not readable) by the image USER',
  run: context => {
    const analysis = startupAnalysis(context)
    const who = describeOrigin(analysis.origin)
    const hits: CheckHit[] = []
    for (const step of analysis.steps) {
      if (step.role !== 'command' && step.role !== 'shell-command') continue
      const { lookup } = step
      const file = lookup.file
      const runs = step.role === 'shell-command' ? `${who} runs a shell whose command` : `${who} runs`
      const denied =
        lookup.status === 'denied' || (lookup.status === 'not-on-path' && lookup.detail !== undefined)
      if (denied) {
        hits.push({
          message: `${runs} ${lookup.name}, but ${lookup.detail ?? 'it is not executable'}: the container fails with "permission denied"; COPY --chmod=0755 (or --chown to the USER) in the line that puts it there`,
          evidence: `command ${showArgv(analysis.argv)}; ${describeIdentity(analysis.identity)}`,
          ...atStep(step, analysis.origin)
        })
      } else if (step.unreadableScript && file) {
        hits.push({
          message: `${runs} the script ${file.path}, which ${describeIdentity(analysis.identity)} may execute but not read (${file.uid}:${file.gid} ${octal(file.mode)}), so its interpreter cannot open it; make it readable (COPY --chmod=0755)`,
          evidence: `command ${showArgv(analysis.argv)}`,
          ...atStep(step, analysis.origin)
        })
      }
    }
    return hits
  }
}
