// Stops the run's own push registry (started in global-setup.ts).
declare global {
  var stagegatePushRegistry: { host: string; how: string; stop(): void } | undefined
}

// Jest takes a synchronous teardown as well: stop() is.
export default function globalTeardown(): void {
  globalThis.stagegatePushRegistry?.stop()
  globalThis.stagegatePushRegistry = undefined
}
