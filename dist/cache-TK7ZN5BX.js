import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  CACHE_READ_DENIED_PREFIX,
  CACHE_WRITE_DENIED_PREFIX,
  CacheReadDeniedError,
  CacheWriteDeniedError,
  FinalizeCacheError,
  ReserveCacheError,
  ValidationError,
  isFeatureAvailable,
  restoreCache,
  saveCache
} from "./chunk-4LZZQAEP.js";
import "./chunk-AKIUNS33.js";
import "./chunk-P6ACNJI3.js";
import "./chunk-P6TJEQRT.js";
import "./chunk-S663SOIQ.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-BS4B6CXK.js";
import "./chunk-IIQR32TI.js";
import "./chunk-D7B27K6P.js";
export {
  CACHE_READ_DENIED_PREFIX,
  CACHE_WRITE_DENIED_PREFIX,
  CacheReadDeniedError,
  CacheWriteDeniedError,
  FinalizeCacheError,
  ReserveCacheError,
  ValidationError,
  isFeatureAvailable,
  restoreCache,
  saveCache
};
