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
  escapeOf,
  flagValue,
  globalArgDefaults,
  hasFlag,
  instructionAt,
  isScratch,
  isWholeTree,
  rootBase,
  stageChain
} from '../../dockerfile/query.js'
import type { RuleHit } from '../rule.js'
import {
  commandName,
  effectiveArgv,
  positionalArgs,
  subcommandArgs,
  flagValue as shellFlagValue,
  hasFlag as shellHasFlag,
  type ShellCommand
} from '../../dockerfile/shell.js'
import { expandVariables, splitKeyValue } from '../../dockerfile/words.js'
import {
  defineRule,
  hitAt,
  instructionsWithTriggers,
  isMissingValue,
  keyValuePairs,
  unquoteRaw
} from '../kit.js'

function copies(stage: Stage): Instruction[] {
  return stage.instructions.filter(
    instruction => instruction.keyword === 'COPY' || instruction.keyword === 'ADD'
  )
}

function normalizeDir(path: string): string {
  return '/' + cleanPath(path)
}

/**
 * Conventional names of a directory that holds a whole source tree. A name alone is only a guess,
 * used when nothing the source stage did says what the directory holds (see `holdsWorkingTree`).
 * `/build` is not here: it names an output directory (`go build -o /build/x`, `PREFIX=/build`)
 * at least as often as a tree, so only what the stage did with it can tell.
 */
const WORKTREE_DIRS = new Set([
  '/app',
  '/src',
  '/usr/src/app',
  '/usr/src',
  '/go/src',
  '/workspace',
  '/code',
  '/project',
  '/opt/app-root/src',
  '/home/app',
  '/srv/app'
])

/** What a source stage (with its bases) did with one directory. */
interface DirEvidence {
  /** The whole build context, a `git clone` or a git ADD landed in it. */
  source: boolean
  /** A build tool ran with the directory as its working directory. */
  build: boolean
  /** Named files from the build context were copied into it. */
  contextFiles: boolean
  /** Only built output was written into it (`-o`, `GOBIN=`, `PREFIX=`, `cp … DIR`, `COPY --from`). */
  output: boolean
  /** A downloaded archive was unpacked into it (`curl … | tar -x`, `tar -xf <downloaded file>`). */
  unpacked: boolean
  /** Files the stage downloaded (ADD <url>, `curl -o`, `wget -O`), resolved. */
  downloads: Set<string>
}

/** Programs that compile, install dependencies or package in their working directory. */
const BUILD_TOOLS = new Set([
  'make',
  'gmake',
  'cmake',
  'ninja',
  'meson',
  'configure',
  'autoreconf',
  'go',
  'cargo',
  'rustc',
  'gcc',
  'cc',
  'g++',
  'clang',
  'npm',
  'npx',
  'yarn',
  'pnpm',
  'bun',
  'mvn',
  'mvnw',
  'gradle',
  'gradlew',
  'ant',
  'sbt',
  'dotnet',
  'pip',
  'pip3',
  'poetry',
  'uv',
  'bazel',
  'tsc',
  'composer',
  'bundle',
  'mix',
  'swift',
  'cabal',
  'stack',
  'zig'
])

/** Options whose value names where a tool writes its output. */
const OUTPUT_FLAGS = [
  '-o',
  '--output',
  '--out',
  '--outdir',
  '--out-dir',
  '--output-dir',
  '--prefix',
  '--bindir',
  '--sbindir',
  '--libdir',
  '--target-dir',
  '--root',
  '--destdir',
  '--dest',
  '--install-dir',
  '--wheel-dir',
  '--target',
  '--target-directory'
]
/** Short output options of particular tools (`-t` of cp/pip, `-w` of pip wheel, `-O`/`-P` of wget). */
const TOOL_OUTPUT_FLAGS: Record<string, string[]> = {
  cp: ['-t'],
  mv: ['-t'],
  install: ['-t'],
  ln: ['-t'],
  pip: ['-t', '-w'],
  pip3: ['-t', '-w'],
  wget: ['-O', '-P', '--output-document', '--directory-prefix']
}
/** Each tool's output options with the common ones, listed once rather than for every command. */
const OUTPUT_FLAGS_OF: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(TOOL_OUTPUT_FLAGS).map(([tool, flags]) => [tool, [...OUTPUT_FLAGS, ...flags]])
)
/** `NAME=DIR` (environment or make variable) that names an install or output directory. */
const OUTPUT_VARIABLES = new Set([
  'GOBIN',
  'PREFIX',
  'prefix',
  'DESTDIR',
  'BINDIR',
  'bindir',
  'CARGO_TARGET_DIR',
  'CARGO_INSTALL_ROOT'
])
/** Options of cp/mv/install/ln that take a value, so the value is not mistaken for a path. */
const COPY_VALUE_OPTIONS = ['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix']
const GIT_CLONE_VALUE_OPTIONS = [
  '-b',
  '--branch',
  '-o',
  '--origin',
  '-c',
  '--config',
  '--depth',
  '--reference',
  '-j',
  '--jobs',
  '--filter',
  '-u',
  '--upload-pack',
  '--template',
  '--separate-git-dir',
  '--shallow-since',
  '--shallow-exclude'
]

/** What `tar` extracts and where (`-xzf FILE -C DIR`, `xf FILE`, `--extract --file=FILE`); undefined when it does not extract. */
function tarExtract(args: readonly string[]): { archive?: string; dir?: string } | undefined {
  let extract = false
  let archive: string | undefined
  let dir: string | undefined
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    const bundle = /^-[A-Za-z]+$/.test(word)
      ? word.slice(1)
      : i === 0 && /^[A-Za-z]+$/.test(word)
        ? word
        : undefined
    if (bundle !== undefined) {
      if (bundle.includes('x')) extract = true
      if (bundle.endsWith('f')) archive = args[i + 1]
      if (bundle.endsWith('C')) dir = args[i + 1]
    } else if (word === '--extract' || word === '--get') extract = true
    else if (word === '--file' || word === '--directory') {
      if (word === '--file') archive = args[i + 1]
      else dir = args[i + 1]
    } else if (word.startsWith('--file=')) archive = word.slice('--file='.length)
    else if (word.startsWith('--directory=')) dir = word.slice('--directory='.length)
  }
  if (!extract) return undefined
  return { ...(archive !== undefined ? { archive } : {}), ...(dir !== undefined ? { dir } : {}) }
}

/** What `unzip FILE -d DIR` extracts and where. */
function unzipExtract(args: readonly string[]): { archive?: string; dir?: string } {
  const archive = positionalArgs(args, ['-d', '-x'])[0]
  const d = args.indexOf('-d')
  const dir = d >= 0 ? args[d + 1] : undefined
  return { ...(archive !== undefined ? { archive } : {}), ...(dir !== undefined ? { dir } : {}) }
}

/** `path` resolved against `cwd`, normalized; undefined when a variable makes it unknowable. */
function resolveIn(cwd: string | undefined, path: string): string | undefined {
  if (cwd === undefined || path.includes('$') || path === '') return undefined
  return normalizeDir(path.startsWith('/') ? path : `${cwd}/${path}`)
}

function within(path: string | undefined, dir: string): boolean {
  return path !== undefined && (path === dir || path.startsWith(dir + '/'))
}

/** Values of the output options a command is given (`-o x`, `--prefix=x`, `-o/x`). */
function outputTargets(name: string, args: readonly string[]): string[] {
  const flags = OUTPUT_FLAGS_OF.get(name) ?? OUTPUT_FLAGS
  const values: string[] = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word === '--') break
    // Words that are neither options nor assignments (most of them: packages, paths) match nothing.
    if (word[0] !== '-' && !word.includes('=')) continue
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(word)
    if (assignment && OUTPUT_VARIABLES.has(assignment[1] as string)) values.push(assignment[2] as string)
    for (const flag of flags) {
      if (word === flag && i + 1 < args.length) values.push(args[i + 1] as string)
      else if (flag.startsWith('--') && word.startsWith(flag + '=')) values.push(word.slice(flag.length + 1))
      else if (flag === '-o' && word.startsWith('-o/')) values.push(word.slice(2))
    }
  }
  // `apt-get -o Dpkg::Options=…` and the like are settings, not paths.
  return values.filter(value => !/[:=]/.test(value))
}

interface WalkContext {
  model: DockerfileModel
  memo: Map<string, boolean>
  depth: number
}

/** What the source stage's chain (bases first) did with `dir`, following WORKDIR and `cd`. */
function dirEvidence(context: WalkContext, stage: Stage, dir: string): DirEvidence {
  const { model } = context
  const evidence: DirEvidence = {
    source: false,
    build: false,
    contextFiles: false,
    output: false,
    unpacked: false,
    downloads: new Set()
  }
  let cwd: string | undefined = '/'
  for (const current of stageChain(model, stage).reverse()) {
    for (const instruction of current.instructions) {
      switch (instruction.keyword) {
        case 'WORKDIR':
          cwd = resolveIn(cwd, instruction.argv.join(' '))
          break
        case 'ENV':
        case 'ARG':
          for (const { key, rawValue } of keyValuePairs(instruction))
            if (
              OUTPUT_VARIABLES.has(key) &&
              rawValue !== undefined &&
              within(resolveIn(cwd, unquoteRaw(rawValue, escapeOf(model))), dir)
            )
              evidence.output = true
          break
        case 'COPY':
        case 'ADD':
          copyEvidence(context, instruction, cwd, dir, evidence)
          break
        case 'RUN':
          runEvidence(model, instruction, cwd, dir, evidence)
          break
      }
    }
  }
  return evidence
}

function copyEvidence(
  context: WalkContext,
  instruction: Instruction,
  cwd: string | undefined,
  dir: string,
  evidence: DirEvidence
): void {
  const { sources, dest } = copyPaths(instruction)
  if (dest === undefined) return
  if (instruction.keyword === 'ADD' && !hasFlag(instruction, 'from'))
    for (const source of sources.filter(isDownload)) {
      const file = resolveIn(cwd, dest.endsWith('/') ? dest + basename(source) : dest)
      if (file !== undefined) evidence.downloads.add(file)
    }
  if (!within(resolveIn(cwd, dest), dir)) return
  if (!hasFlag(instruction, 'from')) {
    if (sources.some(source => isWholeTree(source) || /(\.git|\.git#.*)$|^git@/.test(source)))
      evidence.source = true
    else evidence.contextFiles = true
    return
  }
  // Files brought from another stage are output, unless that stage's copied path is itself a tree.
  const from = copiedStage(context.model, instruction)
  if (from && sources.some(source => copiesWorkingTree(context, from, source))) evidence.source = true
  else evidence.output = true
}

function runEvidence(
  model: DockerfileModel,
  instruction: Instruction,
  workdir: string | undefined,
  dir: string,
  evidence: DirEvidence
): void {
  let cwd = workdir
  let previous: ShellCommand | undefined
  for (const command of runCommandsOf(model, instruction)) {
    const name = commandName(command)
    const args = effectiveArgv(command).slice(1)
    const fedByDownload =
      command.pipedFrom === true && previous !== undefined && ['curl', 'wget'].includes(commandName(previous))
    previous = command
    if (name === 'curl' || name === 'wget') {
      const file = shellFlagValue(
        command,
        ...(name === 'curl' ? ['-o', '--output'] : ['-O', '--output-document'])
      )
      const resolved = file !== undefined && file !== '-' ? resolveIn(cwd, file) : undefined
      if (resolved !== undefined) evidence.downloads.add(resolved)
    }
    const unpacked = name === 'tar' ? tarExtract(args) : name === 'unzip' ? unzipExtract(args) : undefined
    if (unpacked) {
      const archive = unpacked.archive !== undefined ? resolveIn(cwd, unpacked.archive) : undefined
      const downloaded =
        (archive !== undefined && evidence.downloads.has(archive)) ||
        (fedByDownload && (unpacked.archive === undefined || unpacked.archive === '-'))
      const into = unpacked.dir !== undefined ? resolveIn(cwd, unpacked.dir) : cwd
      if (downloaded && within(into, dir)) evidence.unpacked = true
      continue
    }
    if (name === 'cd') {
      cwd = args[0] === undefined ? undefined : resolveIn(cwd, args[0])
      continue
    }
    if (
      command.env.some(
        ({ name: key, value }) => OUTPUT_VARIABLES.has(key) && within(resolveIn(cwd, value), dir)
      )
    )
      evidence.output = true
    if (outputTargets(name, args).some(target => within(resolveIn(cwd, target), dir))) evidence.output = true
    if (name === 'git') {
      const cloned = subcommandArgs(command, 'clone')
      if (cloned) {
        const [repo, target] = positionalArgs(cloned, GIT_CLONE_VALUE_OPTIONS)
        const into =
          target ??
          repo
            ?.replace(/\/+$/, '')
            .replace(/\.git$/, '')
            .split(/[/:]/)
            .pop()
        if (into !== undefined && within(resolveIn(cwd, into), dir)) evidence.source = true
      }
    } else if (['cp', 'mv', 'install', 'ln', 'rsync'].includes(name)) {
      const paths = positionalArgs(args, COPY_VALUE_OPTIONS)
      if (paths.length >= 2 && within(resolveIn(cwd, paths[paths.length - 1] as string), dir))
        evidence.output = true
    } else if (BUILD_TOOLS.has(name) && within(cwd, dir)) evidence.build = true
  }
}

/**
 * True when `path` of `stage` holds a whole working tree. Decided by what the stage did with the
 * directory, in this order: the whole context or a clone landed in it, or a build ran in it →
 * a tree; it is the stage's WORKDIR → a tree, unless all it got was built output; it got only
 * built output → the artifact. When the stage did nothing with it that Stagegate can see (the
 * files may come from the base image, a script, a variable), the name decides: a conventional
 * source-tree name is still reported, since that is what such a directory holds far more often
 * than not, and anything else is left alone.
 */
function holdsWorkingTree(context: WalkContext, stage: Stage, dir: string): boolean {
  const key = `${stage.index}:${dir}`
  const known = context.memo.get(key)
  if (known !== undefined) return known
  context.memo.set(key, false) // a cycle (not possible in a valid file) must not recurse forever
  let verdict: boolean
  if (context.depth > 8) verdict = WORKTREE_DIRS.has(dir)
  else {
    context.depth++
    const evidence = dirEvidence(context, stage, dir)
    context.depth--
    const workdir = stage.workdir !== undefined ? normalizeDir(stage.workdir) : undefined
    if (evidence.source || evidence.build) verdict = true
    // A downloaded release unpacked in place, with nothing built in it, is itself the artifact
    // (elastic's /usr/share/elasticsearch): named files copied in from the context are its
    // configuration, not sources. An archive from the build context is not exempt: it may be sources.
    else if (evidence.unpacked) verdict = false
    else if (workdir === dir && dir !== '/') verdict = !(evidence.output && !evidence.contextFiles)
    else if (evidence.output) verdict = false
    else verdict = WORKTREE_DIRS.has(dir)
  }
  context.memo.set(key, verdict)
  return verdict
}

/** The stage a `COPY --from=<stage>` copies from (its copy edge); undefined for an image or the context. */
function copiedStage(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const edge = model.edges.find(e => e.kind === 'copy' && e.line === instruction.line)
  return edge?.from !== undefined ? model.stages[edge.from] : undefined
}

/** True when copying `path` from `stage` copies a working tree (or the whole filesystem holding one). */
function copiesWorkingTree(context: WalkContext, stage: Stage, path: string): boolean {
  if (path.includes('$')) return false
  const dir = isWholeTree(path) ? '/' : normalizeDir(path)
  if (dir === '/') return wholeFilesystemIsTree(context, stage)
  return holdsWorkingTree(context, stage, dir)
}

/**
 * True when the whole filesystem of `stage` is more than its artifacts. A stage on an image holds
 * that image's OS, tools and the stage's work. A `FROM scratch` export stage holds exactly what it
 * was given, so follow that: files copied from other stages that are not themselves working trees,
 * from images, or downloaded by ADD are artifacts (mealie's `packages`: the wheel, the sdist and
 * requirements.txt); build context copied in (it may be sources) or a RUN (its output is unknown)
 * keeps it reported.
 */
function wholeFilesystemIsTree(context: WalkContext, stage: Stage): boolean {
  const { model } = context
  if (!isScratch(rootBase(model, stage))) return true
  const key = `${stage.index}:*`
  const known = context.memo.get(key)
  if (known !== undefined) return known
  context.memo.set(key, true)
  let verdict = false
  if (context.depth > 8) verdict = true
  else {
    context.depth++
    for (const current of stageChain(model, stage)) {
      for (const instruction of current.instructions) {
        if (instruction.keyword === 'RUN') verdict = true
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue
        const { sources } = copyPaths(instruction)
        if (!hasFlag(instruction, 'from')) {
          const downloads = instruction.keyword === 'ADD' && sources.every(isDownload)
          if (!downloads) verdict = true
          continue
        }
        const from = copiedStage(model, instruction)
        if (from && sources.some(source => copiesWorkingTree(context, from, source))) verdict = true
      }
      if (verdict) break
    }
    context.depth--
  }
  context.memo.set(key, verdict)
  return verdict
}

/** An ADD source that is a file download (a git repository is a tree). */
function isDownload(source: string): boolean {
  return /^https?:\/\//i.test(source) && !/\.git(#.*)?$/.test(source)
}

export const SG1004 = defineRule(
  {
    id: 'SG1004',
    severity: 'warning',
    summary: 'A COPY --from copies a whole working tree or directory where a named artifact should be copied.'
  },
  ({ model }) => {
    const hits: RuleHit[] = []
    const context: WalkContext = { model, memo: new Map(), depth: 0 }
    for (const edge of model.edges) {
      if (edge.kind !== 'copy' || edge.from === undefined) continue
      const source = model.stages[edge.from]
      const target = model.stages[edge.to]
      const instruction = target ? instructionAt(model, edge.line) : undefined
      if (!source || !instruction) continue
      for (const path of edge.sources) {
        if (path === '/' || path.includes('$')) continue // `/` is DL3067's; variables cannot be judged
        const dir = isWholeTree(path) ? '/' : normalizeDir(path)
        if (dir === '/') {
          if (!wholeFilesystemIsTree(context, source)) continue // a scratch stage holding only artifacts
          hits.push(
            hitAt(
              instruction,
              `Copy the built artifact by name instead of '${path}' (the whole filesystem of stage ${stageLabel(source)}).`
            )
          )
          continue
        }
        if (holdsWorkingTree(context, source, dir)) {
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

/** How to install without dev dependencies, per package manager, for the message. */
const PRODUCTION_INSTALL: Record<string, string> = {
  npm: '`npm ci --omit=dev` (or `npm prune --omit=dev`)',
  yarn: '`yarn install --production` (Yarn 2+: `yarn workspaces focus --production`)',
  pnpm: '`pnpm install --prod` (or `pnpm prune --prod`)'
}

/**
 * The package manager (npm, yarn, pnpm) of the stage chain's last install that kept dev
 * dependencies and was never pruned; undefined when there is none. npm, Yarn 1 and pnpm leave
 * devDependencies out when NODE_ENV is production, so an install that runs with it is a production
 * install. NODE_ENV is followed as BuildKit would set it for the RUN: ENV (inherited through the
 * chain, ENV winning over ARG) and the stage's ARGs (RUN sees them as environment variables), with
 * `${VAR}` expanded. No --build-arg is known when linting, so an ARG has its default, and a stage
 * ARG without one takes the global ARG's default, as BuildKit does with no build arguments.
 */
function devDependencyInstaller(model: DockerfileModel, stage: Stage): string | undefined {
  let installer: string | undefined
  const globals = globalArgDefaults(model)
  const escape = escapeOf(model)
  // ENV is inherited by a stage built FROM this one; ARG is not.
  const env = new Map<string, string>()
  for (const link of [...stageChain(model, stage)].reverse()) {
    const args = new Map<string, string>()
    const lookup = (name: string): string | undefined => env.get(name) ?? args.get(name)
    for (const instruction of link.instructions) {
      if (instruction.keyword === 'ARG') {
        for (const word of instruction.argv) {
          const { key, value } = splitKeyValue(word)
          const resolved =
            value !== undefined ? expandVariables(value, lookup, undefined, escape) : globals.get(key)
          if (resolved !== undefined) args.set(key, resolved)
        }
        continue
      }
      if (instruction.keyword === 'ENV') {
        // All pairs of one ENV are expanded with the values from before it, as BuildKit does.
        const pairs = keyValuePairs(instruction).map(({ key, rawValue }) => ({
          key,
          value: expandVariables(unquoteRaw(rawValue ?? '', escape), lookup, undefined, escape)
        }))
        for (const { key, value } of pairs) env.set(key, value)
        continue
      }
      if (instruction.keyword !== 'RUN') continue
      const productionEnv = lookup('NODE_ENV') === 'production'
      for (const command of runCommandsOf(model, instruction)) {
        const name = commandName(command)
        // `rm -rf node_modules` after the build: nothing of it is left to copy.
        if (name === 'rm' && removedPaths([command]).some(path => /(^|\/)node_modules\/?$/.test(path))) {
          installer = undefined
          continue
        }
        const subcommands = NODE_INSTALLERS[name]
        if (!subcommands) continue
        const production =
          productionEnv ||
          shellHasFlag(
            command,
            '--production',
            '--prod',
            '--omit=dev',
            '--only=production',
            '--only=prod',
            '-P'
          )
        if (name === 'npm' && subcommandArgs(command, 'prune') !== undefined) {
          if (production) installer = undefined
          continue
        }
        const isInstall =
          subcommandArgs(command, ...subcommands) !== undefined ||
          (name === 'yarn' && command.argv.length === 1)
        if (isInstall) installer = production ? undefined : name
      }
    }
  }
  return installer
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
      if (!carriesModules) continue
      const installer = devDependencyInstaller(model, source)
      if (installer === undefined) continue
      const instruction = instructionAt(model, edge.line)
      if (instruction)
        hits.push(
          hitAt(
            instruction,
            `This copies node_modules with dev dependencies from stage ${stageLabel(source)}: install with ${PRODUCTION_INSTALL[installer] ?? 'production dependencies only'} in that stage first.`
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
