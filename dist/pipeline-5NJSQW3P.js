import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from "./chunk-GUDKZZEL.js";
import "./chunk-UP6XJJ4Q.js";
import "./chunk-CGMVLDVV.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-2N6NUYKT.js";
import "./chunk-K3S76UGX.js";
import "./chunk-DTHY54JE.js";
import "./chunk-FMLZABAY.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-FVBWWKFQ.js";
import "./chunk-YT7YWSWE.js";
import "./chunk-WAUK2XLW.js";
import "./chunk-5I44RLYD.js";
import "./chunk-IIQR32TI.js";
import "./chunk-PPSIE4TR.js";
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
