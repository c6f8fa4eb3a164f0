import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "../client.server";
import { evidenceItems, evidenceLinks, evidenceVersions, organizations, partnerships, users } from "../schema/index";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { storage } from "~/storage/storage.server";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";

/**
 * A one-page PDF with a few lines of text (standard Helvetica, WinAnsi): enough for the preview
 * to show something real without a PDF library at start-up.
 */
export function textPdf(lines: string[]): Uint8Array {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = ["BT /F1 20 Tf 60 760 Td", ...lines.map((line, i) => `${i === 0 ? "" : "0 -28 Td "}(${escape(line)}) Tj`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

interface DemoDocument {
  title: string;
  kind: "certificate" | "policy" | "report";
  fileName: string;
  lines: string[];
  issueDate: string;
  validUntil: string | null;
  /** Shared with Voltera's partnership as a whole. */
  shared: boolean;
}

/**
 * Demo evidence for KlantContact Noord: a current ISO 27001 certificate (shared with Voltera), a
 * privacy policy, a penetration test report that expires within the month (so the reminder and
 * the "expires" badge show), and an expired business-continuity test. Runs after the core demo
 * data, which it finds by name and e-mail.
 */
export async function seedDemoEvidence(database: Database) {
  const today = todayInDisplayZone();
  const documents: DemoDocument[] = [
    {
      title: "ISO/IEC 27001:2022 certificaat",
      kind: "certificate",
      fileName: "ISO27001-certificaat-KlantContact-Noord.pdf",
      lines: ["Certificaat ISO/IEC 27001:2022", "KlantContact Noord B.V.", "Scope: klantcontact en telemarketing", `Geldig tot ${addDays(today, 540)}`],
      issueDate: addDays(today, -555),
      validUntil: addDays(today, 540),
      shared: true,
    },
    {
      title: "Privacybeleid 2026",
      kind: "policy",
      fileName: "privacybeleid-2026.pdf",
      lines: ["Privacybeleid 2026", "KlantContact Noord B.V.", "Vastgesteld door de directie"],
      issueDate: addDays(today, -120),
      validUntil: null,
      shared: false,
    },
    {
      title: "Penetratietest contactcenterplatform",
      kind: "report",
      fileName: "pentest-rapport.pdf",
      lines: ["Penetratietest", "Contactcenterplatform KlantContact Noord", "Geen kritieke bevindingen"],
      issueDate: addDays(today, -345),
      validUntil: addDays(today, 20),
      shared: true,
    },
    {
      title: "Test bedrijfscontinuiteitsplan",
      kind: "report",
      fileName: "bcp-test.pdf",
      lines: ["Test bedrijfscontinuiteitsplan", "Uitwijk naar locatie Groningen"],
      issueDate: addDays(today, -400),
      validUntil: addDays(today, -35),
      shared: false,
    },
  ];

  const [vendor] = await database.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "KlantContact Noord B.V."));
  if (!vendor) return;
  const [partnership] = await database.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.vendorOrgId, vendor.id));
  const [fatima] = await database
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, ["fatima.elamrani@klantcontactnoord.example"]));
  const files = documents.map((doc) => {
    const bytes = textPdf(doc.lines);
    return { doc, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
  for (const file of files) await storage().put(file.sha256, file.bytes);
  await database.transaction(async (tx) => {
    for (const { doc, bytes, sha256 } of files) await insertDocument(tx, vendor.id, partnership?.id ?? null, fatima?.id ?? null, doc, bytes, sha256);
  });
}

async function insertDocument(
  tx: Transaction,
  vendorOrgId: string,
  partnershipId: string | null,
  userId: string | null,
  doc: DemoDocument,
  bytes: Uint8Array,
  sha256: string,
) {
  const [item] = await tx.insert(evidenceItems).values({ vendorOrgId, title: doc.title, kind: doc.kind, createdByUserId: userId }).returning();
  const [version] = await tx
    .insert(evidenceVersions)
    .values({
      evidenceId: item.id,
      version: 1,
      sha256,
      sizeBytes: bytes.length,
      contentType: "application/pdf",
      fileName: doc.fileName,
      issueDate: doc.issueDate,
      validUntil: doc.validUntil,
      uploadedByUserId: userId,
    })
    .returning();
  await tx.update(evidenceItems).set({ currentVersionId: version.id }).where(eq(evidenceItems.id, item.id));
  const context = { actorUserId: userId, actorLabel: "demo-seed", ipAddress: null, userAgent: null };
  await recordAuditEvent(tx, context, {
    organizationId: vendorOrgId,
    action: "evidence.uploaded",
    entityType: "evidence",
    entityId: item.id,
    summary: { title: doc.title, version: 1, fileName: doc.fileName, sha256, sizeBytes: bytes.length, contentType: "application/pdf", validUntil: doc.validUntil },
  });
  if (doc.shared && partnershipId) {
    await tx.insert(evidenceLinks).values({ evidenceId: item.id, partnershipId, targetType: "partnership", targetId: partnershipId, createdByUserId: userId });
    await recordAuditEvent(tx, context, {
      organizationId: vendorOrgId,
      action: "evidence.linked",
      entityType: "evidence",
      entityId: item.id,
      summary: { title: doc.title, target: "partnership", targetId: partnershipId, partnershipId },
    });
  }
}
