import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  ANSI_PAINT,
  formatTty,
  wantsColor
} from "./chunk-YPBCHVOE.js";
import "./chunk-4YYMV4O3.js";
import "./chunk-DFWCJEYH.js";
import "./chunk-RI6HCDV2.js";
import "./chunk-47GV6F5I.js";
import "./chunk-D7B27K6P.js";
export {
  ANSI_PAINT,
  formatTty,
  wantsColor
};
