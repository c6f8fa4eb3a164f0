import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { objectPath, type BlobStorage, type ByteRange, type StagedBlob } from "./blob-storage";

const STAGING_KEY = /^[0-9a-f-]{36}$/;

/** Blobs in a folder (DATA_DIR/evidence by default). Commit is a rename: atomic on one disk. */
export function localStorage(root: string): BlobStorage {
  const stagingDir = path.join(root, "staging");
  const stagingPath = (staged: StagedBlob) => {
    if (!STAGING_KEY.test(staged.stagingKey)) throw new Error("Bad staging key");
    return path.join(stagingDir, staged.stagingKey);
  };
  const finalPath = (sha256: string) => path.join(root, objectPath(sha256));
  const exists = async (sha256: string) => {
    try {
      await access(finalPath(sha256));
      return true;
    } catch {
      return false;
    }
  };

  return {
    kind: "local",
    async stage(source: Readable) {
      await mkdir(stagingDir, { recursive: true });
      const staged = { stagingKey: randomUUID() };
      const target = stagingPath(staged);
      try {
        await pipeline(source, createWriteStream(target, { flags: "wx", highWaterMark: 1024 * 1024 }));
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      return staged;
    },
    async commit(staged, sha256) {
      const target = finalPath(sha256);
      if (await exists(sha256)) {
        await rm(stagingPath(staged), { force: true });
        return;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(stagingPath(staged), target);
    },
    async discard(staged) {
      await rm(stagingPath(staged), { force: true });
    },
    async put(sha256, bytes) {
      const target = finalPath(sha256);
      if (await exists(sha256)) return;
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${randomUUID()}`);
      await writeFile(temp, bytes);
      await rename(temp, target);
    },
    async read(sha256: string, range?: ByteRange) {
      const file = finalPath(sha256);
      await access(file);
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },
    exists,
    async remove(sha256) {
      await rm(finalPath(sha256), { force: true });
    },
  };
}
