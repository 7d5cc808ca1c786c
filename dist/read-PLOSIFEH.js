import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS,
  mapLayersToHistory,
  readImage,
  sourceKind
} from "./chunk-VT3GT27U.js";
import "./chunk-QHMSCR7C.js";
import "./chunk-GQ5YTR5C.js";
import {
  MAX_SYMLINK_HOPS,
  normalisePath,
  resolvePath
} from "./chunk-5YN6HGCW.js";
import "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";
export {
  DEFAULT_LIMITS,
  MAX_SYMLINK_HOPS,
  mapLayersToHistory,
  normalisePath,
  readImage,
  resolvePath,
  sourceKind
};
