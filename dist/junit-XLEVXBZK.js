import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  xmlDocument
} from "./chunk-2YHZMJVY.js";
import {
  locatedFindings,
  reportFiles
} from "./chunk-TIBB3R34.js";
import "./chunk-AKIUNS33.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";

// src/report/formats/junit.ts
function formatJunit(reports, _context) {
  const located = locatedFindings(reports);
  const files = [.../* @__PURE__ */ new Set([...reportFiles(reports), ...located.map((entry) => entry.file)])];
  let tests = 0;
  let failures = 0;
  const testsuite = files.map((file) => {
    const mine = located.filter((entry) => entry.file === file);
    const testcase = mine.length > 0 ? mine.map(failedCase) : [{ "@_name": "stagegate lint", "@_classname": file, "@_time": "0" }];
    tests += testcase.length;
    failures += mine.length;
    return {
      "@_name": file,
      "@_tests": testcase.length,
      "@_failures": mine.length,
      "@_errors": 0,
      "@_skipped": 0,
      "@_time": "0",
      testcase
    };
  });
  return xmlDocument({
    testsuites: {
      "@_name": "stagegate",
      "@_tests": tests,
      "@_failures": failures,
      "@_errors": 0,
      "@_time": "0",
      testsuite
    }
  });
}
function failedCase(entry) {
  const where = entry.exact ? `${entry.file}:${entry.line}` : entry.file;
  const body = [
    `File: ${entry.file}`,
    entry.exact ? `Line: ${entry.line}` : void 0,
    entry.finding.path !== void 0 ? `Path in image: ${entry.finding.path}` : void 0,
    `Rule: ${entry.finding.ruleId}`,
    `${entry.finding.severity}: ${entry.message}`
  ].filter((line) => line !== void 0);
  return {
    "@_name": `${entry.finding.ruleId} at ${where}`,
    "@_classname": entry.file,
    "@_time": "0",
    failure: { "@_message": entry.message, "@_type": entry.finding.severity, "#text": body.join("\n") }
  };
}
export {
  formatJunit
};
