import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-IIQR32TI.js";
import {
  __toESM
} from "./chunk-D7B27K6P.js";

// src/build/versions.ts
var import_semver = __toESM(require_semver(), 1);
function buildxSatisfies(version, range) {
  if (!version) return false;
  if (/^[0-9a-f]{7}$/.test(version)) return true;
  const coerced = import_semver.default.coerce(version);
  if (!coerced || coerced.version === "0.0.0") return false;
  return import_semver.default.satisfies(coerced, range);
}

export {
  buildxSatisfies
};
