// Secret files must not outlive the step even when it is interrupted: a
// `finally` does not run when SIGINT/SIGTERM ends the process (Ctrl-C on the
// CLI, a cancelled job). While a build runs, a cleanup registered with the
// process's stop-signal registry (signals.ts) removes the paths synchronously
// before the signal ends the process. (On GitHub-hosted runners RUNNER_TEMP
// is also emptied after the job; this covers the CLI and os.tmpdir().)
import { rmSync } from 'node:fs'
import { onStopSignal, type SignalTarget } from '../signals.js'

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

/** Removes the paths if a stop signal ends the process (signals.ts); returns the unregister function (call it in `finally`). */
export function removeOnSignal(paths: () => readonly string[], proc: SignalTarget = process): () => void {
  return onStopSignal(() => removeNow(paths()), proc)
}
