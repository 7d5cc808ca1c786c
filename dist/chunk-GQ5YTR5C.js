import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/signals.ts
var STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var registries = /* @__PURE__ */ new WeakMap();
function registryOf(proc) {
  let registry = registries.get(proc);
  if (!registry) {
    const created = { cleanups: /* @__PURE__ */ new Set(), handlers: [] };
    created.handlers = STOP_SIGNALS.map((signal) => [signal, () => stop(proc, created, signal)]);
    registries.set(proc, created);
    registry = created;
  }
  return registry;
}
function stop(proc, registry, signal) {
  for (const [name, handler] of registry.handlers) proc.removeListener(name, handler);
  const cleanups = [...registry.cleanups].reverse();
  registry.cleanups.clear();
  for (const { cleanup } of cleanups) {
    try {
      cleanup(signal);
    } catch {
    }
  }
  proc.kill(proc.pid, signal);
}
function onStopSignal(cleanup, proc = process) {
  const registry = registryOf(proc);
  const entry = { cleanup };
  if (registry.cleanups.size === 0) for (const [name, handler] of registry.handlers) proc.on(name, handler);
  registry.cleanups.add(entry);
  return () => {
    if (!registry.cleanups.delete(entry) || registry.cleanups.size > 0) return;
    for (const [name, handler] of registry.handlers) proc.removeListener(name, handler);
  };
}

export {
  onStopSignal
};
