import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
// s3rver ships no types; it is a test-only S3-compatible server from npm.
// @ts-expect-error no type declarations
import S3rver from "s3rver";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  settings: Record<"S3_BUCKET" | "S3_ENDPOINT" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "S3_FORCE_PATH_STYLE" | "S3_REGION", string>;
  stop: () => Promise<void>;
}

/** A real S3-compatible server (s3rver) on a free port, with one empty bucket, in a temp folder. */
export async function startTestS3(bucket = "evidence"): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    settings: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      // s3rver's fixed credentials
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
      S3_REGION: "us-east-1",
    },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
