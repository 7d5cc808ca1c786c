// Who the container runs as: root (SG2003), or a named user or group the
// image cannot resolve (SG2013: the container fails to start with "unable to
// find user app: no matching entries in passwd file").
import type { ImageIndex } from '../../image/types.js'
import { parseAccounts, splitUser, isNumericId } from '../accounts.js'
import { capturedContent } from '../capture.js'
import type { CheckContext, CheckHit, ImageCheck } from '../check.js'
import { lastInstruction } from '../image-files.js'
import { resolveFile } from '../resolve.js'

/** Where a USER problem is fixed: the last USER line of the final stage chain, else the final FROM. */
function userLine(context: CheckContext): Pick<CheckHit, 'line' | 'endLine' | 'stage'> {
  if (!context.model) return {}
  const user = lastInstruction(context.model, 'USER')
  if (user) return { line: user.instruction.line, endLine: user.instruction.endLine, stage: user.stage.index }
  const final = context.model.stages[context.model.finalStage]
  return final ? { line: final.line, stage: final.index } : {}
}

export const SG2003: ImageCheck = {
  id: 'SG2003',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'The image runs as root',
  run: context => {
    const raw = (context.index.config.User ?? '').trim()
    const { user } = splitUser(raw)
    if (user !== '' && user !== '0' && user !== 'root') return []
    return [
      {
        message:
          raw === ''
            ? 'The image runs as root because no USER is set; add a non-root numeric USER (e.g. USER 65532) to the final stage'
            : `The image runs as root (USER ${raw}); set a non-root numeric USER in the final stage`,
        evidence: `config User: ${raw === '' ? '(empty)' : raw}`,
        ...userLine(context)
      }
    ]
  }
}

function accounts(index: ImageIndex, path: string): { names: Set<string> | undefined; note?: string } {
  const file = resolveFile(index.files, path)
  if (!file || file.type !== 'file') return { names: undefined, note: `${path} is missing` }
  const content = capturedContent(index, file)
  if (!content) return { names: undefined, note: `${path} was not captured` }
  const names = new Set(parseAccounts(content.toString('utf8')).map(account => account.name))
  return {
    names,
    ...(content.length < file.size
      ? { note: `only the first ${content.length} bytes of ${path} were read` }
      : {})
  }
}

export const SG2013: ImageCheck = {
  id: 'SG2013',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'USER names a user or group absent from /etc/passwd or /etc/group',
  run: context => {
    const raw = (context.index.config.User ?? '').trim()
    if (raw === '') return []
    const { user, group } = splitUser(raw)
    const hits: CheckHit[] = []
    const checks: { name: string | undefined; file: string; what: string }[] = [
      { name: user, file: '/etc/passwd', what: 'user' },
      { name: group, file: '/etc/group', what: 'group' }
    ]
    for (const { name, file, what } of checks) {
      if (name === undefined || name === '' || isNumericId(name)) continue
      const { names, note } = accounts(context.index, file)
      if (names?.has(name)) continue
      if (names && note) continue // truncated file: cannot tell, do not guess
      hits.push({
        message: `USER ${raw} names the ${what} ${name}, which ${file} in the image does not define; the container will not start: use a numeric id or create the ${what} in the final stage`,
        path: file,
        evidence: note ?? `${what} ${name} not in ${file}`,
        ...userLine(context)
      })
    }
    return hits
  }
}
