// What the image reader (image/) hands the checks (checks/): one file index
// built in a single streaming pass over the layers, the config and history,
// and the few file contents the checks asked for while the stream went by.

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other'

export interface ImageFile {
  /** Absolute, normalised path inside the image: `/usr/bin/sh`. */
  path: string
  type: FileType
  /** Uncompressed size in bytes (0 for non-files). */
  size: number
  /** Permission bits including setuid/setgid/sticky (e.g. 0o4755). */
  mode: number
  uid: number
  gid: number
  /** Target of a symlink or hard link. */
  linkTarget?: string
  /** Index (into ImageIndex.layers) of the layer this version of the file came from. */
  layer: number
}

/** A version of a file that a later layer deleted (whiteout) or replaced. */
export interface ShadowedFile extends ImageFile {
  /** Layer that deleted or overwrote it. */
  hiddenBy: number
  how: 'deleted' | 'overwritten'
}

export interface LayerInfo {
  index: number
  /** Digest of the blob as stored (compressed). */
  digest: string
  /** Digest of the uncompressed tar (the config's rootfs.diff_ids entry). */
  diffId?: string
  mediaType: string
  compressedSize: number
  /** Sum of regular-file sizes in the layer, as dive counts layer size. */
  sizeBytes: number
  /** Index into ImageIndex.history of the entry that made this layer. */
  historyIndex?: number
  createdBy: string
  fileCount: number
}

export interface HistoryEntry {
  created?: string
  createdBy: string
  comment?: string
  emptyLayer: boolean
}

/** The `config` object of the OCI image config (Docker's container config). */
export interface ContainerConfig {
  User?: string
  Env?: string[]
  Entrypoint?: string[] | null
  Cmd?: string[] | null
  WorkingDir?: string
  Labels?: Record<string, string> | null
  ExposedPorts?: Record<string, unknown>
  Volumes?: Record<string, unknown>
  Healthcheck?: unknown
}

export interface ImageIndex {
  /** The reference the user gave (image name, oci-layout:DIR, docker-archive:FILE). */
  ref: string
  /** Manifest digest, when known. */
  digest?: string
  platform?: { os: string; architecture: string; variant?: string }
  config: ContainerConfig
  history: HistoryEntry[]
  layers: LayerInfo[]
  /** The merged filesystem of the final image, keyed by path. */
  files: Map<string, ImageFile>
  /** Every earlier version of a file that a later layer deleted or overwrote. */
  shadowed: ShadowedFile[]
  /** Contents captured during the pass, keyed by `${layer}:${path}` (possibly truncated to the requested size). */
  contents: Map<string, Buffer>
  /** With ReadOptions.scan: the markers each scanned file contains, keyed like `contents` (files with none are absent). */
  markers?: Map<string, string[]>
  /** Uncompressed bytes of all layers, and the bytes a later layer made unreachable (dive's wasted bytes). */
  sizeBytes: number
  wastedBytes: number
  /** dive's image efficiency, 0..1. */
  efficiency: number
  /** Attestations found beside the image manifest (undefined when the source cannot tell). */
  attestations?: { sbom: boolean; provenance: boolean }
  /** True when the image came as an index only because of attestation manifests (single platform). */
  indexFromAttestations?: boolean
  /** Problems the reader met in hostile or damaged input that did not stop it. */
  warnings: string[]
  /**
   * Signs the image was tampered with to mislead a checker: a blob whose bytes
   * do not match its digest, a whiteout no runtime accepts. Reported as errors.
   */
  tampering?: string[]
}

/**
 * Asked once per regular file while a layer streams by: how many leading
 * bytes of its contents to keep in ImageIndex.contents (0 keeps none). The
 * checks supply it so the reader stays generic and memory stays bounded.
 */
export type CapturePolicy = (path: string, size: number, mode: number) => number

export function contentKey(layer: number, path: string): string {
  return `${layer}:${path}`
}
