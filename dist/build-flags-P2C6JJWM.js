import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  parseInputs
} from "./chunk-F2Z5MKSP.js";
import {
  parseArgv
} from "./chunk-PJLYITTU.js";
import "./chunk-UZZNPPZR.js";
import "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/cli/build-flags.ts
var BUILD_LIST_FLAGS = [
  "add-hosts",
  "allow",
  "annotations",
  "build-contexts",
  "no-cache-filters",
  "outputs",
  "ssh",
  "ulimit",
  "tags",
  "labels",
  "build-args",
  "platforms",
  "cache-from",
  "cache-to",
  "secrets",
  "secret-files",
  "secret-envs",
  "attests"
];
var BUILD_VALUE_FLAGS = [
  "call",
  "cgroup-parent",
  "network",
  "shm-size",
  "context",
  "file",
  "target",
  "builder",
  "sbom",
  "provenance",
  "cache-registry",
  "github-token",
  "image",
  "config",
  "fail-on",
  "comment",
  "report-file",
  "sarif-file",
  "sign"
];
var BUILD_BOOLEAN_FLAGS = [
  "push",
  "load",
  "pull",
  "no-cache",
  "cache-local",
  "build",
  "lint",
  "check",
  "summary",
  "github-annotations",
  "smoke",
  "verify-base-images"
];
var BUILD_FLAG_SPEC = {
  values: [...BUILD_LIST_FLAGS, ...BUILD_VALUE_FLAGS],
  booleans: BUILD_BOOLEAN_FLAGS
};
var LISTS = new Set(BUILD_LIST_FLAGS);
function parseBuildFlags(argv) {
  const parsed = parseArgv("build", argv, BUILD_FLAG_SPEC);
  if (parsed.positionals.length > 1)
    throw new UsageError(
      `one context at most, got ${parsed.positionals.length} (${parsed.positionals.join(" ")}); run \`stagegate build --help\`.`
    );
  const [positional] = parsed.positionals;
  if (positional !== void 0 && parsed.values.has("context"))
    throw new UsageError("the context is given twice (--context and a positional); keep one.");
  for (const [name, values] of parsed.values) {
    if (!LISTS.has(name) && values.length > 1)
      throw new UsageError(`--${name} is given ${values.length} times; it takes one value.`);
  }
  return parseInputs((name) => {
    if (name === "context") return positional ?? parsed.values.get("context")?.[0] ?? ".";
    const values = parsed.values.get(name);
    if (values) return values.join("\n");
    const flag = parsed.booleans.get(name);
    return flag === void 0 ? "" : String(flag);
  });
}
export {
  BUILD_BOOLEAN_FLAGS,
  BUILD_FLAG_SPEC,
  BUILD_LIST_FLAGS,
  BUILD_VALUE_FLAGS,
  parseBuildFlags
};
