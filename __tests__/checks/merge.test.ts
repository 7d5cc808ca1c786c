// One finding per problem: lint findings the image confirms merge with the
// image findings that confirm them; everything else passes through; any id
// of a merged finding silences it.
import type { Finding } from '../../src/finding.js'
import { CONFIRMATIONS, mergeFindings } from '../../src/findings/merge.js'

const FINAL = { index: 1, final: true }
const BUILD = { index: 0, name: 'build', final: false }

function lint(ruleId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'warning',
    message: `${ruleId} says so`,
    file: 'Dockerfile',
    line,
    stage: FINAL,
    ...extra
  }
}

function image(ruleId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'warning',
    message: `${ruleId} saw it`,
    file: 'Dockerfile',
    line,
    stage: FINAL,
    layer: { index: 0 },
    ...extra
  }
}

/** `ruleId@line{also}` for each finding, sorted: what a reviewer reads. */
function shape(findings: readonly Finding[]): string[] {
  return findings
    .map(
      finding =>
        `${finding.ruleId}@${finding.line}${finding.confirmed ? '!' : ''}${finding.also ? `{${finding.also.join(',')}}` : ''}:${finding.severity}`
    )
    .sort()
}

describe('mergeFindings', () => {
  it.each<[string, Finding[], Finding[], string[]]>([
    [
      'no USER: SG1008 + SG2003 on the final FROM',
      [lint('SG1008', 10)],
      [image('SG2003', 10)],
      ['SG1008@10!{SG2003}:warning']
    ],
    [
      'USER root: DL3002 + SG2003 on the USER line',
      [lint('DL3002', 14)],
      [image('SG2003', 14)],
      ['DL3002@14!{SG2003}:warning']
    ],
    [
      'a secret ENV: DL3064 + SG2005 (error) on the ENV line, as severe as the worst',
      [lint('DL3064', 5)],
      [image('SG2005', 5, { severity: 'error' })],
      ['DL3064@5!{SG2005}:error']
    ],
    [
      'a secret ARG: DL3064 on ARG, SG1006 on the RUN, SG2005 on ARG with the RUN as related line',
      [lint('DL3064', 11), lint('SG1006', 12)],
      [image('SG2005', 11, { severity: 'error', relatedLines: [12, 14] })],
      ['DL3064@11!{SG1006,SG2005}:error']
    ],
    [
      'apt lists: DL3009 + SG2007 on the RUN line',
      [lint('DL3009', 3)],
      [image('SG2007', 3)],
      ['DL3009@3!{SG2007}:warning']
    ],
    ['apk cache: DL3019 + SG2007', [lint('DL3019', 3)], [image('SG2007', 3)], ['DL3019@3!{SG2007}:warning']],
    [
      'whole context copied: SG1005 + SG2006 on the COPY line',
      [lint('SG1005', 4)],
      [image('SG2006', 4)],
      ['SG1005@4!{SG2006}:warning']
    ],
    [
      'installing in the final stage: SG1003 (RUN) + SG2002 (FROM) + SG2008 (RUNs)',
      [lint('SG1003', 12)],
      [image('SG2002', 10), image('SG2008', 12, { severity: 'note', relatedLines: [14] })],
      ['SG1003@12!{SG2002,SG2008}:warning']
    ],
    [
      'a full-OS final base: SG1002 + SG2001 + SG2002 on FROM; SG2008 stays (nothing installed)',
      [lint('SG1002', 10)],
      [image('SG2001', 10), image('SG2002', 10), image('SG2008', 12, { severity: 'note' })],
      ['SG1002@10!{SG2001,SG2002}:warning', 'SG2008@12:note']
    ],
    [
      'a full-OS base and an install: the package manager joins the base, the RUNs the install',
      [lint('SG1002', 10), lint('SG1003', 12)],
      [image('SG2002', 10), image('SG2008', 12, { severity: 'note' })],
      ['SG1002@10!{SG2002}:warning', 'SG1003@12!{SG2008}:warning']
    ],
    [
      'different lines do not merge: .dockerignore advice (build stage) and sources in the image',
      [lint('SG1005', 7, { stage: BUILD })],
      [image('SG2006', 13, { stage: BUILD })],
      ['SG1005@7:warning', 'SG2006@13:warning']
    ],
    [
      'different files do not merge',
      [lint('SG1008', 10, { file: 'a/Dockerfile' })],
      [image('SG2003', 10)],
      ['SG1008@10:warning', 'SG2003@10:warning']
    ],
    [
      'unrelated rules on one line do not merge',
      [lint('DL3025', 15)],
      [image('SG2011', 15)],
      ['DL3025@15:warning', 'SG2011@15:warning']
    ],
    ['an image finding alone stays', [], [image('SG2010', 10)], ['SG2010@10:warning']],
    ['a lint finding the image did not confirm stays', [lint('SG1008', 10)], [], ['SG1008@10:warning']]
  ])('%s', (_name, lintFindings, imageFindings, expected) => {
    expect(shape(mergeFindings({ lint: lintFindings, image: imageFindings }))).toEqual(expected)
  })

  it('carries both evidences, the layer, the path, the related lines and the count', () => {
    const [merged] = mergeFindings({
      lint: [lint('DL3064', 11, { evidence: 'ARG NPM_TOKEN' }), lint('SG1006', 12)],
      image: [
        image('SG2005', 11, {
          severity: 'error',
          relatedLines: [12, 14],
          count: 2,
          layer: { index: 1 },
          evidence: 'NPM_TOKEN=npm_****…(40 chars)'
        })
      ]
    })
    expect(merged).toMatchObject({
      ruleId: 'DL3064',
      message: 'DL3064 says so',
      line: 11,
      relatedLines: [12, 14],
      layer: { index: 1 },
      count: 2,
      confirmed: true
    })
    expect(merged?.evidence).toBe(
      'Dockerfile line 11 (DL3064): ARG NPM_TOKEN; Dockerfile line 12 (SG1006); image (SG2005): layer 1: NPM_TOKEN=npm_****…(40 chars)'
    )
  })

  it('silences the lint finding an ignored image finding confirms, and the reverse', () => {
    expect(
      mergeFindings({ lint: [lint('SG1008', 10)], image: [], silencedImage: [image('SG2003', 10)] })
    ).toEqual([])
    expect(
      mergeFindings({ lint: [], image: [image('SG2003', 10)], silencedLint: [lint('SG1008', 10)] })
    ).toEqual([])
    // A silenced lint finding the image does not confirm stays silenced; nothing else changes.
    expect(
      shape(mergeFindings({ lint: [], image: [image('SG2010', 10)], silencedLint: [lint('SG1008', 10)] }))
    ).toEqual(['SG2010@10:warning'])
  })

  it('drops a merged finding the policy silences by any of its ids', () => {
    const silences = (finding: Pick<Finding, 'ruleId' | 'also'>): boolean =>
      [finding.ruleId, ...(finding.also ?? [])].includes('SG2003')
    expect(mergeFindings({ lint: [lint('SG1008', 10)], image: [image('SG2003', 10)], silences })).toEqual([])
  })

  it('pairs every confirmation with ids that exist', async () => {
    const { ALL_RULES } = await import('../../src/catalog.js')
    const ids = new Set(ALL_RULES.map(rule => rule.id))
    for (const confirmation of CONFIRMATIONS)
      for (const id of [...confirmation.lint, ...confirmation.image])
        expect([id, ids.has(id)]).toEqual([id, true])
  })
})
