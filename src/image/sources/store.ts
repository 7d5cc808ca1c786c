// What every image source offers the manifest resolver and the layer reader:
// a top-level document and blobs opened by digest (or, for legacy docker
// archives, by path inside the archive), each as a stream.
import type { Readable } from 'node:stream'
import type { BlobFile } from '../inflate-worker.js'
import { UsageError } from '../../errors.js'

/** The document a source starts from. */
export type TopLevel =
  | { kind: 'oci-index'; json: Buffer }
  | { kind: 'manifest'; json: Buffer; digest: string; mediaType?: string }
  | { kind: 'docker-manifest-json'; json: Buffer }

export interface BlobStore {
  /** How the source names itself in messages. */
  readonly label: string
  /** Opens a blob by digest (`sha256:…`) or, for legacy archives, by archive path. */
  open(key: string): Promise<Readable>
  /** Where a blob lies in a local file, for a reader that reads it itself (on another thread); after open(). */
  file?(key: string): Promise<BlobFile | undefined>
  /** Reads a whole small blob, refusing more than maxBytes. */
  readAll(key: string, maxBytes: number): Promise<Buffer>
  /** Whether the blob is present (attestation blobs may have been left out of an archive). */
  has(key: string): Promise<boolean>
  /** Fetches a manifest or index by digest when the source keeps them apart from blobs (registries). */
  manifest?(digest: string, maxBytes: number): Promise<{ json: Buffer; mediaType?: string }>
}

export interface ImageSource {
  store: BlobStore
  top: TopLevel
  /** Whether a source without attestation manifests means "none" (true) or "cannot tell" (false). */
  knowsAttestations: boolean
  close(): Promise<void>
}

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/

/** Validates a digest from untrusted JSON before it becomes a path or URL. */
export function checkDigest(digest: unknown, where: string): string {
  if (typeof digest !== 'string' || !DIGEST.test(digest))
    throw new UsageError(`${where}: invalid digest ${JSON.stringify(digest)}`)
  return digest
}

/** `sha256:abc` → `blobs/sha256/abc` (the OCI layout path). */
export function blobPath(digest: string): string {
  const [algorithm, hex] = digest.split(':') as [string, string]
  return `blobs/${algorithm}/${hex}`
}

export async function readStream(stream: Readable, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      stream.destroy()
      throw new UsageError(`${what} is larger than ${maxBytes} bytes`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, total)
}
