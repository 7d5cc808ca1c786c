import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  isRemoteContext,
  lintTarget,
  resolveContext
} from "./chunk-BOCMDX27.js";
import {
  VERSION,
  buildReport,
  createPolicy
} from "./chunk-7KWXQILZ.js";
import {
  ALL_RULES,
  IMAGE_CAPTURE,
  IMAGE_CHECKS,
  SG2012,
  SG2013,
  SG2040,
  SG2041,
  SG2042,
  SG2043,
  SG2044,
  SG2045,
  STARTUP_SCAN,
  analyseStartup,
  attributeHistory,
  attributeLayers,
  compareFindings,
  isAllowedPath,
  isKnownRuleId,
  parseDockerfile,
  severityRank,
  stageRefOf,
  userWastedPercent
} from "./chunk-GDH2HMCT.js";
import {
  smokeLine
} from "./chunk-2N6NUYKT.js";
import {
  NOT_RUN,
  smokeImage
} from "./chunk-M74C5YY2.js";
import {
  redactCreatedBy,
  scrubTokens
} from "./chunk-RYLBCIKQ.js";
import {
  errorMessage,
  isUsageError
} from "./chunk-NMQJWALE.js";

// src/pipeline.ts
import { isAbsolute, join, relative, resolve } from "node:path";

// src/checks/run.ts
function runImageChecks(index, options) {
  return runImageChecksDetailed(index, options).findings;
}
function runImageChecksDetailed(index, options) {
  const { model, config } = options;
  const attribution = model ? attributeLayers(index, model) : [];
  const context = {
    index,
    attribution,
    historyAttribution: model ? attributeHistory(index, model) : [],
    config,
    ...model ? { model } : {},
    ...options.requested ? { requested: options.requested } : {},
    ...options.tags ? { tags: options.tags } : {}
  };
  const file = options.file ?? model?.path;
  const rules = options.checks ? [...ALL_RULES, ...options.checks] : ALL_RULES;
  const policy = createPolicy({ config, rules, ...model ? { model } : {} });
  const result = { findings: [], silenced: [], notices: [] };
  for (const check of options.checks ?? IMAGE_CHECKS) {
    let hits;
    try {
      hits = check.run(context);
    } catch (error) {
      result.notices.push(
        `image check ${check.id} failed on ${index.ref}: ${scrubTokens(error instanceof Error ? error.message : String(error))}`
      );
      continue;
    }
    const base = policy.severityOf(check.id, check.severity);
    for (const hit of hits) {
      if (hit.path !== void 0 && isAllowedPath(config.allow.paths, hit.path)) continue;
      const severity = hit.severity && severityRank(hit.severity) > severityRank(base) ? hit.severity : base;
      const finding = toFinding(check, hit, severity, { index, model, attribution, file });
      if (policy.silences(finding)) result.silenced.push(finding);
      else result.findings.push(finding);
    }
  }
  result.findings.sort(compareFindings);
  return result;
}
function toFinding(check, hit, severity, where) {
  const { index, model, attribution, file } = where;
  const layerInfo = hit.layer === void 0 ? void 0 : index.layers[hit.layer];
  const attributed = hit.layer === void 0 ? void 0 : attribution[hit.layer];
  let line = hit.line ?? attributed?.line;
  let endLine = hit.line !== void 0 ? hit.endLine : attributed?.endLine;
  let stage;
  if (hit.stage !== void 0 && model?.stages[hit.stage]) stage = stageRefOf(model.stages[hit.stage]);
  else stage = attributed?.stage;
  if (line === void 0 && stage === void 0 && model) {
    const final = model.stages[model.finalStage];
    if (final) {
      stage = stageRefOf(final);
      line = final.line;
      endLine = final.instructions[0]?.endLine;
    }
  }
  const finding = { ruleId: check.id, severity, message: scrubTokens(hit.message) };
  if (file !== void 0 && line !== void 0) finding.file = file;
  if (line !== void 0) finding.line = line;
  if (line !== void 0 && endLine !== void 0 && endLine > line) finding.endLine = endLine;
  if (stage) finding.stage = stage;
  if (layerInfo)
    finding.layer = {
      index: layerInfo.index,
      ...layerInfo.digest ? { digest: layerInfo.digest } : {},
      ...layerInfo.createdBy ? { createdBy: redactCreatedBy(layerInfo.createdBy) } : {}
    };
  if (hit.path !== void 0) finding.path = hit.path;
  if (hit.evidence !== void 0) finding.evidence = scrubTokens(hit.evidence);
  if (hit.count !== void 0 && hit.count > 1) finding.count = hit.count;
  const related = /* @__PURE__ */ new Set();
  for (const other of hit.alsoLayers ?? []) {
    const otherLine = attribution[other]?.line;
    if (otherLine !== void 0 && otherLine !== line) related.add(otherLine);
  }
  for (const otherLine of hit.alsoLines ?? []) if (otherLine !== line) related.add(otherLine);
  if (related.size > 0) finding.relatedLines = [...related].sort((a, b) => a - b);
  return finding;
}

// src/checks/startup/verdict.ts
var PREDICTING = [SG2012, SG2013, SG2040, SG2041, SG2042, SG2043, SG2044, SG2045];
function predictStartup(index, options) {
  const { model, config } = options;
  const analysis = analyseStartup({
    index,
    config,
    attribution: [],
    historyAttribution: [],
    ...model ? { model } : {}
  });
  const reached = new Set(analysis.steps.flatMap((step) => step.lookup.file ? [step.lookup.file.path] : []));
  const findings = runImageChecks(index, { config, checks: PREDICTING, ...model ? { model } : {} });
  const reasons = findings.filter((finding) => finding.severity !== "note").filter(
    (finding) => finding.ruleId !== "SG2012" || finding.path !== void 0 && reached.has(finding.path)
  ).map(toReason);
  return {
    expected: reasons.length === 0,
    reasons,
    command: analysis.argv,
    user: analysis.identity.raw
  };
}
function toReason(finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    impact: finding.ruleId === "SG2044" || finding.ruleId === "SG2045" ? "work" : "start",
    message: finding.message,
    ...finding.line !== void 0 ? { line: finding.line } : {},
    ...finding.stage !== void 0 ? { stage: finding.stage.index } : {},
    ...finding.path !== void 0 ? { path: finding.path } : {}
  };
}

// src/findings/merge.ts
var CONFIRMATIONS = [
  { problem: "the container runs as root", lint: ["DL3002", "SG1008"], image: ["SG2003"], where: "line" },
  {
    problem: "a secret in a build argument or ENV",
    lint: ["DL3064", "SG1006"],
    image: ["SG2005"],
    where: "line"
  },
  {
    problem: "a package-manager cache left in a layer",
    lint: ["DL3009", "DL3019", "DL3032", "DL3036", "DL3040", "DL3042", "DL3060"],
    image: ["SG2007"],
    where: "line"
  },
  {
    problem: "source files copied into the final image",
    lint: ["SG1004", "SG1005"],
    image: ["SG2006"],
    where: "line"
  },
  {
    problem: "a full operating system as the final base",
    lint: ["SG1002"],
    image: ["SG2001", "SG2002"],
    where: "line"
  },
  {
    problem: "packages installed in the final stage",
    lint: ["SG1003"],
    image: ["SG2002", "SG2008"],
    where: "final-stage"
  }
];
function linesOf(finding) {
  return finding.line === void 0 ? [] : [finding.line, ...finding.relatedLines ?? []];
}
function meets(confirmation, lint, image) {
  if (lint.file !== void 0 && image.file !== void 0 && lint.file !== image.file) return false;
  if (confirmation.where === "final-stage") return lint.stage?.final === true;
  return lint.line !== void 0 && linesOf(image).includes(lint.line);
}
function mergeFindings(input) {
  const groups = /* @__PURE__ */ new Map();
  const grouped = /* @__PURE__ */ new Set();
  const silencedLint = new Set(input.silencedLint ?? []);
  const lintFindings = [...input.lint, ...silencedLint];
  const place = (image, silenced) => {
    for (const confirmation of CONFIRMATIONS) {
      if (!confirmation.image.includes(image.ruleId)) continue;
      const partners = lintFindings.filter(
        (lint) => confirmation.lint.includes(lint.ruleId) && meets(confirmation, lint, image)
      );
      if (partners.length === 0) continue;
      partners.sort(
        (a, b) => confirmation.lint.indexOf(a.ruleId) - confirmation.lint.indexOf(b.ruleId) || (a.line ?? 0) - (b.line ?? 0)
      );
      const owner = partners.map((lint) => findGroup(groups, lint)).find((group2) => group2 !== void 0);
      const group = owner ?? { lead: partners[0], lint: [], image: [] };
      if (!owner) groups.set(group.lead, group);
      for (const lint of partners) {
        if (grouped.has(lint)) continue;
        grouped.add(lint);
        group.lint.push(lint);
      }
      if (silenced || partners.some((lint) => silencedLint.has(lint))) silencedGroups.add(group);
      else group.image.push(image);
      return true;
    }
    return false;
  };
  const silencedGroups = /* @__PURE__ */ new Set();
  const standalone = [];
  for (const image of input.image) if (!place(image, false)) standalone.push(image);
  for (const image of input.silencedImage ?? []) place(image, true);
  const result = [];
  for (const lint of input.lint) if (!grouped.has(lint)) result.push(lint);
  result.push(...standalone);
  for (const group of groups.values()) {
    if (silencedGroups.has(group)) continue;
    if (group.image.length === 0) {
      result.push(...group.lint.filter((lint) => !silencedLint.has(lint)));
      continue;
    }
    const merged = mergeGroup(group);
    if (input.silences?.(merged)) continue;
    result.push(merged);
  }
  return result;
}
function findGroup(groups, lint) {
  for (const group of groups.values()) if (group.lint.includes(lint) || group.lead === lint) return group;
  return void 0;
}
function mostSevere(findings) {
  return findings.reduce(
    (worst, finding) => severityRank(finding.severity) < severityRank(worst) ? finding.severity : worst,
    "note"
  );
}
function mergeGroup(group) {
  const { lead } = group;
  const members = [...group.lint, ...group.image];
  const merged = { ...lead, severity: mostSevere(members), confirmed: true };
  const also = [];
  for (const member of members)
    for (const id of [member.ruleId, ...member.also ?? []])
      if (id !== lead.ruleId && !also.includes(id)) also.push(id);
  merged.also = also;
  const related = /* @__PURE__ */ new Set();
  for (const member of members) for (const line of linesOf(member)) if (line !== lead.line) related.add(line);
  if (related.size > 0) merged.relatedLines = [...related].sort((a, b) => a - b);
  const shown = group.image.find((image) => image.layer !== void 0 || image.path !== void 0);
  if (shown?.layer && merged.layer === void 0) merged.layer = { ...shown.layer };
  if (shown?.path !== void 0 && merged.path === void 0) merged.path = shown.path;
  const count = group.image.reduce((total, image) => total + (image.count ?? 0), 0);
  if (count > 1) merged.count = count;
  const evidence = [];
  for (const lint of group.lint)
    evidence.push(
      `Dockerfile line ${lint.line ?? "?"} (${lint.ruleId})${lint.evidence ? `: ${lint.evidence}` : ""}`
    );
  for (const image of group.image) evidence.push(`image (${image.ruleId}): ${imageEvidence(image)}`);
  merged.evidence = evidence.join("; ");
  return merged;
}
function imageEvidence(finding) {
  const where = finding.layer !== void 0 ? `layer ${finding.layer.index}` : "config";
  const what = finding.evidence ?? finding.path ?? finding.message;
  return `${where}: ${what}`;
}

// src/report/image.ts
function reportImage(index, attribution, startup) {
  const byLayer = new Map(attribution.map((entry) => [entry.layer, entry]));
  const image = {
    ref: index.ref,
    sizeBytes: index.sizeBytes,
    efficiency: index.efficiency,
    wastedBytes: index.wastedBytes,
    userWastedPercent: userWastedPercent(index),
    layers: index.layers.map((layer) => {
      const attributed = byLayer.get(layer.index);
      return {
        index: layer.index,
        digest: layer.digest,
        sizeBytes: layer.sizeBytes,
        // Build-arg values show in created_by: never carry a secret-looking one.
        createdBy: redactCreatedBy(layer.createdBy),
        ...attributed ? { stage: attributed.stage.index, line: attributed.line } : {}
      };
    }),
    attestations: {
      sbom: index.attestations?.sbom ?? false,
      provenance: index.attestations?.provenance ?? false
    }
  };
  if (index.digest !== void 0) image.digest = index.digest;
  if (index.indexFromAttestations) image.indexFromAttestations = true;
  if (startup) image.startup = { ...startup, smoke: { ...NOT_RUN } };
  return image;
}

// src/pipeline.ts
function dockerfilePath(inputs) {
  if (inputs.file !== "") return inputs.file;
  if (isRemoteContext(inputs.context)) return void 0;
  return join(inputs.context, "Dockerfile");
}
function checkDirectiveArg(buildArgs) {
  const prefix = "BUILDKIT_DOCKERFILE_CHECK=";
  let value;
  for (const arg of buildArgs) if (arg.startsWith(prefix)) value = arg.slice(prefix.length);
  return value === void 0 ? {} : { checkDirective: value };
}
function displayPath(cwd, path) {
  const rel = relative(cwd, resolve(cwd, path));
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : resolve(cwd, path);
}
function resolveFailOn(inputs, config) {
  return inputs["fail-on"] || config.failOn || "error";
}
function imageToCheck(inputs, build) {
  if (inputs.image !== "") return inputs.image;
  if (!build?.ok || build.filesOnly || inputs.call !== "") return void 0;
  const tag = inputs.tags[0];
  if (inputs.push && tag !== void 0 && build.digest !== void 0) {
    return `${tag.replace(/@sha256:[0-9a-f]+$/, "").replace(/:[^:/]+$/, "")}@${build.digest}`;
  }
  if (build.buildx.driver === "docker" || inputs.load) {
    if (tag !== void 0) return tag;
    return build.buildx.containerdStore === true ? build.digest ?? build.imageid : build.imageid;
  }
  return void 0;
}
async function runPipeline(inputs, deps) {
  const config = await deps.loadConfig({
    cwd: deps.cwd,
    ...inputs.config !== "" ? { explicitPath: inputs.config } : {},
    knownRuleIds: isKnownRuleId
  });
  const failOn = resolveFailOn(inputs, config);
  const findings = [];
  const notices = [];
  let silencedLint = [];
  const context = resolveContext(inputs.context, deps.env);
  const target = lintTarget(inputs, context, deps.cwd);
  const path = target.dockerfile;
  const dockerfile = path === void 0 ? context.context : displayPath(deps.cwd, path);
  let model;
  if (path !== void 0) {
    model = await deps.group("Lint", async () => {
      if (!inputs.lint) {
        const text = deps.readDockerfile(resolve(deps.cwd, path), path);
        return parseDockerfile(text, {
          path: dockerfile,
          ...inputs.target ? { target: inputs.target } : {}
        });
      }
      const linted = await deps.lintFile(path, {
        config,
        cwd: deps.cwd,
        context: target.contextDir ?? inputs.context,
        ...inputs.target ? { target: inputs.target } : {},
        ...inputs.check ? { keepSilenced: true } : {},
        ...checkDirectiveArg(inputs["build-args"])
      });
      findings.push(...linted.findings);
      silencedLint = linted.silenced ?? [];
      notices.push(...linted.notices);
      deps.info(`${linted.findings.length} lint finding(s) in ${dockerfile}`);
      return linted.model;
    });
  } else if (inputs.lint && target.skipped) {
    notices.push(target.skipped);
  }
  for (const notice of notices) deps.notice(notice);
  let build;
  if (inputs.build) {
    build = await deps.group(
      "Build",
      () => deps.runBuild(inputs, {
        runner: deps.runner,
        log: deps.info,
        notice: deps.notice,
        mask: deps.mask,
        tempDir: deps.tempDir,
        cwd: deps.cwd,
        env: deps.env
      })
    );
    deps.onBuild?.(build);
  }
  let image = null;
  const source = inputs.check ? imageToCheck(inputs, build) : void 0;
  if (inputs.check && source === void 0 && build?.ok) {
    const why = inputs.call !== "" ? `call: ${inputs.call} evaluates the build and makes no image` : build.filesOnly ? "outputs wrote files (type=local or type=tar), not an image" : "the builder kept the image only in its cache (set load: true or push: true to check it)";
    deps.notice(`The image was not checked: ${why}.`);
    notices.push(`The image was not checked: ${why}.`);
  }
  if (source !== void 0) {
    const attached = build?.attestations;
    const expected = attached ? {
      ...inputs,
      sbom: attached.sbom ? "true" : "false",
      provenance: attached.provenance ? "true" : "false"
    } : inputs;
    const checked = await deps.group(
      "Check the image",
      () => checkPlatforms(source, expected, model, config, dockerfile, deps)
    );
    for (const notice of checked.notices) deps.notice(notice);
    notices.push(...checked.notices);
    const policy = createPolicy({ config, rules: ALL_RULES, ...model ? { model } : {} });
    const merged = mergeFindings({
      lint: findings.splice(0),
      image: checked.findings,
      silencedImage: checked.silenced,
      silencedLint,
      silences: (finding) => policy.silences(finding)
    });
    findings.push(...merged);
    image = checked.image;
    if (inputs.smoke && image.startup) {
      const config2 = checked.config ?? {};
      image.startup.smoke = await deps.group("Smoke run", () => smokeImage(deps.runner, source, config2));
      deps.info(smokeLine(image.startup.smoke));
    }
    if (build?.indexFromAttestations) image.indexFromAttestations = true;
    if (build?.digest && inputs.push) image.digest = build.digest;
  }
  const report = buildReport({
    dockerfile,
    ...model ? { model } : {},
    findings,
    image,
    notices,
    ...build ? {
      build: {
        ok: build.ok,
        seconds: build.seconds,
        ...build.error !== void 0 ? { error: build.error } : {},
        ...build.imageid !== void 0 ? { imageid: build.imageid } : {},
        ...build.digest !== void 0 ? { digest: build.digest } : {}
      }
    } : {},
    toolVersion: VERSION
  });
  return { report, config, failOn, ...model ? { model } : {}, ...build ? { build } : {} };
}
async function checkPlatforms(source, inputs, model, config, dockerfile, deps) {
  const perPlatform = inputs.push && inputs.image === "" && inputs.platforms.length > 1;
  if (!perPlatform) return checkImage(source, inputs, model, config, dockerfile, deps);
  const results = [];
  let first;
  for (const platform of inputs.platforms) {
    const checked = await checkImage(
      `registry:${source}`,
      { ...inputs, platforms: [platform] },
      model,
      config,
      dockerfile,
      deps
    );
    first ??= checked;
    results.push({ platform, findings: checked.findings });
  }
  const firstChecked = first;
  return { ...firstChecked, findings: mergePlatformFindings(results) };
}
function mergePlatformFindings(results) {
  const key = (finding) => [finding.ruleId, finding.path ?? "", finding.line ?? "", finding.message].join("\0");
  const seen = /* @__PURE__ */ new Set();
  const merged = [];
  results.forEach((result, index) => {
    for (const finding of result.findings) {
      const id = key(finding);
      if (seen.has(id)) continue;
      seen.add(id);
      merged.push(
        index === 0 ? finding : { ...finding, message: `${finding.message} (on ${result.platform})` }
      );
    }
  });
  return merged;
}
async function checkImage(source, inputs, model, config, dockerfile, deps) {
  let index;
  try {
    index = await deps.readImage(source, {
      capture: IMAGE_CAPTURE,
      scan: STARTUP_SCAN,
      tempDir: deps.tempDir,
      ...inputs.platforms.length === 1 && inputs.platforms[0] ? { platform: inputs.platforms[0] } : {}
    });
  } catch (error) {
    if (isUsageError(error)) throw error;
    throw new Error(`reading the image ${source} failed: ${errorMessage(error)}`, { cause: error });
  }
  const platform = index.platform ? ` (${index.platform.os}/${index.platform.architecture})` : "";
  deps.info(`read ${source}${platform}: ${index.layers.length} layers, ${index.files.size} files`);
  const requested = inputs.push ? { sbom: inputs.sbom !== "false", provenance: inputs.provenance !== "false" } : void 0;
  const checked = runImageChecksDetailed(index, {
    config,
    file: dockerfile,
    ...model ? { model } : {},
    ...requested ? { requested } : {},
    // The tags the build wrote (SG2019); an `image` input is checked under its own reference.
    ...!inputs.image && inputs.tags && inputs.tags.length > 0 ? { tags: inputs.tags } : {}
  });
  const startup = predictStartup(index, { config, ...model ? { model } : {} });
  return {
    ...checked,
    image: reportImage(index, model ? attributeLayers(index, model) : [], startup),
    config: index.config
  };
}

export {
  dockerfilePath,
  checkDirectiveArg,
  resolveFailOn,
  imageToCheck,
  runPipeline,
  mergePlatformFindings,
  checkImage
};
