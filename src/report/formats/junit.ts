// JUnit XML (`--format junit`), for the test-report views of GitLab, Jenkins,
// Azure Pipelines and CircleCI: one <testsuite> per Dockerfile, one failing
// <testcase> per finding (classname: the Dockerfile; name: rule and line),
// and one passing testcase for a Dockerfile without findings, so a clean
// run shows as passed rather than as no tests. No timestamps: the same
// findings give the same bytes.
import type { Report } from '../report.js'
import { locatedFindings, reportFiles, type FormatContext, type LocatedFinding } from './common.js'
import { xmlDocument, type XmlNode } from './xml.js'

export function formatJunit(reports: readonly Report[], _context?: FormatContext): string {
  const located = locatedFindings(reports)
  const files = [...new Set([...reportFiles(reports), ...located.map(entry => entry.file)])]
  let tests = 0
  let failures = 0
  const testsuite: XmlNode[] = files.map(file => {
    const mine = located.filter(entry => entry.file === file)
    const testcase: XmlNode[] =
      mine.length > 0
        ? mine.map(failedCase)
        : [{ '@_name': 'stagegate lint', '@_classname': file, '@_time': '0' }]
    tests += testcase.length
    failures += mine.length
    return {
      '@_name': file,
      '@_tests': testcase.length,
      '@_failures': mine.length,
      '@_errors': 0,
      '@_skipped': 0,
      '@_time': '0',
      testcase
    }
  })
  return xmlDocument({
    testsuites: {
      '@_name': 'stagegate',
      '@_tests': tests,
      '@_failures': failures,
      '@_errors': 0,
      '@_time': '0',
      testsuite
    }
  })
}

function failedCase(entry: LocatedFinding): XmlNode {
  const where = entry.exact ? `${entry.file}:${entry.line}` : entry.file
  const body = [
    `File: ${entry.file}`,
    entry.exact ? `Line: ${entry.line}` : undefined,
    entry.finding.path !== undefined ? `Path in image: ${entry.finding.path}` : undefined,
    `Rule: ${entry.finding.ruleId}`,
    `${entry.finding.severity}: ${entry.message}`
  ].filter(line => line !== undefined)
  return {
    '@_name': `${entry.finding.ruleId} at ${where}`,
    '@_classname': entry.file,
    '@_time': '0',
    failure: { '@_message': entry.message, '@_type': entry.finding.severity, '#text': body.join('\n') }
  }
}
