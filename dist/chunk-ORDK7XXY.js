import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  Util,
  buildxSatisfies,
  compareFindings,
  configPolicy,
  getBuildArgs,
  hasExporterType,
  isPrivateRepository,
  isRemoteContext,
  openRegistryImage,
  parseCheckDirective,
  parseSpec,
  planAttestations,
  planCache,
  pragmaIndex,
  readImage,
  resolveContext,
  ruleResolver,
  specValue,
  validateAttestInput
} from "./chunk-CP2F3PEO.js";
import {
  BUILDKIT_CHECK_NAMES,
  LINT_RULES,
  UsageError,
  allInstructions,
  clearShellCache,
  errorMessage,
  findStageIndex,
  isImageCheckName,
  isOffByDefault,
  parseDiveCi,
  parseDockerfile,
  parseDockerignore,
  require_dist,
  sourceLines,
  splitKeyValue,
  stageAtLine,
  stageRefOf
} from "./chunk-YMCV6IYL.js";
import {
  GitHub,
  getUserAgentWithOrchestrationId,
  require_light,
  retry
} from "./chunk-ARK3UIPY.js";
import {
  SIGSTORE_BUNDLE_V03,
  imageSubject,
  subjectName
} from "./chunk-ZQUD2C2J.js";
import {
  exec
} from "./chunk-2AO2BZAP.js";
import {
  SigningError
} from "./chunk-FJLKUUMM.js";
import {
  __toESM
} from "./chunk-D7B27K6P.js";

// src/build/secrets.ts
import { promises as fs } from "node:fs";
import * as path from "node:path";

// src/redact.ts
var REDACTED = "***";
var MIN_VALUE_LENGTH = 3;
var MIN_LINE_LENGTH = 4;
function secretNeedles(values) {
  const needles = /* @__PURE__ */ new Set();
  for (const value of values) {
    if (value.trim().length >= MIN_VALUE_LENGTH) needles.add(value);
    const lines = value.split(/\r?\n/);
    if (lines.length > 1) {
      for (const line of lines) if (line.trim().length >= MIN_LINE_LENGTH) needles.add(line.trim());
    }
  }
  return [...needles].sort((a, b) => b.length - a.length);
}
function redactWith(needles, text2) {
  let out = text2;
  for (const needle of needles) out = out.split(needle).join(REDACTED);
  return out;
}
function makeRedactor(values) {
  const needles = secretNeedles(values);
  return (text2) => redactWith(needles, text2);
}

// src/build/secrets.ts
function parseSecretPair(input, item) {
  const at = item.indexOf("=");
  const id = at === -1 ? "" : item.slice(0, at).trim();
  const value = at === -1 ? "" : item.slice(at + 1);
  if (id === "" || value === "") {
    const shown = input === "secrets" ? id === "" ? "an item" : `"${id}"` : `"${item}"`;
    throw new UsageError(
      `Input "${input}": ${shown} is not of the form id=${input === "secret-envs" ? "ENVNAME" : input === "secret-files" ? "PATH" : "VALUE"}.`
    );
  }
  return { id, value: input === "secrets" ? value : value.trim() };
}
function maskValue(mask, value) {
  if (value.trim() === "") return;
  mask(value);
  const lines = value.split(/\r?\n/);
  if (lines.length > 1) {
    for (const line of lines) if (line.trim() !== "") mask(line.trim());
  }
}
var SMALL_SECRET_FILE = 64 * 1024;
function hasGitAuthTokenSecret(secrets, host) {
  return secrets.some(
    (secret) => secret.startsWith("GIT_AUTH_TOKEN=") || host !== "" && secret.startsWith(`GIT_AUTH_TOKEN.${host}=`)
  );
}
function gitAuthSecretId(auth) {
  if (auth.defaultContext === "" || !auth.context.startsWith(auth.defaultContext)) return void 0;
  try {
    return `GIT_AUTH_TOKEN.${new URL(auth.serverUrl).host}`;
  } catch {
    return void 0;
  }
}
async function prepareSecrets(inputs, deps, auth) {
  const groups2 = { envs: [], strings: [], files: [] };
  const known = [];
  const toWrite = inputs.secrets.map(
    (item) => parseSecretPair("secrets", item)
  );
  const gitId = auth ? gitAuthSecretId(auth) : void 0;
  if (gitId !== void 0 && inputs["github-token"] !== "" && !hasGitAuthTokenSecret(inputs.secrets, gitId.slice("GIT_AUTH_TOKEN.".length)))
    toWrite.push({ id: gitId, value: inputs["github-token"], git: true });
  for (const secret of toWrite) {
    known.push(secret.value);
    maskValue(deps.mask, secret.value);
  }
  let dir = "";
  const dispose = async () => {
    if (dir !== "") await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    if (toWrite.length > 0) {
      await fs.mkdir(deps.tempRoot, { recursive: true });
      dir = await fs.mkdtemp(path.join(deps.tempRoot, "stagegate-secrets-"));
      await fs.chmod(dir, 448);
      for (const [index, secret] of toWrite.entries()) {
        const file = path.join(dir, `secret-${index}`);
        await fs.writeFile(file, secret.value, { mode: 384, flag: "wx" });
        if (secret.git) groups2.gitAuth = `id=${secret.id},src=${file}`;
        else groups2.strings.push(`id=${secret.id},src=${file}`);
      }
    }
    for (const item of inputs["secret-files"]) {
      const { id, value } = parseSecretPair("secret-files", item);
      const file = path.resolve(deps.cwd, value);
      const stat = await fs.stat(file).catch(() => void 0);
      if (!stat?.isFile())
        throw new UsageError(`Input "secret-files": the file for secret "${id}" does not exist: ${value}`);
      if (stat.size > 0 && stat.size <= SMALL_SECRET_FILE) {
        const content = await fs.readFile(file, "utf8");
        if (!content.includes("\0")) {
          known.push(content, content.trim());
          maskValue(deps.mask, content.trim());
        }
      }
      groups2.files.push(`id=${id},src=${value}`);
    }
    for (const item of inputs["secret-envs"]) {
      const { id, value: name } = parseSecretPair("secret-envs", item);
      const envValue = deps.env[name];
      if (envValue === void 0)
        throw new UsageError(
          `Input "secret-envs": the environment variable ${name} for secret "${id}" is not set.`
        );
      known.push(envValue);
      maskValue(deps.mask, envValue);
      groups2.envs.push(`id=${id},env=${name}`);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  const specs = [
    ...groups2.envs,
    ...groups2.strings,
    ...groups2.files,
    ...groups2.gitAuth ? [groups2.gitAuth] : []
  ];
  return { specs, groups: groups2, redact: makeRedactor(known), dispose, dir };
}

// src/inputs.ts
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function parseBoolean(name, raw, fallback) {
  const value = raw.trim();
  if (value === "") return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new UsageError(`Input "${name}" must be true or false, got "${value}".`);
}
function parseList(raw, options = {}) {
  const opts = typeof options === "boolean" ? { ignoreComma: options } : options;
  const input = opts.keepNewlines ? raw.replace(/^\s*\n|\n\s*$/g, "") : raw.trim();
  if (input.trim() === "") return [];
  let items;
  try {
    items = Util.getList(input, {
      ignoreComma: opts.ignoreComma ?? false,
      ...opts.quote === false ? { quote: false } : {},
      ...opts.keepNewlines ? { trimWhitespace: false } : {}
    });
  } catch (error) {
    const where = /line (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    throw new UsageError(
      `a list input is not valid CSV${where ? ` (line ${where})` : ""}: close every double quote, or write "" for a literal one.`
    );
  }
  if (!opts.keepNewlines) return items;
  return items.map((item) => item.replace(/^[ \t]+|[ \t]+$/g, "")).filter((item) => item.trim() !== "");
}
function oneOf(name, raw, allowed, fallback) {
  const value = raw.trim();
  if (value === "") return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(
    `Input "${name}" must be one of ${allowed.filter((item) => item !== "").join(", ")}, got "${value}".`
  );
}
function list(name, raw, options = {}) {
  try {
    return parseList(raw, options);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`Input "${name}": ${error.message}`);
    throw error;
  }
}
function parseInputs(get) {
  const text2 = (name) => get(name).trim();
  const bool = (name, fallback) => parseBoolean(name, get(name), fallback);
  const lines = (name, options = {}) => list(name, get(name), options);
  const csv = (name) => lines(name, { ignoreComma: true });
  return {
    "add-hosts": lines("add-hosts"),
    allow: lines("allow"),
    annotations: csv("annotations"),
    attests: csv("attests"),
    "build-args": csv("build-args"),
    "build-contexts": csv("build-contexts"),
    builder: text2("builder"),
    "cache-from": csv("cache-from"),
    "cache-to": csv("cache-to"),
    call: text2("call"),
    "cgroup-parent": text2("cgroup-parent"),
    context: text2("context"),
    file: text2("file"),
    labels: csv("labels"),
    load: bool("load", false),
    network: text2("network"),
    "no-cache": bool("no-cache", false),
    "no-cache-filters": lines("no-cache-filters"),
    outputs: lines("outputs", { ignoreComma: true, quote: false }),
    platforms: lines("platforms"),
    provenance: text2("provenance"),
    pull: bool("pull", false),
    push: bool("push", false),
    sbom: text2("sbom"),
    secrets: lines("secrets", { ignoreComma: true, keepNewlines: true }),
    "secret-envs": lines("secret-envs"),
    "secret-files": csv("secret-files"),
    "shm-size": text2("shm-size"),
    ssh: lines("ssh"),
    tags: lines("tags"),
    target: text2("target"),
    ulimit: csv("ulimit"),
    "github-token": text2("github-token"),
    "cache-registry": text2("cache-registry"),
    "cache-local": bool("cache-local", false),
    build: bool("build", true),
    image: text2("image"),
    lint: bool("lint", true),
    check: bool("check", true),
    config: text2("config"),
    "fail-on": oneOf("fail-on", get("fail-on"), ["error", "warning", "note", "never", ""], ""),
    comment: oneOf("comment", get("comment"), ["auto", "always", "never"], "auto"),
    summary: bool("summary", true),
    "github-annotations": bool("github-annotations", true),
    "report-file": text2("report-file"),
    "sarif-file": text2("sarif-file"),
    smoke: bool("smoke", false),
    sign: oneOf("sign", get("sign"), ["auto", "true", "false"], "auto"),
    "signing-key": get("signing-key").trim(),
    "signing-password": get("signing-password"),
    "verify-base-images": bool("verify-base-images", false)
  };
}

// src/build/buildx.ts
var KEEP_OUTPUT = 16 * 1024 * 1024;
function definedEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) if (value !== void 0) out[key] = value;
  return out;
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
        const exitCode = await exec(command, args, {
          silent: true,
          ignoreReturnCode: true,
          env: definedEnv(options.env ?? process.env),
          ...options.cwd ? { cwd: options.cwd } : {},
          listeners: {
            stdout: (data) => {
              const text2 = data.toString("utf8");
              if (stdout.length < KEEP_OUTPUT) stdout += text2;
              outTail = tail(outTail, text2).slice(-KEEP_OUTPUT);
            },
            stderr: (data) => {
              const text2 = data.toString("utf8");
              if (stderr.length < KEEP_OUTPUT) stderr += text2;
              errTail = tail(errTail, text2).slice(-KEEP_OUTPUT);
            },
            ...options.onStdout ? { stdline: options.onStdout } : {},
            ...options.onStderr ? { errline: options.onStderr } : {}
          }
        });
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
function parseBuildxVersion(text2) {
  const match = /buildx\S*\s+v?(\d+\.\d+\.\d+)/.exec(text2);
  return match?.[1];
}
function parseBuildxInspect(text2) {
  const field = (label) => {
    for (const line of text2.split(/\r?\n/)) {
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
function firstLine(text2) {
  return text2.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "") ?? "";
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

// src/build/run.ts
import { promises as fs3 } from "node:fs";
import * as path4 from "node:path";

// src/build/cache-local.ts
import { createHash } from "node:crypto";
import { promises as fs2 } from "node:fs";
import * as path2 from "node:path";
function actionsCacheService() {
  const load = () => import("./cache-7WNU7TWO.js");
  return {
    available: () => Boolean(process.env.ACTIONS_RUNTIME_TOKEN) && Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL),
    async restore(paths, primaryKey, restoreKeys) {
      return (await load()).restoreCache(paths, primaryKey, restoreKeys);
    },
    async save(paths, key) {
      await (await load()).saveCache(paths, key);
    }
  };
}
var LOCK_FILE_PATTERNS = [
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /^go\.sum$/,
  /^Cargo\.lock$/,
  /^poetry\.lock$/,
  /^Pipfile\.lock$/,
  /^uv\.lock$/,
  /^requirements.*\.txt$/,
  /^Gemfile\.lock$/,
  /^composer\.lock$/
];
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", "vendor", "target", "dist", ".venv", "__pycache__"]);
async function findLockFiles(contextDir, maxDepth = 3) {
  const found = [];
  const walk = async (dir, depth) => {
    const entries = await fs2.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path2.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth && !SKIP_DIRS.has(entry.name)) await walk(full, depth + 1);
      } else if (entry.isFile() && LOCK_FILE_PATTERNS.some((pattern) => pattern.test(entry.name))) {
        found.push(path2.relative(contextDir, full).split(path2.sep).join("/"));
      }
    }
  };
  await walk(contextDir, 0);
  return found.sort();
}
function sha(parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 16);
}
function localCacheKeys(input) {
  const prefix = `stagegate-buildkit-${input.runnerOs}-`;
  const build = sha([input.dockerfile, input.target, input.platforms.join(",")]);
  const locks = sha(input.lockFiles.flatMap((file) => [file.path, file.content]));
  return {
    key: `${prefix}${build}-${locks}-${input.runId}`,
    restoreKeys: [`${prefix}${build}-${locks}-`, `${prefix}${build}-`, prefix]
  };
}
async function restoreLocalCache(options) {
  const src = path2.join(options.root, "stagegate-buildkit-cache");
  const dest = `${src}.new`;
  await fs2.rm(dest, { recursive: true, force: true });
  const lockPaths = options.contextDir ? await findLockFiles(options.contextDir) : [];
  const lockFiles = await Promise.all(
    lockPaths.map(async (file) => ({
      path: file,
      content: await fs2.readFile(path2.join(options.contextDir, file), "utf8")
    }))
  );
  const dockerfile = options.dockerfilePath ? await fs2.readFile(options.dockerfilePath, "utf8").catch(() => "") : "";
  const keys = localCacheKeys({
    runnerOs: options.env.RUNNER_OS ?? process.platform,
    runId: `${options.env.GITHUB_RUN_ID ?? Date.now()}-${options.env.GITHUB_RUN_ATTEMPT ?? "1"}`,
    dockerfile,
    target: options.target,
    platforms: options.platforms,
    lockFiles
  });
  const restoredKey = options.service.available() ? await options.service.restore([src], keys.key, keys.restoreKeys) : void 0;
  return { src, dest, ...keys, restoredKey };
}
async function rotateLocalCache(cache) {
  const exported = await fs2.stat(path2.join(cache.dest, "index.json")).catch(() => void 0);
  if (!exported) return false;
  await fs2.rm(cache.src, { recursive: true, force: true });
  await fs2.rename(cache.dest, cache.src);
  return true;
}
async function saveLocalCache(service, cache, buildOk) {
  if (!buildOk) {
    await fs2.rm(cache.dest, { recursive: true, force: true });
    return false;
  }
  const rotated = await rotateLocalCache(cache);
  if (!rotated || !service.available() || cache.restoredKey === cache.key) return false;
  await service.save([cache.src], cache.key);
  return true;
}

// src/build/metadata.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]);
function asString(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function parseBuildOutputs(metadataText, iidText, build) {
  const imageid = asString(iidText?.trim());
  let parsed;
  if (metadataText !== void 0 && metadataText.trim() !== "" && metadataText.trim() !== "null") {
    try {
      const value = JSON.parse(metadataText);
      if (value && typeof value === "object" && !Array.isArray(value))
        parsed = value;
    } catch {
      parsed = void 0;
    }
  }
  if (!parsed) return { imageid, indexFromAttestations: false };
  const descriptor = parsed["containerimage.descriptor"];
  const mediaType = descriptor && typeof descriptor === "object" ? asString(descriptor["mediaType"]) : void 0;
  return {
    imageid,
    digest: asString(parsed["containerimage.digest"]),
    metadata: JSON.stringify(parsed, null, 2),
    imageName: asString(parsed["image.name"]),
    configDigest: asString(parsed["containerimage.config.digest"]),
    buildRef: asString(parsed["buildx.build.ref"]),
    mediaType,
    indexFromAttestations: build.attestations && build.platforms <= 1 && mediaType !== void 0 && INDEX_TYPES.has(mediaType)
  };
}

// src/build/cleanup.ts
import { rmSync } from "node:fs";
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function removeNow(paths) {
  for (const p of paths) {
    if (p === "") continue;
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
    }
  }
}
function removeOnSignal(paths, proc = process) {
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      removeNow(paths());
      uninstall();
      proc.kill(proc.pid, signal);
    };
    proc.once(signal, handler);
    return [signal, handler];
  });
  const uninstall = () => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler);
  };
  return uninstall;
}

// src/build/validate.ts
import { statSync } from "node:fs";
import * as path3 from "node:path";
var CACHE_TYPES = /* @__PURE__ */ new Set(["registry", "local", "inline", "gha", "s3", "azblob"]);
function kind(p) {
  try {
    const stat = statSync(p);
    return stat.isDirectory() ? "dir" : stat.isFile() ? "file" : void 0;
  } catch {
    return void 0;
  }
}
function validateCacheSpec(input, spec) {
  const fields = parseSpec(spec);
  if (fields.length === 1 && fields[0]?.value === void 0) return;
  const bare = fields.find((field) => field.value === void 0);
  if (bare)
    throw new UsageError(
      `Input "${input}": "${spec}" has a field "${bare.key}" without a value; write key=value pairs.`
    );
  const type = specValue(fields, "type");
  if (type === void 0 || type === "")
    throw new UsageError(
      `Input "${input}": "${spec}" has no type=; start it with type=registry, local, inline, gha, s3 or azblob.`
    );
  if (!CACHE_TYPES.has(type))
    throw new UsageError(
      `Input "${input}": unknown cache type "${type}"; use registry, local, inline, gha, s3 or azblob.`
    );
  const mode = specValue(fields, "mode");
  if (input === "cache-to" && mode !== void 0 && mode !== "min" && mode !== "max")
    throw new UsageError(`Input "cache-to": unknown mode "${mode}" in "${spec}"; use mode=min or mode=max.`);
  const required = type === "registry" ? "ref" : type === "local" ? input === "cache-from" ? "src" : "dest" : void 0;
  if (required && !specValue(fields, required))
    throw new UsageError(`Input "${input}": "${spec}" needs ${required}= for type=${type}.`);
}
function validateBuildInputs(inputs, deps) {
  for (const spec of inputs["cache-from"]) validateCacheSpec("cache-from", spec);
  for (const spec of inputs["cache-to"]) validateCacheSpec("cache-to", spec);
  if (inputs["cache-registry"] !== "" && /[\s,]/.test(inputs["cache-registry"]))
    throw new UsageError(
      `Input "cache-registry" must be one image reference such as ghcr.io/owner/app:buildcache, got "${inputs["cache-registry"]}".`
    );
  if (inputs.load && inputs.push && inputs.platforms.length > 1)
    throw new UsageError(
      `Inputs "push" and "load" cannot be used together with several platforms (${inputs.platforms.join(", ")}): the local engine cannot load a multi-platform image; drop "load", or build one platform.`
    );
  if (inputs.push && inputs.tags.length === 0)
    throw new UsageError(
      'Input "push" needs at least one tag to push to; set "tags" (e.g. ghcr.io/owner/app:latest).'
    );
  validateAttestInput("provenance", inputs.provenance);
  validateAttestInput("sbom", inputs.sbom);
  for (const attest of inputs.attests) {
    if (!specValue(parseSpec(attest), "type"))
      throw new UsageError(`Input "attests": "${attest}" has no type=; write e.g. type=sbom,generator=IMAGE.`);
  }
  for (const item of inputs.secrets) parseSecretPair("secrets", item);
  for (const item of inputs["secret-files"]) {
    const { id, value } = parseSecretPair("secret-files", item);
    if (kind(path3.resolve(deps.cwd, value)) !== "file")
      throw new UsageError(`Input "secret-files": the file for secret "${id}" does not exist: ${value}`);
  }
  for (const item of inputs["secret-envs"]) {
    const { id, value } = parseSecretPair("secret-envs", item);
    if (deps.env[value] === void 0)
      throw new UsageError(
        `Input "secret-envs": the environment variable ${value} for secret "${id}" is not set.`
      );
  }
  if (inputs.file === "-")
    throw new UsageError('Input "file": "-" (stdin) is not supported; give the path of the Dockerfile.');
  if (isRemoteContext(inputs.context)) return { file: inputs.file };
  if (inputs.context === "-")
    throw new UsageError(
      'Input "context": "-" (stdin) is not supported; give a directory or a git/URL context.'
    );
  const contextDir = path3.resolve(deps.cwd, inputs.context);
  if (kind(contextDir) !== "dir")
    throw new UsageError(`Input "context": the directory "${inputs.context}" does not exist.`);
  const dockerfilePath = inputs.file ? path3.resolve(deps.cwd, inputs.file) : path3.join(contextDir, "Dockerfile");
  if (kind(dockerfilePath) !== "file") {
    const where = inputs.file ? `"${inputs.file}" (resolved against the working directory, as docker buildx build -f does)` : `"${path3.relative(deps.cwd, dockerfilePath) || dockerfilePath}" (the default, {context}/Dockerfile)`;
    throw new UsageError(`Input "file": the Dockerfile ${where} does not exist.`);
  }
  return { contextDir, file: dockerfilePath, dockerfilePath };
}

// src/build/run.ts
function runCanPush(env, event) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  if (!["pull_request", "pull_request_review", "pull_request_review_comment"].includes(name)) return true;
  if (env.GITHUB_ACTOR === "dependabot[bot]") return false;
  const pr = event?.pull_request;
  if (!pr) return true;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  return head !== void 0 && head === base;
}
async function readEvent(env) {
  if (!env.GITHUB_EVENT_PATH) return void 0;
  try {
    return JSON.parse(await fs3.readFile(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return void 0;
  }
}
function workflowRunUrl(env) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? "") ? Number(env.GITHUB_RUN_ATTEMPT) : 1;
  return `${(env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${attempt}`;
}
function buildxEnv(env) {
  return { ...env, BUILDKIT_PROGRESS: env.BUILDKIT_PROGRESS || "plain", BUILDX_METADATA_WARNINGS: "true" };
}
function extractBuildError(lines) {
  const errors = [...new Set(lines.filter((line) => /^ERROR:? /.test(line)))];
  const block = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "------" && /^ > /.test(lines[i + 1] ?? "")) {
      for (let j = i + 1; j < lines.length && lines[j] !== "------"; j++) block.push(lines[j]);
      break;
    }
  }
  if (errors.length === 0)
    return lines.filter((line) => line.trim() !== "").slice(-10).join("\n");
  return [...block.slice(0, 1), ...block.slice(1).slice(-20), ...errors].join("\n");
}
function countCachedSteps(lines) {
  const steps = /* @__PURE__ */ new Set();
  for (const line of lines) {
    const match = /^#(\d+) CACHED$/.exec(line);
    if (match) steps.add(match[1]);
  }
  return steps.size;
}
var KEEP_LINES = 5e3;
async function runBuild(given, deps) {
  const now = deps.now ?? Date.now;
  const started = now();
  const event = await readEvent(deps.env);
  const resolved = resolveContext(given.context, deps.env, event);
  const inputs = { ...given, context: resolved.context };
  const validated = validateBuildInputs(inputs, { cwd: deps.cwd, env: deps.env });
  const info = deps.buildx ?? await detectBuildx(deps.runner, inputs.builder);
  checkBuilderSupports(inputs, info);
  const canPush = deps.canPush ?? runCanPush(deps.env, event);
  const attestations = planAttestations(inputs, {
    builderId: workflowRunUrl(deps.env),
    privateRepository: isPrivateRepository(event),
    support: info.attestationSupport,
    noDefaults: /^(1|t|true)$/i.test(deps.env.BUILDX_NO_DEFAULT_ATTESTATIONS ?? "")
  });
  if (attestations.skipped) deps.notice(attestations.skipped);
  await fs3.mkdir(deps.tempDir, { recursive: true });
  const work = await fs3.mkdtemp(path4.join(deps.tempDir, "stagegate-build-"));
  let secrets;
  const uninstall = removeOnSignal(() => [secrets?.dir ?? "", work]);
  try {
    secrets = await prepareSecrets(
      inputs,
      { tempRoot: deps.tempDir, mask: deps.mask, env: deps.env, cwd: deps.cwd },
      {
        context: resolved.context,
        defaultContext: resolved.defaultContext,
        serverUrl: deps.env.GITHUB_SERVER_URL || "https://github.com"
      }
    );
    const redact = secrets.redact;
    const cache = deps.cache ?? actionsCacheService();
    let localCache;
    if (inputs["cache-local"]) {
      if (!info.cacheExportSupported)
        deps.notice(
          `cache-local is skipped: the builder "${info.builderName}" (docker driver on the classic image store) cannot export cache; enable the containerd image store or use a docker-container builder.`
        );
      else
        localCache = await restoreLocalCache({
          service: cache,
          root: deps.tempDir,
          contextDir: validated.contextDir,
          dockerfilePath: validated.dockerfilePath,
          target: inputs.target,
          platforms: inputs.platforms,
          env: deps.env
        });
    }
    const env = {
      metadataFile: path4.join(work, "metadata.json"),
      iidFile: path4.join(work, "iid"),
      context: resolved.context,
      defaultContext: resolved.defaultContext,
      secrets: secrets.groups,
      canExportCache: canPush,
      cacheExportSupported: info.cacheExportSupported,
      buildxVersion: info.buildxVersion,
      attests: attestations.args,
      localCache: localCache ? { src: localCache.src, dest: localCache.dest } : void 0
    };
    const plan = planCache(inputs, env);
    if (plan.dropped.length > 0) {
      const why = !info.cacheExportSupported ? `the builder "${info.builderName}" (docker driver on the classic image store) cannot export cache` : "this run cannot push (a pull request from a fork, or a read-only token)";
      deps.notice(
        `Cache export skipped because ${why}; the build still imports the cache. Dropped: ${plan.dropped.map(redact).join("; ")}`
      );
    }
    const args = getBuildArgs(inputs, env);
    const argv = args.map(redact);
    deps.log(`docker ${argv.join(" ")}`);
    const lines = [];
    const onLine = (line) => {
      const clean = redact(line);
      lines.push(clean);
      if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
      deps.log(clean);
    };
    const run = await deps.runner.exec(args, {
      onStdout: onLine,
      onStderr: onLine,
      env: buildxEnv(deps.env),
      cwd: deps.cwd
    });
    const ok = run.exitCode === 0;
    const outputs = parseBuildOutputs(
      await fs3.readFile(env.metadataFile, "utf8").catch(() => void 0),
      await fs3.readFile(env.iidFile, "utf8").catch(() => void 0),
      { platforms: inputs.platforms.length, attestations: attestations.sbom || attestations.provenance }
    );
    if (localCache) {
      try {
        await saveLocalCache(cache, localCache, ok);
      } catch (error) {
        deps.notice(
          `cache-local: saving the cache failed (${redact(String(error))}); the build is not affected.`
        );
      }
    }
    return {
      ok,
      error: ok ? void 0 : redact(extractBuildError(lines)) || `buildx exited with code ${run.exitCode}`,
      imageid: outputs.imageid,
      digest: outputs.digest,
      metadata: outputs.metadata === void 0 ? void 0 : redact(outputs.metadata),
      imageName: outputs.imageName,
      indexFromAttestations: outputs.indexFromAttestations,
      seconds: (now() - started) / 1e3,
      argv,
      cacheExportDropped: plan.dropped.length > 0,
      cachedSteps: countCachedSteps(lines),
      dockerfile: validated.dockerfilePath,
      buildx: info,
      context: resolved.context,
      attestations: { sbom: attestations.sbom, provenance: attestations.provenance },
      filesOnly: inputs.outputs.length > 0 && inputs.outputs.every((output) => hasExporterType("local", [output]) || hasExporterType("tar", [output]))
    };
  } finally {
    uninstall();
    await secrets?.dispose();
    await fs3.rm(work, { recursive: true, force: true });
  }
}

// src/config-load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync as statSync2 } from "node:fs";
import { isAbsolute, join as join5, relative as relative3, resolve as resolve3 } from "node:path";

// src/config.ts
function emptyConfig() {
  return {
    ignore: [],
    severity: {},
    trustedRegistries: [],
    thresholds: {},
    allow: { paths: [] },
    labelSchema: {},
    strictLabels: false,
    sources: []
  };
}

// src/config-load.ts
var STAGEGATE_CONFIG_NAMES = [
  ".stagegate.yml",
  ".stagegate.yaml",
  ".github/stagegate.yml",
  ".github/stagegate.yaml"
];
var HADOLINT_CONFIG_NAMES = [".hadolint.yaml", ".hadolint.yml"];
var FAIL_ON = ["error", "warning", "note", "never"];
var SEVERITY_VALUES = ["error", "warning", "note", "off"];
var STAGEGATE_KEYS = /* @__PURE__ */ new Set([
  "fail-on",
  "ignore",
  "severity",
  "trusted-registries",
  "thresholds",
  "allow",
  "label-schema",
  "strict-labels"
]);
var THRESHOLD_KEYS = {
  efficiency: "efficiency",
  "wasted-bytes": "wastedBytes",
  "image-size": "imageSize",
  "layer-count": "layerCount"
};
var HADOLINT_SEVERITY = {
  error: "error",
  warning: "warning",
  info: "note",
  style: "note",
  ignore: "off",
  none: "off"
};
var LABEL_TYPES = /* @__PURE__ */ new Set(["text", "url", "semver", "hash", "rfc3339", "spdx", "email"]);
function loadConfig(options) {
  const config = emptyConfig();
  const set = /* @__PURE__ */ new Set();
  const stagegatePath = findStagegateConfig(options);
  if (stagegatePath) {
    const label = displayName(options.cwd, stagegatePath);
    applyStagegate(config, set, readYaml(stagegatePath, label), label, options.knownRuleIds);
    config.sources.push(label);
  }
  const hadolintPath = HADOLINT_CONFIG_NAMES.map((name) => join5(options.cwd, name)).find(isFile);
  if (hadolintPath) {
    const label = displayName(options.cwd, hadolintPath);
    if (applyHadolint(config, set, readYaml(hadolintPath, label), label)) config.sources.push(label);
  }
  const divePath = join5(options.cwd, ".dive-ci");
  if (isFile(divePath)) {
    const label = displayName(options.cwd, divePath);
    config.dive = { source: label, rules: parseDiveCi(readFileSync(divePath, "utf8"), label) };
    config.sources.push(label);
  }
  return config;
}
function isFile(path5) {
  try {
    return statSync2(path5).isFile();
  } catch {
    return false;
  }
}
function findStagegateConfig(options) {
  if (options.explicitPath !== void 0 && options.explicitPath !== "") {
    const path5 = isAbsolute(options.explicitPath) ? options.explicitPath : resolve3(options.cwd, options.explicitPath);
    if (!existsSync(path5)) throw new UsageError(`config file not found: ${options.explicitPath}`);
    if (!isFile(path5)) throw new UsageError(`config file is not a file: ${options.explicitPath}`);
    return path5;
  }
  return STAGEGATE_CONFIG_NAMES.map((name) => join5(options.cwd, name)).find(isFile);
}
function displayName(cwd, path5) {
  const rel = relative3(cwd, path5);
  return rel !== "" && !rel.startsWith("..") ? rel : path5;
}
function readYaml(path5, label) {
  let text2;
  try {
    text2 = readFileSync(path5, "utf8");
  } catch (error) {
    throw new UsageError(`${label}: cannot read: ${error.message}`);
  }
  try {
    return (0, import_yaml.parse)(text2) ?? {};
  } catch (error) {
    const first = (error.message ?? "").split("\n")[0];
    throw new UsageError(`${label}: invalid YAML: ${first}`);
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function show(value) {
  return JSON.stringify(value) ?? String(value);
}
function stringList(value, where) {
  if (typeof value === "string")
    return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" || typeof item === "number"))
    throw new UsageError(`${where} must be a list of strings, got ${show(value)}`);
  return value.map((item) => String(item).trim()).filter((s) => s !== "");
}
function checkRuleIds(ids, where, known) {
  for (const id of ids)
    if (!known(id)) throw new UsageError(`${where}: unknown rule id "${id}" (see \`stagegate rules\`)`);
}
function applyStagegate(config, set, data, label, known) {
  if (!isRecord(data)) throw new UsageError(`${label}: must be a mapping of settings, got ${show(data)}`);
  for (const key of Object.keys(data)) {
    if (!STAGEGATE_KEYS.has(key))
      throw new UsageError(
        `${label}: unknown key "${key}" (expected one of ${[...STAGEGATE_KEYS].join(", ")})`
      );
  }
  if ("fail-on" in data) {
    const value = data["fail-on"];
    if (typeof value !== "string" || !FAIL_ON.includes(value))
      throw new UsageError(`${label}: fail-on must be one of ${FAIL_ON.join(", ")}, got ${show(value)}`);
    config.failOn = value;
    set.add("failOn");
  }
  if ("ignore" in data) {
    config.ignore = stringList(data["ignore"] ?? [], `${label}: ignore`);
    checkRuleIds(config.ignore, `${label}: ignore`, known);
    set.add("ignore");
  }
  if ("severity" in data) {
    const value = data["severity"] ?? {};
    if (!isRecord(value))
      throw new UsageError(`${label}: severity must be a mapping of rule id to level, got ${show(value)}`);
    for (const [id, level] of Object.entries(value)) {
      checkRuleIds([id], `${label}: severity`, known);
      const normalized = typeof level === "string" ? HADOLINT_SEVERITY[level] ?? level : level;
      if (typeof normalized !== "string" || !SEVERITY_VALUES.includes(normalized))
        throw new UsageError(
          `${label}: severity.${id} must be one of ${SEVERITY_VALUES.join(", ")}, got ${show(level)}`
        );
      config.severity[id] = normalized;
    }
    set.add("severity");
  }
  if ("trusted-registries" in data) {
    config.trustedRegistries = stringList(data["trusted-registries"] ?? [], `${label}: trusted-registries`);
    set.add("trustedRegistries");
  }
  if ("thresholds" in data) {
    const value = data["thresholds"] ?? {};
    if (!isRecord(value)) throw new UsageError(`${label}: thresholds must be a mapping, got ${show(value)}`);
    for (const [key, raw] of Object.entries(value)) {
      const field = THRESHOLD_KEYS[key];
      if (!field)
        throw new UsageError(
          `${label}: unknown key "thresholds.${key}" (expected one of ${Object.keys(THRESHOLD_KEYS).join(", ")})`
        );
      config.thresholds[field] = thresholdValue(key, raw, label);
    }
  }
  if ("allow" in data) {
    const value = data["allow"] ?? {};
    if (!isRecord(value)) throw new UsageError(`${label}: allow must be a mapping, got ${show(value)}`);
    for (const key of Object.keys(value))
      if (key !== "paths") throw new UsageError(`${label}: unknown key "allow.${key}" (expected paths)`);
    config.allow.paths = stringList(value["paths"] ?? [], `${label}: allow.paths`);
  }
  if ("label-schema" in data) {
    config.labelSchema = labelSchema(data["label-schema"], label);
    set.add("labelSchema");
  }
  if ("strict-labels" in data) {
    const value = data["strict-labels"];
    if (typeof value !== "boolean")
      throw new UsageError(`${label}: strict-labels must be true or false, got ${show(value)}`);
    config.strictLabels = value;
    set.add("strictLabels");
  }
}
function thresholdValue(key, raw, label) {
  if (key === "efficiency") {
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1)
      throw new UsageError(
        `${label}: thresholds.efficiency must be a number between 0 and 1, got ${show(raw)}`
      );
    return value;
  }
  if (key === "layer-count") {
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 1)
      throw new UsageError(`${label}: thresholds.layer-count must be a positive integer, got ${show(raw)}`);
    return raw;
  }
  const bytes = parseSize(raw);
  if (bytes === void 0)
    throw new UsageError(
      `${label}: thresholds.${key} must be a size such as 20MB, 300MiB or 1000000, got ${show(raw)}`
    );
  return bytes;
}
var SIZE_UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
};
function parseSize(raw) {
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : void 0;
  if (typeof raw !== "string") return void 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(raw);
  if (!match) return void 0;
  const unit = match[2].toLowerCase();
  const factor = unit === "" ? 1 : SIZE_UNITS[unit];
  if (factor === void 0) return void 0;
  return Math.round(Number(match[1]) * factor);
}
function labelSchema(value, label) {
  if (value === null || value === void 0) return {};
  if (!isRecord(value))
    throw new UsageError(`${label}: label-schema must be a mapping of label name to type, got ${show(value)}`);
  const schema = {};
  for (const [name, type] of Object.entries(value)) {
    if (typeof type !== "string" || !LABEL_TYPES.has(type))
      throw new UsageError(
        `${label}: label-schema.${name} must be one of ${[...LABEL_TYPES].join(", ")}, got ${show(type)}`
      );
    schema[name] = type;
  }
  return schema;
}
function applyHadolint(config, set, data, label) {
  if (!isRecord(data)) throw new UsageError(`${label}: must be a mapping of settings, got ${show(data)}`);
  let used = false;
  if ("ignored" in data && !set.has("ignore")) {
    config.ignore = stringList(data["ignored"] ?? [], `${label}: ignored`);
    used = true;
  }
  if ("override" in data && !set.has("severity")) {
    const value = data["override"] ?? {};
    if (!isRecord(value))
      throw new UsageError(`${label}: override must be a mapping of level to rule ids, got ${show(value)}`);
    for (const [level, ids] of Object.entries(value)) {
      const severity = HADOLINT_SEVERITY[level];
      if (!severity)
        throw new UsageError(
          `${label}: override.${level} is not a hadolint level (error, warning, info, style)`
        );
      for (const id of stringList(ids ?? [], `${label}: override.${level}`)) config.severity[id] = severity;
    }
    used = true;
  }
  if ("trustedRegistries" in data && !set.has("trustedRegistries")) {
    config.trustedRegistries = stringList(data["trustedRegistries"] ?? [], `${label}: trustedRegistries`);
    used = true;
  }
  if ("failure-threshold" in data && !set.has("failOn")) {
    const value = data["failure-threshold"];
    const severity = typeof value === "string" ? HADOLINT_SEVERITY[value] : void 0;
    if (!severity)
      throw new UsageError(
        `${label}: failure-threshold must be one of error, warning, info, style, ignore, none, got ${show(value)}`
      );
    config.failOn = severity === "off" ? "never" : severity;
    used = true;
  }
  if ("label-schema" in data && !set.has("labelSchema")) {
    config.labelSchema = labelSchema(data["label-schema"], label);
    used = true;
  }
  if ("strict-labels" in data && !set.has("strictLabels")) {
    const value = data["strict-labels"];
    if (typeof value !== "boolean")
      throw new UsageError(`${label}: strict-labels must be true or false, got ${show(value)}`);
    config.strictLabels = value;
    used = true;
  }
  return used;
}

// src/lint/lint-file.ts
import { readFileSync as readFileSync2, statSync as statSync3 } from "node:fs";
import { basename, dirname, isAbsolute as isAbsolute2, join as join7, relative as relative4, resolve as resolve4 } from "node:path";

// src/lint/engine.ts
var UNKNOWN_PRAGMA_RULE = "SG1000";
function ruleResolver2(rules = LINT_RULES) {
  return ruleResolver(rules, isBuildkitName);
}
var BUILDKIT_NAMES = new Set(BUILDKIT_CHECK_NAMES);
function isBuildkitName(name) {
  return BUILDKIT_NAMES.has(name);
}
function lintModelDetailed(model, context) {
  clearShellCache();
  try {
    return lintModelUncached(model, context);
  } finally {
    clearShellCache();
  }
}
function lintModelUncached(model, context) {
  const rules = context.rules ?? LINT_RULES;
  const resolver = ruleResolver2(rules);
  const notices = [];
  const config = context.config;
  const { skipped, severity: severityOverride } = configPolicy(config, resolver);
  const check = parseCheckDirective(model);
  if (check) {
    if (check.skipAll) for (const id of resolver.buildkitIds) skipped.add(id);
    for (const name of check.skip) for (const id of resolver.resolve(name)) skipped.add(id);
  }
  const experimentalOn = /* @__PURE__ */ new Set();
  if (check)
    for (const name of check.experimental) for (const id of resolver.resolve(name)) experimentalOn.add(id);
  const enabled = (rule) => {
    if (severityOverride.has(rule.id)) return true;
    if (rule.experimental === true) return check?.experimentalAll === true || experimentalOn.has(rule.id);
    return !isOffByDefault(rule);
  };
  const raw = [];
  const lintContext = context.dockerignore === void 0 ? { model, config } : { model, config, dockerignore: context.dockerignore };
  for (const rule of rules) {
    if (skipped.has(rule.id) && context.keepSilenced !== true) continue;
    if (!enabled(rule)) continue;
    let hits;
    try {
      hits = rule.check(lintContext);
    } catch (error) {
      if (!skipped.has(rule.id))
        notices.push(
          `rule ${rule.id} failed on ${model.path}: ${error instanceof Error ? error.message : String(error)}`
        );
      continue;
    }
    for (const hit of hits) {
      const finding = {
        ruleId: rule.id,
        severity: rule.severity,
        message: hit.message,
        line: hit.line
      };
      if (hit.endLine !== void 0 && hit.endLine !== hit.line) finding.endLine = hit.endLine;
      if (hit.stage !== void 0) finding.stage = stageRefAt(model, hit.stage);
      if (hit.evidence !== void 0) finding.evidence = hit.evidence;
      raw.push(finding);
    }
  }
  for (const extra of context.extraFindings ?? []) {
    if (skipped.has(extra.ruleId)) continue;
    raw.push(extra.stage === void 0 && extra.line !== void 0 ? withStage(model, extra) : extra);
  }
  const pragmas = pragmaIndex(model, resolver, (name) => resolver.isKnown(name) || isImageCheckName(name));
  if (!skipped.has(UNKNOWN_PRAGMA_RULE)) {
    for (const { name, line } of pragmas.unknown) {
      raw.push(
        withStage(model, {
          ruleId: UNKNOWN_PRAGMA_RULE,
          severity: ruleSeverity(rules, UNKNOWN_PRAGMA_RULE),
          message: `Unknown rule id "${name}" in an ignore pragma: check the spelling (see \`stagegate rules\`).`,
          line
        })
      );
    }
  }
  const suppressed = (finding) => pragmas.suppresses(finding.ruleId, finding.line ?? 0);
  const findings = [];
  const silenced = [];
  for (const finding of raw) {
    if (suppressed(finding) || skipped.has(finding.ruleId)) {
      if (context.keepSilenced === true) silenced.push(finding);
      continue;
    }
    const override = severityOverride.get(finding.ruleId);
    if (override) finding.severity = override;
    else if (check?.error && resolver.buildkitIds.has(finding.ruleId)) finding.severity = "error";
    if (finding.file === void 0) finding.file = model.path;
    findings.push(finding);
  }
  findings.sort(compareInFile);
  return { findings, notices, ...context.keepSilenced === true ? { silenced } : {} };
}
var collator = new Intl.Collator();
var RANK = { error: 0, warning: 1, note: 2 };
function compareInFile(a, b) {
  return RANK[a.severity] - RANK[b.severity] || (a.file === b.file ? 0 : compareFindings(a, b)) || (a.line ?? 0) - (b.line ?? 0) || collator.compare(a.ruleId, b.ruleId) || collator.compare(a.path ?? "", b.path ?? "");
}
function ruleSeverity(rules, id) {
  return rules.find((rule) => rule.id === id)?.severity ?? "warning";
}
function stageRefAt(model, index) {
  const stage = model.stages[index];
  return stage ? stageRefOf(stage) : { index, final: false };
}
function withStage(model, finding) {
  const index = finding.line !== void 0 ? stageAtLine(model, finding.line) : void 0;
  return index === void 0 ? finding : { ...finding, stage: stageRefAt(model, index) };
}

// src/lint/shellcheck.ts
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync as rmSync2, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { delimiter, join as join6 } from "node:path";
var SHELLCHECK_MISSING_NOTICE = "shellcheck not found on PATH: SC checks skipped (install it, e.g. `apt-get install shellcheck`)";
var EXCLUDED_CODES = ["SC1090", "SC1091", "SC2187"];
var SEVERITY = { error: "error", warning: "warning", info: "note", style: "note" };
var PREDEFINED_ARGS = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy"
];
var SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var MENTION = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
var DEFAULT_LIMITS = {
  maxBodyLines: 2e3,
  maxBodyBytes: 64 * 1024,
  maxBatchLines: 4e4,
  maxBatchBytes: 2 * 1024 * 1024,
  maxArgvBytes: 96 * 1024,
  timeoutMs: 12e4,
  parallel: Math.max(1, Math.min(4, availableParallelism()))
};
function shellDialect(shell) {
  const program = (shell[0] ?? "/bin/sh").split(/[\\/]/).pop()?.toLowerCase() ?? "sh";
  if (program === "bash") return "bash";
  if (program === "dash") return "dash";
  if (program === "ksh" || program === "mksh") return "ksh";
  if (program === "sh" || program === "ash" || program === "busybox") return "sh";
  return void 0;
}
function shellScripts(model) {
  const scripts = [];
  for (const source of modelRunScripts(model)) {
    const script = toShellScript(source);
    if (script) scripts.push(script);
  }
  return scripts;
}
function toShellScript(source) {
  const dialect = shellDialect(source.shell);
  if (!dialect) return void 0;
  if (source.lines.every((line) => line.trim() === "" || line.trim() === "\\")) return void 0;
  const mentioned = /* @__PURE__ */ new Set();
  for (const line of source.lines)
    for (const match of line.matchAll(MENTION)) mentioned.add(match[1]);
  const names = [...new Set(source.vars)].filter((name) => mentioned.has(name) && SHELL_NAME.test(name)).sort();
  const header = [`# shellcheck shell=${dialect}`];
  if (names.length > 0) header.push(`export ${names.map((name) => `${name}=1`).join(" ")}`);
  const text2 = [...header, ...source.lines].join("\n") + "\n";
  return {
    text: text2,
    dialect,
    headerLines: header.length,
    lineNumbers: source.lineNumbers,
    firstLine: source.lineNumbers[0] ?? 0,
    lastLine: source.lineNumbers.at(-1) ?? 0,
    stage: source.stage,
    bytes: Buffer.byteLength(text2)
  };
}
var SHELL_PRAGMA = /^(?:hadolint|stagegate)\s+shell\s*=\s*(\S+)/i;
function modelRunScripts(model) {
  const lines = sourceLines(model);
  const escape = model.directives.find((d) => d.name === "escape")?.value === "`" ? "`" : "\\";
  const shellPragmas = [];
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text);
    if (match) shellPragmas.push({ line: comment.line, shell: match[1] });
  }
  const stageEnv = [];
  const out = [];
  for (const stage of model.stages) {
    const base = stage.baseStage !== void 0 ? model.stages[stage.baseStage] : void 0;
    let shell = base ? base.shell : ["/bin/sh", "-c"];
    const env = new Set(stage.baseStage !== void 0 ? stageEnv[stage.baseStage] ?? [] : []);
    const args = new Set(PREDEFINED_ARGS);
    for (const instruction of stage.instructions) {
      if (instruction.keyword === "ARG" || instruction.keyword === "ENV") {
        for (const name of declaredNames(instruction)) (instruction.keyword === "ENV" ? env : args).add(name);
        continue;
      }
      if (instruction.keyword === "SHELL" && instruction.jsonForm && instruction.argv.length > 0)
        shell = instruction.argv;
      const onbuild = instruction.keyword === "ONBUILD" && isOnbuildShellRun(instruction);
      if (!onbuild && (instruction.keyword !== "RUN" || instruction.jsonForm)) continue;
      const pragma = shellPragmaBefore(shellPragmas, instruction.line);
      const body = scriptLines(instruction, lines, escape, onbuild ? 2 : 1);
      if (!body) continue;
      out.push({
        stage: stage.index,
        lines: body.lines,
        lineNumbers: body.lines.map((_line, index) => body.firstLine + index),
        shell: pragma !== void 0 ? [pragma] : shell,
        vars: [...env, ...args]
      });
    }
    stageEnv[stage.index] = env;
  }
  return out;
}
function isOnbuildShellRun(instruction) {
  const [trigger, next] = instruction.argv;
  return trigger?.toUpperCase() === "RUN" && next !== void 0 && !next.startsWith("[") && !next.startsWith("<<");
}
function declaredNames(instruction) {
  const argv = instruction.argv;
  if (instruction.keyword === "ENV" && argv.length > 1 && !argv[0]?.includes("=")) return [argv[0]];
  return argv.map((word) => splitKeyValue(word).key).filter((key) => SHELL_NAME.test(key));
}
function shellPragmaBefore(pragmas, line) {
  let found;
  for (const pragma of pragmas) {
    if (pragma.line >= line) break;
    found = pragma.shell;
  }
  return found;
}
function scriptLines(instruction, lines, escape, keywords = 1) {
  const first = instruction.argv[0] ?? "";
  if (keywords === 1 && instruction.heredocs.length > 0 && first.startsWith("<<")) {
    const heredoc = instruction.heredocs[0];
    if (!heredoc) return void 0;
    const start = heredoc.line + 1;
    const end = Math.max(start - 1, heredoc.endLine - 1);
    return { firstLine: start, lines: lines.slice(start - 1, end) };
  }
  const raw = lines.slice(instruction.line - 1, instruction.endLine);
  const out = [];
  let inFlags = true;
  const continuation = escape === "`" ? /`[ \t]*$/ : /\\[ \t]+$/;
  raw.forEach((line, index) => {
    let text2 = line;
    const heredocLine = inHeredocBody(instruction, instruction.line + index);
    const trimmed = text2.trim();
    if (index > 0 && (trimmed === "" || trimmed.startsWith("#")) && !heredocLine) {
      out.push("\\");
      return;
    }
    if (index === 0)
      text2 = text2.replace(keywords === 2 ? /^\s*\S+\s+\S+/ : /^\s*\S+/, (keyword) => " ".repeat(keyword.length));
    if (inFlags) {
      const flags = /^(\s*)((?:--\S+\s*)*)/.exec(text2);
      const consumed = flags ? flags[2] : "";
      text2 = text2.replace(/^(\s*)((?:--\S+\s*)*)/, (_m, space) => space + " ".repeat(consumed.length));
      const rest = text2.trim();
      if (rest !== "" && rest !== escape) inFlags = false;
    }
    if (!heredocLine && continuation.test(text2)) text2 = text2.replace(continuation, "\\");
    out.push(text2);
  });
  return { firstLine: instruction.line, lines: out };
}
function inHeredocBody(instruction, line) {
  return instruction.heredocs.some((heredoc) => line > heredoc.line && line <= heredoc.endLine);
}
function findOnPath(name, path5 = process.env["PATH"] ?? "") {
  for (const dir of path5.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join6(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function planBatches(scripts, limits) {
  const skipped = [];
  const byText = /* @__PURE__ */ new Map();
  for (const entry of scripts) {
    const lines = entry.script.lineNumbers.length;
    if (lines > limits.maxBodyLines || entry.script.bytes > limits.maxBodyBytes) {
      skipped.push({ ...entry, lines });
      continue;
    }
    const same = byText.get(entry.script.text);
    if (same) same.owners.push(entry);
    else byText.set(entry.script.text, { name: `${byText.size}.sh`, script: entry.script, owners: [entry] });
  }
  const accepted = [...byText.values()];
  const totalBytes = accepted.reduce((sum, entry) => sum + entry.script.bytes, 0);
  const share = accepted.length >= 32 ? Math.ceil(totalBytes / Math.max(1, limits.parallel)) : Number.POSITIVE_INFINITY;
  const batches = [];
  let current = [];
  let argv = 0;
  let bytes = 0;
  let lineCount = 0;
  for (const entry of accepted) {
    const nameBytes = Buffer.byteLength(entry.name) + 1;
    const lines = entry.script.lineNumbers.length + entry.script.headerLines;
    if (current.length > 0 && (argv + nameBytes > limits.maxArgvBytes || bytes + entry.script.bytes > limits.maxBatchBytes || lineCount + lines > limits.maxBatchLines || bytes >= share)) {
      batches.push(current);
      current = [];
      argv = 0;
      bytes = 0;
      lineCount = 0;
    }
    current.push(entry);
    argv += nameBytes;
    bytes += entry.script.bytes;
    lineCount += lines;
  }
  if (current.length > 0) batches.push(current);
  return { batches, skipped };
}
async function runShellcheckBatch(models, options = {}) {
  const outcomes = models.map(() => ({ findings: [], notices: [] }));
  const binary = options.binary ?? findOnPath("shellcheck");
  if (!binary) {
    for (const outcome of outcomes) outcome.notices.push(SHELLCHECK_MISSING_NOTICE);
    return outcomes;
  }
  const limits = {
    ...DEFAULT_LIMITS,
    ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {},
    ...options.limits
  };
  const scripts = models.flatMap(
    (model, index) => shellScripts(model).map((script) => ({ model: index, script }))
  );
  const plan = planBatches(scripts, limits);
  for (const [index, skipped] of groupByModel(plan.skipped)) {
    const where = skipped.map((entry) => entry.script.firstLine).join(", ");
    outcomes[index].notices.push(
      `shellcheck skipped ${skipped.length === 1 ? "the RUN" : `${skipped.length} RUNs`} at line ${where}: more than ${limits.maxBodyLines} lines or ${Math.round(limits.maxBodyBytes / 1024)} KiB of script, too big to check`
    );
  }
  if (plan.batches.length === 0) return outcomes;
  const dir = mkdtempSync(join6(tmpdir(), "stagegate-sc-"));
  try {
    for (const batch of plan.batches)
      for (const entry of batch) writeFileSync(join6(dir, entry.name), entry.script.text, { mode: 384 });
    const results = await mapParallel(
      plan.batches,
      limits.parallel,
      (batch) => execShellcheck(binary, dir, batch, limits.timeoutMs)
    );
    plan.batches.forEach((batch, batchIndex) => {
      const result = results[batchIndex];
      if ("error" in result) {
        for (const index of new Set(batch.flatMap((entry) => entry.owners.map((owner) => owner.model)))) {
          const notice = `shellcheck failed: ${result.error}: SC checks skipped`;
          const notices = outcomes[index].notices;
          if (!notices.includes(notice)) notices.push(notice);
        }
        return;
      }
      const byName = new Map(batch.map((entry) => [entry.name, entry]));
      for (const comment of result.comments) {
        for (const owner of byName.get(comment.file)?.owners ?? []) {
          const finding = toFinding(comment, owner.script);
          if (finding) outcomes[owner.model].findings.push(finding);
        }
      }
    });
    return outcomes;
  } finally {
    rmSync2(dir, { recursive: true, force: true });
  }
}
function toFinding(comment, script) {
  const bodyIndex = comment.line - 1 - script.headerLines;
  const clamp = (index) => script.lineNumbers[Math.min(script.lineNumbers.length - 1, Math.max(0, index))];
  if (script.lineNumbers.length === 0) return void 0;
  const line = clamp(bodyIndex);
  const finding = {
    ruleId: `SC${comment.code}`,
    severity: SEVERITY[comment.level] ?? "warning",
    message: comment.message,
    line
  };
  if (bodyIndex >= 0 && comment.column !== void 0 && comment.column > 0) finding.column = comment.column;
  if (comment.endLine !== void 0) {
    const endIndex = comment.endLine - 1 - script.headerLines;
    const endLine = clamp(endIndex);
    if (endIndex < script.lineNumbers.length && endLine > line) finding.endLine = endLine;
  }
  return finding;
}
function groupByModel(entries) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const list2 = groups2.get(entry.model);
    if (list2) list2.push(entry);
    else groups2.set(entry.model, [entry]);
  }
  return groups2;
}
async function mapParallel(items, width, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}
var MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
function execShellcheck(binary, dir, batch, timeoutMs) {
  const args = [
    "--format=json1",
    "--norc",
    `--exclude=${EXCLUDED_CODES.map((c) => c.slice(2)).join(",")}`,
    ...batch.map((entry) => entry.name)
  ];
  return new Promise((resolve5) => {
    execFile(
      binary,
      args,
      {
        cwd: dir,
        // names are short and relative: the argv stays small
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: "utf8",
        // A small, fixed environment: UTF-8 scripts read as UTF-8, and no inherited
        // environment adds to the argv's share of ARG_MAX.
        env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", LC_ALL: "C.UTF-8", LANG: "C.UTF-8" }
      },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (error && code !== 1) {
          const reason = error.killed ? `timed out after ${timeoutMs >= 1e3 ? `${Math.round(timeoutMs / 1e3)} s` : `${timeoutMs} ms`}` : code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER" ? "too much output" : (stderr.split("\n")[0] ?? "") || error.message.split("\n")[0] || "unknown error";
          resolve5({ error: reason });
          return;
        }
        try {
          const parsed = JSON.parse(stdout);
          resolve5({ comments: parsed.comments ?? [] });
        } catch {
          resolve5({ error: "unreadable output" });
        }
      }
    );
  });
}

// src/lint/lint-file.ts
var MAX_DOCKERFILE_BYTES = 10 * 1024 * 1024;
function readDockerfile(path5, display) {
  let stats;
  try {
    stats = statSync3(path5);
  } catch {
    throw new UsageError(`Dockerfile not found: ${display}`);
  }
  if (stats.isDirectory()) throw new UsageError(`${display} is not a Dockerfile: it is a directory`);
  if (!stats.isFile()) throw new UsageError(`${display} is not a Dockerfile: it is not a regular file`);
  if (stats.size > MAX_DOCKERFILE_BYTES)
    throw new UsageError(
      `${display} is not a Dockerfile: it is ${(stats.size / 1024 / 1024).toFixed(1)} MB (the limit is 10 MB)`
    );
  let buffer;
  try {
    buffer = readFileSync2(path5);
  } catch (error) {
    throw new UsageError(`cannot read ${display}: ${error.message}`);
  }
  if (buffer.includes(0))
    throw new UsageError(`${display} is not a Dockerfile: it contains binary data (NUL bytes)`);
  let text2 = buffer.toString("utf8");
  if (text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
  return text2;
}
function findDockerignore(dockerfilePath, contextDir) {
  const candidates = [
    join7(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`),
    join7(contextDir, ".dockerignore")
  ];
  for (const candidate of candidates) {
    try {
      if (statSync3(candidate).isFile()) return parseDockerignore(readFileSync2(candidate, "utf8"));
    } catch {
    }
  }
  return null;
}
async function lintFile(path5, options) {
  const [result] = await lintFiles([path5], options);
  return result;
}
async function lintFiles(paths, options) {
  const prepared = paths.map((path5) => prepareFile(path5, options));
  const shellcheck = options.shellcheck !== false ? await runShellcheckBatch(prepared.map((file) => file.model)) : prepared.map(() => ({ findings: [], notices: [] }));
  return prepared.map((file, index) => {
    const outcome = shellcheck[index] ?? { findings: [], notices: [] };
    const notices = [...outcome.notices];
    const result = lintModelDetailed(file.model, {
      config: options.config,
      dockerignore: file.dockerignore,
      extraFindings: outcome.findings,
      ...options.keepSilenced === true ? { keepSilenced: true } : {}
    });
    notices.push(...result.notices);
    return {
      model: file.model,
      findings: result.findings,
      notices,
      ...result.silenced ? { silenced: result.silenced } : {}
    };
  });
}
function prepareFile(path5, options) {
  const cwd = options.cwd ?? process.cwd();
  const absolute = isAbsolute2(path5) ? path5 : resolve4(cwd, path5);
  const rel = relative4(cwd, absolute);
  const display = rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel) ? rel : absolute;
  const text2 = readDockerfile(absolute, path5);
  const model = parseDockerfile(
    text2,
    options.target === void 0 ? { path: display } : { path: display, target: options.target }
  );
  if (allInstructions(model).length === 0) {
    throw new UsageError(
      `${path5} is not a Dockerfile: it has no instructions${text2.trim() === "" ? " (the file is empty)" : ""}`
    );
  }
  if (model.stages.length === 0 && !allInstructions(model).some((instruction) => KNOWN_KEYWORD.test(instruction.keyword))) {
    throw new UsageError(`${path5} is not a Dockerfile: no line starts with a Dockerfile instruction`);
  }
  if (options.target !== void 0 && findStageIndex(model.stages, options.target, false) === void 0) {
    const names = model.stages.map((stage) => stage.name).filter((name) => name !== void 0);
    throw new UsageError(
      `target stage "${options.target}" not found in ${path5}${names.length > 0 ? ` (stages: ${names.join(", ")})` : " (it has no named stages)"}`
    );
  }
  const contextDir = options.context !== void 0 ? resolve4(cwd, options.context) : dirname(absolute);
  return { model, dockerignore: findDockerignore(absolute, contextDir) };
}
var KNOWN_KEYWORD = /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)$/;

// src/pipeline-deps.ts
function defaultPipelineDeps(io) {
  return {
    ...io,
    loadConfig,
    readDockerfile,
    lintFile,
    lintFiles,
    runBuild,
    runner: createDockerRunner(),
    readImage
  };
}

// src/verify/cosign-signature.ts
import { createPublicKey, verify as verifySignature } from "node:crypto";

// src/verify/registry.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_JSON = 4 * 1024 * 1024;
function splitReference(reference) {
  const at = reference.indexOf("@");
  if (at >= 0) return { name: reference.slice(0, at), tagOrDigest: reference.slice(at + 1) };
  const colon = reference.lastIndexOf(":");
  if (colon > reference.lastIndexOf("/"))
    return { name: reference.slice(0, colon), tagOrDigest: reference.slice(colon + 1) };
  return { name: reference };
}
async function openImage(reference) {
  const source = await openRegistryImage(reference, MAX_JSON);
  const store = source.store;
  const fetched = source.top;
  const top = {
    json: fetched.json,
    digest: fetched.digest ?? `sha256:${createHash2("sha256").update(fetched.json).digest("hex")}`,
    ...fetched.mediaType ? { mediaType: fetched.mediaType } : {}
  };
  return {
    name: splitReference(reference).name,
    digest: top.digest,
    top,
    async manifest(ref) {
      if (!store.manifest) return void 0;
      try {
        const found = await store.manifest(ref, MAX_JSON);
        const digest = `sha256:${createHash2("sha256").update(found.json).digest("hex")}`;
        return { json: found.json, digest, ...found.mediaType ? { mediaType: found.mediaType } : {} };
      } catch (error) {
        if (error instanceof UsageError && / not found$/.test(error.message)) return void 0;
        throw error;
      }
    },
    blob: (digest, maxBytes = MAX_JSON) => store.readAll(digest, maxBytes)
  };
}
function referrersTag(digest) {
  return digest.replace(":", "-");
}

// src/verify/cosign-signature.ts
var SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
async function cosignSignatureLayers(image, digest) {
  const found = await image.manifest(`${referrersTag(digest)}.sig`);
  if (!found) return [];
  const manifest = JSON.parse(found.json.toString("utf8"));
  const layers = [];
  for (const layer of manifest.layers ?? []) {
    const signature = layer.annotations?.[SIGNATURE_ANNOTATION];
    if (!layer.digest || !signature) continue;
    layers.push({ digest: layer.digest, signature, payload: await image.blob(layer.digest, 1024 * 1024) });
  }
  return layers;
}
async function readCosignSignature(name, digest) {
  const image = await openImage(`${name}@${digest}`);
  const [first] = await cosignSignatureLayers(image, digest);
  return first ? { signature: first.signature } : void 0;
}
function checkCosignLayer(layer, digest, publicKeyPem) {
  let valid;
  try {
    valid = verifySignature(
      "sha256",
      layer.payload,
      createPublicKey(publicKeyPem),
      Buffer.from(layer.signature, "base64")
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "the cosign signature does not verify with the given key" };
  let signed;
  try {
    const payload = JSON.parse(layer.payload.toString("utf8"));
    signed = payload.critical?.image?.["docker-manifest-digest"];
  } catch {
    signed = void 0;
  }
  if (signed !== digest)
    return {
      ok: false,
      reason: `the cosign signature is for ${signed ?? "an unreadable payload"}, not the image digest ${digest}`
    };
  return { ok: true };
}

// src/verify/attestations.ts
function parse(json) {
  try {
    return JSON.parse(json.toString("utf8"));
  } catch {
    return {};
  }
}
function isSbomPredicate(type) {
  return type === "https://spdx.dev/Document" || type.startsWith("https://cyclonedx.org/bom");
}
function isProvenancePredicate(type) {
  return type.startsWith("https://slsa.dev/provenance/");
}
async function buildkitAttestations(image) {
  const found = { sbom: false, provenance: false };
  const top = parse(image.top.json);
  for (const entry of top.manifests ?? []) {
    if (entry.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest" || !entry.digest) continue;
    const manifest = await image.manifest(entry.digest);
    if (!manifest) continue;
    for (const layer of parse(manifest.json).layers ?? []) {
      const type = layer.annotations?.["in-toto.io/predicate-type"] ?? "";
      if (isSbomPredicate(type)) found.sbom = true;
      if (isProvenancePredicate(type)) found.provenance = true;
    }
  }
  return found;
}
async function referrerBundles(image, digest) {
  const index = await image.manifest(referrersTag(digest));
  if (!index) return [];
  const bundles = [];
  for (const entry of parse(index.json).manifests ?? []) {
    if (!entry.digest) continue;
    const manifest = await image.manifest(entry.digest);
    if (!manifest) continue;
    const parsed = parse(manifest.json);
    const artifactType = entry.artifactType ?? parsed.artifactType ?? parsed.config?.mediaType;
    const layer = parsed.layers?.find((candidate) => candidate.mediaType === SIGSTORE_BUNDLE_V03) ?? parsed.layers?.[0];
    if (artifactType !== SIGSTORE_BUNDLE_V03 && layer?.mediaType !== SIGSTORE_BUNDLE_V03) continue;
    if (!layer?.digest) continue;
    let bundle;
    try {
      bundle = JSON.parse((await image.blob(layer.digest)).toString("utf8"));
    } catch {
      continue;
    }
    const predicateType = entry.annotations?.["dev.sigstore.bundle.predicateType"] ?? parsed.annotations?.["dev.sigstore.bundle.predicateType"];
    bundles.push({ digest: entry.digest, bundle, ...predicateType ? { predicateType } : {} });
  }
  return bundles;
}
async function hasCosignSignature(image, digest) {
  return (await cosignSignatureLayers(image, digest)).length > 0;
}

// src/verify/base-images.ts
var PER_IMAGE_TIMEOUT_MS = 3e4;
async function withTimeout(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1e3} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
async function checkBaseImage(reference) {
  const pinned = /@sha256:[0-9a-f]{64}$/.test(reference);
  try {
    return await withTimeout(
      (async () => {
        const image = await openImage(reference);
        const bundles = await referrerBundles(image, image.digest);
        const cosign = await hasCosignSignature(image, image.digest);
        const buildkit = await buildkitAttestations(image);
        const signatures = [
          ...bundles.length > 0 ? ["sigstore bundle"] : [],
          ...cosign ? ["cosign .sig"] : []
        ];
        const provenance = buildkit.provenance || bundles.some((entry) => isProvenancePredicate(entry.predicateType ?? ""));
        return {
          image: reference,
          pinned,
          signed: signatures.length > 0,
          provenance,
          digest: image.digest,
          signatures
        };
      })(),
      PER_IMAGE_TIMEOUT_MS,
      reference
    );
  } catch (error) {
    return {
      image: reference,
      pinned,
      signed: null,
      provenance: null,
      detail: `registry not reachable: ${errorMessage(error)}`
    };
  }
}
async function checkStageBases(stages) {
  const cache = /* @__PURE__ */ new Map();
  const out = [];
  for (const stage of stages) {
    if (stage.pinned === void 0) {
      out.push(stage);
      continue;
    }
    let pending = cache.get(stage.base);
    if (!pending) {
      pending = checkBaseImage(stage.base);
      cache.set(stage.base, pending);
    }
    out.push({ ...stage, supplyChain: await pending });
  }
  return out;
}

// src/sign/step.ts
import { readFileSync as readFileSync4 } from "node:fs";

// src/github/event.ts
import { readFileSync as readFileSync3 } from "node:fs";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var MAX_EVENT_BYTES = 64 * 1024 * 1024;
function object(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function pullRequestFrom(payload) {
  const pr = object(payload.pull_request);
  if (!pr) return void 0;
  const number = typeof pr.number === "number" ? pr.number : typeof payload.number === "number" ? payload.number : void 0;
  const base = object(pr.base);
  const head = object(pr.head);
  const baseRef = text(base?.ref);
  if (number === void 0 || !Number.isInteger(number) || number <= 0 || baseRef === void 0)
    return void 0;
  const headRepo = text(object(head?.repo)?.full_name);
  const baseRepo = text(object(base?.repo)?.full_name);
  const info = {
    number,
    baseRef,
    isFork: headRepo === void 0 || baseRepo !== void 0 && headRepo.toLowerCase() !== baseRepo.toLowerCase()
  };
  const optional = {
    baseSha: text(base?.sha),
    headRef: text(head?.ref),
    headSha: text(head?.sha),
    headRepo,
    baseRepo
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== void 0) Object.assign(info, { [key]: value });
  return info;
}
function readRunContext(env = process.env, readFile = (path5) => readFileSync3(path5)) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/", 2);
  const context = {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com"
  };
  const set = (key, value) => {
    if (value) Object.assign(context, { [key]: value });
  };
  set("owner", owner);
  set("repo", repo);
  set("sha", env.GITHUB_SHA);
  set("ref", env.GITHUB_REF);
  set("workflow", env.GITHUB_WORKFLOW);
  set("job", env.GITHUB_JOB);
  set("runId", env.GITHUB_RUN_ID);
  if (env.GITHUB_REF?.startsWith("refs/heads/")) set("branch", env.GITHUB_REF.slice("refs/heads/".length));
  const path5 = env.GITHUB_EVENT_PATH;
  if (!path5) return context;
  let payload;
  try {
    const raw = readFile(path5);
    if (raw.length > MAX_EVENT_BYTES) throw new Error(`larger than ${MAX_EVENT_BYTES} bytes`);
    payload = object(JSON.parse(raw.toString("utf8")));
    if (!payload) throw new Error("not a JSON object");
  } catch (error) {
    context.warning = `Could not read the event payload ${path5}: ${error instanceof Error ? error.message : String(error)}`;
    return context;
  }
  set("defaultBranch", text(object(payload.repository)?.default_branch));
  if (PULL_REQUEST_EVENTS.has(context.eventName)) {
    const pullRequest = pullRequestFrom(payload);
    if (pullRequest) context.pullRequest = pullRequest;
    else
      context.warning = `The ${context.eventName} payload in ${path5} has no usable pull_request (number, base ref).`;
  }
  return context;
}
function isDefaultBranchPush(context) {
  return context.eventName === "push" && context.branch !== void 0 && context.defaultBranch !== void 0 && context.branch === context.defaultBranch;
}
function runUrl(context) {
  if (!context.owner || !context.repo || !context.runId) return void 0;
  return `${context.serverUrl.replace(/\/+$/, "")}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path5) => path5.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// src/github/rest.ts
var GitHubApiError = class extends Error {
  constructor(message, kind2, status, retryAfterSeconds) {
    super(message);
    this.kind = kind2;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  kind;
  status;
  retryAfterSeconds;
  name = "GitHubApiError";
};
var API_VERSION = "2022-11-28";
var DEFAULT_API_URL = "https://api.github.com";
function apiUrlFromEnv(env) {
  return env.GITHUB_API_URL?.trim() || DEFAULT_API_URL;
}
function nextLink(link) {
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]?.split(/\s+/).includes("next")) return match[1];
  }
  return void 0;
}
function classify(status, message, headers) {
  const retryHeader = headers["retry-after"];
  const retryAfter = retryHeader !== void 0 && /^\d+$/.test(String(retryHeader)) ? Number(retryHeader) : void 0;
  const exhausted = String(headers["x-ratelimit-remaining"]) === "0";
  if (status === 429 || status === 403 && (exhausted || /rate limit/i.test(message))) {
    return { kind: "rate-limited", ...retryAfter !== void 0 ? { retryAfter } : {} };
  }
  if (status === 401) return { kind: "unauthorized" };
  if (status === 403) return { kind: "forbidden" };
  if (status === 404) return { kind: "not-found" };
  if (status >= 500) return { kind: "server" };
  return { kind: "other" };
}
function toApiError(what, error, token) {
  const failure = error ?? {};
  const scrub = (text2) => token === "" ? text2 : text2.split(token).join("***");
  if (failure.response) {
    const data = failure.response.data;
    const message = (typeof data === "string" ? data : typeof data?.message === "string" ? data.message : "").slice(0, 300);
    const { kind: kind2, retryAfter } = classify(failure.response.status, message, failure.response.headers);
    return new GitHubApiError(
      scrub(`${what}: HTTP ${failure.response.status}${message ? ` ${message}` : ""}`),
      kind2,
      failure.response.status,
      retryAfter
    );
  }
  const code = failure.cause?.code ?? failure.cause?.cause?.code;
  const reason = failure.name === "AbortError" || failure.name === "TimeoutError" ? "timed out" : `${failure.message ?? String(error)}${typeof code === "string" ? ` (${code})` : ""}`;
  return new GitHubApiError(scrub(`${what}: ${reason}`), "network", 0);
}
var RetryingOctokit = GitHub.plugin(retry, throttling);
function createRestClient(options) {
  const apiUrl = (options.apiUrl ?? apiUrlFromEnv(process.env)).replace(/\/+$/, "");
  const origin = new URL(apiUrl).origin;
  const timeoutMs = options.timeoutMs ?? 3e4;
  const maxPages = options.maxPages ?? 100;
  const octokit = new RetryingOctokit({
    baseUrl: apiUrl,
    userAgent: getUserAgentWithOrchestrationId(options.userAgent ?? "stagegate") ?? "stagegate",
    // Only for tests: a shallow `request` would replace @actions/github's proxy-aware fetch.
    ...options.fetch ? { request: { fetch: options.fetch } } : {},
    retry: {
      retries: options.retries ?? 2,
      retryAfterBaseValue: options.retryBaseMs ?? 1e3,
      // Rate limits belong to the throttling plugin; the other 4xx are answers, not accidents.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      // Waiting out a rate limit could hold the job for an hour: report it, the next run updates the comment.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false
    }
  });
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = API_VERSION;
    request.headers.accept = "application/vnd.github+json";
    request.headers.authorization = `Bearer ${options.token}`;
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
  });
  async function call(what, run) {
    try {
      const response = await run();
      return response;
    } catch (error) {
      throw toApiError(what, error, options.token);
    }
  }
  const path5 = (owner, repo) => `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  return {
    async *listIssueComments(owner, repo, issueNumber) {
      let url = `${apiUrl}${path5(owner, repo)}/issues/${issueNumber}/comments?per_page=100`;
      for (let page = 0; url !== void 0 && page < maxPages; page++) {
        const target = url;
        const response = await call(
          `GET ${new URL(target).pathname}`,
          () => octokit.request({ method: "GET", url: target })
        );
        if (!Array.isArray(response.data))
          throw new GitHubApiError("comment listing is not an array", "other", 200);
        yield response.data;
        const next = nextLink(response.headers.link);
        url = next !== void 0 && new URL(next, apiUrl).origin === origin ? new URL(next, apiUrl).toString() : void 0;
      }
    },
    async createIssueComment(owner, repo, issueNumber, body) {
      const what = `POST ${new URL(apiUrl).pathname.replace(/\/$/, "")}${path5(owner, repo)}/issues/${issueNumber}/comments`;
      const response = await call(
        what,
        () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner,
          repo,
          issue_number: issueNumber,
          body
        })
      );
      return response.data;
    },
    async updateIssueComment(owner, repo, commentId, body) {
      const what = `PATCH ${new URL(apiUrl).pathname.replace(/\/$/, "")}${path5(owner, repo)}/issues/comments/${commentId}`;
      const response = await call(
        what,
        () => octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: commentId,
          body
        })
      );
      return response.data;
    }
  };
}

// src/sign/endpoints.ts
function sigstoreEndpoints(visibility, env) {
  const fulcio = env.STAGEGATE_SIGSTORE_FULCIO_URL?.trim();
  if (fulcio) {
    const rekor = env.STAGEGATE_SIGSTORE_REKOR_URL?.trim();
    const tsa = env.STAGEGATE_SIGSTORE_TSA_URL?.trim();
    return {
      instance: "custom",
      fulcioURL: fulcio,
      ...rekor ? { rekorURL: rekor } : {},
      ...tsa ? { tsaServerURL: tsa } : {}
    };
  }
  if (visibility === "public") {
    return {
      instance: "public-good",
      fulcioURL: "https://fulcio.sigstore.dev",
      rekorURL: "https://rekor.sigstore.dev"
    };
  }
  let host = new URL(env.GITHUB_SERVER_URL || "https://github.com").hostname;
  if (host === "github.com") host = "githubapp.com";
  return {
    instance: "github",
    fulcioURL: `https://fulcio.${host}`,
    tsaServerURL: `https://timestamp.${host}`
  };
}

// src/sign/plan.ts
var PULL_REQUEST_EVENTS2 = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var OIDC_HINT = "add `permissions: id-token: write` (and `attestations: write`) to the job, give `signing-key`, or set sign: false";
function planSigning(situation) {
  const { mode } = situation;
  if (mode === "false") return { sign: false };
  const refuse = (autoLevel, message) => mode === "true" ? { sign: false, level: "error", message } : { sign: false, level: autoLevel, message };
  if (!situation.pushed) {
    if (mode === "auto") return { sign: false };
    return refuse(
      "notice",
      "The image was not signed: it was not pushed (signatures and attestations are stored in the registry beside it; set push: true)."
    );
  }
  if (situation.isFork) {
    return refuse(
      "warning",
      "The image was not signed: a pull request from a fork gets no OIDC token and no secrets, so it cannot sign."
    );
  }
  if (PULL_REQUEST_EVENTS2.has(situation.eventName) && mode === "auto") {
    return {
      sign: false,
      level: "notice",
      message: "The image was not signed: sign: auto does not sign on pull_request events (set sign: true to sign them)."
    };
  }
  if (situation.key) return { sign: true, method: "key" };
  if (!situation.oidc && mode === "auto" && situation.actions === false) return { sign: false };
  if (!situation.oidc) {
    return refuse("warning", `The image was not signed: the job cannot mint an OIDC token; ${OIDC_HINT}.`);
  }
  return { sign: true, method: "keyless" };
}

// src/sign/report.ts
function parseWorkflowIdentity(san) {
  const match = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(san);
  if (!match) return void 0;
  return { repository: match[1], path: match[2], ref: match[3] };
}

// src/sign/step.ts
function repositoryVisibility(env) {
  if (!env.GITHUB_EVENT_PATH) return void 0;
  try {
    const payload = JSON.parse(readFileSync4(env.GITHUB_EVENT_PATH, "utf8"));
    const visibility = payload.repository?.visibility;
    if (typeof visibility === "string") return visibility;
    return payload.repository?.private === false ? "public" : void 0;
  } catch {
    return void 0;
  }
}
function keylessVerifyCommands(image, repository, identity) {
  const commands = [];
  if (repository) commands.push(`gh attestation verify oci://${image} -R ${repository}`);
  commands.push(`stagegate verify ${image} --certificate-identity ${identity}`);
  return commands;
}
function keyVerifyCommands(image) {
  const insecure = /^(localhost|127\.)/.test(image) ? " --allow-insecure-registry --allow-http-registry" : "";
  return [
    `cosign verify --key cosign.pub --insecure-ignore-tlog${insecure} ${image}`,
    `stagegate verify ${image} --key cosign.pub`
  ];
}
async function signPushed(inputs, target, deps) {
  const env = deps.env;
  const context = readRunContext(env);
  const plan = planSigning({
    mode: inputs.sign,
    pushed: target.image !== void 0 && target.digest !== void 0,
    eventName: context.eventName,
    isFork: context.pullRequest?.isFork ?? false,
    oidc: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    key: inputs["signing-key"] !== "",
    actions: env.GITHUB_ACTIONS === "true"
  });
  if (!plan.sign) {
    if (!plan.message) return void 0;
    return { signed: false, message: plan.message, ...plan.level ? { level: plan.level } : {} };
  }
  const name = subjectName(target.image);
  const digest = target.digest;
  const image = `${name}@${digest}`;
  const failLevel = inputs.sign === "true" ? "error" : "warning";
  const result = { signed: false, method: plan.method, image, digest };
  try {
    if (plan.method === "key") {
      deps.info(`signing ${image} with cosign (key pair)`);
      const { signWithCosign } = await import("./cosign-key-HLMOZ6C3.js");
      await signWithCosign(name, digest, {
        privateKey: inputs["signing-key"],
        password: inputs["signing-password"],
        env
      });
      result.signed = true;
      const signature = await readCosignSignature(name, digest).catch(() => void 0);
      if (signature) result.signature = signature.signature;
      result.verifyCommands = keyVerifyCommands(image);
      return result;
    }
    const endpoints = sigstoreEndpoints(repositoryVisibility(env), env);
    result.instance = endpoints.instance;
    deps.info(`signing ${image} keyless through Sigstore (${endpoints.instance}: ${endpoints.fulcioURL})`);
    const { signImageKeyless } = await import("./keyless-ISOHIABS.js");
    const { pushBundleReferrer } = await import("./referrer-HM7QBZET.js");
    const { storeAttestation } = await import("./attestations-api-NLKOM7UT.js");
    const signed = await signImageKeyless([imageSubject(name, digest)], endpoints, env.STAGEGATE_OIDC_ISSUER);
    result.signed = true;
    result.identity = signed.identity;
    const workflow = parseWorkflowIdentity(signed.identity);
    if (workflow) result.workflow = workflow;
    if (signed.issuer) result.issuer = signed.issuer;
    result.signature = signed.signature;
    const repository = context.owner && context.repo ? `${context.owner}/${context.repo}` : void 0;
    result.verifyCommands = keylessVerifyCommands(image, repository, signed.identity);
    const referrer = await pushBundleReferrer(name, digest, signed.bundle, signed.statement.predicateType);
    result.referrer = referrer.digest;
    deps.info(`pushed the attestation bundle to ${name} as a referrer (${referrer.digest})`);
    if (!context.owner || !context.repo)
      throw new SigningError("GITHUB_REPOSITORY is not set: the attestation was not stored with GitHub");
    const token = inputs["github-token"] || env.GITHUB_TOKEN || "";
    const stored = await storeAttestation(signed.bundle, {
      apiUrl: apiUrlFromEnv(env),
      serverUrl: context.serverUrl,
      owner: context.owner,
      repo: context.repo,
      token
    });
    result.attestationId = stored.id;
    result.attestationUrl = stored.url;
    deps.info(`stored attestation ${stored.id} (${stored.url})`);
    return result;
  } catch (error) {
    const what = error instanceof SigningError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ...result,
      message: `${result.signed ? "The image was signed, but" : "Signing the image failed:"} ${what}`,
      level: failLevel
    };
  }
}

// src/sign/after-build.ts
async function afterBuild(inputs, result, deps) {
  const report = result.report;
  if (inputs["verify-base-images"] && report.stages.length > 0) {
    report.stages = await checkStageBases(report.stages);
    for (const stage of report.stages) {
      const chain = stage.supplyChain;
      if (!chain) continue;
      const state = (value, yes, no) => value === null ? `${yes} unknown` : value ? yes : no;
      deps.info(
        `stage ${stage.name ?? stage.index} FROM ${chain.image}: ${chain.pinned ? "pinned" : "not pinned"}, ${state(chain.signed, "signed", "unsigned")}, ${state(chain.provenance, "provenance", "no provenance")}${chain.detail ? ` (${chain.detail})` : ""}`
      );
    }
  }
  const build = result.build;
  const pushed = inputs.push && build?.ok === true && build.digest !== void 0 && inputs.tags[0] !== void 0;
  const signing = await signPushed(
    inputs,
    pushed ? { image: inputs.tags[0], digest: build?.digest } : {},
    { env: deps.env, info: deps.info }
  );
  const outputs = { "attestation-id": "", "attestation-url": "", signature: "" };
  if (!signing) return { outputs };
  report.signing = signing;
  outputs["attestation-id"] = signing.attestationId ?? "";
  outputs["attestation-url"] = signing.attestationUrl ?? "";
  outputs.signature = signing.signature ?? "";
  if (signing.message) {
    if (signing.level === "error") return { outputs, error: signing.message };
    if (signing.level === "warning") deps.warning(signing.message);
    else deps.notice(signing.message);
  }
  return { outputs };
}

// src/report/json.ts
function formatJson(reports) {
  return JSON.stringify(reports, null, 2) + "\n";
}

export {
  secretNeedles,
  redactWith,
  parseSecretPair,
  readRunContext,
  isDefaultBranchPush,
  runUrl,
  formatJson,
  GitHubApiError,
  apiUrlFromEnv,
  createRestClient,
  parseInputs,
  createDockerRunner,
  defaultPipelineDeps,
  openImage,
  cosignSignatureLayers,
  checkCosignLayer,
  isProvenancePredicate,
  buildkitAttestations,
  referrerBundles,
  afterBuild
};
