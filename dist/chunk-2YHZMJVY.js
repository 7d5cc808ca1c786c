import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  xmlSafe
} from "./chunk-TIBB3R34.js";
import {
  Builder
} from "./chunk-AKIUNS33.js";

// src/report/formats/xml.ts
var builder = new Builder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  processEntities: true
});
function xmlDocument(root) {
  return `<?xml version="1.0" encoding="UTF-8"?>
${builder.build(sanitize(root))}`;
}
function sanitize(node) {
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === void 0) continue;
    if (typeof value === "string")
      out[key] = key === "#text" ? value.split("\n").map(xmlSafe).join("\n") : xmlSafe(value);
    else if (typeof value === "number") out[key] = value;
    else if (Array.isArray(value)) out[key] = value.map(sanitize);
    else out[key] = sanitize(value);
  }
  return out;
}

export {
  xmlDocument
};
