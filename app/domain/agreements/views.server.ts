import { db } from "#db/client.server";
import { findEvidenceLinkedTo, findVendorEvidence } from "#db/queries/evidence";
import { findActivePartnershipsForClient, findAgreementsForClient, findAgreementsForVendor, findComments, findSignatures, getAgreementForClient, getAgreementForVendor } from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import { DomainError } from "~/domain/errors";
import { todayInDisplayZone } from "~/utils/dates";
import { textBlocks } from "./content";
import { agreementHealth, OPEN_STATUSES, canClientCountersign, canCommentOn, canIssueNewVersion, canTerminate, canVendorSign, type AgreementStatus } from "./status";

/** View models of the agreement screens: never whole rows, storage keys or IP addresses. */
export interface AgreementListItem {
  id: string;
  partnerName: string;
  title: string;
  status: AgreementStatus;
  health: ReturnType<typeof agreementHealth>;
  sentAt: string | null;
  inForceAt: string | null;
  endDate: string | null;
}

type Scoped = NonNullable<Awaited<ReturnType<typeof getAgreementForClient>>>;

const listItem = (row: Scoped, partnerName: string, today: string): AgreementListItem => ({
  id: row.agreement.id,
  partnerName,
  title: row.agreement.title,
  status: row.agreement.status,
  health: agreementHealth(row.agreement.status, row.agreement.endDate, today),
  sentAt: row.agreement.sentAt?.toISOString() ?? null,
  inForceAt: row.agreement.inForceAt?.toISOString() ?? null,
  endDate: row.agreement.endDate,
});

export async function findClientAgreementList(actor: Actor, today = todayInDisplayZone()) {
  return (await findAgreementsForClient(db(), actor.organizationId)).map((row) => listItem(row, row.vendorDisplayName, today));
}

/**
 * Active partnerships without an agreement that covers them today: none sent, or only ended or
 * lapsed ones. The client's gap list.
 */
export async function findPartnersWithoutAgreement(actor: Actor, today = todayInDisplayZone()) {
  const [partners, rows] = await Promise.all([findActivePartnershipsForClient(db(), actor.organizationId), findAgreementsForClient(db(), actor.organizationId)]);
  const covered = new Set(
    rows
      .filter((r) => OPEN_STATUSES.includes(r.agreement.status) || (r.agreement.status === "in_force" && agreementHealth("in_force", r.agreement.endDate, today) !== "lapsed"))
      .map((r) => r.agreement.partnershipId),
  );
  return partners.filter((p) => !covered.has(p.id));
}

export async function findVendorAgreementList(actor: Actor, today = todayInDisplayZone()) {
  return (await findAgreementsForVendor(db(), actor.organizationId)).map((row) => listItem(row, row.clientName, today));
}

async function detail(actor: Actor, row: Scoped, partnerName: string, today: string) {
  const a = row.agreement;
  const [signatures, comments] = await Promise.all([findSignatures(db(), a.id), findComments(db(), a.id)]);
  const isClient = actor.organizationKind === "client";
  const resource = { type: "partnership" as const, clientOrgId: row.clientOrgId, vendorOrgId: row.vendorOrgId };
  const own = signatures.find((s) => s.side === actor.organizationKind);
  const linked = (await findEvidenceLinkedTo(db(), "agreement", [a.id])).get(a.id) ?? [];
  const canManageEvidence = !isClient && can(actor, "evidence.manage");
  const library = canManageEvidence ? await findVendorEvidence(db(), actor.organizationId) : [];
  const linkedIds = new Set(linked.map((e) => e.evidenceId));
  return {
    agreement: {
      id: a.id,
      partnershipId: a.partnershipId,
      partnerName,
      title: a.title,
      language: a.language,
      status: a.status,
      health: agreementHealth(a.status, a.endDate, today),
      lockVersion: a.lockVersion,
      documentHash: a.documentHash,
      blocks: a.renderedText ? textBlocks(a.renderedText) : [],
      effectiveDate: a.effectiveDate,
      endDate: a.endDate,
      breachNotificationHours: a.breachNotificationHours,
      subprocessorNoticeDays: a.subprocessorNoticeDays,
      sentAt: a.sentAt?.toISOString() ?? null,
      inForceAt: a.inForceAt?.toISOString() ?? null,
      endedAt: a.endedAt?.toISOString() ?? null,
      supersedesAgreementId: a.supersedesAgreementId,
      hasPdf: Boolean(a.pdfSha256),
      pdfSizeBytes: a.pdfSizeBytes,
    },
    signatures: signatures.map((s) => ({ side: s.side, fullName: s.fullName, jobTitle: s.jobTitle, signedAt: s.signedAt.toISOString(), documentHash: s.documentHash })),
    evidence: linked.map((e) => ({ id: e.evidenceId, title: e.title, validUntil: e.validUntil })),
    evidenceChoices: library.filter((e) => !e.archivedAt && !linkedIds.has(e.evidenceId)).map((e) => ({ id: e.evidenceId, title: e.title })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, authorSide: c.authorSide, authorName: c.authorName, requestsChanges: c.requestsChanges, createdAt: c.createdAt.toISOString() })),
    can: {
      comment: can(actor, "agreement.comment", resource) && canCommentOn(a.status),
      requestChanges: !isClient && can(actor, "agreement.comment", resource) && canVendorSign(a.status),
      sign: isClient ? can(actor, "agreement.countersign", resource) && canClientCountersign(a.status) : can(actor, "agreement.sign", resource) && canVendorSign(a.status),
      alreadySigned: Boolean(own),
      manageEvidence: canManageEvidence,
      newVersion: isClient && can(actor, "agreement.send", resource) && canIssueNewVersion(a.status),
      terminate: isClient && can(actor, "agreement.terminate", resource) && canTerminate(a.status),
    },
  };
}

export async function getClientAgreementView(actor: Actor, agreementId: string, today = todayInDisplayZone()) {
  const row = await getAgreementForClient(db(), actor.organizationId, agreementId);
  if (!row) throw new DomainError("not_found");
  return detail(actor, row, row.vendorDisplayName, today);
}

/** Refuses (404) an agreement id the vendor may not see, before a form is even read. */
export async function assertVendorAgreement(actor: Actor, agreementId: string) {
  if (!(await getAgreementForVendor(db(), actor.organizationId, agreementId))) throw new DomainError("not_found");
}

/** Refuses (404) an agreement id the client may not see, before a form is even read. */
export async function assertClientAgreement(actor: Actor, agreementId: string) {
  if (!(await getAgreementForClient(db(), actor.organizationId, agreementId))) throw new DomainError("not_found");
}

export async function getVendorAgreementView(actor: Actor, agreementId: string, today = todayInDisplayZone()) {
  const row = await getAgreementForVendor(db(), actor.organizationId, agreementId);
  if (!row) throw new DomainError("not_found");
  return detail(actor, row, row.clientName, today);
}

/** The stored PDF of an agreement the actor may see, for the download route. */
export async function getAgreementPdf(actor: Actor, agreementId: string) {
  const row =
    actor.organizationKind === "client"
      ? await getAgreementForClient(db(), actor.organizationId, agreementId)
      : await getAgreementForVendor(db(), actor.organizationId, agreementId);
  if (!row || !row.agreement.pdfSha256 || row.agreement.pdfSizeBytes === null) throw new DomainError("not_found");
  return {
    fileName: `${row.agreement.title} ${row.agreement.id.slice(0, 8)}.pdf`,
    contentType: "application/pdf",
    sizeBytes: row.agreement.pdfSizeBytes,
    sha256: row.agreement.pdfSha256,
  };
}
