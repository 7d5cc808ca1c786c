// Image configs whose fields have the wrong JSON type: the reader keeps what
// has the spec's shape, warns about the rest, and no check ever sees a number
// where it expects a string (no `entry.indexOf is not a function`).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IMAGE_CHECKS } from '../../../src/checks/catalog.js'
import { runImageChecks } from '../../../src/checks/run.js'
import { parseDockerfile } from '../../../src/dockerfile/parse.js'
import { readImage } from '../../../src/image/read.js'
import { config as makeConfig } from '../../checks/support/image-builder.js'
import { tar, writeOciLayout } from '../support/tar-writer.js'

let root: string
let counter = 0
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-config-types-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const layer = tar([{ name: 'bin/sh', data: 'sh', mode: 0o755 }])

describe('wrong JSON types in the image config', () => {
  it.each([
    [
      'Env entries that are not strings',
      { Env: [1, { a: 1 }, null, 'PATH=/bin'] },
      /config.Env has 3 entries/
    ],
    ['Env that is a string', { Env: 'PATH=/bin' }, /config.Env is a string, not a list/],
    ['User that is an object', { User: { name: 'root' } }, /config.User is a object/],
    ['User that is a number', { User: 0 }, /config.User is a number/],
    ['WorkingDir that is a list', { WorkingDir: ['/app'] }, /config.WorkingDir is an array/],
    ['Entrypoint that is a string', { Entrypoint: 'sh -c x' }, /config.Entrypoint is a string/],
    ['Cmd with a null entry', { Cmd: ['sh', null] }, /config.Cmd has 1 entries/],
    ['Labels with numbers', { Labels: { version: 2 } }, /config.Labels has 1 values/],
    ['Labels that is a list', { Labels: ['a=b'] }, /config.Labels is an array/],
    ['ExposedPorts that is a list', { ExposedPorts: ['22/tcp'] }, /config.ExposedPorts is an array/],
    ['Volumes that is a string', { Volumes: '/data' }, /config.Volumes is a string/],
    [
      'Healthcheck.Test that is a string',
      { Healthcheck: { Test: 'curl x' } },
      /Healthcheck.Test is not a list/
    ]
  ])('%s: a warning, and every check runs', async (_name, containerConfig, warning) => {
    const dir = join(root, `layout-${counter++}`)
    mkdirSync(dir)
    writeOciLayout(dir, [layer], { config: containerConfig })
    const index = await readImage(`oci-layout:${dir}`)
    expect(index.warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]))
    const model = parseDockerfile('FROM scratch\nCOPY sh /bin/sh\nUSER app\n', { path: 'Dockerfile' })
    const findings = runImageChecks(index, { config: makeConfig(), checks: IMAGE_CHECKS, model })
    // A check that threw would surface as a notice-like finding naming the exception; none may.
    expect(findings.map(f => f.message).join('\n')).not.toMatch(/is not a function|Cannot read prop/)
  })
})

describe('layout and blob shapes', () => {
  it('a symlinked blob in an OCI layout is one clear line', async () => {
    const { readdirSync, renameSync, symlinkSync } = await import('node:fs')
    const dir = join(root, `layout-${counter++}`)
    mkdirSync(dir)
    writeOciLayout(dir, [layer])
    const blobs = join(dir, 'blobs', 'sha256')
    // Point every blob at a directory elsewhere: the layer blob among them.
    for (const name of readdirSync(blobs)) {
      renameSync(join(blobs, name), join(root, `moved-${name}`))
      symlinkSync(join(root, `moved-${name}`), join(blobs, name))
    }
    const read = readImage(`oci-layout:${dir}`)
    await expect(read).rejects.toThrow(
      /^oci-layout:.*: blob sha256:[a-f0-9]{64} is a symlink; copy the layout/
    )
  })
})
