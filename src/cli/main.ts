// `stagegate lint|check|build|rules`: exit 0 (nothing at the fail level),
// 1 (findings at or above it, or a failed build), 2 (usage, input or
// environment error: one line on stderr, never a stack trace).
import { errorMessage, isUsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { buildCommand, checkCommand, lintCommand, rulesCommand } from './commands.js'
import { verifyCommand } from './verify.js'

export const USAGE = `usage:
  stagegate lint  [--format text|json|sarif] [--config FILE] [--fail-on LEVEL] [--target STAGE] DOCKERFILE...
  stagegate check IMAGE --dockerfile FILE [--format text|json|sarif] [--config FILE] [--fail-on LEVEL] [--platform P]
  stagegate build [CONTEXT] [--file F] [--tags T]... [--push] [--load] [--cache-registry REF] [--secrets id=value]...
                  [--sbom ...] [--provenance ...] [--fail-on LEVEL] [--format text|json|sarif]
                  [--report-file F] [--sarif-file F]  (every flag is named like the action input)
  stagegate verify IMAGE (--certificate-identity ID [--certificate-oidc-issuer URL] [--trusted-root FILE] | --key FILE)
                  [--format text|json]   (IMAGE in a registry; exit 1 when a check fails)
  stagegate rules [--format text|json]

IMAGE: a reference in the local engine, oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG.
LEVEL: error (default), warning, note or never.
Exit: 0 nothing at or above LEVEL; 1 findings at or above it (or a failed build); 2 usage or input error.`

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  lint: lintCommand,
  check: checkCommand,
  build: buildCommand,
  verify: argv => verifyCommand(argv),
  rules: rulesCommand
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      process.stderr.write(`${USAGE}\n`)
      return 2
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`)
      return 0
    }
    const run = COMMANDS[command]
    if (run === undefined) {
      process.stderr.write(`stagegate: unknown command "${command}"; run \`stagegate --help\`.\n`)
      return 2
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    return await run(rest)
  } catch (error) {
    process.stderr.write(`stagegate${command ? ` ${command}` : ''}: ${errorMessage(error)}\n`)
    if (!isUsageError(error) && error instanceof Error && process.env.STAGEGATE_DEBUG) {
      process.stderr.write(`${error.stack}\n`)
    }
    return 2
  }
}
