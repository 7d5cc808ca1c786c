// `stagegate lint|check|build|rules`: exit 0 (nothing at the fail level),
// 1 (findings at or above it, or a failed build), 2 (usage, input or
// environment error: one line on stderr, never a stack trace). main() returns
// the status and never exits: src/cli.ts sets it, tests read it.
import { errorMessage, isUsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { buildCommand, checkCommand, lintCommand, rulesCommand } from './commands.js'
import { processCliIO, type CliIO } from './io.js'

export const USAGE = `usage:
  stagegate lint  [--format FORMAT] [--config FILE] [--fail-on LEVEL] [--target STAGE] DOCKERFILE...
  stagegate check IMAGE --dockerfile FILE [--format FORMAT] [--config FILE] [--fail-on LEVEL] [--platform P] [--smoke]
  stagegate build [CONTEXT] [--file F] [--tags T]... [--push] [--load] [--cache-registry REF] [--secrets id=value]...
                  [--sbom ...] [--provenance ...] [--fail-on LEVEL] [--format FORMAT]
                  [--report-file F] [--sarif-file F]  (every flag is named like the action input)
  stagegate verify IMAGE (--certificate-identity ID [--certificate-oidc-issuer URL] [--trusted-root FILE] | --key FILE)
                  [--format text|json]   (IMAGE in a registry; exit 1 when a check fails)
  stagegate rules [--format text|json]

IMAGE: a reference in the local engine, oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG.
FORMAT: tty (default; alias text), json, sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, junit, sonarqube.
LEVEL: error (default), warning, note or never.
Exit: 0 nothing at or above LEVEL; 1 findings at or above it (or a failed build); 2 usage or input error.`

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  lint: lintCommand,
  check: checkCommand,
  build: buildCommand,
  // Sigstore's verifier is loaded only for `verify`.
  verify: async (argv, io) =>
    (await import('./verify.js')).verifyCommand(argv, { out: io.stdout, err: io.stderr, env: io.env }),
  rules: rulesCommand
}

export async function main(argv: string[], io: CliIO = processCliIO()): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      io.stderr(`${USAGE}\n`)
      return 2
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`)
      return 0
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`)
      return 0
    }
    const run = COMMANDS[command]
    if (run === undefined) {
      io.stderr(`stagegate: unknown command "${command}"; run \`stagegate --help\`.\n`)
      return 2
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${USAGE}\n`)
      return 0
    }
    return await run(rest, io)
  } catch (error) {
    io.stderr(`stagegate${command ? ` ${command}` : ''}: ${errorMessage(error)}\n`)
    if (!isUsageError(error) && error instanceof Error && io.env.STAGEGATE_DEBUG) {
      io.stderr(`${error.stack}\n`)
    }
    return 2
  }
}
