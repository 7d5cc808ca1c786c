import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from "./chunk-V44OYOTM.js";
import "./chunk-BOCMDX27.js";
import "./chunk-UZZNPPZR.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-APKOP7MI.js";
import "./chunk-AJKVLOIT.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import "./chunk-2N6NUYKT.js";
import "./chunk-JZJMA7FY.js";
import "./chunk-DTHY54JE.js";
import "./chunk-K2EIPKSN.js";
import "./chunk-FVBWWKFQ.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
};
