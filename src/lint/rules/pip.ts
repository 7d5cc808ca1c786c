// hadolint's pip rules: pinned versions and `--no-cache-dir`.
import type { DockerfileModel, Stage } from '../../dockerfile/model.js'
import {
  type ShellCommand,
  commandName,
  effectiveArgv,
  hasFlag,
  positionalArgs
} from '../../dockerfile/shell.js'
import {
  type RunBody,
  definitionsBefore,
  hasCacheMount,
  perRun,
  perUnpinnedPackage,
  subcommandOf,
  unquoteRaw
} from '../kit.js'

const PIP_VALUE_OPTIONS = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--progress-bar',
  '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--no-binary', '--only-binary',
  '--global-option', '--install-option', '-C', '--config-settings', '--cache-dir', '--log', '--proxy', '--retries',
  '--timeout', '--exists-action', '--cert', '--client-cert', '--report', '--python', '--keyring-provider'
] // prettier-ignore

const PIP = /^pip(\d+(\.\d+)?)?$/
const PYTHON = /^python(\d+(\.\d+)?)?$/

/** Arguments after `install` of `pip install` or `python -m pip install`. */
function pipInstallArgs(command: ShellCommand): string[] | undefined {
  let argv = effectiveArgv(command)
  const name = commandName(command)
  if (PYTHON.test(name)) {
    const m = argv.indexOf('-m')
    if (m < 0 || !PIP.test(argv[m + 1] ?? '')) return undefined
    argv = argv.slice(m + 1)
  } else if (!PIP.test(name)) return undefined
  const install = argv.indexOf('install')
  return install < 0 ? undefined : argv.slice(install + 1)
}

/** pip's VCS requirement schemes: `git+https://…`, `hg+ssh://…`, `svn+…`, `bzr+…`. */
const VCS_URL = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/

/**
 * A VCS requirement names a ref after the repository path (`git+https://host/repo.git@v1.2#egg=x`);
 * an `@` in the host part is credentials (`https://user:token@host/repo`), not a ref.
 */
function vcsPinned(word: string): boolean {
  const url = word.replace(/#.*$/, '')
  const afterScheme = url.replace(/^[^:]*:(\/\/)?/, '')
  const slash = afterScheme.indexOf('/')
  return slash >= 0 && afterScheme.slice(slash).includes('@')
}

/**
 * Version specifiers, direct references (`pkg @ url`), VCS requirements with a ref, local paths
 * (anything with a `/`), URLs and archives.
 */
function pipPinned(word: string): boolean {
  if (VCS_URL.test(word)) return vcsPinned(word)
  return (
    /[=<>~!]/.test(word) ||
    word.includes('@') ||
    word.includes('/') ||
    /^[.~]/.test(word) ||
    /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(word)
  )
}

/**
 * As hadolint reads an install: a requirements file (`-r`), the project itself (`.`) or a
 * constraints file (`-c`: it pins what the command installs) makes the whole command fine.
 */
function pinsThroughFiles(args: readonly string[]): boolean {
  return args.some(
    word => word === '.' || /^(-r|--requirement|-c|--constraint)(=|$)/.test(word) || /^-[rc]\S/.test(word)
  )
}

export const DL3013 = perUnpinnedPackage(
  { id: 'DL3013', severity: 'warning', summary: 'Pin versions in pip.' },
  command => {
    const args = pipInstallArgs(command)
    if (!args || pinsThroughFiles(args)) return undefined
    return positionalArgs(args, PIP_VALUE_OPTIONS)
  },
  pipPinned,
  unpinned =>
    VCS_URL.test(unpinned)
      ? `Pin \`${unpinned}\` to a tag or commit (\`…@<tag>\`) so pip installs the same code every build.`
      : `Pin the version of \`${unpinned}\` in pip install (\`${unpinned}==<version>\`) or install from a requirements file.`
)

const TRUTHY = new Set(['1', 'true', 'on', 'yes'])

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(value.trim().toLowerCase())
}

/** The values pip's strtobool reads as false; pip turns the cache off for these too. */
const FALSY = new Set(['0', 'false', 'off', 'no', 'n', 'f'])

function isFalsy(value: string | undefined): boolean {
  return value !== undefined && FALSY.has(value.trim().toLowerCase())
}

/** `pip install`, `pip3.12 install`, `python3 -m pip install`. */
function isPipInstall(command: ShellCommand): boolean {
  const name = commandName(command)
  const argv = effectiveArgv(command)
  if (/^pip[0-9.]*$/.test(name))
    return subcommandOf(command, ['--python', '--log', '--proxy', '--cache-dir']) === 'install'
  if (/^python[0-9.]*$/.test(name)) {
    const m = argv.indexOf('-m')
    return (
      m >= 0 && argv[m + 1] === 'pip' && argv.slice(m + 2).find(word => !word.startsWith('-')) === 'install'
    )
  }
  return false
}

/** The value of PIP_NO_CACHE_DIR set by an ENV of the stage (or a stage it is based on) before `line`. */
function envPipNoCacheDir(
  model: DockerfileModel,
  stage: Stage | undefined,
  line: number
): string | undefined {
  const setting = definitionsBefore(model, stage, line)
    .filter(pair => pair.key === 'PIP_NO_CACHE_DIR')
    .pop()
  return setting === undefined ? undefined : unquoteRaw(setting.rawValue ?? '')
}

/** The values PIP_NO_CACHE_DIR is given inside the script (on a command, exported, or assigned). */
function scriptPipNoCacheDirs(run: RunBody): string[] {
  const values: string[] = []
  for (const command of run.commands) {
    for (const assignment of command.env)
      if (assignment.name === 'PIP_NO_CACHE_DIR') values.push(assignment.value)
    if (commandName(command) === 'export')
      for (const word of effectiveArgv(command))
        if (word.startsWith('PIP_NO_CACHE_DIR=')) values.push(word.slice('PIP_NO_CACHE_DIR='.length))
  }
  return values
}

function pipCacheOff(run: RunBody, command: ShellCommand): boolean {
  if (hasFlag(command, '--no-cache-dir')) return true
  if (command.env.some(assignment => assignment.name === 'PIP_NO_CACHE_DIR' && isTruthy(assignment.value)))
    return true
  // `export PIP_NO_CACHE_DIR=1` (or a bare assignment) earlier in the same script.
  return run.commands.some(
    other =>
      (commandName(other) === 'export' &&
        effectiveArgv(other).some(word => /^PIP_NO_CACHE_DIR=/.test(word) && isTruthy(word.split('=')[1]))) ||
      (other.argv.length === 0 && other.env.some(a => a.name === 'PIP_NO_CACHE_DIR' && isTruthy(a.value)))
  )
}

export const DL3042 = perRun(
  {
    id: 'DL3042',
    aliases: [],
    severity: 'warning',
    summary: 'Avoid the pip cache directory: `pip install --no-cache-dir`'
  },
  (run, { model, stage }) => {
    if (hasCacheMount(run, '/root/.cache/pip', '/root/.cache')) return undefined
    if (!run.commands.some(command => isPipInstall(command) && !pipCacheOff(run, command))) return undefined
    const envValue = run.onbuild ? undefined : envPipNoCacheDir(model, stage, run.instruction.line)
    if (isTruthy(envValue)) return undefined
    // pip turns its cache off for any valid boolean in PIP_NO_CACHE_DIR, `0`/`off`/`false` too (a
    // historical inversion kept for compatibility: `_handle_no_cache_dir` in pip's cmdoptions),
    // but hadolint counts only 1/true/on/yes and reports the rest; so does this rule, saying why.
    const falsy = [envValue, ...scriptPipNoCacheDirs(run)].find(isFalsy)
    if (falsy !== undefined)
      return `Write \`PIP_NO_CACHE_DIR=1\` (or use \`pip install --no-cache-dir\`): pip does turn its cache off for \`PIP_NO_CACHE_DIR=${falsy.trim()}\` too, but only by a historical quirk, and the value reads as the opposite.`
    return 'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`) to keep the pip cache out of the layer.'
  }
)
