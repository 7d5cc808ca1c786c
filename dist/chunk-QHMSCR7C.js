import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/image/config-shape.ts
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var describe = (value) => value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
function sanitizeContainerConfig(raw, warnings) {
  if (raw === void 0 || raw === null) return {};
  if (!isRecord(raw)) {
    warnings.add(`image config: "config" is ${describe(raw)}, not an object; ignored`);
    return {};
  }
  const out = {};
  const bad = (key, what) => warnings.add(`image config: config.${key} is ${describe(raw[key])}, not ${what}; ignored`);
  for (const key of ["User", "WorkingDir", "StopSignal"]) {
    if (!(key in raw) || raw[key] === null || raw[key] === void 0) continue;
    if (typeof raw[key] === "string") out[key] = raw[key];
    else bad(key, "a string");
  }
  for (const key of ["Env", "Entrypoint", "Cmd", "Shell", "OnBuild"]) {
    const value = raw[key];
    if (!(key in raw) || value === void 0) continue;
    if (value === null) {
      out[key] = null;
      continue;
    }
    if (!Array.isArray(value)) {
      bad(key, "a list of strings");
      continue;
    }
    const strings = value.filter((item) => typeof item === "string");
    if (strings.length !== value.length)
      warnings.add(
        `image config: config.${key} has ${value.length - strings.length} entries that are not strings; ignored`
      );
    out[key] = strings;
  }
  for (const key of ["Labels", "ExposedPorts", "Volumes"]) {
    const value = raw[key];
    if (!(key in raw) || value === void 0) continue;
    if (value === null) {
      out[key] = null;
      continue;
    }
    if (!isRecord(value)) {
      bad(key, "an object");
      continue;
    }
    if (key === "Labels") {
      const labels = {};
      let dropped = 0;
      for (const [name, text] of Object.entries(value)) {
        if (typeof text === "string") labels[name] = text;
        else dropped++;
      }
      if (dropped > 0)
        warnings.add(`image config: config.Labels has ${dropped} values that are not strings; ignored`);
      out[key] = labels;
    } else out[key] = value;
  }
  if ("Healthcheck" in raw) {
    const value = raw["Healthcheck"];
    if (value === null || value === void 0) out["Healthcheck"] = value;
    else if (!isRecord(value)) bad("Healthcheck", "an object");
    else {
      const test = value["Test"];
      if (test !== void 0 && test !== null && !(Array.isArray(test) && test.every((t) => typeof t === "string")))
        warnings.add(`image config: config.Healthcheck.Test is not a list of strings; ignored`);
      else out["Healthcheck"] = value;
    }
  }
  for (const [key, value] of Object.entries(raw)) if (!(key in out) && !KNOWN.has(key)) out[key] = value;
  return out;
}
var KNOWN = /* @__PURE__ */ new Set([
  "User",
  "WorkingDir",
  "StopSignal",
  "Env",
  "Entrypoint",
  "Cmd",
  "Shell",
  "OnBuild",
  "Labels",
  "ExposedPorts",
  "Volumes",
  "Healthcheck"
]);
function configString(value) {
  return typeof value === "string" ? value : void 0;
}
function diffIdList(rootfs) {
  if (!isRecord(rootfs) || !Array.isArray(rootfs["diff_ids"])) return [];
  return rootfs["diff_ids"].map((d) => typeof d === "string" ? d : "");
}

// src/image/verify.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
function algorithmOf(digest) {
  if (digest.startsWith("sha256:")) return "sha256";
  if (digest.startsWith("sha512:")) return "sha512";
  return void 0;
}
var BlobHasher = class {
  constructor(expected) {
    this.expected = expected;
    const algorithm = algorithmOf(expected.digest);
    this.hash = algorithm ? createHash(algorithm) : void 0;
  }
  expected;
  hash;
  bytes = 0;
  update(chunk) {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
  }
  /** The mismatch in one phrase, or undefined when the bytes are what the digest names. */
  finish() {
    return digestVerdict(this.expected, this.hash?.digest("hex"), this.bytes);
  }
};
function digestAlgorithm(digest) {
  return algorithmOf(digest);
}
function digestVerdict(expected, hex, bytes) {
  if (hex === void 0) return `cannot verify digest ${JSON.stringify(expected.digest)}`;
  const computed = `${algorithmOf(expected.digest)}:${hex}`;
  const { digest, size } = expected;
  if (computed !== digest)
    return `content does not match its digest ${digest} (the bytes hash to ${computed})`;
  if (size !== void 0 && size > 0 && size !== bytes)
    return `is ${bytes} bytes, its descriptor says ${size}`;
  return void 0;
}
function verifyBuffer(data, expected) {
  const hasher = new BlobHasher(expected);
  hasher.update(data);
  return hasher.finish();
}
var VerifyingStream = class extends Transform {
  constructor(expected, onVerdict) {
    super();
    this.onVerdict = onVerdict;
    this.hasher = new BlobHasher(expected);
  }
  onVerdict;
  hasher;
  verdictGiven = false;
  _transform(chunk, _encoding, callback) {
    this.hasher.update(chunk);
    callback(null, chunk);
  }
  _flush(callback) {
    this.verdictGiven = true;
    this.onVerdict(this.hasher.finish());
    callback();
  }
};
function digestFromArchivePath(path) {
  const blob = /^(?:\.\/)?blobs\/(sha256|sha512)\/([a-f0-9]{64,128})$/.exec(path);
  if (blob) return `${blob[1]}:${blob[2]}`;
  const config = /^(?:\.\/)?([a-f0-9]{64})\.json$/.exec(path);
  if (config) return `sha256:${config[1]}`;
  return void 0;
}

// src/image/sources/store.ts
var DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
function checkDigest(digest, where) {
  if (typeof digest !== "string" || !DIGEST.test(digest))
    throw new UsageError(`${where}: invalid digest ${JSON.stringify(digest)}`);
  return digest;
}
function blobPath(digest) {
  const [algorithm, hex] = digest.split(":");
  return `blobs/${algorithm}/${hex}`;
}
async function readStream(stream, maxBytes, what) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new UsageError(`${what} is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

// src/image/manifest.ts
var MEDIA_TYPES = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerLayerTar: "application/vnd.docker.image.rootfs.diff.tar"
};
var INDEX_TYPES = /* @__PURE__ */ new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
var ATTESTATION_TYPE = "attestation-manifest";
var MAX_INDEX_DEPTH = 4;
var ARCHES = {
  x64: "amd64",
  arm64: "arm64",
  arm: "arm",
  ia32: "386",
  ppc64: "ppc64le",
  s390x: "s390x"
};
function hostPlatform() {
  return `linux/${ARCHES[process.arch] ?? process.arch}`;
}
function parsePlatform(text) {
  const [os, architecture, variant] = text.split("/");
  if (!os || !architecture)
    throw new UsageError(`invalid platform ${JSON.stringify(text)} (expected os/arch[/variant])`);
  return variant ? { os, architecture, variant } : { os, architecture };
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function platformMatches(have, want) {
  if (have.os !== want.os || have.architecture !== want.architecture) return false;
  if (want.variant === void 0) return true;
  const normal = (v) => have.architecture === "arm64" && v === void 0 ? "v8" : v;
  return normal(have.variant) === normal(want.variant);
}
function parseJson(json, what) {
  try {
    const value = JSON.parse(json.toString("utf8"));
    if (value === null || typeof value !== "object") throw new Error("not an object");
    return value;
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${error.message}`);
  }
}
function descriptors(value, what) {
  if (!Array.isArray(value)) throw new UsageError(`${what} has no manifests list`);
  return value.map((raw, i) => {
    const d = raw;
    checkDigest(d?.digest, `${what} entry ${i}`);
    return d;
  });
}
function isAttestation(d) {
  return d.annotations?.["vnd.docker.reference.type"] === ATTESTATION_TYPE;
}
function isIndexJson(json) {
  return json.mediaType !== void 0 && INDEX_TYPES.has(json.mediaType) || Array.isArray(json.manifests);
}
async function readVerified(source, key, maxJson, warnings, what, size, asManifest) {
  const { store } = source;
  const json = asManifest && store.manifest ? (await store.manifest(key, maxJson)).json : await store.readAll(key, maxJson);
  const digest = key.includes(":") ? key : digestFromArchivePath(key);
  if (digest !== void 0) {
    const declared = typeof size === "number" && Number.isSafeInteger(size) ? { size } : {};
    const problem = verifyBuffer(json, { digest, ...declared });
    if (problem) warnings.addTampering(`${what} ${problem}`);
  }
  return json;
}
async function fetchManifest(source, descriptor, maxJson, warnings) {
  return readVerified(
    source,
    descriptor.digest,
    maxJson,
    warnings,
    `manifest ${descriptor.digest}`,
    descriptor.size,
    true
  );
}
async function chooseFromIndex(source, entries, want, what, maxJson, warnings, depth) {
  if (depth > MAX_INDEX_DEPTH) throw new UsageError(`${what}: indexes nested too deeply`);
  const images = entries.filter((d) => !isAttestation(d));
  if (images.length === 0) throw new UsageError(`${what}: the index lists no image`);
  const withPlatform = images.filter((d) => d.platform?.os && d.platform.architecture);
  let chosen;
  if (withPlatform.length > 0) {
    chosen = withPlatform.find((d) => platformMatches(d.platform, want));
    if (!chosen) {
      const unknown = images.filter((d) => !withPlatform.includes(d));
      if (unknown.length === 0)
        throw new UsageError(
          `${what}: no ${formatPlatform(want)} image (it has ${withPlatform.map((d) => formatPlatform(d.platform)).join(", ")})`
        );
      chosen = unknown[0];
    }
  } else {
    chosen = images[0];
    if (images.length > 1)
      warnings.add(`${what} holds ${images.length} images; reading the first (${chosen?.digest ?? ""})`);
  }
  const descriptor = chosen;
  const json = await fetchManifest(source, descriptor, maxJson, warnings);
  const parsed = parseJson(json, `manifest ${descriptor.digest}`);
  const isIndex = descriptor.mediaType !== void 0 && INDEX_TYPES.has(descriptor.mediaType) || isIndexJson(parsed);
  if (isIndex)
    return chooseFromIndex(
      source,
      descriptors(parsed.manifests, `index ${descriptor.digest}`),
      want,
      `index ${descriptor.digest}`,
      maxJson,
      warnings,
      depth + 1
    );
  return { digest: descriptor.digest, json, siblings: entries };
}
var SBOM_PREDICATES = ["https://spdx.dev/Document", "https://cyclonedx.org/bom"];
var PROVENANCE_PREDICATE = "https://slsa.dev/provenance/";
async function readAttestations(source, found, maxJson, warnings) {
  const siblings = found.siblings ?? [];
  const forImage = siblings.filter(
    (d) => isAttestation(d) && d.annotations?.["vnd.docker.reference.digest"] === found.digest
  );
  const images = siblings.filter((d) => !isAttestation(d));
  const indexFromAttestations = found.siblings ? images.length === 1 && siblings.length > images.length : void 0;
  if (forImage.length === 0) {
    return source.knowsAttestations && found.siblings ? {
      attestations: { sbom: false, provenance: false },
      indexFromAttestations: indexFromAttestations ?? false
    } : indexFromAttestations === void 0 ? {} : { indexFromAttestations };
  }
  const result = { sbom: false, provenance: false };
  let unreadable = 0;
  for (const d of forImage) {
    const present = source.store.manifest ? true : await source.store.has(d.digest);
    if (!present) {
      unreadable++;
      continue;
    }
    const manifest = parseJson(
      await fetchManifest(source, d, maxJson, warnings),
      `attestation manifest ${d.digest}`
    );
    for (const layer of Array.isArray(manifest.layers) ? manifest.layers : []) {
      const predicate = String(layer?.annotations?.["in-toto.io/predicate-type"] ?? "");
      if (SBOM_PREDICATES.some((p) => predicate.startsWith(p))) result.sbom = true;
      if (predicate.startsWith(PROVENANCE_PREDICATE)) result.provenance = true;
    }
  }
  if (unreadable === forImage.length) {
    warnings.add(
      `attestation manifests are listed but missing from ${source.store.label}: cannot tell which attestations exist`
    );
    return { indexFromAttestations: indexFromAttestations ?? false };
  }
  return { attestations: result, indexFromAttestations: indexFromAttestations ?? false };
}
function layerRefs(manifest, what) {
  if (!Array.isArray(manifest.layers)) throw new UsageError(`${what} has no layers list`);
  return manifest.layers.map((d, i) => {
    const digest = checkDigest(d?.digest, `${what} layer ${i}`);
    const mediaType = typeof d.mediaType === "string" ? d.mediaType : "";
    const size = typeof d.size === "number" && Number.isSafeInteger(d.size) && d.size >= 0 ? d.size : 0;
    return { key: digest, digest, mediaType, compressedSize: size };
  });
}
async function readConfig(source, key, maxJson, warnings, size) {
  const json = await readVerified(source, key, maxJson, warnings, `image config ${key}`, size, false);
  return parseJson(json, `image config ${key}`);
}
async function resolveImage(source, platform, maxJson, warnings) {
  const want = parsePlatform(platform);
  const label = source.store.label;
  const top = source.top;
  if (top.kind === "docker-manifest-json") {
    const list = parseJson(top.json, `${label}: manifest.json`);
    if (!Array.isArray(list) || list.length === 0)
      throw new UsageError(`${label}: manifest.json lists no image`);
    if (list.length > 1) warnings.add(`${label} holds ${list.length} images; reading the first`);
    const entry = list[0];
    if (typeof entry.Config !== "string" || !Array.isArray(entry.Layers))
      throw new UsageError(`${label}: manifest.json entry has no Config or Layers`);
    const config2 = await readConfig(source, entry.Config, maxJson, warnings);
    const diffIds = diffIdList(config2.rootfs);
    const layers2 = entry.Layers.map((raw, i) => {
      if (typeof raw !== "string")
        throw new UsageError(`${label}: manifest.json layer ${i} is not a path: ${JSON.stringify(raw)}`);
      const path = raw;
      const fromPath = /^blobs\/(sha256)\/([a-f0-9]{64})$/.exec(path);
      const digest = fromPath ? `${fromPath[1]}:${fromPath[2]}` : diffIds[i] || path;
      return { key: String(path), digest, mediaType: MEDIA_TYPES.dockerLayerTar, compressedSize: 0 };
    });
    return { config: config2, layers: layers2 };
  }
  let found;
  if (top.kind === "oci-index") {
    const index = parseJson(top.json, `${label}: index.json`);
    found = await chooseFromIndex(
      source,
      descriptors(index.manifests, `${label}`),
      want,
      label,
      maxJson,
      warnings,
      0
    );
  } else {
    if (top.digest) {
      const problem = verifyBuffer(top.json, { digest: top.digest });
      if (problem) warnings.addTampering(`manifest ${top.digest} ${problem}`);
    }
    const parsed = parseJson(top.json, `${label}: manifest`);
    found = isIndexJson(parsed) ? await chooseFromIndex(source, descriptors(parsed.manifests, label), want, label, maxJson, warnings, 0) : { digest: top.digest, json: top.json };
    if (!isIndexJson(parsed) && top.digest) found.digest = top.digest;
  }
  const manifest = parseJson(
    found.json,
    `manifest ${found.digest}`
  );
  if (manifest.schemaVersion === 1) throw new UsageError(`${label}: schema 1 manifests are not supported`);
  const configDigest = checkDigest(manifest.config?.digest, `manifest ${found.digest} config`);
  const config = await readConfig(source, configDigest, maxJson, warnings, manifest.config?.size);
  const layers = layerRefs(manifest, `manifest ${found.digest}`);
  const extra = await readAttestations(source, found, maxJson, warnings);
  return { digest: found.digest, config, layers, ...extra };
}

// src/image/sources/registry.ts
import { createHash as createHash2 } from "node:crypto";
import { Readable, Transform as Transform2 } from "node:stream";

// src/image/sources/docker-credentials.ts
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var DOCKER_HUB = ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
function loadDockerConfig(env = process.env) {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker");
  try {
    return JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
  } catch {
    return void 0;
  }
}
function keysFor(host) {
  const hub = DOCKER_HUB.includes(host);
  const names = hub ? DOCKER_HUB : [host];
  return names.flatMap((name) => [
    name,
    `https://${name}`,
    `http://${name}`,
    `https://${name}/v1/`,
    `https://${name}/v2/`
  ]);
}
function registryAuth(host, config) {
  const auths = config?.auths;
  if (typeof auths !== "object" || auths === null) return void 0;
  for (const key of keysFor(host)) {
    const entry = auths[key];
    if (!entry || typeof entry !== "object") continue;
    if (typeof entry.auth === "string" && entry.auth !== "") return entry.auth;
    if (typeof entry.username === "string" && typeof entry.password === "string") {
      return Buffer.from(`${entry.username}:${entry.password}`).toString("base64");
    }
  }
  return void 0;
}

// src/image/sources/retry.ts
var TRANSIENT_STATUSES = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function retryDelayMs(attempt, retryAfter, options = {}, now = Date.now()) {
  const max = options.maxDelayMs ?? 5e3;
  const backoff = (options.baseDelayMs ?? 250) * 2 ** (attempt - 1);
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    const asked = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(retryAfter) - now;
    if (Number.isFinite(asked)) return Math.min(max, Math.max(0, asked));
  }
  return Math.min(max, backoff);
}
async function retryTransient(send, options = {}) {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    if (!TRANSIENT_STATUSES.has(response.status) || attempt >= attempts) return response;
    await response.body?.cancel();
    await sleep(retryDelayMs(attempt, response.headers.get("retry-after"), options));
  }
}

// src/image/sources/registry.ts
var MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.dockerManifest
].join(", ");
function hasRegistryHost(ref) {
  const slash = ref.indexOf("/");
  if (slash < 0) return false;
  const first = ref.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}
function parseRegistryRef(text) {
  const bad = () => {
    throw new UsageError(`invalid image reference ${JSON.stringify(text)}`);
  };
  if (!text || /\s/.test(text)) bad();
  let rest = text;
  let host = "registry-1.docker.io";
  if (hasRegistryHost(rest)) {
    const slash = rest.indexOf("/");
    host = rest.slice(0, slash);
    rest = rest.slice(slash + 1);
    if (host === "docker.io" || host === "index.docker.io") host = "registry-1.docker.io";
  }
  let reference = "latest";
  const at = rest.indexOf("@");
  if (at >= 0) {
    reference = checkDigest(rest.slice(at + 1), `reference ${text}`);
    rest = rest.slice(0, at);
  } else {
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
      reference = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
  }
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) bad();
  if (!/^[\w][\w.-]{0,127}$/.test(reference) && !reference.includes(":")) bad();
  if (host === "registry-1.docker.io" && !rest.includes("/")) rest = `library/${rest}`;
  return { host, repository: rest, reference };
}
function isLoopback(host) {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\./.test(name);
}
function parseChallenge(header) {
  const match = /^\s*Bearer\s+(.*)$/i.exec(header);
  if (!match) return void 0;
  const params = {};
  for (const part of match[1].matchAll(/(\w+)="([^"]*)"/g))
    params[part[1]] = part[2];
  return params;
}
var HEADER_TIMEOUT_MS = 6e4;
async function fetchWithHeaderTimeout(url, init) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no response within ${HEADER_TIMEOUT_MS / 1e3} s`)),
    HEADER_TIMEOUT_MS
  );
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
var BODY_IDLE_TIMEOUT_MS = 6e4;
var BODY_MIN_BYTES_PER_SPAN = 64 * 1024;
function timeout(message) {
  return Object.assign(new Error(message), { code: "ETIMEDOUT" });
}
var IdleGuard = class extends Transform2 {
  constructor(idleMs) {
    super();
    this.idleMs = idleMs;
  }
  idleMs;
  timer;
  /** When the reader began waiting through the current span, and what arrived since. */
  spanStart;
  spanBytes = 0;
  arm() {
    this.disarm();
    this.spanStart ??= Date.now();
    this.timer = setTimeout(
      () => this.destroy(timeout(`no data from the registry for ${this.idleMs / 1e3} s`)),
      this.idleMs
    );
  }
  disarm() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = void 0;
  }
  _read(size) {
    this.arm();
    super._read(size);
  }
  _transform(chunk, _encoding, callback) {
    const now = Date.now();
    this.spanBytes += chunk.length;
    if (this.spanStart !== void 0 && now - this.spanStart >= this.idleMs) {
      if (this.spanBytes < BODY_MIN_BYTES_PER_SPAN) {
        const seconds = Math.round((now - this.spanStart) / 100) / 10;
        this.destroy(
          timeout(
            `the registry sent ${this.spanBytes} bytes in ${seconds} s, under ${BODY_MIN_BYTES_PER_SPAN / 1024} KiB per ${this.idleMs / 1e3} s`
          )
        );
        callback();
        return;
      }
      this.spanStart = now;
      this.spanBytes = 0;
    }
    if (this.push(chunk)) this.arm();
    else {
      this.disarm();
      this.spanStart = void 0;
      this.spanBytes = 0;
    }
    callback();
  }
  _flush(callback) {
    this.disarm();
    callback();
  }
  _destroy(error, callback) {
    this.disarm();
    callback(error);
  }
};
function withIdleTimeout(stream, idleMs) {
  const guard = new IdleGuard(idleMs);
  stream.on("error", (error) => guard.destroy(error));
  guard.on("close", () => stream.destroy());
  return stream.pipe(guard);
}
var RegistryStore = class {
  constructor(ref, idleMs = BODY_IDLE_TIMEOUT_MS) {
    this.ref = ref;
    this.idleMs = idleMs;
    this.credentials = registryAuth(ref.host, loadDockerConfig());
    this.label = `${ref.host}/${ref.repository}`;
    this.base = `${isLoopback(ref.host) ? "http" : "https"}://${ref.host}/v2/${ref.repository}`;
  }
  ref;
  idleMs;
  label;
  token;
  /** Authorization for a registry that answers with a Basic challenge. */
  basic;
  base;
  /** Stored `docker login` credentials for this host (never logged). */
  credentials;
  async request(url, accept) {
    const send = () => {
      const headers = {};
      if (accept) headers.accept = accept;
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      else if (this.basic) headers.authorization = this.basic;
      return retryTransient(() => fetchWithHeaderTimeout(url, { headers, redirect: "follow" }));
    };
    let response;
    try {
      response = await send();
      if (response.status === 401 && !this.token && !this.basic) {
        const header = response.headers.get("www-authenticate") ?? "";
        const challenge = parseChallenge(header);
        await response.body?.cancel();
        if (challenge?.realm) {
          this.token = await this.fetchToken(challenge);
          response = await send();
        } else if (/^\s*Basic\b/i.test(header) && this.credentials) {
          this.basic = `Basic ${this.credentials}`;
          response = await send();
        }
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const cause = error.cause?.message;
      throw new UsageError(`cannot reach registry ${this.ref.host}: ${cause ?? error.message}`);
    }
    return response;
  }
  async fetchToken(challenge) {
    const url = new URL(challenge.realm);
    if (challenge.service) url.searchParams.set("service", challenge.service);
    url.searchParams.set("scope", challenge.scope ?? `repository:${this.ref.repository}:pull`);
    const headers = this.credentials ? { authorization: `Basic ${this.credentials}` } : {};
    const response = await fetchWithHeaderTimeout(url.toString(), { headers });
    if (!response.ok) {
      const hint = this.credentials ? "check the stored docker login for it" : "log in first (docker login, or docker/login-action) if the image is private";
      throw new UsageError(
        `registry ${this.ref.host}: token request failed (HTTP ${response.status}); ${hint}`
      );
    }
    const body = await response.json();
    const token = body.token ?? body.access_token;
    if (!token) throw new UsageError(`registry ${this.ref.host}: token response has no token`);
    return token;
  }
  async failed(response, what) {
    await response.body?.cancel();
    const hint = response.status === 404 ? "not found" : `HTTP ${response.status}`;
    throw new UsageError(`${this.label}: ${what} ${hint}`);
  }
  bodyStream(response) {
    if (!response.body) return Readable.from([]);
    const body = Readable.fromWeb(response.body, {
      highWaterMark: 1024 * 1024
    });
    return withIdleTimeout(body, this.idleMs);
  }
  async manifest(reference, maxBytes) {
    const response = await this.request(`${this.base}/manifests/${reference}`, MANIFEST_ACCEPT);
    if (!response.ok) await this.failed(response, `manifest ${reference}`);
    const json = await readStream(this.bodyStream(response), maxBytes, `${this.label}: manifest ${reference}`);
    const digest = reference.includes(":") ? reference : response.headers.get("docker-content-digest") ?? `sha256:${createHash2("sha256").update(json).digest("hex")}`;
    const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim();
    return mediaType ? { json, mediaType, digest } : { json, digest };
  }
  async open(key) {
    const digest = checkDigest(key, this.label);
    const response = await this.request(`${this.base}/blobs/${digest}`);
    if (!response.ok) await this.failed(response, `blob ${digest}`);
    return this.bodyStream(response);
  }
  async readAll(key, maxBytes) {
    return readStream(await this.open(key), maxBytes, `${this.label}: blob ${key}`);
  }
  has() {
    return Promise.resolve(true);
  }
};
async function openRegistryImage(text, maxJsonBytes, idleMs = BODY_IDLE_TIMEOUT_MS) {
  const ref = parseRegistryRef(text);
  const store = new RegistryStore(ref, idleMs);
  const top = await store.manifest(ref.reference, maxJsonBytes);
  return {
    store,
    top: {
      kind: "manifest",
      json: top.json,
      digest: top.digest,
      ...top.mediaType ? { mediaType: top.mediaType } : {}
    },
    knowsAttestations: true,
    close: async () => {
    }
  };
}

export {
  sanitizeContainerConfig,
  configString,
  diffIdList,
  BlobHasher,
  digestAlgorithm,
  digestVerdict,
  VerifyingStream,
  digestFromArchivePath,
  checkDigest,
  blobPath,
  readStream,
  hostPlatform,
  resolveImage,
  hasRegistryHost,
  openRegistryImage
};
