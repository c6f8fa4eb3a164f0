import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectPath } from "~/storage/blob-storage";
import { overrideEnv } from "~/utils/env.server";
import * as vendorFile from "~/routes/vendor.$orgId.evidence.$evidenceId_.file";
import * as uploadEndpoint from "~/routes/vendor.$orgId.evidence.upload";
import { fakeExecutable, minimalPdf, sha256Of, uploadRequest } from "../factories/evidence";
import { createOrganization } from "../factories/index";
import { db, TEST_ORIGIN, testContext } from "../helpers";
import { startTestS3, type TestS3 } from "../setup/s3-server";
import { call, person, type Handler } from "./requests-helpers";

let s3: TestS3;
let client: S3Client;
let vendorId: string;
let cookie: string;

beforeAll(async () => {
  s3 = await startTestS3();
  overrideEnv({ ...s3.settings, MAX_UPLOAD_MB: "20" });
  client = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  vendorId = (await createOrganization(db(), "vendor")).id;
  cookie = (await person(vendorId, "admin")).cookie;
});
afterAll(async () => {
  overrideEnv({ S3_BUCKET: undefined, S3_ENDPOINT: undefined });
  await s3?.stop();
});

async function keys() {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

const upload = (fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) =>
  call(uploadEndpoint.action as Handler, uploadRequest(`/vendor/${vendorId}/evidence/upload`, cookie, fields, file), { orgId: vendorId });

describe("evidence in an S3-compatible bucket", () => {
  it("streams a multi-part upload into the bucket under its hash and serves it back byte for byte", async () => {
    // Over 5 MB: the upload goes to the bucket as a multipart upload, never whole in memory.
    const bytes = minimalPdf("Pentest report", 6 * 1024 * 1024);
    const result = await upload({ title: "Pentest report 2026", kind: "report" }, { name: "pentest.pdf", bytes });
    expect(result.body).toMatchObject({ ok: true });
    expect(await keys()).toEqual([objectPath(sha256Of(bytes))]);

    const evidenceId = (result.body as { evidenceId: string }).evidenceId;
    const response = (await vendorFile.loader({
      request: new Request(`${TEST_ORIGIN}/vendor/${vendorId}/evidence/${evidenceId}/file?download=1`, { headers: { cookie } }),
      params: { orgId: vendorId, evidenceId },
      context: testContext,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(sha256Of(new Uint8Array(await response.arrayBuffer()))).toBe(sha256Of(bytes));
  });

  it("leaves nothing in the bucket for a refused or oversized upload", async () => {
    const before = await keys();
    const refused = await upload({ title: "Tool", kind: "other" }, { name: "tool.pdf", bytes: fakeExecutable() });
    expect(refused.status).toBe(422);
    overrideEnv({ MAX_UPLOAD_MB: "1" });
    const oversized = await upload({ title: "Huge", kind: "report" }, { name: "huge.pdf", bytes: minimalPdf("huge", 2 * 1024 * 1024) });
    overrideEnv({ MAX_UPLOAD_MB: "20" });
    expect(oversized.status).toBe(413);
    expect(await keys()).toEqual(before);
  });
});
