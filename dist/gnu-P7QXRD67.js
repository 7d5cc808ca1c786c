import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  escapeControl,
  locatedFindings
} from "./chunk-TIBB3R34.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/gnu.ts
function formatGnu(reports, _context) {
  const lines = locatedFindings(reports).map(
    (entry) => `${escapeControl(entry.file)}:${entry.line}:${entry.column ?? 1}: ${entry.finding.severity}: ${entry.finding.ruleId} ${entry.message}`
  );
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
export {
  formatGnu
};
