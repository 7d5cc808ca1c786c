import { SecretSet, secretValuesOf } from '../../src/redact.js'

describe('secretValuesOf: every value the step was given as a secret', () => {
  it('collects secrets, secret-envs values, secret-files contents and the token', () => {
    const files: Record<string, Buffer> = {
      '/work/key.txt': Buffer.from('file-secret-value\n'),
      '/work/bin.dat': Buffer.from([1, 0, 2])
    }
    const values = secretValuesOf(
      {
        secrets: ['a=inline-secret', 'malformed'],
        'secret-envs': ['b=MY_ENV', 'c=UNSET'],
        'secret-files': ['k=key.txt', 'bin=bin.dat', 'missing=nope.txt'],
        'github-token': 'ghp_token_value'
      },
      { MY_ENV: 'env-secret-value' },
      '/work',
      path => files[path]
    )
    expect(values).toEqual([
      'inline-secret',
      'env-secret-value',
      'file-secret-value\n',
      'file-secret-value',
      'ghp_token_value'
    ])
  })
})

describe('SecretSet: one redaction for every stream', () => {
  it('redacts values registered later too, longest first, and each line of a multi-line value', () => {
    const set = new SecretSet(['short-secret'])
    expect(set.redact('x short-secret y')).toBe('x *** y')
    set.add('short-secret-longer')
    set.add('line-one-of-key\nline-two-of-key')
    expect(set.redact('short-secret-longer / line-two-of-key')).toBe('*** / ***')
    expect(set.values()).toHaveLength(3)
  })
})
