import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  builderCapabilities,
  checkBuilderSupports,
  createDockerRunner,
  detectBuildx,
  parseBuildxInspect,
  parseBuildxVersion,
  usesContainerdStore
} from "./chunk-5SUCGW5R.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  builderCapabilities,
  checkBuilderSupports,
  createDockerRunner,
  detectBuildx,
  parseBuildxInspect,
  parseBuildxVersion,
  usesContainerdStore
};
