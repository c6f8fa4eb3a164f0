import { db } from "#db/client.server";
import { getVendorEvidence } from "#db/queries/evidence";
import { isUuid } from "~/auth/guards.server";
import type { Actor } from "~/auth/policy";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { isDomainError } from "~/domain/errors";
import { sideBase } from "~/domain/orgs/navigation";
import { storage } from "~/storage/storage.server";
import { notFound, statusOfDomainError } from "~/utils/http.server";
import { EvidenceFormError, uploadEvidence, uploadLimitBytes, type UploadedEvidence } from "./upload-evidence.server";
import type { Transaction } from "#db/client.server";
import type { UploadOutcome } from "./view-models";

/**
 * Runs an upload for a route (the JSON endpoint the progress bar talks to, or a page action
 * without JavaScript) and turns every refusal into a translated outcome with its HTTP status.
 * A document id that is not the vendor's own is a 404 before a byte is read.
 */
export async function runEvidenceUpload(input: {
  actor: Actor;
  meta: RequestMeta;
  request: Request;
  evidenceId?: string | null;
  afterRecord?: (tx: Transaction, uploaded: UploadedEvidence) => Promise<void>;
  nextUrl?: (uploaded: UploadedEvidence) => string;
}): Promise<{ status: number; outcome: UploadOutcome }> {
  const { actor } = input;
  if (input.evidenceId != null) {
    if (!isUuid(input.evidenceId) || !(await getVendorEvidence(db(), actor.organizationId, input.evidenceId))) notFound();
  }
  try {
    const uploaded = await uploadEvidence({
      actor,
      meta: input.meta,
      request: input.request,
      storage: storage(),
      evidenceId: input.evidenceId ?? undefined,
      afterRecord: input.afterRecord,
    });
    const url = input.nextUrl?.(uploaded) ?? `${sideBase("vendor", actor.organizationId)}/evidence/${uploaded.evidenceId}`;
    return { status: 200, outcome: { ok: true, url, evidenceId: uploaded.evidenceId, versionId: uploaded.versionId } };
  } catch (error) {
    if (error instanceof EvidenceFormError) return { status: 422, outcome: { ok: false, fieldErrors: error.fieldErrors } };
    if (!isDomainError(error)) throw error;
    if (error.code === "not_found") notFound();
    const limit = Math.round((uploadLimitBytes() / 1024 / 1024) * 10) / 10;
    return {
      status: statusOfDomainError(error.code),
      outcome: { ok: false, formError: { key: error.messageKey, params: { limit, ...error.params } } },
    };
  }
}
