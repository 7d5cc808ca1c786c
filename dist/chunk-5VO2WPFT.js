import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  escapeControl,
  isImageRule,
  locatedFindings,
  safeJson
} from "./chunk-TIBB3R34.js";

// src/report/formats/codeclimate.ts
var CODECLIMATE_SEVERITY = {
  error: "critical",
  warning: "major",
  note: "minor"
};
function codeClimateIssue(entry) {
  const { finding } = entry;
  const issue = {
    type: "issue",
    check_name: finding.ruleId,
    description: entry.message,
    categories: [
      isImageRule(finding.ruleId) ? "Security" : finding.severity === "note" ? "Style" : "Bug Risk"
    ],
    location: {
      path: entry.file,
      lines: { begin: entry.line, end: Math.max(entry.line, finding.endLine ?? entry.line) }
    },
    severity: CODECLIMATE_SEVERITY[finding.severity],
    fingerprint: entry.fingerprint
  };
  if (finding.path !== void 0)
    issue.content = { body: `Path in the image: \`${escapeControl(finding.path)}\`` };
  return issue;
}
function formatCodeclimate(reports, _context) {
  return locatedFindings(reports).map((entry) => `${safeJson(codeClimateIssue(entry))}\0`).join("");
}

export {
  CODECLIMATE_SEVERITY,
  codeClimateIssue,
  formatCodeclimate
};
