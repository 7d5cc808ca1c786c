import { promises as fs } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { validateBuildInputs, validateCacheSpec } from '../../src/build/validate.js'
import { parseInputs } from '../../src/inputs.js'

let cwd: string
beforeAll(async () => {
  cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-validate-'))
  await fs.mkdir(path.join(cwd, 'app'))
  await fs.writeFile(path.join(cwd, 'app', 'Dockerfile'), 'FROM scratch\n')
  await fs.writeFile(path.join(cwd, 'Dockerfile.ci'), 'FROM scratch\n')
  await fs.writeFile(path.join(cwd, 'key.pem'), 'k')
})
afterAll(async () => {
  await fs.rm(cwd, { recursive: true, force: true })
})

function validate(values: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return validateBuildInputs(
    parseInputs(name => values[name] ?? ''),
    { cwd, env }
  )
}

describe('validateBuildInputs: accepted', () => {
  test('default file is {context}/Dockerfile, resolved', () => {
    expect(validate({ context: 'app' })).toEqual({
      contextDir: path.join(cwd, 'app'),
      file: path.join(cwd, 'app', 'Dockerfile'),
      dockerfilePath: path.join(cwd, 'app', 'Dockerfile')
    })
  })
  test('file resolves against the working directory, not the context', () => {
    expect(validate({ context: 'app', file: 'Dockerfile.ci' }).file).toBe(path.join(cwd, 'Dockerfile.ci'))
  })
  test('a remote context is not checked and file passes through', () => {
    expect(validate({ context: 'https://github.com/o/r.git#main', file: 'sub/Dockerfile' })).toEqual({
      file: 'sub/Dockerfile'
    })
  })
  test('good specs, secrets and envs pass', () => {
    expect(() =>
      validate(
        {
          context: 'app',
          'cache-from': 'user/app:cache\ntype=gha',
          'cache-to': 'type=registry,ref=r/c,mode=max\ntype=local,dest=/tmp/c',
          'secret-files': 'key=key.pem',
          'secret-envs': 'tok=TOKEN',
          secrets: 'a=b',
          attests: 'type=sbom,generator=x',
          platforms: 'linux/amd64,linux/arm64',
          push: 'true',
          tags: 'r/a:1'
        },
        { TOKEN: 'x' }
      )
    ).not.toThrow()
  })
})

describe('validateBuildInputs: one clear line', () => {
  const cases: [number, Record<string, string>, string][] = [
    [
      1,
      { context: 'app', 'secret-files': 'key=nope.pem' },
      'Input "secret-files": the file for secret "key" does not exist: nope.pem'
    ],
    [
      2,
      { context: 'app', 'cache-to': 'ref=r/c,mode=max' },
      'Input "cache-to": "ref=r/c,mode=max" has no type=; start it with type=registry, local, inline, gha, s3 or azblob.'
    ],
    [
      3,
      { context: 'app', 'cache-to': 'type=registry,ref=r/c,max' },
      'Input "cache-to": "type=registry,ref=r/c,max" has a field "max" without a value; write key=value pairs.'
    ],
    [
      4,
      { context: 'app', 'cache-from': 'type=floppy,src=a' },
      'Input "cache-from": unknown cache type "floppy"; use registry, local, inline, gha, s3 or azblob.'
    ],
    [
      5,
      { context: 'app', push: 'true', tags: 'r/a:1', load: 'true', platforms: 'linux/amd64,linux/arm64' },
      'Inputs "push" and "load" cannot be used together with several platforms (linux/amd64, linux/arm64): the local engine cannot load a multi-platform image; drop "load", or build one platform.'
    ],
    [
      6,
      { context: 'app', provenance: 'mode=full' },
      'Input "provenance" has an unknown mode "full"; use mode=min or mode=max.'
    ],
    [
      7,
      { context: 'app', file: 'missing/Dockerfile' },
      'Input "file": the Dockerfile "missing/Dockerfile" (resolved against the working directory, as docker buildx build -f does) does not exist.'
    ],
    [8, { context: 'nope' }, 'Input "context": the directory "nope" does not exist.'],
    [
      9,
      { context: '.' },
      'Input "file": the Dockerfile "Dockerfile" (the default, {context}/Dockerfile) does not exist.'
    ],
    [
      10,
      { context: 'app', 'secret-envs': 'tok=UNSET_VAR' },
      'Input "secret-envs": the environment variable UNSET_VAR for secret "tok" is not set.'
    ],
    [
      11,
      { context: 'app', attests: 'generator=x' },
      'Input "attests": "generator=x" has no type=; write e.g. type=sbom,generator=IMAGE.'
    ],
    [
      12,
      { context: 'app', sbom: 'yes' },
      'Input "sbom" must be true, false or attributes such as generator=IMAGE; "yes" is none of these.'
    ],
    [
      13,
      { context: 'app', 'cache-registry': 'a, b' },
      'Input "cache-registry" must be one image reference such as ghcr.io/owner/app:buildcache, got "a, b".'
    ],
    [
      14,
      { context: 'app', 'cache-to': 'type=local,dest=/x,mode=all' },
      'Input "cache-to": unknown mode "all" in "type=local,dest=/x,mode=all"; use mode=min or mode=max.'
    ],
    [
      15,
      { context: 'app', 'cache-from': 'type=local,dest=/x' },
      'Input "cache-from": "type=local,dest=/x" needs src= for type=local.'
    ],
    [
      16,
      { context: 'app', push: 'true' },
      'Input "push" needs at least one tag to push to; set "tags" (e.g. ghcr.io/owner/app:latest).'
    ]
  ]
  test.each(cases)('case %i: %j', (_n, values, message) => {
    expect(() => validate(values)).toThrow(message)
  })
})

test('validateCacheSpec accepts a bare registry ref, as buildx does', () => {
  expect(() => validateCacheSpec('cache-to', 'ghcr.io/o/app:cache')).not.toThrow()
})
