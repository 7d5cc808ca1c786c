import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  afterBuild
} from "./chunk-BZUORGIV.js";
import "./chunk-6WEZC6CP.js";
import "./chunk-GDXZUHEG.js";
import "./chunk-ZQUD2C2J.js";
import "./chunk-FJLKUUMM.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-FVBWWKFQ.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  afterBuild
};
