import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  isSecretName,
  scrubTokens
} from "./chunk-RYLBCIKQ.js";
import {
  sourceKind
} from "./chunk-VT3GT27U.js";
import {
  errorMessage
} from "./chunk-NMQJWALE.js";

// src/smoke/run.ts
import { randomBytes } from "node:crypto";
var NOT_RUN = { ran: false, started: null, exitCode: null };
var ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
var OUTPUT_LINES = 20;
var LINE_LENGTH = 300;
var ENGINE_ERRORS = /Cannot connect to the Docker daemon|No such image|Unable to find image|pull access denied|is not running/i;
function smokeArgs(image, user, name) {
  return [
    "run",
    "--rm",
    "--name",
    name,
    "--pull",
    "never",
    "--network",
    "none",
    "--read-only",
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    ...user !== "" ? ["--user", user] : [],
    image
  ];
}
var OutputTail = class {
  constructor(redact, max = OUTPUT_LINES) {
    this.redact = redact;
    this.max = max;
  }
  redact;
  max;
  lines = [];
  push = (line) => {
    const clean = line.replace(ANSI_ESCAPE, "").replace(CONTROL, "");
    this.lines.push(clean.length > LINE_LENGTH ? `${clean.slice(0, LINE_LENGTH - 1)}…` : clean);
    if (this.lines.length > this.max) this.lines.shift();
  };
  toArray() {
    return this.lines.map((line) => this.redact(line));
  }
};
function outputRedactor(env, extra) {
  const values = (env ?? []).flatMap((entry) => {
    const eq = entry.indexOf("=");
    const value = entry.slice(eq + 1);
    return eq > 0 && isSecretName(entry.slice(0, eq)) && value.length >= 3 ? [value] : [];
  });
  values.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join("***");
    out = scrubTokens(out);
    return extra ? extra(out) : out;
  };
}
function sleep(ms) {
  let timer;
  const done = new Promise((resolve) => {
    timer = setTimeout(() => resolve("tick"), ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}
async function inspect(runner, name) {
  const result = await runner.exec([
    "container",
    "inspect",
    "--format",
    "{{.State.Running}} {{.State.StartedAt}}",
    name
  ]);
  if (result.exitCode !== 0) return void 0;
  const [running, startedAt] = result.stdout.trim().split(" ");
  const at = Date.parse(startedAt ?? "");
  return { running: running === "true", startedAt: Number.isNaN(at) ? 0 : at };
}
async function runSmoke(runner, options) {
  const now = options.now ?? Date.now;
  const startMs = (options.startSeconds ?? 5) * 1e3;
  const maxMs = (options.maxSeconds ?? 120) * 1e3;
  const pollMs = options.pollMs ?? 500;
  const name = `stagegate-smoke-${randomBytes(6).toString("hex")}`;
  const args = smokeArgs(options.image, options.user, name);
  const tail = new OutputTail(outputRedactor(options.env, options.redact));
  const began = now();
  const seconds = () => Math.round((now() - began) / 100) / 10;
  let exited;
  let failed;
  const run = runner.exec(args, { onStdout: tail.push, onStderr: tail.push }).then(
    (result) => {
      exited = result;
    },
    (error) => {
      failed = error;
    }
  );
  const finish = (result) => ({
    ran: true,
    ...result,
    seconds: seconds(),
    output: tail.toArray(),
    command: args
  });
  for (; ; ) {
    const tick = sleep(pollMs);
    await Promise.race([run, tick.done]);
    tick.cancel();
    if (failed !== void 0) return { ...NOT_RUN, error: errorMessage(failed), command: args };
    if (exited) {
      const text = `${exited.stderr}
${exited.stdout}`;
      if (exited.exitCode === 125 && ENGINE_ERRORS.test(text))
        return { ...NOT_RUN, error: firstLine(text), output: tail.toArray(), command: args };
      return finish({ started: exited.exitCode === 0, exitCode: exited.exitCode });
    }
    const state = await inspect(runner, name);
    if (state?.running && state.startedAt > 0 && now() - state.startedAt >= startMs) {
      await stop(runner, name, run);
      return finish({ started: true, exitCode: null, running: true });
    }
    if (now() - began > maxMs) {
      await stop(runner, name, run);
      return finish({ started: null, exitCode: null, error: `it did not start within ${maxMs / 1e3} s` });
    }
  }
}
async function stop(runner, name, run) {
  await runner.exec(["rm", "--force", name]);
  const grace = sleep(1e4);
  await Promise.race([run, grace.done]);
  grace.cancel();
}
function firstLine(text) {
  return (text.split("\n").map((line) => line.trim()).find((line) => line !== "") ?? "docker run failed").slice(0, LINE_LENGTH);
}
async function smokeImage(runner, ref, config, options = {}) {
  const { kind } = sourceKind(ref);
  if (kind !== "engine")
    return {
      ...NOT_RUN,
      error: `${ref} is not an image in the local engine (load: true lets the smoke run start it)`
    };
  try {
    return await runSmoke(runner, {
      image: ref,
      user: (config.User ?? "").trim(),
      ...config.Env ? { env: config.Env } : {},
      ...options
    });
  } catch (error) {
    return { ...NOT_RUN, error: errorMessage(error) };
  }
}

export {
  NOT_RUN,
  smokeArgs,
  OutputTail,
  outputRedactor,
  runSmoke,
  smokeImage
};
