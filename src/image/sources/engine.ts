// A reference in the local engine: `docker save REF` into a private temp dir
// (removed in close), then read with random access like any archive. Saving
// to disk keeps memory bounded whatever order the engine writes blobs in;
// the disk cost is the compressed image size, for the duration of the read.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../../errors.js'
import type { ImageSource } from './store.js'
import { openTarFile } from './tar-file.js'

interface RunResult {
  code: number | null
  stderr: string
}

function run(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 64 * 1024) stderr += text
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UsageError('docker is not installed: cannot read images from the local engine')
          : error
      )
    )
    child.on('close', code => resolve({ code, stderr }))
  })
}

/** Whether the local engine has the image (false when there is no engine). */
export async function engineHasImage(ref: string): Promise<boolean> {
  try {
    const result = await run(['image', 'inspect', '--format', '{{.Id}}', '--', ref])
    return result.code === 0
  } catch {
    return false
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? ''
}

export async function openEngineImage(
  ref: string,
  maxJsonBytes: number,
  tempDir?: string
): Promise<ImageSource> {
  const dir = await mkdtemp(join(tempDir ?? tmpdir(), 'stagegate-image-'))
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true })
  try {
    const file = join(dir, 'image.tar')
    const result = await run(['save', '--output', file, '--', ref])
    if (result.code !== 0)
      throw new UsageError(
        `cannot read ${ref} from the local engine: ${firstLine(result.stderr) || `docker save exited ${result.code}`}`
      )
    // docker save keeps only the image's own manifest, never its attestations: "cannot tell".
    const source = await openTarFile(file, maxJsonBytes, ref, false)
    return { ...source, close: remove }
  } catch (error) {
    await remove()
    throw error
  }
}
