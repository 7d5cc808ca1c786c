import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  escapeControl
} from "./chunk-TIBB3R34.js";
import {
  mergeNote
} from "./chunk-DFWCJEYH.js";
import {
  formatBytes
} from "./chunk-RI6HCDV2.js";

// src/report/text.ts
function stageLabel(stage) {
  if (!stage) return void 0;
  return stage.name !== void 0 && stage.name !== "" ? stage.name : String(stage.index);
}
function formatFindingLine(finding, dockerfile, paint) {
  const file = oneLine(finding.file ?? dockerfile);
  const where = finding.line !== void 0 ? `${file}:${finding.line}` : file;
  const inImage = finding.path !== void 0 ? ` (${oneLine(finding.path)})` : "";
  const stage = stageLabel(finding.stage);
  const stagePart = stage !== void 0 ? ` [stage ${oneLine(stage)}]` : "";
  const head = `${finding.ruleId} ${finding.severity}:`;
  const note = mergeNote(finding);
  const merged = note !== void 0 ? ` {${oneLine(note)}}` : "";
  return `${paint ? paint.dim(where) : where} ${paint ? paint.severity(finding.severity, head) : head} ${oneLine(finding.message)}${inImage}${stagePart}${merged}`;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function formatCounts(counts) {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")}`;
}
function formatText(reports, paint) {
  const list = Array.isArray(reports) ? reports : [reports];
  const lines = [];
  const total = { error: 0, warning: 0, note: 0 };
  for (const report of list) {
    const dockerfile = oneLine(report.dockerfile);
    for (const finding of report.findings) lines.push(formatFindingLine(finding, report.dockerfile, paint));
    for (const notice of report.notices ?? []) lines.push(`${dockerfile}: notice: ${oneLine(notice)}`);
    if (report.image) lines.push(`${dockerfile}: ${oneLine(imageLine(report.image))}`);
    if (report.build && !report.build.ok) {
      lines.push(`${dockerfile}: build failed${report.build.error ? `: ${oneLine(report.build.error)}` : ""}`);
    }
    total.error += report.counts.error;
    total.warning += report.counts.warning;
    total.note += report.counts.note;
  }
  const findings = total.error + total.warning + total.note;
  const scope = list.length === 1 ? oneLine(list[0]?.dockerfile ?? "") : plural(list.length, "Dockerfile");
  lines.push(`${scope}: ${plural(findings, "finding")} (${formatCounts(total)})`);
  return lines.join("\n") + "\n";
}
function imageLine(image) {
  const layers = plural(image.layers.length, "layer");
  const efficiency = `${(image.efficiency * 100).toFixed(1)} % efficient`;
  const attested = `SBOM ${image.attestations.sbom ? "yes" : "no"}, provenance ${image.attestations.provenance ? "yes" : "no"}`;
  return `image ${image.ref}: ${formatBytes(image.sizeBytes)} in ${layers}, ${efficiency}, ${formatBytes(image.wastedBytes)} wasted, ${attested}`;
}
function oneLine(text) {
  return escapeControl(text.replace(/\s*\r?\n\s*/g, " ").trim());
}

// src/report/formats/tty.ts
var SGR = { error: "31;1", warning: "33;1", note: "36" };
var ANSI_PAINT = {
  severity: (severity, text) => `\x1B[${SGR[severity]}m${text}\x1B[0m`,
  dim: (text) => `\x1B[2m${text}\x1B[0m`
};
function wantsColor(stream, env) {
  return stream.isTTY === true && (env["NO_COLOR"] === void 0 || env["NO_COLOR"] === "") && env["TERM"] !== "dumb";
}
function formatTty(reports, context) {
  return formatText(reports, context?.color === true ? ANSI_PAINT : void 0);
}

export {
  ANSI_PAINT,
  wantsColor,
  formatTty
};
