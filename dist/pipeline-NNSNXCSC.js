import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkDirectiveArg,
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from "./chunk-AMGVZ7D7.js";
import "./chunk-BOCMDX27.js";
import "./chunk-UZZNPPZR.js";
import "./chunk-CRPXSW6F.js";
import "./chunk-7KWXQILZ.js";
import "./chunk-GDH2HMCT.js";
import "./chunk-C64V33NP.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import "./chunk-2N6NUYKT.js";
import "./chunk-M74C5YY2.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-VT3GT27U.js";
import "./chunk-QHMSCR7C.js";
import "./chunk-GQ5YTR5C.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  checkDirectiveArg,
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
};
