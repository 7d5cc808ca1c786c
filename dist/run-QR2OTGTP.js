import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  NOT_RUN,
  OutputTail,
  outputRedactor,
  runSmoke,
  smokeArgs,
  smokeImage
} from "./chunk-JZJMA7FY.js";
import "./chunk-DTHY54JE.js";
import "./chunk-K2EIPKSN.js";
import "./chunk-FVBWWKFQ.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  NOT_RUN,
  OutputTail,
  outputRedactor,
  runSmoke,
  smokeArgs,
  smokeImage
};
