import { familiarName, imageBasename, isDigestPinned, parseImageRef } from '../../src/dockerfile/image-ref.js'

const DIGEST = 'sha256:' + 'a'.repeat(64)

describe('parseImageRef', () => {
  test.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.19', { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' }],
    ['library/alpine:3.19', { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['index.docker.io/user/app:1', { registry: 'docker.io', repository: 'user/app', tag: '1' }],
    ['user/app', { registry: 'docker.io', repository: 'user/app' }],
    ['ghcr.io/org/app:v1', { registry: 'ghcr.io', repository: 'org/app', tag: 'v1' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['127.0.0.1:5000/x/y:t', { registry: '127.0.0.1:5000', repository: 'x/y', tag: 't' }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }],
    [`alpine@${DIGEST}`, { registry: 'docker.io', repository: 'library/alpine', digest: DIGEST }],
    [`alpine:3@${DIGEST}`, { registry: 'docker.io', repository: 'library/alpine', tag: '3', digest: DIGEST }],
    [
      'gcr.io/distroless/static-debian12:nonroot',
      { registry: 'gcr.io', repository: 'distroless/static-debian12', tag: 'nonroot' }
    ]
  ])('%s', (input, expected) => {
    expect(parseImageRef(input)).toEqual(expected)
  })

  test.each(['', '   ', '${BASE}', 'alpine:$TAG', 'a b', 'alpine@sha256:xyz', 'UPPER!case', 'alpine:'])(
    'rejects %j',
    input => {
      expect(parseImageRef(input)).toBeUndefined()
    }
  )
})

describe('isDigestPinned', () => {
  test.each([
    [`alpine@${DIGEST}`, true],
    [`ghcr.io/o/a:1@${DIGEST}`, true],
    ['alpine:3.19', false],
    ['alpine', false],
    ['scratch', false]
  ])('%s → %s', (input, expected) => {
    expect(isDigestPinned(input)).toBe(expected)
  })
})

describe('familiarName and imageBasename', () => {
  test.each([
    ['docker.io/library/alpine:3', 'alpine:3', 'alpine'],
    ['ghcr.io/org/app:1', 'ghcr.io/org/app:1', 'app'],
    ['user/golang', 'user/golang', 'golang']
  ])('%s', (input, familiar, base) => {
    const ref = parseImageRef(input)
    expect(ref).toBeDefined()
    expect(familiarName(ref!)).toBe(familiar)
    expect(imageBasename(ref!)).toBe(base)
  })
})
