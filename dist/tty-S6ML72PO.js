import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  ANSI_PAINT,
  formatTty,
  wantsColor
} from "./chunk-6M4NMJMY.js";
import "./chunk-TIBB3R34.js";
import "./chunk-DFWCJEYH.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-CHJ2KWGO.js";
import "./chunk-D7B27K6P.js";
export {
  ANSI_PAINT,
  formatTty,
  wantsColor
};
