// The shared corpus of real Dockerfiles, beside the repository (../shared/corpus).
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/dockerfiles', import.meta.url))

export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? corpusFiles(path) : [path]
    })
}
