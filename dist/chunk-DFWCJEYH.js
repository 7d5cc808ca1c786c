import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/findings/describe.ts
function mergeNote(finding) {
  const parts = [];
  if (finding.confirmed) parts.push("confirmed in the image");
  if (finding.also && finding.also.length > 0) parts.push(`also ${finding.also.join(", ")}`);
  if (finding.relatedLines && finding.relatedLines.length > 0)
    parts.push(`line${finding.relatedLines.length === 1 ? "" : "s"} ${finding.relatedLines.join(", ")} too`);
  return parts.length > 0 ? parts.join("; ") : void 0;
}

export {
  mergeNote
};
