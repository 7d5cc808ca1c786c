import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  CODECLIMATE_SEVERITY,
  codeClimateIssue,
  formatCodeclimate
} from "./chunk-J2BJGKZG.js";
import "./chunk-4YYMV4O3.js";
import "./chunk-47GV6F5I.js";
import "./chunk-D7B27K6P.js";
export {
  CODECLIMATE_SEVERITY,
  codeClimateIssue,
  formatCodeclimate
};
