import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/report/markdown.ts
var MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g;
function escapeMarkdown(text) {
  return text.replace(/\r?\n|\r/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(MARKDOWN_SPECIAL, (char) => `\\${char}`).replace(/(^|[^\w])@(?=\w)/g, "$1@​");
}
function code(text) {
  const inner = text.replace(/\r?\n|\r/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/[\\`*_[\]]/g, (char) => `\\${char}`);
  return `<code>${inner}</code>`;
}
function linkTarget(url) {
  return url.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
}
var MERMAID_ENTITY = {
  "#": "#35;",
  '"': "#quot;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "|": "#124;",
  "`": "#96;",
  "[": "#91;",
  "]": "#93;",
  "{": "#123;",
  "}": "#125;",
  "(": "#40;",
  ")": "#41;",
  ";": "#59;",
  "%": "#37;",
  "\\": "#92;",
  "@": "#64;",
  "*": "#42;",
  _: "#95;",
  "~": "#126;"
};
function mermaidText(text) {
  let out = "";
  for (const char of text) {
    const code2 = char.codePointAt(0) ?? 0;
    if (code2 < 32 || code2 === 127) out += " ";
    else out += MERMAID_ENTITY[char] ?? char;
  }
  return out;
}

// src/report/startup.ts
var REASONS_SHOWN = 3;
var OUTPUT_SHOWN = 10;
function smokeLine(smoke) {
  if (!smoke.ran) return `smoke run: not run${smoke.error ? ` (${smoke.error})` : ""}`;
  if (smoke.started === null) return `smoke run: inconclusive${smoke.error ? ` (${smoke.error})` : ""}`;
  if (smoke.running) return `smoke run: started (still running after ${smoke.seconds ?? "?"} s, then stopped)`;
  return `smoke run: ${smoke.started ? "started" : "failed"} (exit ${smoke.exitCode ?? "?"})`;
}
function smokeAgrees(startup) {
  const { smoke } = startup;
  if (!smoke.ran || smoke.started === null) return void 0;
  return smoke.started === startup.expected;
}
function startupSummary(startup) {
  const lines = [];
  const start = startup.reasons.some((reason) => reason.impact === "start");
  if (startup.expected) {
    lines.push(
      `**Startup:** ✅ expected to start under the hardened smoke run (${code(JSON.stringify(startup.command))})`
    );
  } else {
    lines.push(
      `**Startup:** ❌ ${start ? "not expected to start" : "expected to start, but not to do its basic work"} under the hardened smoke run:`
    );
    for (const reason of startup.reasons.slice(0, REASONS_SHOWN)) {
      const where = reason.line !== void 0 ? ` (line ${reason.line})` : "";
      lines.push(`- ${code(reason.ruleId)}${where}: ${escapeMarkdown(reason.message)}`);
    }
    if (startup.reasons.length > REASONS_SHOWN)
      lines.push(`- … and ${startup.reasons.length - REASONS_SHOWN} more (see Findings)`);
  }
  const smoke = startup.smoke;
  if (smoke.ran || smoke.error !== void 0) {
    const agrees = smokeAgrees(startup);
    const note = agrees === void 0 ? "" : agrees ? " — as predicted" : " — **not as predicted**";
    lines.push("", `${escapeMarkdown(smokeLine(smoke))}${note}`);
    const output = (smoke.output ?? []).slice(-OUTPUT_SHOWN);
    if (output.length > 0) {
      lines.push(
        "",
        "<details><summary>last lines of output</summary>",
        "",
        "```text",
        ...output.map((line) => line.replace(/```/g, "'''")),
        "```",
        "",
        "</details>"
      );
    }
  }
  return lines;
}

export {
  escapeMarkdown,
  code,
  linkTarget,
  mermaidText,
  smokeLine,
  smokeAgrees,
  startupSummary
};
