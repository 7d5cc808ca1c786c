import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  NOT_RUN,
  OutputTail,
  outputRedactor,
  runSmoke,
  smokeArgs,
  smokeImage
} from "./chunk-M74C5YY2.js";
import "./chunk-RYLBCIKQ.js";
import "./chunk-VT3GT27U.js";
import "./chunk-QHMSCR7C.js";
import "./chunk-GQ5YTR5C.js";
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
