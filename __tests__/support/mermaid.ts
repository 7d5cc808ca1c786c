// Parses mermaid sources with the real `mermaid` package, headless. mermaid
// is not a dependency of Stagegate (only the tests need it), so it is
// installed once from the npm registry into node_modules/.cache (with jsdom:
// mermaid's parser reaches for DOMPurify, which needs a DOM), and a child
// Node process does the parsing, outside Jest's module system.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const MERMAID_CACHE = path.resolve('node_modules/.cache/stagegate-mermaid')
const PACKAGES = ['mermaid@11', 'jsdom@26']

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

/** Installs mermaid + jsdom once; returns the cache directory. */
export function ensureMermaid(): Promise<string> {
  ready ??= (async () => {
    // Written only after an install completed, so an interrupted one is redone.
    const marker = path.join(MERMAID_CACHE, '.installed')
    if (!existsSync(marker)) {
      rmSync(path.join(MERMAID_CACHE, 'node_modules'), { recursive: true, force: true })
      mkdirSync(MERMAID_CACHE, { recursive: true })
      writeFileSync(path.join(MERMAID_CACHE, 'package.json'), '{"private":true,"type":"module"}\n')
      await run(
        'npm',
        ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...PACKAGES],
        {
          cwd: MERMAID_CACHE,
          maxBuffer: 16 * 1024 * 1024
        }
      )
      writeFileSync(marker, PACKAGES.join('\n') + '\n')
    }
    writeFileSync(path.join(MERMAID_CACHE, 'parse.mjs'), PARSER)
    return MERMAID_CACHE
  })()
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
