import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  ANSI_PAINT,
  formatTty,
  wantsColor
} from "./chunk-XWETO6CP.js";
import "./chunk-IJSUP4UB.js";
import "./chunk-DFWCJEYH.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-D7B27K6P.js";
export {
  ANSI_PAINT,
  formatTty,
  wantsColor
};
