import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  SigningError
} from "./chunk-FJLKUUMM.js";
import "./chunk-D7B27K6P.js";

// src/sign/cosign-key.ts
import { execFile } from "node:child_process";
var KEY_VARIABLE = "STAGEGATE_COSIGN_PRIVATE_KEY";
function isLoopback(image) {
  const host = image.split("/", 1)[0] ?? "";
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || /^127\./.test(name);
}
function cosignSignArgs(imageName, digest) {
  return [
    "sign",
    "--key",
    `env://${KEY_VARIABLE}`,
    // No transparency log: key-pair mode is for registries and CI systems
    // outside Sigstore; verify with `cosign verify --key … --insecure-ignore-tlog`.
    "--tlog-upload=false",
    "--yes",
    ...isLoopback(imageName) ? ["--allow-insecure-registry", "--allow-http-registry"] : [],
    `${imageName}@${digest}`
  ];
}
function scrub(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const line of [secret, ...secret.split("\n").filter((part) => part.trim().length >= 8)])
      out = out.split(line).join("***");
  }
  return out;
}
async function signWithCosign(imageName, digest, options) {
  const secrets = [options.privateKey, options.password];
  const env = {
    ...options.env,
    [KEY_VARIABLE]: options.privateKey,
    COSIGN_PASSWORD: options.password,
    COSIGN_YES: "true"
  };
  const result = await new Promise(
    (resolve) => {
      execFile(
        options.cosign ?? "cosign",
        cosignSignArgs(imageName, digest),
        { env, timeout: options.timeoutMs ?? 12e4, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          const code = error ? error.code ?? 1 : 0;
          resolve({ code, stderr: String(stderr), missing: code === "ENOENT" });
        }
      );
    }
  );
  if (result.missing) {
    throw new SigningError(
      "key-pair signing needs the cosign binary on PATH (install it with sigstore/cosign-installer before this step)"
    );
  }
  if (result.code !== 0) {
    const lines = scrub(result.stderr, secrets).split("\n").map((line) => line.trim()).filter((line) => line !== "");
    const last = lines.filter((line) => /^Error:|error/i.test(line)).at(-1) ?? lines.at(-1) ?? `exit ${result.code}`;
    throw new SigningError(`cosign sign failed: ${last.replace(/^Error:\s*/, "")}`);
  }
}
export {
  cosignSignArgs,
  signWithCosign
};
