import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  builderCapabilities,
  checkBuilderSupports,
  childPids,
  createDockerRunner,
  detectBuildx,
  parseBuildxInspect,
  parseBuildxVersion,
  usesContainerdStore
} from "./chunk-GYB6246Z.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import "./chunk-GQ5YTR5C.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  builderCapabilities,
  checkBuilderSupports,
  childPids,
  createDockerRunner,
  detectBuildx,
  parseBuildxInspect,
  parseBuildxVersion,
  usesContainerdStore
};
