import type { Finding } from '../../src/finding.js'
import { escapeControl } from '../../src/report/escape.js'
import { formatFindingLine } from '../../src/report/text.js'

describe('escapeControl', () => {
  it.each([
    ['plain text', 'Pin versions in apt-get install.', 'Pin versions in apt-get install.'],
    ['an ANSI colour and a cursor move', 'a\x1b[31mred\x1b[2A', 'a\\x1b[31mred\\x1b[2A'],
    ['an OSC window title with BEL', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    [
      'carriage return and newline',
      'ok\rDockerfile:1 DL0000 error: forged\n',
      'ok\\rDockerfile:1 DL0000 error: forged\\n'
    ],
    ['DEL and a C1 CSI', 'x\x7f\u009b2J', 'x\\x7f\\x9b2J'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c', 'a\\u202eb\\u2066c'],
    ['line separators', 'a\u2028b', 'a\\u2028b'],
    ['an undecodable name byte (lone surrogate)', '/usr/bin/s\udcff', '/usr/bin/s\\xff'],
    ['a valid astral character is kept', 'emoji 😀 ok', 'emoji 😀 ok'],
    ['accents are kept', 'café', 'café']
  ])('%s', (_name, input, output) => {
    expect(escapeControl(input)).toBe(output)
  })
})

describe('text output cannot be forged or drive the terminal', () => {
  it('escapes control characters from a message, a file path in the image and a stage name', () => {
    const finding: Finding = {
      ruleId: 'SG2010',
      severity: 'warning',
      message: 'setuid file\rDockerfile:1 DL3000 error: all clear',
      path: '/usr/bin/\x1b[2Kx',
      stage: { index: 0, name: 'b\x1b]0;t\x07', final: true }
    }
    const line = formatFindingLine(finding, 'Dockerfile')
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/)
    expect(line).toBe(
      'Dockerfile SG2010 warning: setuid file\\rDockerfile:1 DL3000 error: all clear (/usr/bin/\\x1b[2Kx) [stage b\\x1b]0;t\\x07]'
    )
  })
})
