#!/usr/bin/env node
import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  createDockerRunner,
  defaultPipelineDeps,
  formatJson,
  parseInputs
} from "./chunk-ZQ3QEZPT.js";
import {
  VERSION,
  buildReport,
  failsPolicy,
  runPipeline,
  smokeImage,
  smokeLine
} from "./chunk-VSKH64P6.js";
import "./chunk-MI6BNGQC.js";
import {
  wantsColor
} from "./chunk-RI22B4W3.js";
import "./chunk-DFWCJEYH.js";
import {
  formatSarif,
  toSarif
} from "./chunk-BLK6NORV.js";
import {
  ALL_RULES,
  UsageError,
  errorMessage,
  isKnownRuleId,
  isUsageError,
  parseDockerfile,
  ruleListing
} from "./chunk-YYNDAJNE.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-IJSUP4UB.js";
import "./chunk-47GV6F5I.js";
import "./chunk-DTDXLTCT.js";

// src/cli/commands.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

// src/cli/argv.ts
function parseArgv(command, argv, spec) {
  const parsed = { values: /* @__PURE__ */ new Map(), booleans: /* @__PURE__ */ new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") {
        throw new UsageError(`unknown option "${arg}"; run \`stagegate ${command} --help\`.`);
      }
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? void 0 : arg.slice(eq + 1);
    if (spec.booleans.includes(name)) {
      const next = argv[i + 1];
      if (inline === void 0 && (next === "true" || next === "false"))
        throw new UsageError(
          `--${name} takes no separate value: write --${name} or --${name}=${next} (got "--${name} ${next}").`
        );
      if (inline === void 0) parsed.booleans.set(name, true);
      else if (inline === "true" || inline === "false") parsed.booleans.set(name, inline === "true");
      else throw new UsageError(`--${name} takes true or false, got "${inline}".`);
      continue;
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(`unknown option "--${name}"; run \`stagegate ${command} --help\`.`);
    }
    let value = inline;
    if (value === void 0) {
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("--") && next.length > 2) {
        throw new UsageError(`--${name} needs a value.`);
      }
      value = next;
      i++;
    }
    parsed.values.set(name, [...parsed.values.get(name) ?? [], value]);
  }
  return parsed;
}
function lastValue(parsed, name) {
  return parsed.values.get(name)?.at(-1);
}
function oneOf(command, name, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got "${value}".`);
}

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
  "sarif-file"
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
  "smoke"
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

// src/cli/io.ts
import { tmpdir } from "node:os";
function processCliIO() {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd()
  };
}
function cliPipelineDeps(io) {
  const log = (line) => io.stderr(`${line}
`);
  const base = {
    cwd: io.cwd,
    env: io.env,
    tempDir: io.tempDir ?? tmpdir(),
    info: log,
    notice: (message) => log(`notice: ${message}`),
    warning: (message) => log(`warning: ${message}`),
    group: async (name, phase) => {
      log(`── ${name}`);
      return phase();
    },
    mask: () => void 0
  };
  return { ...defaultPipelineDeps(base), ...io.pipeline };
}

// src/report/formats/index.ts
var FORMATS = [
  "tty",
  "text",
  "json",
  "sarif",
  "checkstyle",
  "codeclimate",
  "gitlab_codeclimate",
  "gnu",
  "junit",
  "sonarqube"
];
var LOADERS = {
  tty: async () => (await import("./tty-KVIS2UKK.js")).formatTty,
  text: async () => (await import("./tty-KVIS2UKK.js")).formatTty,
  json: async () => (await import("./json-AHQGVXVK.js")).formatJson,
  sarif: async () => (await import("./sarif-5BQZFKX3.js")).formatSarif,
  checkstyle: async () => (await import("./checkstyle-GUC7QVQA.js")).formatCheckstyle,
  codeclimate: async () => (await import("./codeclimate-KIAENHD2.js")).formatCodeclimate,
  gitlab_codeclimate: async () => (await import("./gitlab-codeclimate-HGCID47W.js")).formatGitlabCodeclimate,
  gnu: async () => (await import("./gnu-ZEWEZV2C.js")).formatGnu,
  junit: async () => (await import("./junit-MENVY3MZ.js")).formatJunit,
  sonarqube: async () => (await import("./sonarqube-64RWQDNZ.js")).formatSonarqube
};
async function formatReports(reports, format, context) {
  const formatter = await LOADERS[format]();
  return formatter(reports, context);
}

// src/cli/output.ts
var FAIL_LEVELS = ["error", "warning", "note", "never"];
function renderReports(reports, format, srcRoot = process.cwd()) {
  return formatReports(reports, format, {
    toolVersion: VERSION,
    srcRoot,
    color: wantsColor(process.stdout, process.env)
  });
}
function exitStatus(reports, failOn) {
  return reports.some((report) => report.build && !report.build.ok || failsPolicy(report.counts, failOn)) ? 1 : 0;
}
function writeOut(text, write = (chunk) => void process.stdout.write(chunk)) {
  if (text === "") return;
  write(text.endsWith("\n") || text.endsWith("\0") ? text : `${text}
`);
}

// src/cli/commands.ts
var COMMON = ["format", "config", "fail-on"];
function commonOptions(command, parsed, deps) {
  const format = oneOf(command, "format", lastValue(parsed, "format"), FORMATS, "text");
  const failOnFlag = lastValue(parsed, "fail-on");
  const failOn = failOnFlag === void 0 ? void 0 : oneOf(command, "fail-on", failOnFlag, FAIL_LEVELS, "error");
  const cwd = deps.cwd;
  const configPath = lastValue(parsed, "config");
  const config = deps.loadConfig({
    cwd,
    ...configPath ? { explicitPath: configPath } : {},
    knownRuleIds: isKnownRuleId
  });
  return { format, cwd, config, failOn: failOn || config.failOn || "error" };
}
async function lintCommand(argv, io) {
  const parsed = parseArgv("lint", argv, { values: [...COMMON, "target"], booleans: [] });
  if (parsed.positionals.length === 0)
    throw new UsageError("name at least one Dockerfile; run `stagegate lint --help`.");
  const deps = cliPipelineDeps(io);
  const { format, cwd, config, failOn } = commonOptions("lint", parsed, deps);
  const target = lastValue(parsed, "target");
  const linted = await deps.lintFiles(parsed.positionals, { config, cwd, ...target ? { target } : {} });
  if (format === "text" || format === "tty")
    for (const notice of new Set(linted.flatMap((file) => file.notices))) io.stderr(`stagegate: ${notice}
`);
  const reports = linted.map(
    (file) => buildReport({
      dockerfile: file.model.path,
      model: file.model,
      findings: file.findings,
      notices: file.notices,
      toolVersion: VERSION
    })
  );
  writeOut(await renderReports(reports, format, cwd), io.stdout);
  return exitStatus(reports, failOn);
}
async function checkCommand(argv, io) {
  const parsed = parseArgv("check", argv, {
    values: [...COMMON, "dockerfile", "target", "platform"],
    booleans: ["smoke"]
  });
  if (parsed.positionals.length !== 1) throw new UsageError("name one image; run `stagegate check --help`.");
  const source = parsed.positionals[0];
  const deps = cliPipelineDeps(io);
  const { format, cwd, config, failOn } = commonOptions("check", parsed, deps);
  const file = lastValue(parsed, "dockerfile");
  const target = lastValue(parsed, "target");
  const model = file === void 0 ? void 0 : parseDockerfile(deps.readDockerfile(resolve(cwd, file), file), {
    path: file,
    ...target ? { target } : {}
  });
  const platform = lastValue(parsed, "platform");
  const { checkImage: checkImage2 } = await import("./pipeline-IZRNJBAF.js");
  const checked = await checkImage2(
    source,
    { platforms: platform ? [platform] : [], push: false, sbom: "false", provenance: "false" },
    model,
    config,
    file ?? source,
    { ...deps, info: () => void 0 }
  );
  if (parsed.booleans.get("smoke") && checked.image.startup) {
    checked.image.startup.smoke = await smokeImage(createDockerRunner(), source, checked.config ?? {});
    process.stderr.write(`stagegate: ${smokeLine(checked.image.startup.smoke)}
`);
  }
  const report = buildReport({
    dockerfile: file ?? source,
    ...model ? { model } : {},
    findings: checked.findings,
    image: checked.image,
    ...checked.notices.length > 0 ? { notices: checked.notices } : {},
    toolVersion: VERSION
  });
  writeOut(await renderReports([report], format, cwd), io.stdout);
  return exitStatus([report], failOn);
}
function takeFormat(argv) {
  const rest = [];
  let format;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--format") {
      const next = argv[++i];
      if (next === void 0 || next.startsWith("--")) throw new UsageError("--format needs a value.");
      format = next;
    } else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else rest.push(arg);
  }
  return { format, rest };
}
async function buildCommand(argv, io) {
  const { format: formatFlag, rest } = takeFormat(argv);
  const format = oneOf("build", "format", formatFlag, FORMATS, "text");
  const inputs = parseBuildFlags(rest);
  const deps = cliPipelineDeps(io);
  const result = await runPipeline(inputs, deps);
  if (inputs["report-file"]) writeFileSync(resolve(io.cwd, inputs["report-file"]), formatJson(result.report));
  if (inputs["sarif-file"]) {
    writeFileSync(
      resolve(io.cwd, inputs["sarif-file"]),
      formatSarif(toSarif([result.report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: io.cwd }))
    );
  }
  writeOut(await renderReports([result.report], format, io.cwd), io.stdout);
  if (result.build && !result.build.ok)
    io.stderr(`stagegate: the build failed:
${result.build.error ?? ""}
`);
  return exitStatus([result.report], result.failOn);
}
async function rulesCommand(argv, io) {
  const parsed = parseArgv("rules", argv, { values: ["format"], booleans: [] });
  const format = oneOf("rules", "format", lastValue(parsed, "format"), ["text", "json"], "text");
  const rules = ruleListing();
  if (format === "json") {
    writeOut(JSON.stringify(rules, null, 2), io.stdout);
    return 0;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  writeOut(
    rules.map(
      (rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.phase.padEnd(10)}  ${rule.offByDefault ? "off" : "on "}  ${rule.summary}`
    ).join("\n"),
    io.stdout
  );
  return 0;
}

// src/cli/main.ts
var USAGE = `usage:
  stagegate lint  [--format FORMAT] [--config FILE] [--fail-on LEVEL] [--target STAGE] DOCKERFILE...
  stagegate check IMAGE --dockerfile FILE [--format FORMAT] [--config FILE] [--fail-on LEVEL] [--platform P] [--smoke]
  stagegate build [CONTEXT] [--file F] [--tags T]... [--push] [--load] [--cache-registry REF] [--secrets id=value]...
                  [--sbom ...] [--provenance ...] [--fail-on LEVEL] [--format FORMAT]
                  [--report-file F] [--sarif-file F]  (every flag is named like the action input)
  stagegate rules [--format text|json]

IMAGE: a reference in the local engine, oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG.
FORMAT: tty (default; alias text), json, sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, junit, sonarqube.
LEVEL: error (default), warning, note or never.
Exit: 0 nothing at or above LEVEL; 1 findings at or above it (or a failed build); 2 usage or input error.`;
var COMMANDS = {
  lint: lintCommand,
  check: checkCommand,
  build: buildCommand,
  rules: rulesCommand
};
async function main(argv, io = processCliIO()) {
  const [command, ...rest] = argv;
  try {
    if (command === void 0) {
      io.stderr(`${USAGE}
`);
      return 2;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${VERSION}
`);
      return 0;
    }
    const run = COMMANDS[command];
    if (run === void 0) {
      io.stderr(`stagegate: unknown command "${command}"; run \`stagegate --help\`.
`);
      return 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    return await run(rest, io);
  } catch (error) {
    io.stderr(`stagegate${command ? ` ${command}` : ""}: ${errorMessage(error)}
`);
    if (!isUsageError(error) && error instanceof Error && io.env.STAGEGATE_DEBUG) {
      io.stderr(`${error.stack}
`);
    }
    return 2;
  }
}

// src/cli.ts
process.exitCode = await main(process.argv.slice(2));
