import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  safeJson
} from "./chunk-TIBB3R34.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/json.ts
function formatJson(reports, _context) {
  return safeJson(reports.length === 1 ? reports[0] : reports, 2) + "\n";
}
export {
  formatJson
};
