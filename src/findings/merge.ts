// Say each problem once: when the built image confirms what a Dockerfile rule
// predicted, the lint finding and the image finding become one finding,
// marked `confirmed`, carrying both evidences and every id (`also`), so a
// reviewer reads the problem once and any of its ids still silences it.
//
// Which rules say the same thing is a table (CONFIRMATIONS): Dockerfile rule
// ids, the image check ids that confirm them, and where they must meet (the
// same Dockerfile line, or anywhere in the final stage). Pure: findings and a
// policy in, findings out.
import type { Finding, Severity } from '../finding.js'
import { severityRank } from '../finding.js'

export interface Confirmation {
  /** What the problem is, for the docs and tests. */
  problem: string
  /** Dockerfile rule ids that predict it, most specific first: the first found leads the merged finding. */
  lint: readonly string[]
  /** Image check ids whose findings confirm it. */
  image: readonly string[]
  /**
   * Where a lint finding and an image finding meet: `line` (the image finding's line or one of its
   * related lines), or `final-stage` (the lint finding is anywhere in the final stage: what the final
   * stage installs shows up in image findings attributed elsewhere, e.g. the package manager on FROM).
   */
  where: 'line' | 'final-stage'
}

/** In priority order: an image finding joins the first confirmation that finds a partner. */
export const CONFIRMATIONS: readonly Confirmation[] = [
  { problem: 'the container runs as root', lint: ['DL3002', 'SG1008'], image: ['SG2003'], where: 'line' },
  {
    problem: 'a secret in a build argument or ENV',
    lint: ['DL3064', 'SG1006'],
    image: ['SG2005'],
    where: 'line'
  },
  {
    problem: 'a package-manager cache left in a layer',
    lint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
    image: ['SG2007'],
    where: 'line'
  },
  {
    problem: 'source files copied into the final image',
    lint: ['SG1004', 'SG1005'],
    image: ['SG2006'],
    where: 'line'
  },
  {
    problem: 'a full operating system as the final base',
    lint: ['SG1002'],
    image: ['SG2001', 'SG2002'],
    where: 'line'
  },
  {
    problem: 'packages installed in the final stage',
    lint: ['SG1003'],
    image: ['SG2002', 'SG2008'],
    where: 'final-stage'
  }
]

export interface MergeInput {
  /** The Dockerfile phase's findings (already filtered by the policy). */
  lint: readonly Finding[]
  /** The image phase's findings the user sees. */
  image: readonly Finding[]
  /** Image findings the policy silenced: a lint finding they confirm is silenced with them. */
  silencedImage?: readonly Finding[]
  /** Lint findings the policy silenced: an image finding that confirms one is silenced with it. */
  silencedLint?: readonly Finding[]
  /** The policy (policy.ts): a merged finding goes when any of its ids is silenced. */
  silences?: (finding: Pick<Finding, 'ruleId' | 'also' | 'line' | 'relatedLines'>) => boolean
}

interface Group {
  lead: Finding
  lint: Finding[]
  image: Finding[]
}

function linesOf(finding: Finding): number[] {
  return finding.line === undefined ? [] : [finding.line, ...(finding.relatedLines ?? [])]
}

function meets(confirmation: Confirmation, lint: Finding, image: Finding): boolean {
  if (lint.file !== undefined && image.file !== undefined && lint.file !== image.file) return false
  if (confirmation.where === 'final-stage') return lint.stage?.final === true
  return lint.line !== undefined && linesOf(image).includes(lint.line)
}

/** One finding per problem: lint and image findings that say the same thing become one. */
export function mergeFindings(input: MergeInput): Finding[] {
  const groups = new Map<Finding, Group>()
  const grouped = new Set<Finding>()
  const silencedLint = new Set(input.silencedLint ?? [])
  const lintFindings = [...input.lint, ...silencedLint]
  const place = (image: Finding, silenced: boolean): boolean => {
    for (const confirmation of CONFIRMATIONS) {
      if (!confirmation.image.includes(image.ruleId)) continue
      const partners = lintFindings.filter(
        lint => confirmation.lint.includes(lint.ruleId) && meets(confirmation, lint, image)
      )
      if (partners.length === 0) continue
      partners.sort(
        (a, b) =>
          confirmation.lint.indexOf(a.ruleId) - confirmation.lint.indexOf(b.ruleId) ||
          (a.line ?? 0) - (b.line ?? 0)
      )
      // A lint finding already leading or in a group keeps it; the image finding joins that group.
      const owner = partners.map(lint => findGroup(groups, lint)).find(group => group !== undefined)
      const group = owner ?? { lead: partners[0]!, lint: [], image: [] }
      if (!owner) groups.set(group.lead, group)
      for (const lint of partners) {
        if (grouped.has(lint)) continue
        grouped.add(lint)
        group.lint.push(lint)
      }
      if (silenced || partners.some(lint => silencedLint.has(lint))) silencedGroups.add(group)
      else group.image.push(image)
      return true
    }
    return false
  }
  const silencedGroups = new Set<Group>()
  const standalone: Finding[] = []
  for (const image of input.image) if (!place(image, false)) standalone.push(image)
  for (const image of input.silencedImage ?? []) place(image, true)

  const result: Finding[] = []
  for (const lint of input.lint) if (!grouped.has(lint)) result.push(lint)
  result.push(...standalone)
  for (const group of groups.values()) {
    if (silencedGroups.has(group)) continue
    if (group.image.length === 0) {
      result.push(...group.lint.filter(lint => !silencedLint.has(lint)))
      continue
    }
    const merged = mergeGroup(group)
    if (input.silences?.(merged)) continue
    result.push(merged)
  }
  return result
}

function findGroup(groups: Map<Finding, Group>, lint: Finding): Group | undefined {
  for (const group of groups.values()) if (group.lint.includes(lint) || group.lead === lint) return group
  return undefined
}

function mostSevere(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>(
    (worst, finding) => (severityRank(finding.severity) < severityRank(worst) ? finding.severity : worst),
    'note'
  )
}

/** The lead lint finding, as severe as the worst of its group, with every id, line and evidence. */
function mergeGroup(group: Group): Finding {
  const { lead } = group
  const members = [...group.lint, ...group.image]
  const merged: Finding = { ...lead, severity: mostSevere(members), confirmed: true }
  const also: string[] = []
  for (const member of members)
    for (const id of [member.ruleId, ...(member.also ?? [])])
      if (id !== lead.ruleId && !also.includes(id)) also.push(id)
  merged.also = also
  const related = new Set<number>()
  for (const member of members) for (const line of linesOf(member)) if (line !== lead.line) related.add(line)
  if (related.size > 0) merged.relatedLines = [...related].sort((a, b) => a - b)
  // Where the image shows it: the first image finding with a layer or path.
  const shown = group.image.find(image => image.layer !== undefined || image.path !== undefined)
  if (shown?.layer && merged.layer === undefined) merged.layer = { ...shown.layer }
  if (shown?.path !== undefined && merged.path === undefined) merged.path = shown.path
  const count = group.image.reduce((total, image) => total + (image.count ?? 0), 0)
  if (count > 1) merged.count = count
  const evidence: string[] = []
  for (const lint of group.lint)
    evidence.push(
      `Dockerfile line ${lint.line ?? '?'} (${lint.ruleId})${lint.evidence ? `: ${lint.evidence}` : ''}`
    )
  for (const image of group.image) evidence.push(`image (${image.ruleId}): ${imageEvidence(image)}`)
  merged.evidence = evidence.join('; ')
  return merged
}

function imageEvidence(finding: Finding): string {
  const where = finding.layer !== undefined ? `layer ${finding.layer.index}` : 'config'
  const what = finding.evidence ?? finding.path ?? finding.message
  return `${where}: ${what}`
}
