// Stagegate rules about what RUN does: SG1003 (package install in the final
// stage), SG1006 (credential ARG/ENV used by RUN), SG1010 (dependency install
// after copying the whole source), SG1012 (pipe-to-shell installs); and the
// engine's own SG1000 (unknown id in a pragma) and SG1016 (not a buildable
// Dockerfile: no FROM, unknown instruction).
import type { DockerfileModel, Instruction } from '../../dockerfile/model.js'
import { runBodyOf, runCommandsOf } from '../../dockerfile/run.js'
import { allInstructions, copyPaths, hasFlag, isWholeTree } from '../../dockerfile/query.js'
import { referencedVariables } from '../../dockerfile/words.js'
import type { RuleHit } from '../rule.js'
import {
  commandName,
  effectiveArgv,
  hasFlag as commandHasFlag,
  positionalArgs,
  subcommandArgs,
  type ShellCommand
} from '../../dockerfile/shell.js'
import { APK_VALUE_OPTIONS } from './apk.js'
import { APT_GET_VALUE_OPTIONS } from './apt.js'
import { isCredentialName } from './buildkit.js'
import { RPM_VALUE_OPTIONS, ZYPPER_VALUE_OPTIONS } from './rpm.js'
import { isSensitiveName } from './instructions.js'
import { keyValuePairs, unquoteRaw, defineRule, hitAt } from '../kit.js'

/** OS package managers and the subcommands that install. */
const OS_INSTALLS: Record<string, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  aptitude: ['install'],
  apk: ['add'],
  yum: ['install', 'groupinstall', 'localinstall'],
  dnf: ['install', 'groupinstall'],
  microdnf: ['install'],
  tdnf: ['install'],
  zypper: ['install', 'in'],
  pacman: ['-S', '-Sy', '-Syu'],
  emerge: []
}

export function osInstallCommand(command: ShellCommand): string | undefined {
  const name = commandName(command)
  const subcommands = OS_INSTALLS[name]
  if (subcommands === undefined) return undefined
  if (name === 'pacman') return effectiveArgv(command).some(word => /^-S/.test(word)) ? name : undefined
  if (subcommands.length === 0) return name
  return subcommandArgs(command, ...subcommands) !== undefined ? name : undefined
}

/** Packages that build software rather than run it: compilers, build tools, headers. */
const TOOLCHAIN =
  /^(gcc|g\+\+|cc|c\+\+|clang|llvm|make|cmake|ninja|ninja-build|autoconf|automake|libtool|pkg-?config|pkgconf|build-essential|build-base|alpine-sdk|binutils|golang|go|rustc|cargo|maven|gradle|openjdk-\d+-jdk|java-[\d.]+-openjdk-devel|gcc-c\+\+|musl-dev|linux-headers|kernel-headers)(?:[=<>~:].*)?$|-(dev|devel)(?:[=<>~:].*)?$/

/** Subcommands that install, and those that take packages out again, per OS package manager. */
const REMOVES: Record<string, readonly string[]> = {
  'apt-get': ['remove', 'purge', 'autoremove'],
  apt: ['remove', 'purge', 'autoremove'],
  apk: ['del'],
  yum: ['remove', 'erase', 'autoremove'],
  dnf: ['remove', 'erase', 'autoremove'],
  microdnf: ['remove'],
  zypper: ['remove', 'rm']
}

/** Options that take their value as the next word, per package manager (`apt-get -o X=y purge`). */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  'apt-get': APT_GET_VALUE_OPTIONS,
  apt: APT_GET_VALUE_OPTIONS,
  aptitude: APT_GET_VALUE_OPTIONS,
  apk: APK_VALUE_OPTIONS,
  yum: RPM_VALUE_OPTIONS,
  dnf: RPM_VALUE_OPTIONS,
  microdnf: RPM_VALUE_OPTIONS,
  tdnf: RPM_VALUE_OPTIONS,
  zypper: ZYPPER_VALUE_OPTIONS
}

const APT_FAMILY = new Set(['apt-get', 'apt', 'aptitude'])

const packageName = (word: string): string => word.replace(/[=<>~:].*$/, '')

/** An `apt-mark` pattern that matches every package (`'.*'`, `'*'`, `'^.*$'`). */
const MATCHES_ALL = /^\^?(\.\*|\*|\.\+)\$?$/

export const SG1003 = defineRule(
  {
    id: 'SG1003',
    severity: 'note',
    summary: 'Build toolchain or -dev packages are installed in the final stage and not removed.'
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final) return []
    const hits: RuleHit[] = []
    for (const instruction of final.instructions) {
      if (instruction.keyword !== 'RUN') continue
      const commands = runCommandsOf(model, instruction)
      const installed = new Map<string, string>()
      // Installed packages that `apt-mark auto` marked automatically installed, so that apt's
      // autoremove takes them out again: the docker-library idiom `apt-mark auto '.*';
      // apt-mark manual $savedAptMark; apt-get purge -y --auto-remove`.
      const markedAuto = new Set<string>()
      for (const command of commands) {
        const name = commandName(command)
        const valueOptions = VALUE_OPTIONS[name] ?? []
        const manager = osInstallCommand(command)
        if (manager !== undefined) {
          for (const word of positionalArgs(effectiveArgv(command).slice(1), valueOptions).slice(1))
            if (TOOLCHAIN.test(word)) {
              // Installing by name marks it manual again.
              installed.set(packageName(word), manager)
              markedAuto.delete(packageName(word))
            }
          continue
        }
        if (name === 'apt-mark') {
          const [sub, ...marks] = positionalArgs(effectiveArgv(command).slice(1))
          if (sub === 'auto' || sub === 'markauto') {
            for (const mark of marks)
              for (const pkg of installed.keys())
                if (MATCHES_ALL.test(mark) || mark === pkg) markedAuto.add(pkg)
          } else if (sub === 'manual' || sub === 'unmarkauto') {
            // A literal name is kept. `$savedAptMark` holds the packages that were manual before
            // this RUN's install, so it does not bring the freshly installed build packages back;
            // a variable is not taken to name them.
            for (const mark of marks) markedAuto.delete(packageName(mark))
          }
          continue
        }
        // Removed again in the same RUN (apt-get purge gcc, apk del .build-deps): nothing ships.
        const removes = REMOVES[name]
        const removeArgs = removes ? subcommandArgs(command, ...removes) : undefined
        if (removeArgs === undefined) continue
        const removed = positionalArgs(removeArgs, valueOptions)
        for (const word of removed) installed.delete(packageName(word))
        if (APT_FAMILY.has(name)) {
          // apt removes exactly the packages named, plus, with autoremove (`apt-get autoremove`,
          // `--auto-remove`), those marked automatically installed. A package `apt-get install`
          // installed by name is marked manual, so an autoremove alone does not take it out;
          // `apt-get purge -y` with no names removes nothing.
          const autoRemove =
            effectiveArgv(command).includes('autoremove') ||
            commandHasFlag(command, '--auto-remove', '--autoremove') ||
            effectiveArgv(command).some(word =>
              /^(-o)?APT::Get::AutomaticRemove=(1|true|yes|on)$/i.test(word)
            )
          if (autoRemove) for (const pkg of markedAuto) installed.delete(pkg)
          continue
        }
        if (removed.length === 0 || removed.some(word => word.startsWith('.'))) installed.clear()
      }
      // `apk add --virtual .build-deps gcc && apk del .build-deps` was handled above.
      if (installed.size === 0) continue
      const names = [...installed.keys()]
      const shown = names
        .slice(0, 4)
        .map(name => `\`${name}\``)
        .join(', ')
      const more = names.length > 4 ? ` and ${names.length - 4} more` : ''
      hits.push(
        hitAt(
          instruction,
          `${shown}${more} build software but ship in the final image: install them in a build stage and copy the result, or remove them in the same RUN.`
        )
      )
    }
    return hits
  }
)

export const SG1006 = defineRule(
  {
    id: 'SG1006',
    severity: 'error',
    summary: 'A credential passed through ARG or ENV is used in a RUN (use RUN --mount=type=secret).'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      const secrets = new Map<string, Instruction>()
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
          for (const pair of keyValuePairs(instruction)) {
            const value = pair.rawValue === undefined ? undefined : unquoteRaw(pair.rawValue)
            if (isCredentialName(pair.key) && isSensitiveName(pair.key) && !isNotASecretValue(value))
              secrets.set(pair.key, instruction)
            else secrets.delete(pair.key)
          }
          continue
        }
        if (instruction.keyword !== 'RUN' || secrets.size === 0) continue
        const run = runBodyOf(model, instruction)
        if (!run) continue
        // How the value is used: as a key id or a file name (gpg --recv-keys "$GPG_KEY",
        // cat "$KEY_FILE") it is no credential; passed to anything else it is.
        const used = new Set<string>()
        for (const command of run.commands) {
          if (NOT_A_CREDENTIAL_USE.has(commandName(command))) continue
          for (const name of referencedVariables(command.raw)) if (secrets.has(name)) used.add(name)
        }
        for (const name of used) {
          const declared = secrets.get(name) as Instruction
          hits.push(
            hitAt(
              instruction,
              `Pass ${name} with RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} instead of ${declared.keyword} (line ${declared.line}): build args and env stay in the image metadata and cache.`,
              `$${name}`
            )
          )
        }
      }
    }
    return hits
  }
)

/** Commands that take a key id or a file name, not a credential's value. */
const NOT_A_CREDENTIAL_USE = new Set([
  'gpg',
  'gpg2',
  'apt-key',
  'cat',
  'cp',
  'mv',
  'chmod',
  'chown',
  'test',
  '[',
  'ls',
  'rm'
])

/** A value that is a path or a key fingerprint / id (hex), which no one keeps secret. */
function isNotASecretValue(value: string | undefined): boolean {
  if (value === undefined || value === '' || value.includes('$')) return false
  return /^(\/|\.\/|~\/)/.test(value) || /^(0x)?[0-9A-Fa-f]{8,}( [0-9A-Fa-f]{8,})*$/.test(value)
}

/** Commands that install a project's dependencies from its manifest. */
export function dependencyInstall(command: ShellCommand): string | undefined {
  const name = commandName(command)
  const argv = effectiveArgv(command)
  const has = (...words: string[]): boolean => subcommandArgs(command, ...words) !== undefined
  switch (name) {
    case 'npm':
      return has('install', 'i', 'ci') && !isGlobal(command) ? `npm ${argv[1] ?? 'install'}` : undefined
    case 'yarn':
      return argv.length === 1 || has('install') ? 'yarn install' : undefined
    case 'pnpm':
      return has('install', 'i') && !isGlobal(command) ? 'pnpm install' : undefined
    case 'pip':
    case 'pip3':
      return has('install') &&
        argv.some(word => word === '-r' || word.startsWith('--requirement') || /^-r\S/.test(word))
        ? `${name} install -r`
        : undefined
    case 'pipenv':
    case 'poetry':
    case 'bundle':
    case 'composer':
      return has('install') ? `${name} install` : undefined
    case 'go':
      return has('mod') && argv.includes('download') ? 'go mod download' : undefined
    case 'cargo':
      return has('fetch') ? 'cargo fetch' : undefined
    case 'dotnet':
      return has('restore') ? 'dotnet restore' : undefined
    case 'mvn':
    case './mvnw':
    case 'mvnw':
      return argv.some(word => word.startsWith('dependency:')) ? 'mvn dependency:…' : undefined
    default:
      return undefined
  }
}

function isGlobal(command: ShellCommand): boolean {
  return commandHasFlag(command, '-g', '--global')
}

/** `npm install -g <tool>` / `pnpm add -g <tool>`: a tool for the image, not the project's dependencies. */
function globalToolInstall(command: ShellCommand): string | undefined {
  const name = commandName(command)
  if ((name !== 'npm' && name !== 'pnpm') || !isGlobal(command)) return undefined
  if (subcommandArgs(command, 'install', 'i', 'add') === undefined) return undefined
  const written = effectiveArgv(command).join(' ')
  return written.length <= 60 ? written : `${written.slice(0, 59)}…`
}

export const SG1010 = defineRule(
  {
    id: 'SG1010',
    severity: 'warning',
    summary: 'Dependencies are installed after copying the whole source, which defeats the layer cache.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      let wholeCopy: Instruction | undefined
      for (const instruction of stage.instructions) {
        if (
          (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
          !hasFlag(instruction, 'from')
        ) {
          if (copyPaths(instruction).sources.some(isWholeTree)) wholeCopy ??= instruction
          continue
        }
        if (instruction.keyword !== 'RUN' || !wholeCopy) continue
        const commands = runCommandsOf(model, instruction)
        const install = commands.map(dependencyInstall).find(found => found !== undefined)
        if (install) {
          hits.push(
            hitAt(
              instruction,
              `Copy only the dependency manifests, run \`${install}\`, then copy the source: after the whole-source COPY on line ${wholeCopy.line} any change re-installs everything.`
            )
          )
          continue
        }
        // A global tool install reads no manifest: it only needs to move above the COPY.
        const tool = commands.map(globalToolInstall).find(found => found !== undefined)
        if (tool)
          hits.push(
            hitAt(
              instruction,
              `Run \`${tool}\` before the whole-source COPY on line ${wholeCopy.line}: it does not need the source, and after that COPY any change re-installs it.`
            )
          )
      }
    }
    return hits
  }
)

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch'])
const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ash',
  'ksh',
  'fish',
  'python',
  'python3',
  'perl',
  'ruby',
  'node'
])

function pipesToShell(commands: ShellCommand[]): string | undefined {
  for (let i = 0; i + 1 < commands.length; i++) {
    const left = commands[i] as ShellCommand
    const right = commands[i + 1] as ShellCommand
    if (!left.pipesTo || !right.pipedFrom) continue
    const downloader = commandName(left)
    const shell = commandName(right)
    if (DOWNLOADERS.has(downloader) && SHELLS.has(shell)) return `${downloader} … | ${shell}`
  }
  for (const command of commands) {
    const shell = commandName(command)
    if (!SHELLS.has(shell)) continue
    if (command.argv.some(word => /\$\(\s*(curl|wget)\b/.test(word) || /`\s*(curl|wget)\b/.test(word)))
      return `${shell} -c "$(curl …)"`
  }
  return undefined
}

export const SG1012 = defineRule(
  {
    id: 'SG1012',
    severity: 'warning',
    summary: 'A script downloaded with curl/wget is piped straight into a shell.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN') continue
        const pattern = pipesToShell(runCommandsOf(model, instruction))
        if (pattern)
          hits.push(
            hitAt(
              instruction,
              `Download the installer to a file, verify its checksum or signature, then run it, instead of \`${pattern}\`.`
            )
          )
      }
    }
    return hits
  }
)

export const SG1000 = defineRule(
  { id: 'SG1000', severity: 'warning', summary: 'An ignore pragma names a rule id that does not exist.' },
  // The engine reports these while reading pragmas; the rule carries the metadata.
  () => []
)

/** Instructions Docker knows. */
export const KNOWN_INSTRUCTIONS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL'
])

export const SG1016 = defineRule(
  {
    id: 'SG1016',
    severity: 'error',
    summary: 'The Dockerfile cannot be built: it has no FROM, or an unknown instruction.'
  },
  ({ model }) => dockerfileSyntaxHits(model)
)

function dockerfileSyntaxHits(model: DockerfileModel): RuleHit[] {
  const hits: RuleHit[] = []
  for (const instruction of allInstructions(model)) {
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword))
      hits.push(
        hitAt(
          instruction,
          `Unknown instruction '${instruction.keyword}': the build will fail to parse this line.`
        )
      )
  }
  if (model.stages.length === 0 && allInstructions(model).length > 0) {
    const first = allInstructions(model)[0] as Instruction
    hits.push({
      line: first.line,
      message: 'Add a FROM instruction: a Dockerfile needs at least one build stage.'
    })
  }
  return hits
}
