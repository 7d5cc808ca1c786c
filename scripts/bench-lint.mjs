#!/usr/bin/env node
// npm run bench:lint — in one run, on the vendored corpus of real Dockerfiles
// (__tests__/fixtures/corpus, see its README.md):
//   (a) bare dockerfile-ast parsing, (b) dockerfile-utils' validate,
//   (c) Stagegate with every rule (parse + lint, no shellcheck),
//   (d) Stagegate's lintFiles over the whole corpus with shellcheck (one batch
//       for every RUN), when shellcheck is on PATH,
//   (e) cold `node dist/cli.js lint FILE` against cold `node -e 0`, interleaved.
// The sources are bundled with esbuild into a temp dir for (a)-(d); (e) needs
// the CLI bundle (`npm run bundle`). Each round runs every mode once; the
// median round counts. Goals (issue 13): (c) >= 0.75x (b); (d) >= 300 files/s;
// (e) <= 2.5x.
// The corpus: the vendored real-world Dockerfiles in __tests__/fixtures/corpus
// (see its README.md for provenance and licence).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Buffer } from 'node:buffer'
import { performance } from 'node:perf_hooks'
import { build } from 'esbuild'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpusDir = resolve(repo, '__tests__/fixtures/corpus')
const cli = join(repo, 'dist/cli.js')
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
export { lintFiles } from './src/lint/lint-file.ts'
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
    asyncModes['stagegate lintFiles + shellcheck'] = async () => {
      const results = await lib.lintFiles(files, { config, cwd: corpusDir })
      const notices = new Set(results.flatMap(result => result.notices))
      if (notices.size > 0) throw new Error(`shellcheck did not run cleanly: ${[...notices].join('; ')}`)
    }
  }

  const times = Object.fromEntries(
    [...Object.keys(modes), ...Object.keys(asyncModes)].map(name => [name, []])
  )
  const shellcheckCpu = []
  // Warm-up round (JIT), not counted.
  for (const fn of Object.values(modes)) fn()
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(modes)) {
      const start = performance.now()
      fn()
      times[name].push(performance.now() - start)
    }
    // shellcheck costs seconds of CPU per corpus pass: three rounds are enough.
    if (round < 3) {
      for (const [name, fn] of Object.entries(asyncModes)) {
        const cpu = cpuSeconds()
        const start = performance.now()
        await fn()
        times[name].push(performance.now() - start)
        shellcheckCpu.push(cpuSeconds() - cpu)
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
  if (!shellcheck) console.log('stagegate lintFiles + shellcheck: skipped (shellcheck not found on PATH)')
  const vsParse = rate['stagegate, all rules'] / rate['dockerfile-ast parse']
  const vsUtils = rate['stagegate, all rules'] / rate['dockerfile-utils validate']
  const withShellcheck = rate['stagegate lintFiles + shellcheck']
  console.log(`ratio vs dockerfile-ast parse:      ${vsParse.toFixed(2)}x`)
  console.log(
    `ratio vs dockerfile-utils validate: ${vsUtils.toFixed(2)}x (goal >= 0.75x) ${vsUtils >= 0.75 ? 'met' : 'NOT met'}`
  )
  let idleEstimate
  if (withShellcheck !== undefined) {
    console.log(
      `with shellcheck:                    ${withShellcheck.toFixed(0)} files/s (goal >= 300) ${withShellcheck >= 300 ? 'met' : 'NOT met'}`
    )
    // CPU time does not depend on how many other jobs share the cores; the wall rate does.
    const cpu = [...shellcheckCpu].sort((a, b) => a - b)[Math.floor(shellcheckCpu.length / 2)]
    const cores = Math.min(2, availableParallelism())
    idleEstimate = files.length / (cpu / cores)
    console.log(
      `  CPU per corpus pass (Node + shellcheck): ${cpu.toFixed(2)} s; on ${cores} otherwise idle cores that is at best ${idleEstimate.toFixed(0)} files/s`
    )
  }
  const cold = coldStart(files)
  const load = loadavg()
    .map(value => value.toFixed(1))
    .join(' ')
  console.log(`load average during the run: ${load}`)
  if (process.env.BENCH_JSON)
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({ rate, vsParse, vsUtils, withShellcheck, idleEstimate, cold, load }, null, 2)
    )
}

/** Cold `stagegate lint FILE` (the CLI bundle) against cold `node -e 0`, interleaved, medians. */
function coldStart(files) {
  if (!existsSync(cli)) {
    console.log('cold start: skipped (no dist/cli.js: run `npm run bundle`)')
    return undefined
  }
  const file = files[Math.floor(files.length / 2)]
  const runs = Number(process.env.BENCH_COLD_RUNS ?? 15)
  const time = args => {
    const start = performance.now()
    execFileSync(process.execPath, args, { stdio: 'ignore' })
    return performance.now() - start
  }
  const lint = []
  const bare = []
  time(['-e', '0']) // warm the file cache for both, not counted
  time([cli, 'lint', '--fail-on', 'never', file])
  for (let i = 0; i < runs; i++) {
    bare.push(time(['-e', '0']))
    lint.push(time([cli, 'lint', '--fail-on', 'never', file]))
  }
  const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const ratio = median(lint) / median(bare)
  console.log(
    `cold \`stagegate lint FILE\`: ${median(lint).toFixed(0)} ms vs \`node -e 0\` ${median(bare).toFixed(0)} ms: ${ratio.toFixed(2)}x (goal <= 2.5x) ${ratio <= 2.5 ? 'met' : 'NOT met'}  (median of ${runs})`
  )
  return { lintMs: median(lint), nodeMs: median(bare), ratio }
}

/** CPU seconds of this process and of its waited-for children (shellcheck), from /proc. */
function cpuSeconds() {
  const own = process.cpuUsage()
  let children = 0
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    children = (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    // not Linux: own CPU only
  }
  return (own.user + own.system) / 1e6 + children
}
