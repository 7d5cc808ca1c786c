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
  if (!(error instanceof Error)) return String(error);
  const { message } = error;
  const code = error.code;
  if (error instanceof RangeError && /Maximum call stack size exceeded/.test(message))
    return "the input is nested too deeply to process (a Dockerfile, config or image structure thousands of levels deep); flatten it";
  if (error instanceof RangeError && /Invalid string length|Invalid array length/.test(message))
    return "the output is too large to render in memory; narrow it with ignore or severity settings, or use a summary format";
  if (code === "E2BIG" || /\bE2BIG\b/.test(message))
    return "the input is too large to hand to a helper program (argument list too long); split the Dockerfile or its RUN lines";
  return message.split("\n")[0] ?? message;
}

export {
  UsageError,
  isUsageError,
  errorMessage
};
