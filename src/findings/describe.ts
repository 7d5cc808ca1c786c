// How a merged or aggregated finding says so in one short phrase, the same
// in every human-facing reporter: "confirmed in the image; also SG2003".
import type { Finding } from '../finding.js'

export function mergeNote(finding: Pick<Finding, 'confirmed' | 'also' | 'relatedLines'>): string | undefined {
  const parts: string[] = []
  if (finding.confirmed) parts.push('confirmed in the image')
  if (finding.also && finding.also.length > 0) parts.push(`also ${finding.also.join(', ')}`)
  if (finding.relatedLines && finding.relatedLines.length > 0)
    parts.push(`line${finding.relatedLines.length === 1 ? '' : 's'} ${finding.relatedLines.join(', ')} too`)
  return parts.length > 0 ? parts.join('; ') : undefined
}
