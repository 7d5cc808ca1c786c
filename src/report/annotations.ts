// Findings → annotation records (data; the adapter emits them). GitHub shows
// at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
// job): the most severe go first, and when some do not fit, one notice says
// how many are only in the job summary and SARIF.
import * as path from 'node:path'
import { mergeNote } from '../findings/describe.js'
import type { AnnotationProperties } from '@actions/core'
import { compareFindings } from '../finding.js'
import type { Finding, Severity } from '../finding.js'
import type { RuleMeta } from '../rule-meta.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation extends AnnotationProperties {
  level: AnnotationLevel
  message: string
}

export interface AnnotationLimits {
  error: number
  warning: number
  notice: number
}

/** Per step, as documented for workflow commands (actions/toolkit docs/problem-matchers.md). */
export const ANNOTATION_LIMITS: Readonly<AnnotationLimits> = { error: 10, warning: 10, notice: 10 }

export interface AnnotationOptions {
  /** Absolute workspace root (GITHUB_WORKSPACE). */
  workspace: string
  /** Directory finding paths are relative to (default: the workspace). */
  cwd?: string
  /** Dockerfile path for findings without `file`. */
  dockerfile: string
  /** Rule metadata, for the short text in titles. */
  rules?: readonly Pick<RuleMeta, 'id' | 'summary'>[]
  limits?: AnnotationLimits
}

export interface AnnotationPlan {
  /** In emission order, the overflow notice (if any) last. */
  annotations: Annotation[]
  /** Findings that got no annotation of their own. */
  omitted: number
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' }
const TITLE_TEXT_MAX = 80

/** `path` relative to the workspace with `/` separators, or undefined when it lies outside. */
export function workspaceRelative(
  file: string,
  workspace: string,
  cwd: string = workspace
): string | undefined {
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(path.resolve(workspace), absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  return line.slice(0, max - 1).trimEnd() + '…'
}

export function annotationTitle(finding: Finding, summary?: string): string {
  const text = summary ?? finding.message.split(/(?<=\.)\s/)[0] ?? finding.message
  return `${finding.ruleId}: ${shorten(text, TITLE_TEXT_MAX)}`
}

function annotationMessage(finding: Finding, located: boolean, file: string): string {
  const lines = [finding.message]
  const stage = finding.stage
  if (stage) lines.push(`Stage: ${stage.name ?? stage.index}${stage.final ? ' (final)' : ''}`)
  if (finding.path !== undefined) {
    const layer = finding.layer ? ` (layer ${finding.layer.index})` : ''
    lines.push(`In image: ${finding.path}${layer}`)
  }
  if (finding.evidence !== undefined) lines.push(`Evidence: ${finding.evidence}`)
  const note = mergeNote(finding)
  if (note !== undefined) lines.push(`Also: ${note}`)
  if (!located && finding.line !== undefined) lines.push(`At: ${file}:${finding.line}`)
  return lines.join('\n')
}

export function toAnnotation(finding: Finding, options: AnnotationOptions): Annotation {
  const file = finding.file ?? options.dockerfile
  const relative = workspaceRelative(file, options.workspace, options.cwd)
  const summary = options.rules?.find(rule => rule.id === finding.ruleId)?.summary
  const annotation: Annotation = {
    level: LEVEL[finding.severity],
    message: annotationMessage(finding, relative !== undefined, file),
    title: annotationTitle(finding, summary)
  }
  if (relative !== undefined) {
    annotation.file = relative
    if (finding.line !== undefined) {
      annotation.startLine = finding.line
      annotation.endLine = finding.endLine ?? finding.line
    }
  }
  return annotation
}

export function planAnnotations(findings: readonly Finding[], options: AnnotationOptions): AnnotationPlan {
  const limits = options.limits ?? ANNOTATION_LIMITS
  const sorted = [...findings].sort(compareFindings)
  const fits = (level: AnnotationLevel, used: number, reserve: number): boolean =>
    used < limits[level] - reserve

  const pick = (reserveNotice: number): Annotation[] => {
    const used: AnnotationLimits = { error: 0, warning: 0, notice: 0 }
    const chosen: Annotation[] = []
    for (const finding of sorted) {
      const level = LEVEL[finding.severity]
      if (!fits(level, used[level], level === 'notice' ? reserveNotice : 0)) continue
      used[level]++
      chosen.push(toAnnotation(finding, options))
    }
    return chosen
  }

  let annotations = pick(0)
  if (annotations.length === sorted.length) return { annotations, omitted: 0 }
  // Something is left out: the overflow notice needs one notice slot.
  annotations = pick(limits.notice > 0 ? 1 : 0)
  const omitted = sorted.length - annotations.length
  if (limits.notice > 0) {
    annotations.push({
      level: 'notice',
      title: 'stagegate: more findings',
      message: `${omitted} more finding${omitted === 1 ? ' is' : 's are'} in the job summary and SARIF (GitHub shows ${limits.error} error, ${limits.warning} warning and ${limits.notice} notice annotations per step).`
    })
  }
  return { annotations, omitted }
}
