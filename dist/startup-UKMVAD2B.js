import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  smokeAgrees,
  smokeLine,
  startupSummary
} from "./chunk-2N6NUYKT.js";
import "./chunk-D7B27K6P.js";
export {
  smokeAgrees,
  smokeLine,
  startupSummary
};
