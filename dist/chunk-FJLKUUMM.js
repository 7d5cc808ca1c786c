import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/sign/error.ts
var SigningError = class extends Error {
  name = "SigningError";
};

export {
  SigningError
};
