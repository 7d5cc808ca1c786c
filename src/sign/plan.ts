// Whether and how the step signs what it pushed: pure, from the `sign` input,
// the event and what the job can do. `auto` signs only when it can (pushed,
// not a pull request, an OIDC token or a key at hand) and says why it did
// not; `true` turns every reason not to sign into an error.

export type SignMode = 'auto' | 'true' | 'false'
export type SignMethod = 'keyless' | 'key'

export interface SigningSituation {
  mode: SignMode
  /** The image was pushed and its digest is known. */
  pushed: boolean
  eventName: string
  /** A pull request whose head is another repository (read-only token, no secrets, no OIDC). */
  isFork: boolean
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are set (`id-token: write`). */
  oidc: boolean
  /** A cosign private key was given (`signing-key`). */
  key: boolean
  /** Running in GitHub Actions (GITHUB_ACTIONS=true); elsewhere `auto` without a key stays quiet. */
  actions?: boolean
}

export type SigningPlan =
  | { sign: true; method: SignMethod }
  | { sign: false; level?: 'notice' | 'warning' | 'error'; message?: string }

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
const OIDC_HINT =
  'add `permissions: id-token: write` (and `attestations: write`) to the job, give `signing-key`, or set sign: false'

export function planSigning(situation: SigningSituation): SigningPlan {
  const { mode } = situation
  if (mode === 'false') return { sign: false }
  const refuse = (autoLevel: 'notice' | 'warning', message: string): SigningPlan =>
    mode === 'true' ? { sign: false, level: 'error', message } : { sign: false, level: autoLevel, message }
  if (!situation.pushed) {
    // Most runs that do not push (pull requests, local builds) have nothing to sign: only `true` speaks.
    if (mode === 'auto') return { sign: false }
    return refuse(
      'notice',
      'The image was not signed: it was not pushed (signatures and attestations are stored in the registry beside it; set push: true).'
    )
  }
  if (situation.isFork) {
    return refuse(
      'warning',
      'The image was not signed: a pull request from a fork gets no OIDC token and no secrets, so it cannot sign.'
    )
  }
  if (PULL_REQUEST_EVENTS.has(situation.eventName) && mode === 'auto') {
    return {
      sign: false,
      level: 'notice',
      message:
        'The image was not signed: sign: auto does not sign on pull_request events (set sign: true to sign them).'
    }
  }
  if (situation.key) return { sign: true, method: 'key' }
  if (!situation.oidc && mode === 'auto' && situation.actions === false) return { sign: false }
  if (!situation.oidc) {
    return refuse('warning', `The image was not signed: the job cannot mint an OIDC token; ${OIDC_HINT}.`)
  }
  return { sign: true, method: 'keyless' }
}
