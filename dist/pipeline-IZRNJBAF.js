import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
} from "./chunk-VSKH64P6.js";
import "./chunk-MI6BNGQC.js";
import "./chunk-YYNDAJNE.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-DTDXLTCT.js";
export {
  checkImage,
  dockerfilePath,
  imageToCheck,
  mergePlatformFindings,
  resolveFailOn,
  runPipeline
};
