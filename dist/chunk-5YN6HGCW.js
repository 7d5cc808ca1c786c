import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);

// src/image/paths.ts
function normalisePath(name) {
  let start = 0;
  while (name.startsWith("./", start)) start += 2;
  while (name.charCodeAt(start) === 47) start++;
  let end = name.length;
  while (end > start && name.charCodeAt(end - 1) === 47) end--;
  const body = name.slice(start, end);
  if (body === "" || body === ".") return { path: "/", escaped: false };
  if (body.charCodeAt(0) !== 46 && !body.includes("/.") && !body.includes("//"))
    return { path: `/${body}`, escaped: false };
  const parts = [];
  let escaped = false;
  for (const part of body.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) escaped = true;
      else parts.pop();
      continue;
    }
    parts.push(part);
  }
  return { path: `/${parts.join("/")}`, escaped };
}
function parentOf(path) {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function joinPath(dir, name) {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}
var MAX_SYMLINK_HOPS = 40;
var MAX_LINK_TARGET = 4095;
var PROC_ROOT = /^(?:self|thread-self|\d+)$/;
function resolvePath(index, path, options = {}) {
  const procRoot = options.procRoot !== false;
  const followLast = options.followLast !== false;
  const start = normalisePath(path).path;
  if (start.length > MAX_LINK_TARGET + 1) return { path: start.slice(0, 80), problem: "too-long" };
  const pending = start.split("/").filter(Boolean).reverse();
  let resolved = "";
  const lengths = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.pop();
    if (part === "." || part === "") continue;
    if (part === "..") {
      if (lengths.length > 0) resolved = resolved.slice(0, lengths.pop());
      continue;
    }
    const candidate = `${resolved}/${part}`;
    const file2 = index.files.get(candidate);
    if (procRoot && file2 === void 0 && part === "root" && lengths.length === 2 && resolved.startsWith("/proc/") && PROC_ROOT.test(resolved.slice(6))) {
      resolved = "";
      lengths.length = 0;
      continue;
    }
    if (file2 === void 0) {
      if (pending.length > 0) {
        lengths.push(resolved.length);
        resolved = candidate;
        continue;
      }
      return { path: candidate, problem: "missing" };
    }
    if (file2.type === "symlink" && file2.linkTarget !== void 0 && (followLast || pending.length > 0)) {
      hops++;
      if (hops > MAX_SYMLINK_HOPS) return { path: candidate, file: file2, problem: "loop" };
      const target = file2.linkTarget;
      if (target.length > MAX_LINK_TARGET || resolved.length + target.length > 4 * MAX_LINK_TARGET)
        return { path: candidate, file: file2, problem: "too-long" };
      if (target.startsWith("/")) {
        resolved = "";
        lengths.length = 0;
      }
      const parts = target.split("/");
      for (let i = parts.length - 1; i >= 0; i--) if (parts[i]) pending.push(parts[i]);
      continue;
    }
    if (pending.length > 0 && file2.type !== "dir" && file2.type !== "symlink")
      return { path: candidate, file: file2, problem: "not-dir" };
    lengths.push(resolved.length);
    resolved = candidate;
  }
  const finalPath = resolved === "" ? "/" : resolved;
  const file = index.files.get(finalPath);
  return file || finalPath === "/" ? { path: finalPath, ...file ? { file } : {} } : { path: finalPath, problem: "missing" };
}

// src/image/types.ts
function contentKey(layer, path) {
  return `${layer}:${path}`;
}

export {
  contentKey,
  normalisePath,
  parentOf,
  baseName,
  joinPath,
  MAX_SYMLINK_HOPS,
  MAX_LINK_TARGET,
  resolvePath
};
