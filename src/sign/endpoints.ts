// Which Sigstore instance signs, as @actions/attest chooses it: public-good
// (Fulcio + Rekor) for public repositories, GitHub's own (Fulcio + a
// timestamp authority, no public log) for private and internal ones. The
// STAGEGATE_SIGSTORE_* variables replace the URLs: for a private Sigstore
// deployment, and for the tests, which serve @sigstore/mock on 127.0.0.1.

export type SigstoreInstance = 'public-good' | 'github' | 'custom'

export interface SigstoreEndpoints {
  instance: SigstoreInstance
  fulcioURL: string
  rekorURL?: string
  tsaServerURL?: string
}

export function sigstoreEndpoints(visibility: string | undefined, env: NodeJS.ProcessEnv): SigstoreEndpoints {
  const fulcio = env.STAGEGATE_SIGSTORE_FULCIO_URL?.trim()
  if (fulcio) {
    const rekor = env.STAGEGATE_SIGSTORE_REKOR_URL?.trim()
    const tsa = env.STAGEGATE_SIGSTORE_TSA_URL?.trim()
    return {
      instance: 'custom',
      fulcioURL: fulcio,
      ...(rekor ? { rekorURL: rekor } : {}),
      ...(tsa ? { tsaServerURL: tsa } : {})
    }
  }
  if (visibility === 'public') {
    return {
      instance: 'public-good',
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev'
    }
  }
  let host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname
  if (host === 'github.com') host = 'githubapp.com'
  return {
    instance: 'github',
    fulcioURL: `https://fulcio.${host}`,
    tsaServerURL: `https://timestamp.${host}`
  }
}
