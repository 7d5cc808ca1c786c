import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  Util,
  parse
} from "./chunk-UZZNPPZR.js";
import {
  buildxSatisfies
} from "./chunk-CRPXSW6F.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/build/spec.ts
function parseSpec(spec) {
  const fields = [];
  let current = "";
  let quoted = false;
  const flush = () => {
    const field = current.trim();
    current = "";
    if (field === "") return;
    const at = field.indexOf("=");
    if (at === -1) fields.push({ key: field, value: void 0 });
    else fields.push({ key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() });
  };
  for (const char of spec) {
    if (char === '"') {
      quoted = !quoted;
      continue;
    }
    if (char === "," && !quoted) {
      flush();
      continue;
    }
    current += char;
  }
  flush();
  return fields;
}
function specValue(fields, key) {
  return fields.find((field) => field.key === key)?.value;
}
function isRemoteContext(context) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || /^git@[^:]+:/.test(context) || /^github\.com\//.test(context) || /\.git(#.*)?$/.test(context);
}

// src/build/args.ts
function registryCacheSpecs(ref) {
  return {
    from: `type=registry,ref=${ref}`,
    to: `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`
  };
}
function cacheType(spec) {
  const fields = parseSpec(spec);
  if (fields.length === 1 && fields[0]?.value === void 0) return "registry";
  return specValue(fields, "type") ?? "";
}
function planCache(inputs, env) {
  const from = [...inputs["cache-from"]];
  const to = [...inputs["cache-to"]];
  const registry = inputs["cache-registry"];
  if (registry !== "") {
    const specs = registryCacheSpecs(registry);
    from.push(specs.from);
    to.push(specs.to);
  }
  if (env.localCache) {
    from.push(`type=local,src=${env.localCache.src}`);
    to.push(`type=local,dest=${env.localCache.dest},mode=max`);
  }
  const dropped = [];
  const kept = to.filter((spec) => {
    if (env.cacheExportSupported === false && cacheType(spec) !== "inline") {
      dropped.push(spec);
      return false;
    }
    if (!env.canExportCache && cacheType(spec) === "registry") {
      dropped.push(spec);
      return false;
    }
    return true;
  });
  return { from, to: kept, dropped };
}
function csvRecords(text) {
  return parse(text, { delimiter: ",", trim: true, columns: false, relaxColumnCount: true });
}
function hasExporterType(type, outputs) {
  if (outputs.length === 0) return false;
  for (const record of csvRecords(outputs.join("\n"))) {
    if (record.length === 1 && !(record[0] ?? "").startsWith("type=")) return type === "local";
    if (record.some(
      (field) => field.split("=").map((part) => part.trim()).join("=") === `type=${type}`
    ))
      return true;
  }
  return false;
}
function hasAttestationType(type, attest) {
  return csvRecords(attest).some(
    (record) => record.some((field) => field.replace(/\s*=\s*/, "=") === `type=${type}`)
  );
}
function resolveAttestationAttrs(attrs) {
  const out = [];
  for (const record of csvRecords(attrs)) {
    for (const field of record) {
      try {
        out.push(`disabled=${!Util.parseBool(field)}`);
      } catch {
        out.push(field);
      }
    }
  }
  return out.join(",");
}
function withBuilderId(attrs, builderId) {
  if (!builderId) return attrs;
  if (attrs === "") return `builder-id=${builderId}`;
  const has = csvRecords(attrs)[0]?.some((field) => field.split("=")[0]?.trim() === "builder-id");
  return has ? attrs : `${attrs},builder-id=${builderId}`;
}
var PROVENANCE_MODES = /* @__PURE__ */ new Set(["min", "max"]);
function validateAttestInput(name, raw) {
  const value = raw.trim();
  if (value === "" || /^(true|false)$/i.test(value)) return;
  for (const field of parseSpec(value)) {
    if (field.value === void 0)
      throw new UsageError(
        `Input "${name}" must be true, false or attributes such as ${name === "sbom" ? "generator=IMAGE" : "mode=max"}; "${field.key}" is none of these.`
      );
    if (name === "provenance" && field.key === "mode" && !PROVENANCE_MODES.has(field.value))
      throw new UsageError(
        `Input "provenance" has an unknown mode "${field.value}"; use mode=min or mode=max.`
      );
  }
}
function isDisabled(value) {
  const text = value.trim();
  if (/^false$/i.test(text)) return true;
  return /(^|,)\s*disabled\s*=\s*true\s*(,|$)/i.test(text);
}
function explicitAttestations(inputs) {
  const on = (value) => value.trim() !== "" && !isDisabled(value);
  return on(inputs.sbom) || on(inputs.provenance) || inputs.attests.some(on);
}
function planAttestations(inputs, facts) {
  validateAttestInput("provenance", inputs.provenance);
  validateAttestInput("sbom", inputs.sbom);
  for (const attest of inputs.attests)
    if (!specValue(parseSpec(attest), "type"))
      throw new UsageError(`Input "attests": "${attest}" has no type=; write e.g. type=sbom,generator=IMAGE.`);
  if (!facts.support.ok) {
    if (explicitAttestations(inputs))
      throw new UsageError(
        `Attestations were asked for (${describeAsked(inputs)}), but ${facts.support.reason}; or turn them off with sbom: false and provenance: false.`
      );
    return {
      args: [],
      skipped: `SBOM and provenance attestations are skipped: ${facts.support.reason}.`,
      sbom: false,
      provenance: false
    };
  }
  const args = [];
  const provenanceInAttests = inputs.attests.some((attest) => hasAttestationType("provenance", attest));
  const sbomInAttests = inputs.attests.some((attest) => hasAttestationType("sbom", attest));
  const provenance = inputs.provenance.trim();
  const sbom = inputs.sbom.trim();
  let hasProvenance = false;
  let hasSbom = false;
  if (provenance !== "") {
    const value = /^true$/i.test(provenance) ? withBuilderId("", facts.builderId) || "true" : /^false$/i.test(provenance) ? "false" : withBuilderId(provenance, facts.builderId);
    args.push("--attest", resolveAttestationAttrs(`type=provenance,${value}`));
    hasProvenance = !isDisabled(provenance);
  } else if (!provenanceInAttests && !facts.noDefaults) {
    const mode = facts.privateRepository ? "mode=min,inline-only=true" : "mode=max";
    args.push("--attest", `type=provenance,${withBuilderId(mode, facts.builderId)}`);
    hasProvenance = true;
  }
  if (sbom !== "") {
    args.push("--attest", resolveAttestationAttrs(`type=sbom,${sbom}`));
    hasSbom = !isDisabled(sbom);
  } else if (!sbomInAttests && !facts.noDefaults) {
    args.push("--attest", "type=sbom");
    hasSbom = true;
  }
  for (const attest of inputs.attests) {
    const isProvenance = hasAttestationType("provenance", attest);
    const isSbom = hasAttestationType("sbom", attest);
    if (!isProvenance && !isSbom) args.push("--attest", resolveAttestationAttrs(attest));
    else if (isProvenance && provenance === "") {
      args.push("--attest", withBuilderId(attest, facts.builderId));
      hasProvenance = !isDisabled(attest);
    } else if (isSbom && sbom === "") {
      args.push("--attest", attest);
      hasSbom = !isDisabled(attest);
    }
  }
  return { args, sbom: hasSbom, provenance: hasProvenance };
}
function describeAsked(inputs) {
  const parts = [];
  if (inputs.sbom !== "") parts.push(`sbom: ${inputs.sbom}`);
  if (inputs.provenance !== "") parts.push(`provenance: ${inputs.provenance}`);
  if (inputs.attests.length > 0) parts.push(`attests: ${inputs.attests.join("; ")}`);
  return parts.join(", ");
}
function fillDefaultContext(text, defaultContext) {
  return text.replace(/\{\{\s*defaultContext\s*\}\}/g, defaultContext);
}
function getBuildArgs(inputs, env) {
  const args = ["buildx", "build"];
  const each = (flag, values) => {
    for (const value of values) args.push(flag, value);
  };
  each("--add-host", inputs["add-hosts"]);
  each("--allow", inputs.allow);
  if (buildxSatisfies(env.buildxVersion, ">=0.12.0")) each("--annotation", inputs.annotations);
  else if (inputs.annotations.length > 0)
    throw new UsageError(
      `Input "annotations" (OCI annotations) needs buildx 0.12 or later; this is buildx ${env.buildxVersion}. Update buildx or remove annotations.`
    );
  each("--build-arg", inputs["build-args"]);
  each(
    "--build-context",
    inputs["build-contexts"].map((item) => fillDefaultContext(item, env.defaultContext))
  );
  const cache = planCache(inputs, env);
  each("--cache-from", cache.from);
  each("--cache-to", cache.to);
  if (inputs.call) {
    if (!buildxSatisfies(env.buildxVersion, ">=0.15.0"))
      throw new UsageError(
        `Input "call" needs buildx 0.15 or later (--call); this is buildx ${env.buildxVersion}. Update buildx (docker/setup-buildx-action) or remove call.`
      );
    args.push("--call", inputs.call);
  }
  if (inputs["cgroup-parent"]) args.push("--cgroup-parent", inputs["cgroup-parent"]);
  each("--secret", env.secrets.envs);
  if (inputs.file) args.push("--file", inputs.file);
  if (!hasExporterType("local", inputs.outputs) && !hasExporterType("tar", inputs.outputs))
    args.push("--iidfile", env.iidFile);
  each("--label", inputs.labels);
  each("--no-cache-filter", inputs["no-cache-filters"]);
  each("--output", inputs.outputs);
  if (inputs.platforms.length > 0) args.push("--platform", inputs.platforms.join(","));
  args.push(...env.attests);
  each("--secret", env.secrets.strings);
  each("--secret", env.secrets.files);
  if (env.secrets.gitAuth) args.push("--secret", env.secrets.gitAuth);
  if (inputs["shm-size"]) args.push("--shm-size", inputs["shm-size"]);
  each("--ssh", inputs.ssh);
  each("--tag", inputs.tags);
  if (inputs.target) args.push("--target", inputs.target);
  each("--ulimit", inputs.ulimit);
  if (inputs.builder) args.push("--builder", inputs.builder);
  if (inputs.load) args.push("--load");
  args.push("--metadata-file", env.metadataFile);
  if (inputs.network) args.push("--network", inputs.network);
  if (inputs["no-cache"]) args.push("--no-cache");
  if (inputs.pull) args.push("--pull");
  if (inputs.push) args.push("--push");
  args.push(env.context);
  return args;
}

// src/build/context.ts
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
function defaultGitContext(env, event) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (repository === "") return "";
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  let ref = env.GITHUB_REF ?? "";
  if (ref !== "" && !ref.startsWith("refs/")) ref = `refs/heads/${ref}`;
  const prHead = /^(1|t|true)$/i.test(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF ?? "");
  let pinned = env.GITHUB_SHA || ref;
  if (prHead && ref.startsWith("refs/pull/")) {
    const sha = event?.pull_request?.head?.sha;
    pinned = typeof sha === "string" ? sha : ref.replace(/\/merge$/, "/head");
  }
  return `${server}/${repository}.git#${pinned}`;
}
function isPrivateRepository(event) {
  const repository = event?.repository;
  return repository?.private === true || repository?.visibility === "private" || repository?.visibility === "internal";
}
function resolveContext(raw, env, event) {
  const defaultContext = defaultGitContext(env, event);
  const usesDefault = raw === "" || /\{\{\s*defaultContext\s*\}\}/.test(raw);
  if (usesDefault && defaultContext === "")
    throw new UsageError(
      raw === "" ? 'Input "context" is empty, so the Git context of the commit would be built, but GITHUB_REPOSITORY is not set (not in GitHub Actions); set context: . to build the working directory.' : 'Input "context" uses {{defaultContext}}, but GITHUB_REPOSITORY is not set (not in GitHub Actions); give a path or a Git URL.'
    );
  const context = raw === "" ? defaultContext : fillDefaultContext(raw, defaultContext);
  const isDefault = usesDefault && context.startsWith(defaultContext);
  const fragment = isDefault ? context.slice(defaultContext.length) : "";
  const subdir = /^:(.+)$/.exec(fragment)?.[1]?.replace(/^\/+|\/+$/g, "") ?? "";
  return { context, defaultContext, isDefault, subdir };
}
function lintTarget(inputs, resolved, cwd) {
  const isFile = (p) => existsSync(p) && statSync(p).isFile();
  if (resolved.isDefault) {
    const dir = resolved.subdir === "" ? "." : resolved.subdir;
    const dockerfile = path.join(dir, inputs.file || "Dockerfile");
    if (isFile(path.resolve(cwd, dockerfile))) return { dockerfile, contextDir: dir };
    return {
      skipped: `The build context is the Git context of the commit (${resolved.context}) and the workspace has no ${dockerfile} (no actions/checkout before this step): the Dockerfile was not linted and image findings carry no Dockerfile line; the image is still built and checked.`
    };
  }
  if (isRemoteContext(resolved.context)) {
    if (inputs.file !== "" && isFile(path.resolve(cwd, inputs.file))) return { dockerfile: inputs.file };
    return {
      skipped: `The build context ${resolved.context} is remote: the Dockerfile was not linted (check out the repository and set file: to lint it).`
    };
  }
  return {
    dockerfile: inputs.file !== "" ? inputs.file : path.join(resolved.context, "Dockerfile"),
    contextDir: resolved.context
  };
}

export {
  parseSpec,
  specValue,
  isRemoteContext,
  planCache,
  hasExporterType,
  validateAttestInput,
  planAttestations,
  getBuildArgs,
  isPrivateRepository,
  resolveContext,
  lintTarget
};
