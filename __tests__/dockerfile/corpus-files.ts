// The corpus of real Dockerfiles, vendored in the repository
// (__tests__/fixtures/corpus/<set>/, each set with its README.md and LICENSE).
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus', import.meta.url))

// Only files named like Dockerfiles: a set's README.md and LICENSE are not corpus.
const DOCKERFILE_NAME = /(^|__|\.)Dockerfile$|^Dockerfile\./

export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return corpusFiles(path)
      return DOCKERFILE_NAME.test(name) ? [path] : []
    })
}
