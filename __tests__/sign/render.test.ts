// The signing section of the summary and comment, and the stage table's supply-chain cell.
import { signingComment, signingSummary, supplyChainCell } from '../../src/sign/render.js'
import type { ReportSigning } from '../../src/sign/report.js'

const digest = `sha256:${'e'.repeat(64)}`
const signed: ReportSigning = {
  signed: true,
  method: 'keyless',
  instance: 'github',
  image: `ghcr.io/acme/app@${digest}`,
  digest,
  identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
  workflow: { repository: 'acme/app', path: '.github/workflows/release.yml', ref: 'refs/tags/v1' },
  attestationId: '42',
  attestationUrl: 'https://github.com/acme/app/attestations/42',
  verifyCommands: [`gh attestation verify oci://ghcr.io/acme/app@${digest} -R acme/app`]
}

describe('signingSummary', () => {
  test('says what was signed, by which workflow, and how to verify', () => {
    const text = signingSummary({ signing: signed }).join('\n')
    expect(text).toContain(
      `✅ Signed keyless through Sigstore (github): <code>ghcr.io/acme/app@${digest}</code>`
    )
    expect(text).toContain(
      '| Workflow | <code>.github/workflows/release.yml</code> at <code>refs/tags/v1</code> (acme/app) |'
    )
    expect(text).toContain('| Attestation | [42](https://github.com/acme/app/attestations/42) |')
    expect(text).toContain('```sh\ngh attestation verify oci://')
  })
  test('a failure is one quoted line at its level', () => {
    expect(
      signingSummary({ signing: { signed: false, message: 'Signing the image failed: x', level: 'error' } })
    ).toEqual(['### Signature and attestation', '', '> ❌ Signing the image failed: x'])
  })
  test('nothing when signing was not attempted', () => {
    expect(signingSummary({})).toEqual([])
    expect(signingComment({})).toEqual([])
  })
  test('the comment names the workflow and the first verify command', () => {
    const text = signingComment({ signing: signed }).join('\n')
    expect(text).toContain('🔏 Signed <code>ghcr.io/acme/app@')
    expect(text).toContain('by <code>.github/workflows/release.yml</code> at <code>refs/tags/v1</code>')
    expect(text).toContain('gh attestation verify')
  })
})

describe('supplyChainCell', () => {
  test.each<[Parameters<typeof supplyChainCell>[0], string]>([
    [undefined, '—'],
    [
      { image: 'a@sha256:1', pinned: true, signed: true, provenance: true, signatures: ['cosign .sig'] },
      '✅ pinned · ✅ signed (cosign .sig) · ✅ provenance'
    ],
    [
      { image: 'a:1', pinned: false, signed: false, provenance: false },
      '⚠️ not pinned · ⚠️ unsigned · ⚠️ no provenance'
    ],
    [
      { image: 'a:1', pinned: false, signed: null, provenance: null, detail: 'registry not reachable: x' },
      '⚠️ not pinned · ❔ unknown · ❔ unknown (registry not reachable: x)'
    ]
  ])('%j', (chain, cell) => {
    expect(supplyChainCell(chain)).toBe(cell)
  })
})
