// SG2006: source code and VCS metadata in the final image (`COPY . .` into
// the runtime stage). One hit per directory tree per layer, with a count and
// a few example paths, rather than one per file.
import type { ImageFile } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { examples } from '../image-files.js'
import { isAllowedPath } from '../glob.js'
import { dirname } from '../resolve.js'

/** Compiled-language sources: shipping them is never needed to run the program. (Python and JS run from source.) */
const SOURCE_EXTENSIONS = /\.(go|ts|tsx|c|cc|cpp|cxx|rs|java|kt|scala|cs|swift|m)$/
const BUILD_FILES = new Set([
  'Makefile',
  'GNUmakefile',
  'CMakeLists.txt',
  'Dockerfile',
  'Containerfile',
  '.dockerignore',
  'go.mod',
  'go.sum',
  'Cargo.toml',
  'Cargo.lock',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  '.gitignore'
])
/** Trees where such files belong to installed packages, not to the application's source. */
const PACKAGE_TREES =
  /^\/(usr\/(include|share|lib|lib64|libexec|src|local\/go|local\/include|local\/lib)|lib|lib64|proc|sys|var\/lib|root\/go|go\/pkg|root\/\.cargo|usr\/local\/cargo)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//

export function isSourceFile(path: string): boolean {
  if (PACKAGE_TREES.test(path)) return false
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name.endsWith('.d.ts')) return false
  return SOURCE_EXTENSIONS.test(name) || BUILD_FILES.has(name) || name.endsWith('.dockerfile')
}

function commonDir(paths: readonly string[]): string {
  let common = dirname(paths[0] ?? '/')
  for (const path of paths) {
    while (common !== '/' && !path.startsWith(`${common}/`)) common = dirname(common)
  }
  return common
}

function group<K>(files: readonly ImageFile[], key: (file: ImageFile) => K): Map<K, ImageFile[]> {
  const groups = new Map<K, ImageFile[]>()
  for (const file of files) {
    const k = key(file)
    const list = groups.get(k)
    if (list) list.push(file)
    else groups.set(k, [file])
  }
  return groups
}

export const SG2006: ImageCheck = {
  id: 'SG2006',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'Source or VCS files in the final image',
  run: ({ index, config }) => {
    const vcs: ImageFile[] = []
    const sources: ImageFile[] = []
    for (const file of index.files.values()) {
      if (isAllowedPath(config.allow.paths, file.path)) continue
      if (/\/\.(git|svn|hg)(\/|$)/.test(file.path)) {
        if (!PACKAGE_TREES.test(file.path)) vcs.push(file)
      } else if ((file.type === 'file' || file.type === 'hardlink') && isSourceFile(file.path))
        sources.push(file)
    }
    // One hit per layer (a `COPY . .` brings .git and the sources together: one problem), with the
    // version-control directories named, a count and a few example paths.
    const hits: CheckHit[] = []
    const vcsByLayer = group(vcs, file => file.layer)
    const sourcesByLayer = group(sources, file => file.layer)
    const layers = [...new Set([...vcsByLayer.keys(), ...sourcesByLayer.keys()])].sort((a, b) => a - b)
    for (const layer of layers) {
      const repoFiles = vcsByLayer.get(layer) ?? []
      const repos = [
        ...group(repoFiles, file => /^(.*?\/\.(?:git|svn|hg))(\/|$)/.exec(file.path)![1]!).keys()
      ].sort()
      const paths = (sourcesByLayer.get(layer) ?? []).map(file => file.path).sort()
      const parts: string[] = []
      if (repos.length > 0)
        parts.push(
          `the version-control director${repos.length === 1 ? 'y' : 'ies'} ${repos.join(', ')} (${repoFiles.length} entries)`
        )
      if (paths.length > 0) {
        const root = paths.length === 1 ? paths[0]! : commonDir(paths)
        parts.push(`${paths.length} source or build file${paths.length === 1 ? '' : 's'} under ${root}`)
      }
      const fix =
        repos.length > 0
          ? 'add them to .dockerignore and copy only the build output into the final stage'
          : 'copy only the build output into the final stage'
      const sourceRoot = paths.length === 0 ? undefined : paths.length === 1 ? paths[0]! : commonDir(paths)
      hits.push({
        message: `The final image contains ${parts.join(' and ')}; ${fix}`,
        path: sourceRoot ?? repos[0]!,
        layer,
        evidence: examples([...repos, ...paths]),
        count: repoFiles.length + paths.length
      })
    }
    return hits
  }
}
