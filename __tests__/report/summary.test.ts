import type { Report } from '../../src/report/report.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatBytes } from '../../src/bytes.js'
import { code, escapeMarkdown, mermaidText } from '../../src/report/markdown.js'
import { blobContextFromEnv, blobUrl, renderSummary, stageGraphMermaid } from '../../src/report/summary.js'
import { parseMermaid } from '../support/mermaid.js'
import { sampleFindings, sampleImage, sampleModel } from './fixtures.js'

const BLOB = { serverUrl: 'https://github.com', repository: 'acme/app', sha: 'abc123' }

function sample(overrides: Partial<Parameters<typeof buildReport>[0]> = {}): Report {
  return buildReport({
    dockerfile: 'Dockerfile',
    model: sampleModel(),
    findings: sampleFindings(),
    image: sampleImage(),
    toolVersion: '0.1.0',
    ...overrides
  })
}

const HOSTILE = [
  'a"b',
  'x"]; click s0 call alert(1); s9["',
  '-->|pwn| s0',
  'end',
  '%%{init: {"theme":"dark"}}%%',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '#quot; #35; &amp; &lt;',
  'pipe | bracket [x] {y} (z)',
  '`markdown` **bold** _it_',
  'semi; colon: comma,',
  'line1\nline2\r\nline3\ttab',
  'back\\slash ~tilde @user',
  'ünïcödé 漢字 🐳',
  '',
  ' ',
  '\n',
  '"'
]

describe('mermaidText', () => {
  test.each(HOSTILE.map(text => [text]))(
    '%j contains none of the characters that end or mark up a label',
    text => {
      // Apart from entity codes (`#35;`), nothing that could end or mark up a label.
      const bare = mermaidText(text).replace(/#(?:\d+|quot|amp|lt|gt);/g, '')
      expect(bare).not.toMatch(/["<>|`[\]{}()%;#\\\n\r\t]/)
    }
  )

  test.each([
    ['a"b', 'a#quot;b'],
    ['#', '#35;'],
    ['a|b', 'a#124;b'],
    ['x\ny', 'x y'],
    ['/usr/local/bin/app', '/usr/local/bin/app']
  ])('%j → %j', (text, expected) => {
    expect(mermaidText(text)).toBe(expected)
  })
})

describe('stage graph (mermaid)', () => {
  test('nodes per stage and external image, edges labelled with paths and sizes, final emphasised', () => {
    const source = stageGraphMermaid(sample())
    expect(source.split('\n')).toEqual([
      'flowchart LR',
      '  s0["build<br/>stagegate-fixture/builder:latest"]',
      `  s1["runtime #40;final#41;<br/>stagegate-fixture/busybox#64;sha256:${'a'.repeat(26)}…"]`,
      '  x0(["stagegate-fixture/debian:bookworm"])',
      '  s0 -->|"/out/app → /app #40;2.0 MB#41;"| s1',
      '  x0 -->|"/etc/ssl/certs → /etc/ssl/certs #40;400.0 kB#41;"| s1',
      '  classDef final stroke-width:3px',
      '  class s1 final'
    ])
  })

  test('mount and base edges; long source lists are shortened', () => {
    const report: Pick<Report, 'stages' | 'edges'> = {
      stages: [
        { index: 0, base: 'scratch', line: 1, final: false },
        { index: 1, name: 'b', base: 'stage-0', line: 2, final: true }
      ],
      edges: [
        { from: 0, to: 1, kind: 'base', line: 2, sources: [] },
        { from: 0, to: 1, kind: 'mount', line: 3, sources: ['/cache'] },
        { from: 0, to: 1, kind: 'copy', line: 4, sources: ['/a', '/b', '/c', '/d', '/e'], dest: '/x/' }
      ]
    }
    const lines = stageGraphMermaid(report).split('\n')
    expect(lines).toContain('  s0 ==>|"FROM"| s1')
    expect(lines).toContain('  s0 -.->|"mount /cache"| s1')
    expect(lines).toContain('  s0 -->|"/a, /b, /c +2 more → /x/"| s1')
  })

  test('the real mermaid parser accepts the graphs, hostile names and paths included (and rejects a broken control)', async () => {
    const sources = [stageGraphMermaid(sample())]
    for (const text of HOSTILE) {
      sources.push(
        stageGraphMermaid({
          stages: [
            { index: 0, name: text, base: text, line: 1, final: false },
            { index: 1, name: text, base: `img:${text}`, line: 5, final: true }
          ],
          edges: [
            {
              from: 0,
              to: 1,
              kind: 'copy',
              line: 6,
              sources: [text, `/${text}/x`],
              dest: text,
              sizeBytes: 12
            },
            { image: text, to: 1, kind: 'copy', line: 7, sources: [text] },
            { from: 0, to: 1, kind: 'mount', line: 8, sources: [text] }
          ]
        })
      )
    }
    const control = 'flowchart LR\n  s0["a"b"] --> s1'
    const results = await parseMermaid([...sources, control])
    const failures = results
      .slice(0, sources.length)
      .map((result, index) => ({ ...result, source: sources[index] }))
      .filter(result => !result.ok)
    expect(failures).toEqual([])
    expect(results.slice(0, sources.length).every(result => result.diagramType === 'flowchart-v2')).toBe(true)
    expect(results.at(-1)?.ok).toBe(false)
  }, 180000)
})

describe('markdown escaping', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a | b', 'a \\| b'],
    ['**bold** [link](http://x)', '\\*\\*bold\\*\\* \\[link\\](http://x)'],
    ['ping @octocat', 'ping @\u200boctocat'],
    ['@octocat first', '@\u200boctocat first'],
    ['alpine@sha256:abc user@host', 'alpine@sha256:abc user@host'],
    ['two\nlines', 'two lines']
  ])('escapeMarkdown(%j)', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected)
  })

  test.each([
    ['a|b', '<code>a&#124;b</code>'],
    ['</code><script>', '<code>&lt;/code&gt;&lt;script&gt;</code>'],
    ['`x`', '<code>\\`x\\`</code>']
  ])('code(%j)', (text, expected) => {
    expect(code(text)).toBe(expected)
  })

  test.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [6_400_000, '6.4 MB'],
    [-2_000_000, '-2.0 MB'],
    [3_500_000_000, '3.5 GB']
  ])('formatBytes(%d) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected)
  })
})

describe('blobUrl', () => {
  test.each([
    ['Dockerfile', 12, undefined, 'https://github.com/acme/app/blob/abc123/Dockerfile#L12'],
    ['./docker/Dockerfile', 2, 3, 'https://github.com/acme/app/blob/abc123/docker/Dockerfile#L2-L3'],
    [
      'dir x/Docker#file',
      undefined,
      undefined,
      'https://github.com/acme/app/blob/abc123/dir%20x/Docker%23file'
    ]
  ])('%s L%s-%s', (file, line, endLine, expected) => {
    expect(blobUrl(BLOB, file, line, endLine)).toBe(expected)
  })

  test('from the runner environment, or undefined when incomplete', () => {
    expect(
      blobContextFromEnv({
        GITHUB_SERVER_URL: 'https://ghe.example',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SHA: 'f00'
      })
    ).toEqual({ serverUrl: 'https://ghe.example', repository: 'o/r', sha: 'f00' })
    expect(blobContextFromEnv({ GITHUB_REPOSITORY: 'o/r' })).toBeUndefined()
  })
})

describe('renderSummary', () => {
  test('failing run: verdict, counts, stage table, graph, findings by stage with links, image', () => {
    const md = renderSummary(sample(), { failOn: 'error', blob: BLOB, sarifFile: '/tmp/r.sarif' })
    expect(md).toContain('## ❌ Stagegate: fail — <code>Dockerfile</code>')
    expect(md).toContain(
      '**Fail** (fail-on: <code>error</code>): 1 finding at or above fail-on error: SG2001 at Dockerfile:6'
    )
    expect(md).toContain('| 1 | 2 | 1 |')
    expect(md).toContain(
      '| 0 | build | <code>stagegate-fixture/builder:latest</code> | ⚠️ tag only | 2.0 MB |'
    )
    expect(md).toMatch(
      /\| 1 \| runtime \*\*\(final\)\*\* \| <code>stagegate-fixture\/busybox@sha256:a+<\/code> \| ✅ digest \| 4\.4 MB \|/
    )
    expect(md).toContain('```mermaid\nflowchart LR\n')
    expect(md).toContain('#### Stage build: 0 errors, 1 warning, 0 notes')
    expect(md).toContain('#### Stage runtime (final): 1 error, 1 warning, 1 note')
    expect(md).toContain(
      '- ❌ **[SG2001](https://github.com/stagegate/stagegate/blob/main/docs/rules/SG2001.md)** [Dockerfile:6](https://github.com/acme/app/blob/abc123/Dockerfile#L6) <code>/app/id\\_rsa</code>: Remove the private key from the image.'
    )
    expect(md).toContain('(https://github.com/acme/app/blob/abc123/Dockerfile#L2-L3)')
    expect(md.indexOf('Stage build')).toBeLessThan(md.indexOf('Stage runtime'))
    expect(md).toContain('| 6.4 MB | 3 | 97.3 % | 120.0 kB | — | ✅ | ✅ |')
    expect(md).toContain('single-platform image into an image index')
    expect(md).toContain('<details><summary>Layers (3)</summary>')
    expect(md).toContain('SARIF: <code>/tmp/r.sarif</code>')
  })

  test('passing run, lint only: no image section, no bytes column', () => {
    const md = renderSummary(sample({ image: null }), { failOn: 'never' })
    expect(md).toContain('## ✅ Stagegate: pass')
    expect(md).toContain('Passed: fail-on is never.')
    expect(md).not.toContain('### Image')
    expect(md).toContain('| # | Stage | Base image | Pinned |\n')
    expect(md).toContain('Dockerfile:6 <code>/app/id\\_rsa</code>: Remove the private key')
    expect(md).not.toContain('https://github.com/acme')
  })

  test('no findings', () => {
    const md = renderSummary(sample({ findings: [] }), { failOn: 'warning' })
    expect(md).toContain('No findings. 🎉')
    expect(md).toContain('Passed: no findings at or above warning (0 below it).')
  })

  test('build failure is a fail whatever the policy, and says why', () => {
    const md = renderSummary(sample({ findings: [], build: { ok: false, error: 'RUN make: exit code 2' } }), {
      failOn: 'never'
    })
    expect(md).toContain('## ❌ Stagegate: fail')
    expect(md).toContain('> ❌ **Build failed**: RUN make: exit code 2')
  })

  test('a stage with many findings is collapsed; omitted annotations are mentioned', () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      ruleId: 'DL3008',
      severity: 'warning' as const,
      message: `m${i}`,
      line: 2,
      stage: { index: 0, name: 'build', final: false }
    }))
    const md = renderSummary(sample({ findings }), { failOn: 'error', annotationsOmitted: 2 })
    expect(md).toContain('<details><summary><b>Stage build: 0 errors, 12 warnings, 0 notes</b></summary>')
    expect(md).toContain('2 findings are listed here and in the SARIF, not as annotations')
  })

  test('hostile text stays inert: no raw HTML, no broken table rows, no mentions', () => {
    const md = renderSummary(
      sample({
        findings: [
          {
            ruleId: 'DL3008',
            severity: 'error',
            message: '<script>alert(1)</script> | @octocat',
            path: '/x|<b>',
            evidence: '</code><img src=x>',
            line: 2,
            stage: { index: 0, name: 'build', final: false }
          }
        ],
        notices: ['<iframe>']
      }),
      { failOn: 'error' }
    )
    expect(md).not.toMatch(/<(script|img|iframe|b)[\s>]/)
    expect(md).not.toContain('@octocat')
  })

  test('stays under the byte budget (multi-byte text included), saying how many findings did not fit', () => {
    const findings = Array.from({ length: 2000 }, (_, i) => ({
      ruleId: 'DL3008',
      severity: 'warning' as const,
      message: `${'long message 🐳 漢字 '.repeat(20)}${i}`,
      line: 2
    }))
    const md = renderSummary(sample({ findings }), { failOn: 'error', maxLength: 50_000 })
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(50_000)
    expect(md).toMatch(/\d+ more findings did not fit in the summary; see the SARIF and JSON report\./)
    expect(md).toContain('### Image')
  })
})

// Moved from the deleted src/build/notes.ts's test: the one build note that reached users.
test.each([
  [true, true],
  [false, false]
])('indexFromAttestations %s: the summary explains the image index: %s', (fromAttestations, said) => {
  const markdown = renderSummary(
    sample({ image: { ...sampleImage(), indexFromAttestations: fromAttestations } }),
    { failOn: 'error' }
  )
  expect(markdown.includes('Attestations turned this single-platform image into an image index')).toBe(said)
})

// dive's third CI measure beside efficiency and wasted bytes: what its highestUserWastedPercent gates.
test.each<[number | undefined, string]>([
  [0.123, '| 12.3 % |'],
  [0, '| 0.0 % |'],
  [1.5, '| 150.0 % |'],
  [undefined, '| — |']
])('the image table shows the user wasted percent %s as %s', (ratio, cell) => {
  const image = { ...sampleImage() }
  if (ratio === undefined) delete image.userWastedPercent
  else image.userWastedPercent = ratio
  const markdown = renderSummary(sample({ image }), { failOn: 'error' })
  const row = markdown.split('\n').find(line => line.startsWith(`| ${formatBytes(image.sizeBytes)} |`))
  expect(markdown).toContain('| Size | Layers | Efficiency | Wasted | User wasted | SBOM | Provenance |')
  expect(row).toContain(`| ${formatBytes(image.wastedBytes)} ${cell}`)
})
