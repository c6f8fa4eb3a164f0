import { randomUUID } from "node:crypto";
import type { Executor } from "#db/client.server";
import { getLibraryTemplateBySlug, getLatestPublishedVersion } from "#db/queries/agreements";
import { agreements, agreementSignatures } from "#db/schema/index";
import { DEFAULT_TEMPLATE_SLUG } from "~/domain/agreements/default-template";
import { sha256Hex } from "~/domain/agreements/hash.server";
import { syncAgreementLibrary } from "~/domain/agreements/templates.server";
import { storage } from "~/storage/storage.server";

/** The shipped default template's published version (synced into the database on first use). */
export async function libraryVersion(executor: Executor) {
  await syncAgreementLibrary(executor);
  const template = await getLibraryTemplateBySlug(executor, DEFAULT_TEMPLATE_SLUG);
  return (await getLatestPublishedVersion(executor, template!.id))!;
}

/**
 * An agreement row for a partnership, made directly (not through the send use case): sent by
 * default; `inForce` adds both signatures and a stored PDF, so the download route has a file.
 */
export async function createAgreement(
  executor: Executor,
  partnershipId: string,
  options: { status?: (typeof agreements.$inferInsert)["status"]; inForce?: boolean; endDate?: string | null } = {},
) {
  const id = randomUUID();
  const renderedText = `Test agreement\n\nReference: ${id}\n\n1. Subject\n\nThe processor handles calls.\n`;
  const documentHash = sha256Hex(renderedText);
  let pdf: { pdfSha256: string; pdfSizeBytes: number } | Record<string, never> = {};
  if (options.inForce) {
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% test ${id}\n%%EOF\n`);
    const sha = sha256Hex(bytes);
    await storage().put(sha, bytes);
    pdf = { pdfSha256: sha, pdfSizeBytes: bytes.byteLength };
  }
  const [row] = await executor
    .insert(agreements)
    .values({
      id,
      partnershipId,
      language: "en",
      status: options.inForce ? "in_force" : (options.status ?? "sent"),
      title: "Test agreement",
      mergeData: { clientName: "Client", vendorName: "Vendor" },
      renderedText,
      documentHash,
      effectiveDate: options.endDate && options.endDate < "2019-01-01" ? options.endDate : "2019-01-01",
      endDate: options.endDate ?? null,
      breachNotificationHours: 24,
      sentAt: new Date(),
      inForceAt: options.inForce ? new Date() : null,
      ...pdf,
    })
    .returning();
  if (options.inForce) {
    for (const side of ["vendor", "client"] as const) {
      await executor.insert(agreementSignatures).values({ agreementId: id, side, fullName: `${side} signer`, jobTitle: "Director", consentText: "I agree", documentHash });
    }
  }
  return row;
}
