import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, evidenceItems, evidenceVersions } from "#db/schema/index";
import { objectPath } from "~/storage/blob-storage";
import { overrideEnv } from "~/utils/env.server";
import * as vendorDetail from "~/routes/vendor.$orgId.evidence.$evidenceId";
import * as vendorLibrary from "~/routes/vendor.$orgId.evidence._index";
import * as uploadEndpoint from "~/routes/vendor.$orgId.evidence.upload";
import { fakeExecutable, minimalPdf, sha256Of, smallWorkbook, tinyPng, uploadRequest } from "../factories/evidence";
import { createOrganization } from "../factories/index";
import { db, TEST_ORIGIN } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

let dataDir: string;
let vendorId: string;
let cookie: string;

beforeAll(async () => {
  // A folder of this file's own, so "nothing left behind" looks only at these tests' uploads.
  dataDir = await mkdtemp(path.join(os.tmpdir(), "evidence-upload-"));
  overrideEnv({ DATA_DIR: dataDir, MAX_UPLOAD_MB: "1" });
  vendorId = (await createOrganization(db(), "vendor")).id;
  cookie = (await person(vendorId, "responder")).cookie;
});

beforeEach(() => overrideEnv({ MAX_UPLOAD_MB: "1" }));

const upload = (fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, query = "") =>
  call(uploadEndpoint.action as Handler, uploadRequest(`/vendor/${vendorId}/evidence/upload${query}`, cookie, fields, file), { orgId: vendorId });

async function stagingLeftovers() {
  try {
    return await readdir(path.join(dataDir, "evidence", "staging"));
  } catch {
    return [];
  }
}

async function itemsOf(orgId: string) {
  return db().select().from(evidenceItems).where(eq(evidenceItems.vendorOrgId, orgId));
}

const certificate = { title: "ISO 27001 certificate", kind: "certificate", issueDate: "2026-01-10", validUntil: "2029-01-09" };

describe("uploading evidence", () => {
  it("streams a PDF to storage under its SHA-256, records it with its dates and audits it", async () => {
    const bytes = minimalPdf("ISO 27001");
    const result = await upload(certificate, { name: "iso-27001.pdf", bytes });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, url: expect.stringMatching(new RegExp(`/vendor/${vendorId}/evidence/[0-9a-f-]{36}$`)) });
    const evidenceId = (result.body as { evidenceId: string }).evidenceId;
    const [version] = await db().select().from(evidenceVersions).where(eq(evidenceVersions.evidenceId, evidenceId));
    expect(version).toMatchObject({
      version: 1,
      sha256: sha256Of(bytes),
      sizeBytes: bytes.length,
      contentType: "application/pdf",
      fileName: "iso-27001.pdf",
      issueDate: "2026-01-10",
      validUntil: "2029-01-09",
    });
    const stored = await readFile(path.join(dataDir, "evidence", objectPath(sha256Of(bytes))));
    expect(sha256Of(stored)).toBe(sha256Of(bytes));
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.entityId, evidenceId));
    expect(event).toMatchObject({ action: "evidence.uploaded", organizationId: vendorId });
    expect(event.summary).toMatchObject({ sha256: sha256Of(bytes), fileName: "iso-27001.pdf" });
    expect(await stagingLeftovers()).toEqual([]);
  });

  it("keeps the history when a new version supersedes the current one", async () => {
    const first = await upload({ title: "Privacy policy", kind: "policy" }, { name: "policy-2025.pdf", bytes: minimalPdf("v1") });
    const evidenceId = (first.body as { evidenceId: string }).evidenceId;
    const second = await upload({ validUntil: "2027-12-31" }, { name: "policy-2026.pdf", bytes: minimalPdf("v2") }, `?evidenceId=${evidenceId}`);
    expect(second.status).toBe(200);
    const versions = await db().select().from(evidenceVersions).where(eq(evidenceVersions.evidenceId, evidenceId));
    expect(versions.map((v) => [v.version, v.fileName]).sort()).toEqual([
      [1, "policy-2025.pdf"],
      [2, "policy-2026.pdf"],
    ]);
    const [item] = await db().select().from(evidenceItems).where(eq(evidenceItems.id, evidenceId));
    expect(item.currentVersionId).toBe(versions.find((v) => v.version === 2)!.id);
    const events = await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, evidenceId));
    expect(events.map((e) => e.action).sort()).toEqual(["evidence.uploaded", "evidence.version_added"]);
  });

  it("stores the same bytes once, however many documents use them", async () => {
    const bytes = minimalPdf("shared bytes");
    await upload({ title: "Copy A", kind: "report" }, { name: "a.pdf", bytes });
    await upload({ title: "Copy B", kind: "report" }, { name: "b.pdf", bytes });
    const rows = await db().select().from(evidenceVersions).where(eq(evidenceVersions.sha256, sha256Of(bytes)));
    expect(rows).toHaveLength(2);
    const folder = path.dirname(path.join(dataDir, "evidence", objectPath(sha256Of(bytes))));
    expect((await readdir(folder)).filter((name) => name === sha256Of(bytes))).toHaveLength(1);
  });

  it.each([
    ["a PNG image", "screen.png", () => tinyPng, "image/png"],
    ["a spreadsheet", "roster.xlsx", smallWorkbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["a CSV file", "roster.csv", () => new TextEncoder().encode("agent;course\nA-1;AVG\n"), "text/csv; charset=utf-8"],
    ["plain text named like a web page", "notes.html", () => new TextEncoder().encode("<script>alert(1)</script>"), "text/plain; charset=utf-8"],
  ])("accepts %s and records the type its content shows", async (_label, name, bytes, contentType) => {
    const result = await upload({ title: name, kind: "other" }, { name, bytes: await bytes() });
    expect(result.status).toBe(200);
    const [version] = await db()
      .select()
      .from(evidenceVersions)
      .where(eq(evidenceVersions.evidenceId, (result.body as { evidenceId: string }).evidenceId));
    expect(version.contentType).toBe(contentType);
  });
});

describe("refused uploads leave neither a file nor a row", () => {
  let vendor: string;
  let refusedCookie: string;
  beforeAll(async () => {
    vendor = (await createOrganization(db(), "vendor")).id;
    refusedCookie = (await person(vendor, "admin")).cookie;
  });
  const refuse = (fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) =>
    call(uploadEndpoint.action as Handler, uploadRequest(`/vendor/${vendor}/evidence/upload`, refusedCookie, fields, file), { orgId: vendor });

  it.each([
    ["an executable named like a PDF", "certificate.pdf", fakeExecutable(), 422, "evidence:errors.executable"],
    ["a shell script", "run.txt", new TextEncoder().encode("#!/bin/sh\nrm -rf /\n"), 422, "evidence:errors.executable"],
    ["an empty file", "empty.pdf", new Uint8Array(), 422, "evidence:errors.emptyFile"],
    ["a PDF cut off before its end", "broken.pdf", minimalPdf().slice(0, 300), 422, "evidence:errors.brokenPdf"],
    ["binary data of no accepted type", "data.bin", Uint8Array.from({ length: 2048 }, (_, i) => (i * 7) % 256), 422, "evidence:errors.unsupportedType"],
  ])("%s", async (_label, name, bytes, status, key) => {
    const result = await refuse({ title: "Refused", kind: "other" }, { name, bytes });
    expect(result.status).toBe(status);
    expect(result.body).toMatchObject({ ok: false, formError: { key } });
    expect(await itemsOf(vendor)).toEqual([]);
    expect(await stagingLeftovers()).toEqual([]);
    if (bytes.length > 0) {
      await expect(stat(path.join(dataDir, "evidence", objectPath(sha256Of(bytes))))).rejects.toThrow();
    }
  });

  it("refuses a file over the size limit with 413 while streaming", async () => {
    overrideEnv({ MAX_UPLOAD_MB: "0.01" });
    const bytes = minimalPdf("x".repeat(20_000));
    const result = await refuse({ title: "Too big", kind: "report" }, { name: "big.pdf", bytes });
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ formError: { key: "evidence:errors.tooLarge", params: { limit: 0 } } });
    expect(await itemsOf(vendor)).toEqual([]);
    expect(await stagingLeftovers()).toEqual([]);
  });

  it("refuses a declared body far over the limit before reading it", async () => {
    overrideEnv({ MAX_UPLOAD_MB: "0.01" });
    const request = new Request(`${TEST_ORIGIN}/vendor/${vendor}/evidence/upload`, {
      method: "POST",
      body: "x",
      headers: { cookie: refusedCookie, "content-type": "multipart/form-data; boundary=abc", "content-length": String(50 * 1024 * 1024) },
    });
    const result = await call(uploadEndpoint.action as Handler, request, { orgId: vendor });
    expect(result.status).toBe(413);
  });

  it("reports bad metadata per field and keeps nothing", async () => {
    const result = await refuse({ title: "", kind: "certificate", issueDate: "2026-05-01", validUntil: "2026-04-01" }, { name: "c.pdf", bytes: minimalPdf("meta") });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      ok: false,
      fieldErrors: { title: ["validation.required"], validUntil: ["evidence:errors.validBeforeIssue"] },
    });
    expect(await itemsOf(vendor)).toEqual([]);
    expect(await stagingLeftovers()).toEqual([]);
  });

  it("asks for a file when none was chosen, and refuses a form that is not multipart", async () => {
    const noFile = await refuse({ title: "No file", kind: "other" });
    expect(noFile.body).toMatchObject({ formError: { key: "evidence:errors.noFile" } });
    const urlEncoded = new Request(`${TEST_ORIGIN}/vendor/${vendor}/evidence/upload`, {
      method: "POST",
      body: new URLSearchParams({ title: "x" }),
      headers: { cookie: refusedCookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await call(uploadEndpoint.action as Handler, urlEncoded, { orgId: vendor })).status).toBe(422);
    expect(await itemsOf(vendor)).toEqual([]);
  });

  it("keeps nothing of an upload interrupted half-way", async () => {
    const form = new FormData();
    form.append("title", "Interrupted");
    form.append("kind", "report");
    form.append("file", new Blob([minimalPdf("y".repeat(200_000)) as Uint8Array<ArrayBuffer>]), "interrupted.pdf");
    const full = new Uint8Array(await new Response(form).arrayBuffer());
    const contentType = new Response(form).headers.get("content-type")!;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= full.length / 2) {
          controller.error(new Error("connection reset"));
          return;
        }
        controller.enqueue(full.slice(sent, sent + 16_384));
        sent += 16_384;
      },
    });
    const request = new Request(`${TEST_ORIGIN}/vendor/${vendor}/evidence/upload`, {
      method: "POST",
      body,
      headers: { cookie: refusedCookie, "content-type": contentType },
      duplex: "half",
    } as RequestInit);
    const result = await call(uploadEndpoint.action as Handler, request, { orgId: vendor });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ formError: { key: "evidence:errors.aborted" } });
    expect(await itemsOf(vendor)).toEqual([]);
    expect(await stagingLeftovers()).toEqual([]);
  });

  it("404s a new version for another organization's document, before reading the file", async () => {
    const other = (await createOrganization(db(), "vendor")).id;
    const otherCookie = (await person(other, "admin")).cookie;
    const mine = await call(
      uploadEndpoint.action as Handler,
      uploadRequest(`/vendor/${other}/evidence/upload`, otherCookie, { title: "Theirs", kind: "policy" }, { name: "p.pdf", bytes: minimalPdf("theirs") }),
      { orgId: other },
    );
    const theirId = (mine.body as { evidenceId: string }).evidenceId;
    const result = await call(
      uploadEndpoint.action as Handler,
      uploadRequest(`/vendor/${vendor}/evidence/upload?evidenceId=${theirId}`, refusedCookie, {}, { name: "p2.pdf", bytes: minimalPdf("hijack") }),
      { orgId: vendor },
    );
    expect(result.status).toBe(404);
    expect(await db().select().from(evidenceVersions).where(eq(evidenceVersions.evidenceId, theirId))).toHaveLength(1);
  });

  it("lets a vendor viewer look but not upload", async () => {
    const viewer = (await person(vendor, "viewer")).cookie;
    const result = await call(
      uploadEndpoint.action as Handler,
      uploadRequest(`/vendor/${vendor}/evidence/upload`, viewer, { title: "x", kind: "other" }, { name: "x.pdf", bytes: minimalPdf() }),
      { orgId: vendor },
    );
    expect(result.status).toBe(403);
    const page = await call(vendorLibrary.loader as Handler, new Request(`${TEST_ORIGIN}/vendor/${vendor}/evidence`, { headers: { cookie: viewer } }), { orgId: vendor });
    expect(page.status).toBe(200);
  });
});

describe("the page forms without JavaScript", () => {
  it("uploads from the library page and redirects to the new document", async () => {
    const request = uploadRequest(`/vendor/${vendorId}/evidence`, cookie, { title: "No-JS upload", kind: "report" }, { name: "r.pdf", bytes: minimalPdf("nojs") });
    const result = await call(vendorLibrary.action as Handler, request, { orgId: vendorId });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(new RegExp(`/vendor/${vendorId}/evidence/[0-9a-f-]{36}$`));
  });

  it("adds a version from the document page", async () => {
    const created = await upload({ title: "Versioned", kind: "report" }, { name: "v1.pdf", bytes: minimalPdf("nojs v1") });
    const evidenceId = (created.body as { evidenceId: string }).evidenceId;
    const request = uploadRequest(`/vendor/${vendorId}/evidence/${evidenceId}`, cookie, {}, { name: "v2.pdf", bytes: minimalPdf("nojs v2") });
    const result = await call(vendorDetail.action as Handler, request, { orgId: vendorId, evidenceId });
    expect(result.status).toBe(302);
    expect(await db().select().from(evidenceVersions).where(eq(evidenceVersions.evidenceId, evidenceId))).toHaveLength(2);
  });
});
