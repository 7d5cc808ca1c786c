#!/usr/bin/env node
import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  lastValue,
  oneOf,
  parseArgv
} from "./chunk-PJLYITTU.js";
import {
  wantsColor
} from "./chunk-6M4NMJMY.js";
import "./chunk-TIBB3R34.js";
import {
  defaultPipelineDeps,
  formatJson,
  redactReport
} from "./chunk-BEABXYBR.js";
import "./chunk-DFWCJEYH.js";
import {
  formatSarif,
  toSarif
} from "./chunk-62PAHNMF.js";
import {
  SecretSet,
  secretValuesOf
} from "./chunk-7TF3LEEI.js";
import {
  VERSION,
  buildReport
} from "./chunk-7KWXQILZ.js";
import {
  ALL_RULES,
  failsPolicy,
  findStageIndex,
  isKnownRuleId,
  parseDockerfile,
  parseImageRef,
  ruleListing
} from "./chunk-GDH2HMCT.js";
import "./chunk-C64V33NP.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-5YN6HGCW.js";
import {
  UsageError,
  errorMessage,
  isUsageError
} from "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/cli/commands.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

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
function cliPipelineDeps(io, mask = () => void 0) {
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
    mask
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
  tty: async () => (await import("./tty-S6ML72PO.js")).formatTty,
  text: async () => (await import("./tty-S6ML72PO.js")).formatTty,
  json: async () => (await import("./json-S62TVYVC.js")).formatJson,
  sarif: async () => (await import("./sarif-HOCXZSPY.js")).formatSarif,
  checkstyle: async () => (await import("./checkstyle-7KEVJFX7.js")).formatCheckstyle,
  codeclimate: async () => (await import("./codeclimate-4XJCBA5H.js")).formatCodeclimate,
  gitlab_codeclimate: async () => (await import("./gitlab-codeclimate-4KGBIHER.js")).formatGitlabCodeclimate,
  gnu: async () => (await import("./gnu-P7QXRD67.js")).formatGnu,
  junit: async () => (await import("./junit-XLEVXBZK.js")).formatJunit,
  sonarqube: async () => (await import("./sonarqube-PUC4ODYR.js")).formatSonarqube
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
function writeOut(text, write) {
  if (text === "") return;
  write(text.endsWith("\n") || text.endsWith("\0") ? text : `${text}
`);
}

// src/cli/commands.ts
var COMMON = ["format", "config", "fail-on"];
async function commonOptions(command, parsed, deps) {
  const format = oneOf(command, "format", lastValue(parsed, "format"), FORMATS, "text");
  const failOnFlag = lastValue(parsed, "fail-on");
  const failOn = failOnFlag === void 0 ? void 0 : oneOf(command, "fail-on", failOnFlag, FAIL_LEVELS, "error");
  const cwd = deps.cwd;
  const configPath = lastValue(parsed, "config");
  const config = await deps.loadConfig({
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
  const { format, cwd, config, failOn } = await commonOptions("lint", parsed, deps);
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
  const { format, cwd, config, failOn } = await commonOptions("check", parsed, deps);
  const file = lastValue(parsed, "dockerfile");
  const target = lastValue(parsed, "target");
  if (target !== void 0 && file === void 0)
    throw new UsageError("--target names a stage of the Dockerfile: give --dockerfile too.");
  const model = file === void 0 ? void 0 : parseDockerfile(deps.readDockerfile(resolve(cwd, file), file), {
    path: file,
    ...target ? { target } : {}
  });
  if (model && target !== void 0 && findStageIndex(model.stages, target, false) === void 0) {
    const names = model.stages.map((stage) => stage.name).filter((name) => name !== void 0);
    throw new UsageError(
      `target stage "${target}" not found in ${file}${names.length > 0 ? ` (stages: ${names.join(", ")})` : " (it has no named stages)"}`
    );
  }
  const platform = lastValue(parsed, "platform");
  const { checkImage } = await import("./pipeline-NNSNXCSC.js");
  const checked = await checkImage(
    source,
    { platforms: platform ? [platform] : [], push: false, sbom: "false", provenance: "false" },
    model,
    config,
    file ?? source,
    { ...deps, info: () => void 0 }
  );
  if (parsed.booleans.get("smoke") && checked.image.startup) {
    const { smokeImage } = await import("./run-TMPPAZPI.js");
    const { smokeLine } = await import("./startup-UKMVAD2B.js");
    checked.image.startup.smoke = await smokeImage(deps.runner, source, checked.config ?? {});
    io.stderr(`stagegate: ${smokeLine(checked.image.startup.smoke)}
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
  const { parseBuildFlags } = await import("./build-flags-P2C6JJWM.js");
  const inputs = parseBuildFlags(rest);
  for (const tag of inputs.tags) {
    const ref = parseImageRef(tag);
    if (ref === void 0 || ref.repository !== ref.repository.toLowerCase())
      throw new UsageError(
        `--tags: "${tag}" is not a valid image reference (lowercase name, optional :tag of letters, digits, . _ -); e.g. ghcr.io/owner/app:1.0.`
      );
  }
  const secrets = new SecretSet(secretValuesOf(inputs, io.env, io.cwd));
  const stderr = (text) => io.stderr(secrets.redact(text));
  const deps = cliPipelineDeps({ ...io, stderr }, (value) => secrets.add(value));
  const { runPipeline } = await import("./pipeline-NNSNXCSC.js");
  const raw = await runPipeline(inputs, deps);
  const after = await deps.afterBuild(inputs, raw, {
    env: io.env,
    info: deps.info,
    notice: deps.notice,
    warning: deps.warning
  });
  const result = { ...raw, report: redactReport(raw.report, secrets.values()) };
  const writeRedacted = (text) => writeOut(secrets.redact(text), io.stdout);
  if (inputs["report-file"])
    writeFileSync(resolve(io.cwd, inputs["report-file"]), secrets.redact(formatJson(result.report)));
  if (inputs["sarif-file"]) {
    writeFileSync(
      resolve(io.cwd, inputs["sarif-file"]),
      secrets.redact(
        formatSarif(toSarif([result.report], { toolVersion: VERSION, rules: ALL_RULES, srcRoot: io.cwd }))
      )
    );
  }
  writeRedacted(await renderReports([result.report], format, io.cwd));
  if (result.build && !result.build.ok) stderr(`stagegate: the build failed:
${result.build.error ?? ""}
`);
  if (after.error) {
    stderr(`stagegate: ${after.error}
`);
    return 1;
  }
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
  stagegate verify IMAGE (--certificate-identity ID [--certificate-oidc-issuer URL] [--trusted-root FILE] | --key FILE)
                  [--format text|json]   (IMAGE in a registry; exit 1 when a check fails)
  stagegate rules [--format text|json]

IMAGE: a reference in the local engine, oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG.
FORMAT: tty (default; alias text), json, sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, junit, sonarqube.
LEVEL: error (default), warning, note or never.
Exit: 0 nothing at or above LEVEL; 1 findings at or above it (or a failed build); 2 usage or input error.`;
var COMMANDS = {
  lint: lintCommand,
  check: checkCommand,
  build: buildCommand,
  // Sigstore's verifier is loaded only for `verify`.
  verify: async (argv, io) => (await import("./verify-LYNTQBDE.js")).verifyCommand(argv, { out: io.stdout, err: io.stderr, env: io.env }),
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
