import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  BlobHasher,
  VerifyingStream,
  blobPath,
  checkDigest,
  configString,
  diffIdList,
  digestAlgorithm,
  digestFromArchivePath,
  digestVerdict,
  hasRegistryHost,
  hostPlatform,
  openRegistryImage,
  readStream,
  resolveImage,
  sanitizeContainerConfig
} from "./chunk-QHMSCR7C.js";
import {
  onStopSignal
} from "./chunk-GQ5YTR5C.js";
import {
  MAX_LINK_TARGET,
  baseName,
  contentKey,
  joinPath,
  normalisePath,
  parentOf,
  resolvePath
} from "./chunk-5YN6HGCW.js";
import {
  UsageError
} from "./chunk-NMQJWALE.js";

// src/image/path-table.ts
var UTF16 = 2147483648;
var DEAD = 4294967295;
var INITIAL_SLOTS = 1024;
var INITIAL_TABLE = 2048;
var CHUNK_BITS = 20;
var CHUNK = 1 << CHUNK_BITS;
var MAX_CHUNKS = 2 ** (32 - CHUNK_BITS) - 1;
var MAX_LOAD = 0.75;
var PathTable = class {
  /** The arena's chunks; a key's start is its chunk's index << CHUNK_BITS plus its offset there. */
  chunks = [];
  /** Bytes used in the last chunk. */
  chunkUsed = CHUNK;
  /** Per slot: where its key starts in the arena (DEAD once deleted), its length and hash. */
  starts = new Uint32Array(INITIAL_SLOTS);
  lengths = new Uint32Array(INITIAL_SLOTS);
  hashes = new Int32Array(INITIAL_SLOTS);
  /** Open addressing, linear probing: slot + 1, or 0 for an empty cell. */
  table = new Uint32Array(INITIAL_TABLE);
  live = 0;
  slotsUsed = 0;
  /** Keys present. */
  get count() {
    return this.live;
  }
  /** One past the last slot ever handed out: iterate 0 ≤ slot < end, skipping dead slots. */
  get end() {
    return this.slotsUsed;
  }
  isLive(slot) {
    return slot < this.slotsUsed && this.starts[slot] !== DEAD;
  }
  /**
   * The slot holding `key`'s first `length` code units (all of it by default), or -1. A caller
   * that hashed the key already (`hashOf`, or `hashRange` over a prefix) passes the hash: the
   * reader looks up an entry's parent directory and then the entry by one pass over its path,
   * with no parent string made.
   */
  find(key, hash = hashOf(key), length = key.length) {
    const mask = this.table.length - 1;
    for (let cell = hash & mask; ; cell = cell + 1 & mask) {
      const entry = this.table[cell];
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] === hash && this.equals(slot, key, length)) return slot;
    }
  }
  /** Stores `key` (which must be absent; `hash` its `hashOf`) in a new slot at the end and returns the slot. */
  add(key, hash = hashOf(key)) {
    if ((this.live + 1) / this.table.length > MAX_LOAD) this.rehash(this.table.length * 2);
    const slot = this.newSlot();
    let wide = false;
    for (let i = 0; i < key.length; i++)
      if (key.charCodeAt(i) > 255) {
        wide = true;
        break;
      }
    const bytes = wide ? key.length * 2 : key.length;
    const start = this.reserve(bytes);
    const chunk = this.chunks[start >>> CHUNK_BITS];
    if (wide) chunk.ucs2Write(key, start & CHUNK - 1, bytes);
    else chunk.latin1Write(key, start & CHUNK - 1, bytes);
    this.starts[slot] = start;
    this.lengths[slot] = wide ? (bytes | UTF16) >>> 0 : bytes;
    this.hashes[slot] = hash;
    this.insert(slot, hash);
    this.live++;
    return slot;
  }
  /** Deletes the key at a live slot; the slot stays dead. */
  remove(slot) {
    const mask = this.table.length - 1;
    let cell = this.hashes[slot] & mask;
    while (this.table[cell] !== slot + 1) cell = cell + 1 & mask;
    let hole = cell;
    for (let next = hole + 1 & mask; this.table[next] !== 0; next = next + 1 & mask) {
      const home = this.hashes[this.table[next] - 1] & mask;
      if (next > hole && (home <= hole || home > next) || next < hole && home <= hole && home > next) {
        this.table[hole] = this.table[next];
        hole = next;
      }
    }
    this.table[hole] = 0;
    this.starts[slot] = DEAD;
    this.live--;
  }
  /** The key at a slot (live or not: a dead slot keeps its bytes). */
  keyAt(slot) {
    const length = this.lengths[slot];
    const start = this.starts[slot];
    if (start === DEAD) throw new RangeError(`slot ${slot} was deleted`);
    const chunk = this.chunks[start >>> CHUNK_BITS];
    const offset = start & CHUNK - 1;
    return length >= UTF16 ? chunk.ucs2Slice(offset, offset + (length - UTF16)) : chunk.latin1Slice(offset, offset + length);
  }
  clear() {
    this.chunks = [];
    this.chunkUsed = CHUNK;
    this.starts = new Uint32Array(INITIAL_SLOTS);
    this.lengths = new Uint32Array(INITIAL_SLOTS);
    this.hashes = new Int32Array(INITIAL_SLOTS);
    this.table = new Uint32Array(INITIAL_TABLE);
    this.live = 0;
    this.slotsUsed = 0;
  }
  /** Whether the slot's key is `key`'s first `keyLength` code units. */
  equals(slot, key, keyLength) {
    const length = this.lengths[slot];
    const start = this.starts[slot];
    const arena = this.chunks[start >>> CHUNK_BITS];
    const offset = start & CHUNK - 1;
    if (length >= UTF16) {
      if (length - UTF16 !== keyLength * 2) return false;
      for (let i = 0; i < keyLength; i++)
        if (arena.readUInt16LE(offset + 2 * i) !== key.charCodeAt(i)) return false;
      return true;
    }
    if (length !== keyLength) return false;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }
  insert(slot, hash) {
    const mask = this.table.length - 1;
    let cell = hash & mask;
    while (this.table[cell] !== 0) cell = cell + 1 & mask;
    this.table[cell] = slot + 1;
  }
  rehash(size) {
    this.table = new Uint32Array(size);
    for (let slot = 0; slot < this.slotsUsed; slot++)
      if (this.starts[slot] !== DEAD) this.insert(slot, this.hashes[slot]);
  }
  newSlot() {
    if (this.slotsUsed === this.starts.length) {
      const length = this.starts.length * 2;
      this.starts = grown(this.starts, new Uint32Array(length));
      this.lengths = grown(this.lengths, new Uint32Array(length));
      this.hashes = grown(this.hashes, new Int32Array(length));
    }
    return this.slotsUsed++;
  }
  /** `bytes` free bytes in the last chunk (a new one when they do not fit); returns their start. */
  reserve(bytes) {
    if (this.chunkUsed + bytes > CHUNK || this.chunks.length === 0) {
      if (this.chunks.length >= MAX_CHUNKS)
        throw new UsageError(
          `the image's paths take more than ${MAX_CHUNKS} MiB: too many files or too long names to index`
        );
      this.chunks.push(Buffer.alloc(Math.max(CHUNK, bytes)));
      this.chunkUsed = 0;
    }
    const start = (this.chunks.length - 1) * CHUNK + this.chunkUsed;
    this.chunkUsed = Math.min(CHUNK, this.chunkUsed + bytes);
    return start;
  }
};
function grown(old, next) {
  next.set(old);
  return next;
}
var FNV_OFFSET = 2166136261 | 0;
function hashOf(key) {
  return hashRange(key, 0, key.length, FNV_OFFSET);
}
function hashRange(key, start, end, seed = FNV_OFFSET) {
  let hash = seed;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash;
}

// src/image/compact-files.ts
var TYPES = ["file", "dir", "symlink", "hardlink", "other"];
var TYPE_FILE = 0;
var TYPE_DIR = 1;
var TYPE_SYMLINK = 2;
var TYPE_HARDLINK = 3;
function typeCode(type) {
  switch (type) {
    case "file":
      return 0;
    case "dir":
      return 1;
    case "symlink":
      return 2;
    case "hardlink":
      return 3;
    default:
      return 4;
  }
}
var WIDE32 = 4294967295;
var WIDE16 = 65535;
var INITIAL_SLOTS2 = 1024;
var CompactFileMap = class {
  [Symbol.toStringTag] = "Map";
  paths = new PathTable();
  types = new Uint8Array(INITIAL_SLOTS2);
  sizes = new Uint32Array(INITIAL_SLOTS2);
  modes = new Uint16Array(INITIAL_SLOTS2);
  uids = new Uint32Array(INITIAL_SLOTS2);
  gids = new Uint32Array(INITIAL_SLOTS2);
  layers = new Uint16Array(INITIAL_SLOTS2);
  /** Link targets by slot: only links have one. */
  links = /* @__PURE__ */ new Map();
  /** Exact values of fields too wide for their column, by `${column}:${slot}`. */
  wide = /* @__PURE__ */ new Map();
  get size() {
    return this.paths.count;
  }
  /** The slot holding `path` (whose `hashOf` the caller may already have), or -1. */
  slotOf(path, hash) {
    return this.paths.find(path, hash);
  }
  typeAt(slot) {
    return this.types[slot];
  }
  layerAt(slot) {
    const layer = this.layers[slot];
    return layer === WIDE16 ? this.wide.get(`l:${slot}`) : layer;
  }
  sizeAt(slot) {
    const size = this.sizes[slot];
    return size === WIDE32 ? this.wide.get(`s:${slot}`) : size;
  }
  /** The record at `slot`, as the ImageFile the Map interface returns. */
  fileAt(slot, path) {
    const mode = this.modes[slot];
    const uid = this.uids[slot];
    const gid = this.gids[slot];
    return {
      path,
      type: TYPES[this.types[slot]],
      size: this.sizeAt(slot),
      mode: mode === WIDE16 ? this.wide.get(`m:${slot}`) : mode,
      uid: uid === WIDE32 ? this.wide.get(`u:${slot}`) : uid,
      gid: gid === WIDE32 ? this.wide.get(`g:${slot}`) : gid,
      linkTarget: this.links.get(slot),
      layer: this.layerAt(slot)
    };
  }
  /** Stores a record at `slot` (from slotOf; -1 for a new path) and returns its slot. */
  put(slot, path, type, size, mode, uid, gid, linkTarget, layer, hash) {
    if (slot < 0) {
      slot = this.paths.add(path, hash);
      if (slot >= this.types.length) this.grow();
    } else this.clearWide(slot);
    this.types[slot] = type;
    this.sizes[slot] = this.fit(size, WIDE32, "s", slot);
    this.modes[slot] = this.fit(mode, WIDE16, "m", slot);
    this.uids[slot] = this.fit(uid, WIDE32, "u", slot);
    this.gids[slot] = this.fit(gid, WIDE32, "g", slot);
    this.layers[slot] = this.fit(layer, WIDE16, "l", slot);
    if (linkTarget === void 0) this.links.delete(slot);
    else this.links.set(slot, linkTarget);
    return slot;
  }
  /** Path → slot pairs, in insertion order; deleting while iterating is safe, as with a Map. */
  slotEntries() {
    return new SlotIterator(this.paths, (slot, path) => [path, slot]);
  }
  get(path) {
    const slot = this.paths.find(path);
    return slot < 0 ? void 0 : this.fileAt(slot, path);
  }
  has(path) {
    return this.paths.find(path) >= 0;
  }
  set(path, file) {
    this.put(
      this.slotOf(path),
      path,
      typeCode(file.type),
      file.size,
      file.mode,
      file.uid,
      file.gid,
      file.linkTarget,
      file.layer
    );
    return this;
  }
  delete(path) {
    const slot = this.paths.find(path);
    if (slot < 0) return false;
    this.paths.remove(slot);
    this.links.delete(slot);
    this.clearWide(slot);
    return true;
  }
  clear() {
    this.paths.clear();
    this.links.clear();
    this.wide.clear();
  }
  forEach(callback, thisArg) {
    for (const [path, slot] of this.slotEntries()) callback.call(thisArg, this.fileAt(slot, path), path, this);
  }
  keys() {
    return new SlotIterator(this.paths, (_slot, path) => path);
  }
  values() {
    return new SlotIterator(this.paths, (slot, path) => this.fileAt(slot, path));
  }
  entries() {
    return new SlotIterator(this.paths, (slot, path) => [path, this.fileAt(slot, path)]);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  fit(value, wide, column, slot) {
    if (Number.isInteger(value) && value >= 0 && value < wide) return value;
    this.wide.set(`${column}:${slot}`, value);
    return wide;
  }
  clearWide(slot) {
    if (this.wide.size === 0) return;
    for (const column of ["s", "m", "u", "g", "l"]) this.wide.delete(`${column}:${slot}`);
  }
  /** Doubles the columns (the path table hands out slots in order, one past the last). */
  grow() {
    const length = this.types.length * 2;
    this.types = grown(this.types, new Uint8Array(length));
    this.sizes = grown(this.sizes, new Uint32Array(length));
    this.modes = grown(this.modes, new Uint16Array(length));
    this.uids = grown(this.uids, new Uint32Array(length));
    this.gids = grown(this.gids, new Uint32Array(length));
    this.layers = grown(this.layers, new Uint16Array(length));
  }
};
var SlotIterator = class {
  constructor(paths, record) {
    this.paths = paths;
    this.record = record;
  }
  paths;
  record;
  slot = 0;
  next() {
    while (this.slot >= 0 && this.slot < this.paths.end) {
      const slot = this.slot++;
      if (this.paths.isLive(slot)) return { done: false, value: this.record(slot, this.paths.keyAt(slot)) };
    }
    this.slot = -1;
    return { done: true, value: void 0 };
  }
  [Symbol.iterator]() {
    return this;
  }
};

// src/image/file-index.ts
var WHITEOUT = ".wh.";
var OPAQUE = ".wh..wh..opq";
function show(path) {
  return /[\u0000-\u001f\u007f]/.test(path) ? JSON.stringify(path) : path;
}
var FileIndexBuilder = class {
  constructor(ref, limits, warnings, policy) {
    this.ref = ref;
    this.limits = limits;
    this.warnings = warnings;
    this.policy = policy;
  }
  ref;
  limits;
  warnings;
  policy;
  /** The merged filesystem so far: a Map to its readers, columns inside (see compact-files.ts). */
  files = new CompactFileMap();
  shadowed = [];
  contents = /* @__PURE__ */ new Map();
  reused = /* @__PURE__ */ new Map();
  totalSize = 0;
  entries = 0;
  capturedBytes = 0;
  captureBudgetWarned = false;
  layer = -1;
  layerStats = { sizeBytes: 0, fileCount: 0 };
  whiteouts = [];
  opaqueDirs = [];
  /** Paths whose lower-layer descendants this layer removes. */
  sweepRoots = /* @__PURE__ */ new Set();
  /**
   * Directories known to have no symlink on their path (each prefix checked),
   * so placing an entry costs one lookup. Cleared only when a symlink replaces
   * one of them: a new symlink elsewhere cannot be on a clean path (every
   * prefix of a clean directory is clean itself). A path table, so an entry's
   * parent is found by the hash of its path's prefix, with no parent string made.
   */
  cleanDirs = cleanRoot(new PathTable());
  /** Bumped whenever a symlink appears or disappears: invalidates the cached parent below. */
  linkEpoch = 0;
  /** hashOf the path `place` last returned (the entry's path is hashed once, by `place`). */
  placedHash = 0;
  /** The last parent that was not clean (resolved through a symlink), and where it resolved to. */
  lastParent = "";
  lastParentResolved = "";
  lastParentEpoch = -1;
  capture;
  captureFill = 0;
  captureKey = "";
  beginLayer(layer) {
    this.layer = layer;
    this.linkEpoch++;
    this.layerStats = { sizeBytes: 0, fileCount: 0 };
    this.whiteouts = [];
    this.opaqueDirs = [];
    this.sweepRoots = /* @__PURE__ */ new Set();
  }
  entry(entry) {
    if (++this.entries > this.limits.maxEntries)
      throw new UsageError(`image has more than ${this.limits.maxEntries} files: ${this.ref}`);
    const layer = this.layer;
    const lexical = normalisePath(entry.name);
    const escaped = lexical.escaped;
    let path = lexical.path;
    if (escaped)
      this.warnings.add(
        `layer ${layer}: entry ${JSON.stringify(entry.name)} climbs above the root; indexed as ${show(path)}`
      );
    if (path.length > this.limits.maxPathLength) {
      this.warnings.add(
        `layer ${layer}: skipped an entry with a ${path.length}-character path (${show(path.slice(0, 80))}…)`
      );
      return 0;
    }
    if (path === "/") return 0;
    const placed = this.place(path);
    if (placed === void 0) return 0;
    path = placed;
    const hash = this.placedHash;
    if (path.startsWith(WHITEOUT, path.lastIndexOf("/") + 1)) {
      const name = baseName(path);
      const target = name.slice(WHITEOUT.length);
      if (name === OPAQUE) this.opaqueDirs.push(parentOf(path));
      else if (target === "" || target === "." || target === "..")
        this.warnings.addTampering(
          `layer ${layer}: invalid whiteout ${show(path)} (no runtime accepts it; ignored, nothing deleted)`
        );
      else if (!name.startsWith(`${WHITEOUT}${WHITEOUT}`))
        this.whiteouts.push(joinPath(parentOf(path), target));
      return 0;
    }
    const files = this.files;
    const type = typeCode(entry.type);
    const size = type === TYPE_FILE ? entry.size : 0;
    let linkTarget;
    if (type === TYPE_SYMLINK) {
      linkTarget = entry.linkName;
      if (entry.linkName.length > MAX_LINK_TARGET)
        this.warnings.add(
          `layer ${layer}: symlink ${show(path)} has a ${entry.linkName.length}-character target (longer than PATH_MAX; the kernel refuses it)`
        );
    } else if (type === TYPE_HARDLINK) {
      const target = normalisePath(entry.linkName);
      if (!target.escaped && target.path !== "/") target.path = this.place(target.path) ?? target.path;
      linkTarget = target.path;
      if (target.escaped)
        this.warnings.add(
          `layer ${layer}: hard link ${show(path)} points above the root (${JSON.stringify(entry.linkName)})`
        );
      if (!files.has(target.path))
        this.warnings.add(`layer ${layer}: hard link ${show(path)} points to missing ${show(target.path)}`);
    }
    this.layerStats.fileCount++;
    this.layerStats.sizeBytes += size;
    this.totalSize += size;
    const priorSlot = files.slotOf(path, hash);
    const priorType = priorSlot < 0 ? -1 : files.typeAt(priorSlot);
    if (priorSlot >= 0) {
      const bothDirs = priorType === TYPE_DIR && type === TYPE_DIR;
      if (files.layerAt(priorSlot) === layer && !bothDirs)
        this.warnings.add(`layer ${layer}: duplicate entry ${show(path)} (the last one wins)`);
      if (!bothDirs) {
        this.shadow(files.fileAt(priorSlot, path), "overwritten");
        if (priorType === TYPE_DIR) this.sweepRoots.add(path);
      }
    }
    if (type !== TYPE_DIR)
      this.countUse(path, size, priorSlot < 0 || priorType === TYPE_DIR ? void 0 : files.sizeAt(priorSlot));
    if (type === TYPE_SYMLINK || priorType === TYPE_SYMLINK) {
      this.linkEpoch++;
      if (type === TYPE_SYMLINK && this.cleanDirs.find(path, hash) >= 0) cleanRoot(this.cleanDirs);
    }
    files.put(priorSlot, path, type, size, entry.mode, entry.uid, entry.gid, linkTarget, layer, hash);
    if (type !== TYPE_FILE || entry.dataSize === 0 || this.policy === void 0) return 0;
    const wanted = Math.min(Math.max(0, Math.floor(this.policy(path, size, entry.mode))), entry.dataSize);
    if (!(wanted > 0)) return 0;
    if (this.capturedBytes + wanted > this.limits.maxCapturedBytes) {
      if (!this.captureBudgetWarned) {
        this.captureBudgetWarned = true;
        this.warnings.add(
          `captured-content budget of ${this.limits.maxCapturedBytes} bytes reached at layer ${layer} ${show(path)}: later files were not read`
        );
      }
      return 0;
    }
    this.capturedBytes += wanted;
    this.capture = Buffer.allocUnsafe(wanted);
    this.captureFill = 0;
    this.captureKey = contentKey(layer, path);
    return wanted;
  }
  /**
   * Where an entry at lexical `path` lands once its parent is resolved (its hashOf in
   * `placedHash`); undefined when it cannot land.
   */
  place(path) {
    const slash = path.lastIndexOf("/");
    if (slash <= 0) {
      this.placedHash = hashOf(path);
      return path;
    }
    const parentHash = hashRange(path, 0, slash);
    if (this.cleanDirs.find(path, parentHash, slash) >= 0) {
      this.placedHash = hashRange(path, slash, path.length, parentHash);
      return path;
    }
    const parent = path.slice(0, slash);
    if (parent === this.lastParent && this.lastParentEpoch === this.linkEpoch)
      return this.landed(path, joinPath(this.lastParentResolved, baseName(path)), parentHash);
    let resolvedParent = parent;
    if (!this.markClean(parent)) {
      const resolved = resolvePath(this, parent, { procRoot: false });
      if (resolved.problem === "loop" || resolved.problem === "too-long" || resolved.problem === "not-dir") {
        this.warnings.add(
          `layer ${this.layer}: entry ${show(path)} lies under ${show(resolved.path)}, which is not a directory (${resolved.problem}); the runtime would refuse the layer`
        );
        return void 0;
      }
      resolvedParent = resolved.path;
    }
    if (resolvedParent === parent) return this.landed(path, path, parentHash);
    this.lastParent = parent;
    this.lastParentResolved = resolvedParent;
    this.lastParentEpoch = this.linkEpoch;
    return this.landed(path, joinPath(resolvedParent, baseName(path)), parentHash);
  }
  /** `placed` (where lexical `path` lands), its hash kept for the entry's lookups. */
  landed(path, placed, parentHash) {
    this.placedHash = placed === path ? hashRange(path, path.lastIndexOf("/"), path.length, parentHash) : hashOf(placed);
    return placed;
  }
  /** Marks `dir` and its prefixes clean when none is a symlink; false when one is. */
  markClean(dir) {
    const hash = hashOf(dir);
    if (this.cleanDirs.find(dir, hash) >= 0) return true;
    const slot = this.files.slotOf(dir, hash);
    if (slot >= 0 && this.files.typeAt(slot) === TYPE_SYMLINK) return false;
    if (!this.markClean(parentOf(dir))) return false;
    this.cleanDirs.add(dir, hash);
    return true;
  }
  data(piece) {
    const capture = this.capture;
    piece.copy(capture, this.captureFill);
    this.captureFill += piece.length;
  }
  dataEnd() {
    if (this.capture) this.contents.set(this.captureKey, this.capture);
    this.capture = void 0;
  }
  /** Applies this layer's whiteouts to the lower layers and returns its stats. */
  endLayer() {
    const layer = this.layer;
    const sweepDirs = this.sweepRoots;
    const files = this.files;
    for (const target of this.whiteouts) {
      const slot = files.slotOf(target);
      const prior = slot < 0 ? void 0 : files.fileAt(slot, target);
      if (prior !== void 0 && prior.layer < layer) {
        files.delete(target);
        this.shadow(prior, "deleted", layer);
        if (prior.type !== "dir") this.countDeletion(target, prior.size);
      }
      if (prior === void 0 || prior.type === "dir" || prior.layer === layer) sweepDirs.add(target);
    }
    const opaque = new Set(this.opaqueDirs);
    if (sweepDirs.size > 0 || opaque.size > 0) {
      const under = /* @__PURE__ */ new Map();
      const isSwept = (dir) => {
        const known = under.get(dir);
        if (known !== void 0) return known;
        const pending = [];
        let at = dir;
        let result = false;
        for (; ; ) {
          const cached = under.get(at);
          if (cached !== void 0) {
            result = cached;
            break;
          }
          if (sweepDirs.has(at) || opaque.has(at)) {
            result = true;
            break;
          }
          pending.push(at);
          if (at === "/") break;
          at = parentOf(at);
        }
        for (const d of pending) under.set(d, result);
        return result;
      };
      for (const [path, slot] of files.slotEntries()) {
        if (files.layerAt(slot) >= layer) continue;
        if (!isSwept(parentOf(path))) continue;
        const how = "deleted";
        const file = files.fileAt(slot, path);
        files.delete(path);
        this.shadow(file, how, layer);
        if (file.type !== "dir") this.countDeletion(path, file.size);
      }
    }
    return this.layerStats;
  }
  /** Sizes and dive's wasted bytes and efficiency over all layers read. */
  totals() {
    let wasted = 0;
    let penalty = 0;
    for (const use of this.reused.values()) {
      wasted += use.cumulative;
      penalty += use.cumulative - use.minimum;
    }
    const efficiency = this.totalSize === 0 ? 1 : (this.totalSize - penalty) / this.totalSize;
    return { sizeBytes: this.totalSize, wastedBytes: wasted, efficiency };
  }
  shadow(file, how, hiddenBy = this.layer) {
    this.shadowed.push({ ...file, hiddenBy, how });
  }
  // dive counts, per path, every layer's version (a deletion as a version of
  // size 0); a path seen more than once is "inefficient": its versions' sizes
  // sum to wasted bytes, and all but the smallest count against efficiency.
  /** `priorSize`: the size of the version this one replaces, undefined when none (or a directory) was there. */
  countUse(path, size, priorSize) {
    if (priorSize === void 0 && this.reused.size === 0) return;
    let use = this.reused.get(path);
    if (use === void 0) {
      if (priorSize === void 0) return;
      use = { cumulative: priorSize, minimum: priorSize };
      this.reused.set(path, use);
    }
    use.cumulative += size;
    if (size < use.minimum) use.minimum = size;
  }
  countDeletion(path, size) {
    let use = this.reused.get(path);
    if (use === void 0) {
      use = { cumulative: size, minimum: size };
      this.reused.set(path, use);
    }
    use.minimum = 0;
  }
};
function cleanRoot(table) {
  table.clear();
  table.add("/");
  return table;
}

// src/image/inflate-worker.ts
import { Worker } from "node:worker_threads";
import * as zlib from "node:zlib";
var CHUNK2 = 1024 * 1024;
var IN_SLOTS = 4;
var OUT_SLOTS = 8;
var InflateWorkerError = class extends Error {
  constructor(message, code, originalName) {
    super(message);
    this.code = code;
    this.originalName = originalName;
  }
  code;
  originalName;
  name = "InflateWorkerError";
};
function digestWorkerMain({
  parentPort,
  crypto
}) {
  const SLOT = 1024 * 1024;
  let hash;
  let shared;
  parentPort.on("message", (message) => {
    if (message.type === "start") {
      hash = crypto.createHash(message.algorithm);
      shared = message.shared;
    } else if (message.type === "update") {
      hash?.update(new Uint8Array(shared, message.slot * SLOT, message.length));
      parentPort.postMessage({ type: "hashed", slot: message.slot });
    } else {
      const hex = hash?.digest("hex") ?? "";
      hash = void 0;
      parentPort.postMessage({ type: "digest", hex });
    }
  });
}
function inflateWorkerMain({ parentPort, zlib: zlib3, crypto, fs, collect, startDigester }) {
  const DIGEST_SLOTS = 4;
  let job;
  let inflater;
  let blobHash;
  let tarHash;
  let blobBytes = 0;
  let inputEnded = false;
  let inflaterEnded = false;
  let trailing = false;
  let failed = false;
  let free = [];
  let current;
  let fill2 = 0;
  let pending = [];
  let direct;
  let digester;
  let digesterFailed = false;
  let digestedHex;
  const post = (message, transfer = []) => parentPort.postMessage(message, transfer);
  const fail = (error) => {
    if (failed) return;
    failed = true;
    const { message, code, name } = error ?? {};
    post({
      type: "error",
      message: String(message ?? error),
      ...typeof code === "string" ? { code } : {},
      name: typeof name === "string" ? name : "Error"
    });
  };
  const consumed = () => direct ? direct.consumed : inflater ? inflater.bytesWritten : blobBytes;
  const flushSlot = () => {
    const buffer = current;
    post({ type: "out", buffer, length: fill2, consumed: consumed() }, [buffer]);
    current = void 0;
    fill2 = 0;
  };
  const drain = () => {
    while (pending.length > 0) {
      const piece = pending[0];
      while (piece.at < piece.bytes.length) {
        if (current === void 0) {
          current = free.pop();
          fill2 = 0;
          if (current === void 0) return false;
        }
        const take = Math.min(piece.bytes.length - piece.at, current.byteLength - fill2);
        new Uint8Array(current, fill2, take).set(piece.bytes.subarray(piece.at, piece.at + take));
        fill2 += take;
        piece.at += take;
        if (fill2 === current.byteLength) flushSlot();
      }
      pending.shift();
      piece.done?.();
    }
    return true;
  };
  const closeDirect = () => {
    if (!direct) return;
    if (direct.fd !== void 0) fs.closeSync(direct.fd);
    direct.fd = void 0;
    direct.stream.close();
  };
  const finishIfDone = () => {
    if (failed || !job || !inputEnded || pending.length > 0) return;
    if (direct && (!direct.finished || direct.digestAwaited)) return;
    if (inflater && !inflaterEnded) return;
    if (current !== void 0 && fill2 > 0) flushSlot();
    if (current !== void 0) free.push(current);
    current = void 0;
    const engine = direct ? "direct" : "stream";
    closeDirect();
    direct = void 0;
    const slots = free;
    free = [];
    const outcome = {
      type: "done",
      slots,
      blobBytes,
      trailing,
      engine,
      digestedApart: digestedHex !== void 0,
      ...digestedHex !== void 0 ? { blobHex: digestedHex } : blobHash ? { blobHex: blobHash.digest("hex") } : {},
      ...tarHash ? { tarHex: tarHash.digest("hex") } : {}
    };
    job = void 0;
    post(outcome, slots);
  };
  const startDirect = (message) => {
    if (message.streamEngine || message.compression === "none") return false;
    const stream = message.compression === "gzip" ? zlib3.createGunzip() : zlib3.createZstdDecompress();
    const handle = stream._handle;
    const state = stream._writeState;
    const flush = stream._defaultFlushFlag;
    const finish = stream._finishFlushFlag;
    if (!handle || typeof handle.writeSync !== "function" || !(state instanceof Uint32Array) || state.length < 2 || typeof flush !== "number" || typeof finish !== "number") {
      stream.close();
      return false;
    }
    const engine = {
      stream,
      handle,
      state,
      flush,
      finish,
      error: void 0,
      consumed: 0,
      finished: false,
      fd: void 0,
      position: 0,
      left: 0,
      readBuffer: void 0,
      digested: false,
      digestAwaited: false
    };
    handle.onerror = (message2, errno, code) => {
      const name = code ?? zlib3.codes[String(errno)];
      engine.error = { message: message2, ...name ? { code: name } : {} };
    };
    direct = engine;
    return true;
  };
  let queued = [];
  const empty = new Uint8Array(0);
  const pumpDirect = () => {
    const engine = direct;
    if (!engine || failed) return;
    const { handle, state } = engine;
    for (; ; ) {
      if (current === void 0) {
        current = free.pop();
        fill2 = 0;
        if (current === void 0) return;
      }
      let piece = queued[0];
      if (piece === void 0 && engine.fd !== void 0) {
        const shared = engine.digested ? digester : void 0;
        if (shared?.busy[shared.turn]) return;
        const buffer = shared ? shared.views[shared.turn] : engine.readBuffer;
        const read = engine.left > 0 ? fs.readSync(engine.fd, buffer, 0, Math.min(buffer.length, engine.left), engine.position) : 0;
        if (read === 0) {
          fs.closeSync(engine.fd);
          engine.fd = void 0;
          inputEnded = true;
          if (shared) {
            engine.digestAwaited = true;
            shared.thread.postMessage({ type: "digest" });
          }
        } else {
          engine.position += read;
          engine.left -= read;
          const bytes = buffer.subarray(0, read);
          blobBytes += read;
          if (shared) {
            shared.busy[shared.turn] = true;
            shared.thread.postMessage({ type: "update", slot: shared.turn, length: read });
            shared.turn = (shared.turn + 1) % DIGEST_SLOTS;
          } else blobHash?.update(bytes);
          piece = { bytes, at: 0, done: void 0 };
          queued.push(piece);
        }
      }
      if (piece === void 0) {
        if (!inputEnded) return;
        if (!engine.finished) {
          const out2 = new Uint8Array(current, fill2, current.byteLength - fill2);
          handle.writeSync(engine.finish, empty, 0, 0, out2, 0, out2.length);
          if (engine.error) return fail(engine.error);
          const produced2 = out2.length - state[0];
          if (produced2 > 0) tarHash?.update(out2.subarray(0, produced2));
          fill2 += produced2;
          if (fill2 === current.byteLength) {
            flushSlot();
            continue;
          }
          engine.finished = true;
        }
        finishIfDone();
        return;
      }
      if (engine.finished) {
        queued.shift();
        piece.done?.();
        continue;
      }
      const inLength = piece.bytes.length - piece.at;
      const room = current.byteLength - fill2;
      const out = new Uint8Array(current, fill2, room);
      handle.writeSync(engine.flush, piece.bytes, piece.at, inLength, out, 0, room);
      if (engine.error) return fail(engine.error);
      const availOut = state[0];
      const availIn = state[1];
      const produced = room - availOut;
      engine.consumed += inLength - availIn;
      piece.at += inLength - availIn;
      if (produced > 0) tarHash?.update(out.subarray(0, produced));
      fill2 += produced;
      if (availIn === 0) {
        queued.shift();
        piece.done?.();
      } else if (availOut > 0) {
        engine.finished = true;
      }
      if (fill2 === current.byteLength) flushSlot();
    }
  };
  const start = (message) => {
    job = message;
    failed = false;
    blobBytes = 0;
    inputEnded = false;
    inflaterEnded = false;
    trailing = false;
    pending = [];
    queued = [];
    digestedHex = void 0;
    blobHash = message.blobAlgorithm ? crypto.createHash(message.blobAlgorithm) : void 0;
    tarHash = message.tarAlgorithm ? crypto.createHash(message.tarAlgorithm) : void 0;
    inflater = void 0;
    closeDirect();
    direct = void 0;
    if (startDirect(message)) return;
    const chunkSize = 1024 * 1024;
    if (message.compression === "gzip") inflater = zlib3.createGunzip({ chunkSize });
    else if (message.compression === "zstd") {
      const create = zlib3.createZstdDecompress;
      inflater = create({ chunkSize });
    }
    const stream = inflater;
    if (!stream) return;
    let sinceCollect = 0;
    stream.on("data", (piece) => {
      if (failed) return;
      sinceCollect += piece.length;
      if (sinceCollect >= 4 * 1024 * 1024) {
        sinceCollect = 0;
        collect({ type: "minor" });
      }
      tarHash?.update(piece);
      pending.push({ bytes: piece, at: 0, done: void 0 });
      if (!drain()) stream.pause();
    });
    stream.on("end", () => {
      inflaterEnded = true;
      finishIfDone();
    });
    stream.on("error", fail);
  };
  const accept = (bytes, giveBack) => {
    blobBytes += bytes.length;
    blobHash?.update(bytes);
    if (direct) {
      queued.push({ bytes, at: 0, done: giveBack });
      pumpDirect();
    } else if (!inflater) {
      tarHash?.update(bytes);
      pending.push({ bytes, at: 0, done: giveBack });
      drain();
    } else if (inflaterEnded) {
      trailing = true;
      giveBack();
    } else inflater.write(bytes, giveBack);
  };
  const endInput = () => {
    inputEnded = true;
    if (direct) return pumpDirect();
    if (inflater && !inflaterEnded) inflater.end();
    finishIfDone();
  };
  const pumpFile = async (file) => {
    const fd = fs.openSync(file.path, "r");
    try {
      const buffers = [new Uint8Array(1024 * 1024), new Uint8Array(1024 * 1024), new Uint8Array(1024 * 1024)];
      const inFlight = buffers.map(() => void 0);
      let position = file.start;
      let left = file.length ?? Infinity;
      for (let turn = 0; left > 0 && !failed; turn = (turn + 1) % buffers.length) {
        await inFlight[turn];
        if (failed) return;
        const buffer = buffers[turn];
        const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, left), position);
        if (read === 0) break;
        position += read;
        left -= read;
        inFlight[turn] = new Promise((resolve) => accept(buffer.subarray(0, read), resolve));
      }
      for (const pending2 of inFlight) await pending2;
      if (!failed) endInput();
    } finally {
      fs.closeSync(fd);
    }
  };
  const ensureDigester = () => {
    if (digester || digesterFailed) return digester;
    const thread = startDigester();
    if (!thread) {
      digesterFailed = true;
      return void 0;
    }
    const shared = new SharedArrayBuffer(DIGEST_SLOTS * 1024 * 1024);
    const made = {
      thread,
      shared,
      views: Array.from(
        { length: DIGEST_SLOTS },
        (_, i) => new Uint8Array(shared, i * 1024 * 1024, 1024 * 1024)
      ),
      busy: Array.from({ length: DIGEST_SLOTS }, () => false),
      turn: 0
    };
    thread.on("message", (message) => {
      try {
        if (message.type === "hashed") {
          made.busy[message.slot] = false;
          if (direct?.digested) pumpDirect();
        } else if (direct?.digestAwaited) {
          digestedHex = message.hex;
          direct.digestAwaited = false;
          finishIfDone();
        }
      } catch (error) {
        fail(error);
      }
    });
    const stopped = (error) => {
      const { message } = error ?? {};
      fail({
        message: `the digest worker stopped${typeof message === "string" ? `: ${message}` : ""}`,
        code: "ERR_WORKER_EXIT"
      });
    };
    thread.on("error", stopped);
    thread.on("exit", stopped);
    digester = made;
    return made;
  };
  parentPort.on("message", (message) => {
    try {
      if (message.type === "start") {
        start(message);
        const { file } = message;
        if (file && direct) {
          direct.fd = fs.openSync(file.path, "r");
          direct.position = file.start;
          direct.left = file.length ?? Infinity;
          const digest = message.blobAlgorithm ? ensureDigester() : void 0;
          if (digest && message.blobAlgorithm) {
            direct.digested = true;
            blobHash = void 0;
            digest.turn = 0;
            digest.thread.postMessage({
              type: "start",
              algorithm: message.blobAlgorithm,
              shared: digest.shared
            });
          } else direct.readBuffer = new Uint8Array(1024 * 1024);
          pumpDirect();
        } else if (file) pumpFile(file).catch(fail);
      } else if (message.type === "slot") {
        free.push(message.buffer);
        if (direct) pumpDirect();
        else if (drain()) {
          inflater?.resume();
          finishIfDone();
        }
      } else if (failed) {
        if (message.type === "data") post({ type: "in", buffer: message.buffer }, [message.buffer]);
      } else if (message.type === "data") {
        const { buffer } = message;
        accept(new Uint8Array(buffer, 0, message.length), () => post({ type: "in", buffer }, [buffer]));
      } else if (message.type === "end") endInput();
    } catch (error) {
      fail(error);
    }
  });
}
var DIGEST_WORKER_SOURCE = `
;(${digestWorkerMain.toString()})({ parentPort: require('node:worker_threads').parentPort, crypto: require('node:crypto') })
`;
var WORKER_SOURCE = `
const { parentPort, Worker } = require('node:worker_threads')
require('node:v8').setFlagsFromString('--expose-gc')
const collect = require('node:vm').runInNewContext('gc')
const startDigester = () => {
  try {
    const thread = new Worker(${JSON.stringify(DIGEST_WORKER_SOURCE)}, {
      eval: true,
      stdout: false,
      stderr: false,
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 }
    })
    thread.unref()
    return thread
  } catch {
    return undefined
  }
}
;(${inflateWorkerMain.toString()})({ parentPort, zlib: require('node:zlib'), crypto: require('node:crypto'), fs: require('node:fs'), collect, startDigester })
`;
function workerInflates(compression) {
  return compression !== "zstd" || typeof zlib.createZstdDecompress === "function";
}
var LayerInflater = class {
  /** `engine: 'stream'` inflates through a zlib stream on the thread pool even where the direct engine would serve. */
  constructor(options = {}) {
    this.options = options;
  }
  options;
  worker;
  job;
  outSlots = [];
  inSlots = [];
  /** Input buffers are made on first use: blobs the worker reads itself need none. */
  inSlotsMade = 0;
  ensureWorker() {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      stdout: false,
      stderr: false,
      // The worker holds no state beyond a job's buffers: a small heap keeps peak RSS in bounds.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 }
    });
    worker.unref();
    worker.on("message", (message) => {
      if (this.worker === worker) this.onMessage(message);
    });
    worker.on("error", (error) => {
      const code = error.code;
      if (this.worker === worker)
        this.fail(
          new InflateWorkerError(
            `the layer inflater stopped: ${error.message.split("\n")[0]}`,
            typeof code === "string" ? code : "ERR_WORKER_FAILED",
            "Error"
          )
        );
    });
    worker.on("exit", (code) => {
      if (this.worker === worker)
        this.fail(
          new InflateWorkerError(`the layer inflater stopped (exit code ${code})`, "ERR_WORKER_EXIT", "Error")
        );
    });
    this.worker = worker;
    this.outSlots = Array.from({ length: OUT_SLOTS }, () => new ArrayBuffer(CHUNK2));
    this.inSlots = [];
    this.inSlotsMade = 0;
    return worker;
  }
  /**
   * Streams `blob` through the worker; `onChunk` gets the tar in order, on
   * this thread, each chunk a view valid only during the call (copy what you
   * keep), with the compressed bytes the inflater had consumed by then.
   */
  run(blob, job, onChunk) {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      const current = { onChunk, resolve, reject, blob, done: false };
      this.job = current;
      const streamEngine = this.options.engine === "stream";
      worker.postMessage({
        type: "start",
        ...job,
        ...streamEngine ? { streamEngine } : {}
      });
      const slots = this.outSlots;
      this.outSlots = [];
      for (const buffer of slots) worker.postMessage({ type: "slot", buffer }, [buffer]);
      if (job.file) blob.destroy();
      else this.feed(current);
    });
  }
  /** Reads the blob into input buffers, pausing it while the worker holds them all. */
  feed(job) {
    const { blob } = job;
    let slot;
    let fill2 = 0;
    let waiting;
    const send = () => {
      const buffer = slot;
      this.worker?.postMessage({ type: "data", buffer, length: fill2 }, [buffer]);
      slot = void 0;
      fill2 = 0;
    };
    const put = (chunk) => {
      let at = 0;
      while (at < chunk.length) {
        if (slot === void 0) {
          slot = this.inSlots.pop();
          if (slot === void 0 && this.inSlotsMade < IN_SLOTS) {
            this.inSlotsMade++;
            slot = new ArrayBuffer(CHUNK2);
          }
          if (slot === void 0) return chunk.subarray(at);
        }
        const take = Math.min(chunk.length - at, CHUNK2 - fill2);
        new Uint8Array(slot, fill2, take).set(chunk.subarray(at, at + take));
        fill2 += take;
        at += take;
        if (fill2 === CHUNK2) send();
      }
      return void 0;
    };
    this.onInputSlot = () => {
      if (waiting === void 0 || job.done) return;
      waiting = put(waiting);
      if (waiting === void 0) blob.resume();
    };
    blob.on("data", (chunk) => {
      if (job.done) return;
      waiting = put(chunk);
      if (waiting !== void 0) blob.pause();
    });
    blob.once("end", () => {
      if (job.done) return;
      const finish = () => {
        if (slot !== void 0 && fill2 > 0) send();
        if (slot !== void 0) this.inSlots.push(slot);
        slot = void 0;
        this.worker?.postMessage({ type: "end" });
      };
      if (waiting === void 0) finish();
      else {
        const before = this.onInputSlot;
        this.onInputSlot = () => {
          before();
          if (waiting === void 0) finish();
        };
      }
    });
    blob.once("error", (error) => this.fail(error));
  }
  onInputSlot = () => void 0;
  onMessage(message) {
    const job = this.job;
    if (message.type === "in") {
      this.inSlots.push(message.buffer);
      this.onInputSlot();
      return;
    }
    if (!job || job.done) return;
    if (message.type === "out") {
      try {
        job.onChunk(Buffer.from(message.buffer, 0, message.length), message.consumed);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.worker?.postMessage({ type: "slot", buffer: message.buffer }, [message.buffer]);
    } else if (message.type === "done") {
      job.done = true;
      this.job = void 0;
      this.outSlots.push(...message.slots);
      const { blobBytes, blobHex, tarHex, trailing, engine, digestedApart } = message;
      job.resolve({
        blobBytes,
        trailing,
        engine,
        digestedApart,
        ...blobHex !== void 0 ? { blobHex } : {},
        ...tarHex !== void 0 ? { tarHex } : {}
      });
    } else if (message.type === "error") {
      this.fail(new InflateWorkerError(message.message, message.code, message.name));
    }
  }
  /** Ends the current job with `error`; the worker, whose state is unknown now, is replaced next time. */
  fail(error) {
    const job = this.job;
    const worker = this.worker;
    this.worker = void 0;
    this.job = void 0;
    this.onInputSlot = () => void 0;
    if (worker) void worker.terminate();
    if (!job || job.done) return;
    job.done = true;
    job.blob.pause();
    job.reject(error);
  }
  async close() {
    const worker = this.worker;
    this.worker = void 0;
    if (worker) {
      worker.removeAllListeners("exit");
      await worker.terminate();
    }
  }
};

// src/image/layer-stream.ts
import { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib2 from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/image/names.ts
import { isUtf8 } from "node:buffer";
function decodeName(bytes, start = 0, end = bytes.length) {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  if (isUtf8(view)) return view.toString("utf8");
  let out = "";
  let i = 0;
  while (i < view.length) {
    const length = sequenceLength(view, i);
    if (length > 0) {
      out += view.toString("utf8", i, i + length);
      i += length;
    } else {
      out += String.fromCharCode(56320 + view[i]);
      i++;
    }
  }
  return out;
}
function sequenceLength(b, i) {
  const c = b[i];
  if (c < 128) return 1;
  const cont = (k) => i + k < b.length && (b[i + k] & 192) === 128;
  if (c >= 194 && c <= 223) return cont(1) ? 2 : 0;
  if (c >= 224 && c <= 239) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if (c === 224 && c1 < 160) return 0;
    if (c === 237 && c1 >= 160) return 0;
    return 3;
  }
  if (c >= 240 && c <= 244) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if (c === 240 && c1 < 144) return 0;
    if (c === 244 && c1 >= 144) return 0;
    return 4;
  }
  return 0;
}

// src/image/tar.ts
var TarError = class extends Error {
  name = "TarError";
};
var BLOCK = 512;
var DEFAULT_MAX_EXTENSION_BYTES = 1024 * 1024;
function isZeroBlock(block, at = 0) {
  for (let i = at; i < at + BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}
function parseNumeric(block, at, length, field) {
  const first = block[at] ?? 0;
  if (first & 128) {
    if (first === 255) throw new TarError(`negative ${field} in tar header`);
    let value2 = first & 127;
    for (let i2 = at + 1; i2 < at + length; i2++) {
      value2 = value2 * 256 + (block[i2] ?? 0);
      if (value2 > Number.MAX_SAFE_INTEGER) throw new TarError(`absurd ${field} in tar header`);
    }
    return value2;
  }
  let i = at;
  const end = at + length;
  while (i < end && (block[i] === 32 || block[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = block[i] ?? 0;
    if (c === 0 || c === 32) break;
    if (c < 48 || c > 55) throw new TarError(`invalid ${field} in tar header`);
    value = value * 8 + (c - 48);
    digits++;
  }
  if (value > Number.MAX_SAFE_INTEGER) throw new TarError(`absurd ${field} in tar header`);
  return digits === 0 ? 0 : value;
}
function cString(block, at, length) {
  const limit = at + length;
  let end = at;
  let high = 0;
  for (; end < limit; end++) {
    const byte = block[end];
    if (byte === 0) break;
    high |= byte;
  }
  if (end === at) return "";
  return high < 128 ? block.toString("latin1", at, end) : decodeName(block, at, end);
}
var WordViews = class {
  buffer;
  words = new Int32Array(0);
  /** The words of `block`'s buffer. */
  of(block) {
    if (block.buffer !== this.buffer) {
      this.buffer = block.buffer;
      this.words = new Int32Array(block.buffer, 0, block.buffer.byteLength >>> 2);
    }
    return this.words;
  }
};
function blockSum(block, at, views) {
  const offset = block.byteOffset + at;
  if ((offset & 3) === 0) {
    const words = views ? views.of(block) : new Int32Array(block.buffer, offset, BLOCK / 4);
    let even = 0;
    let odd = 0;
    for (let i = views ? offset >>> 2 : 0, end = i + BLOCK / 4; i < end; i++) {
      const word = words[i];
      even = even + (word & 16711935) | 0;
      odd = odd + (word >>> 8 & 16711935) | 0;
    }
    return (even & 65535) + (even >>> 16) + (odd & 65535) + (odd >>> 16);
  }
  let sum = 0;
  for (let i = at, end = at + BLOCK; i < end; i++) sum += block[i];
  return sum;
}
function checksumMatches(block, at, views) {
  const stored = parseNumeric(block, at + 148, 8, "checksum");
  let unsigned = 8 * 32 + blockSum(block, at, views);
  for (let i = at + 148; i < at + 156; i++) unsigned -= block[i];
  if (stored === unsigned) return true;
  let signed = 8 * 32;
  for (let i = at; i < at + BLOCK; i++) {
    if (i >= at + 148 && i < at + 156) continue;
    const byte = block[i];
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === signed;
}
function parseHeader(block, at = 0, views) {
  if (!checksumMatches(block, at, views)) throw new TarError("bad tar header checksum");
  const typeflag = String.fromCharCode(block[at + 156] ?? 0);
  let name = cString(block, at, 100);
  const isUstar = block[at + 257] === 117 && block[at + 258] === 115 && block[at + 259] === 116 && block[at + 260] === 97 && block[at + 261] === 114 && block[at + 262] === 0;
  if (isUstar && block[at + 345] !== 0) {
    const prefix = cString(block, at + 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  const header = {
    name,
    linkName: block[at + 157] === 0 ? "" : cString(block, at + 157, 100),
    typeflag,
    size: parseNumeric(block, at + 124, 12, "size"),
    mode: parseNumeric(block, at + 100, 8, "mode"),
    uid: parseNumeric(block, at + 108, 8, "uid"),
    gid: parseNumeric(block, at + 116, 8, "gid"),
    sparseExtended: false
  };
  if (typeflag === "S") {
    header.realSize = parseNumeric(block, at + 483, 12, "sparse real size");
    header.sparseExtended = block[at + 482] !== 0;
  }
  return header;
}
function parsePax(data) {
  const records = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break;
    const space = data.indexOf(32, pos);
    if (space < 0) throw new TarError("malformed pax header record");
    const length = Number(data.toString("latin1", pos, space));
    if (!Number.isInteger(length) || length <= space - pos || pos + length > data.length)
      throw new TarError("malformed pax header record length");
    const record = decodeName(data, space + 1, pos + length - 1);
    if (data[pos + length - 1] !== 10) throw new TarError("malformed pax header record");
    const eq = record.indexOf("=");
    if (eq <= 0) throw new TarError("malformed pax header record");
    records.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return records;
}
function paxNumber(records, key) {
  const text = records.get(key);
  if (text === void 0) return void 0;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new TarError(`invalid pax ${key}: ${text}`);
  return value;
}
function entryType(typeflag, name) {
  switch (typeflag) {
    case "0":
    case "\0":
    case "7":
    case "S":
      return name.endsWith("/") ? "dir" : "file";
    case "1":
      return "hardlink";
    case "2":
      return "symlink";
    case "5":
      return "dir";
    default:
      return "other";
  }
}
var NO_OVERRIDES = Object.freeze({});
var padding = (size) => (BLOCK - size % BLOCK) % BLOCK;
var TarParser = class {
  constructor(visitor, maxExtensionBytes = DEFAULT_MAX_EXTENSION_BYTES) {
    this.visitor = visitor;
    this.maxExtensionBytes = maxExtensionBytes;
  }
  visitor;
  maxExtensionBytes;
  state = 0 /* Header */;
  offset = 0;
  /** Header bytes when a header straddles two chunks. */
  headerBuffer = Buffer.alloc(BLOCK);
  headerFill = 0;
  headerOffset = 0;
  extension;
  extensionFill = 0;
  extensionType = "";
  pending;
  overrides = NO_OVERRIDES;
  remaining = 0;
  deliver = 0;
  zeroBlocks = 0;
  current;
  views = new WordViews();
  /** Bytes consumed so far. */
  get position() {
    return this.offset;
  }
  write(chunk) {
    let pos = 0;
    const length = chunk.length;
    while (pos < length) {
      switch (this.state) {
        case 5 /* Done */:
          this.offset += length - pos;
          return;
        case 0 /* Header */: {
          if (this.headerFill === 0 && length - pos >= BLOCK) {
            this.headerOffset = this.offset;
            pos += BLOCK;
            this.offset += BLOCK;
            this.onHeader(chunk, pos - BLOCK);
          } else {
            if (this.headerFill === 0) this.headerOffset = this.offset;
            pos += this.fillBlock(chunk, pos, length);
            if (this.headerFill === BLOCK) {
              this.headerFill = 0;
              this.onHeader(this.headerBuffer, 0);
            }
          }
          break;
        }
        case 1 /* Extension */: {
          const extension = this.extension;
          const take = Math.min(extension.length - this.extensionFill, length - pos);
          chunk.copy(extension, this.extensionFill, pos, pos + take);
          this.extensionFill += take;
          pos += take;
          this.offset += take;
          if (this.extensionFill === extension.length) this.onExtension();
          break;
        }
        case 2 /* SparseBlocks */: {
          pos += this.fillBlock(chunk, pos, length);
          if (this.headerFill === BLOCK) {
            this.headerFill = 0;
            if (this.headerBuffer[504] === 0) this.startEntry();
          }
          break;
        }
        case 3 /* Data */: {
          const take = Math.min(this.remaining, length - pos);
          if (this.deliver > 0) {
            const give = Math.min(this.deliver, take);
            this.visitor.data(chunk.subarray(pos, pos + give));
            this.deliver -= give;
            if (this.deliver === 0) this.visitor.dataEnd();
          }
          this.remaining -= take;
          pos += take;
          this.offset += take;
          if (this.remaining === 0) this.afterData();
          break;
        }
        case 4 /* Padding */: {
          const take = Math.min(this.remaining, length - pos);
          this.remaining -= take;
          pos += take;
          this.offset += take;
          if (this.remaining === 0) this.state = 0 /* Header */;
          break;
        }
      }
    }
  }
  /** The input ended: throws when it ended inside an entry. */
  end() {
    const where = this.current ? ` in ${this.current.name}` : "";
    if (this.state === 3 /* Data */)
      throw new TarError(
        `truncated tar stream${where}: entry declares ${this.current?.dataSize ?? 0} bytes, ${this.remaining} missing`
      );
    if (this.state === 1 /* Extension */ || this.state === 2 /* SparseBlocks */)
      throw new TarError(`truncated tar stream inside an extended header at offset ${this.headerOffset}`);
    if (this.state === 0 /* Header */ && this.headerFill > 0)
      throw new TarError(`truncated tar stream: partial header at offset ${this.headerOffset}`);
  }
  /** Copies bytes into headerBuffer until it holds a whole block (a header or a sparse map); returns how many it took. */
  fillBlock(chunk, pos, length) {
    const take = Math.min(BLOCK - this.headerFill, length - pos);
    chunk.copy(this.headerBuffer, this.headerFill, pos, pos + take);
    this.headerFill += take;
    this.offset += take;
    return take;
  }
  onHeader(block, at) {
    if (isZeroBlock(block, at)) {
      this.zeroBlocks++;
      if (this.zeroBlocks >= 2) this.state = 5 /* Done */;
      return;
    }
    if (this.zeroBlocks > 0)
      throw new TarError(`data after an end-of-archive block at offset ${this.headerOffset}`);
    let header;
    try {
      header = parseHeader(block, at, this.views);
    } catch (error) {
      if (error instanceof TarError) throw new TarError(`${error.message} at offset ${this.headerOffset}`);
      throw error;
    }
    const type = header.typeflag;
    if (type === "x" || type === "g" || type === "L" || type === "K") {
      if (header.size > this.maxExtensionBytes)
        throw new TarError(
          `tar extended header of ${header.size} bytes at offset ${this.headerOffset} exceeds ${this.maxExtensionBytes}`
        );
      this.extensionType = type;
      this.extension = Buffer.allocUnsafe(header.size);
      this.extensionFill = 0;
      this.remaining = header.size;
      this.state = 1 /* Extension */;
      if (header.size === 0) this.onExtension();
      return;
    }
    this.pending = header;
    if (header.sparseExtended) {
      this.state = 2 /* SparseBlocks */;
      this.headerFill = 0;
      return;
    }
    this.startEntry();
  }
  onExtension() {
    const data = this.extension;
    this.extension = void 0;
    const type = this.extensionType;
    if (this.overrides === NO_OVERRIDES) this.overrides = {};
    if (type === "L") this.overrides.gnuPath = cString(data, 0, data.length);
    else if (type === "K") this.overrides.gnuLinkPath = cString(data, 0, data.length);
    else if (type === "g") {
      this.overrides = NO_OVERRIDES;
    } else if (type === "x") {
      const { gnuPath, gnuLinkPath } = this.overrides;
      this.overrides = {};
      if (gnuPath !== void 0) this.overrides.gnuPath = gnuPath;
      if (gnuLinkPath !== void 0) this.overrides.gnuLinkPath = gnuLinkPath;
      let records;
      try {
        records = parsePax(data);
      } catch (error) {
        if (error instanceof TarError) throw new TarError(`${error.message} at offset ${this.headerOffset}`);
        throw error;
      }
      const sparse = records.has("GNU.sparse.major") || records.has("GNU.sparse.map");
      const path = sparse ? records.get("GNU.sparse.name") ?? records.get("path") : records.get("path");
      if (path !== void 0) this.overrides.path = path;
      const linkPath = records.get("linkpath");
      if (linkPath !== void 0) this.overrides.linkPath = linkPath;
      const size = paxNumber(records, "size");
      if (size !== void 0) this.overrides.size = size;
      const uid = paxNumber(records, "uid");
      if (uid !== void 0) this.overrides.uid = uid;
      const gid = paxNumber(records, "gid");
      if (gid !== void 0) this.overrides.gid = gid;
      const realSize = paxNumber(records, "GNU.sparse.realsize") ?? paxNumber(records, "GNU.sparse.size");
      if (realSize !== void 0) this.overrides.realSize = realSize;
    }
    this.remaining = padding(data.length);
    this.state = this.remaining > 0 ? 4 /* Padding */ : 0 /* Header */;
  }
  startEntry() {
    const header = this.pending;
    this.pending = void 0;
    const o = this.overrides;
    if (o !== NO_OVERRIDES) this.overrides = NO_OVERRIDES;
    const name = o.gnuPath ?? o.path ?? header.name;
    const dataSize = o.size ?? header.size;
    const type = entryType(header.typeflag, name);
    const entry = {
      name,
      linkName: o.gnuLinkPath ?? o.linkPath ?? header.linkName,
      type,
      size: type === "file" ? o.realSize ?? header.realSize ?? dataSize : dataSize,
      dataSize,
      mode: header.mode & 4095,
      uid: o.uid ?? header.uid,
      gid: o.gid ?? header.gid,
      offset: this.headerOffset
    };
    if (header.typeflag === "1" || header.typeflag === "2" || header.typeflag === "5") entry.dataSize = 0;
    this.current = entry;
    const wanted = this.visitor.entry(entry);
    this.deliver = Math.max(0, Math.min(wanted, entry.dataSize));
    this.remaining = entry.dataSize;
    this.state = 3 /* Data */;
    if (entry.dataSize === 0) this.afterData();
  }
  afterData() {
    const entry = this.current;
    this.remaining = padding(entry.dataSize);
    this.state = this.remaining > 0 ? 4 /* Padding */ : 0 /* Header */;
  }
};

// src/image/layer-stream.ts
var CHUNK3 = 256 * 1024;
var READ_AHEAD = 4 * CHUNK3;
function detectCompression(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253)
    return "zstd";
  return "none";
}
var FZSTD_SLICE = 1024;
function fzstdStage() {
  return async function* (source) {
    const out = [];
    const decompressor2 = new Decompress((data) => {
      out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += FZSTD_SLICE) {
        decompressor2.push(chunk.subarray(at, Math.min(chunk.length, at + FZSTD_SLICE)));
        while (out.length > 0) yield out.shift();
      }
    }
    decompressor2.push(new Uint8Array(0), true);
    while (out.length > 0) yield out.shift();
  };
}
function decompressor(kind) {
  if (kind === "gzip")
    return zlib2.createGunzip({ chunkSize: CHUNK3, readableHighWaterMark: READ_AHEAD });
  if (kind === "zstd") {
    const native = zlib2.createZstdDecompress;
    return native ? native({ chunkSize: CHUNK3 }) : fzstdStage();
  }
  return void 0;
}
var CompressionError = class extends Error {
  name = "CompressionError";
};
async function peek(stream) {
  for (; ; ) {
    const chunk = stream.read();
    if (chunk !== null) {
      stream.unshift(chunk);
      return chunk;
    }
    if (stream.readableEnded || stream.destroyed) return void 0;
    await new Promise((resolve, reject) => {
      const done = () => {
        stream.off("readable", done);
        stream.off("end", done);
        stream.off("error", fail);
        resolve();
      };
      const fail = (error) => {
        stream.off("readable", done);
        stream.off("end", done);
        reject(error);
      };
      stream.once("readable", done);
      stream.once("end", done);
      stream.once("error", fail);
    });
  }
}
var RATIO_GRACE = 256 * 1024 ** 2;
function checkBudget(budget, inflated, compressed) {
  if (inflated > budget.maxBytes)
    throw new CompressionError(
      `inflates past the reader's limit of ${budget.maxBytes} uncompressed bytes (a decompression bomb?)`
    );
  if (inflated > RATIO_GRACE && inflated > compressed * budget.maxRatio)
    throw new CompressionError(
      `inflates more than ${budget.maxRatio}:1 (${inflated} bytes from ${compressed}): a decompression bomb`
    );
}
async function parseLayer(blob, visitor, maxExtensionBytes, verification, budget, offload) {
  const parser = new TarParser(visitor, maxExtensionBytes);
  const head = await peek(blob);
  if (head === void 0) {
    parser.end();
    const digestProblem2 = verification ? new BlobHasher(verification.expected).finish() : void 0;
    return { compression: "none", tarBytes: 0, ...digestProblem2 ? { digestProblem: digestProblem2 } : {} };
  }
  const compression = detectCompression(head);
  if (offload && workerInflates(compression))
    return parseOnWorker(blob, parser, compression, offload, verification, budget);
  let digestProblem;
  const tarHasher = verification?.side === "tar" ? new BlobHasher(verification.expected) : void 0;
  let compressedBytes = 0;
  let inflatedBytes = 0;
  const counter = new Transform({
    transform(chunk, _encoding, callback) {
      compressedBytes += chunk.length;
      callback(null, chunk);
    }
  });
  const blobVerifier = verification?.side === "blob" ? new VerifyingStream(verification.expected, (problem) => digestProblem = problem) : void 0;
  const sink = new Writable({
    highWaterMark: CHUNK3,
    write(chunk, _encoding, callback) {
      try {
        inflatedBytes += chunk.length;
        if (budget && compression !== "none") checkBudget(budget, inflatedBytes, compressedBytes);
        tarHasher?.update(chunk);
        parser.write(chunk);
        callback();
      } catch (error) {
        callback(error);
      }
    },
    final(callback) {
      try {
        parser.end();
        callback();
      } catch (error) {
        callback(error);
      }
    }
  });
  const inflate = decompressor(compression);
  const stages = [blob];
  if (blobVerifier) stages.push(blobVerifier);
  if (budget && compression !== "none") stages.push(counter);
  if (inflate) stages.push(inflate);
  stages.push(sink);
  try {
    await pipeline(stages);
  } catch (error) {
    blob.destroy();
    if (error instanceof CompressionError) throw error;
    if (inflate && isDecompressionError(error))
      throw new CompressionError(`corrupt ${compression} stream: ${error.message}`);
    throw error;
  }
  if (tarHasher) digestProblem = tarHasher.finish();
  else if (blobVerifier && !blobVerifier.verdictGiven)
    digestProblem = "was not read to its end (bytes after the stream)";
  return { compression, tarBytes: parser.position, ...digestProblem ? { digestProblem } : {} };
}
async function parseOnWorker(blob, parser, compression, { inflater, file }, verification, budget) {
  const algorithm = verification ? digestAlgorithm(verification.expected.digest) : void 0;
  const job = {
    compression,
    ...file ? { file } : {},
    ...algorithm && verification?.side === "blob" ? { blobAlgorithm: algorithm } : {},
    ...algorithm && verification?.side === "tar" ? { tarAlgorithm: algorithm } : {}
  };
  let inflatedBytes = 0;
  let outcome;
  try {
    outcome = await inflater.run(blob, job, (chunk, consumed) => {
      inflatedBytes += chunk.length;
      if (budget && compression !== "none") checkBudget(budget, inflatedBytes, consumed);
      parser.write(chunk);
    });
    parser.end();
  } catch (error) {
    blob.destroy();
    if (error instanceof InflateWorkerError) {
      const { code, message, originalName: name } = error;
      if (compression !== "none" && isDecompressionError({ code, message, name }))
        throw new CompressionError(`corrupt ${compression} stream: ${message}`);
    }
    throw error;
  }
  let digestProblem;
  if (verification?.side === "blob") {
    digestProblem = digestVerdict(verification.expected, outcome.blobHex, outcome.blobBytes);
    if (!digestProblem && outcome.trailing) digestProblem = "was not read to its end (bytes after the stream)";
  } else if (verification?.side === "tar")
    digestProblem = digestVerdict(verification.expected, outcome.tarHex, inflatedBytes);
  return { compression, tarBytes: parser.position, ...digestProblem ? { digestProblem } : {} };
}
function isDecompressionError(error) {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, name } = error;
  if (typeof code === "string" && (code.startsWith("Z_") || code.startsWith("ERR_ZSTD") || code === "ERR_ZLIB_INITIALIZATION_FAILED"))
    return true;
  if (name === "TarError") return false;
  return name === "Error" && typeof message === "string" && /zstd|EOF|window|block|dictionary|magic/i.test(message);
}

// src/image/limits.ts
var DEFAULT_LIMITS = {
  maxEntries: 5e6,
  maxPathLength: 4096,
  maxCapturedBytes: 32 * 1024 * 1024,
  maxJsonBytes: 16 * 1024 * 1024,
  maxExtensionBytes: 1024 * 1024,
  maxWarnings: 200,
  maxUncompressedBytes: 256 * 1024 ** 3,
  maxCompressionRatio: 2e3,
  registryIdleMs: 6e4
};
function resolveLimits(overrides) {
  return { ...DEFAULT_LIMITS, ...overrides };
}
var Warnings = class {
  constructor(max) {
    this.max = max;
  }
  max;
  list = [];
  tamperingList = [];
  dropped = 0;
  droppedTampering = 0;
  add(message) {
    if (this.list.length < this.max) this.list.push(message);
    else this.dropped++;
  }
  addTampering(message) {
    if (this.tamperingList.length < this.max) this.tamperingList.push(message);
    else this.droppedTampering++;
  }
  toArray() {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more warnings`] : [...this.list];
  }
  tampering() {
    return this.droppedTampering > 0 ? [...this.tamperingList, `… and ${this.droppedTampering} more signs of tampering`] : [...this.tamperingList];
  }
};

// src/image/marker-scan.ts
var MarkerScanner = class {
  constructor(builder, scan, config) {
    this.builder = builder;
    this.scan = scan;
    this.config = config;
    this.needles = scan.markers.filter((marker) => marker.length > 0).map((marker) => Buffer.from(marker, "latin1"));
    this.overlap = Math.max(0, ...this.needles.map((needle) => needle.length - 1));
  }
  builder;
  scan;
  config;
  /** Markers found, keyed like ImageIndex.contents (`${layer}:${path}`). */
  found = /* @__PURE__ */ new Map();
  needles;
  overlap;
  layer = -1;
  /** Bytes of the current entry the builder asked for, and how many it got so far. */
  innerWanted = 0;
  innerGiven = 0;
  scanning = false;
  key = "";
  pending = /* @__PURE__ */ new Set();
  tail = Buffer.alloc(0);
  beginLayer(layer) {
    this.layer = layer;
    this.builder.beginLayer(layer);
  }
  endLayer() {
    return this.builder.endLayer();
  }
  entry(entry) {
    this.innerWanted = this.builder.entry(entry);
    this.innerGiven = 0;
    this.scanning = false;
    if (entry.type !== "file" || entry.dataSize === 0 || this.needles.length === 0) return this.innerWanted;
    const { path } = normalisePath(entry.name);
    const indexed = this.builder.files.get(path);
    if (indexed?.layer !== this.layer || indexed.type !== "file") return this.innerWanted;
    if (!this.scan.select(path, indexed.size, indexed.mode, this.config)) return this.innerWanted;
    this.scanning = true;
    this.key = contentKey(this.layer, path);
    this.pending = new Set(this.needles.map((_, i) => i));
    this.tail = Buffer.alloc(0);
    return entry.dataSize;
  }
  data(piece) {
    if (this.innerGiven < this.innerWanted) {
      const give = Math.min(piece.length, this.innerWanted - this.innerGiven);
      this.builder.data(give === piece.length ? piece : piece.subarray(0, give));
      this.innerGiven += give;
    }
    if (!this.scanning || this.pending.size === 0) return;
    const seam = this.tail.length > 0 ? Buffer.concat([this.tail, piece.subarray(0, this.overlap)]) : void 0;
    for (const i of [...this.pending]) {
      const needle = this.needles[i];
      if (piece.indexOf(needle) >= 0 || seam !== void 0 && seam.indexOf(needle) >= 0)
        this.pending.delete(i);
    }
    const joined = piece.length >= this.overlap ? piece : Buffer.concat([this.tail, piece]);
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - this.overlap)));
  }
  dataEnd() {
    if (this.innerWanted > 0) this.builder.dataEnd();
    if (!this.scanning) return;
    const hits = this.needles.flatMap((needle, i) => this.pending.has(i) ? [] : [needle.toString("latin1")]);
    if (hits.length > 0) this.found.set(this.key, hits);
    this.scanning = false;
    this.tail = Buffer.alloc(0);
  }
};

// src/image/sources/engine.ts
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/image/sources/tar-file.ts
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Readable } from "node:stream";

// src/image/sources/archive-keys.ts
function archivePath(key, label) {
  if (key.includes(":")) return blobPath(checkDigest(key, label));
  const { path, escaped } = normalisePath(key);
  if (escaped || path === "/")
    throw new UsageError(`${label}: invalid path in manifest.json: ${JSON.stringify(key)}`);
  return path.slice(1);
}

// src/image/sources/tar-file.ts
var HIGH_WATER_MARK = 1024 * 1024;
var MAX_OUTER_ENTRIES = 1e6;
var MAX_OUTER_EXTENSION = 1024 * 1024;
async function indexTarFile(file, label) {
  const members = /* @__PURE__ */ new Map();
  const handle = await open(file, "r");
  try {
    const fileSize = (await handle.stat()).size;
    const block = Buffer.alloc(BLOCK);
    let offset = 0;
    let gnuName;
    let pax;
    let count = 0;
    while (offset + BLOCK <= fileSize) {
      await handle.read(block, 0, BLOCK, offset);
      if (isZeroBlock(block)) break;
      if (++count > MAX_OUTER_ENTRIES) throw new UsageError(`${label}: too many entries in the archive`);
      const header = parseHeader(block);
      const isExtension = header.typeflag === "x" || header.typeflag === "L" || header.typeflag === "g";
      const paxSize = isExtension ? void 0 : pax?.get("size");
      if (paxSize !== void 0 && !/^\d+$/.test(paxSize))
        throw new UsageError(`${label}: invalid pax size ${JSON.stringify(paxSize)} for ${header.name}`);
      const size = paxSize === void 0 ? header.size : Number(paxSize);
      if (!Number.isSafeInteger(size)) throw new UsageError(`${label}: absurd pax size for ${header.name}`);
      const dataOffset = offset + BLOCK;
      const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
      if (dataOffset + size > fileSize)
        throw new UsageError(`${label}: truncated archive (${header.name} runs past the end of the file)`);
      if (isExtension) {
        if (size > MAX_OUTER_EXTENSION) throw new UsageError(`${label}: oversized extended header`);
        const data = Buffer.alloc(size);
        await handle.read(data, 0, size, dataOffset);
        if (header.typeflag === "L") {
          const end = data.indexOf(0);
          gnuName = decodeName(data, 0, end < 0 ? data.length : end);
        } else if (header.typeflag === "x") pax = parsePax(data);
        else {
          gnuName = void 0;
          pax = void 0;
        }
      } else {
        const name = gnuName ?? pax?.get("path") ?? header.name;
        gnuName = void 0;
        pax = void 0;
        if (header.typeflag === "0" || header.typeflag === "\0" || header.typeflag === "7") {
          const { path } = normalisePath(name);
          members.set(path.slice(1), { offset: dataOffset, size });
        }
      }
      offset = next;
    }
    return members;
  } catch (error) {
    if (error instanceof TarError) throw new UsageError(`${label}: not a tar archive (${error.message})`);
    throw error;
  } finally {
    await handle.close();
  }
}
var TarFileStore = class {
  constructor(archive, members, label) {
    this.archive = archive;
    this.members = members;
    this.label = label;
  }
  archive;
  members;
  label;
  member(key) {
    return this.members.get(archivePath(key, this.label));
  }
  // eslint-disable-next-line @typescript-eslint/require-await -- BlobSource is async: archivePath() throws on a bad key and callers expect a rejected promise, not a synchronous throw
  async open(key) {
    const member = this.member(key);
    if (!member) throw new UsageError(`${this.label}: blob ${key} is missing from the archive`);
    if (member.size === 0) return Readable.from([]);
    return createReadStream(this.archive, {
      start: member.offset,
      end: member.offset + member.size - 1,
      highWaterMark: HIGH_WATER_MARK
    });
  }
  // eslint-disable-next-line @typescript-eslint/require-await -- BlobStore.file is async
  async file(key) {
    const member = this.member(key);
    return member ? { path: this.archive, start: member.offset, length: member.size } : void 0;
  }
  async readAll(key, maxBytes) {
    const member = this.member(key);
    if (member && member.size > maxBytes)
      throw new UsageError(`${this.label}: ${key} is larger than ${maxBytes} bytes`);
    return readStream(await this.open(key), maxBytes, `${this.label}: ${key}`);
  }
  // eslint-disable-next-line @typescript-eslint/require-await -- BlobSource is async: archivePath() throws on a bad key and callers expect a rejected promise, not a synchronous throw
  async has(key) {
    return this.member(key) !== void 0;
  }
};
async function openTarFile(file, maxJsonBytes, label = `docker-archive:${file}`, knowsAttestations = true) {
  try {
    if (!(await stat(file)).isFile()) throw new UsageError(`${label}: not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${label}: no such file`);
  }
  const members = await indexTarFile(file, label);
  const store = new TarFileStore(file, members, label);
  const close = async () => {
  };
  if (members.has("index.json"))
    return {
      store,
      top: { kind: "oci-index", json: await store.readAll("index.json", maxJsonBytes) },
      knowsAttestations,
      close
    };
  if (members.has("manifest.json"))
    return {
      store,
      top: { kind: "docker-manifest-json", json: await store.readAll("manifest.json", maxJsonBytes) },
      knowsAttestations: false,
      close
    };
  throw new UsageError(`${label}: not an image archive (no index.json or manifest.json)`);
}

// src/image/sources/engine.ts
function run(args, children) {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", args, { stdio: ["ignore", "ignore", "pipe"] });
    children?.add(child);
    child.on("close", () => children?.delete(child));
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text) => {
      if (stderr.length < 64 * 1024) stderr += text;
    });
    child.on(
      "error",
      (error) => reject(
        error.code === "ENOENT" ? new UsageError("docker is not installed: cannot read images from the local engine") : error
      )
    );
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
async function engineHasImage(ref) {
  try {
    const result = await run(["image", "inspect", "--format", "{{.Id}}", "--", ref]);
    return result.code === 0;
  } catch {
    return false;
  }
}
function firstLine(text) {
  return text.trim().split("\n").pop()?.trim() ?? "";
}
function cleanupOnSignal(dir, children) {
  return onStopSignal(() => {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });
}
async function openEngineImage(ref, maxJsonBytes, tempDir) {
  const dir = await mkdtemp(join(tempDir ?? tmpdir(), "stagegate-image-"));
  const children = /* @__PURE__ */ new Set();
  const detach = cleanupOnSignal(dir, children);
  const remove = async () => {
    detach();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const file = join(dir, "image.tar");
    const result = await run(["save", "--output", file, "--", ref], children);
    if (result.code !== 0)
      throw new UsageError(
        `cannot read ${ref} from the local engine: ${firstLine(result.stderr) || `docker save exited ${result.code}`}`
      );
    const source = await openTarFile(file, maxJsonBytes, ref, false);
    return { ...source, close: remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// src/image/sources/layout-dir.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { lstat, readFile, stat as stat2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var HIGH_WATER_MARK2 = 1024 * 1024;
var DirStore = class {
  constructor(dir, label) {
    this.dir = dir;
    this.label = label;
  }
  dir;
  label;
  pathOf(key) {
    return join2(this.dir, archivePath(key, this.label));
  }
  async open(key) {
    const file = this.pathOf(key);
    let link = false;
    try {
      link = (await lstat(file)).isSymbolicLink();
    } catch {
    }
    if (link)
      throw new UsageError(
        `${this.label}: blob ${key} is a symlink; copy the layout with its blobs as regular files (cp -rL)`
      );
    if (!await this.has(key)) throw new UsageError(`${this.label}: blob ${key} is missing`);
    return createReadStream2(file, { highWaterMark: HIGH_WATER_MARK2 });
  }
  // eslint-disable-next-line @typescript-eslint/require-await -- BlobStore.file is async; open() has checked the blob
  async file(key) {
    return { path: this.pathOf(key), start: 0 };
  }
  async readAll(key, maxBytes) {
    return readStream(await this.open(key), maxBytes, `${this.label}: ${key}`);
  }
  async has(key) {
    try {
      return (await stat2(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }
};
async function readIfFile(path, maxBytes, label) {
  try {
    const info = await stat2(path);
    if (!info.isFile()) return void 0;
    if (info.size > maxBytes) throw new UsageError(`${label}: ${path} is larger than ${maxBytes} bytes`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return void 0;
  }
  return readFile(path);
}
async function openLayoutDir(dir, maxJsonBytes) {
  const label = `oci-layout:${dir}`;
  let info;
  try {
    info = await stat2(dir);
  } catch {
    throw new UsageError(`${label}: no such directory`);
  }
  if (!info.isDirectory()) throw new UsageError(`${label}: not a directory`);
  const store = new DirStore(dir, label);
  const index = await readIfFile(join2(dir, "index.json"), maxJsonBytes, label);
  if (index)
    return { store, top: { kind: "oci-index", json: index }, knowsAttestations: true, close: async () => {
    } };
  const manifest = await readIfFile(join2(dir, "manifest.json"), maxJsonBytes, label);
  if (manifest)
    return {
      store,
      top: { kind: "docker-manifest-json", json: manifest },
      knowsAttestations: false,
      close: async () => {
      }
    };
  throw new UsageError(`${label}: not an image layout (no index.json or manifest.json)`);
}

// src/image/replay.ts
var MAX_RECORDED_ENTRIES = 2e5;
var RecordingVisitor = class {
  constructor(inner, maxEntries = MAX_RECORDED_ENTRIES) {
    this.inner = inner;
    this.maxEntries = maxEntries;
  }
  inner;
  maxEntries;
  recorded = [];
  overflowed = false;
  pieces = [];
  entry(entry) {
    if (!this.overflowed) {
      if (this.recorded.length >= this.maxEntries) {
        this.overflowed = true;
        this.recorded.length = 0;
      } else this.recorded.push({ entry });
    }
    return this.inner.entry(entry);
  }
  data(piece) {
    if (!this.overflowed) this.pieces.push(Buffer.from(piece));
    this.inner.data(piece);
  }
  dataEnd() {
    if (!this.overflowed) {
      const last = this.recorded[this.recorded.length - 1];
      if (last) last.data = Buffer.concat(this.pieces);
      this.pieces = [];
    }
    this.inner.dataEnd();
  }
};
function replay(recorded, visitor) {
  for (const { entry, data } of recorded) {
    const wanted = Math.min(visitor.entry(entry), entry.dataSize);
    if (wanted <= 0) continue;
    const have = data ?? Buffer.alloc(0);
    visitor.data(
      have.length >= wanted ? have.subarray(0, wanted) : Buffer.concat([have, Buffer.alloc(wanted - have.length)])
    );
    visitor.dataEnd();
  }
}

// src/image/read.ts
function sourceKind(ref) {
  for (const kind of ["oci-layout", "docker-archive", "registry"]) {
    if (ref.startsWith(`${kind}:`)) return { kind, target: ref.slice(kind.length + 1) };
  }
  return { kind: "engine", target: ref };
}
async function openSource(ref, options, limits) {
  const { kind, target } = sourceKind(ref);
  if (!target) throw new UsageError(`empty image reference: ${JSON.stringify(ref)}`);
  switch (kind) {
    case "oci-layout":
      return openLayoutDir(target, limits.maxJsonBytes);
    case "docker-archive":
      return openTarFile(target, limits.maxJsonBytes);
    case "registry":
      return openRegistryImage(target, limits.maxJsonBytes, limits.registryIdleMs);
    case "engine":
      if (await engineHasImage(target)) return openEngineImage(target, limits.maxJsonBytes, options.tempDir);
      if (hasRegistryHost(target))
        return openRegistryImage(target, limits.maxJsonBytes, limits.registryIdleMs);
      throw new UsageError(
        `image not found in the local engine: ${target} (use oci-layout:DIR, docker-archive:FILE or registry:HOST/REPO:TAG for other sources)`
      );
  }
}
function toHistory(config) {
  return (Array.isArray(config.history) ? config.history : []).map((h) => {
    const entry = {
      createdBy: String(h?.created_by ?? ""),
      emptyLayer: h?.empty_layer === true
    };
    if (typeof h?.created === "string") entry.created = h.created;
    if (typeof h?.comment === "string") entry.comment = h.comment;
    return entry;
  });
}
function mapLayersToHistory(history, layerCount) {
  const nonEmpty = history.flatMap((h, i) => h.emptyLayer ? [] : [i]);
  return Array.from({ length: layerCount }, (_, i) => nonEmpty[i]);
}
function describeLayerError(error, index, digest) {
  const where = `layer ${index} (${digest})`;
  if (error instanceof CompressionError) return new UsageError(`${where}: ${error.message}`);
  if (error instanceof TarError) return new UsageError(`${where}: not a valid tar: ${error.message}`);
  const { code, message } = error ?? {};
  if (typeof code === "string" || message === "terminated")
    return new UsageError(
      `${where}: reading failed: ${String(message)}${typeof code === "string" ? ` (${code})` : ""}`
    );
  return error;
}
function layerVerification(layer, diffId) {
  if (layer.key === layer.digest)
    return {
      expected: { digest: layer.digest, ...layer.compressedSize > 0 ? { size: layer.compressedSize } : {} },
      side: "blob"
    };
  const named = digestFromArchivePath(layer.key);
  if (named) return { expected: { digest: named }, side: "blob" };
  return typeof diffId === "string" ? { expected: { digest: diffId }, side: "tar" } : void 0;
}
async function readLayers(resolved, source, builder, limits, warnings) {
  const inflater = new LayerInflater();
  try {
    return await readLayersWith(inflater, resolved, source, builder, limits, warnings);
  } finally {
    await inflater.close();
  }
}
async function readLayersWith(inflater, resolved, source, builder, limits, warnings) {
  const stats = [];
  const diffIds = diffIdList(resolved.config.rootfs);
  const remaining = /* @__PURE__ */ new Map();
  for (const layer of resolved.layers) remaining.set(layer.key, (remaining.get(layer.key) ?? 0) + 1);
  const recordings = /* @__PURE__ */ new Map();
  let inflated = 0;
  for (const [index, layer] of resolved.layers.entries()) {
    const left = (remaining.get(layer.key) ?? 1) - 1;
    remaining.set(layer.key, left);
    builder.beginLayer(index);
    const recording = recordings.get(layer.key);
    if (recording) {
      replay(recording, builder);
      if (left === 0) recordings.delete(layer.key);
      stats.push(builder.endLayer());
      continue;
    }
    const blob = await source.store.open(layer.key);
    const verification = layerVerification(layer, diffIds[index] || void 0);
    if (!verification) warnings.addTampering(`layer ${index} (${layer.key}): no digest to verify it against`);
    const recorder = left > 0 ? new RecordingVisitor(builder) : void 0;
    try {
      const { digestProblem, tarBytes } = await parseLayer(
        blob,
        recorder ?? builder,
        limits.maxExtensionBytes,
        verification,
        { maxBytes: limits.maxUncompressedBytes - inflated, maxRatio: limits.maxCompressionRatio },
        { inflater, file: await source.store.file?.(layer.key) }
      );
      inflated += tarBytes;
      if (digestProblem) warnings.addTampering(`layer ${index} (${layer.digest}) ${digestProblem}`);
    } catch (error) {
      throw describeLayerError(error, index, layer.digest);
    } finally {
      blob.destroy();
    }
    if (recorder && !recorder.overflowed) recordings.set(layer.key, recorder.recorded);
    stats.push(builder.endLayer());
  }
  return stats;
}
async function readImage(source, options = {}) {
  const limits = resolveLimits(options.limits);
  const warnings = new Warnings(limits.maxWarnings);
  const opened = await openSource(source, options, limits);
  try {
    const resolved = await resolveImage(
      opened,
      options.platform ?? hostPlatform(),
      limits.maxJsonBytes,
      warnings
    );
    const builder = new FileIndexBuilder(source, limits, warnings, options.capture);
    const scanner = options.scan ? new MarkerScanner(builder, options.scan, resolved.config.config ?? {}) : void 0;
    const stats = await readLayers(resolved, opened, scanner ?? builder, limits, warnings);
    const history = toHistory(resolved.config);
    const historyIndexes = mapLayersToHistory(history, resolved.layers.length);
    const nonEmpty = history.filter((h) => !h.emptyLayer).length;
    if (history.length > 0 && nonEmpty !== resolved.layers.length)
      warnings.add(`history lists ${nonEmpty} layer-making steps for ${resolved.layers.length} layers`);
    const diffIds = diffIdList(resolved.config.rootfs);
    const layers = resolved.layers.map((layer, index2) => {
      const historyIndex = historyIndexes[index2];
      const info = {
        index: index2,
        digest: layer.digest,
        mediaType: layer.mediaType,
        compressedSize: layer.compressedSize,
        sizeBytes: stats[index2]?.sizeBytes ?? 0,
        createdBy: historyIndex === void 0 ? "" : history[historyIndex]?.createdBy ?? "",
        fileCount: stats[index2]?.fileCount ?? 0
      };
      const diffId = diffIds[index2];
      if (diffId) info.diffId = diffId;
      if (historyIndex !== void 0) info.historyIndex = historyIndex;
      return info;
    });
    const totals = builder.totals();
    const config = resolved.config;
    const index = {
      ref: source,
      config: sanitizeContainerConfig(config.config, warnings),
      history,
      layers,
      files: builder.files,
      shadowed: builder.shadowed,
      contents: builder.contents,
      sizeBytes: totals.sizeBytes,
      wastedBytes: totals.wastedBytes,
      efficiency: totals.efficiency,
      warnings: warnings.toArray()
    };
    if (scanner) index.markers = scanner.found;
    const tampering = warnings.tampering();
    if (tampering.length > 0) index.tampering = tampering;
    if (resolved.digest) index.digest = resolved.digest;
    const os = configString(config.os);
    const architecture = configString(config.architecture);
    const variant = configString(config.variant);
    if (os && architecture) index.platform = { os, architecture, ...variant ? { variant } : {} };
    if (resolved.attestations) index.attestations = resolved.attestations;
    if (resolved.indexFromAttestations !== void 0)
      index.indexFromAttestations = resolved.indexFromAttestations;
    return index;
  } finally {
    await opened.close();
  }
}

export {
  DEFAULT_LIMITS,
  sourceKind,
  mapLayersToHistory,
  readImage
};
