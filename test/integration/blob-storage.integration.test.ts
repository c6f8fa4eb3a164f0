import { mkdtemp, readdir } from "node:fs/promises";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSha256, objectPath, type BlobStorage } from "~/storage/blob-storage";
import { localStorage } from "~/storage/local-storage.server";
import { s3Storage } from "~/storage/s3-storage.server";
import { sha256Of } from "../factories/evidence";
import { startTestS3, type TestS3 } from "../setup/s3-server";

let s3: TestS3;
let local: BlobStorage;
let localRoot: string;
let bucket: BlobStorage;
beforeAll(async () => {
  s3 = await startTestS3();
  localRoot = await mkdtemp(path.join(os.tmpdir(), "blob-local-"));
  local = localStorage(localRoot);
  bucket = s3Storage({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
    prefix: "test/",
  });
});
afterAll(async () => {
  await s3?.stop();
});

const bytesOf = (value: string) => new TextEncoder().encode(value);

/** What is left in the staging area: files in the folder, or keys under the bucket's prefix. */
async function localStaging() {
  return readdir(path.join(localRoot, "staging")).catch(() => []);
}
async function bucketStaging() {
  const client = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "test/staging/" }));
  return (listed.Contents ?? []).map((o) => o.Key);
}

describe.each([
  ["a local folder", () => local, localStaging],
  ["an S3-compatible bucket", () => bucket, bucketStaging],
])("blob storage in %s", (_label, storageOf, stagingLeftovers) => {
  it("stages, commits under the hash, and reads back whole or a byte range", async () => {
    const storage = storageOf();
    const content = bytesOf(`evidence ${Math.random()}`);
    const sha = sha256Of(content);
    const staged = await storage.stage(Readable.from([Buffer.from(content)]));
    expect(await storage.exists(sha)).toBe(false);
    await storage.commit(staged, sha);
    expect(await storage.exists(sha)).toBe(true);
    expect(await text(await storage.read(sha))).toBe(new TextDecoder().decode(content));
    expect(await text(await storage.read(sha, { start: 0, end: 7 }))).toBe("evidence");
  });

  it("keeps one object when the same bytes are committed twice", async () => {
    const storage = storageOf();
    const content = bytesOf(`twice ${Math.random()}`);
    const sha = sha256Of(content);
    await storage.commit(await storage.stage(Readable.from([Buffer.from(content)])), sha);
    await storage.commit(await storage.stage(Readable.from([Buffer.from(content)])), sha);
    expect(await text(await storage.read(sha))).toBe(new TextDecoder().decode(content));
    await storage.remove(sha);
    expect(await storage.exists(sha)).toBe(false);
  });

  it("leaves nothing when the source fails half-way, and discards what it was told to", async () => {
    const storage = storageOf();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.stage(failing)).rejects.toThrow();
    expect(await stagingLeftovers()).toEqual([]);
    const staged = await storage.stage(Readable.from([Buffer.from("to be discarded")]));
    expect(await stagingLeftovers()).toHaveLength(1);
    await storage.discard(staged);
    expect(await stagingLeftovers()).toEqual([]);
  });

  it("stores generated files directly", async () => {
    const storage = storageOf();
    const content = bytesOf(`generated ${Math.random()}`);
    await storage.put(sha256Of(content), content);
    expect(await text(await storage.read(sha256Of(content)))).toBe(new TextDecoder().decode(content));
  });
});

describe("object names", () => {
  it("are hashes only, fanned out over two folder levels", () => {
    const sha = "ab".repeat(32);
    expect(objectPath(sha)).toBe(`objects/ab/ab/${sha}`);
    expect(() => assertSha256("../../etc/passwd")).toThrow();
    expect(() => objectPath("AB".repeat(32))).toThrow();
  });
});
