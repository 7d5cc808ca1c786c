// SG2042: a script the command reaches cannot run because of its `#!` line:
// the interpreter (`#!/bin/bash` in scratch or distroless) or the program
// `#!/usr/bin/env NAME` should find is absent or not executable, the line
// ends in `\r\n` (the `\r` becomes part of the interpreter's name), or the
// file is neither a script with `#!` nor an ELF binary (exec format error).
import type { CheckHit, ImageCheck } from '../check.js'
import { describeOrigin, startupAnalysis, type Step } from './analysis.js'
import { atStep } from './where.js'

function visible(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

export const SG2042: ImageCheck = {
  id: 'SG2042',
  aliases: [],
  severity: 'error',
  phase: 'image',
  summary:
    'A script the command runs has a #! interpreter (or env target) the image lacks, or CRLF line endings',
  run: context => {
    const analysis = startupAnalysis(context)
    const who = describeOrigin(analysis.origin)
    const hits: CheckHit[] = []
    const steps = analysis.steps
    for (const step of steps) {
      const file = step.lookup.file
      if (step.lookup.status !== 'ok' || !file) continue
      if (step.kind === 'other') {
        hits.push({
          message: `${who} reaches ${file.path}, which is neither an ELF binary nor a script starting with #!: the container fails with "exec format error"; add a #! line or run it through its interpreter`,
          evidence: 'no #! and no ELF header in the first bytes',
          ...atStep(step, analysis.origin)
        })
        continue
      }
      if (step.kind !== 'script' || !step.shebang) continue
      const shebang = step.shebang
      const line = `#!${shebang.interpreter}${shebang.arg !== undefined ? ` ${shebang.arg}` : ''}`
      const evidence = visible(line)
      if (shebang.crlf) {
        hits.push({
          message: `${who} runs the script ${file.path}, whose #! line ends in CRLF: the kernel looks for "${visible(shebang.interpreter)}"${shebang.arg !== undefined ? ` with argument "${visible(shebang.arg)}"` : ''} and the container fails; convert it to LF line endings (e.g. a .gitattributes rule \`*.sh text eol=lf\`)`,
          evidence,
          ...atStep(step, analysis.origin)
        })
        continue
      }
      if (shebang.interpreter === '') {
        hits.push({
          message: `${who} runs the script ${file.path}, whose #! line names no interpreter: the container fails with "exec format error"`,
          evidence,
          ...atStep(step, analysis.origin)
        })
        continue
      }
      const interpreter = next(steps, step, 'interpreter', file.path)
      const target = next(steps, step, 'env-target', file.path)
      const broken =
        interpreter && interpreter.lookup.status !== 'ok'
          ? interpreter
          : target && target.lookup.status !== 'ok'
            ? target
            : undefined
      if (!broken) continue
      const name = broken.lookup.name
      const why =
        broken.lookup.status === 'denied' ||
        (broken.lookup.detail !== undefined && broken.lookup.status === 'not-on-path')
          ? `is not executable here (${broken.lookup.detail ?? 'permission denied'})`
          : broken.role === 'env-target'
            ? "is on none of PATH's directories"
            : (broken.lookup.detail ?? 'is not in the image')
      hits.push({
        message: `${who} runs the script ${file.path} with ${evidence}, but ${visible(name)} ${why}: the container fails with "no such file or directory"; use a final base that has ${visible(basename(name))}, or ship a compiled binary`,
        evidence,
        ...atStep(step, analysis.origin)
      })
    }
    return hits
  }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function next(steps: readonly Step[], after: Step, role: Step['role'], via: string): Step | undefined {
  const start = steps.indexOf(after)
  return steps.slice(start + 1).find(step => step.role === role && step.via === via)
}
