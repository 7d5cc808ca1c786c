// Stops the run's own push registry (started in global-setup.ts) and removes
// every image the run added to the engine, so that run after run leaves it as
// it found it (the tests remove what they can; a failed or killed test cannot).
import { execFileSync } from 'node:child_process'

declare global {
  var stagegatePushRegistry: { host: string; how: string; stop(): void } | undefined
  var stagegateEngineImages: { before: string[]; list: () => string[] } | undefined
}

// Jest takes a synchronous teardown as well: stop() is.
export default function globalTeardown(): void {
  globalThis.stagegatePushRegistry?.stop()
  globalThis.stagegatePushRegistry = undefined
  const images = globalThis.stagegateEngineImages
  if (!images) return
  // Listed by global-setup.ts's own function (Jest resolves no relative import of a global teardown).
  const kept = new Set(images.before)
  const added = images.list().filter(image => !kept.has(image))
  // A tagged image by its name (other names of the same image stay), an untagged one by its id.
  const refs = [
    ...new Set(
      added.map(image =>
        image.startsWith('<none>:')
          ? image.slice(image.lastIndexOf('@') + 1)
          : image.slice(0, image.lastIndexOf('@'))
      )
    )
  ]
  for (let i = 0; i < refs.length; i += 50) {
    try {
      execFileSync('docker', ['rmi', '--force', ...refs.slice(i, i + 50)], {
        stdio: 'ignore',
        timeout: 300_000
      })
    } catch {
      // one already gone, or in use by a container a test left: the rest of the batch went
    }
  }
}
