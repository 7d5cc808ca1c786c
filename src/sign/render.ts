// Markdown for signing and the base-image supply chain: the summary's
// "Signature and attestation" section, the PR comment's one line, and the
// stage table's supply-chain cell. Pure; the report carries the data.
import { code, escapeMarkdown, linkTarget } from '../report/markdown.js'
import type { Report, ReportStage } from '../report/report.js'
import type { StageSupplyChain } from './report.js'

const LEVEL_ICON = { notice: 'ℹ️', warning: '⚠️', error: '❌' } as const

function tri(value: boolean | null, yes: string, no: string): string {
  return value === null ? `❔ ${'unknown'}` : value ? `✅ ${yes}` : `⚠️ ${no}`
}

/** The stage table's "Supply chain" cell for a stage's FROM image. */
export function supplyChainCell(chain: StageSupplyChain | undefined): string {
  if (!chain) return '—'
  const parts = [
    chain.pinned ? '✅ pinned' : '⚠️ not pinned',
    tri(
      chain.signed,
      `signed${chain.signatures && chain.signatures.length > 0 ? ` (${chain.signatures.join(', ')})` : ''}`,
      'unsigned'
    ),
    tri(chain.provenance, 'provenance', 'no provenance')
  ]
  const why = chain.detail
    ? ` (${escapeMarkdown(chain.detail.length > 120 ? `${chain.detail.slice(0, 119)}…` : chain.detail)})`
    : ''
  return `${parts.join(' · ')}${why}`
}

/** Whether the stage table should carry the supply-chain column. */
export function hasSupplyChain(stages: readonly ReportStage[]): boolean {
  return stages.some(stage => stage.supplyChain !== undefined)
}

/** The job summary's section on what was signed, by whom, and how to verify it. */
export function signingSummary(report: Pick<Report, 'signing'>): string[] {
  const signing = report.signing
  if (!signing) return []
  const out = ['### Signature and attestation', '']
  if (signing.signed) {
    const how =
      signing.method === 'key'
        ? 'with a cosign key pair'
        : `keyless through Sigstore${signing.instance ? ` (${escapeMarkdown(signing.instance)})` : ''}`
    out.push(`✅ Signed ${how}: ${code(signing.image ?? '')}`, '')
    const rows: string[] = []
    if (signing.digest) rows.push(`| Digest | ${code(signing.digest)} |`)
    if (signing.workflow) {
      rows.push(
        `| Workflow | ${code(signing.workflow.path)} at ${code(signing.workflow.ref)} (${escapeMarkdown(signing.workflow.repository)}) |`
      )
    }
    if (signing.identity) rows.push(`| Certificate identity | ${code(signing.identity)} |`)
    if (signing.issuer) rows.push(`| OIDC issuer | ${code(signing.issuer)} |`)
    if (signing.attestationUrl)
      rows.push(
        `| Attestation | [${escapeMarkdown(signing.attestationId ?? 'attestation')}](${linkTarget(signing.attestationUrl)}) |`
      )
    if (signing.referrer) rows.push(`| Registry referrer | ${code(signing.referrer)} |`)
    if (rows.length > 0) out.push('| | |', '|---|---|', ...rows, '')
    out.push(
      'The signature covers the image index, so the SBOM and provenance BuildKit attached are covered too.',
      ''
    )
  }
  if (signing.message)
    out.push(`> ${LEVEL_ICON[signing.level ?? 'notice']} ${escapeMarkdown(signing.message)}`, '')
  if (signing.verifyCommands && signing.verifyCommands.length > 0) {
    out.push('Verify it:', '', '```sh', ...signing.verifyCommands, '```')
  }
  while (out.at(-1) === '') out.pop()
  return out
}

/** The PR comment's lines on signing (empty when nothing was attempted or said). */
export function signingComment(report: Pick<Report, 'signing'>): string[] {
  const signing = report.signing
  if (!signing) return []
  if (!signing.signed)
    return signing.message
      ? ['', `${LEVEL_ICON[signing.level ?? 'notice']} ${escapeMarkdown(signing.message)}`]
      : []
  const by = signing.workflow
    ? ` by ${code(signing.workflow.path)} at ${code(signing.workflow.ref)}`
    : signing.method === 'key'
      ? ' with a cosign key'
      : ''
  const lines = ['', `🔏 Signed ${code(signing.image ?? '')}${by}.`]
  if (signing.message)
    lines.push('', `${LEVEL_ICON[signing.level ?? 'notice']} ${escapeMarkdown(signing.message)}`)
  if (signing.verifyCommands?.[0]) lines.push('', '```sh', signing.verifyCommands[0], '```')
  return lines
}
