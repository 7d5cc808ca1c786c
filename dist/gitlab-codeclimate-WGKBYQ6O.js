import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  CODECLIMATE_SEVERITY
} from "./chunk-J2BJGKZG.js";
import {
  locatedFindings,
  safeJson
} from "./chunk-4YYMV4O3.js";
import "./chunk-47GV6F5I.js";
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
