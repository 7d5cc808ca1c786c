import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/redact.ts
import { readFileSync, statSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
var REDACTED = "***";
var MIN_VALUE_LENGTH = 3;
var MIN_LINE_LENGTH = 4;
function secretNeedles(values) {
  const needles = /* @__PURE__ */ new Set();
  for (const value of values) {
    if (value.trim().length >= MIN_VALUE_LENGTH) needles.add(value);
    const lines = value.split(/\r?\n/);
    if (lines.length > 1) {
      for (const line of lines) if (line.trim().length >= MIN_LINE_LENGTH) needles.add(line.trim());
    }
  }
  return [...needles].sort((a, b) => b.length - a.length);
}
function redactWith(needles, text) {
  let out = text;
  for (const needle of needles) out = out.split(needle).join(REDACTED);
  return out;
}
function makeRedactor(values) {
  const needles = secretNeedles(values);
  return (text) => redactWith(needles, text);
}
var SecretSet = class {
  known = /* @__PURE__ */ new Set();
  needles = [];
  constructor(values = []) {
    for (const value of values) this.add(value);
  }
  add(value) {
    if (value === "" || this.known.has(value)) return;
    this.known.add(value);
    this.needles = secretNeedles([...this.known]);
  }
  values() {
    return [...this.known];
  }
  redact(text) {
    return this.needles.length === 0 ? text : redactWith(this.needles, text);
  }
};
var MAX_SECRET_FILE = 64 * 1024;
function secretValuesOf(inputs, env, cwd, readFile = defaultReadFile) {
  const values = [];
  const valueOf = (item) => {
    const at = item.indexOf("=");
    return at === -1 ? "" : item.slice(at + 1);
  };
  for (const item of inputs.secrets) {
    const value = valueOf(item);
    if (value) values.push(value);
  }
  for (const item of inputs["secret-envs"]) {
    const value = env[valueOf(item).trim()];
    if (value) values.push(value);
  }
  for (const item of inputs["secret-files"]) {
    const file = valueOf(item).trim();
    if (!file) continue;
    const content = readFile(resolvePath(cwd, file));
    if (content && !content.includes(0)) {
      const text = content.toString("utf8");
      values.push(text, text.trim());
    }
  }
  if (inputs["github-token"]) values.push(inputs["github-token"]);
  if (env.GITHUB_TOKEN) values.push(env.GITHUB_TOKEN);
  return values.filter((value) => value !== "");
}
function defaultReadFile(path) {
  try {
    if (statSync(path).size > MAX_SECRET_FILE) return void 0;
    return readFileSync(path);
  } catch {
    return void 0;
  }
}

export {
  secretNeedles,
  redactWith,
  makeRedactor,
  SecretSet,
  secretValuesOf
};
