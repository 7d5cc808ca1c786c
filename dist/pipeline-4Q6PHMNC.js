import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from "./chunk-CP2F3PEO.js";
import "./chunk-YMCV6IYL.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-2AO2BZAP.js";
import "./chunk-IIQR32TI.js";
import "./chunk-D7B27K6P.js";
export {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
};
