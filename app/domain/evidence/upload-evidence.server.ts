import { and, eq, isNull, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { db, type Executor, type Transaction } from "#db/client.server";
import { agreements, evidenceItems, evidenceVersions } from "#db/schema/index";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import type { BlobStorage } from "~/storage/blob-storage";
import { env } from "~/utils/env.server";
import { decideContentType, hasPdfTrailer } from "./content-type";
import { cleanFileName, newEvidenceSchema, newVersionSchema } from "./evidence-form";
import { receiveUpload, type ReceivedFile, type ReceiveFailure } from "./receive-upload.server";

export interface UploadedEvidence {
  evidenceId: string;
  versionId: string;
  version: number;
  title: string;
  fields: Record<string, string>;
}

/** Field errors of the metadata form, as i18n keys per field. */
export class EvidenceFormError extends DomainError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("invalid_input", "evidence:errors.checkFields");
  }
}

export const uploadLimitBytes = () => Math.round(env().MAX_UPLOAD_MB * 1024 * 1024);

const failureErrors: Record<ReceiveFailure, DomainError> = {
  too_large: new DomainError("payload_too_large", "evidence:errors.tooLarge"),
  not_multipart: new DomainError("invalid_input", "evidence:errors.noFile"),
  malformed: new DomainError("invalid_input", "evidence:errors.malformed"),
  too_many_files: new DomainError("invalid_input", "evidence:errors.oneFile"),
  aborted: new DomainError("invalid_input", "evidence:errors.aborted"),
};

/**
 * Receives one file for the vendor's evidence: a new document (`evidenceId` absent) or a new
 * version of one (`evidenceId` given). The file is streamed to storage's staging area, its type
 * decided from its bytes, its SHA-256 computed on the way; only then, in one transaction, is it
 * committed under its hash and recorded with an audit event. `afterRecord` runs in that
 * transaction (e.g. to attach the new document to an answer); if it throws, nothing is kept.
 * Any refusal leaves neither a file nor a row.
 */
export async function uploadEvidence(input: {
  actor: Actor;
  meta: RequestMeta;
  request: Request;
  storage: BlobStorage;
  evidenceId?: string;
  afterRecord?: (tx: Transaction, uploaded: UploadedEvidence) => Promise<void>;
}): Promise<UploadedEvidence> {
  const { actor, storage } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "evidence.upload")) throw new DomainError("forbidden");
  const received = await receiveUpload(input.request, storage, uploadLimitBytes());
  if (!received.ok) throw failureErrors[received.failure];
  const { file, fields } = received;
  if (!file) throw new DomainError("invalid_input", "evidence:errors.noFile");

  let committed = false;
  try {
    const contentType = await checkContent(file);
    const metadata = input.evidenceId ? newVersionSchema.safeParse(fields) : newEvidenceSchema.safeParse(fields);
    if (!metadata.success) throw new EvidenceFormError(metadata.error.flatten().fieldErrors as Record<string, string[]>);
    const fileName = cleanFileName(file.fileName);

    return await db().transaction(async (tx) => {
      // Two uploads of the same bytes must not race between "is it stored?" and "store it".
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${file.sha256}, 0))`);
      const target = input.evidenceId
        ? await lockOwnEvidence(tx, actor.organizationId, input.evidenceId)
        : await createItem(tx, actor, metadata.data as { title: string; kind: (typeof evidenceItems.kind.enumValues)[number] });
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${evidenceVersions.version}), 0) + 1` })
        .from(evidenceVersions)
        .where(eq(evidenceVersions.evidenceId, target.id));
      const [version] = await tx
        .insert(evidenceVersions)
        .values({
          evidenceId: target.id,
          version: Number(next),
          sha256: file.sha256,
          sizeBytes: file.sizeBytes,
          contentType,
          fileName,
          issueDate: metadata.data.issueDate ?? null,
          validUntil: metadata.data.validUntil ?? null,
          uploadedByUserId: actor.userId,
        })
        .returning({ id: evidenceVersions.id, version: evidenceVersions.version });
      await tx
        .update(evidenceItems)
        .set({ currentVersionId: version.id, updatedAt: new Date() })
        .where(eq(evidenceItems.id, target.id));
      await recordAuditEvent(
        tx,
        { actorUserId: actor.userId, ...input.meta },
        {
          organizationId: actor.organizationId,
          action: version.version === 1 ? "evidence.uploaded" : "evidence.version_added",
          entityType: "evidence",
          entityId: target.id,
          summary: {
            title: target.title,
            version: version.version,
            fileName,
            sha256: file.sha256,
            sizeBytes: file.sizeBytes,
            contentType,
            validUntil: metadata.data.validUntil ?? null,
          },
        },
      );
      const uploaded = { evidenceId: target.id, versionId: version.id, version: version.version, title: target.title, fields };
      await input.afterRecord?.(tx, uploaded);
      // Last step before commit: a failure here rolls the rows back, and the cleanup below
      // removes the bytes unless another version already uses them.
      await storage.commit(file.staged, file.sha256);
      committed = true;
      return uploaded;
    });
  } catch (error) {
    if (committed) await removeIfUnreferenced(storage, file.sha256);
    else await storage.discard(file.staged).catch(() => {});
    throw error;
  }
}

async function checkContent(file: ReceivedFile): Promise<string> {
  if (file.sizeBytes === 0) throw new DomainError("invalid_input", "evidence:errors.emptyFile");
  const sniffed = await fileTypeFromBuffer(file.head);
  const decision = decideContentType(sniffed, file.head, file.fileName);
  if (!decision.ok) {
    throw new DomainError("invalid_input", decision.reason === "executable" ? "evidence:errors.executable" : "evidence:errors.unsupportedType");
  }
  if (decision.contentType === "application/pdf" && !hasPdfTrailer(file.tail)) {
    throw new DomainError("invalid_input", "evidence:errors.brokenPdf");
  }
  return decision.contentType;
}

async function createItem(tx: Transaction, actor: Actor, data: { title: string; kind: (typeof evidenceItems.kind.enumValues)[number] }) {
  const [item] = await tx
    .insert(evidenceItems)
    .values({ vendorOrgId: actor.organizationId, title: data.title, kind: data.kind, createdByUserId: actor.userId })
    .returning({ id: evidenceItems.id, title: evidenceItems.title });
  return item;
}

/** The vendor's own, not archived document, locked so two new versions get distinct numbers. */
async function lockOwnEvidence(tx: Executor, vendorOrgId: string, evidenceId: string) {
  const [item] = await tx
    .select({ id: evidenceItems.id, title: evidenceItems.title })
    .from(evidenceItems)
    .where(and(eq(evidenceItems.id, evidenceId), eq(evidenceItems.vendorOrgId, vendorOrgId), isNull(evidenceItems.archivedAt)))
    .for("update");
  if (!item) throw new DomainError("not_found", "evidence:errors.notFound");
  return item;
}

/** After a failed transaction: drop the stored bytes unless a committed version names them. */
async function removeIfUnreferenced(storage: BlobStorage, sha256: string) {
  await db()
    .transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${sha256}, 0))`);
      const [used] = await tx.select({ id: evidenceVersions.id }).from(evidenceVersions).where(eq(evidenceVersions.sha256, sha256)).limit(1);
      const [pdf] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.pdfSha256, sha256)).limit(1);
      if (!used && !pdf) await storage.remove(sha256);
    })
    .catch(() => {});
}
