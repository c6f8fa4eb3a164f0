import path from "node:path";
import { env } from "~/utils/env.server";
import type { BlobStorage } from "./blob-storage";
import { localStorage } from "./local-storage.server";
import { s3Storage } from "./s3-storage.server";

let cached: { key: string; storage: BlobStorage } | undefined;

/** The configured storage: an S3-compatible bucket when S3_BUCKET is set, else DATA_DIR/evidence. */
export function storage(): BlobStorage {
  const settings = env();
  const key = settings.S3_BUCKET ? `s3:${settings.S3_ENDPOINT ?? ""}:${settings.S3_BUCKET}` : `local:${settings.DATA_DIR}`;
  if (cached?.key !== key) {
    cached = {
      key,
      storage: settings.S3_BUCKET
        ? s3Storage({
            bucket: settings.S3_BUCKET,
            endpoint: settings.S3_ENDPOINT,
            region: settings.S3_REGION,
            accessKeyId: settings.S3_ACCESS_KEY_ID,
            secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
            forcePathStyle: settings.S3_FORCE_PATH_STYLE,
            prefix: settings.S3_PREFIX,
          })
        : localStorage(path.resolve(settings.DATA_DIR, "evidence")),
    };
  }
  return cached.storage;
}
