import type { Finding } from '../../src/finding.js'
import { buildReport } from '../../src/report/build-report.js'
import {
  COMMENT_MAX_LENGTH,
  diffReports,
  renderComment,
  stickyMarker,
  trimComment
} from '../../src/report/comment.js'
import type { Report } from '../../src/report/report.js'
import { sampleFindings, sampleImage, sampleModel } from './fixtures.js'

const BLOB = { serverUrl: 'https://github.com', repository: 'acme/app', sha: 'abc123' }
const RUN = 'https://github.com/acme/app/actions/runs/42'
const MARKER = stickyMarker({ workflow: 'CI', job: 'image', dockerfile: 'Dockerfile' })

function report(findings: Finding[], sizeBytes?: number): Report {
  const image = sizeBytes === undefined ? null : { ...sampleImage(), sizeBytes }
  return buildReport({
    dockerfile: 'Dockerfile',
    model: sampleModel(),
    findings,
    image,
    toolVersion: '0.1.0'
  })
}

describe('stickyMarker', () => {
  test.each([
    [{ workflow: 'CI', job: 'image', dockerfile: 'Dockerfile' }, '<!-- stagegate:CI:image:Dockerfile -->'],
    [
      { workflow: 'Build & push', job: 'build (linux/amd64)', dockerfile: 'docker/app.Dockerfile' },
      '<!-- stagegate:Build%20%26%20push:build%20(linux%2Famd64):docker%2Fapp.Dockerfile -->'
    ],
    [
      { workflow: 'a:b', job: '-->', dockerfile: '<!--x-->' },
      '<!-- stagegate:a%3Ab:%2D%2D%3E:%3C!%2D%2Dx%2D%2D%3E -->'
    ]
  ])('%j', (parts, expected) => {
    expect(stickyMarker(parts)).toBe(expected)
  })

  test('different jobs or Dockerfiles never share a marker, and none closes the HTML comment early', () => {
    const markers = [
      stickyMarker({ workflow: 'a', job: 'b:c', dockerfile: 'd' }),
      stickyMarker({ workflow: 'a:b', job: 'c', dockerfile: 'd' }),
      stickyMarker({ workflow: 'a', job: 'b', dockerfile: 'c:d' })
    ]
    expect(new Set(markers).size).toBe(3)
    for (const marker of markers) expect(marker.slice(4, -3)).not.toMatch(/--|>/)
  })
})

describe('diffReports', () => {
  const [apt, root, key, link] = [
    sampleFindings().find(f => f.ruleId === 'DL3008')!,
    sampleFindings().find(f => f.ruleId === 'DL3002')!,
    sampleFindings().find(f => f.ruleId === 'SG2001')!,
    sampleFindings().find(f => f.ruleId === 'SG1001')!
  ]

  test('added and fixed by fingerprint; unchanged findings on moved lines are neither', () => {
    const base = report([apt, root, link], 5_000_000)
    const head = report([root, key, link], 6_400_000)
    const diff = diffReports(head, base)
    expect(diff.added.map(f => f.ruleId)).toEqual(['SG2001'])
    expect(diff.fixed.map(f => f.ruleId)).toEqual(['DL3008'])
    expect(diff.sizeDeltaBytes).toBe(1_400_000)
  })

  test('no image in either report: no size delta; reports without stored fingerprints still diff', () => {
    const strip = (r: Report): Report => ({
      ...r,
      findings: r.findings.map(({ fingerprint: _f, ...rest }) => rest)
    })
    const diff = diffReports(strip(report([apt, root])), strip(report([root])))
    expect(diff.sizeDeltaBytes).toBeUndefined()
    expect(diff.added.map(f => f.ruleId)).toEqual(['DL3008'])
    expect(diff.fixed).toEqual([])
  })
})

describe('renderComment', () => {
  test('marker first, verdict, counts, image size, top findings with links, pointer to the summary', () => {
    const body = renderComment(report(sampleFindings(), 6_400_000), {
      marker: MARKER,
      failOn: 'error',
      blob: BLOB,
      runUrl: RUN
    })
    const lines = body.split('\n')
    expect(lines[0]).toBe(MARKER)
    expect(lines[1]).toBe('### ❌ Stagegate: fail · <code>Dockerfile</code>')
    expect(body).toContain('**1 error · 2 warnings · 1 note** · fail-on <code>error</code> · image 6.4 MB')
    expect(body).toContain('**Top findings**')
    expect(body).toContain(
      '- ❌ **SG2001** [Dockerfile:6](https://github.com/acme/app/blob/abc123/Dockerfile#L6) (stage runtime) <code>/app/id\\_rsa</code>: Remove the private key from the image.'
    )
    expect(body).toContain(`in the [job summary](${RUN}).`)
    expect(body).not.toContain('This PR adds')
  })

  test('with a base report: adds, fixes and the size delta', () => {
    const [apt, root] = [sampleFindings()[1]!, sampleFindings()[0]!]
    const body = renderComment(report([root], 6_000_000), {
      marker: MARKER,
      failOn: 'error',
      base: report([apt], 6_500_000)
    })
    expect(body).toContain('image 6.0 MB (-500.0 kB vs base)')
    expect(body).toContain(
      '**This PR adds 1 finding**\n\n- ⚠️ **DL3002** Dockerfile:8 (stage runtime): Switch to a non-root user'
    )
    expect(body).toContain(
      '**This PR fixes 1 finding**\n\n- ⚠️ **DL3008** Dockerfile:2 (stage build): Pin versions'
    )
    expect(body).toContain('✅ Stagegate: pass')
  })

  test('nothing changed against the base: says so', () => {
    const body = renderComment(report([], 100), { marker: MARKER, failOn: 'error', base: report([], 100) })
    expect(body).toContain('(±0 B vs base)')
    expect(body).toContain('**This PR adds 0 findings**')
    expect(body).toContain('**This PR fixes 0 findings**')
  })

  test('top findings are capped, saying how many more', () => {
    const findings = Array.from({ length: 15 }, (_, i) => ({
      ruleId: 'DL3008',
      severity: 'warning' as const,
      message: `m${i}`,
      line: 2
    }))
    const body = renderComment(report(findings), { marker: MARKER, failOn: 'never', topFindings: 3 })
    expect(body.match(/^- ⚠️/gm)).toHaveLength(3)
    expect(body).toContain('- … and 12 more findings')
  })

  test('an over-long comment is trimmed to the limit with a pointer, marker kept', () => {
    const findings = Array.from({ length: 400 }, (_, i) => ({
      ruleId: 'DL3008',
      severity: 'error' as const,
      message: `${'x'.repeat(2000)} ${i}`,
      line: 2
    }))
    const body = renderComment(report(findings), {
      marker: MARKER,
      failOn: 'error',
      base: report([]),
      runUrl: RUN
    })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(body.startsWith(MARKER)).toBe(true)
    expect(body).toContain(
      `… trimmed to fit GitHub's comment limit; the full report is in the [job summary](${RUN}).`
    )
  })

  test('hostile finding text cannot inject HTML, mentions or break the marker', () => {
    const body = renderComment(
      report([
        {
          ruleId: 'DL3008',
          severity: 'error',
          message: '--> <img src=x> @octocat',
          path: '<!-- x -->',
          line: 2
        }
      ]),
      { marker: MARKER, failOn: 'error' }
    )
    expect(body).not.toMatch(/<img|@octocat|<!-- x/)
    expect(body.split(MARKER)).toHaveLength(2)
  })
})

describe('trimComment', () => {
  test.each([
    ['short', 100, 'short'],
    ['a\nb\nc\n', 8, 'a\nb\nc\n']
  ])('%j within %d is unchanged', (body, max, expected) => {
    expect(trimComment(body, max)).toBe(expected)
  })

  test('cuts at a line boundary', () => {
    const body = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const trimmed = trimComment(body, 300)
    expect(trimmed.length).toBeLessThanOrEqual(300)
    expect(trimmed).toMatch(/line \d+\n\n… trimmed/)
    expect(trimmed).toContain('the full report is in the job summary.')
  })
})
