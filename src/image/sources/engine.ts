// A reference in the local engine: `docker save REF` into a private temp dir
// (removed in close), then read with random access like any archive. Saving
// to disk keeps memory bounded whatever order the engine writes blobs in;
// the disk cost is the compressed image size, for the duration of the read.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../../errors.js'
import { onStopSignal } from '../../signals.js'
import type { ImageSource } from './store.js'
import { openTarFile } from './tar-file.js'

interface RunResult {
  code: number | null
  stderr: string
}

function run(args: string[], children?: Set<ChildProcess>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    children?.add(child)
    child.on('close', () => children?.delete(child))
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

/**
 * While `docker save` writes the spool, a stop signal must not leave it
 * behind (signals.ts): the child is stopped and the private dir removed
 * (synchronously: the process is about to end).
 */
function cleanupOnSignal(dir: string, children: Set<ChildProcess>): () => void {
  return onStopSignal(() => {
    for (const child of children) child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })
}

export async function openEngineImage(
  ref: string,
  maxJsonBytes: number,
  tempDir?: string
): Promise<ImageSource> {
  const dir = await mkdtemp(join(tempDir ?? tmpdir(), 'stagegate-image-'))
  const children = new Set<ChildProcess>()
  const detach = cleanupOnSignal(dir, children)
  const remove = async (): Promise<void> => {
    detach()
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const file = join(dir, 'image.tar')
    const result = await run(['save', '--output', file, '--', ref], children)
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
