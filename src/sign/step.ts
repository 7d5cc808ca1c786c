// The signing step the action (and `stagegate build`) runs after a push:
// plan (src/sign/plan.ts), sign keyless through Sigstore or with a cosign
// key, push the bundle as an OCI referrer, store it with GitHub's
// attestations API, and describe the result for the report. A failure is
// one line: a warning with `sign: auto`, an error with `sign: true`.
import { readFileSync } from 'node:fs'
import { readRunContext } from '../github/event.js'
import { apiUrlFromEnv } from '../github/rest.js'
import { sigstoreEndpoints } from './endpoints.js'
import { SigningError } from './error.js'
import { planSigning, type SignMode } from './plan.js'
import { parseWorkflowIdentity, type ReportSigning } from './report.js'
import { imageSubject, subjectName } from './statement.js'
import { readCosignSignature } from '../verify/cosign-signature.js'

export interface SignInputs {
  sign: SignMode
  'signing-key': string
  'signing-password': string
  'github-token': string
}

export interface SignDeps {
  env: NodeJS.ProcessEnv
  info: (line: string) => void
}

export interface SignTarget {
  /** A pushed tag (registry/repo:tag) or name; undefined when nothing was pushed. */
  image?: string
  digest?: string
}

function repositoryVisibility(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { visibility?: unknown; private?: unknown }
    }
    const visibility = payload.repository?.visibility
    if (typeof visibility === 'string') return visibility
    return payload.repository?.private === false ? 'public' : undefined
  } catch {
    return undefined
  }
}

export function keylessVerifyCommands(
  image: string,
  repository: string | undefined,
  identity: string
): string[] {
  const commands: string[] = []
  if (repository) commands.push(`gh attestation verify oci://${image} -R ${repository}`)
  commands.push(`stagegate verify ${image} --certificate-identity ${identity}`)
  return commands
}

export function keyVerifyCommands(image: string): string[] {
  const insecure = /^(localhost|127\.)/.test(image) ? ' --allow-insecure-registry --allow-http-registry' : ''
  return [
    `cosign verify --key cosign.pub --insecure-ignore-tlog${insecure} ${image}`,
    `stagegate verify ${image} --key cosign.pub`
  ]
}

/** Signs what was pushed, or says why not. Never throws for a signing problem: the result carries it. */
export async function signPushed(
  inputs: SignInputs,
  target: SignTarget,
  deps: SignDeps
): Promise<ReportSigning | undefined> {
  const env = deps.env
  const context = readRunContext(env)
  const plan = planSigning({
    mode: inputs.sign,
    pushed: target.image !== undefined && target.digest !== undefined,
    eventName: context.eventName,
    isFork: context.pullRequest?.isFork ?? false,
    oidc: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    key: inputs['signing-key'] !== '',
    actions: env.GITHUB_ACTIONS === 'true'
  })
  if (!plan.sign) {
    if (!plan.message) return undefined
    return { signed: false, message: plan.message, ...(plan.level ? { level: plan.level } : {}) }
  }
  const name = subjectName(target.image as string)
  const digest = target.digest as string
  const image = `${name}@${digest}`
  const failLevel = inputs.sign === 'true' ? 'error' : 'warning'
  const result: ReportSigning = { signed: false, method: plan.method, image, digest }
  try {
    if (plan.method === 'key') {
      deps.info(`signing ${image} with cosign (key pair)`)
      const { signWithCosign } = await import('./cosign-key.js')
      await signWithCosign(name, digest, {
        privateKey: inputs['signing-key'],
        password: inputs['signing-password'],
        env
      })
      result.signed = true
      const signature = await readCosignSignature(name, digest).catch(() => undefined)
      if (signature) result.signature = signature.signature
      result.verifyCommands = keyVerifyCommands(image)
      return result
    }
    const endpoints = sigstoreEndpoints(repositoryVisibility(env), env)
    result.instance = endpoints.instance
    deps.info(`signing ${image} keyless through Sigstore (${endpoints.instance}: ${endpoints.fulcioURL})`)
    // Loaded only when signing: the Sigstore client stack is large.
    const { signImageKeyless } = await import('./keyless.js')
    const { pushBundleReferrer } = await import('./referrer.js')
    const { storeAttestation } = await import('./attestations-api.js')
    const signed = await signImageKeyless([imageSubject(name, digest)], endpoints, env.STAGEGATE_OIDC_ISSUER)
    result.signed = true
    result.identity = signed.identity
    const workflow = parseWorkflowIdentity(signed.identity)
    if (workflow) result.workflow = workflow
    if (signed.issuer) result.issuer = signed.issuer
    result.signature = signed.signature
    const repository = context.owner && context.repo ? `${context.owner}/${context.repo}` : undefined
    result.verifyCommands = keylessVerifyCommands(image, repository, signed.identity)
    const referrer = await pushBundleReferrer(name, digest, signed.bundle, signed.statement.predicateType)
    result.referrer = referrer.digest
    deps.info(`pushed the attestation bundle to ${name} as a referrer (${referrer.digest})`)
    if (!context.owner || !context.repo)
      throw new SigningError('GITHUB_REPOSITORY is not set: the attestation was not stored with GitHub')
    const token = inputs['github-token'] || env.GITHUB_TOKEN || ''
    const stored = await storeAttestation(signed.bundle, {
      apiUrl: apiUrlFromEnv(env),
      serverUrl: context.serverUrl,
      owner: context.owner,
      repo: context.repo,
      token
    })
    result.attestationId = stored.id
    result.attestationUrl = stored.url
    deps.info(`stored attestation ${stored.id} (${stored.url})`)
    return result
  } catch (error) {
    const what =
      error instanceof SigningError
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`
    return {
      ...result,
      message: `${result.signed ? 'The image was signed, but' : 'Signing the image failed:'} ${what}`,
      level: failLevel
    }
  }
}
