import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  redactWith,
  secretNeedles
} from "./chunk-7TF3LEEI.js";
import {
  configPolicy,
  parseCheckDirective,
  pragmaIndex,
  ruleResolver
} from "./chunk-7KWXQILZ.js";
import {
  BUILDKIT_CHECK_NAMES,
  LINT_RULES,
  SAME_LINE_OVERLAPS,
  allInstructions,
  compareFindings,
  compareRuleIds,
  compareText,
  findStageIndex,
  isImageCheckName,
  isOffByDefault,
  parseDiveCi,
  parseDockerfile,
  parseDockerignore,
  parseUntrustedYaml,
  runScripts,
  stageAtLine,
  stageRefOf
} from "./chunk-GDH2HMCT.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/config-load.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";

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
var MAX_CONFIG_BYTES = 1024 * 1024;
var LABEL_TYPES = /* @__PURE__ */ new Set(["text", "url", "semver", "hash", "rfc3339", "spdx", "email"]);
async function loadConfig(options) {
  const config = emptyConfig();
  const set = /* @__PURE__ */ new Set();
  const stagegatePath = findStagegateConfig(options);
  if (stagegatePath) {
    const label = displayName(options.cwd, stagegatePath);
    const data = await readYaml(stagegatePath, label);
    if (isHadolintConfig(data)) applyHadolint(config, set, data, label);
    else applyStagegate(config, set, data, label, options.knownRuleIds);
    config.sources.push(label);
  }
  const hadolintPath = HADOLINT_CONFIG_NAMES.map((name) => join(options.cwd, name)).find(isFile);
  if (hadolintPath) {
    const label = displayName(options.cwd, hadolintPath);
    if (applyHadolint(config, set, await readYaml(hadolintPath, label), label)) config.sources.push(label);
  }
  const divePath = join(options.cwd, ".dive-ci");
  if (isFile(divePath)) {
    const label = displayName(options.cwd, divePath);
    config.dive = { source: label, rules: await parseDiveCi(readFileSync(divePath, "utf8"), label) };
    config.sources.push(label);
  }
  return config;
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function findStagegateConfig(options) {
  if (options.explicitPath !== void 0 && options.explicitPath !== "") {
    const path = isAbsolute(options.explicitPath) ? options.explicitPath : resolve(options.cwd, options.explicitPath);
    if (!existsSync(path)) throw new UsageError(`config file not found: ${options.explicitPath}`);
    if (!isFile(path)) throw new UsageError(`config file is not a file: ${options.explicitPath}`);
    return path;
  }
  return STAGEGATE_CONFIG_NAMES.map((name) => join(options.cwd, name)).find(isFile);
}
function displayName(cwd, path) {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") ? rel : path;
}
async function readYaml(path, label) {
  let text;
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES)
      throw new UsageError(
        `${label}: ${size} bytes is too large for a config file (at most ${MAX_CONFIG_BYTES}); list rule ids, not generated data`
      );
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${label}: cannot read: ${error.message}`);
  }
  return parseUntrustedYaml(text, label);
}
function own(table, key) {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : void 0;
}
function checkSettingKey(id, where) {
  if (id in Object.prototype || id === "prototype")
    throw new UsageError(`${where}: ${JSON.stringify(id)} is not a rule id`);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function show(value) {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
      checkSettingKey(id, `${label}: severity`);
      checkRuleIds([id], `${label}: severity`, known);
      const normalized = typeof level === "string" ? own(HADOLINT_SEVERITY, level) ?? level : level;
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
      const field = own(THRESHOLD_KEYS, key);
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
    checkSettingKey(name, `${label}: label-schema`);
    if (typeof type !== "string" || !LABEL_TYPES.has(type))
      throw new UsageError(
        `${label}: label-schema.${name} must be one of ${[...LABEL_TYPES].join(", ")}, got ${show(type)}`
      );
    schema[name] = type;
  }
  return schema;
}
var HADOLINT_KEYS = /* @__PURE__ */ new Set([
  "ignored",
  "override",
  "trustedRegistries",
  "failure-threshold",
  "label-schema",
  "strict-labels",
  "no-fail",
  "no-color",
  "format",
  "disable-ignore-pragma",
  "verbose"
]);
function isHadolintConfig(data) {
  if (!isRecord(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((key) => HADOLINT_KEYS.has(key)) && keys.some((key) => !STAGEGATE_KEYS.has(key));
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
      const severity = own(HADOLINT_SEVERITY, level);
      if (!severity)
        throw new UsageError(
          `${label}: override.${level} is not a hadolint level (error, warning, info, style)`
        );
      for (const id of stringList(ids ?? [], `${label}: override.${level}`)) {
        checkSettingKey(id, `${label}: override.${level}`);
        config.severity[id] = severity;
      }
    }
    used = true;
  }
  if ("trustedRegistries" in data && !set.has("trustedRegistries")) {
    config.trustedRegistries = stringList(data["trustedRegistries"] ?? [], `${label}: trustedRegistries`);
    used = true;
  }
  if ("failure-threshold" in data && !set.has("failOn")) {
    const value = data["failure-threshold"];
    const severity = typeof value === "string" ? own(HADOLINT_SEVERITY, value) : void 0;
    if (!severity)
      throw new UsageError(
        `${label}: failure-threshold must be one of error, warning, info, style, ignore, none, got ${show(value)}`
      );
    config.failOn = severity === "off" ? "never" : severity;
    used = true;
  }
  if (data["no-fail"] === true && !set.has("failOn")) {
    config.failOn = "never";
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
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { basename, dirname, isAbsolute as isAbsolute2, join as join3, relative as relative2, resolve as resolve2 } from "node:path";

// src/lint/engine.ts
var UNKNOWN_PRAGMA_RULE = "SG1000";
function ruleResolver2(rules = LINT_RULES) {
  return ruleResolver(rules, isBuildkitName);
}
var BUILDKIT_NAMES = new Set(BUILDKIT_CHECK_NAMES);
function isBuildkitName(name) {
  return BUILDKIT_NAMES.has(name);
}
function startLint(model, context) {
  const rules = context.rules ?? LINT_RULES;
  const resolver = ruleResolver2(rules);
  const notices = [];
  const config = context.config;
  const { skipped, severity: severityOverride } = configPolicy(config, resolver);
  const check = parseCheckDirective(model, context.checkDirective);
  if (check) {
    const experimentalIds = new Set(rules.filter((rule) => rule.experimental === true).map((rule) => rule.id));
    const skip = (id) => {
      if (!experimentalIds.has(id)) skipped.add(id);
    };
    if (check.skipAll) for (const id of resolver.buildkitIds) skip(id);
    for (const name of check.skip) for (const id of resolver.resolve(name)) skip(id);
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
  return finishLint;
  function finishLint(extraFindings) {
    for (const extra of extraFindings) {
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
    dropOverlaps(findings);
    findings.sort(compareInFile);
    return { findings, notices, ...context.keepSilenced === true ? { silenced } : {} };
  }
}
var RANK = { error: 0, warning: 1, note: 2 };
function dropOverlaps(findings) {
  for (const { kept, dropped } of SAME_LINE_OVERLAPS) {
    const keptAt = /* @__PURE__ */ new Map();
    for (const finding of findings)
      if (finding.ruleId === kept) keptAt.set(`${finding.file ?? ""}\0${finding.line ?? 0}`, finding);
    if (keptAt.size === 0) continue;
    let write = 0;
    for (const finding of findings) {
      const keeper = finding.ruleId === dropped ? keptAt.get(`${finding.file ?? ""}\0${finding.line ?? 0}`) : void 0;
      if (keeper) {
        if (RANK[finding.severity] < RANK[keeper.severity]) keeper.severity = finding.severity;
        continue;
      }
      findings[write++] = finding;
    }
    findings.length = write;
  }
}
function compareInFile(a, b) {
  return RANK[a.severity] - RANK[b.severity] || (a.file === b.file ? 0 : compareFindings(a, b)) || (a.line ?? 0) - (b.line ?? 0) || compareRuleIds(a.ruleId, b.ruleId) || compareText(a.path ?? "", b.path ?? "");
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
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { delimiter, join as join2 } from "node:path";

// src/lint/shellcheck-plain.ts
var PLAIN_PROGRAMS = /* @__PURE__ */ new Set([
  "add-apt-repository",
  "apt-add-repository",
  "addgroup",
  "adduser",
  "apk",
  "apt",
  "apt-get",
  "bundle",
  "cargo",
  "chgrp",
  "chown",
  "cmake",
  "composer",
  "conda",
  "corepack",
  "cpanm",
  "curl",
  "docker-php-ext-configure",
  "docker-php-ext-enable",
  "docker-php-ext-install",
  "dnf",
  "dotnet",
  "dpkg",
  "gem",
  "git",
  "go",
  "gradle",
  "groupadd",
  "gunzip",
  "gzip",
  "ldconfig",
  "locale-gen",
  "make",
  "microdnf",
  "mvn",
  "ninja",
  "node",
  "npm",
  "pecl",
  "pip",
  "pip3",
  "pnpm",
  "python",
  "python3",
  "rustup",
  "tar",
  "touch",
  "true",
  "unzip",
  "update-ca-certificates",
  "useradd",
  "usermod",
  "wget",
  "yarn",
  "yum",
  "zypper"
]);
var CHECKED_PROGRAMS = {
  // SC2114: removing `/`, a top-level directory or /usr/local (every /usr/<name> is refused).
  rm: (args) => operands(args).every(
    (path) => !/^\/[^/]*\/?$/.test(path) && !/^\/usr\/[^/]*\/?$/.test(path) && !/^\.\.?\/?$/.test(path)
  ),
  // SC2224-SC2226: no destination. Options that take the target as their value are refused.
  cp: (args) => hasDestination(args),
  mv: (args) => hasDestination(args),
  ln: (args) => hasDestination(args),
  // SC2174: with -p, -m applies to the deepest directory only.
  mkdir: (args) => !args.some((arg) => /^-[a-zA-Z]*m/.test(arg) || arg.startsWith("--mode")),
  // SC2253: -r is "remove read", not "recursive".
  chmod: (args) => !args.some((arg) => /^-[a-zA-Z]*r/.test(arg)),
  // SC2164: a cd whose failure is not handled; SC2103: cd back out of a directory.
  cd: (args, next) => next === "&&" && args.length === 1 && !args[0].startsWith("-") && !args[0].includes(".."),
  // SC3040 and friends: only POSIX single-letter options.
  set: (args) => args.length > 0 && args.every((arg) => /^[-+][abCefhmnuvx]+$/.test(arg))
};
var PLAIN_PREFIX = /^(?:DEBIAN_FRONTEND|LC_ALL|LANG|CGO_ENABLED|GOOS|GOARCH|GO111MODULE|GOFLAGS)=[A-Za-z0-9_.-]*$/;
var PLAIN_TEXT = /^[A-Za-z0-9 \t_./:=+,@%*;&\\\n-]*$/;
function hasNothingToCheck(lines) {
  const text = lines.join("\n");
  if (!PLAIN_TEXT.test(text)) return false;
  const words = tokens(text);
  if (words === void 0) return false;
  let index = 0;
  while (index < words.length) {
    if (words[index] === "\n") {
      index++;
      continue;
    }
    if (words[index] === "&&" || words[index] === ";") return false;
    const end = commandEnd(words, index);
    const next = words[end];
    if (!plainCommand(words.slice(index, end), next)) return false;
    index = end;
    if (next === ";") index++;
    else if (next === "&&") {
      index++;
      while (words[index] === "\n") index++;
      if (index >= words.length) return false;
    }
  }
  return true;
}
function tokens(text) {
  const out = [];
  for (const line of text.split(/\\\n/).join(" ").split("\n")) {
    if (line.includes("\\")) return void 0;
    for (const word of line.replace(/;/g, " ; ").split(/[ \t]+/)) {
      if (word === "") continue;
      if (word.includes("&") && word !== "&&") return void 0;
      if (word.startsWith("*")) return void 0;
      out.push(word);
    }
    out.push("\n");
  }
  return out;
}
function commandEnd(words, start) {
  let end = start;
  while (end < words.length && words[end] !== "\n" && words[end] !== "&&" && words[end] !== ";") end++;
  return end;
}
function plainCommand(command, next) {
  let start = 0;
  while (start < command.length && command[start].includes("=")) {
    if (!PLAIN_PREFIX.test(command[start])) return false;
    start++;
  }
  const program = command[start];
  if (program === void 0) return false;
  const args = command.slice(start + 1);
  if (args.some((arg) => arg.startsWith("="))) return false;
  if (PLAIN_PROGRAMS.has(program)) return true;
  if (/^\.\/[A-Za-z0-9_.-]+$/.test(program)) return true;
  const checked = CHECKED_PROGRAMS[program];
  return checked !== void 0 && checked(args, next);
}
function operands(args) {
  return args.filter((arg) => !arg.startsWith("-"));
}
function hasDestination(args) {
  if (args.some((arg) => /^-[a-zA-Z]*[tTS]/.test(arg) || /^--(?:target|suffix|no-target)/.test(arg)))
    return false;
  return operands(args).length >= 2;
}

// src/lint/shellcheck.ts
var SHELLCHECK_MISSING_NOTICE = "shellcheck not found on PATH: SC checks skipped (install it, e.g. `apt-get install shellcheck`)";
var EXCLUDED_CODES = ["SC1090", "SC1091", "SC2187"];
var SEVERITY = { error: "error", warning: "warning", info: "note", style: "note" };
var SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var MENTION = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
var DEFAULT_LIMITS = {
  maxBodyLines: 300,
  maxBodyBytes: 16 * 1024,
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
  const body = source.lines[0]?.startsWith("#!") ? ["", ...source.lines.slice(1)] : source.lines;
  const text = [...header, ...body].join("\n") + "\n";
  return {
    text,
    dialect,
    headerLines: header.length,
    lineNumbers: source.lineNumbers,
    firstLine: source.lineNumbers[0] ?? 0,
    lastLine: source.lineNumbers.at(-1) ?? 0,
    stage: source.stage,
    bytes: Buffer.byteLength(text)
  };
}
var SHELL_PRAGMA = /^(?:hadolint|stagegate)\s+shell\s*=\s*(\S+)/i;
function modelRunScripts(model) {
  const shellPragmas = [];
  for (const comment of model.comments) {
    const match = SHELL_PRAGMA.exec(comment.text);
    if (match) shellPragmas.push({ line: comment.line, shell: match[1] });
  }
  return runScripts(model).map((run) => {
    const pragma = shellPragmaBefore(shellPragmas, run.line);
    return {
      stage: run.stage,
      lines: run.lines,
      lineNumbers: run.lineMap,
      shell: pragma !== void 0 ? [pragma] : run.shell,
      vars: run.shellVariables
    };
  });
}
function shellPragmaBefore(pragmas, line) {
  let found;
  for (const pragma of pragmas) {
    if (pragma.line >= line) break;
    found = pragma.shell;
  }
  return found;
}
function findOnPath(name, path = process.env["PATH"] ?? "") {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join2(dir, name);
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
  const worthChecking = (source) => options.skipPlain === false || !hasNothingToCheck(source.lines);
  const scripts = models.flatMap(
    (model, index) => modelRunScripts(model).flatMap((source) => {
      const script = worthChecking(source) ? toShellScript(source) : void 0;
      return script ? [{ model: index, script }] : [];
    })
  );
  const plan = planBatches(scripts, limits);
  for (const [index, skipped] of groupByModel(plan.skipped)) {
    const where = skipped.map((entry) => entry.script.firstLine).join(", ");
    outcomes[index].notices.push(
      `shellcheck skipped ${skipped.length === 1 ? "the RUN" : `${skipped.length} RUNs`} at line ${where}: more than ${limits.maxBodyLines} lines or ${Math.round(limits.maxBodyBytes / 1024)} KiB of script, too big to check`
    );
  }
  if (plan.batches.length === 0) return outcomes;
  const dir = mkdtempSync(join2(tmpdir(), "stagegate-sc-"));
  try {
    for (const batch of plan.batches)
      for (const entry of batch) writeFileSync(join2(dir, entry.name), entry.script.text, { mode: 384 });
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
    rmSync(dir, { recursive: true, force: true });
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
  const groups = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const list = groups.get(entry.model);
    if (list) list.push(entry);
    else groups.set(entry.model, [entry]);
  }
  return groups;
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
  return new Promise((resolve3) => {
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
          resolve3({ error: reason });
          return;
        }
        try {
          const parsed = JSON.parse(stdout);
          resolve3({ comments: parsed.comments ?? [] });
        } catch {
          resolve3({ error: "unreadable output" });
        }
      }
    );
  });
}

// src/lint/lint-file.ts
var MAX_DOCKERFILE_BYTES = 10 * 1024 * 1024;
var MAX_INSTRUCTION_BYTES = 1024 * 1024;
function longestInstruction(text) {
  let longest = { line: 0, bytes: 0 };
  let start = 1;
  let bytes = 0;
  let line = 0;
  let from = 0;
  let inContinuation = false;
  while (from <= text.length) {
    let end = text.indexOf("\n", from);
    if (end === -1) end = text.length;
    line++;
    bytes += end - from + 1;
    let last = end - 1;
    while (last >= from && (text[last] === " " || text[last] === "	" || text[last] === "\r")) last--;
    let first = from;
    while (first <= last && (text[first] === " " || text[first] === "	")) first++;
    const comment = first <= last && text[first] === "#";
    const continued = inContinuation ? first > last || comment || text[last] === "\\" || text[last] === "`" : !comment && last >= from && (text[last] === "\\" || text[last] === "`");
    inContinuation = continued;
    if (bytes > longest.bytes) longest = { line: start, bytes };
    if (!continued) {
      bytes = 0;
      start = line + 1;
    }
    from = end + 1;
  }
  return longest;
}
function readDockerfile(path, display) {
  let stats;
  try {
    stats = statSync2(path);
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
    buffer = readFileSync2(path);
  } catch (error) {
    throw new UsageError(`cannot read ${display}: ${error.message}`);
  }
  if (buffer.includes(0))
    throw new UsageError(`${display} is not a Dockerfile: it contains binary data (NUL bytes)`);
  let text = buffer.toString("utf8");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const longest = longestInstruction(text);
  if (longest.bytes > MAX_INSTRUCTION_BYTES)
    throw new UsageError(
      `${display}: the instruction at line ${longest.line} is ${(longest.bytes / 1024 / 1024).toFixed(1)} MB long (the limit is 1 MB an instruction); move the data into a file the build copies`
    );
  return text;
}
var DOCKERIGNORE_LIMITS = { bytes: 4 * 1024 * 1024, patterns: 1e4 };
function findDockerignore(dockerfilePath, contextDir) {
  const candidates = [
    join3(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`),
    join3(contextDir, ".dockerignore")
  ];
  for (const candidate of candidates) {
    let stats;
    try {
      stats = statSync2(candidate);
    } catch {
      continue;
    }
    if (!stats.isFile()) continue;
    const tooMany = (what) => new UsageError(
      `${candidate}: ${what} (the limit is ${DOCKERIGNORE_LIMITS.patterns} patterns, ${DOCKERIGNORE_LIMITS.bytes / 1024 / 1024} MB); use ** patterns instead of listing paths one by one`
    );
    if (stats.size > DOCKERIGNORE_LIMITS.bytes)
      throw tooMany(`the .dockerignore is ${(stats.size / 1024 / 1024).toFixed(1)} MB`);
    let text;
    try {
      text = readFileSync2(candidate, "utf8");
    } catch {
      continue;
    }
    const patterns = parseDockerignore(text);
    if (patterns.length > DOCKERIGNORE_LIMITS.patterns)
      throw tooMany(`the .dockerignore has ${patterns.length} patterns`);
    return patterns;
  }
  return null;
}
async function lintFile(path, options) {
  const [result] = await lintFiles([path], options);
  return result;
}
async function lintFiles(paths, options) {
  const prepared = paths.map((path) => prepareFile(path, options));
  const shellcheck = options.shellcheck !== false ? runShellcheckBatch(prepared.map((file) => file.model)) : Promise.resolve(prepared.map(() => ({ findings: [], notices: [] })));
  const started = prepared.map((file) => ({
    file,
    finish: startLint(file.model, {
      config: options.config,
      dockerignore: file.dockerignore,
      ...options.keepSilenced === true ? { keepSilenced: true } : {},
      ...options.checkDirective !== void 0 ? { checkDirective: options.checkDirective } : {}
    })
  }));
  const outcomes = await shellcheck;
  return started.map(({ file, finish }, index) => {
    const outcome = outcomes[index] ?? { findings: [], notices: [] };
    const notices = [...outcome.notices];
    const result = finish(outcome.findings);
    notices.push(...result.notices);
    return {
      model: file.model,
      findings: result.findings,
      notices,
      ...result.silenced ? { silenced: result.silenced } : {}
    };
  });
}
function prepareFile(path, options) {
  const cwd = options.cwd ?? process.cwd();
  const absolute = isAbsolute2(path) ? path : resolve2(cwd, path);
  const rel = relative2(cwd, absolute);
  const display = rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel) ? rel : absolute;
  const text = readDockerfile(absolute, path);
  const model = parseDockerfile(
    text,
    options.target === void 0 ? { path: display } : { path: display, target: options.target }
  );
  if (allInstructions(model).length === 0) {
    throw new UsageError(
      `${path} is not a Dockerfile: it has no instructions${text.trim() === "" ? " (the file is empty)" : ""}`
    );
  }
  if (model.stages.length === 0 && !allInstructions(model).some((instruction) => KNOWN_KEYWORD.test(instruction.keyword))) {
    throw new UsageError(`${path} is not a Dockerfile: no line starts with a Dockerfile instruction`);
  }
  if (options.target !== void 0 && findStageIndex(model.stages, options.target, false) === void 0) {
    const names = model.stages.map((stage) => stage.name).filter((name) => name !== void 0);
    throw new UsageError(
      `target stage "${options.target}" not found in ${path}${names.length > 0 ? ` (stages: ${names.join(", ")})` : " (it has no named stages)"}`
    );
  }
  const contextDir = options.context !== void 0 ? resolve2(cwd, options.context) : dirname(absolute);
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
    // The build and image phases load on first use, so a lint-only run does not pay for them.
    runBuild: async (inputs, deps) => (await import("./run-S3YQ5JE7.js")).runBuild(inputs, deps),
    runner: lazyDockerRunner,
    readImage: async (source, options) => (await import("./read-PLOSIFEH.js")).readImage(source, options),
    // Signing and the base images' supply chain (Sigstore, the registry clients) load only after a build.
    afterBuild: async (inputs, result, io2) => (await import("./after-build-F6FZSQGM.js")).afterBuild(inputs, result, io2)
  };
}
var lazyDockerRunner = {
  exec: async (args, options) => (await import("./buildx-LQRNK5YE.js")).createDockerRunner().exec(args, options)
};

// src/report/json.ts
function formatJson(reports) {
  return JSON.stringify(reports, null, 2) + "\n";
}

// src/report/redact.ts
function redactValue(value, needles) {
  if (typeof value === "string") return redactWith(needles, value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, needles));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, needles)]));
  }
  return value;
}
function redactReport(report, secrets) {
  const needles = secretNeedles(secrets);
  if (needles.length === 0) return report;
  return redactValue(report, needles);
}

export {
  formatJson,
  redactReport,
  defaultPipelineDeps
};
