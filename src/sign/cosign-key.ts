// Key-pair mode: the image is signed by the `cosign` binary with a
// cosign-compatible encrypted private key (`cosign generate-key-pair`) and
// its password, both from secrets. cosign's key format (scrypt + NaCl
// secretbox) and its signature layout (simple-signing payload in a `.sig`
// tag) are cosign's own; running cosign itself is what makes
// `cosign verify --key` pass by construction. The key and password reach
// cosign only through its environment (`--key env://…`, COSIGN_PASSWORD):
// no file is written, and neither value is ever in an argument or a log line.
import { execFile } from 'node:child_process'
import { SigningError } from './error.js'

export interface CosignOptions {
  /** The cosign binary (default: `cosign` on PATH). */
  cosign?: string
  privateKey: string
  password: string
  env: NodeJS.ProcessEnv
  timeoutMs?: number
}

const KEY_VARIABLE = 'STAGEGATE_COSIGN_PRIVATE_KEY'

function isLoopback(image: string): boolean {
  const host = image.split('/', 1)[0] ?? ''
  const name = host.replace(/:\d+$/, '')
  return name === 'localhost' || /^127\./.test(name)
}

/** cosign's argv for signing IMAGE@DIGEST with the key in the environment (pure). */
export function cosignSignArgs(imageName: string, digest: string): string[] {
  return [
    'sign',
    '--key',
    `env://${KEY_VARIABLE}`,
    // No transparency log: key-pair mode is for registries and CI systems
    // outside Sigstore; verify with `cosign verify --key … --insecure-ignore-tlog`.
    '--tlog-upload=false',
    '--yes',
    ...(isLoopback(imageName) ? ['--allow-insecure-registry', '--allow-http-registry'] : []),
    `${imageName}@${digest}`
  ]
}

/** Removes every secret from cosign's output before it is shown. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length < 4) continue
    for (const line of [secret, ...secret.split('\n').filter(part => part.trim().length >= 8)])
      out = out.split(line).join('***')
  }
  return out
}

export async function signWithCosign(
  imageName: string,
  digest: string,
  options: CosignOptions
): Promise<void> {
  const secrets = [options.privateKey, options.password]
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    [KEY_VARIABLE]: options.privateKey,
    COSIGN_PASSWORD: options.password,
    COSIGN_YES: 'true'
  }
  const result = await new Promise<{ code: number | string | null; stderr: string; missing: boolean }>(
    resolve => {
      execFile(
        options.cosign ?? 'cosign',
        cosignSignArgs(imageName, digest),
        { env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          const code = error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0
          resolve({ code, stderr: String(stderr), missing: code === 'ENOENT' })
        }
      )
    }
  )
  if (result.missing) {
    throw new SigningError(
      'key-pair signing needs the cosign binary on PATH (install it with sigstore/cosign-installer before this step)'
    )
  }
  if (result.code !== 0) {
    const lines = scrub(result.stderr, secrets)
      .split('\n')
      .map(line => line.trim())
      .filter(line => line !== '')
    const last =
      lines.filter(line => /^Error:|error/i.test(line)).at(-1) ?? lines.at(-1) ?? `exit ${result.code}`
    throw new SigningError(`cosign sign failed: ${last.replace(/^Error:\s*/, '')}`)
  }
}
