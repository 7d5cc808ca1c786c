// cosign's simple-signing layers, checked with node:crypto: a valid
// signature for the digest passes; another key, another digest, a changed
// payload or a garbled signature each fail with their reason.
import { generateKeyPairSync, sign } from 'node:crypto'
import { checkCosignLayer } from '../../src/verify/cosign-signature.js'

const digest = `sha256:${'f'.repeat(64)}`
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()

function layer(forDigest: string, tamper = false) {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': 'r/x' },
        image: { 'docker-manifest-digest': forDigest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
  const signature = sign('sha256', payload, privateKey).toString('base64')
  return {
    digest: 'sha256:layer',
    payload: tamper ? Buffer.concat([payload, Buffer.from(' ')]) : payload,
    signature
  }
}

test.each<[string, ReturnType<typeof layer>, string, string | undefined]>([
  ['valid', layer(digest), pem, undefined],
  ['another key', layer(digest), other.export({ type: 'spki', format: 'pem' }).toString(), 'does not verify'],
  ['another digest', layer(`sha256:${'0'.repeat(64)}`), pem, `not the image digest ${digest}`],
  ['changed payload', layer(digest, true), pem, 'does not verify'],
  ['garbled signature', { ...layer(digest), signature: 'AAAA' }, pem, 'does not verify'],
  ['not a key', layer(digest), 'nonsense', 'does not verify']
])('%s', (_name, candidate, key, reason) => {
  const verdict = checkCosignLayer(candidate, digest, key)
  expect(verdict.ok).toBe(reason === undefined)
  expect(verdict.ok ? '' : verdict.reason).toContain(reason ?? '')
})
