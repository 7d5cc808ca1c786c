import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/cjs-import.ts
function cjsExports(namespace) {
  const exports = namespace.default;
  return exports !== null && typeof exports === "object" ? exports : namespace;
}

export {
  cjsExports
};
