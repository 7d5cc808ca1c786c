// GitHub's attestations API: `POST /repos/{owner}/{repo}/attestations` with
// the Sigstore bundle, as @actions/attest stores one. Honours GITHUB_API_URL
// (GHES, the tests' fake); every failure is a SigningError whose one line
// says what GitHub answered, never the token.
import type { SerializedBundle } from '@sigstore/bundle'
import { SigningError } from './error.js'

export interface StoredAttestation {
  id: string
  /** The attestation's page: SERVER/OWNER/REPO/attestations/ID. */
  url: string
}

export interface AttestationsApiOptions {
  apiUrl: string
  serverUrl: string
  owner: string
  repo: string
  token: string
  fetch?: typeof fetch
  timeoutMs?: number
}

export async function storeAttestation(
  bundle: SerializedBundle,
  options: AttestationsApiOptions
): Promise<StoredAttestation> {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/attestations`
  let response: Response
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'stagegate'
      },
      body: JSON.stringify({ bundle }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000)
    })
  } catch (error) {
    throw new SigningError(
      `the attestations API at ${options.apiUrl} did not answer: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const text = await response.text()
  if (!response.ok) {
    let message: string
    try {
      const raw = (JSON.parse(text) as { message?: unknown }).message
      message = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw)
    } catch {
      message = ''
    }
    const hint =
      response.status === 403 || response.status === 404
        ? ' (the job needs `permissions: attestations: write`)'
        : ''
    throw new SigningError(
      `the attestations API refused the attestation: HTTP ${response.status}${message ? ` ${message.replace(/\s+/g, ' ')}` : ''}${hint}`
    )
  }
  let id: unknown
  try {
    id = (JSON.parse(text) as { id?: unknown }).id
  } catch {
    id = undefined
  }
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new SigningError('the attestations API answered without an attestation id')
  return {
    id: String(id),
    url: `${options.serverUrl.replace(/\/+$/, '')}/${options.owner}/${options.repo}/attestations/${id}`
  }
}
