// Parses mermaid sources with the real `mermaid` package, headless (with
// jsdom: mermaid's parser reaches for DOMPurify, which needs a DOM). Both are
// devDependencies; a child Node process does the parsing, outside Jest's
// module system.
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'

export const MERMAID_CACHE = path.resolve('node_modules/.cache/stagegate-mermaid')

const PARSER = `
import { JSDOM } from 'jsdom'
const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
globalThis.document = dom.window.document
const { default: mermaid } = await import('mermaid')
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const source of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(source)
    results.push({ ok: true, diagramType: parsed.diagramType })
  } catch (error) {
    results.push({ ok: false, error: String(error && error.message ? error.message : error) })
  }
}
process.stdout.write(JSON.stringify(results))
`

export interface MermaidParse {
  ok: boolean
  diagramType?: string
  error?: string
}

let ready: Promise<string> | undefined

/** Writes the parser script once; mermaid and jsdom are devDependencies, resolved from the repository's node_modules. */
export function ensureMermaid(): Promise<string> {
  // The executor runs at once; a failed write rejects the promise.
  ready ??= new Promise(resolve => {
    mkdirSync(MERMAID_CACHE, { recursive: true })
    writeFileSync(path.join(MERMAID_CACHE, 'parse.mjs'), PARSER)
    resolve(MERMAID_CACHE)
  })
  return ready
}

export async function parseMermaid(sources: readonly string[]): Promise<MermaidParse[]> {
  const dir = await ensureMermaid()
  const child = execFile(process.execPath, [path.join(dir, 'parse.mjs')], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024
  })
  const output = new Promise<string>((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', chunk => (stdout += chunk))
    child.stderr?.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', status =>
      status === 0 ? resolve(stdout) : reject(new Error(`mermaid parser exited ${status}: ${stderr}`))
    )
  })
  child.stdin?.end(JSON.stringify(sources))
  return JSON.parse(await output) as MermaidParse[]
}
