// A user's mistake (bad input, missing file, unsupported environment) is a
// UsageError: the entries print its one-line message, with no stack trace,
// and the CLI exits 2. Anything else is a bug and keeps its stack.
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
