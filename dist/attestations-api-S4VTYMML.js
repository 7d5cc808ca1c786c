import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  SigningError
} from "./chunk-FJLKUUMM.js";
import "./chunk-D7B27K6P.js";

// src/sign/attestations-api.ts
async function storeAttestation(bundle, options) {
  const url = `${options.apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/attestations`;
  let response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${options.token}`,
        "content-type": "application/json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "stagegate"
      },
      body: JSON.stringify({ bundle }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 3e4)
    });
  } catch (error) {
    throw new SigningError(
      `the attestations API at ${options.apiUrl} did not answer: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let message;
    try {
      const raw = JSON.parse(text).message;
      message = typeof raw === "string" ? raw : raw === void 0 || raw === null ? "" : JSON.stringify(raw);
    } catch {
      message = "";
    }
    const hint = response.status === 403 || response.status === 404 ? " (the job needs `permissions: attestations: write`)" : "";
    throw new SigningError(
      `the attestations API refused the attestation: HTTP ${response.status}${message ? ` ${message.replace(/\s+/g, " ")}` : ""}${hint}`
    );
  }
  let id;
  try {
    id = JSON.parse(text).id;
  } catch {
    id = void 0;
  }
  if (typeof id !== "string" && typeof id !== "number")
    throw new SigningError("the attestations API answered without an attestation id");
  return {
    id: String(id),
    url: `${options.serverUrl.replace(/\/+$/, "")}/${options.owner}/${options.repo}/attestations/${id}`
  };
}
export {
  storeAttestation
};
