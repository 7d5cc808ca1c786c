import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  escapeControl,
  isImageRule,
  locatedFindings,
  oneLine,
  safeJson
} from "./chunk-TIBB3R34.js";
import {
  findRule
} from "./chunk-GDH2HMCT.js";
import "./chunk-C64V33NP.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/sonarqube.ts
var SONAR_ENGINE_ID = "stagegate";
var IMPACT_SEVERITY = {
  error: "HIGH",
  warning: "MEDIUM",
  note: "LOW"
};
function formatSonarqube(reports, _context) {
  const located = locatedFindings(reports);
  const rules = /* @__PURE__ */ new Map();
  const issues = [];
  for (const entry of located) {
    const { finding } = entry;
    if (!rules.has(finding.ruleId)) {
      const meta = findRule(finding.ruleId);
      const summary = escapeControl(oneLine(meta?.summary ?? finding.ruleId));
      const security = isImageRule(finding.ruleId);
      rules.set(finding.ruleId, {
        id: finding.ruleId,
        name: summary,
        description: `${summary} (${finding.ruleId.startsWith("SC") ? "ShellCheck" : "Stagegate"} rule ${finding.ruleId})`,
        engineId: SONAR_ENGINE_ID,
        cleanCodeAttribute: security ? "TRUSTWORTHY" : "CONVENTIONAL",
        impacts: [
          {
            softwareQuality: security ? "SECURITY" : finding.severity === "error" ? "RELIABILITY" : "MAINTAINABILITY",
            severity: IMPACT_SEVERITY[meta?.severity ?? finding.severity]
          }
        ]
      });
    }
    const textRange = { startLine: entry.line };
    if (finding.endLine !== void 0 && finding.endLine > entry.line) textRange.endLine = finding.endLine;
    issues.push({
      ruleId: finding.ruleId,
      primaryLocation: { message: entry.message, filePath: entry.file, textRange }
    });
  }
  return safeJson({ rules: [...rules.values()], issues }, 2) + "\n";
}
export {
  SONAR_ENGINE_ID,
  formatSonarqube
};
