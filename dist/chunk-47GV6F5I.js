import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/report/fingerprint.ts
import { createHash } from "node:crypto";
var FINGERPRINT_KEY = "stagegate/v1";
function instructionAt(model, line) {
  const all = [...model.preamble, ...model.stages.flatMap((stage) => stage.instructions)];
  return all.find((instruction) => instruction.line <= line && line <= instruction.endLine);
}
function normaliseInstruction(instruction) {
  const flags = instruction.flags.map(
    (flag) => flag.value === void 0 ? `--${flag.name}` : `--${flag.name}=${flag.value}`
  );
  const heredocs = instruction.heredocs.map((heredoc) => heredoc.body);
  return [instruction.keyword, ...flags, instruction.args, ...heredocs].join(" ").replace(/\s+/g, " ").trim();
}
function instructionTextFromModels(models) {
  return (file, line) => {
    const model = models.find((candidate) => candidate.path === file);
    const instruction = model ? instructionAt(model, line) : void 0;
    return instruction ? normaliseInstruction(instruction) : void 0;
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
