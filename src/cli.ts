#!/usr/bin/env node
// The CLI's entry: parse argv, run the command, exit with its status.
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2))
