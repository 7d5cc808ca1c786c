// Which runs sign, and what the others say, by `sign` mode.
import { planSigning, type SigningSituation } from '../../src/sign/plan.js'
import { sigstoreEndpoints } from '../../src/sign/endpoints.js'
import { parseWorkflowIdentity } from '../../src/sign/report.js'
import { imageSubject, subjectName } from '../../src/sign/statement.js'
import { cosignSignArgs } from '../../src/sign/cosign-key.js'
import { keyVerifyCommands, keylessVerifyCommands } from '../../src/sign/step.js'
import { signingSecrets } from '../../src/main.js'

const base: SigningSituation = {
  mode: 'auto',
  pushed: true,
  eventName: 'push',
  isFork: false,
  oidc: true,
  key: false,
  actions: true
}

describe('planSigning', () => {
  test.each<[string, Partial<SigningSituation>, string]>([
    ['push with OIDC signs keyless', {}, 'sign:keyless'],
    ['a key wins over OIDC', { key: true }, 'sign:key'],
    ['a key without OIDC signs', { key: true, oidc: false }, 'sign:key'],
    ['sign: false never signs, silently', { mode: 'false' }, 'skip'],
    ['not pushed: auto is quiet', { pushed: false }, 'skip'],
    ['not pushed: true error', { pushed: false, mode: 'true' }, 'error:not pushed'],
    ['fork PR: auto warning', { eventName: 'pull_request', isFork: true, oidc: false }, 'warning:fork'],
    ['fork PR: true error', { eventName: 'pull_request', isFork: true, mode: 'true' }, 'error:fork'],
    ['same-repo PR: auto notice', { eventName: 'pull_request' }, 'notice:pull_request'],
    ['same-repo PR: true signs', { eventName: 'pull_request', mode: 'true' }, 'sign:keyless'],
    ['no id-token: auto warning', { oidc: false }, 'warning:OIDC'],
    ['no id-token: true error', { oidc: false, mode: 'true' }, 'error:OIDC'],
    ['auto outside Actions without a key: quiet', { oidc: false, actions: false }, 'skip'],
    ['true outside Actions without a key: error', { oidc: false, actions: false, mode: 'true' }, 'error:OIDC']
  ])('%s', (_name, change, expected) => {
    const plan = planSigning({ ...base, ...change })
    // The plan in the table's words: sign:METHOD, skip (nothing said) or LEVEL:MESSAGE.
    const outcome = plan.sign
      ? `sign:${plan.method}`
      : plan.message
        ? `${plan.level}:${plan.message}`
        : 'skip'
    // Signing and skipping are exact; a message is one line that names its cause (the row's word).
    const [kind, word] = expected.split(':') as [string, string]
    const said = kind !== 'sign' && kind !== 'skip'
    expect(outcome).toMatch(
      said ? new RegExp(`^${kind}:[^\\n]*${word}[^\\n]*$`) : new RegExp(`^${expected}$`)
    )
  })
})

describe('sigstoreEndpoints', () => {
  test('public repositories use public-good Fulcio and Rekor', () => {
    expect(sigstoreEndpoints('public', {})).toEqual({
      instance: 'public-good',
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev'
    })
  })
  test.each([['private'], ['internal'], [undefined]])(
    '%s repositories use GitHub Fulcio and TSA',
    visibility => {
      expect(sigstoreEndpoints(visibility, {})).toEqual({
        instance: 'github',
        fulcioURL: 'https://fulcio.githubapp.com',
        tsaServerURL: 'https://timestamp.githubapp.com'
      })
    }
  )
  test('GHE.com hosts get their own instance', () => {
    expect(sigstoreEndpoints('private', { GITHUB_SERVER_URL: 'https://acme.ghe.com' }).fulcioURL).toBe(
      'https://fulcio.acme.ghe.com'
    )
  })
  test('STAGEGATE_SIGSTORE_* replace the URLs', () => {
    expect(
      sigstoreEndpoints('public', {
        STAGEGATE_SIGSTORE_FULCIO_URL: 'http://127.0.0.1:1',
        STAGEGATE_SIGSTORE_TSA_URL: 'http://127.0.0.1:2'
      })
    ).toEqual({ instance: 'custom', fulcioURL: 'http://127.0.0.1:1', tsaServerURL: 'http://127.0.0.1:2' })
  })
})

describe('identities, subjects and commands', () => {
  test.each<[string, ReturnType<typeof parseWorkflowIdentity>]>([
    [
      'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      { repository: 'acme/app', path: '.github/workflows/release.yml', ref: 'refs/heads/main' }
    ],
    [
      'https://acme.ghe.com/o/r/.github/workflows/a/b.yml@refs/tags/v1.2.3',
      { repository: 'o/r', path: '.github/workflows/a/b.yml', ref: 'refs/tags/v1.2.3' }
    ],
    ['someone@example.com', undefined],
    ['https://github.com/acme/app/other.yml@main', undefined]
  ])('parseWorkflowIdentity(%s)', (san, expected) => {
    expect(parseWorkflowIdentity(san)).toEqual(expected)
  })

  test.each([
    ['ghcr.io/acme/app:v1', 'ghcr.io/acme/app'],
    ['127.0.0.1:5000/x/app:tag', '127.0.0.1:5000/x/app'],
    ['127.0.0.1:5000/x/app', '127.0.0.1:5000/x/app'],
    [`ghcr.io/acme/app@sha256:${'a'.repeat(64)}`, 'ghcr.io/acme/app']
  ])('subjectName(%s)', (image, name) => {
    expect(subjectName(image)).toBe(name)
  })

  test('imageSubject takes the hex of a sha256 digest and refuses anything else', () => {
    expect(imageSubject('ghcr.io/a/b:1', `sha256:${'b'.repeat(64)}`)).toEqual({
      name: 'ghcr.io/a/b',
      digest: { sha256: 'b'.repeat(64) }
    })
    expect(() => imageSubject('ghcr.io/a/b', 'sha512:00')).toThrow('not a sha256 digest')
  })

  test('cosign gets the key by env://, never by value, and plain HTTP only for loopback', () => {
    const digest = `sha256:${'c'.repeat(64)}`
    expect(cosignSignArgs('ghcr.io/a/b', digest)).toEqual([
      'sign',
      '--key',
      'env://STAGEGATE_COSIGN_PRIVATE_KEY',
      '--tlog-upload=false',
      '--yes',
      `ghcr.io/a/b@${digest}`
    ])
    expect(cosignSignArgs('127.0.0.1:5000/a/b', digest)).toContain('--allow-http-registry')
  })

  test('verify commands name the image by digest', () => {
    const image = `ghcr.io/a/b@sha256:${'d'.repeat(64)}`
    expect(
      keylessVerifyCommands(image, 'a/b', 'https://github.com/a/b/.github/workflows/r.yml@refs/heads/main')
    ).toEqual([
      `gh attestation verify oci://${image} -R a/b`,
      `stagegate verify ${image} --certificate-identity https://github.com/a/b/.github/workflows/r.yml@refs/heads/main`
    ])
    expect(keyVerifyCommands(image)[0]).toBe(`cosign verify --key cosign.pub --insecure-ignore-tlog ${image}`)
  })

  test('signingSecrets masks the key whole and line by line, and the password', () => {
    const key =
      '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nAAAABBBBCCCCDDDD\nshort\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----'
    expect(signingSecrets({ 'signing-key': key, 'signing-password': 'pw' })).toEqual([
      key,
      'AAAABBBBCCCCDDDD',
      'pw'
    ])
    expect(signingSecrets({ 'signing-key': '', 'signing-password': '' })).toEqual([])
  })
})
