// `stagegate lint|check|build|rules`: exit 0 (nothing at the fail level),
// 1 (findings at or above it), 2 (usage, input or environment error: one line
// on stderr, never a stack trace).
import { errorMessage, isUsageError } from '../errors.js'

export const USAGE = `usage:
  stagegate lint  [--format text|json|sarif] [--config FILE] [--fail-on LEVEL] DOCKERFILE...
  stagegate check IMAGE --dockerfile FILE [--format text|json|sarif] [--config FILE] [--fail-on LEVEL]
  stagegate build [--context DIR] [--file FILE] [--tags T] [...flags named like the action inputs]
  stagegate rules [--format text|json]`

export async function main(argv: string[]): Promise<number> {
  try {
    const [command] = argv
    if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    }
    process.stderr.write(`stagegate: unknown command "${command}"; run \`stagegate --help\`.\n`)
    return 2
  } catch (error) {
    process.stderr.write(`stagegate: ${errorMessage(error)}\n`)
    if (!isUsageError(error) && error instanceof Error && process.env.STAGEGATE_DEBUG)
      process.stderr.write(`${error.stack}\n`)
    return 2
  }
}
