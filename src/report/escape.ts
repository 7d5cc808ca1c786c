// Text that reaches a terminal or a line-oriented format comes from untrusted
// places (a Dockerfile, a file name inside an image, a registry's error). Raw
// control characters there can move the cursor, rewrite earlier lines, set the
// window title, or start a forged finding line; bidi overrides can make a line
// read differently from its bytes. Every text format passes its strings
// through escapeControl: such characters come out as visible escapes.

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, line and
// paragraph separators, and lone surrogates (the reader's stand-ins for
// undecodable name bytes).
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

function escapeOne(char: string): string {
  const code = char.charCodeAt(0)
  if (char === '\n') return '\\n'
  if (char === '\r') return '\\r'
  if (char === '\t') return '\\t'
  // An undecodable name byte (U+DC80..U+DCFF) shows as the byte it was.
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16).padStart(2, '0')}`
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` with every control, bidi-override and undecodable character shown as an escape (`\x1b`, `\u202e`). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeOne)
}
