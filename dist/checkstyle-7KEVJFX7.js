import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  xmlDocument
} from "./chunk-2YHZMJVY.js";
import {
  byLocation,
  locatedFindings,
  reportFiles
} from "./chunk-TIBB3R34.js";
import "./chunk-AKIUNS33.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/checkstyle.ts
var SEVERITY = { error: "error", warning: "warning", note: "info" };
function formatCheckstyle(reports, _context) {
  const located = locatedFindings(reports).sort(byLocation);
  const files = [.../* @__PURE__ */ new Set([...reportFiles(reports), ...located.map((entry) => entry.file)])];
  const file = files.map((name) => {
    const errors = located.filter((entry) => entry.file === name).map((entry) => ({
      "@_line": entry.line,
      "@_column": entry.column ?? 1,
      "@_severity": SEVERITY[entry.finding.severity],
      "@_message": entry.message,
      "@_source": entry.finding.ruleId
    }));
    return errors.length > 0 ? { "@_name": name, error: errors } : { "@_name": name };
  });
  return xmlDocument({ checkstyle: { "@_version": "4.3", file } });
}
export {
  formatCheckstyle
};
