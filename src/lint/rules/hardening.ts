// Stagegate's Dockerfile hardening rules, the Dockerfile side of what dockle
// and trivy check: SG1017 (VOLUME on a host-sensitive path), SG1018 (a
// distribution upgrade in the build: trivy DS024 / dockle DKL-DI-0003),
// SG1019 (EXPOSE 22: an SSH server in a container, trivy DS004) and SG1020
// (WORKDIR under a kernel or boot directory).
import type { Instruction } from '../../dockerfile/model.js'
import { allInstructions } from '../../dockerfile/query.js'
import { runCommandsOf } from '../../dockerfile/run.js'
import { effectiveArgv } from '../../dockerfile/shell.js'
import { defineRule, flatMapOf } from '../kit.js'
import type { LintRule, RuleHit } from '../rule.js'

/**
 * What in /etc is the system's own configuration: accounts, privileges, trust, login, the loader,
 * the network. An application's own directory there (`/etc/nginx`, `/etc/authelia`) is its
 * configuration, a usual place for a volume, and passes.
 */
const SYSTEM_ETC = new Set([
  'passwd',
  'shadow',
  'group',
  'gshadow',
  'sudoers',
  'sudoers.d',
  'pam.d',
  'security',
  'ssh',
  'ssl',
  'pki',
  'ca-certificates',
  'systemd',
  'init.d',
  'cron.d',
  'crontab',
  'ld.so.conf.d',
  'ld.so.preload',
  'profile.d',
  'hosts',
  'resolv.conf',
  'nsswitch.conf',
  'apt',
  'yum.repos.d',
  'apk',
  'docker'
])

/** Paths a volume must not shadow: the kernel's, the devices', the system config, the engine's socket. */
export function isSensitiveVolume(path: string): boolean {
  const normal = `/${path
    .replace(/^["']|["']$/g, '')
    .replace(/\/+$/, '')
    .replace(/^\/+/, '')}`
  if (/^\/(proc|sys|dev)(\/|$)/.test(normal) || normal === '/etc') return true
  const etc = /^\/etc\/([^/]+)/.exec(normal)
  if (etc && SYSTEM_ETC.has(etc[1] as string)) return true
  return /^\/(var\/)?run\/docker\.sock$/.test(normal) || normal === '/'
}

/** WORKDIR directories owned by the kernel or the boot loader. */
export function isSystemWorkdir(path: string): boolean {
  const normal = `/${path.replace(/^["']|["']$/g, '').replace(/^\/+/, '')}`
  return /^\/(proc|sys|dev|boot)(\/|$)/.test(normal)
}

function hit(instruction: Instruction, message: string, evidence?: string): RuleHit {
  return {
    line: instruction.line,
    endLine: instruction.endLine,
    ...(instruction.stage >= 0 ? { stage: instruction.stage } : {}),
    message,
    ...(evidence !== undefined ? { evidence } : {})
  }
}

function volumePaths(instruction: Instruction): string[] {
  // VOLUME ["/a", "/b"] and VOLUME /a /b both end up in argv.
  return instruction.argv.filter(word => word !== '')
}

export const SG1017 = defineRule(
  {
    id: 'SG1017',
    severity: 'error',
    summary:
      "VOLUME on a host-sensitive path (/proc, /sys, /dev, /etc or the system's files in it, the docker socket)"
  },
  ({ model }) =>
    flatMapOf(
      allInstructions(model).filter(instruction => instruction.keyword === 'VOLUME'),
      instruction =>
        volumePaths(instruction)
          .filter(isSensitiveVolume)
          .map(path =>
            hit(
              instruction,
              `Do not declare VOLUME ${path}: a volume there shadows what the kernel, the devices or the system configuration provide, and invites mounting the host's; keep volumes to application data (e.g. /data)`,
              path
            )
          )
    )
)

/** `apt-get upgrade`, `apt-get dist-upgrade`, `apt full-upgrade`, `apk upgrade`, `yum/dnf update|upgrade` ... */
function upgradeCommand(argv: readonly string[]): string | undefined {
  const [tool, ...rest] = argv
  if (tool === undefined) return undefined
  const name = tool.slice(tool.lastIndexOf('/') + 1)
  const sub = rest.find(word => !word.startsWith('-'))
  if (sub === undefined) return undefined
  if ((name === 'apt-get' || name === 'apt') && ['upgrade', 'dist-upgrade', 'full-upgrade'].includes(sub))
    return `${name} ${sub}`
  if (name === 'apk' && sub === 'upgrade') return `${name} ${sub}`
  if (['yum', 'dnf', 'microdnf'].includes(name) && ['upgrade', 'update', 'distro-sync'].includes(sub)) {
    // `yum update pkg` upgrades named packages: only the bare form upgrades the distribution.
    const operands = rest.slice(rest.indexOf(sub) + 1).filter(word => !word.startsWith('-'))
    return operands.length === 0 ? `${name} ${sub}` : undefined
  }
  if (name === 'zypper' && ['update', 'up', 'dist-upgrade', 'dup'].includes(sub)) return `${name} ${sub}`
  return undefined
}

export const SG1018 = defineRule(
  {
    id: 'SG1018',
    severity: 'warning',
    summary: 'A distribution upgrade (apt-get upgrade / dist-upgrade, apk upgrade ...) in a RUN'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of allInstructions(model)) {
      if (instruction.keyword !== 'RUN') continue
      for (const command of runCommandsOf(model, instruction)) {
        const upgrade = upgradeCommand(effectiveArgv(command))
        if (upgrade === undefined) continue
        hits.push(
          hit(
            instruction,
            `Do not run \`${upgrade}\` in the image: it makes the build unreproducible and hides that the base is outdated; use a newer (digest-pinned) base image and install pinned packages`,
            command.raw
          )
        )
        break
      }
    }
    return hits
  }
)

export const SG1019 = defineRule(
  {
    id: 'SG1019',
    severity: 'warning',
    summary: 'EXPOSE 22: an SSH server in the container'
  },
  ({ model }) =>
    allInstructions(model)
      .filter(instruction => instruction.keyword === 'EXPOSE')
      .filter(instruction => instruction.argv.some(word => /^22(\/tcp)?$/i.test(word)))
      .map(instruction =>
        hit(
          instruction,
          'Do not expose port 22: a container should not run an SSH server; use `docker exec` (or kubectl exec) to get a shell',
          instruction.args
        )
      )
)

export const SG1020 = defineRule(
  {
    id: 'SG1020',
    severity: 'error',
    summary: 'WORKDIR under /proc, /sys, /dev or /boot'
  },
  ({ model }) =>
    allInstructions(model)
      .filter(instruction => instruction.keyword === 'WORKDIR' && isSystemWorkdir(instruction.args.trim()))
      .map(instruction =>
        hit(
          instruction,
          `Do not use ${instruction.args.trim()} as WORKDIR: the kernel or boot loader owns it, and at run time it is a mount point that hides what the build put there; use an application directory such as /app`,
          instruction.args.trim()
        )
      )
)

export const HARDENING_RULES: readonly LintRule[] = [SG1017, SG1018, SG1019, SG1020]
