import { randomUUID } from "node:crypto";
import { db, type Executor } from "#db/client.server";
import {
  findActivePartnershipsForClient,
  findAgreementsForClient,
  findApprovedSubprocessors,
  findSendableVersions,
  getActivePartnershipForClient,
  getAgreementForClient,
  getSendableVersion,
  insertAgreement,
  updateAgreement,
} from "#db/queries/agreements";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers } from "~/domain/notifications/notify-members.server";
import { countryName } from "~/domain/orgs/countries";
import { translator } from "~/i18n/i18n.server";
import { isIsoDate } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { mergeValues, parseContent, renderAgreementText, type AgreementLanguage, type MergeData } from "./content";
import type { SendForm } from "./forms";
import { sha256Hex } from "./hash.server";
import { canIssueNewVersion, OPEN_STATUSES, type AgreementStatus } from "./status";

/** Who on the vendor's side hears of a sent agreement: the people who may sign it. */
export const VENDOR_SIGNER_ROLES = ["admin"];

export const DEFAULT_BREACH_HOURS = 24;
export const DEFAULT_NOTICE_DAYS = 30;

export interface SendDefaults extends MergeData {
  effectiveDate: string;
  endDate: string;
  breachNotificationHours: number;
  subprocessorNoticeDays: number;
}

/** The merge values prefilled from the partnership register, in the agreement's language. */
async function registerDefaults(executor: Executor, partnership: NonNullable<Awaited<ReturnType<typeof getActivePartnershipForClient>>>, language: AgreementLanguage, today: string): Promise<SendDefaults> {
  const t = await translator(language);
  const p = partnership.partnership;
  const subs = await findApprovedSubprocessors(executor, p.id);
  return {
    clientName: partnership.clientName,
    vendorName: partnership.vendorName,
    services: p.services.map((s) => t(`orgs:services.${s}`)).join("; "),
    dataCategories: p.dataCategories.map((c) => t(`orgs:dataCategories.${c}`)).join("; "),
    dataSubjects: t("agreements:prefill.dataSubjects", { client: partnership.clientName }),
    purposes: t("agreements:prefill.purposes", { client: partnership.clientName }),
    retention: t("agreements:prefill.retention"),
    subprocessors: subs.length
      ? subs.map((s) => `${s.name} - ${s.service} (${countryName(s.country, language)})`).join("; ")
      : t("agreements:prefill.noSubprocessors"),
    countries: p.countries.map((c) => countryName(c, language)).join(", "),
    securityAnnex: t("agreements:prefill.securityAnnex"),
    effectiveDate: p.contractStart && p.contractStart > today ? p.contractStart : today,
    endDate: p.contractEnd && p.contractEnd >= today ? p.contractEnd : "",
    breachNotificationHours: DEFAULT_BREACH_HOURS,
    subprocessorNoticeDays: DEFAULT_NOTICE_DAYS,
  };
}

const asMergeData = (value: unknown): MergeData => {
  const v = (value ?? {}) as Record<string, unknown>;
  const s = (key: keyof MergeData) => (typeof v[key] === "string" ? (v[key] as string) : "");
  return {
    clientName: s("clientName"),
    vendorName: s("vendorName"),
    services: s("services"),
    dataCategories: s("dataCategories"),
    dataSubjects: s("dataSubjects"),
    purposes: s("purposes"),
    retention: s("retention"),
    subprocessors: s("subprocessors"),
    countries: s("countries"),
    securityAnnex: s("securityAnnex"),
  };
};

/**
 * What the send page offers: partnerships, sendable versions and, once a partnership is picked,
 * the prefilled values (from the agreement being replaced, else from the register).
 */
export async function getSendOptions(actor: Actor, pick: { partnershipId?: string; language: AgreementLanguage; supersedesAgreementId?: string; today?: string }) {
  const today = pick.today ?? todayInDisplayZone();
  const [partnerships, versions] = await Promise.all([findActivePartnershipsForClient(db(), actor.organizationId), findSendableVersions(db(), actor.organizationId)]);
  let defaults: SendDefaults | null = null;
  let replacing: { id: string; title: string; partnershipId: string } | null = null;
  if (pick.supersedesAgreementId) {
    const old = await getAgreementForClient(db(), actor.organizationId, pick.supersedesAgreementId);
    if (old && canIssueNewVersion(old.agreement.status as AgreementStatus)) {
      replacing = { id: old.agreement.id, title: old.agreement.title, partnershipId: old.agreement.partnershipId };
      pick = { ...pick, partnershipId: old.agreement.partnershipId };
      if (old.agreement.language === pick.language) {
        defaults = {
          ...asMergeData(old.agreement.mergeData),
          effectiveDate: old.agreement.effectiveDate ?? today,
          endDate: old.agreement.endDate ?? "",
          breachNotificationHours: old.agreement.breachNotificationHours ?? DEFAULT_BREACH_HOURS,
          subprocessorNoticeDays: old.agreement.subprocessorNoticeDays,
        };
      }
    }
  }
  if (!defaults && pick.partnershipId) {
    const partnership = await getActivePartnershipForClient(db(), actor.organizationId, pick.partnershipId);
    if (partnership) defaults = await registerDefaults(db(), partnership, pick.language, today);
  }
  return {
    partnerships,
    versions: versions.map((v) => ({ id: v.id, version: v.version, isLibrary: v.isLibrary, name: parseContent(v.content)?.name ?? { nl: "?", en: "?" } })),
    defaults,
    replacing,
    today,
  };
}

export interface SendAgreementInput {
  actor: Actor;
  clientName: string;
  appUrl: string;
  meta: RequestMeta;
  form: SendForm;
  today?: string;
  /** For tests: a fixed agreement id (the reference printed in the text). */
  agreementId?: string;
}

/**
 * Renders the chosen template version once with the confirmed values, freezes the text with its
 * SHA-256 and sends it to the vendor: status sent, the vendor's admins notified in-app and by
 * e-mail in their language, an audit event. A new version replaces an open agreement (which
 * becomes superseded). Any refusal writes nothing.
 */
export async function sendAgreement(input: SendAgreementInput): Promise<{ agreementId: string }> {
  const { actor, form } = input;
  if (actor.organizationKind !== "client" || !can(actor, "agreement.send")) throw new DomainError("forbidden");
  const today = input.today ?? todayInDisplayZone();
  if (!isIsoDate(form.effectiveDate)) throw new DomainError("invalid_input", "agreements:errors.dateInvalid");
  if (form.endDate !== undefined && !isIsoDate(form.endDate)) throw new DomainError("invalid_input", "agreements:errors.dateInvalid");
  if (form.endDate && form.endDate < form.effectiveDate) throw new DomainError("invalid_input", "agreements:errors.endBeforeStart");
  if (form.endDate && form.endDate < today) throw new DomainError("invalid_input", "agreements:errors.endInPast");

  const result = await db().transaction(async (tx) => {
    const partnership = await getActivePartnershipForClient(tx, actor.organizationId, form.partnershipId);
    if (!partnership) throw new DomainError("invalid_input", "agreements:errors.partnershipUnavailable");
    const version = await getSendableVersion(tx, actor.organizationId, form.templateVersionId);
    const content = parseContent(version?.content);
    if (!version || !content) throw new DomainError("invalid_input", "agreements:errors.versionUnavailable");

    const existing = (await findAgreementsForClient(tx, actor.organizationId)).filter((a) => a.agreement.partnershipId === partnership.partnership.id);
    let supersedes: (typeof existing)[number] | undefined;
    if (form.supersedesAgreementId) {
      supersedes = existing.find((a) => a.agreement.id === form.supersedesAgreementId);
      if (!supersedes || !canIssueNewVersion(supersedes.agreement.status as AgreementStatus)) throw new DomainError("invalid_state", "agreements:errors.cannotReplace");
    }
    const otherOpen = existing.find((a) => OPEN_STATUSES.includes(a.agreement.status as AgreementStatus) && a.agreement.id !== supersedes?.agreement.id);
    if (otherOpen) throw new DomainError("invalid_state", "agreements:errors.openAgreementExists");

    const mergeData: MergeData = {
      clientName: partnership.clientName,
      vendorName: partnership.vendorName,
      services: form.services,
      dataCategories: form.dataCategories,
      dataSubjects: form.dataSubjects,
      purposes: form.purposes,
      retention: form.retention,
      subprocessors: form.subprocessors,
      countries: form.countries,
      securityAnnex: form.securityAnnex,
    };
    const terms = {
      effectiveDate: form.effectiveDate,
      endDate: form.endDate ?? null,
      breachNotificationHours: form.breachNotificationHours,
      subprocessorNoticeDays: form.subprocessorNoticeDays,
    };
    const agreementId = input.agreementId ?? randomUUID();
    const renderedText = renderAgreementText(content, form.language, mergeValues(mergeData, terms, form.language), agreementId);
    const documentHash = sha256Hex(renderedText);
    const now = new Date();
    const agreement = await insertAgreement(tx, {
      id: agreementId,
      partnershipId: partnership.partnership.id,
      templateVersionId: version.id,
      language: form.language,
      status: "sent",
      title: content.name[form.language],
      mergeData: { ...mergeData },
      renderedText,
      documentHash,
      ...terms,
      supersedesAgreementId: supersedes?.agreement.id ?? null,
      sentAt: now,
      sentByUserId: actor.userId,
    });
    const audit = { actorUserId: actor.userId, ...input.meta };
    // An open predecessor is replaced now; one in force stays until the new one is countersigned.
    if (supersedes && supersedes.agreement.status !== "in_force") {
      await updateAgreement(tx, supersedes.agreement.id, { status: "superseded", endedAt: now });
      await recordAuditEvent(tx, audit, {
        organizationId: actor.organizationId,
        action: "agreement.superseded",
        entityType: "agreement",
        entityId: supersedes.agreement.id,
        summary: { byAgreementId: agreement.id, partnershipId: partnership.partnership.id },
      });
    }
    const vendorOrgId = partnership.partnership.vendorOrgId!;
    const path = `/vendor/${vendorOrgId}/agreements/${agreement.id}`;
    await notifyMembers(tx, {
      organizationId: vendorOrgId,
      roles: VENDOR_SIGNER_ROLES,
      messageKey: "agreements:notifications.sent",
      params: { clientName: input.clientName, title: agreement.title },
      link: path,
      email: () => ({
        template: "agreement_sent",
        params: { clientName: input.clientName, title: agreement.title, link: `${input.appUrl}${path}` },
      }),
    });
    await recordAuditEvent(tx, audit, {
      organizationId: actor.organizationId,
      action: "agreement.sent",
      entityType: "agreement",
      entityId: agreement.id,
      summary: {
        partnershipId: partnership.partnership.id,
        vendorDisplayName: partnership.partnership.vendorDisplayName,
        templateVersionId: version.id,
        language: form.language,
        documentHash,
        ...(supersedes ? { supersedesAgreementId: supersedes.agreement.id } : {}),
      },
    });
    return { agreementId: agreement.id };
  });
  afterCommitDeliverMail();
  return result;
}
