import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { objectPath, type BlobStorage, type ByteRange, type StagedBlob } from "./blob-storage";

export interface S3Settings {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (bucket in the path), as MinIO and most self-hosted servers want. */
  forcePathStyle: boolean;
  /** Prepended to every key, so one bucket can serve several environments. */
  prefix: string;
}

const STAGING_KEY = /^[0-9a-f-]{36}$/;

/**
 * Blobs in an S3-compatible bucket. An upload streams into a staging key as a multipart upload
 * (a few 5 MB parts in memory at most), and commit copies it server-side to its content key.
 */
export function s3Storage(settings: S3Settings): BlobStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the newer
    // checksum trailers, and the content hash is checked by the app anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
  const Bucket = settings.bucket;
  const stagingKey = (staged: StagedBlob) => {
    if (!STAGING_KEY.test(staged.stagingKey)) throw new Error("Bad staging key");
    return `${settings.prefix}staging/${staged.stagingKey}`;
  };
  const finalKey = (sha256: string) => `${settings.prefix}${objectPath(sha256)}`;
  const exists = async (sha256: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: finalKey(sha256) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };
  const deleteKey = (Key: string) => client.send(new DeleteObjectCommand({ Bucket, Key }));

  return {
    kind: "s3",
    async stage(source: Readable) {
      const staged = { stagingKey: randomUUID() };
      const Key = stagingKey(staged);
      const upload = new Upload({ client, params: { Bucket, Key, Body: source }, queueSize: 2, partSize: 5 * 1024 * 1024 });
      // A failing source (too large, cancelled) must stop the upload rather than leave it hanging.
      const onSourceError = () => void upload.abort().catch(() => {});
      source.once("error", onSourceError);
      try {
        await upload.done();
      } catch (error) {
        await upload.abort().catch(() => {});
        await deleteKey(Key).catch(() => {});
        throw error;
      } finally {
        source.off("error", onSourceError);
      }
      return staged;
    },
    async commit(staged, sha256) {
      const from = stagingKey(staged);
      if (!(await exists(sha256))) {
        await client.send(
          new CopyObjectCommand({ Bucket, Key: finalKey(sha256), CopySource: `${Bucket}/${from.split("/").map(encodeURIComponent).join("/")}` }),
        );
      }
      await deleteKey(from);
    },
    async discard(staged) {
      await deleteKey(stagingKey(staged));
    },
    async put(sha256, bytes) {
      if (await exists(sha256)) return;
      await client.send(new PutObjectCommand({ Bucket, Key: finalKey(sha256), Body: bytes }));
    },
    async read(sha256: string, range?: ByteRange) {
      const result = await client.send(
        new GetObjectCommand({ Bucket, Key: finalKey(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!(result.Body instanceof Readable)) throw new Error("S3 returned no readable body");
      return result.Body;
    },
    exists,
    async remove(sha256) {
      await deleteKey(finalKey(sha256));
    },
  };
}

function isNotFound(error: unknown) {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404)
  );
}
