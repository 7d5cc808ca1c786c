// Secret files must not outlive the step even when it is interrupted: a
// `finally` does not run when SIGINT/SIGTERM ends the process (Ctrl-C on the
// CLI, a cancelled job). While a build runs, these handlers remove the paths
// synchronously, then re-raise the signal so the process still ends as it
// would have. (On GitHub-hosted runners RUNNER_TEMP is also emptied after the
// job; this covers the CLI and os.tmpdir().)
import { rmSync } from 'node:fs'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Removes every path now; never throws (it runs on the way out). */
export function removeNow(paths: readonly string[]): void {
  for (const p of paths) {
    if (p === '') continue
    try {
      rmSync(p, { recursive: true, force: true })
    } catch {
      // best effort on the way out
    }
  }
}

/** Installs the handlers; returns the function that uninstalls them (call it in `finally`). */
export function removeOnSignal(paths: () => readonly string[], proc: NodeJS.Process = process): () => void {
  const handlers = SIGNALS.map(signal => {
    const handler = (): void => {
      removeNow(paths())
      uninstall()
      proc.kill(proc.pid, signal)
    }
    proc.once(signal, handler)
    return [signal, handler] as const
  })
  const uninstall = (): void => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler)
  }
  return uninstall
}
