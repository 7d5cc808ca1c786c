// SG2040: the command the runtime starts does not resolve: no ENTRYPOINT or
// CMD at all, a path the image does not have (or a dangling symlink), a name
// on none of PATH's directories, a directory, or the shell form's /bin/sh in
// an image without a shell. The container fails before any code of it runs.
import type { CheckHit, ImageCheck } from '../check.js'
import { describeOrigin, showArgv, startupAnalysis, type Step } from './analysis.js'
import { atOrigin, atStep, sameName } from './where.js'

export const SG2040: ImageCheck = {
  id: 'SG2040',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary: 'The ENTRYPOINT/CMD executable is not in the image (or there is no command at all)',
  run: context => {
    const analysis = startupAnalysis(context)
    const { origin, argv } = analysis
    const who = describeOrigin(origin)
    if (argv.length === 0 || argv[0] === '')
      return [
        {
          // A warning, not an error: images meant only as a base or as `docker run IMAGE CMD` tools have none.
          severity: 'warning',
          message:
            'The image sets neither ENTRYPOINT nor CMD, so `docker run IMAGE` fails ("no command specified"); if it is meant to run, add ENTRYPOINT ["/path/to/app"] to the final stage',
          evidence: 'config Entrypoint and Cmd are empty',
          ...atOrigin(origin)
        }
      ]
    const hits: CheckHit[] = []
    for (const step of analysis.steps) {
      if (step.role !== 'command' && step.role !== 'shell-command') continue
      const message = problem(
        step,
        who,
        origin?.jsonForm === false && step.role === 'command' && argv[1] === '-c'
      )
      if (message === undefined) continue
      const similar = sameName(context.index, step.lookup.name).filter(path => path !== step.lookup.path)
      hits.push({
        message: similar.length > 0 ? `${message} (the image has ${similar.join(', ')})` : message,
        evidence: `command ${showArgv(argv)}${step.lookup.searched ? `; PATH ${step.lookup.searched.join(':')}` : ''}`,
        ...(step.lookup.status === 'directory' ? atStep(step, origin) : atOrigin(origin)),
        ...(step.lookup.path !== undefined ? { path: step.lookup.path } : {})
      })
    }
    return hits
  }
}

function problem(step: Step, who: string, shellForm: boolean): string | undefined {
  const { lookup } = step
  const what = step.role === 'shell-command' ? `the shell command of ${who}` : who
  switch (lookup.status) {
    case 'missing':
      if (shellForm)
        return `${who} is in shell form, which runs ${lookup.name} -c, but the image has no ${lookup.name}: the container cannot start; use the exec (JSON) form, e.g. ["/app"]`
      return `${what} runs ${lookup.name}, which ${lookup.detail ?? 'is not in the image'}: the container fails with "no such file or directory"; copy it there or fix the path`
    case 'not-on-path':
      if (lookup.detail !== undefined) return undefined // found but not executable: SG2041
      return `${what} runs ${lookup.name}, which is on none of PATH's directories: the container fails with "executable file not found in $PATH"; use its absolute path or copy it onto PATH`
    case 'directory':
      return `${what} runs ${lookup.path ?? lookup.name}, which is a directory: the container fails with "permission denied"; name the executable inside it`
    default:
      return undefined
  }
}
