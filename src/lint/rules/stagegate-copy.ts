// Stagegate rules about what crosses into a stage: SG1004 (broad COPY --from),
// SG1005 (whole context without a .dockerignore), SG1007 (secret file copied
// then deleted), SG1009 (COPY --from=<number>), SG1011 (ADD URL without
// --checksum), SG1014 (dev node_modules into the final stage), SG1015
// (chmod/chown right after COPY).
import { runCommandsOf } from '../../dockerfile/run.js'
import { cleanPath, isIgnored } from '../../dockerfile/dockerignore.js'
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile/model.js'
import {
  copyPaths,
  flagValue,
  hasFlag,
  instructionAt,
  isWholeTree,
  stageChain
} from '../../dockerfile/query.js'
import type { RuleHit } from '../rule.js'
import {
  commandName,
  effectiveArgv,
  positionalArgs,
  subcommandArgs,
  hasFlag as shellHasFlag
} from '../../dockerfile/shell.js'
import { defineRule, hitAt, instructionsWithTriggers, isMissingValue } from '../kit.js'

function copies(stage: Stage): Instruction[] {
  return stage.instructions.filter(
    instruction => instruction.keyword === 'COPY' || instruction.keyword === 'ADD'
  )
}

function normalizeDir(path: string): string {
  return '/' + cleanPath(path)
}

/** Directories that hold a whole working tree in common images. */
const WORKTREE_DIRS = new Set([
  '/app',
  '/src',
  '/usr/src/app',
  '/usr/src',
  '/go/src',
  '/workspace',
  '/build',
  '/code',
  '/project',
  '/opt/app-root/src',
  '/home/app',
  '/srv/app'
])

export const SG1004 = defineRule(
  {
    id: 'SG1004',
    severity: 'warning',
    summary: 'A COPY --from copies a whole working tree or directory where a named artifact should be copied.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const edge of model.edges) {
      if (edge.kind !== 'copy' || edge.from === undefined) continue
      const source = model.stages[edge.from]
      const target = model.stages[edge.to]
      const instruction = target ? instructionAt(model, edge.line) : undefined
      if (!source || !instruction) continue
      const workdir = source.workdir !== undefined ? normalizeDir(source.workdir) : undefined
      for (const path of edge.sources) {
        if (path === '/' || path.includes('$')) continue // `/` is DL3067's; variables cannot be judged
        const dir = isWholeTree(path) ? '/' : normalizeDir(path)
        if (dir === '/' && path !== '/') {
          hits.push(
            hitAt(
              instruction,
              `Copy the built artifact by name instead of '${path}' (the whole filesystem of stage ${stageLabel(source)}).`
            )
          )
          continue
        }
        if ((workdir !== undefined && dir === workdir && workdir !== '/') || WORKTREE_DIRS.has(dir)) {
          hits.push(
            hitAt(
              instruction,
              `Copy the built artifact by name instead of the whole working tree '${path}' of stage ${stageLabel(source)}: sources, caches and build tools come along.`
            )
          )
        }
      }
    }
    return hits
  }
)

function stageLabel(stage: Stage): string {
  return stage.name !== undefined ? `'${stage.name}'` : String(stage.index)
}

/** Sample names a context's .dockerignore should exclude before `COPY . .`. */
const MUST_IGNORE: { label: string; samples: string[] }[] = [
  { label: '.git', samples: ['.git'] },
  { label: '.env', samples: ['.env'] },
  { label: 'key files (*.pem, *.key)', samples: ['server.key', 'private.pem'] }
]

export const SG1005 = defineRule(
  {
    id: 'SG1005',
    severity: 'warning',
    summary:
      'The whole build context is copied with no .dockerignore, or one that does not exclude .git, .env and key files.'
  },
  ({ model, dockerignore }) => {
    if (dockerignore === undefined) return []
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const instruction of copies(stage)) {
        if (hasFlag(instruction, 'from')) continue
        if (!copyPaths(instruction).sources.some(isWholeTree)) continue
        if (dockerignore === null) {
          hits.push(
            hitAt(
              instruction,
              'Add a .dockerignore that excludes .git, .env and key files: this copies the whole build context.'
            )
          )
          continue
        }
        const missing = MUST_IGNORE.filter(
          entry => !entry.samples.some(sample => isIgnored(sample, dockerignore))
        ).map(e => e.label)
        if (missing.length > 0)
          hits.push(
            hitAt(
              instruction,
              `Exclude ${missing.join(', ')} in .dockerignore: this copies the whole build context into the image.`
            )
          )
      }
    }
    return hits
  }
)

const SECRET_FILE =
  /^(id_(rsa|dsa|ecdsa|ed25519)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.env(\..+)?|credentials(\.json)?|.*\.(pem|key|p12|pfx|jks|keystore)|.*secrets?\.(json|ya?ml|env|txt)|kubeconfig|\.dockercfg|config\.json)$/i

function basename(path: string): string {
  const clean = path.replace(/\/+$/, '')
  return clean.slice(clean.lastIndexOf('/') + 1)
}

/** Name parts that say a key file holds only public material (`nginx_public_keys.key`, `signing.pub.pem`). */
const PUBLIC_PART = /^(public|pub|pubkey|publickey|pubkeys|publickeys)$/
/** Name parts that say a `.pem` holds certificates (`ca.pem`, `fullchain.pem`, `ca-bundle.pem`). */
const CERTIFICATE_PART =
  /^(cert|certs|certificate|certificates|crt|ca|cacert|cacerts|chain|fullchain|bundle)$/
/** Name parts that say it holds a private key: these keep a file secret whatever else the name says. */
const PRIVATE_PART = /^(private|priv|privkey|privatekey|secret|secrets|key|keys)$/
/** Name parts of Java stores that hold only trusted certificates. */
const TRUSTSTORE_PART = /^(truststore|cacerts)$/

/**
 * A key-store file whose name says it holds no private key: a public key (`*public*.key`), a
 * certificate `.pem` (`ca.pem`, not cfssl's `ca-key.pem`), a trust store (`truststore.jks`). Where
 * to draw the line: a name that also says private or key (`ca-key.pem`, `cert-key.pem`,
 * `private.pem`) stays secret, and a `.key` or `.p12` is public only when it says public, since
 * `cert.key` is the certificate's private key.
 */
function isPublicKeyMaterial(name: string): boolean {
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  const parts = (dot > 0 ? name.slice(0, dot) : name).toLowerCase().split(/[^a-z0-9]+/)
  const says = (pattern: RegExp): boolean => parts.some(part => pattern.test(part))
  if (says(PUBLIC_PART))
    return !parts.some(part => part !== 'keys' && part !== 'key' && PRIVATE_PART.test(part))
  if (says(PRIVATE_PART)) return false
  if (extension === 'pem') return says(CERTIFICATE_PART)
  if (extension === 'jks' || extension === 'keystore' || extension === 'p12' || extension === 'pfx')
    return says(TRUSTSTORE_PART)
  return false
}

/** True for file names that usually hold credentials. */
export function looksLikeSecretFile(path: string): boolean {
  const name = basename(path)
  if (name === 'config.json') return /(^|\/)\.docker\//.test(path)
  return SECRET_FILE.test(name) && !isPublicKeyMaterial(name)
}

export const SG1007 = defineRule(
  {
    id: 'SG1007',
    severity: 'error',
    summary:
      'A secret-looking file is copied in one layer and deleted in a later one: it stays in the earlier layer.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const copy of copies(stage)) {
        const { sources, dest } = copyPaths(copy)
        const secrets = sources.filter(looksLikeSecretFile)
        // `COPY x /root/.npmrc` names the secret in the destination.
        if (dest !== undefined && !dest.endsWith('/') && looksLikeSecretFile(dest) && sources.length === 1)
          secrets.push(dest)
        if (secrets.length === 0) continue
        const names = new Set(secrets.map(basename))
        const later = laterInstructions(model, stage, copy)
        const deletion = later.find(
          instruction =>
            instruction.keyword === 'RUN' &&
            runCommandsOf(model, instruction).some(
              command =>
                commandName(command) === 'rm' &&
                positionalArgs(effectiveArgv(command).slice(1)).some(arg => names.has(basename(arg)))
            )
        )
        if (deletion)
          hits.push(
            hitAt(
              copy,
              `'${[...names].join("', '")}' stays in this ${copy.keyword} layer although line ${deletion.line} deletes it: use RUN --mount=type=secret instead of copying it.`
            )
          )
      }
    }
    return hits
  }
)

/** Instructions after `instruction` in its stage, then in the stages built FROM it. */
function laterInstructions(model: DockerfileModel, stage: Stage, instruction: Instruction): Instruction[] {
  const result = stage.instructions.filter(i => i.line > instruction.line)
  for (const other of model.stages) {
    if (other.index !== stage.index && stageChain(model, other).includes(stage))
      result.push(...other.instructions.slice(1))
  }
  return result
}

export const SG1009 = defineRule(
  { id: 'SG1009', severity: 'warning', summary: 'COPY --from refers to a stage by number.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const instruction of copies(stage)) {
        const from = flagValue(instruction, 'from')
        if (from !== undefined && /^\d+$/.test(from.trim())) {
          const target = model.stages[Number(from)]
          const suggestion =
            target?.name !== undefined ? ` (--from=${target.name})` : ` (name it with FROM … AS <name>)`
          hits.push(
            hitAt(
              instruction,
              `Refer to the stage by name instead of --from=${from}${suggestion}: numbers break when stages are added.`
            )
          )
        }
      }
    }
    return hits
  }
)

export const SG1011 = defineRule(
  { id: 'SG1011', severity: 'warning', summary: 'ADD of a remote URL without --checksum.' },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ADD' || hasFlag(instruction, 'checksum')) continue
        const url = copyPaths(instruction).sources.find(source => /^https?:\/\//i.test(source))
        if (url)
          hits.push(
            hitAt(
              instruction,
              `Add --checksum=sha256:… to verify ${url}: without it a changed or tampered download is used silently.`
            )
          )
      }
    }
    return hits
  }
)

const NODE_INSTALLERS: Record<string, string[]> = {
  npm: ['install', 'i', 'ci', 'add'],
  yarn: ['install', 'add'],
  pnpm: ['install', 'i', 'add']
}

/** True when the stage chain installs Node dev dependencies and never prunes them. */
function installsDevDependencies(model: DockerfileModel, stage: Stage): boolean {
  let installed = false
  for (const link of [...stageChain(model, stage)].reverse()) {
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'ENV' && /NODE_ENV=["']?production/.test(instruction.args)) return false
      if (instruction.keyword !== 'RUN') continue
      for (const command of runCommandsOf(model, instruction)) {
        const name = commandName(command)
        // `rm -rf node_modules` after the build: nothing of it is left to copy.
        if (name === 'rm' && removedPaths([command]).some(path => /(^|\/)node_modules\/?$/.test(path))) {
          installed = false
          continue
        }
        const subcommands = NODE_INSTALLERS[name]
        if (!subcommands) continue
        const production = shellHasFlag(
          command,
          '--production',
          '--prod',
          '--omit=dev',
          '--only=production',
          '--only=prod',
          '-P'
        )
        if (name === 'npm' && subcommandArgs(command, 'prune') !== undefined) {
          if (production) installed = false
          continue
        }
        const isInstall =
          subcommandArgs(command, ...subcommands) !== undefined ||
          (name === 'yarn' && command.argv.length === 1)
        if (isInstall && !production) installed = true
        if (isInstall && production) installed = false
      }
    }
  }
  return installed
}

export const SG1014 = defineRule(
  {
    id: 'SG1014',
    severity: 'warning',
    summary: 'node_modules is copied into the final stage from a stage that installed dev dependencies.'
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final) return []
    const hits: RuleHit[] = []
    for (const edge of model.edges) {
      if (edge.kind !== 'copy' || edge.to !== final.index || edge.from === undefined) continue
      const source = model.stages[edge.from]
      if (!source) continue
      const workdir = source.workdir !== undefined ? normalizeDir(source.workdir) : undefined
      const carriesModules = edge.sources.some(
        path =>
          path.includes('node_modules') ||
          (workdir !== undefined && normalizeDir(path) === workdir) ||
          isWholeTree(path)
      )
      if (!carriesModules || !installsDevDependencies(model, source)) continue
      const instruction = instructionAt(model, edge.line)
      if (instruction)
        hits.push(
          hitAt(
            instruction,
            `This copies node_modules with dev dependencies from stage ${stageLabel(source)}: install with \`npm ci --omit=dev\` (or \`npm prune --omit=dev\`) in that stage first.`
          )
        )
    }
    return hits
  }
)

export const SG1015 = defineRule(
  {
    id: 'SG1015',
    severity: 'warning',
    summary: 'RUN chmod/chown right after a COPY in the final stage: use COPY --chmod/--chown.'
  },
  ({ model }) => {
    const final = model.stages[model.finalStage]
    if (!final) return []
    const hits: RuleHit[] = []
    final.instructions.forEach((copy, i) => {
      if (copy.keyword !== 'COPY' && copy.keyword !== 'ADD') return
      const next = final.instructions[i + 1]
      if (!next || next.keyword !== 'RUN') return
      const dest = copyPaths(copy).dest
      if (dest === undefined) return
      const commands = runCommandsOf(model, next)
      for (const [at, command] of commands.entries()) {
        const name = commandName(command)
        if (name !== 'chmod' && name !== 'chown') continue
        const flag = name === 'chmod' ? 'chmod' : 'chown'
        if (hasFlag(copy, flag)) continue
        const targets = positionalArgs(effectiveArgv(command).slice(1)).slice(1)
        // Only when the RUN changes exactly what the COPY wrote: `COPY --chmod` applies to every
        // copied file, so a chmod of one file out of a copied folder is not the same thing.
        // And not when the same RUN removes it again (`chmod +x s.sh && ./s.sh && rm s.sh`):
        // then its layer holds no second copy.
        const removed = removedPaths(commands.slice(at + 1))
        const kept = (target: string): boolean => !removed.some(path => isSameOrUnder(target, path))
        if (targets.some(target => changesAllCopied(target, copyPaths(copy).sources, dest) && kept(target))) {
          hits.push(
            hitAt(
              next,
              `Use \`${copy.keyword} --${flag}=…\` on line ${copy.line} instead of a separate RUN ${name}: it duplicates the copied files in a new layer.`
            )
          )
          return
        }
      }
    })
    return hits
  }
)

/** The paths `rm` commands name. */
function removedPaths(commands: ReturnType<typeof runCommandsOf>): string[] {
  return commands
    .filter(command => commandName(command) === 'rm')
    .flatMap(command => positionalArgs(effectiveArgv(command).slice(1)))
}

/** `path` without trailing slashes (the root stays `/`). */
const strip = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path)

/** True when `path` is `dir` or lies under it (both absolute or both as written). */
function isSameOrUnder(path: string, dir: string): boolean {
  const a = strip(path)
  const b = strip(dir)
  return a === b || a.startsWith(b === '/' ? '/' : `${b}/`)
}

/** True when `target` is the COPY's destination, or the one file it copied into a directory. */
function changesAllCopied(target: string, sources: readonly string[], dest: string): boolean {
  if (strip(target) === strip(dest)) return sources.length === 1 || dest.endsWith('/')
  if (sources.length !== 1 || !dest.endsWith('/')) return false
  const source = sources[0] as string
  if (/[*?[]/.test(source) || isWholeTree(source)) return false
  const name = strip(source).split('/').pop() ?? ''
  return name !== '' && strip(target) === `${strip(dest)}/${name}`
}

/**
 * `COPY --from build /a /b`: BuildKit reads `--from` as a flag that needs `=value` and refuses the
 * build, so the model has no edge for it and `build` is taken for a source path. Say so.
 */
export const SG1030 = defineRule(
  {
    id: 'SG1030',
    severity: 'error',
    summary:
      'A COPY/ADD/RUN flag that takes a value is written without `=` (`--from build`): BuildKit refuses it.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    for (const instruction of instructionsWithTriggers(model)) {
      if (!['COPY', 'ADD', 'RUN'].includes(instruction.keyword)) continue
      for (const flag of instruction.flags) {
        if (!isMissingValue(flag)) continue
        const next = instruction.argv[0]
        hits.push(
          hitAt(
            instruction,
            `Write \`--${flag.name}=${next ?? 'VALUE'}\`: \`--${flag.name}\` takes its value after \`=\`, and BuildKit fails on \`--${flag.name} ${next ?? ''}\`.`.replace(
              ' `.',
              '`.'
            )
          )
        )
      }
    }
    return hits
  }
)
