import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  parseInputs
} from "./chunk-F2Z5MKSP.js";
import {
  GitHubApiError,
  apiUrlFromEnv,
  createRestClient,
  isDefaultBranchPush,
  readRunContext,
  runUrl
} from "./chunk-5ULW3A7W.js";
import "./chunk-GDXZUHEG.js";
import {
  defaultPipelineDeps,
  formatJson,
  redactReport
} from "./chunk-BEABXYBR.js";
import {
  mergeNote
} from "./chunk-DFWCJEYH.js";
import {
  formatSarif,
  toSarif
} from "./chunk-62PAHNMF.js";
import {
  SecretSet,
  secretValuesOf
} from "./chunk-7TF3LEEI.js";
import {
  isFeatureAvailable,
  restoreCache,
  saveCache
} from "./chunk-4LZZQAEP.js";
import "./chunk-AKIUNS33.js";
import "./chunk-P6ACNJI3.js";
import "./chunk-P6TJEQRT.js";
import {
  runPipeline
} from "./chunk-AMGVZ7D7.js";
import "./chunk-BOCMDX27.js";
import "./chunk-UZZNPPZR.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-7KWXQILZ.js";
import {
  ALL_RULES,
  compareFindings,
  failsPolicy,
  helpUri,
  severityRank
} from "./chunk-GDH2HMCT.js";
import "./chunk-C64V33NP.js";
import {
  formatBytes
} from "./chunk-RI6HCDV2.js";
import {
  fingerprintFindings
} from "./chunk-CHJ2KWGO.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import {
  code,
  escapeMarkdown,
  linkTarget,
  mermaidText,
  startupSummary
} from "./chunk-2N6NUYKT.js";
import "./chunk-M74C5YY2.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-VT3GT27U.js";
import "./chunk-QHMSCR7C.js";
import "./chunk-GQ5YTR5C.js";
import "./chunk-5YN6HGCW.js";
import {
  errorMessage,
  isUsageError
} from "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/main.ts
import { tmpdir as tmpdir3 } from "node:os";

// src/github/actions.ts
function createActionsIO() {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    setSecret: (value) => setSecret(value),
    debug: (message) => debug(message),
    info: (message) => info(message),
    notice: (message, properties) => notice(message, properties),
    warning: (message, properties) => warning(message, properties),
    error: (message, properties) => error(message, properties),
    group: (name, fn) => group(name, fn),
    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        debug("GITHUB_STEP_SUMMARY is not set: job summary not written");
        return;
      }
      await summary.addRaw(markdown).write();
      summary.emptyBuffer();
    },
    setFailed: (message) => setFailed(message)
  };
}
function emitAnnotations(io, annotations) {
  for (const { level, message, ...properties } of annotations) {
    if (level === "error") io.error(message, properties);
    else if (level === "warning") io.warning(message, properties);
    else io.notice(message, properties);
  }
}

// src/github/publish.ts
import { mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import * as path4 from "node:path";

// src/github/base-report.ts
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
var actionsCacheBackend = {
  isFeatureAvailable: () => isFeatureAvailable(),
  saveCache: (paths, key) => saveCache(paths, key),
  restoreCache: (paths, primaryKey, restoreKeys) => restoreCache(paths, primaryKey, restoreKeys)
};
function dockerfileHash(dockerfile) {
  const normalised = dockerfile.replace(/\\/g, "/").replace(/^\.\//, "");
  return createHash("sha256").update(normalised).digest("hex").slice(0, 16);
}
function keyPart(text) {
  return text.replace(/[,\s]/g, "_").slice(0, 200);
}
function baseReportKeyPrefix(dockerfile, branch) {
  return `stagegate-report-${dockerfileHash(dockerfile)}-${keyPart(branch)}-`;
}
function baseReportKey(dockerfile, branch, sha) {
  return `${baseReportKeyPrefix(dockerfile, branch)}${keyPart(sha)}`;
}
function parseStoredReport(text) {
  try {
    const value = JSON.parse(text);
    if (value.version === 1 && typeof value.dockerfile === "string" && Array.isArray(value.findings) && value.findings.every((f) => typeof f?.ruleId === "string" && typeof f.severity === "string") && Array.isArray(value.stages) && typeof value.counts === "object" && value.counts !== null) {
      return value;
    }
  } catch {
  }
  return void 0;
}
function reason(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
function createBaseReportStore(options = {}) {
  const backend = options.backend ?? actionsCacheBackend;
  const dir = options.dir ?? path.join(process.env.RUNNER_TEMP || tmpdir(), "stagegate-base-report");
  const fileFor = (dockerfile) => path.join(dir, `${dockerfileHash(dockerfile)}.json`);
  return {
    async save(report, where2) {
      const key = baseReportKey(report.dockerfile, where2.branch, where2.sha);
      if (!backend.isFeatureAvailable()) {
        return { saved: false, key, skipped: "the Actions cache service is not available" };
      }
      try {
        const file = fileFor(report.dockerfile);
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, JSON.stringify(report), { mode: 384 });
        const id = await backend.saveCache([file], key);
        return id === -1 ? { saved: false, key, skipped: "a report for this commit is cached already" } : { saved: true, key };
      } catch (error2) {
        return {
          saved: false,
          key,
          warning: `Could not save the report for pull requests to compare against: ${reason(error2)}`
        };
      }
    },
    async restore(dockerfile, where2) {
      if (!backend.isFeatureAvailable()) return {};
      const prefix = baseReportKeyPrefix(dockerfile, where2.branch);
      const primary = where2.sha ? baseReportKey(dockerfile, where2.branch, where2.sha) : prefix;
      try {
        const file = fileFor(dockerfile);
        const key = await backend.restoreCache([file], primary, [prefix]);
        if (key === void 0) return {};
        const report = parseStoredReport(readFileSync(file, "utf8"));
        if (!report)
          return {
            key,
            warning: `The base branch report in the cache (${key}) is not a Stagegate report; ignored.`
          };
        return { report, key };
      } catch (error2) {
        return { warning: `Could not restore the base branch report: ${reason(error2)}` };
      }
    }
  };
}

// src/github/publish-plan.ts
import * as path3 from "node:path";

// src/report/annotations.ts
import * as path2 from "node:path";
var ANNOTATION_LIMITS = { error: 10, warning: 10, notice: 10 };
var LEVEL = { error: "error", warning: "warning", note: "notice" };
var TITLE_TEXT_MAX = 80;
function workspaceRelative(file, workspace, cwd = workspace) {
  const absolute = path2.resolve(cwd, file);
  const relative2 = path2.relative(path2.resolve(workspace), absolute);
  if (relative2 === "" || relative2.startsWith("..") || path2.isAbsolute(relative2)) return void 0;
  return relative2.split(path2.sep).join("/");
}
function shorten(text, max) {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  return line.slice(0, max - 1).trimEnd() + "…";
}
function annotationTitle(finding, summary2) {
  const text = summary2 ?? finding.message.split(/(?<=\.)\s/)[0] ?? finding.message;
  return `${finding.ruleId}: ${shorten(text, TITLE_TEXT_MAX)}`;
}
function annotationMessage(finding, located, file) {
  const lines = [finding.message];
  const stage = finding.stage;
  if (stage) lines.push(`Stage: ${stage.name ?? stage.index}${stage.final ? " (final)" : ""}`);
  if (finding.path !== void 0) {
    const layer = finding.layer ? ` (layer ${finding.layer.index})` : "";
    lines.push(`In image: ${finding.path}${layer}`);
  }
  if (finding.evidence !== void 0) lines.push(`Evidence: ${finding.evidence}`);
  const note = mergeNote(finding);
  if (note !== void 0) lines.push(`Also: ${note}`);
  if (!located && finding.line !== void 0) lines.push(`At: ${file}:${finding.line}`);
  return lines.join("\n");
}
function toAnnotation(finding, options) {
  const file = finding.file ?? options.dockerfile;
  const relative2 = workspaceRelative(file, options.workspace, options.cwd);
  const summary2 = options.rules?.find((rule) => rule.id === finding.ruleId)?.summary;
  const annotation = {
    level: LEVEL[finding.severity],
    message: annotationMessage(finding, relative2 !== void 0, file),
    title: annotationTitle(finding, summary2)
  };
  if (relative2 !== void 0) {
    annotation.file = relative2;
    if (finding.line !== void 0) {
      annotation.startLine = finding.line;
      annotation.endLine = finding.endLine ?? finding.line;
    }
  }
  return annotation;
}
function planAnnotations(findings, options) {
  const limits = options.limits ?? ANNOTATION_LIMITS;
  const sorted = [...findings].sort(compareFindings);
  const fits = (level, used, reserve) => used < limits[level] - reserve;
  const pick = (reserveNotice) => {
    const used = { error: 0, warning: 0, notice: 0 };
    const chosen = [];
    for (const finding of sorted) {
      const level = LEVEL[finding.severity];
      if (!fits(level, used[level], level === "notice" ? reserveNotice : 0)) continue;
      used[level]++;
      chosen.push(toAnnotation(finding, options));
    }
    return chosen;
  };
  let annotations = pick(0);
  if (annotations.length === sorted.length) return { annotations, omitted: 0 };
  annotations = pick(limits.notice > 0 ? 1 : 0);
  const omitted = sorted.length - annotations.length;
  if (limits.notice > 0) {
    annotations.push({
      level: "notice",
      title: "stagegate: more findings",
      message: `${omitted} more finding${omitted === 1 ? " is" : "s are"} in the job summary and SARIF (GitHub shows ${limits.error} error, ${limits.warning} warning and ${limits.notice} notice annotations per step).`
    });
  }
  return { annotations, omitted };
}

// src/report/verdict.ts
var LISTED = 5;
function atOrAbove(findings, failOn) {
  if (failOn === "never") return [];
  return findings.filter((finding) => severityRank(finding.severity) <= severityRank(failOn));
}
function where(finding, dockerfile) {
  const file = finding.file ?? dockerfile;
  const at = finding.line !== void 0 ? `${file}:${finding.line}` : file;
  return finding.path !== void 0 ? `${finding.ruleId} at ${at} (${finding.path})` : `${finding.ruleId} at ${at}`;
}
function verdict(report, failOn) {
  const failing = atOrAbove(report.findings, failOn);
  if (report.build && !report.build.ok) {
    return {
      result: "fail",
      failOn,
      failing,
      reason: `The build failed${report.build.error ? `: ${report.build.error}` : "."}`
    };
  }
  if (!failsPolicy(report.counts, failOn)) {
    const reason2 = failOn === "never" ? "Passed: fail-on is never." : `Passed: no findings at or above ${failOn} (${report.findings.length} below it).`;
    return { result: "pass", failOn, failing: [], reason: reason2 };
  }
  const listed = failing.slice(0, LISTED).map((finding) => where(finding, report.dockerfile));
  const more = failing.length > LISTED ? ` and ${failing.length - LISTED} more` : "";
  const noun = failing.length === 1 ? "finding" : "findings";
  return {
    result: "fail",
    failOn,
    failing,
    reason: `${failing.length} ${noun} at or above fail-on ${failOn}: ${listed.join(", ")}${more}.`
  };
}

// src/sign/render.ts
var LEVEL_ICON = { notice: "ℹ️", warning: "⚠️", error: "❌" };
function tri(value, yes, no) {
  return value === null ? `❔ ${"unknown"}` : value ? `✅ ${yes}` : `⚠️ ${no}`;
}
function supplyChainCell(chain) {
  if (!chain) return "—";
  const parts = [
    chain.pinned ? "✅ pinned" : "⚠️ not pinned",
    tri(
      chain.signed,
      `signed${chain.signatures && chain.signatures.length > 0 ? ` (${chain.signatures.join(", ")})` : ""}`,
      "unsigned"
    ),
    tri(chain.provenance, "provenance", "no provenance")
  ];
  const why = chain.detail ? ` (${escapeMarkdown(chain.detail.length > 120 ? `${chain.detail.slice(0, 119)}…` : chain.detail)})` : "";
  return `${parts.join(" · ")}${why}`;
}
function hasSupplyChain(stages) {
  return stages.some((stage) => stage.supplyChain !== void 0);
}
function signingSummary(report) {
  const signing = report.signing;
  if (!signing) return [];
  const out = ["### Signature and attestation", ""];
  if (signing.signed) {
    const how = signing.method === "key" ? "with a cosign key pair" : `keyless through Sigstore${signing.instance ? ` (${escapeMarkdown(signing.instance)})` : ""}`;
    out.push(`✅ Signed ${how}: ${code(signing.image ?? "")}`, "");
    const rows = [];
    if (signing.digest) rows.push(`| Digest | ${code(signing.digest)} |`);
    if (signing.workflow) {
      rows.push(
        `| Workflow | ${code(signing.workflow.path)} at ${code(signing.workflow.ref)} (${escapeMarkdown(signing.workflow.repository)}) |`
      );
    }
    if (signing.identity) rows.push(`| Certificate identity | ${code(signing.identity)} |`);
    if (signing.issuer) rows.push(`| OIDC issuer | ${code(signing.issuer)} |`);
    if (signing.attestationUrl)
      rows.push(
        `| Attestation | [${escapeMarkdown(signing.attestationId ?? "attestation")}](${linkTarget(signing.attestationUrl)}) |`
      );
    if (signing.referrer) rows.push(`| Registry referrer | ${code(signing.referrer)} |`);
    if (rows.length > 0) out.push("| | |", "|---|---|", ...rows, "");
    out.push(
      "The signature covers the image index, so the SBOM and provenance BuildKit attached are covered too.",
      ""
    );
  }
  if (signing.message)
    out.push(`> ${LEVEL_ICON[signing.level ?? "notice"]} ${escapeMarkdown(signing.message)}`, "");
  if (signing.verifyCommands && signing.verifyCommands.length > 0) {
    out.push("Verify it:", "", "```sh", ...signing.verifyCommands, "```");
  }
  while (out.at(-1) === "") out.pop();
  return out;
}
function signingComment(report) {
  const signing = report.signing;
  if (!signing) return [];
  if (!signing.signed)
    return signing.message ? ["", `${LEVEL_ICON[signing.level ?? "notice"]} ${escapeMarkdown(signing.message)}`] : [];
  const by = signing.workflow ? ` by ${code(signing.workflow.path)} at ${code(signing.workflow.ref)}` : signing.method === "key" ? " with a cosign key" : "";
  const lines = ["", `🔏 Signed ${code(signing.image ?? "")}${by}.`];
  if (signing.message)
    lines.push("", `${LEVEL_ICON[signing.level ?? "notice"]} ${escapeMarkdown(signing.message)}`);
  if (signing.verifyCommands?.[0]) lines.push("", "```sh", signing.verifyCommands[0], "```");
  return lines;
}

// src/report/summary.ts
var SUMMARY_MAX_LENGTH = 1024 * 1024 - 16 * 1024;
var COLLAPSE_OVER = 10;
var ICON = { error: "❌", warning: "⚠️", note: "ℹ️" };
var EDGE_PATHS_SHOWN = 3;
function blobUrl(blob, file, line, endLine) {
  const encoded = file.replace(/^\.\//, "").split("/").map((segment) => encodeURIComponent(segment)).join("/");
  const anchor = line === void 0 ? "" : endLine !== void 0 && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `${blob.serverUrl.replace(/\/+$/, "")}/${blob.repository}/blob/${encodeURIComponent(blob.sha)}/${encoded}${anchor}`;
}
function blobContextFromEnv(env) {
  const { GITHUB_SERVER_URL: serverUrl, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return serverUrl && repository && sha ? { serverUrl, repository, sha } : void 0;
}
function stageName(stage) {
  return stage.name !== void 0 && stage.name !== "" ? stage.name : `stage ${stage.index}`;
}
function bytes(text) {
  return Buffer.byteLength(text, "utf8");
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function countsLine(counts) {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")}`;
}
function edgeLabel(edge) {
  if (edge.kind === "base") return "FROM";
  const shown = edge.sources.slice(0, EDGE_PATHS_SHOWN);
  const more = edge.sources.length > EDGE_PATHS_SHOWN ? ` +${edge.sources.length - EDGE_PATHS_SHOWN} more` : "";
  const paths = shown.map((source) => source.length > 48 ? `…${source.slice(-47)}` : source).join(", ");
  const dest = edge.dest !== void 0 ? ` → ${edge.dest.length > 48 ? `…${edge.dest.slice(-47)}` : edge.dest}` : "";
  const size = edge.sizeBytes !== void 0 ? ` (${formatBytes(edge.sizeBytes)})` : "";
  const kind = edge.kind === "mount" ? "mount " : "";
  return `${kind}${paths}${more}${dest}${size}`;
}
function label(text) {
  const escaped = mermaidText(text);
  return escaped.trim() === "" ? "—" : escaped;
}
function stageGraphMermaid(report) {
  const lines = ["flowchart LR"];
  for (const stage of report.stages) {
    const base = stage.base.length > 60 ? `${stage.base.slice(0, 59)}…` : stage.base;
    const title = `${stageName(stage)}${stage.final ? " (final)" : ""}`;
    lines.push(`  s${stage.index}["${label(title)}<br/>${label(base)}"]`);
  }
  const externals = /* @__PURE__ */ new Map();
  for (const edge of report.edges ?? []) {
    if (edge.from === void 0 && edge.image !== void 0 && !externals.has(edge.image)) {
      const id = `x${externals.size}`;
      externals.set(edge.image, id);
      lines.push(`  ${id}(["${label(edge.image)}"])`);
    }
  }
  for (const edge of report.edges ?? []) {
    const from = edge.from !== void 0 ? `s${edge.from}` : edge.image !== void 0 ? externals.get(edge.image) : void 0;
    if (from === void 0) continue;
    const arrow = edge.kind === "mount" ? "-.->" : edge.kind === "base" ? "==>" : "-->";
    lines.push(`  ${from} ${arrow}|"${label(edgeLabel(edge))}"| s${edge.to}`);
  }
  const final = report.stages.find((stage) => stage.final);
  if (final) {
    lines.push("  classDef final stroke-width:3px");
    lines.push(`  class s${final.index} final`);
  }
  return lines.join("\n");
}
function stageTable(report) {
  const withBytes = report.image !== null;
  const withSupply = hasSupplyChain(report.stages);
  const header = [
    `| # | Stage | Base image | Pinned |${withSupply ? " Supply chain |" : ""}${withBytes ? " Bytes in final image |" : ""}`,
    `|---:|---|---|---|${withSupply ? "---|" : ""}${withBytes ? "---:|" : ""}`
  ].join("\n");
  const rows = report.stages.map((stage) => {
    const pinned = stage.pinned === void 0 ? "—" : stage.pinned ? "✅ digest" : "⚠️ tag only";
    const name = `${escapeMarkdown(stageName(stage))}${stage.final ? " **(final)**" : ""}`;
    const cells = [String(stage.index), name, code(stage.base), pinned];
    if (withSupply) cells.push(supplyChainCell(stage.supplyChain));
    if (withBytes) cells.push(formatBytes(stage.sizeBytes ?? 0));
    return `| ${cells.join(" | ")} |`;
  });
  return [header, ...rows].join("\n");
}
function findingLine(finding, report, blob) {
  const file = finding.file ?? report.dockerfile;
  const at = finding.line !== void 0 ? `${file}:${finding.line}` : file;
  const location = blob ? `[${escapeMarkdown(at)}](${linkTarget(blobUrl(blob, file, finding.line, finding.endLine))})` : escapeMarkdown(at);
  const rule = `[${escapeMarkdown(finding.ruleId)}](${linkTarget(helpUri(finding.ruleId))})`;
  const inImage = finding.path !== void 0 ? ` ${code(finding.path)}` : "";
  const evidence = finding.evidence !== void 0 ? ` (evidence: ${code(finding.evidence)})` : "";
  const note = mergeNote(finding);
  const merged = note !== void 0 ? ` _(${escapeMarkdown(note)})_` : "";
  return `- ${ICON[finding.severity]} **${rule}** ${location}${inImage}: ${escapeMarkdown(finding.message)}${merged}${evidence}`;
}
function groupByStage(report) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    const stage = finding.stage;
    const key = stage ? `s${stage.index}` : "none";
    let group2 = groups.get(key);
    if (!group2) {
      const known = stage ? report.stages.find((candidate) => candidate.index === stage.index) : void 0;
      const title = stage ? `Stage ${escapeMarkdown(stageName(known ?? stage))}${stage.final ? " (final)" : ""}` : "Whole Dockerfile / image";
      group2 = { title, findings: [] };
      groups.set(key, group2);
    }
    group2.findings.push(finding);
  }
  const order = (key) => key === "none" ? -1 : Number(key.slice(1));
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, group2]) => group2);
}
function userWasted(ratio) {
  return ratio === void 0 || !Number.isFinite(ratio) ? "—" : `${(ratio * 100).toFixed(1)} %`;
}
function imageSection(report) {
  const image = report.image;
  if (!image) return [];
  const yes = (value) => value ? "✅" : "—";
  const out = [
    "### Image",
    "",
    `${code(image.ref)}${image.digest ? ` ${code(image.digest)}` : ""}`,
    "",
    "| Size | Layers | Efficiency | Wasted | User wasted | SBOM | Provenance |",
    "|---:|---:|---:|---:|---:|:---:|:---:|",
    `| ${formatBytes(image.sizeBytes)} | ${image.layers.length} | ${(image.efficiency * 100).toFixed(1)} % | ${formatBytes(image.wastedBytes)} | ${userWasted(image.userWastedPercent)} | ${yes(image.attestations.sbom)} | ${yes(image.attestations.provenance)} |`
  ];
  if (image.indexFromAttestations) {
    out.push(
      "",
      "> ⚠️ **Attestations turned this single-platform image into an image index.** Some registries and tools expect a plain image manifest; set `provenance: false` and `sbom: false` if they reject it."
    );
  }
  if (image.layers.length > 0) {
    const rows = image.layers.map((layer) => {
      const stage = report.stages.find((candidate) => candidate.index === layer.stage);
      const stageCell = stage ? escapeMarkdown(stageName(stage)) : layer.stage !== void 0 ? String(layer.stage) : "—";
      const created = layer.createdBy.length > 120 ? `${layer.createdBy.slice(0, 119)}…` : layer.createdBy;
      return `| ${layer.index} | ${formatBytes(layer.sizeBytes)} | ${stageCell} | ${layer.line ?? "—"} | ${code(created)} |`;
    });
    out.push(
      "",
      `<details><summary>Layers (${image.layers.length})</summary>`,
      "",
      "| # | Size | Stage | Line | Created by |",
      "|---:|---:|---|---:|---|",
      ...rows,
      "",
      "</details>"
    );
  }
  return out;
}
function renderSummary(report, options) {
  const budget = options.maxLength ?? SUMMARY_MAX_LENGTH;
  const outcome = verdict(report, options.failOn);
  const icon = outcome.result === "pass" ? "✅" : "❌";
  const head = [
    `## ${icon} Stagegate: ${outcome.result} — ${code(report.dockerfile)}`,
    "",
    `**${outcome.result === "pass" ? "Pass" : "Fail"}** (fail-on: ${code(options.failOn)}): ${escapeMarkdown(outcome.reason)}`,
    ...report.image?.startup ? ["", ...startupSummary(report.image.startup)] : [],
    "",
    "| Errors | Warnings | Notes |",
    "|---:|---:|---:|",
    `| ${report.counts.error} | ${report.counts.warning} | ${report.counts.note} |`
  ];
  if (report.build && !report.build.ok) {
    head.push(
      "",
      `> ❌ **Build failed**${report.build.error ? `: ${escapeMarkdown(report.build.error)}` : ""}`
    );
  }
  if (options.annotationsOmitted) {
    head.push(
      "",
      `> ℹ️ GitHub shows a limited number of annotations per step: ${plural(options.annotationsOmitted, "finding")} are listed here and in the SARIF, not as annotations.`
    );
  }
  const stages = [];
  if (report.stages.length > 0) {
    stages.push("### Stages", "", stageTable(report));
    if ((report.edges ?? []).length > 0 || report.stages.length > 1) {
      stages.push("", "### Stage graph", "", "```mermaid", stageGraphMermaid(report), "```");
    }
  }
  const signing = signingSummary(report);
  const tail = [...imageSection(report), ...signing.length > 0 ? ["", ...signing] : []];
  if (report.notices && report.notices.length > 0) {
    tail.push("", "### Notices", "", ...report.notices.map((notice2) => `- ${escapeMarkdown(notice2)}`));
  }
  const files = [];
  if (options.reportFile) files.push(`JSON report: ${code(options.reportFile)}`);
  if (options.sarifFile) files.push(`SARIF: ${code(options.sarifFile)}`);
  if (files.length > 0) tail.push("", files.join(" · "));
  tail.push("", `<sub>stagegate ${escapeMarkdown(report.tool.version)}</sub>`);
  const fixed = bytes([...head, "", ...stages, "", "### Findings", "", "", ...tail].join("\n"));
  const findings = findingsSection(report, options.blob, budget - fixed - 200);
  return [...head, "", ...stages, "", ...findings, "", ...tail].join("\n") + "\n";
}
function findingsSection(report, blob, budget) {
  const out = ["### Findings", ""];
  if (report.findings.length === 0) return [...out, "No findings. 🎉"];
  let used = 0;
  let shown = 0;
  for (const group2 of groupByStage(report)) {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const finding of group2.findings) counts[finding.severity]++;
    const lines = [];
    for (const finding of group2.findings) {
      const line = findingLine(finding, report, blob);
      const size = bytes(line) + 1;
      if (used + size > budget) break;
      used += size;
      lines.push(line);
    }
    if (lines.length === 0) break;
    shown += lines.length;
    const heading = `${group2.title}: ${countsLine(counts)}`;
    if (group2.findings.length > COLLAPSE_OVER) {
      out.push(`<details><summary><b>${heading}</b></summary>`, "", ...lines, "", "</details>", "");
    } else {
      out.push(`#### ${heading}`, "", ...lines, "");
    }
    used += bytes(heading) + 40;
    if (lines.length < group2.findings.length) break;
  }
  if (shown < report.findings.length) {
    out.push(
      `${plural(report.findings.length - shown, "more finding")} did not fit in the summary; see the SARIF and JSON report.`
    );
  }
  return out;
}

// src/report/comment.ts
var COMMENT_MAX_LENGTH = 65536;
function stickyMarker(parts) {
  const encode = (text) => encodeURIComponent(text).replace(/-/g, "%2D");
  return `<!-- stagegate:${encode(parts.workflow)}:${encode(parts.job)}:${encode(parts.dockerfile)} -->`;
}
function fingerprintsOf(report) {
  const computed = fingerprintFindings(report.findings, report.dockerfile);
  return report.findings.map((finding, index) => finding.fingerprint ?? computed[index] ?? "");
}
function diffReports(head, base) {
  const headPrints = fingerprintsOf(head);
  const basePrints = fingerprintsOf(base);
  const inBase = new Set(basePrints);
  const inHead = new Set(headPrints);
  const diff = {
    added: head.findings.filter((_, index) => !inBase.has(headPrints[index] ?? "")),
    fixed: base.findings.filter((_, index) => !inHead.has(basePrints[index] ?? ""))
  };
  if (head.image && base.image) diff.sizeDeltaBytes = head.image.sizeBytes - base.image.sizeBytes;
  return diff;
}
var ICON2 = { error: "❌", warning: "⚠️", note: "ℹ️" };
var DIFF_LISTED = 50;
function plural2(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function signedBytes(delta) {
  return delta === 0 ? "±0 B" : `${delta > 0 ? "+" : ""}${formatBytes(delta)}`;
}
function findingItem(finding, report, blob) {
  const file = finding.file ?? report.dockerfile;
  const at = finding.line !== void 0 ? `${file}:${finding.line}` : file;
  const location = blob ? `[${escapeMarkdown(at)}](${linkTarget(blobUrl(blob, file, finding.line, finding.endLine))})` : escapeMarkdown(at);
  const stage = finding.stage ? ` (stage ${escapeMarkdown(stageName(finding.stage))})` : "";
  const inImage = finding.path !== void 0 ? ` ${code(finding.path)}` : "";
  return `- ${ICON2[finding.severity]} **${escapeMarkdown(finding.ruleId)}** ${location}${stage}${inImage}: ${escapeMarkdown(finding.message)}`;
}
function list(findings, report, blob, max) {
  const lines = findings.slice(0, max).map((finding) => findingItem(finding, report, blob));
  if (findings.length > max) lines.push(`- … and ${plural2(findings.length - max, "more finding")}`);
  return lines;
}
function pointer(runUrl2) {
  return runUrl2 ? `[job summary](${linkTarget(runUrl2)})` : "job summary";
}
function renderComment(report, options) {
  const max = options.maxLength ?? COMMENT_MAX_LENGTH;
  const outcome = verdict(report, options.failOn);
  const icon = outcome.result === "pass" ? "✅" : "❌";
  const counts = report.counts;
  const facts = [
    `**${plural2(counts.error, "error")} · ${plural2(counts.warning, "warning")} · ${plural2(counts.note, "note")}**`,
    `fail-on ${code(options.failOn)}`
  ];
  const diff = options.base ? diffReports(report, options.base) : void 0;
  if (report.image) {
    const delta = diff?.sizeDeltaBytes !== void 0 ? ` (${signedBytes(diff.sizeDeltaBytes)} vs base)` : "";
    facts.push(`image ${formatBytes(report.image.sizeBytes)}${delta}`);
  }
  const lines = [
    options.marker,
    `### ${icon} Stagegate: ${outcome.result} · ${code(report.dockerfile)}`,
    "",
    facts.join(" · "),
    "",
    escapeMarkdown(outcome.reason)
  ];
  if (diff && options.base) {
    lines.push("", `**This PR adds ${plural2(diff.added.length, "finding")}**`);
    if (diff.added.length > 0) lines.push("", ...list(diff.added, report, options.blob, DIFF_LISTED));
    lines.push("", `**This PR fixes ${plural2(diff.fixed.length, "finding")}**`);
    if (diff.fixed.length > 0) lines.push("", ...list(diff.fixed, options.base, void 0, DIFF_LISTED));
  } else if (report.findings.length > 0) {
    const top = options.topFindings ?? 10;
    lines.push("", `**Top findings**`, "", ...list(report.findings, report, options.blob, top));
  }
  lines.push(...signingComment(report));
  lines.push(
    "",
    `Every finding, the stage graph and the image details are in the ${pointer(options.runUrl)}.`
  );
  return trimComment(lines.join("\n") + "\n", max, options.runUrl);
}
function trimComment(body, max, runUrl2) {
  if (body.length <= max) return body;
  const note = `

… trimmed to fit GitHub's comment limit; the full report is in the ${pointer(runUrl2)}.
`;
  const room = Math.max(0, max - note.length);
  const cut = body.lastIndexOf("\n", room);
  return body.slice(0, cut > 0 ? cut : room) + note;
}

// src/github/publish-plan.ts
function defaultFile(tempDir, dockerfile, extension) {
  return path3.join(tempDir, "stagegate", `report-${dockerfileHash(dockerfile)}.${extension}`);
}
function commentSkipReason(inputs, context) {
  if (inputs.comment === "never") return "comment: never";
  if (!context.pullRequest) return "this run is not for a pull request";
  if (!context.owner || !context.repo) return "GITHUB_REPOSITORY is not set";
  if (inputs["github-token"] === "") return "no github-token";
  if (inputs.comment === "auto" && context.pullRequest.isFork) {
    return "the pull request comes from a fork, whose GITHUB_TOKEN cannot comment (set comment: always to try anyway)";
  }
  return void 0;
}
function baseReportStep(plan, report) {
  const { context, inputs } = plan;
  if (isDefaultBranchPush(context) && context.branch && context.sha)
    return { action: "save", branch: context.branch, sha: context.sha };
  if (context.pullRequest && inputs.comment !== "never") {
    const { baseRef, baseSha } = context.pullRequest;
    return {
      action: "restore",
      dockerfile: report.dockerfile,
      branch: baseRef,
      ...baseSha ? { sha: baseSha } : {}
    };
  }
  return void 0;
}
function planPublish(plan, options = {}) {
  const { inputs, failOn, context, env, cwd } = plan;
  const secrets = plan.secrets ?? [];
  const redact = (report2) => redactReport(report2, secrets);
  const report = redact(plan.report);
  const rules = plan.rules ? { rules: plan.rules } : {};
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const reportFile = path3.resolve(
    cwd,
    inputs["report-file"] || defaultFile(plan.tempDir, report.dockerfile, "json")
  );
  const sarifFile = path3.resolve(
    cwd,
    inputs["sarif-file"] || defaultFile(plan.tempDir, report.dockerfile, "sarif")
  );
  const sarif = toSarif(report, { toolVersion: report.tool.version, srcRoot: workspace, ...rules });
  const outcome = verdict(report, failOn);
  const annotated = inputs["github-annotations"] ? planAnnotations(report.findings, { workspace, cwd, dockerfile: report.dockerfile, ...rules }) : { annotations: [], omitted: 0 };
  const blob = blobContextFromEnv(env);
  const run2 = runUrl(context);
  const skip = commentSkipReason(inputs, context);
  let comment;
  let commentSkipped;
  if (skip !== void 0) {
    if (inputs.comment === "always" || context.pullRequest && inputs.comment !== "never")
      commentSkipped = `No PR comment: ${skip}.`;
  } else if (context.pullRequest && context.owner && context.repo) {
    const marker = stickyMarker({
      workflow: context.workflow ?? "",
      job: context.job ?? "",
      dockerfile: report.dockerfile
    });
    comment = {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.pullRequest.number,
      marker,
      token: inputs["github-token"],
      apiUrl: apiUrlFromEnv(env),
      userAgent: `stagegate/${report.tool.version}`,
      body: (base2) => renderComment(report, {
        marker,
        failOn,
        base: base2,
        ...blob ? { blob } : {},
        ...run2 ? { runUrl: run2 } : {}
      })
    };
  }
  const base = baseReportStep(plan, report);
  return {
    report,
    warnings: context.warning ? [context.warning] : [],
    files: [
      { output: "report-file", path: reportFile, text: formatJson(report), what: "JSON report" },
      { output: "sarif-file", path: sarifFile, text: formatSarif(sarif), what: "SARIF log" }
    ],
    outputs: [
      ["counts", JSON.stringify(report.counts)],
      ["result", outcome.result]
    ],
    annotations: annotated.annotations,
    annotationsOmitted: annotated.omitted,
    storeDir: path3.join(plan.tempDir, "stagegate-base-report"),
    ...base ? { baseReport: base } : {},
    redact,
    ...inputs.summary ? {
      summary: (written) => renderSummary(report, {
        failOn,
        ...blob ? { blob } : {},
        annotationsOmitted: annotated.omitted,
        ...written
      })
    } : {},
    ...commentSkipped ? { commentSkipped } : {},
    ...comment ? { comment } : {},
    verdict: outcome,
    fail: outcome.result === "fail" && options.setFailed !== false
  };
}

// src/github/sticky-comment.ts
function isOurs(comment, marker) {
  return typeof comment.body === "string" && comment.body.trimStart().startsWith(marker);
}
async function findStickyComment(rest, owner, repo, issueNumber, marker) {
  for await (const page of rest.listIssueComments(owner, repo, issueNumber)) {
    const found = page.find((comment) => isOurs(comment, marker));
    if (found) return found;
  }
  return void 0;
}
function commentWarning(error2, issueNumber) {
  const prefix = `Stagegate could not write its comment on pull request #${issueNumber}`;
  if (!(error2 instanceof GitHubApiError)) {
    return `${prefix}: ${error2 instanceof Error ? error2.message : String(error2)}. The job summary has the full report.`;
  }
  switch (error2.kind) {
    case "forbidden":
    case "not-found":
      return `${prefix}: the token may not write to pull requests (HTTP ${error2.status}). A pull request from a fork gets a read-only GITHUB_TOKEN; otherwise give the job \`permissions: pull-requests: write\`, or set \`comment: never\`. The job summary has the full report.`;
    case "unauthorized":
      return `${prefix}: the token was rejected (HTTP 401). Check the github-token input.`;
    case "rate-limited":
      return `${prefix}: GitHub's API rate limit was hit (HTTP ${error2.status}${error2.retryAfterSeconds !== void 0 ? `, retry after ${error2.retryAfterSeconds}s` : ""}). The next run updates the comment; the job summary has the full report.`;
    case "server":
      return `${prefix}: GitHub answered HTTP ${error2.status}. The next run updates the comment; the job summary has the full report.`;
    case "network":
      return `${prefix}: the API could not be reached (${error2.message}). The job summary has the full report.`;
    default:
      return `${prefix}: ${error2.message}. The job summary has the full report.`;
  }
}
async function upsertStickyComment(request) {
  const { rest, owner, repo, issueNumber, marker } = request;
  const body = request.body.trimStart().startsWith(marker) ? request.body : `${marker}
${request.body}`;
  try {
    const existing = await findStickyComment(rest, owner, repo, issueNumber, marker);
    if (existing) {
      const updated = await rest.updateIssueComment(owner, repo, existing.id, body);
      return {
        action: "updated",
        commentId: updated.id ?? existing.id,
        ...updated.html_url ? { url: updated.html_url } : {}
      };
    }
    const created = await rest.createIssueComment(owner, repo, issueNumber, body);
    return {
      action: "created",
      commentId: created.id,
      ...created.html_url ? { url: created.html_url } : {}
    };
  } catch (error2) {
    return { action: "skipped", warning: commentWarning(error2, issueNumber) };
  }
}

// src/github/publish.ts
function writeFileCreatingDir(file, text) {
  mkdirSync2(path4.dirname(file), { recursive: true });
  writeFileSync2(file, text);
}
var messageOf = (error2) => error2 instanceof Error ? error2.message : String(error2);
async function publishReport(options) {
  const { io } = options;
  const env = options.env ?? process.env;
  const plan = planPublish(
    {
      report: options.report,
      failOn: options.failOn,
      inputs: options.inputs,
      context: readRunContext(env),
      env,
      cwd: options.cwd ?? process.cwd(),
      tempDir: env.RUNNER_TEMP || tmpdir2(),
      ...options.rules ? { rules: options.rules } : {},
      ...options.secrets ? { secrets: options.secrets } : {}
    },
    { ...options.setFailed !== void 0 ? { setFailed: options.setFailed } : {} }
  );
  return applyPublishPlan(plan, {
    io,
    writeFile: options.writeFile ?? writeFileCreatingDir,
    store: () => options.store ?? createBaseReportStore({ dir: plan.storeDir }),
    rest: (comment) => options.rest ?? createRestClient({ token: comment.token, apiUrl: comment.apiUrl, userAgent: comment.userAgent })
  });
}
async function applyPublishPlan(plan, effects) {
  const { io } = effects;
  for (const warning2 of plan.warnings) io.warning(warning2);
  const written = {};
  for (const file of plan.files) {
    try {
      effects.writeFile(file.path, file.text);
      written[file.output === "report-file" ? "reportFile" : "sarifFile"] = file.path;
    } catch (error2) {
      io.warning(`Could not write the ${file.what} to ${file.path}: ${messageOf(error2)}`);
    }
  }
  io.setOutput("report-file", written.reportFile ?? "");
  io.setOutput("sarif-file", written.sarifFile ?? "");
  for (const [name, value] of plan.outputs) io.setOutput(name, value);
  emitAnnotations(io, plan.annotations);
  let baseReport;
  if (plan.baseReport?.action === "save") {
    const { branch, sha } = plan.baseReport;
    const saved = await effects.store().save(plan.report, { branch, sha });
    if (saved.warning) io.warning(saved.warning);
    else
      io.debug(saved.saved ? `Saved the report as ${saved.key}` : `Report not cached: ${saved.skipped ?? ""}`);
  } else if (plan.baseReport?.action === "restore") {
    const { dockerfile, branch, sha } = plan.baseReport;
    const restored = await effects.store().restore(dockerfile, { branch, ...sha ? { sha } : {} });
    if (restored.warning) io.warning(restored.warning);
    if (restored.report) {
      baseReport = plan.redact(restored.report);
      io.debug(`Comparing with the base branch report ${restored.key ?? ""}`);
    }
  }
  if (plan.summary) {
    try {
      await io.writeSummary(plan.summary(written));
    } catch (error2) {
      io.warning(`Could not write the job summary: ${messageOf(error2)}`);
    }
  }
  let comment;
  if (plan.commentSkipped) io.info(plan.commentSkipped);
  if (plan.comment) {
    comment = await upsertStickyComment({
      rest: effects.rest(plan.comment),
      owner: plan.comment.owner,
      repo: plan.comment.repo,
      issueNumber: plan.comment.issueNumber,
      marker: plan.comment.marker,
      body: plan.comment.body(baseReport ?? null)
    });
    if (comment.warning) io.warning(comment.warning);
    else io.info(`PR comment ${comment.action}${comment.url ? `: ${comment.url}` : ""}`);
  }
  if (plan.fail) io.setFailed(plan.verdict.reason);
  else io.info(plan.verdict.reason);
  const [reportFile, sarifFile] = plan.files.map((file) => file.path);
  return {
    verdict: plan.verdict,
    reportFile,
    sarifFile,
    annotationsOmitted: plan.annotationsOmitted,
    ...comment ? { comment } : {},
    ...baseReport ? { baseReport } : {}
  };
}

// src/main.ts
async function run(io = createActionsIO(), env = process.env, options = {}) {
  let published = false;
  try {
    const inputs = parseInputs((name) => io.getInput(name));
    const token = inputs["github-token"] || env.GITHUB_TOKEN || "";
    if (token !== "") io.setSecret(token);
    for (const value of signingSecrets(inputs)) io.setSecret(value);
    const cwd = options.cwd ?? process.cwd();
    const secrets = new SecretSet(secretValues(inputs, env, token));
    const deps = {
      ...defaultPipelineDeps({
        cwd,
        env,
        tempDir: env.RUNNER_TEMP || tmpdir3(),
        info: (line) => io.info(line),
        notice: (message) => io.notice(message),
        warning: (message) => io.warning(message),
        group: (name, phase) => io.group(name, phase),
        mask: (value) => {
          secrets.add(value);
          io.setSecret(value);
        },
        // Set as soon as buildx is done, so they are there even if the check fails.
        onBuild: (build) => setBuildOutputs(io, build, secrets)
      }),
      ...options.pipeline
    };
    const result = await runPipeline(inputs, deps);
    setBuildOutputs(io, result.build, secrets);
    const after = await deps.afterBuild(inputs, result, {
      env,
      info: (line) => io.info(line),
      notice: (message) => io.notice(message),
      warning: (message) => io.warning(message)
    });
    for (const [name, value] of Object.entries(after.outputs)) io.setOutput(name, value);
    published = true;
    await publishReport({
      io,
      report: result.report,
      failOn: result.failOn,
      inputs: { ...inputs, "github-token": token },
      rules: ALL_RULES,
      secrets: secrets.values(),
      env,
      cwd,
      ...options.publish
    });
    if (after.error) {
      io.setOutput("result", "fail");
      io.setFailed(after.error);
    }
  } catch (error2) {
    if (!published) io.setOutput("result", "fail");
    if (!isUsageError(error2) && error2 instanceof Error && error2.stack) io.debug(error2.stack);
    io.setFailed(errorMessage(error2));
  }
}
function setBuildOutputs(io, build, secrets) {
  io.setOutput("imageid", secrets.redact(build?.imageid ?? ""));
  io.setOutput("digest", secrets.redact(build?.digest ?? ""));
  io.setOutput("metadata", secrets.redact(build?.metadata ?? ""));
}
function secretValues(inputs, env, token) {
  return [
    ...secretValuesOf({ ...inputs, "github-token": token }, { ...env, GITHUB_TOKEN: "" }, process.cwd()),
    ...signingSecrets(inputs)
  ];
}
function signingSecrets(inputs) {
  const values = [];
  const key = inputs["signing-key"];
  if (key !== "") {
    values.push(key);
    for (const line of key.split(/\r?\n/))
      if (line.trim().length >= 8 && !line.startsWith("-----")) values.push(line.trim());
  }
  if (inputs["signing-password"] !== "") values.push(inputs["signing-password"]);
  return values;
}

// src/index.ts
await run();
