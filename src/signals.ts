// The one place this process reacts to being stopped. A `finally` does not run
// when SIGINT/SIGTERM/SIGHUP ends the process (Ctrl-C on the CLI, a cancelled
// job, a closed terminal), so whatever must not outlive the step (a child
// still writing, a secrets dir, a spool) registers a cleanup here while it
// exists. On the first stop signal every registered cleanup runs once,
// synchronously (the process is about to end), latest first as `finally`
// blocks would unwind; then the signal is re-raised with default handling so
// the process ends by that signal, as it would have without us.
//
// The handlers are installed only while a cleanup is registered: a listener
// on SIGINT replaces Node's default of ending the process.

/** Runs on the way out; told which signal is stopping the process (to pass it on to children). */
export type Cleanup = (signal: NodeJS.Signals) => void

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** The process's signal handling: what it emits and how it raises a signal on itself. */
export type SignalTarget = Pick<NodeJS.Process, 'pid' | 'kill' | 'on' | 'removeListener'>

interface Registry {
  /** Insertion-ordered; one entry a registration, so the same function may be registered twice. */
  cleanups: Set<{ cleanup: Cleanup }>
  handlers: [NodeJS.Signals, () => void][]
}

const registries = new WeakMap<SignalTarget, Registry>()

function registryOf(proc: SignalTarget): Registry {
  let registry = registries.get(proc)
  if (!registry) {
    const created: Registry = { cleanups: new Set(), handlers: [] }
    created.handlers = STOP_SIGNALS.map(signal => [signal, () => stop(proc, created, signal)])
    registries.set(proc, created)
    registry = created
  }
  return registry
}

function stop(proc: SignalTarget, registry: Registry, signal: NodeJS.Signals): void {
  // First the handlers go, so the re-raised signal (and any second one) gets the default: the end.
  for (const [name, handler] of registry.handlers) proc.removeListener(name, handler)
  const cleanups = [...registry.cleanups].reverse()
  registry.cleanups.clear()
  for (const { cleanup } of cleanups) {
    try {
      cleanup(signal)
    } catch {
      // One failing cleanup must not keep the others from running on the way out.
    }
  }
  proc.kill(proc.pid, signal)
}

/**
 * Registers `cleanup` to run if a stop signal ends the process; returns the
 * function that unregisters it (call it in `finally`, once the thing it
 * cleans up is gone). Unregistering twice is harmless.
 */
export function onStopSignal(cleanup: Cleanup, proc: SignalTarget = process): () => void {
  const registry = registryOf(proc)
  const entry = { cleanup }
  if (registry.cleanups.size === 0) for (const [name, handler] of registry.handlers) proc.on(name, handler)
  registry.cleanups.add(entry)
  return () => {
    if (!registry.cleanups.delete(entry) || registry.cleanups.size > 0) return
    for (const [name, handler] of registry.handlers) proc.removeListener(name, handler)
  }
}
