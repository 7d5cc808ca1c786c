import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  buildkitAttestations,
  hasCosignSignature,
  isProvenancePredicate,
  openImage,
  readCosignSignature,
  referrerBundles
} from "./chunk-IKXVRTS5.js";
import {
  imageSubject,
  subjectName
} from "./chunk-ZQUD2C2J.js";
import {
  SigningError
} from "./chunk-FJLKUUMM.js";
import {
  apiUrlFromEnv,
  readRunContext
} from "./chunk-5ULW3A7W.js";
import "./chunk-GDXZUHEG.js";
import "./chunk-PPSIE4TR.js";
import "./chunk-QHMSCR7C.js";
import {
  errorMessage
} from "./chunk-NMQJWALE.js";
import "./chunk-D7B27K6P.js";

// src/verify/base-images.ts
var PER_IMAGE_TIMEOUT_MS = 3e4;
async function withTimeout(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1e3} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
async function checkBaseImage(reference) {
  const pinned = /@sha256:[0-9a-f]{64}$/.test(reference);
  try {
    return await withTimeout(
      (async () => {
        const image = await openImage(reference);
        const bundles = await referrerBundles(image, image.digest);
        const cosign = await hasCosignSignature(image, image.digest);
        const buildkit = await buildkitAttestations(image);
        const signatures = [
          ...bundles.length > 0 ? ["sigstore bundle"] : [],
          ...cosign ? ["cosign .sig"] : []
        ];
        const provenance = buildkit.provenance || bundles.some((entry) => isProvenancePredicate(entry.predicateType ?? ""));
        return {
          image: reference,
          pinned,
          signed: signatures.length > 0,
          provenance,
          digest: image.digest,
          signatures
        };
      })(),
      PER_IMAGE_TIMEOUT_MS,
      reference
    );
  } catch (error) {
    return {
      image: reference,
      pinned,
      signed: null,
      provenance: null,
      detail: `registry not reachable: ${errorMessage(error)}`
    };
  }
}
async function checkStageBases(stages) {
  const cache = /* @__PURE__ */ new Map();
  const out = [];
  for (const stage of stages) {
    if (stage.pinned === void 0) {
      out.push(stage);
      continue;
    }
    let pending = cache.get(stage.base);
    if (!pending) {
      pending = checkBaseImage(stage.base);
      cache.set(stage.base, pending);
    }
    out.push({ ...stage, supplyChain: await pending });
  }
  return out;
}

// src/sign/step.ts
import { readFileSync } from "node:fs";

// src/sign/endpoints.ts
function sigstoreEndpoints(visibility, env) {
  const fulcio = env.STAGEGATE_SIGSTORE_FULCIO_URL?.trim();
  if (fulcio) {
    const rekor = env.STAGEGATE_SIGSTORE_REKOR_URL?.trim();
    const tsa = env.STAGEGATE_SIGSTORE_TSA_URL?.trim();
    return {
      instance: "custom",
      fulcioURL: fulcio,
      ...rekor ? { rekorURL: rekor } : {},
      ...tsa ? { tsaServerURL: tsa } : {}
    };
  }
  if (visibility === "public") {
    return {
      instance: "public-good",
      fulcioURL: "https://fulcio.sigstore.dev",
      rekorURL: "https://rekor.sigstore.dev"
    };
  }
  let host = new URL(env.GITHUB_SERVER_URL || "https://github.com").hostname;
  if (host === "github.com") host = "githubapp.com";
  return {
    instance: "github",
    fulcioURL: `https://fulcio.${host}`,
    tsaServerURL: `https://timestamp.${host}`
  };
}

// src/sign/plan.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var OIDC_HINT = "add `permissions: id-token: write` (and `attestations: write`) to the job, give `signing-key`, or set sign: false";
function planSigning(situation) {
  const { mode } = situation;
  if (mode === "false") return { sign: false };
  const refuse = (autoLevel, message) => mode === "true" ? { sign: false, level: "error", message } : { sign: false, level: autoLevel, message };
  if (!situation.pushed) {
    if (mode === "auto") return { sign: false };
    return refuse(
      "notice",
      "The image was not signed: it was not pushed (signatures and attestations are stored in the registry beside it; set push: true)."
    );
  }
  if (situation.isFork) {
    return refuse(
      "warning",
      "The image was not signed: a pull request from a fork gets no OIDC token and no secrets, so it cannot sign."
    );
  }
  if (PULL_REQUEST_EVENTS.has(situation.eventName) && mode === "auto") {
    return {
      sign: false,
      level: "notice",
      message: "The image was not signed: sign: auto does not sign on pull_request events (set sign: true to sign them)."
    };
  }
  if (situation.key) return { sign: true, method: "key" };
  if (!situation.oidc && mode === "auto" && situation.actions === false) return { sign: false };
  if (!situation.oidc) {
    return refuse("warning", `The image was not signed: the job cannot mint an OIDC token; ${OIDC_HINT}.`);
  }
  return { sign: true, method: "keyless" };
}

// src/sign/report.ts
function parseWorkflowIdentity(san) {
  const match = /^https:\/\/[^/]+\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(san);
  if (!match) return void 0;
  return { repository: match[1], path: match[2], ref: match[3] };
}

// src/sign/step.ts
function repositoryVisibility(env) {
  if (!env.GITHUB_EVENT_PATH) return void 0;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    const visibility = payload.repository?.visibility;
    if (typeof visibility === "string") return visibility;
    return payload.repository?.private === false ? "public" : void 0;
  } catch {
    return void 0;
  }
}
function keylessVerifyCommands(image, repository, identity) {
  const commands = [];
  if (repository) commands.push(`gh attestation verify oci://${image} -R ${repository}`);
  commands.push(`stagegate verify ${image} --certificate-identity ${identity}`);
  return commands;
}
function keyVerifyCommands(image) {
  const insecure = /^(localhost|127\.)/.test(image) ? " --allow-insecure-registry --allow-http-registry" : "";
  return [
    `cosign verify --key cosign.pub --insecure-ignore-tlog${insecure} ${image}`,
    `stagegate verify ${image} --key cosign.pub`
  ];
}
async function signPushed(inputs, target, deps) {
  const env = deps.env;
  const context = readRunContext(env);
  const plan = planSigning({
    mode: inputs.sign,
    pushed: target.image !== void 0 && target.digest !== void 0,
    eventName: context.eventName,
    isFork: context.pullRequest?.isFork ?? false,
    oidc: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    key: inputs["signing-key"] !== "",
    actions: env.GITHUB_ACTIONS === "true"
  });
  if (!plan.sign) {
    if (!plan.message) return void 0;
    return { signed: false, message: plan.message, ...plan.level ? { level: plan.level } : {} };
  }
  const name = subjectName(target.image);
  const digest = target.digest;
  const image = `${name}@${digest}`;
  const failLevel = inputs.sign === "true" ? "error" : "warning";
  const result = { signed: false, method: plan.method, image, digest };
  try {
    if (plan.method === "key") {
      deps.info(`signing ${image} with cosign (key pair)`);
      const { signWithCosign } = await import("./cosign-key-HLMOZ6C3.js");
      await signWithCosign(name, digest, {
        privateKey: inputs["signing-key"],
        password: inputs["signing-password"],
        env
      });
      result.signed = true;
      const signature = await readCosignSignature(name, digest).catch(() => void 0);
      if (signature) result.signature = signature.signature;
      result.verifyCommands = keyVerifyCommands(image);
      return result;
    }
    const endpoints = sigstoreEndpoints(repositoryVisibility(env), env);
    result.instance = endpoints.instance;
    deps.info(`signing ${image} keyless through Sigstore (${endpoints.instance}: ${endpoints.fulcioURL})`);
    const { signImageKeyless } = await import("./keyless-S3ZZ4RKX.js");
    const { pushBundleReferrer } = await import("./referrer-6YQDXJ76.js");
    const { storeAttestation } = await import("./attestations-api-S4VTYMML.js");
    const signed = await signImageKeyless([imageSubject(name, digest)], endpoints, env.STAGEGATE_OIDC_ISSUER);
    result.signed = true;
    result.identity = signed.identity;
    const workflow = parseWorkflowIdentity(signed.identity);
    if (workflow) result.workflow = workflow;
    if (signed.issuer) result.issuer = signed.issuer;
    result.signature = signed.signature;
    const repository = context.owner && context.repo ? `${context.owner}/${context.repo}` : void 0;
    result.verifyCommands = keylessVerifyCommands(image, repository, signed.identity);
    const referrer = await pushBundleReferrer(name, digest, signed.bundle, signed.statement.predicateType);
    result.referrer = referrer.digest;
    deps.info(`pushed the attestation bundle to ${name} as a referrer (${referrer.digest})`);
    if (!context.owner || !context.repo)
      throw new SigningError("GITHUB_REPOSITORY is not set: the attestation was not stored with GitHub");
    const token = inputs["github-token"] || env.GITHUB_TOKEN || "";
    const stored = await storeAttestation(signed.bundle, {
      apiUrl: apiUrlFromEnv(env),
      serverUrl: context.serverUrl,
      owner: context.owner,
      repo: context.repo,
      token
    });
    result.attestationId = stored.id;
    result.attestationUrl = stored.url;
    deps.info(`stored attestation ${stored.id} (${stored.url})`);
    return result;
  } catch (error) {
    const what = error instanceof SigningError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ...result,
      message: `${result.signed ? "The image was signed, but" : "Signing the image failed:"} ${what}`,
      level: failLevel
    };
  }
}

// src/sign/after-build.ts
async function afterBuild(inputs, result, deps) {
  const report = result.report;
  if (inputs["verify-base-images"] && report.stages.length > 0) {
    report.stages = await checkStageBases(report.stages);
    for (const stage of report.stages) {
      const chain = stage.supplyChain;
      if (!chain) continue;
      const state = (value, yes, no) => value === null ? `${yes} unknown` : value ? yes : no;
      deps.info(
        `stage ${stage.name ?? stage.index} FROM ${chain.image}: ${chain.pinned ? "pinned" : "not pinned"}, ${state(chain.signed, "signed", "unsigned")}, ${state(chain.provenance, "provenance", "no provenance")}${chain.detail ? ` (${chain.detail})` : ""}`
      );
    }
  }
  const build = result.build;
  const pushed = inputs.push && build?.ok === true && build.digest !== void 0 && inputs.tags[0] !== void 0;
  const signing = await signPushed(inputs, pushed ? { image: inputs.tags[0], digest: build?.digest } : {}, {
    env: deps.env,
    info: deps.info
  });
  const outputs = { "attestation-id": "", "attestation-url": "", signature: "" };
  if (!signing) return { outputs };
  report.signing = signing;
  outputs["attestation-id"] = signing.attestationId ?? "";
  outputs["attestation-url"] = signing.attestationUrl ?? "";
  outputs.signature = signing.signature ?? "";
  if (signing.message) {
    if (signing.level === "error") return { outputs, error: signing.message };
    if (signing.level === "warning") deps.warning(signing.message);
    else deps.notice(signing.message);
  }
  return { outputs };
}
export {
  afterBuild
};
