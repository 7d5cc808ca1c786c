// The job summary (GITHUB_STEP_SUMMARY) as one markdown string: verdict,
// counts, stages, the stage graph as a mermaid flowchart, findings grouped by
// stage with links to their line at the commit, and the image. Pure; the
// adapter writes it. Only report data goes in: never env or argv, so no
// secret can reach it that the (redacted) findings do not carry.
import { mergeNote } from '../findings/describe.js'
import type { FailOn, Finding, Severity } from '../finding.js'
import { helpUri } from '../rule-meta.js'
import { formatBytes } from '../bytes.js'
import { code, escapeMarkdown, linkTarget, mermaidText } from './markdown.js'
import type { Report, ReportEdge, ReportStage } from './report.js'
import { startupSummary } from './startup.js'
import { verdict } from './verdict.js'
import { hasSupplyChain, signingSummary, supplyChainCell } from '../sign/render.js'

/** Where the Dockerfile lives on GitHub, for links to lines at the commit. */
export interface BlobContext {
  serverUrl: string
  repository: string
  sha: string
}

export interface SummaryOptions {
  failOn: FailOn
  blob?: BlobContext
  /** Findings that got no annotation (GitHub's per-step limit). */
  annotationsOmitted?: number
  /** Where the SARIF and JSON report were written, to point at them. */
  sarifFile?: string
  reportFile?: string
  /** Budget in UTF-8 bytes; GitHub rejects a step summary over 1024 KiB. */
  maxLength?: number
}

export const SUMMARY_MAX_LENGTH = 1024 * 1024 - 16 * 1024
/** Groups with more findings than this are collapsed. */
const COLLAPSE_OVER = 10
const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' }
const EDGE_PATHS_SHOWN = 3

export function blobUrl(blob: BlobContext, file: string, line?: number, endLine?: number): string {
  const encoded = file
    .replace(/^\.\//, '')
    .split('/')
    .map(segment => encodeURIComponent(segment))
    .join('/')
  const anchor =
    line === undefined ? '' : endLine !== undefined && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`
  return `${blob.serverUrl.replace(/\/+$/, '')}/${blob.repository}/blob/${encodeURIComponent(blob.sha)}/${encoded}${anchor}`
}

export function blobContextFromEnv(env: NodeJS.ProcessEnv): BlobContext | undefined {
  const { GITHUB_SERVER_URL: serverUrl, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env
  return serverUrl && repository && sha ? { serverUrl, repository, sha } : undefined
}

export function stageName(stage: Pick<ReportStage, 'index' | 'name'>): string {
  return stage.name !== undefined && stage.name !== '' ? stage.name : `stage ${stage.index}`
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function countsLine(counts: Report['counts']): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`
}

// ---------------------------------------------------------------- mermaid

function edgeLabel(edge: ReportEdge): string {
  if (edge.kind === 'base') return 'FROM'
  const shown = edge.sources.slice(0, EDGE_PATHS_SHOWN)
  const more =
    edge.sources.length > EDGE_PATHS_SHOWN ? ` +${edge.sources.length - EDGE_PATHS_SHOWN} more` : ''
  const paths = shown.map(source => (source.length > 48 ? `…${source.slice(-47)}` : source)).join(', ')
  const dest =
    edge.dest !== undefined ? ` → ${edge.dest.length > 48 ? `…${edge.dest.slice(-47)}` : edge.dest}` : ''
  const size = edge.sizeBytes !== undefined ? ` (${formatBytes(edge.sizeBytes)})` : ''
  const kind = edge.kind === 'mount' ? 'mount ' : ''
  return `${kind}${paths}${more}${dest}${size}`
}

/** A double-quoted label's content; mermaid rejects an empty one (`[""]`). */
function label(text: string): string {
  const escaped = mermaidText(text)
  return escaped.trim() === '' ? '—' : escaped
}

/**
 * The stage graph as mermaid flowchart source: one node per stage (final
 * stage emphasised), one per external image, and an edge per FROM, COPY
 * --from and RUN --mount=from, labelled with what crossed.
 */
export function stageGraphMermaid(report: Pick<Report, 'stages' | 'edges'>): string {
  const lines = ['flowchart LR']
  for (const stage of report.stages) {
    const base = stage.base.length > 60 ? `${stage.base.slice(0, 59)}…` : stage.base
    const title = `${stageName(stage)}${stage.final ? ' (final)' : ''}`
    lines.push(`  s${stage.index}["${label(title)}<br/>${label(base)}"]`)
  }
  const externals = new Map<string, string>()
  for (const edge of report.edges ?? []) {
    if (edge.from === undefined && edge.image !== undefined && !externals.has(edge.image)) {
      const id = `x${externals.size}`
      externals.set(edge.image, id)
      lines.push(`  ${id}(["${label(edge.image)}"])`)
    }
  }
  for (const edge of report.edges ?? []) {
    const from =
      edge.from !== undefined
        ? `s${edge.from}`
        : edge.image !== undefined
          ? externals.get(edge.image)
          : undefined
    if (from === undefined) continue
    const arrow = edge.kind === 'mount' ? '-.->' : edge.kind === 'base' ? '==>' : '-->'
    lines.push(`  ${from} ${arrow}|"${label(edgeLabel(edge))}"| s${edge.to}`)
  }
  const final = report.stages.find(stage => stage.final)
  if (final) {
    lines.push('  classDef final stroke-width:3px')
    lines.push(`  class s${final.index} final`)
  }
  return lines.join('\n')
}

// ---------------------------------------------------------------- sections

function stageTable(report: Report): string {
  const withBytes = report.image !== null
  const withSupply = hasSupplyChain(report.stages)
  const header = [
    `| # | Stage | Base image | Pinned |${withSupply ? ' Supply chain |' : ''}${withBytes ? ' Bytes in final image |' : ''}`,
    `|---:|---|---|---|${withSupply ? '---|' : ''}${withBytes ? '---:|' : ''}`
  ].join('\n')
  const rows = report.stages.map(stage => {
    const pinned = stage.pinned === undefined ? '—' : stage.pinned ? '✅ digest' : '⚠️ tag only'
    const name = `${escapeMarkdown(stageName(stage))}${stage.final ? ' **(final)**' : ''}`
    const cells = [String(stage.index), name, code(stage.base), pinned]
    if (withSupply) cells.push(supplyChainCell(stage.supplyChain))
    if (withBytes) cells.push(formatBytes(stage.sizeBytes ?? 0))
    return `| ${cells.join(' | ')} |`
  })
  return [header, ...rows].join('\n')
}

function findingLine(finding: Finding, report: Report, blob: BlobContext | undefined): string {
  const file = finding.file ?? report.dockerfile
  const at = finding.line !== undefined ? `${file}:${finding.line}` : file
  const location = blob
    ? `[${escapeMarkdown(at)}](${linkTarget(blobUrl(blob, file, finding.line, finding.endLine))})`
    : escapeMarkdown(at)
  const rule = `[${escapeMarkdown(finding.ruleId)}](${linkTarget(helpUri(finding.ruleId))})`
  const inImage = finding.path !== undefined ? ` ${code(finding.path)}` : ''
  const evidence = finding.evidence !== undefined ? ` (evidence: ${code(finding.evidence)})` : ''
  const note = mergeNote(finding)
  const merged = note !== undefined ? ` _(${escapeMarkdown(note)})_` : ''
  return `- ${ICON[finding.severity]} **${rule}** ${location}${inImage}: ${escapeMarkdown(finding.message)}${merged}${evidence}`
}

interface FindingGroup {
  title: string
  findings: Finding[]
}

function groupByStage(report: Report): FindingGroup[] {
  const groups = new Map<string, FindingGroup>()
  for (const finding of report.findings) {
    const stage = finding.stage
    const key = stage ? `s${stage.index}` : 'none'
    let group = groups.get(key)
    if (!group) {
      const known = stage ? report.stages.find(candidate => candidate.index === stage.index) : undefined
      const title = stage
        ? `Stage ${escapeMarkdown(stageName(known ?? stage))}${stage.final ? ' (final)' : ''}`
        : 'Whole Dockerfile / image'
      group = { title, findings: [] }
      groups.set(key, group)
    }
    group.findings.push(finding)
  }
  const order = (key: string): number => (key === 'none' ? -1 : Number(key.slice(1)))
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, group]) => group)
}

/** dive's user wasted percent (what its highestUserWastedPercent rule gates), `—` where a report predates it. */
export function userWasted(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(1)} %`
}

function imageSection(report: Report): string[] {
  const image = report.image
  if (!image) return []
  const yes = (value: boolean): string => (value ? '✅' : '—')
  const out = [
    '### Image',
    '',
    `${code(image.ref)}${image.digest ? ` ${code(image.digest)}` : ''}`,
    '',
    '| Size | Layers | Efficiency | Wasted | User wasted | SBOM | Provenance |',
    '|---:|---:|---:|---:|---:|:---:|:---:|',
    `| ${formatBytes(image.sizeBytes)} | ${image.layers.length} | ${(image.efficiency * 100).toFixed(1)} % | ${formatBytes(image.wastedBytes)} | ${userWasted(image.userWastedPercent)} | ${yes(image.attestations.sbom)} | ${yes(image.attestations.provenance)} |`
  ]
  if (image.indexFromAttestations) {
    out.push(
      '',
      '> ⚠️ **Attestations turned this single-platform image into an image index.** Some registries and ' +
        'tools expect a plain image manifest; set `provenance: false` and `sbom: false` if they reject it.'
    )
  }
  if (image.layers.length > 0) {
    const rows = image.layers.map(layer => {
      const stage = report.stages.find(candidate => candidate.index === layer.stage)
      const stageCell = stage
        ? escapeMarkdown(stageName(stage))
        : layer.stage !== undefined
          ? String(layer.stage)
          : '—'
      const created = layer.createdBy.length > 120 ? `${layer.createdBy.slice(0, 119)}…` : layer.createdBy
      return `| ${layer.index} | ${formatBytes(layer.sizeBytes)} | ${stageCell} | ${layer.line ?? '—'} | ${code(created)} |`
    })
    out.push(
      '',
      `<details><summary>Layers (${image.layers.length})</summary>`,
      '',
      '| # | Size | Stage | Line | Created by |',
      '|---:|---:|---|---:|---|',
      ...rows,
      '',
      '</details>'
    )
  }
  return out
}

export function renderSummary(report: Report, options: SummaryOptions): string {
  const budget = options.maxLength ?? SUMMARY_MAX_LENGTH
  const outcome = verdict(report, options.failOn)
  const icon = outcome.result === 'pass' ? '✅' : '❌'
  const head = [
    `## ${icon} Stagegate: ${outcome.result} — ${code(report.dockerfile)}`,
    '',
    `**${outcome.result === 'pass' ? 'Pass' : 'Fail'}** (fail-on: ${code(options.failOn)}): ${escapeMarkdown(outcome.reason)}`,
    ...(report.image?.startup ? ['', ...startupSummary(report.image.startup)] : []),
    '',
    '| Errors | Warnings | Notes |',
    '|---:|---:|---:|',
    `| ${report.counts.error} | ${report.counts.warning} | ${report.counts.note} |`
  ]
  if (report.build && !report.build.ok) {
    head.push(
      '',
      `> ❌ **Build failed**${report.build.error ? `: ${escapeMarkdown(report.build.error)}` : ''}`
    )
  }
  if (options.annotationsOmitted) {
    head.push(
      '',
      `> ℹ️ GitHub shows a limited number of annotations per step: ${plural(options.annotationsOmitted, 'finding')} ` +
        'are listed here and in the SARIF, not as annotations.'
    )
  }

  const stages: string[] = []
  if (report.stages.length > 0) {
    stages.push('### Stages', '', stageTable(report))
    if ((report.edges ?? []).length > 0 || report.stages.length > 1) {
      stages.push('', '### Stage graph', '', '```mermaid', stageGraphMermaid(report), '```')
    }
  }

  const signing = signingSummary(report)
  const tail = [...imageSection(report), ...(signing.length > 0 ? ['', ...signing] : [])]
  if (report.notices && report.notices.length > 0) {
    tail.push('', '### Notices', '', ...report.notices.map(notice => `- ${escapeMarkdown(notice)}`))
  }
  const files: string[] = []
  if (options.reportFile) files.push(`JSON report: ${code(options.reportFile)}`)
  if (options.sarifFile) files.push(`SARIF: ${code(options.sarifFile)}`)
  if (files.length > 0) tail.push('', files.join(' · '))
  tail.push('', `<sub>stagegate ${escapeMarkdown(report.tool.version)}</sub>`)

  const fixed = bytes([...head, '', ...stages, '', '### Findings', '', '', ...tail].join('\n'))
  const findings = findingsSection(report, options.blob, budget - fixed - 200)
  return [...head, '', ...stages, '', ...findings, '', ...tail].join('\n') + '\n'
}

function findingsSection(report: Report, blob: BlobContext | undefined, budget: number): string[] {
  const out = ['### Findings', '']
  if (report.findings.length === 0) return [...out, 'No findings. 🎉']
  let used = 0
  let shown = 0
  for (const group of groupByStage(report)) {
    const counts = { error: 0, warning: 0, note: 0 }
    for (const finding of group.findings) counts[finding.severity]++
    const lines: string[] = []
    for (const finding of group.findings) {
      const line = findingLine(finding, report, blob)
      const size = bytes(line) + 1
      if (used + size > budget) break
      used += size
      lines.push(line)
    }
    if (lines.length === 0) break
    shown += lines.length
    const heading = `${group.title}: ${countsLine(counts)}`
    if (group.findings.length > COLLAPSE_OVER) {
      out.push(`<details><summary><b>${heading}</b></summary>`, '', ...lines, '', '</details>', '')
    } else {
      out.push(`#### ${heading}`, '', ...lines, '')
    }
    used += bytes(heading) + 40
    if (lines.length < group.findings.length) break
  }
  if (shown < report.findings.length) {
    out.push(
      `${plural(report.findings.length - shown, 'more finding')} did not fit in the summary; see the SARIF and JSON report.`
    )
  }
  return out
}
