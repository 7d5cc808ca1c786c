// The process the registry test signals: registers the cleanups it is given
// (each prints its name and the signal, some then throw), unregisters some,
// says "ready" and waits for the signal.
import { writeSync } from 'node:fs'
import { onStopSignal } from '../../src/signals.js'

interface Plan {
  register: string[]
  throwing?: string[]
  unregister?: string[]
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan
const unregister = new Map<string, () => void>()
for (const name of plan.register) {
  unregister.set(
    name,
    onStopSignal(signal => {
      // Synchronous: the process ends right after the cleanups.
      writeSync(1, `${name}:${signal}\n`)
      if (plan.throwing?.includes(name)) throw new Error(`${name} failed`)
    })
  )
}
for (const name of plan.unregister ?? []) unregister.get(name)?.()
writeSync(1, 'ready\n')
// Ends on its own (99) if the signal did not end it: a failure to read, not a hang.
setTimeout(() => process.exit(99), 15_000)
