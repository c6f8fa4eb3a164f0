import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Executor } from "#db/client.server";
import { evidenceItems, evidenceLinks, evidenceVersions } from "#db/schema/index";
import { storage } from "~/storage/storage.server";
import { TEST_ORIGIN } from "../helpers";

/**
 * Files for upload tests, made in code so each is exactly what its name says: a small valid
 * PDF, a PNG, a spreadsheet, and the bad ones (an executable in disguise, a cut-off PDF, …).
 */
export function minimalPdf(text = "Certificate", paddingBytes = 0): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 18 Tf 40 100 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 40 100 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  // Comment lines after the header make a bigger file that is still a valid PDF.
  let body = `%PDF-1.4\n${`%${"x".repeat(1022)}\n`.repeat(Math.ceil(paddingBytes / 1024))}`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A 1×1 transparent PNG. */
export const tinyPng = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

/** The start of a Windows program, padded: "MZ" and a PE header offset. */
export function fakeExecutable(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x4d, 0x5a, 0x90, 0x00]);
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
  return bytes;
}

export async function smallWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Roster").addRow(["agent", "course"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A multipart upload as the browser sends it: fields first, then the file. */
export function uploadRequest(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: TEST_ORIGIN, accept: "application/json" },
  });
}

/**
 * A vendor's document with one stored PDF version, optionally shared with a partnership's
 * client: for tests that need evidence to exist rather than to test the upload itself.
 */
export async function createStoredEvidence(
  executor: Executor,
  vendorOrgId: string,
  options: { title?: string; validUntil?: string | null; sharedWith?: string; bytes?: Uint8Array } = {},
) {
  const bytes = options.bytes ?? minimalPdf(`Evidence ${randomUUID().slice(0, 8)}`);
  const sha256 = sha256Of(bytes);
  await storage().put(sha256, bytes);
  const [item] = await executor
    .insert(evidenceItems)
    .values({ vendorOrgId, title: options.title ?? "Test certificate", kind: "certificate" })
    .returning();
  const [version] = await executor
    .insert(evidenceVersions)
    .values({
      evidenceId: item.id,
      version: 1,
      sha256,
      sizeBytes: bytes.length,
      contentType: "application/pdf",
      fileName: "certificate.pdf",
      validUntil: options.validUntil ?? null,
    })
    .returning();
  await executor.update(evidenceItems).set({ currentVersionId: version.id }).where(eq(evidenceItems.id, item.id));
  if (options.sharedWith) {
    await executor
      .insert(evidenceLinks)
      .values({ evidenceId: item.id, partnershipId: options.sharedWith, targetType: "partnership", targetId: options.sharedWith });
  }
  return { evidenceId: item.id, versionId: version.id, sha256, bytes };
}
