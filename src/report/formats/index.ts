// The output formats, by the names hadolint gives them (`text` is the old
// name of `tty`). Each format is its own module, loaded when asked for, so
// the default path pays for none of the XML code.
import type { Report } from '../report.js'
import type { FormatContext } from './common.js'

export const FORMATS = [
  'tty',
  'text',
  'json',
  'sarif',
  'checkstyle',
  'codeclimate',
  'gitlab_codeclimate',
  'gnu',
  'junit',
  'sonarqube'
] as const
export type Format = (typeof FORMATS)[number]

export type Formatter = (reports: readonly Report[], context: FormatContext) => string

const LOADERS: Record<Format, () => Promise<Formatter>> = {
  tty: async () => (await import('./tty.js')).formatTty,
  text: async () => (await import('./tty.js')).formatTty,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  checkstyle: async () => (await import('./checkstyle.js')).formatCheckstyle,
  codeclimate: async () => (await import('./codeclimate.js')).formatCodeclimate,
  gitlab_codeclimate: async () => (await import('./gitlab-codeclimate.js')).formatGitlabCodeclimate,
  gnu: async () => (await import('./gnu.js')).formatGnu,
  junit: async () => (await import('./junit.js')).formatJunit,
  sonarqube: async () => (await import('./sonarqube.js')).formatSonarqube
}

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name)
}

export async function formatReports(
  reports: readonly Report[],
  format: Format,
  context: FormatContext
): Promise<string> {
  const formatter = await LOADERS[format]()
  return formatter(reports, context)
}
