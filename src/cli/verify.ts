// `stagegate verify IMAGE [--certificate-identity ID] [--key FILE]`: exit 0
// when the image in its registry is signed for the expected identity (or
// with the key), has an SBOM and provenance, and the signed attestation's
// subject is its digest; exit 1 with one line saying what failed; exit 2 for
// a usage error. The trusted root is `--trusted-root FILE` (what `gh
// attestation trusted-root` or `cosign trusted-root` print), else
// STAGEGATE_TRUSTED_ROOT, else Sigstore public-good's, fetched with TUF.
import { cjsExports } from '../cjs-import.js'
import { readFileSync } from 'node:fs'
import { UsageError } from '../errors.js'
import { trustMaterial } from '../verify/bundle.js'
import { verifyImage, type VerifyOptions } from '../verify/verify.js'
import { lastValue, oneOf, parseArgv } from './argv.js'

export interface VerifyIO {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
}

function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `${flag} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
    )
  }
}

async function loadTrust(path: string | undefined): Promise<VerifyOptions['trust']> {
  if (path !== undefined) {
    let json: unknown
    try {
      json = JSON.parse(readText('--trusted-root', path))
    } catch (error) {
      if (error instanceof UsageError) throw error
      throw new UsageError(
        `--trusted-root ${path}: not JSON; give the file \`gh attestation trusted-root\` prints.`
      )
    }
    try {
      return trustMaterial(json)
    } catch (error) {
      throw new UsageError(
        `--trusted-root ${path}: not a Sigstore trusted root (${(error as Error).message}).`
      )
    }
  }
  const { getTrustedRoot } = cjsExports(await import('@sigstore/tuf'))
  try {
    const { TrustedRoot } = cjsExports(await import('@sigstore/protobuf-specs'))
    return trustMaterial(TrustedRoot.toJSON(await getTrustedRoot()))
  } catch (error) {
    throw new UsageError(
      `cannot fetch Sigstore's trusted root with TUF (${(error as Error).message}); pass --trusted-root FILE.`
    )
  }
}

export async function verifyCommand(argv: string[], io: VerifyIO): Promise<number> {
  const parsed = parseArgv('verify', argv, {
    values: ['certificate-identity', 'certificate-oidc-issuer', 'key', 'trusted-root', 'format'],
    booleans: []
  })
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      'name one image in a registry (REGISTRY/REPO:TAG or @sha256:…); run `stagegate verify --help`.'
    )
  const image = (parsed.positionals[0] as string).replace(/^registry:/, '')
  const format = oneOf('verify', 'format', lastValue(parsed, 'format'), ['text', 'json'] as const, 'text')
  const identity = lastValue(parsed, 'certificate-identity')
  const key = lastValue(parsed, 'key')
  if (identity === undefined && key === undefined) {
    throw new UsageError(
      'say whose signature to expect: --certificate-identity https://github.com/OWNER/REPO/.github/workflows/FILE@REF, or --key cosign.pub.'
    )
  }
  const options: VerifyOptions = {}
  if (key !== undefined) options.publicKeyPem = readText('--key', key)
  else {
    options.identity = identity
    const issuer = lastValue(parsed, 'certificate-oidc-issuer')
    if (issuer) options.issuer = issuer
    options.trust = await loadTrust(
      lastValue(parsed, 'trusted-root') ?? (io.env.STAGEGATE_TRUSTED_ROOT || undefined)
    )
  }
  const result = await verifyImage(image, options)
  if (format === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`)
  else if (result.ok) {
    io.out(
      `verified ${result.image}\n${result.checks.map(check => `  ✓ ${check.name}: ${check.detail}`).join('\n')}\n`
    )
  }
  if (!result.ok) io.err(`stagegate: ${result.image} failed verification: ${result.failure ?? 'unknown'}\n`)
  return result.ok ? 0 : 1
}
