import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkBuilderSupports,
  detectBuildx
} from "./chunk-GYB6246Z.js";
import {
  makeRedactor
} from "./chunk-7TF3LEEI.js";
import {
  getBuildArgs,
  hasExporterType,
  isPrivateRepository,
  isRemoteContext,
  parseSpec,
  planAttestations,
  planCache,
  resolveContext,
  specValue,
  validateAttestInput
} from "./chunk-BOCMDX27.js";
import "./chunk-UZZNPPZR.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import {
  onStopSignal
} from "./chunk-GQ5YTR5C.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/build/run.ts
import { promises as fs3 } from "node:fs";
import * as path4 from "node:path";

// src/build/cache-local.ts
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
function actionsCacheService() {
  const load = () => import("./cache-TK7ZN5BX.js");
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
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth && !SKIP_DIRS.has(entry.name)) await walk(full, depth + 1);
      } else if (entry.isFile() && LOCK_FILE_PATTERNS.some((pattern) => pattern.test(entry.name))) {
        found.push(path.relative(contextDir, full).split(path.sep).join("/"));
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
  const src = path.join(options.root, "stagegate-buildkit-cache");
  const dest = `${src}.new`;
  await fs.rm(dest, { recursive: true, force: true });
  const lockPaths = options.contextDir ? await findLockFiles(options.contextDir) : [];
  const lockFiles = await Promise.all(
    lockPaths.map(async (file) => ({
      path: file,
      content: await fs.readFile(path.join(options.contextDir, file), "utf8")
    }))
  );
  const dockerfile = options.dockerfilePath ? await fs.readFile(options.dockerfilePath, "utf8").catch(() => "") : "";
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
  const exported = await fs.stat(path.join(cache.dest, "index.json")).catch(() => void 0);
  if (!exported) return false;
  await fs.rm(cache.src, { recursive: true, force: true });
  await fs.rename(cache.dest, cache.src);
  return true;
}
async function saveLocalCache(service, cache, buildOk) {
  if (!buildOk) {
    await fs.rm(cache.dest, { recursive: true, force: true });
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

// src/build/secrets.ts
import { promises as fs2 } from "node:fs";
import * as path2 from "node:path";
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
  const groups = { envs: [], strings: [], files: [] };
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
    if (dir !== "") await fs2.rm(dir, { recursive: true, force: true });
  };
  try {
    if (toWrite.length > 0) {
      await fs2.mkdir(deps.tempRoot, { recursive: true });
      dir = await fs2.mkdtemp(path2.join(deps.tempRoot, "stagegate-secrets-"));
      await fs2.chmod(dir, 448);
      for (const [index, secret] of toWrite.entries()) {
        const file = path2.join(dir, `secret-${index}`);
        await fs2.writeFile(file, secret.value, { mode: 384, flag: "wx" });
        if (secret.git) groups.gitAuth = `id=${secret.id},src=${file}`;
        else groups.strings.push(`id=${secret.id},src=${file}`);
      }
    }
    for (const item of inputs["secret-files"]) {
      const { id, value } = parseSecretPair("secret-files", item);
      const file = path2.resolve(deps.cwd, value);
      const stat = await fs2.stat(file).catch(() => void 0);
      if (!stat?.isFile())
        throw new UsageError(`Input "secret-files": the file for secret "${id}" does not exist: ${value}`);
      if (stat.size > 0 && stat.size <= SMALL_SECRET_FILE) {
        const content = await fs2.readFile(file, "utf8");
        if (!content.includes("\0")) {
          known.push(content, content.trim());
          maskValue(deps.mask, content.trim());
        }
      }
      groups.files.push(`id=${id},src=${value}`);
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
      groups.envs.push(`id=${id},env=${name}`);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  const specs = [
    ...groups.envs,
    ...groups.strings,
    ...groups.files,
    ...groups.gitAuth ? [groups.gitAuth] : []
  ];
  return { specs, groups, redact: makeRedactor(known), dispose, dir };
}

// src/build/cleanup.ts
import { rmSync } from "node:fs";
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
  return onStopSignal(() => removeNow(paths()), proc);
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
export {
  buildxEnv,
  countCachedSteps,
  extractBuildError,
  runBuild,
  runCanPush,
  workflowRunUrl
};
