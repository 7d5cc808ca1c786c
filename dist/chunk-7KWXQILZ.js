import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  compareFindings,
  countFindings,
  isDigestPinned
} from "./chunk-GDH2HMCT.js";
import {
  fingerprintFindings,
  instructionTextFromModels
} from "./chunk-CHJ2KWGO.js";

// src/lint/pragmas.ts
var PRAGMA = /^(stagegate|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*(.*)$/i;
function splitIds(list) {
  return list.split(/[\s,]+/).map((id) => id.trim()).filter((id) => id !== "");
}
function parsePragmas(model) {
  const pragmas = [];
  if (model.comments.length === 0) return pragmas;
  const starts = instructionStarts(model);
  for (const comment of model.comments) {
    const match = PRAGMA.exec(comment.text);
    if (!match) continue;
    const ids = splitIds(match[3]);
    const scopeWord = match[2]?.toLowerCase();
    const scope = scopeWord === "global" ? "global" : scopeWord === "stage" ? "stage" : "next";
    const next = firstAfter(starts, comment.line);
    let fromLine = comment.line;
    let toLine = comment.line;
    if (scope === "global") {
      fromLine = 1;
      toLine = Number.MAX_SAFE_INTEGER;
    } else if (scope === "next") {
      if (next) {
        fromLine = next.line;
        toLine = next.endLine;
      }
    } else {
      const nextStage = firstAfter(model.stages, next?.line ?? comment.line);
      toLine = nextStage ? nextStage.line - 1 : Number.MAX_SAFE_INTEGER;
    }
    pragmas.push({ scope, ids, line: comment.line, fromLine, toLine });
  }
  return pragmas;
}
function firstAfter(items, line) {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (items[mid].line > line) high = mid;
    else low = mid + 1;
  }
  return items[low];
}
function instructionStarts(model) {
  const starts = [];
  for (const instruction of model.preamble) starts.push(instruction);
  for (const stage of model.stages) for (const instruction of stage.instructions) starts.push(instruction);
  return starts;
}
function parseCheckDirective(model, override) {
  const directive = model.directives.find((d) => d.name === "check");
  const value = override ?? directive?.value;
  if (value === void 0) return void 0;
  const result = {
    skipAll: false,
    skip: [],
    error: false,
    experimentalAll: false,
    experimental: [],
    line: directive?.line ?? 0
  };
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value2 = part.slice(eq + 1).trim();
    if (key === "skip") {
      const ids = splitIds(value2);
      if (ids.some((id) => id.toLowerCase() === "all")) result.skipAll = true;
      else result.skip.push(...ids);
    } else if (key === "error") {
      result.error = value2.toLowerCase() === "true";
    } else if (key === "experimental") {
      const ids = splitIds(value2);
      if (ids.some((id) => id.toLowerCase() === "all")) result.experimentalAll = true;
      else result.experimental.push(...ids);
    }
  }
  return result;
}

// src/policy.ts
var SHELLCHECK_ID = /^SC\d{4}$/;
var resolvers = /* @__PURE__ */ new WeakMap();
function ruleResolver(rules, isBuildkitName = () => false) {
  const cached = resolvers.get(rules);
  if (cached) return cached;
  const byName = /* @__PURE__ */ new Map();
  const add = (name, id) => {
    const key = name.toLowerCase();
    const ids = byName.get(key);
    if (!ids) byName.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  const buildkitIds = /* @__PURE__ */ new Set();
  for (const rule of rules) {
    add(rule.id, rule.id);
    for (const alias of rule.aliases) add(alias, rule.id);
    if (isBuildkitName(rule.id) || rule.aliases.some(isBuildkitName)) buildkitIds.add(rule.id);
  }
  const resolver = {
    resolve: (name) => byName.get(name.toLowerCase()) ?? (SHELLCHECK_ID.test(name.toUpperCase()) ? [name.toUpperCase()] : []),
    isKnown: (name) => byName.has(name.toLowerCase()) || SHELLCHECK_ID.test(name.toUpperCase()),
    buildkitIds
  };
  resolvers.set(rules, resolver);
  return resolver;
}
function configPolicy(config, resolver) {
  const skipped = /* @__PURE__ */ new Set();
  for (const name of config.ignore) for (const id of resolver.resolve(name)) skipped.add(id);
  const severity = /* @__PURE__ */ new Map();
  for (const [name, level] of Object.entries(config.severity)) {
    for (const id of resolver.resolve(name)) {
      if (level === "off") skipped.add(id);
      else severity.set(id, level);
    }
  }
  return { skipped, severity };
}
function pragmaIndex(model, resolver, isKnown = (name) => resolver.isKnown(name)) {
  const globalIds = /* @__PURE__ */ new Set();
  const byLine = /* @__PURE__ */ new Map();
  const ranges = [];
  const unknown = [];
  for (const pragma of parsePragmas(model)) {
    const ids = /* @__PURE__ */ new Set();
    for (const name of pragma.ids) {
      const resolved = resolver.resolve(name);
      if (resolved.length === 0 && !isKnown(name)) unknown.push({ name, line: pragma.line });
      for (const id of resolved) ids.add(id);
    }
    if (ids.size === 0) continue;
    if (pragma.scope === "global") for (const id of ids) globalIds.add(id);
    else if (pragma.scope === "next" && pragma.toLine - pragma.fromLine < 1e4) {
      for (let line = pragma.fromLine; line <= pragma.toLine; line++) {
        const set = byLine.get(line);
        if (set) for (const id of ids) set.add(id);
        else byLine.set(line, new Set(ids));
      }
    } else ranges.push({ ids, fromLine: pragma.fromLine, toLine: pragma.toLine });
  }
  return {
    unknown,
    suppresses: (ruleId, line) => {
      if (globalIds.has(ruleId)) return true;
      if (line === void 0) return false;
      if (byLine.get(line)?.has(ruleId)) return true;
      if (ranges.length === 0) return false;
      return ranges.some((range) => range.ids.has(ruleId) && line >= range.fromLine && line <= range.toLine);
    }
  };
}
function createPolicy(options) {
  const resolver = ruleResolver(options.rules);
  const config = configPolicy(options.config, resolver);
  const pragmas = options.model ? pragmaIndex(options.model, resolver) : void 0;
  return {
    resolver,
    config,
    skips: (ruleId) => config.skipped.has(ruleId),
    severityOf: (ruleId, fallback) => config.severity.get(ruleId) ?? fallback,
    silences: (finding) => {
      const ids = [finding.ruleId, ...finding.also ?? []];
      if (ids.some((id) => config.skipped.has(id))) return true;
      if (!pragmas) return false;
      const lines = [finding.line, ...finding.relatedLines ?? []];
      return ids.some((id) => lines.some((line) => pragmas.suppresses(id, line)));
    }
  };
}

// src/findings/aggregate.ts
var FINDINGS_PER_KIND = 200;
function where(finding) {
  if (finding.path !== void 0) return finding.path;
  if (finding.line !== void 0) return `line ${finding.line}`;
  return finding.message;
}
function sameStage(findings) {
  const first = findings[0]?.stage;
  if (!first) return void 0;
  return findings.every((finding) => finding.stage?.index === first.index) ? first : void 0;
}
function aggregate(rest, limit) {
  const first = rest[0];
  const covered = rest.reduce((total, finding) => total + (finding.count ?? 1), 0);
  const places = rest.slice(0, 10).map(where);
  const more = rest.length - places.length;
  const out = {
    ruleId: first.ruleId,
    severity: first.severity,
    message: `${covered} more ${first.ruleId} findings, not listed one by one (a report lists the first ${limit} of each rule), e.g. ${places.slice(0, 3).join(", ")}`,
    count: covered,
    evidence: more > 0 ? `${places.join(", ")} (+${more} more)` : places.join(", ")
  };
  const stage = sameStage(rest);
  if (stage) out.stage = stage;
  if (first.file !== void 0) out.file = first.file;
  if (first.line !== void 0 && stage) out.line = first.line;
  return out;
}
function aggregateFindings(findings, limit = FINDINGS_PER_KIND) {
  const seen = /* @__PURE__ */ new Map();
  const rest = /* @__PURE__ */ new Map();
  const out = [];
  for (const finding of findings) {
    const kind = `${finding.ruleId}\0${finding.severity}`;
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    if (count <= limit) out.push(finding);
    else {
      let list = rest.get(kind);
      if (!list) rest.set(kind, list = []);
      list.push(finding);
    }
  }
  for (const list of rest.values()) out.push(aggregate(list, limit));
  return out;
}

// src/report/build-report.ts
function isPinned(stage) {
  if (stage.baseStage !== void 0 || stage.base.toLowerCase() === "scratch") return void 0;
  return isDigestPinned(stage.base);
}
function buildReport(parts) {
  const image = parts.image ?? null;
  const edges = parts.model ? reportEdges(parts.model, image, parts.edgeSizes ?? []) : void 0;
  const stages = parts.model ? reportStages(parts.model, image, edges ?? []) : [];
  const findings = normaliseFindings(parts.findings, parts.dockerfile, parts.model);
  const report = {
    version: 1,
    tool: { name: "stagegate", version: parts.toolVersion },
    dockerfile: parts.dockerfile,
    stages,
    ...edges ? { edges } : {},
    image,
    findings,
    counts: countFindings(findings),
    ...parts.notices && parts.notices.length > 0 ? { notices: [...parts.notices] } : {},
    ...parts.build ? { build: { ...parts.build } } : {}
  };
  return report;
}
function reportEdges(model, image, sizes) {
  return model.edges.map((edge) => {
    const out = { to: edge.to, kind: edge.kind, line: edge.line, sources: [...edge.sources] };
    if (edge.from !== void 0) out.from = edge.from;
    if (edge.image !== void 0) out.image = edge.image;
    if (edge.dest !== void 0) out.dest = edge.dest;
    const measured = sizes.find(
      (size) => size.line === edge.line && size.from === edge.from && size.image === edge.image
    );
    const layer = edge.kind === "copy" ? image?.layers.find((l) => l.line === edge.line && (l.stage === edge.to || l.stage === edge.from)) : void 0;
    const sizeBytes = measured?.sizeBytes ?? layer?.sizeBytes;
    if (sizeBytes !== void 0) out.sizeBytes = sizeBytes;
    return out;
  });
}
function stageContributions(image, edges) {
  const bytes = /* @__PURE__ */ new Map();
  for (const layer of image.layers) {
    if (layer.stage === void 0) continue;
    const copy = edges.find(
      (edge) => edge.kind === "copy" && edge.from !== void 0 && edge.to === layer.stage && edge.line === layer.line
    );
    const owner = copy?.from ?? layer.stage;
    bytes.set(owner, (bytes.get(owner) ?? 0) + layer.sizeBytes);
  }
  return bytes;
}
function reportStages(model, image, edges) {
  const contributions = image ? stageContributions(image, edges) : void 0;
  return model.stages.map((stage) => {
    const pinned = isPinned(stage);
    return {
      index: stage.index,
      ...stage.name !== void 0 ? { name: stage.name } : {},
      base: stage.base,
      line: stage.line,
      final: stage.final,
      ...pinned !== void 0 ? { pinned } : {},
      ...contributions ? { sizeBytes: contributions.get(stage.index) ?? 0 } : {}
    };
  });
}
function normaliseFindings(findings, dockerfile, model) {
  const sorted = aggregateFindings([...findings].sort(compareFindings)).sort(compareFindings);
  const lookup = model ? instructionTextFromModels([{ ...model, path: dockerfile }]) : void 0;
  const fingerprints = fingerprintFindings(sorted, dockerfile, lookup);
  return sorted.map((finding, index) => {
    const out = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message
    };
    if (finding.file !== void 0) out.file = finding.file;
    if (finding.line !== void 0) out.line = finding.line;
    if (finding.endLine !== void 0) out.endLine = finding.endLine;
    if (finding.column !== void 0) out.column = finding.column;
    if (finding.stage !== void 0) out.stage = { ...finding.stage };
    if (finding.layer !== void 0) out.layer = { ...finding.layer };
    if (finding.path !== void 0) out.path = finding.path;
    if (finding.evidence !== void 0) out.evidence = finding.evidence;
    if (finding.confirmed) out.confirmed = true;
    if (finding.also !== void 0 && finding.also.length > 0) out.also = [...finding.also];
    if (finding.count !== void 0) out.count = finding.count;
    if (finding.relatedLines !== void 0 && finding.relatedLines.length > 0)
      out.relatedLines = [...finding.relatedLines];
    out.fingerprint = fingerprints[index];
    return out;
  });
}

// src/version.ts
var VERSION = "0.1.0";

export {
  parseCheckDirective,
  ruleResolver,
  configPolicy,
  pragmaIndex,
  createPolicy,
  buildReport,
  VERSION
};
