import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  helpUri
} from "./chunk-GDH2HMCT.js";
import {
  FINGERPRINT_KEY,
  fingerprintFindings
} from "./chunk-CHJ2KWGO.js";

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/stagegate/stagegate";
var SRCROOT = "%SRCROOT%";
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", note: "2.0" };
var LEVEL = { error: "error", warning: "warning", note: "note" };
function relativeUri(file) {
  return file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function fileUri(absoluteDir) {
  const withSlash = absoluteDir.endsWith("/") ? absoluteDir : `${absoluteDir}/`;
  return "file://" + withSlash.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function pascalCase(text) {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join("");
}
function sarifRule(id, meta) {
  const summary = meta?.summary ?? `Stagegate rule ${id}.`;
  const phase = meta?.phase ?? (id.startsWith("SG2") ? "image" : "dockerfile");
  const uri = helpUri(id);
  const aliases = meta?.aliases ?? [];
  const aka = aliases.length > 0 ? ` Also known as ${aliases.join(", ")}.` : "";
  const name = aliases[0] ?? (meta ? pascalCase(summary) : void 0);
  const rule = {
    id,
    ...name !== void 0 && name !== "" && name !== id ? { name } : {},
    shortDescription: { text: summary },
    fullDescription: {
      text: `${summary}${aka} Checked on the ${phase === "image" ? "built image, stage by stage" : "Dockerfile"}.`
    },
    help: {
      text: `${summary}${aka} Why it matters, a bad and a good example: ${uri}`,
      markdown: `**${id}**: ${summary}${aka}

Why it matters, with a bad and a good example: [${id}](${uri})`
    },
    helpUri: uri,
    defaultConfiguration: { level: LEVEL[meta?.severity ?? "warning"] },
    properties: { tags: ["stagegate", phase, ...id.startsWith("SG2") ? ["security"] : []] }
  };
  if (aliases.length > 0) rule.properties.aliases = [...aliases];
  if (rule.properties.tags.includes("security")) {
    rule.properties["security-severity"] = SECURITY_SEVERITY[meta?.severity ?? "warning"];
  }
  return rule;
}
function resultProperties(finding) {
  const properties = {};
  if (finding.stage) properties.stage = { ...finding.stage };
  if (finding.layer) properties.layer = { ...finding.layer };
  if (finding.path !== void 0) properties.imagePath = finding.path;
  if (finding.evidence !== void 0) properties.evidence = finding.evidence;
  if (finding.confirmed) properties.confirmed = true;
  if (finding.also && finding.also.length > 0) properties.also = [...finding.also];
  if (finding.count !== void 0) properties.count = finding.count;
  return Object.keys(properties).length > 0 ? properties : void 0;
}
function fallbackLine(report) {
  return report.stages.find((stage) => stage.final)?.line ?? 1;
}
function toSarif(reports, options) {
  const list = Array.isArray(reports) ? reports : [reports];
  const ruleIds = [...new Set(list.flatMap((report) => report.findings.map((finding) => finding.ruleId)))].sort();
  const rules = ruleIds.map(
    (id) => sarifRule(
      id,
      options.rules?.find((rule) => rule.id === id)
    )
  );
  const results = [];
  for (const report of list) {
    const computed = fingerprintFindings(report.findings, report.dockerfile);
    report.findings.forEach((finding, index) => {
      const file = finding.file ?? report.dockerfile;
      const startLine = finding.line ?? fallbackLine(report);
      const location = {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
          region: { startLine, endLine: Math.max(startLine, finding.endLine ?? startLine) }
        }
      };
      if (finding.path !== void 0) {
        location.logicalLocations = [
          {
            name: finding.path.split("/").pop() || finding.path,
            fullyQualifiedName: finding.path,
            kind: "resource"
          }
        ];
      }
      const result = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIds.indexOf(finding.ruleId),
        level: LEVEL[finding.severity],
        message: {
          text: finding.path !== void 0 ? `${finding.message} (${finding.path})` : finding.message
        },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint ?? computed[index] ?? "" }
      };
      if (finding.relatedLines && finding.relatedLines.length > 0) {
        result.relatedLocations = finding.relatedLines.map((line, id) => ({
          id,
          physicalLocation: {
            artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
            region: { startLine: line, endLine: line }
          },
          message: { text: `${finding.ruleId} here too` }
        }));
      }
      const properties = resultProperties(finding);
      if (properties) result.properties = properties;
      results.push(result);
    });
  }
  const run = {
    tool: {
      driver: {
        name: "stagegate",
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        informationUri: INFORMATION_URI,
        rules
      }
    },
    results
  };
  const category = options.category ?? (list.length === 1 ? `stagegate/${list[0]?.dockerfile ?? ""}` : void 0);
  if (category !== void 0) run.automationDetails = { id: `${category.replace(/\/+$/, "")}/` };
  if (options.srcRoot !== void 0) run.originalUriBaseIds = { [SRCROOT]: { uri: fileUri(options.srcRoot) } };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function formatSarif(log) {
  return JSON.stringify(log, null, 2) + "\n";
}

export {
  toSarif,
  formatSarif
};
