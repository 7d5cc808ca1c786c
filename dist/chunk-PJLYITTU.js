import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/cli/argv.ts
function parseArgv(command, argv, spec) {
  const parsed = { values: /* @__PURE__ */ new Map(), booleans: /* @__PURE__ */ new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") {
        throw new UsageError(`unknown option "${arg}"; run \`stagegate ${command} --help\`.`);
      }
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? void 0 : arg.slice(eq + 1);
    if (spec.booleans.includes(name)) {
      const next = argv[i + 1];
      if (inline === void 0 && (next === "true" || next === "false"))
        throw new UsageError(
          `--${name} takes no separate value: write --${name} or --${name}=${next} (got "--${name} ${next}").`
        );
      if (inline === void 0) parsed.booleans.set(name, true);
      else if (inline === "true" || inline === "false") parsed.booleans.set(name, inline === "true");
      else throw new UsageError(`--${name} takes true or false, got "${inline}".`);
      continue;
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(`unknown option "--${name}"; run \`stagegate ${command} --help\`.`);
    }
    let value = inline;
    if (value === void 0) {
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("--") && next.length > 2) {
        throw new UsageError(`--${name} needs a value.`);
      }
      value = next;
      i++;
    }
    parsed.values.set(name, [...parsed.values.get(name) ?? [], value]);
  }
  return parsed;
}
function lastValue(parsed, name) {
  return parsed.values.get(name)?.at(-1);
}
function oneOf(command, name, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got "${value}".`);
}

export {
  parseArgv,
  lastValue,
  oneOf
};
