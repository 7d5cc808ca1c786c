#!/usr/bin/env node
import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function isUsageError(error) {
  return error instanceof UsageError;
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/cli/main.ts
var USAGE = `usage:
  stagegate lint  [--format text|json|sarif] [--config FILE] [--fail-on LEVEL] DOCKERFILE...
  stagegate check IMAGE --dockerfile FILE [--format text|json|sarif] [--config FILE] [--fail-on LEVEL]
  stagegate build [--context DIR] [--file FILE] [--tags T] [...flags named like the action inputs]
  stagegate rules [--format text|json]`;
async function main(argv) {
  try {
    const [command] = argv;
    if (command === void 0 || command === "--help" || command === "-h") {
      process.stdout.write(`${USAGE}
`);
      return command === void 0 ? 2 : 0;
    }
    process.stderr.write(`stagegate: unknown command "${command}"; run \`stagegate --help\`.
`);
    return 2;
  } catch (error) {
    process.stderr.write(`stagegate: ${errorMessage(error)}
`);
    if (!isUsageError(error) && error instanceof Error && process.env.STAGEGATE_DEBUG)
      process.stderr.write(`${error.stack}
`);
    return 2;
  }
}

// src/cli.ts
process.exitCode = await main(process.argv.slice(2));
