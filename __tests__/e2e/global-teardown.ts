// Stops the run's own push registry (started in global-setup.ts).
declare global {
  var stagegatePushRegistry: { host: string; how: string; stop(): void } | undefined
}

export default async function globalTeardown(): Promise<void> {
  globalThis.stagegatePushRegistry?.stop()
  globalThis.stagegatePushRegistry = undefined
}
