import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/checks/secrets.ts
var TOKEN_FORMATS = [
  { kind: "GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, prefix: 4 },
  { kind: "GitHub fine-grained token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g, prefix: 11 },
  { kind: "GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, prefix: 6 },
  { kind: "Slack token", pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g, prefix: 5 },
  { kind: "Stripe live key", pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/g, prefix: 8 },
  { kind: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, prefix: 4 },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, prefix: 4 },
  { kind: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, prefix: 4 }
];
var PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/;
function redact(value, keepPrefix = 0) {
  const prefix = value.slice(0, Math.min(keepPrefix, Math.floor(value.length / 3)));
  return `${prefix}****…(${value.length} chars)`;
}
function findTokens(text) {
  return findRawTokens(text).map(({ match }) => match);
}
function findRawTokens(text) {
  const matches = [];
  for (const format of TOKEN_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      matches.push({ match: { kind: format.kind, evidence: redact(match[0], format.prefix) }, raw: match[0] });
    }
  }
  return matches;
}
function findPrivateKey(text) {
  const match = PRIVATE_KEY.exec(text);
  if (!match) return void 0;
  return { kind: "private key", evidence: `${match[0]} (key material redacted)` };
}
var SECRET_NAME = /(pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credentials?|auth)(?![a-z])/i;
var NOT_SECRET_NAME = /(_(file|path|dir|url|uri|id|name|type|version|length|size|ttl|timeout|endpoint|host|port|user(name)?)$|^gpg_key$|public)/i;
function isSecretName(name) {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}
function isSecretValue(value) {
  const trimmed = value.trim().replace(/^["']|["']$/g, "");
  if (trimmed.length < 4) return false;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(trimmed)) return false;
  if (/^(true|false|yes|no|none|null|changeme|<.*>|x+|\*+)$/i.test(trimmed)) return false;
  return true;
}
function isFilePathValue(value) {
  const trimmed = value.trim().replace(/^["']|["']$/g, "");
  const part = "[\\w.@+~-]+";
  const unix = new RegExp(`^(?:/${part}(?:/${part})+|(?:\\.\\.?|~)(?:/${part})+)/?$`);
  return unix.test(trimmed) || /^[A-Za-z]:\\[^\s]+$/.test(trimmed);
}
function secretAssignment(name, value) {
  const tokens = findTokens(value);
  if (tokens.length > 0) return { kind: tokens[0].kind, evidence: `${name}=${tokens[0].evidence}` };
  if (isSecretName(name) && isSecretValue(value) && !isFilePathValue(value)) {
    return { kind: "secret-looking value", evidence: `${name}=${redact(value)}` };
  }
  const userinfo = /:\/\/[^/\s:@]+:([^/\s@]+)@/.exec(value);
  if (userinfo) return { kind: "password in a URL", evidence: `${name}=…://…:${redact(userinfo[1])}@…` };
  return void 0;
}
function assignments(text) {
  const result = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(line) ?? /^([^:\s]+)\s*:\s*(.*)$/.exec(line);
    if (match) result.push({ key: match[1], value: match[2] });
  }
  return result;
}
function scanFileForSecrets(path, content) {
  const text = content.toString("latin1");
  const name = path.slice(path.lastIndexOf("/") + 1);
  const found = [];
  const reported = [];
  const report = (match, value) => {
    found.push(match);
    reported.push(value);
  };
  const key = findPrivateKey(text);
  if (key) found.push(key);
  if (name === ".npmrc") {
    for (const { key: k, value } of assignments(text)) {
      if (/(_authToken|_auth|_password)$/.test(k) && isSecretValue(value))
        report({ kind: "npm registry credentials", evidence: `${tail(k)}=${redact(value.trim())}` }, value);
    }
  } else if (name === ".pypirc") {
    for (const { key: k, value } of assignments(text)) {
      if (/^password$/i.test(k) && isSecretValue(value))
        report({ kind: "PyPI password", evidence: `password=${redact(value.trim())}` }, value);
    }
  } else if (name === ".git-credentials") {
    const match = /https?:\/\/[^:\s/]+:([^@\s]+)@/.exec(text);
    if (match) report({ kind: "git credentials", evidence: `https://…:${redact(match[1])}@…` }, match[1]);
  } else if (name === ".netrc" || name === "_netrc") {
    const match = /\bpassword\s+(\S+)/.exec(text);
    if (match) report({ kind: "netrc password", evidence: `password ${redact(match[1])}` }, match[1]);
  } else if (name === "config.json" && path.includes("/.docker/")) {
    const auth = dockerConfigAuth(text);
    if (auth) found.push(auth);
  } else if (name === "credentials" || /\.env(\..+)?$/.test(name) || name === ".env") {
    for (const { key: k, value } of assignments(text)) {
      if (/^aws_secret_access_key$/i.test(k) && isSecretValue(value))
        report({ kind: "AWS secret access key", evidence: `${k}=${redact(value.trim())}` }, value);
      else if (name !== "credentials" && isSecretName(k) && isSecretValue(value) && findTokens(value).length === 0)
        found.push({ kind: ".env secret", evidence: `${k}=${redact(value.trim())}` });
    }
  }
  for (const { match, raw } of findRawTokens(text))
    if (!reported.some((value) => value.includes(raw))) found.push(match);
  return dedupe(found);
}
function tail(key) {
  const colon = key.lastIndexOf(":");
  return colon < 0 ? key : key.slice(colon + 1);
}
function dockerConfigAuth(text) {
  try {
    const config = JSON.parse(text);
    for (const [registry, entry] of Object.entries(config.auths ?? {})) {
      const secret = entry?.auth || entry?.identitytoken;
      if (typeof secret === "string" && secret.length > 0)
        return { kind: "registry credentials", evidence: `auths.${registry}.auth=${redact(secret)}` };
    }
  } catch {
    if (/"auth"\s*:\s*"[^"]+"/.test(text)) return { kind: "registry credentials", evidence: '"auth": "****"' };
  }
  return void 0;
}
function dedupe(matches) {
  const seen = /* @__PURE__ */ new Set();
  return matches.filter((match) => {
    const key = `${match.kind}\0${match.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function redactCreatedBy(createdBy) {
  const text = createdBy.replace(
    /^(RUN )?\|(\d+) ((?:\S+=\S* )+)/,
    (whole, run, count, args) => {
      const redacted = args.split(" ").map((word) => {
        const eq = word.indexOf("=");
        if (eq <= 0) return word;
        const name = word.slice(0, eq);
        return secretAssignment(name, word.slice(eq + 1)) ? `${name}=****` : word;
      }).join(" ");
      return `${run ?? ""}|${count} ${redacted}`;
    }
  );
  return scrubTokens(text).replace(PRIVATE_KEY, "-----BEGIN PRIVATE KEY----- (redacted)");
}
function scrubTokens(text) {
  let result = text;
  for (const format of TOKEN_FORMATS)
    result = result.replace(format.pattern, (token) => redact(token, format.prefix));
  return result;
}

export {
  findTokens,
  isSecretName,
  isFilePathValue,
  secretAssignment,
  scanFileForSecrets,
  redactCreatedBy,
  scrubTokens
};
