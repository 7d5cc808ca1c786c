import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  SIGSTORE_BUNDLE_V03
} from "./chunk-ZQUD2C2J.js";
import {
  openRegistryImage
} from "./chunk-QHMSCR7C.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/verify/registry.ts
import { createHash } from "node:crypto";
var MAX_JSON = 4 * 1024 * 1024;
function splitReference(reference) {
  const at = reference.indexOf("@");
  if (at >= 0) return { name: reference.slice(0, at), tagOrDigest: reference.slice(at + 1) };
  const colon = reference.lastIndexOf(":");
  if (colon > reference.lastIndexOf("/"))
    return { name: reference.slice(0, colon), tagOrDigest: reference.slice(colon + 1) };
  return { name: reference };
}
async function openImage(reference) {
  const source = await openRegistryImage(reference, MAX_JSON);
  const store = source.store;
  const fetched = source.top;
  const top = {
    json: fetched.json,
    digest: fetched.digest ?? `sha256:${createHash("sha256").update(fetched.json).digest("hex")}`,
    ...fetched.mediaType ? { mediaType: fetched.mediaType } : {}
  };
  return {
    name: splitReference(reference).name,
    digest: top.digest,
    top,
    async manifest(ref) {
      if (!store.manifest) return void 0;
      try {
        const found = await store.manifest(ref, MAX_JSON);
        const digest = `sha256:${createHash("sha256").update(found.json).digest("hex")}`;
        return { json: found.json, digest, ...found.mediaType ? { mediaType: found.mediaType } : {} };
      } catch (error) {
        if (error instanceof UsageError && / not found$/.test(error.message)) return void 0;
        throw error;
      }
    },
    blob: (digest, maxBytes = MAX_JSON) => store.readAll(digest, maxBytes)
  };
}
function referrersTag(digest) {
  return digest.replace(":", "-");
}

// src/verify/cosign-signature.ts
import { createPublicKey, verify as verifySignature } from "node:crypto";
var SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
async function cosignSignatureLayers(image, digest) {
  const found = await image.manifest(`${referrersTag(digest)}.sig`);
  if (!found) return [];
  const manifest = JSON.parse(found.json.toString("utf8"));
  const layers = [];
  for (const layer of manifest.layers ?? []) {
    const signature = layer.annotations?.[SIGNATURE_ANNOTATION];
    if (!layer.digest || !signature) continue;
    layers.push({ digest: layer.digest, signature, payload: await image.blob(layer.digest, 1024 * 1024) });
  }
  return layers;
}
async function readCosignSignature(name, digest) {
  const image = await openImage(`${name}@${digest}`);
  const [first] = await cosignSignatureLayers(image, digest);
  return first ? { signature: first.signature } : void 0;
}
function checkCosignLayer(layer, digest, publicKeyPem) {
  let valid;
  try {
    valid = verifySignature(
      "sha256",
      layer.payload,
      createPublicKey(publicKeyPem),
      Buffer.from(layer.signature, "base64")
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "the cosign signature does not verify with the given key" };
  let signed;
  try {
    const payload = JSON.parse(layer.payload.toString("utf8"));
    signed = payload.critical?.image?.["docker-manifest-digest"];
  } catch {
    signed = void 0;
  }
  if (signed !== digest)
    return {
      ok: false,
      reason: `the cosign signature is for ${signed ?? "an unreadable payload"}, not the image digest ${digest}`
    };
  return { ok: true };
}

// src/verify/attestations.ts
function parse(json) {
  try {
    return JSON.parse(json.toString("utf8"));
  } catch {
    return {};
  }
}
function isSbomPredicate(type) {
  return type === "https://spdx.dev/Document" || type.startsWith("https://cyclonedx.org/bom");
}
function isProvenancePredicate(type) {
  return type.startsWith("https://slsa.dev/provenance/");
}
async function buildkitAttestations(image) {
  const found = { sbom: false, provenance: false };
  const top = parse(image.top.json);
  for (const entry of top.manifests ?? []) {
    if (entry.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest" || !entry.digest) continue;
    const manifest = await image.manifest(entry.digest);
    if (!manifest) continue;
    for (const layer of parse(manifest.json).layers ?? []) {
      const type = layer.annotations?.["in-toto.io/predicate-type"] ?? "";
      if (isSbomPredicate(type)) found.sbom = true;
      if (isProvenancePredicate(type)) found.provenance = true;
    }
  }
  return found;
}
async function referrerBundles(image, digest) {
  const index = await image.manifest(referrersTag(digest));
  if (!index) return [];
  const bundles = [];
  for (const entry of parse(index.json).manifests ?? []) {
    if (!entry.digest) continue;
    const manifest = await image.manifest(entry.digest);
    if (!manifest) continue;
    const parsed = parse(manifest.json);
    const artifactType = entry.artifactType ?? parsed.artifactType ?? parsed.config?.mediaType;
    const layer = parsed.layers?.find((candidate) => candidate.mediaType === SIGSTORE_BUNDLE_V03) ?? parsed.layers?.[0];
    if (artifactType !== SIGSTORE_BUNDLE_V03 && layer?.mediaType !== SIGSTORE_BUNDLE_V03) continue;
    if (!layer?.digest) continue;
    let bundle;
    try {
      bundle = JSON.parse((await image.blob(layer.digest)).toString("utf8"));
    } catch {
      continue;
    }
    const predicateType = entry.annotations?.["dev.sigstore.bundle.predicateType"] ?? parsed.annotations?.["dev.sigstore.bundle.predicateType"];
    bundles.push({ digest: entry.digest, bundle, ...predicateType ? { predicateType } : {} });
  }
  return bundles;
}
async function hasCosignSignature(image, digest) {
  return (await cosignSignatureLayers(image, digest)).length > 0;
}

export {
  openImage,
  cosignSignatureLayers,
  readCosignSignature,
  checkCosignLayer,
  isProvenancePredicate,
  buildkitAttestations,
  referrerBundles,
  hasCosignSignature
};
