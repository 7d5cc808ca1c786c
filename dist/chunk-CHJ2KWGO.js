import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/report/fingerprint.ts
import { createHash } from "node:crypto";
var FINGERPRINT_KEY = "stagegate/v1";
var byStartLine = /* @__PURE__ */ new WeakMap();
function instructionsByLine(model) {
  let sorted = byStartLine.get(model);
  if (!sorted) {
    sorted = [...model.preamble, ...model.stages.flatMap((stage) => stage.instructions)].sort(
      (a, b) => a.line - b.line
    );
    byStartLine.set(model, sorted);
  }
  return sorted;
}
function instructionAt(model, line) {
  const sorted = instructionsByLine(model);
  let low = 0;
  let high = sorted.length - 1;
  let candidate;
  while (low <= high) {
    const middle = low + high >> 1;
    const instruction = sorted[middle];
    if (instruction.line <= line) {
      candidate = instruction;
      low = middle + 1;
    } else high = middle - 1;
  }
  return candidate && line <= candidate.endLine ? candidate : void 0;
}
function normaliseInstruction(instruction) {
  const flags = instruction.flags.map(
    (flag) => flag.value === void 0 ? `--${flag.name}` : `--${flag.name}=${flag.value}`
  );
  const heredocs = instruction.heredocs.map((heredoc) => heredoc.body);
  return [instruction.keyword, ...flags, instruction.args, ...heredocs].join(" ").replace(/\s+/g, " ").trim();
}
function instructionTextFromModels(models) {
  const byPath = /* @__PURE__ */ new Map();
  for (const model of models) if (!byPath.has(model.path)) byPath.set(model.path, model);
  const texts = /* @__PURE__ */ new Map();
  return (file, line) => {
    const model = byPath.get(file);
    const instruction = model ? instructionAt(model, line) : void 0;
    if (!instruction) return void 0;
    let text = texts.get(instruction);
    if (text === void 0) {
      text = normaliseInstruction(instruction);
      texts.set(instruction, text);
    }
    return text;
  };
}
function hash(parts) {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}
function fingerprintFindings(findings, defaultFile, instructionText) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((finding) => {
    const file = finding.file ?? defaultFile;
    const text = finding.line !== void 0 ? instructionText?.(file, finding.line) : void 0;
    const subject = text !== void 0 ? `instruction:${text}` : `stage:${finding.stage?.name ?? finding.stage?.index ?? ""}:message:${finding.message}`;
    const base = hash([finding.ruleId, file, subject, finding.path ?? ""]);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return occurrence === 1 ? base : `${base}:${occurrence}`;
  });
}

export {
  FINGERPRINT_KEY,
  instructionTextFromModels,
  fingerprintFindings
};
