#!/usr/bin/env node
// Checks that README.md documents exactly the inputs and outputs action.yml
// declares. Under `### Inputs` a table `Name | Description | Default` (an
// optional `Required` column, or "required" in the Default cell, marks a
// required input); under `### Outputs` a table `Name | Description`. Names
// may be in backticks; an input without a default shows an empty cell or a
// dash. Exits 1 with one line per difference.
//
//   node scripts/check-readme.mjs [--readme README.md] [--action action.yml]
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'

const NO_DEFAULT = new Set(['', '-', '—', '–', 'none', 'n/a'])

function args(argv) {
  const options = { readme: 'README.md', action: 'action.yml' }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if ((flag === '--readme' || flag === '--action') && argv[i + 1] !== undefined) {
      options[flag.slice(2)] = argv[++i]
    } else {
      throw new Error(`usage: check-readme.mjs [--readme FILE] [--action FILE] (unexpected "${flag}")`)
    }
  }
  return options
}

/** Cells of a markdown table row, split on pipes that are not escaped. */
function cells(line) {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return trimmed.split(/(?<!\\)\|/).map(cell => cell.trim().replace(/\\\|/g, '|'))
}

function unwrap(cell) {
  return cell
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^`+\s?(.*?)\s?`+$/, '$1')
    .trim()
}

/** The first table after the heading, before the next heading of the same or a higher level. */
export function tableUnder(markdown, heading) {
  const lines = markdown.split(/\r?\n/)
  const level = heading.match(/^#+/)[0].length
  const start = lines.findIndex(line => line.trim().toLowerCase() === heading.toLowerCase())
  if (start < 0) return { error: `no "${heading}" heading` }
  let fence = false
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]
    if (/^\s*(```|~~~)/.test(line)) fence = !fence
    if (fence) continue
    const headingMatch = /^(#{1,6})\s/.exec(line)
    if (headingMatch && headingMatch[1].length <= level) break
    if (/^\s*\|/.test(line) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      const header = cells(line).map(cell => cell.toLowerCase())
      const rows = []
      for (let j = i + 2; j < lines.length && /^\s*\|/.test(lines[j]); j++)
        rows.push({ line: j + 1, cells: cells(lines[j]) })
      return { header, rows, line: i + 1 }
    }
  }
  return { error: `no table under "${heading}"` }
}

function requiredFlag(text) {
  return /^(yes|true|required|✅|✓|x)$/i.test(text.trim())
}

export function checkReadme(readmeText, actionText) {
  const action = parse(actionText) ?? {}
  const problems = []
  const inputs = action.inputs ?? {}
  const outputs = action.outputs ?? {}

  const inputTable = tableUnder(readmeText, '### Inputs')
  if (inputTable.error) problems.push(`README.md: ${inputTable.error}`)
  else {
    const col = name => inputTable.header.indexOf(name)
    const [nameCol, descCol, defaultCol, requiredCol] = [
      col('name'),
      col('description'),
      col('default'),
      col('required')
    ]
    if (nameCol < 0 || descCol < 0 || defaultCol < 0) {
      problems.push(
        `README.md:${inputTable.line}: the Inputs table needs the columns Name | Description | Default`
      )
    } else {
      const seen = new Set()
      for (const row of inputTable.rows) {
        const name = unwrap(row.cells[nameCol] ?? '')
        const where = `README.md:${row.line}`
        if (seen.has(name)) problems.push(`${where}: input "${name}" is listed twice`)
        seen.add(name)
        const spec = inputs[name]
        if (spec === undefined) {
          problems.push(`${where}: input "${name}" is not in action.yml`)
          continue
        }
        if (unwrap(row.cells[descCol] ?? '') === '')
          problems.push(`${where}: input "${name}" has no description`)
        const rawDefault = row.cells[defaultCol] ?? ''
        const markedRequired =
          requiredCol >= 0
            ? requiredFlag(unwrap(row.cells[requiredCol] ?? ''))
            : /\brequired\b/i.test(rawDefault)
        const shownDefault =
          requiredCol >= 0
            ? unwrap(rawDefault)
            : unwrap(rawDefault.replace(/\(?\*{0,2}required\*{0,2}\)?/i, ''))
        const actual =
          spec?.default === undefined || spec?.default === null ? undefined : String(spec.default)
        const shown = NO_DEFAULT.has(shownDefault.toLowerCase()) ? undefined : shownDefault
        if (shown !== actual) {
          problems.push(
            `${where}: input "${name}" default is ${shown === undefined ? 'empty' : `"${shown}"`} in README.md but ${actual === undefined ? 'unset' : `"${actual}"`} in action.yml`
          )
        }
        const isRequired = spec?.required === true || spec?.required === 'true'
        if (markedRequired !== isRequired) {
          problems.push(
            `${where}: input "${name}" is ${markedRequired ? '' : 'not '}marked required in README.md but required: ${isRequired} in action.yml`
          )
        }
      }
      for (const name of Object.keys(inputs)) {
        if (!seen.has(name))
          problems.push(
            `README.md:${inputTable.line}: input "${name}" from action.yml is missing in the Inputs table`
          )
      }
    }
  }

  const outputTable = tableUnder(readmeText, '### Outputs')
  if (outputTable.error) problems.push(`README.md: ${outputTable.error}`)
  else {
    const nameCol = outputTable.header.indexOf('name')
    const descCol = outputTable.header.indexOf('description')
    if (nameCol < 0 || descCol < 0) {
      problems.push(`README.md:${outputTable.line}: the Outputs table needs the columns Name | Description`)
    } else {
      const seen = new Set()
      for (const row of outputTable.rows) {
        const name = unwrap(row.cells[nameCol] ?? '')
        const where = `README.md:${row.line}`
        if (seen.has(name)) problems.push(`${where}: output "${name}" is listed twice`)
        seen.add(name)
        if (!(name in outputs)) problems.push(`${where}: output "${name}" is not in action.yml`)
        else if (unwrap(row.cells[descCol] ?? '') === '')
          problems.push(`${where}: output "${name}" has no description`)
      }
      for (const name of Object.keys(outputs)) {
        if (!seen.has(name))
          problems.push(
            `README.md:${outputTable.line}: output "${name}" from action.yml is missing in the Outputs table`
          )
      }
    }
  }
  return problems
}

function main() {
  let options
  try {
    options = args(process.argv.slice(2))
  } catch (error) {
    console.error(error.message)
    process.exit(2)
  }
  let readme, action
  try {
    readme = readFileSync(options.readme, 'utf8')
    action = readFileSync(options.action, 'utf8')
  } catch (error) {
    console.error(`check-readme: ${error.message}`)
    process.exit(2)
  }
  const problems = checkReadme(readme, action)
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem)
    console.error(
      `check-readme: ${problems.length} difference${problems.length === 1 ? '' : 's'} between ${options.readme} and ${options.action}`
    )
    process.exit(1)
  }
  console.log(`check-readme: ${options.readme} documents every input and output of ${options.action}`)
}

// Run as a script, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
