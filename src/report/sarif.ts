// Reports → one SARIF 2.1.0 log (one run), ready for
// github/codeql-action/upload-sarif. Locations are relative to %SRCROOT% (the
// workspace); partialFingerprints carry the report's line-independent
// fingerprint so code scanning keeps tracking an alert across line shifts.
import type { Finding, Severity } from '../finding.js'
import { helpUri } from '../rule-meta.js'
import type { RuleMeta } from '../rule-meta.js'
import { FINGERPRINT_KEY, fingerprintFindings } from './fingerprint.js'
import type { Report } from './report.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const INFORMATION_URI = 'https://github.com/stagegate/stagegate'
export const SRCROOT = '%SRCROOT%'

export type SarifLevel = 'error' | 'warning' | 'note'

export interface SarifMessage {
  text: string
  markdown?: string
}

export interface SarifRule {
  id: string
  /** Readable identifier; omitted when it would equal the id (SARIF1001). */
  name?: string
  shortDescription: SarifMessage
  fullDescription: SarifMessage
  help: SarifMessage
  helpUri: string
  defaultConfiguration: { level: SarifLevel }
  properties: { tags: string[]; aliases?: string[]; 'security-severity'?: string }
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string }
    region: { startLine: number; endLine: number }
  }
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[]
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: { text: string }
  locations: SarifLocation[]
  partialFingerprints: Record<string, string>
  relatedLocations?: (SarifLocation & { id: number; message: { text: string } })[]
  properties?: Record<string, unknown>
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: {
    tool: {
      driver: {
        name: string
        version: string
        semanticVersion: string
        informationUri: string
        rules: SarifRule[]
      }
    }
    automationDetails?: { id: string }
    originalUriBaseIds?: Record<string, { uri: string }>
    results: SarifResult[]
  }[]
}

export interface SarifOptions {
  toolVersion: string
  /** Metadata of the rules that fired (unknown ids get a minimal rule). */
  rules?: readonly RuleMeta[]
  /** Absolute workspace path; recorded as %SRCROOT%'s uri when given. */
  srcRoot?: string
  /**
   * Code scanning category (runAutomationDetails.id without the run part).
   * Default for one report: `stagegate/<dockerfile>`, so a matrix of
   * Dockerfiles uploads one analysis each instead of replacing each other.
   */
  category?: string
}

/** GitHub's security severity for rules tagged `security` (high, medium, low). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '2.0' }

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', note: 'note' }

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map(segment => encodeURIComponent(segment))
    .join('/')
}

function fileUri(absoluteDir: string): string {
  const withSlash = absoluteDir.endsWith('/') ? absoluteDir : `${absoluteDir}/`
  return (
    'file://' +
    withSlash
      .split('/')
      .map(segment => encodeURIComponent(segment))
      .join('/')
  )
}

/** "Pin versions in apt-get install" → "PinVersionsInAptGetInstall". */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(word => word !== '')
    .map(word => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join('')
}

function sarifRule(id: string, meta: RuleMeta | undefined): SarifRule {
  const summary = meta?.summary ?? `Stagegate rule ${id}.`
  const phase = meta?.phase ?? (id.startsWith('SG2') ? 'image' : 'dockerfile')
  const uri = helpUri(id)
  const aliases = meta?.aliases ?? []
  const aka = aliases.length > 0 ? ` Also known as ${aliases.join(', ')}.` : ''
  const name = aliases[0] ?? (meta ? pascalCase(summary) : undefined)
  const rule: SarifRule = {
    id,
    ...(name !== undefined && name !== '' && name !== id ? { name } : {}),
    shortDescription: { text: summary },
    fullDescription: {
      text: `${summary}${aka} Checked on the ${phase === 'image' ? 'built image, stage by stage' : 'Dockerfile'}.`
    },
    help: {
      text: `${summary}${aka} Why it matters, a bad and a good example: ${uri}`,
      markdown: `**${id}**: ${summary}${aka}\n\nWhy it matters, with a bad and a good example: [${id}](${uri})`
    },
    helpUri: uri,
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'warning'] },
    properties: { tags: ['stagegate', phase, ...(id.startsWith('SG2') ? ['security'] : [])] }
  }
  if (aliases.length > 0) rule.properties.aliases = [...aliases]
  if (rule.properties.tags.includes('security')) {
    rule.properties['security-severity'] = SECURITY_SEVERITY[meta?.severity ?? 'warning']
  }
  return rule
}

function resultProperties(finding: Finding): Record<string, unknown> | undefined {
  const properties: Record<string, unknown> = {}
  if (finding.stage) properties.stage = { ...finding.stage }
  if (finding.layer) properties.layer = { ...finding.layer }
  if (finding.path !== undefined) properties.imagePath = finding.path
  if (finding.evidence !== undefined) properties.evidence = finding.evidence
  if (finding.confirmed) properties.confirmed = true
  if (finding.also && finding.also.length > 0) properties.also = [...finding.also]
  if (finding.count !== undefined) properties.count = finding.count
  return Object.keys(properties).length > 0 ? properties : undefined
}

/** Findings without a line point at the final stage's FROM (or line 1): code scanning needs a region. */
function fallbackLine(report: Report): number {
  return report.stages.find(stage => stage.final)?.line ?? 1
}

export function toSarif(reports: Report | readonly Report[], options: SarifOptions): SarifLog {
  const list = Array.isArray(reports) ? (reports as readonly Report[]) : [reports as Report]
  const ruleIds = [...new Set(list.flatMap(report => report.findings.map(finding => finding.ruleId)))].sort()
  const rules = ruleIds.map(id =>
    sarifRule(
      id,
      options.rules?.find(rule => rule.id === id)
    )
  )
  const results: SarifResult[] = []
  for (const report of list) {
    const computed = fingerprintFindings(report.findings, report.dockerfile)
    report.findings.forEach((finding, index) => {
      const file = finding.file ?? report.dockerfile
      const startLine = finding.line ?? fallbackLine(report)
      const location: SarifLocation = {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
          region: { startLine, endLine: Math.max(startLine, finding.endLine ?? startLine) }
        }
      }
      if (finding.path !== undefined) {
        location.logicalLocations = [
          {
            name: finding.path.split('/').pop() || finding.path,
            fullyQualifiedName: finding.path,
            kind: 'resource'
          }
        ]
      }
      const result: SarifResult = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIds.indexOf(finding.ruleId),
        level: LEVEL[finding.severity],
        message: {
          text: finding.path !== undefined ? `${finding.message} (${finding.path})` : finding.message
        },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint ?? computed[index] ?? '' }
      }
      if (finding.relatedLines && finding.relatedLines.length > 0) {
        // The same problem's other lines (the RUNs that recorded a build argument ...).
        result.relatedLocations = finding.relatedLines.map((line, id) => ({
          id,
          physicalLocation: {
            artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
            region: { startLine: line, endLine: line }
          },
          message: { text: `${finding.ruleId} here too` }
        }))
      }
      const properties = resultProperties(finding)
      if (properties) result.properties = properties
      results.push(result)
    })
  }
  const run: SarifLog['runs'][number] = {
    tool: {
      driver: {
        name: 'stagegate',
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        informationUri: INFORMATION_URI,
        rules
      }
    },
    results
  }
  const category =
    options.category ?? (list.length === 1 ? `stagegate/${list[0]?.dockerfile ?? ''}` : undefined)
  if (category !== undefined) run.automationDetails = { id: `${category.replace(/\/+$/, '')}/` }
  if (options.srcRoot !== undefined) run.originalUriBaseIds = { [SRCROOT]: { uri: fileUri(options.srcRoot) } }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }
}

export function formatSarif(log: SarifLog): string {
  return JSON.stringify(log, null, 2) + '\n'
}
