import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  Util
} from "./chunk-UZZNPPZR.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

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
  const text = (name) => get(name).trim();
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
    builder: text("builder"),
    "cache-from": csv("cache-from"),
    "cache-to": csv("cache-to"),
    call: text("call"),
    "cgroup-parent": text("cgroup-parent"),
    context: text("context"),
    file: text("file"),
    labels: csv("labels"),
    load: bool("load", false),
    network: text("network"),
    "no-cache": bool("no-cache", false),
    "no-cache-filters": lines("no-cache-filters"),
    outputs: lines("outputs", { ignoreComma: true, quote: false }),
    platforms: lines("platforms"),
    provenance: text("provenance"),
    pull: bool("pull", false),
    push: bool("push", false),
    sbom: text("sbom"),
    secrets: lines("secrets", { ignoreComma: true, keepNewlines: true }),
    "secret-envs": lines("secret-envs"),
    "secret-files": csv("secret-files"),
    "shm-size": text("shm-size"),
    ssh: lines("ssh"),
    tags: lines("tags"),
    target: text("target"),
    ulimit: csv("ulimit"),
    "github-token": text("github-token"),
    "cache-registry": text("cache-registry"),
    "cache-local": bool("cache-local", false),
    build: bool("build", true),
    image: text("image"),
    lint: bool("lint", true),
    check: bool("check", true),
    config: text("config"),
    "fail-on": oneOf("fail-on", get("fail-on"), ["error", "warning", "note", "never", ""], ""),
    comment: oneOf("comment", get("comment"), ["auto", "always", "never"], "auto"),
    summary: bool("summary", true),
    "github-annotations": bool("github-annotations", true),
    "report-file": text("report-file"),
    "sarif-file": text("sarif-file"),
    smoke: bool("smoke", false),
    sign: oneOf("sign", get("sign"), ["auto", "true", "false"], "auto"),
    "signing-key": get("signing-key").trim(),
    "signing-password": get("signing-password"),
    "verify-base-images": bool("verify-base-images", false)
  };
}

export {
  parseInputs
};
