import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  CODECLIMATE_SEVERITY,
  codeClimateIssue,
  formatCodeclimate
} from "./chunk-5VO2WPFT.js";
import "./chunk-TIBB3R34.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";
export {
  CODECLIMATE_SEVERITY,
  codeClimateIssue,
  formatCodeclimate
};
