import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  buildxSatisfies
} from "./chunk-CRPXSW6F.js";
import {
  exec
} from "./chunk-BS4B6CXK.js";
import {
  onStopSignal
} from "./chunk-GQ5YTR5C.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/build/buildx.ts
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
var KEEP_OUTPUT = 16 * 1024 * 1024;
function definedEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) if (value !== void 0) out[key] = value;
  return out;
}
var inFlight = 0;
var unregisterPassOn;
function childPids(parent = process.pid) {
  let names;
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    try {
      return execFileSync("pgrep", ["-P", String(parent)], { encoding: "utf8" }).split("\n").filter((line) => line.trim() !== "").map(Number);
    } catch {
      return [];
    }
  }
  const pids = [];
  for (const name of names) {
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === parent) pids.push(Number(name));
  }
  return pids;
}
function passOn(signal) {
  for (const pid of childPids()) {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
async function tracked(run) {
  if (inFlight++ === 0) unregisterPassOn = onStopSignal(passOn);
  try {
    return await run();
  } finally {
    if (--inFlight === 0) unregisterPassOn?.();
  }
}
function createDockerRunner(command = "docker") {
  return {
    async exec(args, options = {}) {
      let stdout = "";
      let stderr = "";
      let outTail = "";
      let errTail = "";
      const tail = (previous, chunk) => {
        const at = chunk.lastIndexOf("\n");
        return at === -1 ? previous + chunk : chunk.slice(at + 1);
      };
      try {
        const exitCode = await tracked(
          () => exec(command, args, {
            silent: true,
            ignoreReturnCode: true,
            env: definedEnv(options.env ?? process.env),
            ...options.cwd ? { cwd: options.cwd } : {},
            listeners: {
              stdout: (data) => {
                const text = data.toString("utf8");
                if (stdout.length < KEEP_OUTPUT) stdout += text;
                outTail = tail(outTail, text).slice(-KEEP_OUTPUT);
              },
              stderr: (data) => {
                const text = data.toString("utf8");
                if (stderr.length < KEEP_OUTPUT) stderr += text;
                errTail = tail(errTail, text).slice(-KEEP_OUTPUT);
              },
              ...options.onStdout ? { stdline: options.onStdout } : {},
              ...options.onStderr ? { errline: options.onStderr } : {}
            }
          })
        );
        if (outTail.replace(/\r$/, "") !== "") options.onStdout?.(outTail.replace(/\r$/, ""));
        if (errTail.replace(/\r$/, "") !== "") options.onStderr?.(errTail.replace(/\r$/, ""));
        return { exitCode, stdout, stderr };
      } catch (error) {
        if (error instanceof Error && /Unable to locate executable file/.test(error.message))
          throw new UsageError(
            `"${command}" was not found on PATH; install the Docker CLI with the buildx plugin.`
          );
        throw error;
      }
    }
  };
}
function parseBuildxVersion(text) {
  const match = /buildx\S*\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return match?.[1];
}
function parseBuildxInspect(text) {
  const field = (label) => {
    for (const line of text.split(/\r?\n/)) {
      const match = label.exec(line);
      if (match) return match[1]?.trim();
    }
    return void 0;
  };
  const buildkit = /v?(\d+\.\d+(?:\.\d+)?)/.exec(field(/^\s*Build[Kk]it(?: version)?:\s*(.*)$/) ?? "")?.[1];
  return {
    name: field(/^Name:\s*(.*)$/) ?? "",
    driver: field(/^Driver:\s*(.*)$/) ?? "",
    buildkitVersion: buildkit && buildxSatisfies(buildkit, ">0.0.0") ? buildkit : void 0,
    platforms: (field(/^\s*Platforms:\s*(.*)$/) ?? "").split(",").map((platform) => platform.trim().replace(/\*$/, "")).filter((platform) => platform !== "")
  };
}
function usesContainerdStore(driverStatus) {
  return /io\.containerd\.snapshotter/.test(driverStatus);
}
var ENABLE_CONTAINERD = 'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, then restart dockerd), or use a docker-container builder (docker/setup-buildx-action, or `docker buildx create --use`)';
function builderCapabilities(buildxVersion, inspect, containerdStore) {
  const classicDocker = inspect.driver === "docker" && containerdStore !== true;
  const attestFlags = buildxSatisfies(buildxVersion, ">=0.10.0");
  let reason;
  if (!attestFlags)
    reason = `buildx ${buildxVersion} cannot create attestations (SBOM, provenance): it needs buildx 0.10 or later; update buildx (docker/setup-buildx-action installs a current one)`;
  else if (inspect.buildkitVersion && !buildxSatisfies(inspect.buildkitVersion, ">=0.11.0"))
    reason = `the builder "${inspect.name}" runs BuildKit ${inspect.buildkitVersion}, which cannot create attestations (SBOM, provenance): it needs BuildKit 0.11 or later; update the builder`;
  else if (classicDocker)
    reason = `the builder "${inspect.name}" uses the docker driver on the classic image store, which cannot keep attestations (SBOM, provenance); ${ENABLE_CONTAINERD}`;
  return {
    attestFlags,
    attestationSupport: reason ? { ok: false, reason } : { ok: true },
    cacheExportSupported: !classicDocker,
    multiPlatformLoad: inspect.driver === "docker" && containerdStore === true
  };
}
async function detectBuildx(runner, builder = "") {
  const version = await runner.exec(["buildx", "version"]);
  if (version.exitCode !== 0)
    throw new UsageError(
      `docker buildx is not available (${firstLine(version.stderr) || "docker buildx version failed"}); install the buildx plugin (docker/setup-buildx-action does).`
    );
  const buildxVersion = parseBuildxVersion(version.stdout) ?? "unknown";
  if (buildxVersion !== "unknown" && !buildxSatisfies(buildxVersion, ">=0.6.0"))
    throw new UsageError(
      `buildx ${buildxVersion} is too old: Stagegate needs buildx 0.6 or later (--metadata-file); update it.`
    );
  const inspectArgs = ["buildx", "inspect", "--bootstrap", ...builder ? [builder] : []];
  const inspected = await runner.exec(inspectArgs);
  if (inspected.exitCode !== 0)
    throw new UsageError(
      `buildx builder ${builder ? `"${builder}"` : "(default)"} is not usable: ${firstLine(inspected.stderr) || "docker buildx inspect failed"}`
    );
  const facts = parseBuildxInspect(inspected.stdout);
  let containerdStore;
  if (facts.driver === "docker") {
    const info = await runner.exec(["info", "--format", "{{json .DriverStatus}}"]);
    containerdStore = info.exitCode === 0 ? usesContainerdStore(info.stdout) : void 0;
  }
  return {
    buildxVersion,
    builderName: facts.name,
    driver: facts.driver,
    buildkitVersion: facts.buildkitVersion,
    platforms: facts.platforms,
    containerdStore,
    ...builderCapabilities(buildxVersion, facts, containerdStore)
  };
}
function firstLine(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "") ?? "";
}
function checkBuilderSupports(inputs, info) {
  if (inputs.load && inputs.platforms.length > 1 && !info.multiPlatformLoad)
    throw new UsageError(
      `Input "load" cannot take a multi-platform image (${inputs.platforms.join(", ")}) on the ${info.driver} driver${info.driver === "docker" ? " without the containerd image store" : ""}; build one platform to load, or push instead.`
    );
  if (inputs.load && inputs.push && !buildxSatisfies(info.buildxVersion, ">=0.13.0"))
    throw new UsageError(
      `Inputs "push" and "load" together need buildx 0.13 or later (several exporters); this is buildx ${info.buildxVersion}. Update buildx or drop one.`
    );
}

export {
  childPids,
  createDockerRunner,
  parseBuildxVersion,
  parseBuildxInspect,
  usesContainerdStore,
  builderCapabilities,
  detectBuildx,
  checkBuilderSupports
};
