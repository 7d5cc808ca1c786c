// Tests must not emit `::error::`/`::set-output` workflow commands into the
// runner's log (they would annotate this repository's own CI run), and must
// not write to a real GITHUB_OUTPUT or step summary. Tests that assert on
// workflow commands capture stdout themselves.
for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH']) {
  delete process.env[name]
}
for (const name of Object.keys(process.env)) {
  if (name.startsWith('INPUT_')) delete process.env[name]
}
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
  if (text.startsWith('::')) return true
  return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)
}
