import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  fingerprintFindings
} from "./chunk-CHJ2KWGO.js";

// src/report/escape.ts
var UNSAFE = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
);
function escapeOne(char) {
  const code = char.charCodeAt(0);
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "	") return "\\t";
  if (code >= 56448 && code <= 56575) return `\\x${(code - 56320).toString(16).padStart(2, "0")}`;
  if (code <= 255) return `\\x${code.toString(16).padStart(2, "0")}`;
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeControl(text) {
  return text.replace(UNSAFE, escapeOne);
}

// src/report/formats/common.ts
function locatedFindings(reports) {
  const out = [];
  for (const report of reports) {
    const computed = fingerprintFindings(report.findings, report.dockerfile);
    report.findings.forEach((finding, index) => {
      const located = {
        report,
        finding,
        file: finding.file ?? report.dockerfile,
        line: finding.line ?? fallbackLine(report, finding),
        exact: finding.line !== void 0,
        fingerprint: report.findings[index]?.fingerprint ?? computed[index] ?? "",
        message: findingMessage(finding)
      };
      if (finding.column !== void 0) located.column = finding.column;
      out.push(located);
    });
  }
  return out;
}
function fallbackLine(report, finding) {
  const stage = finding.stage !== void 0 ? report.stages.find((candidate) => candidate.index === finding.stage?.index) : void 0;
  return stage?.line ?? report.stages.find((candidate) => candidate.final)?.line ?? 1;
}
function findingMessage(finding) {
  const text = finding.path !== void 0 ? `${finding.message} (${finding.path})` : finding.message;
  return escapeControl(oneLine(text));
}
function oneLine(text) {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}
function xmlSafe(text) {
  return escapeControl(text).replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function byLocation(a, b) {
  return compare(a.file, b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || rank(a.finding.severity) - rank(b.finding.severity) || compare(a.finding.ruleId, b.finding.ruleId);
}
function rank(severity) {
  return severity === "error" ? 0 : severity === "warning" ? 1 : 2;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function isImageRule(ruleId) {
  return /^SG2\d{3}$/.test(ruleId);
}
function reportFiles(reports) {
  return [...new Set(reports.map((report) => report.dockerfile))];
}
function safeJson(value, indent) {
  return JSON.stringify(value, null, indent).replace(
    /[\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16)}`
  );
}

export {
  escapeControl,
  locatedFindings,
  oneLine,
  xmlSafe,
  byLocation,
  isImageRule,
  reportFiles,
  safeJson
};
