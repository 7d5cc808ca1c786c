// A user's mistake (bad input, missing file, unsupported environment) is a
// UsageError: the entries print its one-line message, with no stack trace,
// and the CLI exits 2. Anything else is a bug and keeps its stack.
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError
}

/**
 * The message the entries print. Engine limits that hostile input can reach
 * (recursion depth, string length, argument size) are said in the user's
 * terms with what to do, not as V8's or libuv's internal wording.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { message } = error
  const code = (error as { code?: unknown }).code
  if (error instanceof RangeError && /Maximum call stack size exceeded/.test(message))
    return 'the input is nested too deeply to process (a Dockerfile, config or image structure thousands of levels deep); flatten it'
  if (error instanceof RangeError && /Invalid string length|Invalid array length/.test(message))
    return 'the output is too large to render in memory; narrow it with ignore or severity settings, or use a summary format'
  if (code === 'E2BIG' || /\bE2BIG\b/.test(message))
    return 'the input is too large to hand to a helper program (argument list too long); split the Dockerfile or its RUN lines'
  return message.split('\n')[0] ?? message
}
