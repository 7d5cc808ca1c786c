import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  CODECLIMATE_SEVERITY
} from "./chunk-5VO2WPFT.js";
import {
  locatedFindings,
  safeJson
} from "./chunk-TIBB3R34.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/gitlab-codeclimate.ts
function formatGitlabCodeclimate(reports, _context) {
  const issues = locatedFindings(reports).map((entry) => {
    const end = entry.finding.endLine;
    return {
      description: `${entry.finding.ruleId}: ${entry.message}`,
      check_name: entry.finding.ruleId,
      fingerprint: entry.fingerprint,
      severity: CODECLIMATE_SEVERITY[entry.finding.severity],
      location: {
        path: entry.file,
        lines: end !== void 0 && end > entry.line ? { begin: entry.line, end } : { begin: entry.line }
      }
    };
  });
  return safeJson(issues, 2) + "\n";
}
export {
  formatGitlabCodeclimate
};
