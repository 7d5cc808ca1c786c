// A tiny action entry for tests: reads a Report (JSON file named by
// STAGEGATE_TEST_REPORT) and publishes it through the real @actions/core
// adapter, exactly as src/main.ts does at the end of the pipeline. Bundled
// with esbuild by the test and run by runAction on Node 24.
import { readFileSync } from 'node:fs'
import { createActionsIO } from '../../src/github/actions.js'
import { publishReport } from '../../src/github/publish.js'
import { parseInputs } from '../../src/inputs.js'
import type { Report } from '../../src/report/report.js'

async function main(): Promise<void> {
  const io = createActionsIO()
  const inputs = parseInputs(name => io.getInput(name))
  // Secrets given to the step (id=value): masked in the log and kept out of every report.
  const secrets = inputs.secrets.map(spec => spec.slice(spec.indexOf('=') + 1))
  for (const secret of secrets) io.setSecret(secret)
  const report = JSON.parse(readFileSync(process.env.STAGEGATE_TEST_REPORT ?? '', 'utf8')) as Report
  await publishReport({
    io,
    report,
    failOn: inputs['fail-on'] || 'error',
    inputs,
    secrets,
    store: {
      save: (_report, where) =>
        Promise.resolve({
          saved: false,
          key: `${where.branch}-${where.sha}`,
          skipped: 'test'
        }),
      restore: () => Promise.resolve({})
    }
  })
}

main().catch(error => {
  process.exitCode = 1
  console.log(`::error::${error instanceof Error ? error.message : String(error)}`)
})
