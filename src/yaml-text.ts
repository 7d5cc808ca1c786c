// YAML from the repository (.stagegate.yml, .hadolint.yaml, .dive-ci): untrusted
// input a pull request can change, read into plain data or refused in one line.
// The parser loads on first use: a run without a config file never compiles it.
import { cjsExports } from './cjs-import.js'
import { UsageError } from './errors.js'

/** The plain data of a YAML document (`{}` when empty); a one-line UsageError naming `label` otherwise. */
export async function parseUntrustedYaml(text: string, label: string): Promise<unknown> {
  const { parseDocument } = cjsExports(await import('yaml'))
  // Config files are untrusted input (a pull request can change them): every
  // way YAML can go wrong is one line, never a stack overflow, a console
  // warning, a cyclic value or an alias bomb.
  let value: unknown
  try {
    const doc = parseDocument(text, { logLevel: 'silent' })
    const problem = doc.errors[0] ?? doc.warnings[0]
    if (problem) {
      const first = (problem.message.split('\n')[0] ?? '').replace(/:$/, '')
      throw new UsageError(
        /call stack/i.test(first)
          ? `${label}: invalid YAML: nested too deeply (${first.replace(/^.*?(at line)/, '$1')})`
          : /^Unresolved tag/.test(first)
            ? `${label}: invalid YAML: ${first} (custom tags are not supported; remove the tag)`
            : `${label}: invalid YAML: ${first}`
      )
    }
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    if (error instanceof UsageError) throw error
    const first = ((error as Error).message ?? '').split('\n')[0]
    throw new UsageError(
      error instanceof RangeError
        ? `${label}: invalid YAML: nested too deeply`
        : `${label}: invalid YAML: ${first}`
    )
  }
  checkPlainData(value, label)
  return value ?? {}
}

/** Settings are shallow: refuse recursive aliases (cyclic values) and absurd nesting before anything walks them. */
function checkPlainData(value: unknown, label: string): void {
  const ancestors = new Set<object>()
  const visit = (node: unknown, depth: number): void => {
    if (typeof node !== 'object' || node === null) return
    if (ancestors.has(node))
      throw new UsageError(`${label}: invalid YAML: a recursive alias (an anchor used inside itself)`)
    if (depth > 32) throw new UsageError(`${label}: invalid YAML: nested too deeply (more than 32 levels)`)
    ancestors.add(node)
    for (const child of Array.isArray(node)
      ? node
      : node instanceof Map
        ? [...node.values()]
        : Object.values(node))
      visit(child, depth + 1)
    ancestors.delete(node)
  }
  visit(value, 0)
}
