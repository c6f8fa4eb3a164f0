import { db, type Transaction } from "#db/client.server";
import {
  findInForceOfPartnership,
  findSignatures,
  getAgreementForClient,
  getAgreementForVendor,
  insertSignature,
  lockAgreement,
  updateAgreement,
  type AgreementRow,
} from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import type { Locale } from "~/i18n/config";
import { translator } from "~/i18n/i18n.server";
import { storage } from "~/storage/storage.server";
import { formatDateTime } from "~/utils/dates";
import { publicUrl } from "~/utils/env.server";
import { renderAgreementPdf } from "./agreement-pdf.server";
import { sha256Hex } from "./hash.server";
import { canClientCountersign, canVendorSign, type AgreementStatus } from "./status";

/** Who on the client's side hears that the vendor signed: the people who may countersign. */
export const CLIENT_SIGNER_ROLES = ["admin", "manager"];

export interface SignInput {
  actor: Actor;
  agreementId: string;
  fullName: string;
  jobTitle: string;
  /** The hash of the text the signer was shown. */
  documentHash: string;
  /** The signer's language: the consent sentence is stored as they read it. */
  locale: Locale;
  organizationName: string;
  meta: RequestMeta;
  appUrl: string;
}

export type SignOutcome = { status: "signed" | "already_signed"; agreementStatus: AgreementStatus };

/** The consent sentence as shown next to the checkbox, in the signer's language. */
export async function consentText(locale: Locale, organizationName: string, documentHash: string) {
  const t = await translator(locale);
  return t("agreements:sign.consent", { organization: organizationName, hash: documentHash });
}

/** Stores the signer's signature of the frozen text with the consent sentence they read; null when that side has signed meanwhile. */
async function insertOwnSignature(tx: Transaction, input: SignInput, side: "vendor" | "client", agreementId: string, documentHash: string) {
  return insertSignature(tx, {
    agreementId,
    side,
    userId: input.actor.userId,
    fullName: input.fullName,
    jobTitle: input.jobTitle,
    consentText: await consentText(input.locale, input.organizationName, documentHash),
    documentHash,
    ipAddress: input.meta.ipAddress,
    userAgent: input.meta.userAgent?.slice(0, 500) ?? null,
  });
}

/**
 * The vendor's signature (admins only): refused when the hash shown differs from the frozen text's,
 * idempotent when the vendor has signed already (nothing is written a second time).
 */
export async function signAgreement(input: SignInput): Promise<SignOutcome> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "agreement.sign")) throw new DomainError("forbidden");
  const outcome = await db().transaction(async (tx) => {
    const scoped = await getAgreementForVendor(tx, actor.organizationId, input.agreementId);
    if (!scoped) throw new DomainError("not_found");
    const agreement = (await lockAgreement(tx, scoped.agreement.id))!;
    const existing = (await findSignatures(tx, agreement.id)).find((s) => s.side === "vendor");
    if (existing) return { status: "already_signed" as const, agreementStatus: agreement.status };
    if (!canVendorSign(agreement.status)) throw new DomainError("invalid_state", "agreements:errors.notSignable");
    if (agreement.documentHash !== input.documentHash) throw new DomainError("conflict", "agreements:errors.hashMismatch");
    const inserted = await insertOwnSignature(tx, input, "vendor", agreement.id, agreement.documentHash);
    if (!inserted) return { status: "already_signed" as const, agreementStatus: agreement.status };
    await updateAgreement(tx, agreement.id, { status: "signed_by_vendor" });
    const path = `/client/${scoped.clientOrgId}/agreements/${agreement.id}`;
    await notifyMembers(tx, {
      organizationId: scoped.clientOrgId,
      roles: CLIENT_SIGNER_ROLES,
      messageKey: "agreements:notifications.signedByVendor",
      params: { vendorName: scoped.vendorDisplayName, title: agreement.title },
      link: path,
      email: () => ({
        template: "agreement_signed_by_vendor",
        params: { vendorName: scoped.vendorDisplayName, title: agreement.title, link: `${input.appUrl}${path}` },
      }),
    });
    await recordAuditEvent(tx, { actorUserId: actor.userId, ...input.meta }, {
      organizationId: actor.organizationId,
      action: "agreement.signed",
      entityType: "agreement",
      entityId: agreement.id,
      summary: { side: "vendor", fullName: input.fullName, jobTitle: input.jobTitle, documentHash: agreement.documentHash, clientOrgId: scoped.clientOrgId },
    });
    return { status: "signed" as const, agreementStatus: "signed_by_vendor" as const };
  });
  if (outcome.status === "signed") afterCommitDeliverMail();
  return outcome;
}

/**
 * The client's countersignature (admins and managers): the agreement comes into force, an
 * earlier agreement of the partnership in force is superseded, and the final PDF is rendered once
 * and stored under its SHA-256. Idempotent like {@link signAgreement}.
 */
export async function countersignAgreement(input: SignInput): Promise<SignOutcome> {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "agreement.countersign")) throw new DomainError("forbidden");
  return db().transaction(async (tx) => {
    const scoped = await getAgreementForClient(tx, actor.organizationId, input.agreementId);
    if (!scoped) throw new DomainError("not_found");
    const agreement = (await lockAgreement(tx, scoped.agreement.id))!;
    const signatures = await findSignatures(tx, agreement.id);
    if (signatures.some((s) => s.side === "client")) return { status: "already_signed" as const, agreementStatus: agreement.status };
    if (!canClientCountersign(agreement.status)) throw new DomainError("invalid_state", "agreements:errors.notCountersignable");
    if (agreement.documentHash !== input.documentHash) throw new DomainError("conflict", "agreements:errors.hashMismatch");
    const inserted = await insertOwnSignature(tx, input, "client", agreement.id, agreement.documentHash!);
    if (!inserted) return { status: "already_signed" as const, agreementStatus: agreement.status };
    const now = new Date();
    const audit = { actorUserId: actor.userId, ...input.meta };
    for (const earlier of await findInForceOfPartnership(tx, agreement.partnershipId, agreement.id)) {
      await updateAgreement(tx, earlier.id, { status: "superseded", endedAt: now });
      await recordAuditEvent(tx, audit, {
        organizationId: actor.organizationId,
        action: "agreement.superseded",
        entityType: "agreement",
        entityId: earlier.id,
        summary: { byAgreementId: agreement.id, partnershipId: agreement.partnershipId },
      });
    }
    const merged = agreement.mergeData as { clientName?: unknown; vendorName?: unknown };
    const pdf = await buildFinalPdf(tx, { ...agreement, inForceAt: now }, {
      clientName: typeof merged.clientName === "string" && merged.clientName ? merged.clientName : scoped.clientName,
      vendorName: typeof merged.vendorName === "string" && merged.vendorName ? merged.vendorName : scoped.vendorDisplayName,
    });
    await storage().put(pdf.sha256, pdf.bytes);
    await updateAgreement(tx, agreement.id, { status: "in_force", inForceAt: now, pdfSha256: pdf.sha256, pdfSizeBytes: pdf.bytes.byteLength });
    const vendorOrgId = scoped.vendorOrgId!;
    await notifyMembers(tx, {
      organizationId: vendorOrgId,
      roles: ["admin"],
      messageKey: "agreements:notifications.inForce",
      params: { clientName: scoped.clientName, title: agreement.title },
      link: `/vendor/${vendorOrgId}/agreements/${agreement.id}`,
    });
    await recordAuditEvent(tx, audit, {
      organizationId: actor.organizationId,
      action: "agreement.countersigned",
      entityType: "agreement",
      entityId: agreement.id,
      summary: { side: "client", fullName: input.fullName, jobTitle: input.jobTitle, documentHash: agreement.documentHash, pdfSha256: pdf.sha256 },
    });
    return { status: "signed" as const, agreementStatus: "in_force" as const };
  });
}

/** The address printed in the PDF, where anyone can check the document. */
export const verifyUrlFor = (documentHash: string) => `${publicUrl()}/verify?hash=${documentHash}`;

/** Renders the final PDF from the frozen text and the stored signatures, in the agreement's language. */
export async function buildFinalPdf(tx: Transaction, agreement: AgreementRow, names: { clientName: string; vendorName: string }) {
  const language: Locale = agreement.language;
  const t = await translator(language);
  const signatures = await findSignatures(tx, agreement.id);
  const order = { vendor: 0, client: 1 } as const;
  const bytes = await renderAgreementPdf({
    title: agreement.title,
    text: agreement.renderedText ?? "",
    documentHash: agreement.documentHash!,
    verifyUrl: verifyUrlFor(agreement.documentHash!),
    labels: {
      documentHash: t("agreements:pdf.documentHash"),
      verify: t("agreements:pdf.verify"),
      signatures: t("agreements:pdf.signatures"),
      name: t("agreements:fields.fullName"),
      jobTitle: t("agreements:fields.jobTitle"),
      organization: t("agreements:pdf.organization"),
      signedAt: t("agreements:pdf.signedAt"),
      signedHash: t("agreements:pdf.signedHash"),
      consent: t("agreements:pdf.consent"),
      page: t("agreements:pdf.page"),
    },
    signatures: [...signatures]
      .sort((a, b) => order[a.side] - order[b.side])
      .map((s) => ({
        heading: t(`agreements:pdf.side.${s.side}`),
        organization: s.side === "vendor" ? names.vendorName : names.clientName,
        fullName: s.fullName,
        jobTitle: s.jobTitle,
        signedAt: formatDateTime(s.signedAt, language),
        documentHash: s.documentHash,
        consentText: s.consentText,
      })),
  });
  return { bytes, sha256: sha256Hex(bytes) };
}
