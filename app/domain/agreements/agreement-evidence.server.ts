import { db } from "#db/client.server";
import { getAgreementForVendor } from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { linkEvidence, unlinkEvidence } from "~/domain/evidence/links.server";

/**
 * The vendor attaches one of its documents (a certificate, the security annex as a file) to an
 * agreement, which shares it with that client; detaching leaves the document in its library.
 */
export async function setAgreementEvidence(input: { actor: Actor; agreementId: string; evidenceId: string; attach: boolean; meta: RequestMeta }) {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "evidence.manage")) throw new DomainError("forbidden");
  return db().transaction(async (tx) => {
    const scoped = await getAgreementForVendor(tx, actor.organizationId, input.agreementId);
    if (!scoped) throw new DomainError("not_found");
    const link = { actor, meta: input.meta, evidenceId: input.evidenceId, partnershipId: scoped.agreement.partnershipId, targetType: "agreement" as const, targetId: scoped.agreement.id };
    try {
      return input.attach ? (await linkEvidence(tx, link)).created : (await unlinkEvidence(tx, link)).removed;
    } catch (error) {
      // Another organization's document, or an archived one: a form error, not a missing page.
      if (error instanceof DomainError && error.code === "not_found") throw new DomainError("invalid_input", "agreements:errors.evidenceUnavailable");
      throw error;
    }
  });
}
