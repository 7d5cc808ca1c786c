// hadolint's npm and yarn rules: pinned versions and the yarn cache cleaned after the install.

import { mountsOf } from '../../dockerfile/run.js'
import { type ShellCommand, commandName, effectiveArgv } from '../../dockerfile/shell.js'
import {
  cleanedAfter,
  hasCacheMount,
  installCommand,
  perRun,
  perUnpinnedPackage,
  subcommandOf
} from '../kit.js'

/** npm options that take a separate value (`--loglevel verbose`): the value is no package. */
const NPM_VALUE_OPTIONS = [
  '--registry', '--prefix', '-w', '--workspace', '--tag', '--cache', '--omit', '--include', '--userconfig',
  '--globalconfig', '--loglevel', '--install-strategy', '--before', '--location', '--script-shell',
  '--fetch-retries', '--fetch-timeout', '--fetch-retry-mintimeout', '--fetch-retry-maxtimeout', '--otp',
  '--proxy', '--https-proxy', '--noproxy', '--cafile', '--ca', '--cert', '--key', '--os', '--cpu', '--libc',
  '--auth-type', '--scope', '--audit-level', '--maxsockets', '--node-options'
] // prettier-ignore

/** Git and GitHub shorthands are pinned by a `#commit-ish`; URLs, tarballs and paths are fixed content. */
function npmPinned(word: string): boolean {
  const isGit =
    /^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(word) || /^[^@./~][^:]*\/[^/]+$/.test(word)
  if (isGit) return word.includes('#')
  if (/^(https?:|file:|\.|\/|~)/.test(word) || /\.(tgz|tar\.gz|tar)$/.test(word)) return true
  const at = word.indexOf('@', 1)
  if (at < 0) return false
  const version = word.slice(at + 1)
  return version !== '' && version !== 'latest' && version !== 'next'
}

export const DL3016 = perUnpinnedPackage(
  { id: 'DL3016', severity: 'warning', summary: 'Pin versions in npm.' },
  command => installCommand(command, ['npm'], ['install', 'i', 'add'], NPM_VALUE_OPTIONS)?.packages,
  npmPinned,
  unpinned =>
    `Pin the version of \`${unpinned}\` in npm install (\`${unpinned.replace(/@[^@]*$/, '') || unpinned}@<version>\`).`
)

/** `yarn install`, or `yarn` with only options (which installs). */
function isYarnInstall(command: ShellCommand): boolean {
  if (commandName(command) !== 'yarn') return false
  const sub = subcommandOf(command, ['--cwd', '--modules-folder', '--cache-folder', '--network-timeout'])
  return sub === undefined || sub === 'install'
}

function isYarnCacheClean(command: ShellCommand): boolean {
  if (commandName(command) !== 'yarn') return false
  const args = effectiveArgv(command)
    .slice(1)
    .filter(word => !word.startsWith('-'))
  return args[0] === 'cache' && args[1] === 'clean'
}

/** Stage-aware: only stages whose files reach the final image (the final stage and its FROM chain). */
export const DL3060 = perRun(
  {
    id: 'DL3060',
    aliases: [],
    severity: 'note',
    summary: '`yarn cache clean` missing after `yarn install`'
  },
  run => {
    if (!run.commands.some(isYarnInstall)) return undefined
    // Order matters: `yarn cache clean` before the install cleans nothing.
    if (cleanedAfter(run, isYarnInstall, isYarnCacheClean)) return undefined
    // The yarn cache's usual homes (or a parent of one), or any cache/tmpfs mount meant for yarn
    // (`target=/app/.yarn/cache`, `id=yarn`): the one mount reader, so tmpfs counts too.
    const cacheMounted =
      hasCacheMount(run, '/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn') ||
      mountsOf(run.flags).some(
        mount =>
          (mount.type === 'cache' || mount.type === 'tmpfs') &&
          [...mount.options.values()].some(value => /yarn/.test(value))
      )
    return cacheMounted
      ? undefined
      : 'Run `yarn cache clean` in the same RUN as `yarn install` so the cache stays out of the final image.'
  },
  'final-image'
)
