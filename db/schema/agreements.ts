import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { locale, organizations, partnerships, users } from "./orgs";
import { templateVersionStatus } from "./questionnaires";

/**
 * A processor-agreement template (verwerkersovereenkomst): owned by a client, or (ownerOrgId
 * null) shipped with the product. Its text lives in versions.
 */
export const agreementTemplates = pgTable(
  "agreement_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    /** Library templates: a stable slug. */
    librarySlug: text(),
    copiedFromTemplateId: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("agreement_templates_owner_idx").on(t.ownerOrgId),
    uniqueIndex("agreement_templates_library_idx").on(t.librarySlug).where(sql`${t.ownerOrgId} is null`),
    check("agreement_templates_library_check", sql`(${t.ownerOrgId} is null) = (${t.librarySlug} is not null)`),
  ],
);

/**
 * One version of an agreement template: its name and clauses in Dutch and English with merge
 * fields. Published versions are immutable; editing makes a new draft.
 */
export const agreementTemplateVersions = pgTable(
  "agreement_template_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    templateId: uuid()
      .notNull()
      .references(() => agreementTemplates.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    status: templateVersionStatus().notNull().default("draft"),
    /** The template's text (see app/domain/agreements for its shape). */
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    lockVersion: integer().notNull().default(1),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agreement_template_versions_number_idx").on(t.templateId, t.version),
    uniqueIndex("agreement_template_versions_one_draft_idx").on(t.templateId).where(sql`${t.status} = 'draft'`),
  ],
);

export const agreementStatus = pgEnum("agreement_status", [
  "draft",
  "sent",
  "changes_requested",
  "signed_by_vendor",
  "in_force",
  "superseded",
  "expired",
  "terminated",
]);

/**
 * A processor agreement with one partnership. Sending renders the text once and freezes it with
 * its SHA-256 (`documentHash`); signatures name that hash, so a changed text cannot be signed.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    templateVersionId: uuid().references(() => agreementTemplateVersions.id, { onDelete: "restrict" }),
    language: locale().notNull(),
    status: agreementStatus().notNull().default("draft"),
    title: text().notNull(),
    /** The merge-field values used for rendering (client and vendor details, services, …). */
    mergeData: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The rendered, frozen text; null while a draft. */
    renderedText: text(),
    /** SHA-256 (hex) of the rendered text; null while a draft. */
    documentHash: text(),
    effectiveDate: date(),
    endDate: date(),
    breachNotificationHours: smallint(),
    /** How long the client has to object to a new sub-processor. */
    subprocessorNoticeDays: smallint().notNull().default(30),
    /** The agreement this one replaces (a new version after changes were asked, or a renewal). */
    supersedesAgreementId: uuid(),
    /** The final PDF, generated once both sides signed: its SHA-256 names the file in storage. */
    pdfSha256: text(),
    pdfSizeBytes: integer(),
    sentAt: timestamp({ withTimezone: true }),
    sentByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    inForceAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    lockVersion: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("agreements_partnership_idx").on(t.partnershipId, t.status),
    uniqueIndex("agreements_hash_idx").on(t.documentHash),
    uniqueIndex("agreements_pdf_hash_idx").on(t.pdfSha256),
    check("agreements_hash_check", sql`${t.documentHash} is null or ${t.documentHash} ~ '^[0-9a-f]{64}$'`),
    check("agreements_dates_check", sql`${t.endDate} is null or ${t.effectiveDate} is null or ${t.endDate} >= ${t.effectiveDate}`),
  ],
);

export const signatureSide = pgEnum("signature_side", ["vendor", "client"]);

/** A signature: who, as what, on which text (hash), when, and from where. One per side. */
export const agreementSignatures = pgTable(
  "agreement_signatures",
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    side: signatureSide().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    fullName: text().notNull(),
    jobTitle: text().notNull(),
    /** The consent sentence as shown to the signer, in the signer's language. */
    consentText: text().notNull(),
    documentHash: text().notNull(),
    ipAddress: text(),
    userAgent: text(),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agreement_signatures_side_idx").on(t.agreementId, t.side)],
);

/** Comments and change requests on a sent agreement, from either side. */
export const agreementComments = pgTable(
  "agreement_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    authorSide: signatureSide().notNull(),
    body: text().notNull(),
    requestsChanges: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_comments_agreement_idx").on(t.agreementId, t.createdAt)],
);

/** End-date reminders already sent, so a job that runs twice sends once. */
export const agreementReminders = pgTable(
  "agreement_reminders",
  {
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    daysAhead: smallint().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agreement_reminders_idx").on(t.agreementId, t.daysAhead)],
);
