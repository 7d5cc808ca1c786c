#!/usr/bin/env node
// npm run bench:lint — files per second over the vendored corpus
// (__tests__/fixtures/corpus, see its README.md) for:
//   (a) bare dockerfile-ast parsing, (b) dockerfile-utils' validate,
//   (c) Stagegate with every rule (parse + lint, no shellcheck),
//   (d) Stagegate's lintFile with shellcheck, when shellcheck is on PATH.
// The sources are bundled with esbuild into a temp dir first (no dist/ needed).
// Each round runs every mode once, interleaved; the median round time counts.
// Goals (issue 3): (c) >= 0.5x (a) and (c) >= 1.0x (b).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Buffer } from 'node:buffer'
import { performance } from 'node:perf_hooks'
import { build } from 'esbuild'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpusDir = resolve(repo, '__tests__/fixtures/corpus')
const rounds = Number(process.env.BENCH_ROUNDS ?? 9)

function corpusFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return corpusFiles(path)
      // A set's README.md and LICENSE are not corpus (as __tests__/dockerfile/corpus-files.ts).
      return /(^|__|\.)Dockerfile$|^Dockerfile\./.test(name) ? [path] : []
    })
}

const entry = `
export { DockerfileParser } from 'dockerfile-ast'
export { validate } from 'dockerfile-utils'
export { parseDockerfile } from './src/dockerfile/parse.ts'
export { lintModel } from './src/lint/engine.ts'
export { lintFile } from './src/lint/lint-file.ts'
export { findOnPath } from './src/lint/shellcheck.ts'
export { emptyConfig } from './src/config.ts'
export { LINT_RULES } from './src/lint/catalog.ts'
`

const out = mkdtempSync(join(tmpdir(), 'stagegate-bench-'))
try {
  const outfile = join(out, 'bench-bundle.mjs')
  await build({
    stdin: { contents: entry, resolveDir: repo, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  })
  const lib = await import(pathToFileURL(outfile).href)
  await run(lib)
} finally {
  rmSync(out, { recursive: true, force: true })
}

async function run(lib) {
  const files = corpusFiles(corpusDir)
  const texts = files.map(file => readFileSync(file, 'utf8'))
  const config = lib.emptyConfig()
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  console.log(
    `corpus: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB; ${lib.LINT_RULES.length} Dockerfile rules; ${rounds} rounds (median)`
  )

  const modes = {
    'dockerfile-ast parse': () => {
      for (const text of texts) lib.DockerfileParser.parse(text)
    },
    'dockerfile-utils validate': () => {
      for (const text of texts) lib.validate(text)
    },
    'stagegate, all rules': () => {
      for (let i = 0; i < texts.length; i++) {
        const model = lib.parseDockerfile(texts[i], { path: files[i] })
        lib.lintModel(model, { config, dockerignore: null })
      }
    }
  }
  const shellcheck = lib.findOnPath('shellcheck')
  const asyncModes = {}
  if (shellcheck) {
    asyncModes['stagegate lintFile + shellcheck'] = async () => {
      for (const file of files) await lib.lintFile(file, { config, cwd: corpusDir })
    }
  }

  const times = Object.fromEntries(
    [...Object.keys(modes), ...Object.keys(asyncModes)].map(name => [name, []])
  )
  // Warm-up round (JIT), not counted.
  for (const fn of Object.values(modes)) fn()
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(modes)) {
      const start = performance.now()
      fn()
      times[name].push(performance.now() - start)
    }
    // shellcheck spawns a process per file: two rounds are enough.
    if (round < 2) {
      for (const [name, fn] of Object.entries(asyncModes)) {
        const start = performance.now()
        await fn()
        times[name].push(performance.now() - start)
      }
    }
  }

  const median = values => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)]
  }
  const rate = {}
  for (const [name, values] of Object.entries(times)) {
    const ms = median(values)
    rate[name] = (files.length / ms) * 1000
    console.log(
      `${name.padEnd(34)} ${rate[name].toFixed(0).padStart(7)} files/s  (median ${ms.toFixed(1)} ms per corpus pass)`
    )
  }
  if (!shellcheck) console.log('stagegate lintFile + shellcheck: skipped (shellcheck not found on PATH)')
  const vsParse = rate['stagegate, all rules'] / rate['dockerfile-ast parse']
  const vsUtils = rate['stagegate, all rules'] / rate['dockerfile-utils validate']
  console.log(
    `ratio vs dockerfile-ast parse:      ${vsParse.toFixed(2)}x (goal >= 0.50x) ${vsParse >= 0.5 ? 'met' : 'NOT met'}`
  )
  console.log(
    `ratio vs dockerfile-utils validate: ${vsUtils.toFixed(2)}x (goal >= 1.00x) ${vsUtils >= 1 ? 'met' : 'NOT met'}`
  )
  if (process.env.BENCH_JSON)
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ rate, vsParse, vsUtils }, null, 2))
}
