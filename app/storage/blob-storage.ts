import type { Readable } from "node:stream";

/** Bytes written to storage but not yet named: kept only if the upload is accepted. */
export interface StagedBlob {
  readonly stagingKey: string;
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

/**
 * Where uploaded files and generated documents live, named by their SHA-256 (content-addressed:
 * the same bytes are stored once). Two implementations: a folder under DATA_DIR, and an
 * S3-compatible bucket for deployments with several app instances.
 *
 * Uploads go through a staging area so that nothing is visible under a hash until the upload has
 * been checked: `stage` consumes the stream (and removes what it wrote if the stream fails),
 * then the caller either `commit`s it under its hash or `discard`s it.
 */
export interface BlobStorage {
  readonly kind: "local" | "s3";
  stage(source: Readable): Promise<StagedBlob>;
  /** Moves staged bytes to the object named by `sha256`; when that object exists, drops the copy. */
  commit(staged: StagedBlob, sha256: string): Promise<void>;
  discard(staged: StagedBlob): Promise<void>;
  /** Stores small generated files (a signed agreement's PDF) directly. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  read(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Object names are hashes only: nothing a user typed ever becomes part of a path or key. */
export function assertSha256(value: string): string {
  if (!SHA256.test(value)) throw new Error("Not a SHA-256 hex digest");
  return value;
}

/** objects/ab/cd/abcd…: two levels of fan-out keep folders and listings small. */
export function objectPath(sha256: string): string {
  assertSha256(sha256);
  return `objects/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
