// Validates a SARIF file with Microsoft's SARIF multitool (the
// @microsoft/sarif-multitool-linux devDependency): JSON-schema errors
// (JSONnnnn) and the SARIF spec rules (SARIFnnnn). The tool exits 0 even when
// it reports errors, so its diagnostics are parsed from stdout.
import { execFile } from 'node:child_process'
import * as path from 'node:path'
import { promisify } from 'node:util'

export const MULTITOOL = path.resolve('node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool')

export interface MultitoolDiagnostic {
  level: 'error' | 'warning' | 'note'
  code: string
  text: string
}

const DIAGNOSTIC = /^.*?\(\d+(?:,\d+)?\): (error|warning|note) ([A-Z]+\d+): (.*)$/

export async function validateSarif(file: string): Promise<MultitoolDiagnostic[]> {
  const { stdout } = await promisify(execFile)(
    MULTITOOL,
    ['validate', '--level', 'Error;Warning;Note', file],
    {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      maxBuffer: 64 * 1024 * 1024
    }
  )
  if (!stdout.includes('Analysis completed successfully'))
    throw new Error(`multitool did not complete:\n${stdout}`)
  const diagnostics: MultitoolDiagnostic[] = []
  for (const line of stdout.split('\n')) {
    const match = DIAGNOSTIC.exec(line.trim())
    if (match)
      diagnostics.push({ level: match[1] as MultitoolDiagnostic['level'], code: match[2]!, text: match[3]! })
  }
  return diagnostics
}
