// The shared corpus of real Dockerfiles: vendored under __tests__/fixtures/corpus when it is
// there, else beside the repository (../shared/corpus), else where STAGEGATE_CORPUS points.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const CANDIDATES = [
  fileURLToPath(new URL('../fixtures/corpus/dockerfiles', import.meta.url)),
  fileURLToPath(new URL('../../../shared/corpus/dockerfiles', import.meta.url)),
  ...(process.env.STAGEGATE_CORPUS !== undefined ? [process.env.STAGEGATE_CORPUS] : [])
]

export const CORPUS_DIR = CANDIDATES.find(dir => existsSync(dir)) ?? (CANDIDATES[1] as string)

export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? corpusFiles(path) : [path]
    })
}
