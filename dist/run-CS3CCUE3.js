import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  NOT_RUN,
  OutputTail,
  outputRedactor,
  runSmoke,
  smokeArgs,
  smokeImage
} from "./chunk-K3S76UGX.js";
import "./chunk-DTHY54JE.js";
import "./chunk-FMLZABAY.js";
import "./chunk-5YN6HGCW.js";
import "./chunk-FVBWWKFQ.js";
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
