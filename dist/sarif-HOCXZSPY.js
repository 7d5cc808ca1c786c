import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  safeJson
} from "./chunk-TIBB3R34.js";
import {
  toSarif
} from "./chunk-62PAHNMF.js";
import {
  ALL_RULES
} from "./chunk-GDH2HMCT.js";
import "./chunk-C64V33NP.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/sarif.ts
function formatSarif(reports, context) {
  const log = toSarif(reports, {
    toolVersion: context.toolVersion,
    rules: ALL_RULES,
    srcRoot: context.srcRoot
  });
  return safeJson(log, 2) + "\n";
}
export {
  formatSarif
};
