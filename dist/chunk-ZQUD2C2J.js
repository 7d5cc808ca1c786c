import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/sign/statement.ts
var INTOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var SIGSTORE_BUNDLE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
function subjectName(image) {
  return image.replace(/@sha256:[0-9a-f]{64}$/, "").replace(/:[^:/]+$/, "");
}
function imageSubject(image, digest) {
  const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
  if (!match) throw new Error(`not a sha256 digest: ${digest}`);
  return { name: subjectName(image), digest: { sha256: match[1] } };
}
function buildStatement(subjects, predicateType, predicate) {
  return { _type: INTOTO_STATEMENT_V1, subject: subjects, predicateType, predicate };
}

export {
  INTOTO_PAYLOAD_TYPE,
  SIGSTORE_BUNDLE_V03,
  subjectName,
  imageSubject,
  buildStatement
};
