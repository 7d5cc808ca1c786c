// hadolint's rules about the shell commands of RUN: commands that make no sense in a build, `cd`, `sudo`, wget/curl, useradd, consecutive RUNs, SHELL and pipefail.

import type { DockerfileModel, Stage } from '../../dockerfile/model.js'
import { imageBasename } from '../../dockerfile/image-ref.js'
import { baseRef, rootBase, stageChain } from '../../dockerfile/query.js'
import { runBodies, runBodyOf, runCommandsOf } from '../../dockerfile/run.js'
import {
  type ShellCommand,
  commandName,
  effectiveArgv,
  hasFlag,
  usesWrapper
} from '../../dockerfile/shell.js'
import { commandsNamed, defineRule, hitAt, isNonPosixShell, perCommand, perRun, stageRuns } from '../kit.js'
import type { RuleHit } from '../rule.js'

const POINTLESS_IN_CONTAINER = new Set([
  'ssh',
  'vim',
  'shutdown',
  'service',
  'ps',
  'free',
  'top',
  'kill',
  'mount',
  'ifconfig'
])

export const DL3001 = perCommand(
  {
    id: 'DL3001',
    severity: 'note',
    summary:
      'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.'
  },
  command => {
    const name = commandName(command)
    return POINTLESS_IN_CONTAINER.has(name)
      ? `Remove \`${name}\` from the RUN: it makes no sense while building a container image.`
      : undefined
  }
)

export const DL3003 = perCommand(
  { id: 'DL3003', severity: 'warning', summary: 'Use WORKDIR to switch to a directory.' },
  command =>
    commandName(command) === 'cd' ? 'Use WORKDIR to switch to a directory instead of `cd` in RUN.' : undefined
)

export const DL3004 = perCommand(
  {
    id: 'DL3004',
    severity: 'error',
    summary: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.'
  },
  (command: ShellCommand) =>
    usesWrapper(command, 'sudo') || commandName(command) === 'sudo'
      ? 'Remove sudo: RUN already runs as the current USER; switch with USER, or use gosu at runtime.'
      : undefined
)

/**
 * Two RUNs in a row (comments between them do not count) with the same flags,
 * each running at most two commands: they could be one layer. A RUN of more
 * commands is taken as a deliberate split.
 */
export const DL3059 = defineRule(
  {
    id: 'DL3059',
    severity: 'note',
    summary: 'Multiple consecutive `RUN` instructions; consider consolidation'
  },
  ({ model }) => {
    // As hadolint counts: two RUNs in a row (comments between them do not count, any other
    // instruction does) with the same flags, each running a single command. A RUN that already
    // chains commands (`a && b`, `a; b`) was split deliberately and is left alone.
    const hits: RuleHit[] = []
    for (const instructions of [model.preamble, ...model.stages.map(stage => stage.instructions)]) {
      let previous: { flags: string; commands: number } | undefined
      for (const instruction of instructions) {
        if (instruction.keyword !== 'RUN') {
          previous = undefined
          continue
        }
        const current = {
          flags: JSON.stringify(instruction.flags),
          commands: runBodyOf(model, instruction)?.commands.length ?? 0
        }
        if (previous && previous.flags === current.flags && previous.commands <= 1 && current.commands <= 1) {
          hits.push(hitAt(instruction, 'Merge this RUN into the previous one (with `&&`) to save a layer.'))
          continue
        }
        previous = current
      }
    }
    return hits
  }
)

/** `useradd` without `-l`/`--no-log-init` and a UID above 99999 writes a huge sparse /var/log/lastlog. */
export const DL3046 = perRun(
  {
    id: 'DL3046',
    aliases: [],
    severity: 'warning',
    summary: '`useradd` without `-l` and a high UID makes the image excessively large'
  },
  run => {
    const bad = commandsNamed(run, 'useradd').filter(command => {
      if (hasFlag(command, '-l', '--no-log-init')) return false
      const args = effectiveArgv(command).slice(1)
      for (let i = 0; i < args.length; i++) {
        const word = args[i] as string
        let uid: string | undefined
        if (word === '-u' || word === '--uid') uid = args[i + 1]
        else if (word.startsWith('--uid=')) uid = word.slice(6)
        else if (/^-u\d/.test(word)) uid = word.slice(2)
        if (uid !== undefined && /^\d+$/.test(uid) && uid.length > 5) return true
      }
      return false
    })
    return bad.length > 0
      ? 'Add `-l` (`--no-log-init`) to `useradd` with a high UID so lastlog does not bloat the image.'
      : undefined
  }
)

export const DL3047 = perRun(
  {
    id: 'DL3047',
    aliases: [],
    severity: 'note',
    summary: '`wget` without `--progress` bloats the build log'
  },
  (run, { model, stage }) => {
    const noisy = commandsNamed(run, 'wget').filter(
      command =>
        !hasFlag(
          command,
          '--progress',
          '--quiet',
          '-nv',
          '--no-verbose',
          '--output-file',
          '--append-output'
        ) && !hasShortOption(command, 'q', 'o', 'a')
    )
    if (noisy.length === 0) return undefined
    // Fires as hadolint's does; only the advice differs: busybox wget (Alpine, busybox) is quieted
    // by `-q` alone: it has no `--progress=dot`, and accepts `-nv` only to ignore it.
    if (stage && hasBusyboxWget(model, stage))
      return 'Use `wget -q` so large downloads do not flood the build log (busybox wget quiets its progress meter only with `-q`).'
    return 'Use `wget --progress=dot:giga` (or `-q`/`-nv`) so large downloads do not flood the build log.'
  }
)

/**
 * True when `wget` in the stage is busybox's: its root base is Alpine or busybox (`alpine:3.20`,
 * `node:20-alpine`, `busybox`) and no RUN of the stage chain installs GNU wget (`apk add wget`).
 */
function hasBusyboxWget(model: DockerfileModel, stage: Stage): boolean {
  const ref = baseRef(rootBase(model, stage))
  if (!ref) return false
  if (!/^(alpine|busybox)$/.test(imageBasename(ref)) && !/(^|-)alpine/.test(ref.tag ?? '')) return false
  return !stageChain(model, stage).some(link =>
    link.instructions.some(
      instruction =>
        instruction.keyword === 'RUN' &&
        runCommandsOf(model, instruction).some(
          command =>
            commandName(command) === 'apk' &&
            effectiveArgv(command).includes('add') &&
            effectiveArgv(command).includes('wget')
        )
    )
  )
}

/** wget short options that take a value: after one of these the rest of the word is its value. */
const WGET_VALUE_SHORT = [
  'O',
  'o',
  'a',
  'P',
  'e',
  'U',
  't',
  'T',
  'w',
  'Q',
  'i',
  'B',
  'l',
  'A',
  'R',
  'D',
  'I',
  'X'
]

/** A short option given alone or bundled, even with an attached value: `-q`, `-qO-`, `-o/dev/null`. */
function hasShortOption(command: ShellCommand, ...letters: string[]): boolean {
  for (const word of effectiveArgv(command).slice(1)) {
    if (word === '--') return false
    const bundle = /^-([A-Za-z]+)/.exec(word)?.[1]
    if (bundle === undefined || word.startsWith('--')) continue
    // Letters up to the first option that takes a value (the rest of the word is that value).
    for (const letter of bundle) {
      if (letters.includes(letter)) return true
      if (WGET_VALUE_SHORT.includes(letter)) break
    }
  }
  return false
}

/** Per stage: once both curl and wget have been used, each RUN that uses either is reported. */
export const DL4001 = defineRule(
  {
    id: 'DL4001',
    severity: 'warning',
    summary: 'Use either wget or curl, not both'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const seen = new Set<string>()
      for (const run of stageRuns(model, stage)) {
        const tools = new Set(commandsNamed(run, 'curl', 'wget').map(commandName))
        if (tools.size === 0) continue
        for (const tool of tools) seen.add(tool)
        if (seen.size === 2)
          hits.push(hitAt(run.instruction, 'Use either `curl` or `wget` in this stage, not both.'))
      }
    }
    return hits
  }
)

export const DL4005 = perRun(
  {
    id: 'DL4005',
    aliases: [],
    severity: 'warning',
    summary: 'Use SHELL to change the default shell'
  },
  run => {
    const relinks = commandsNamed(run, 'ln').some(command => {
      const operands = effectiveArgv(command)
        .slice(1)
        .filter(word => !word.startsWith('-'))
      return operands.length >= 2 && operands[operands.length - 1] === '/bin/sh'
    })
    return relinks
      ? 'Use the `SHELL` instruction to change the default shell instead of relinking `/bin/sh`.'
      : undefined
  }
)

/** `-o pipefail` (or a bundle ending in `o`, `-euo pipefail`) among `words`. */
function hasPipefailOption(words: readonly string[]): boolean {
  return words.some((word, i) => /^-[a-z]*o$/.test(word) && words[i + 1] === 'pipefail')
}

/** Shells whose `-o pipefail` hadolint trusts (by basename); a plain `sh` (dash) may not have it. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash'])

function shellHasPipefail(shell: readonly string[]): boolean {
  const program = (shell[0] ?? '').replace(/^.*[\\/]/, '')
  // Shells without POSIX pipeline semantics, where pipefail means nothing.
  if (isNonPosixShell(shell)) return true
  return PIPEFAIL_SHELLS.has(program) && hasPipefailOption(shell.slice(1))
}

/** `set -o pipefail` (or `set -euo pipefail`) before the first pipe of the script. */
function scriptSetsPipefail(commands: readonly ShellCommand[]): boolean {
  for (const command of commands) {
    if (command.pipesTo) return false
    const argv = effectiveArgv(command)
    if (argv[0] === 'set' && hasPipefailOption(argv.slice(1))) return true
  }
  return false
}

/** Stage-aware: the SHELL in effect is tracked through the stage and inherited from a `FROM <stage>` base. */
export const DL4006 = defineRule(
  {
    id: 'DL4006',
    severity: 'warning',
    summary: 'Set the SHELL option `-o pipefail` before a RUN with a pipe in it'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    // Every RUN (before the first FROM too), with the shell it runs under: the stage's SHELL, or
    // the exec form's own (`["bash", "-o", "pipefail", "-c", "a | b"]`). ONBUILD runs downstream.
    for (const run of runBodies(model)) {
      if (run.onbuild || !run.posix || !run.commands.some(command => command.pipesTo)) continue
      if (shellHasPipefail(run.shell) || scriptSetsPipefail(run.commands)) continue
      hits.push(
        hitAt(
          run.instruction,
          'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail`) before this RUN so a failing command in the pipe fails the build.'
        )
      )
    }
    return hits
  }
)
