import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-LQKVTG5O.js";
import "./chunk-D7B27K6P.js";
export default require_dist();
