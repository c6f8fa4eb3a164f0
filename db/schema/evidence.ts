import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { organizations, partnerships, users } from "./orgs";

export const evidenceKind = pgEnum("evidence_kind", ["certificate", "policy", "report", "roster", "screenshot", "other"]);

/**
 * A document a vendor keeps as evidence (a certificate, a policy, a report). It belongs to the
 * vendor; clients see it only where the vendor linked it to one of their partnerships. Its files
 * live in versions; a new upload supersedes the current one and the history stays.
 */
export const evidenceItems = pgTable(
  "evidence_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    vendorOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    kind: evidenceKind().notNull(),
    /** The newest version; null only inside the transaction that creates the item. */
    currentVersionId: uuid(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("evidence_items_vendor_idx").on(t.vendorOrgId, t.archivedAt)],
);

/**
 * One uploaded file of an evidence item. The bytes are stored once per content hash (SHA-256,
 * lowercase hex); the type is what the content sniffing decided, never what the name claimed.
 */
export const evidenceVersions = pgTable(
  "evidence_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    evidenceId: uuid()
      .notNull()
      .references(() => evidenceItems.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    contentType: text().notNull(),
    fileName: text().notNull(),
    issueDate: date(),
    validUntil: date(),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("evidence_versions_number_idx").on(t.evidenceId, t.version),
    index("evidence_versions_sha_idx").on(t.sha256),
    index("evidence_versions_valid_until_idx").on(t.validUntil),
    check("evidence_versions_sha_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("evidence_versions_size_check", sql`${t.sizeBytes} > 0`),
    check("evidence_versions_dates_check", sql`${t.validUntil} is null or ${t.issueDate} is null or ${t.validUntil} >= ${t.issueDate}`),
  ],
);

export const evidenceLinkTarget = pgEnum("evidence_link_target", [
  "answer",
  "agreement",
  "attestation",
  "subprocessor",
  "finding",
  "partnership",
]);

/**
 * Where a piece of evidence is used. The link names the partnership, which decides which client
 * may see the evidence: sharing is by linking, one partnership at a time.
 */
export const evidenceLinks = pgTable(
  "evidence_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    evidenceId: uuid()
      .notNull()
      .references(() => evidenceItems.id, { onDelete: "cascade" }),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    targetType: evidenceLinkTarget().notNull(),
    /** The answer, agreement, attestation, … (the partnership itself for "partnership"). */
    targetId: uuid().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("evidence_links_target_idx").on(t.targetType, t.targetId, t.evidenceId),
    index("evidence_links_evidence_idx").on(t.evidenceId, t.partnershipId),
    index("evidence_links_partnership_idx").on(t.partnershipId),
  ],
);

/** Expiry reminders already sent (30, 7 and 1 days ahead), so a job that runs twice sends once. */
export const evidenceExpiryReminders = pgTable(
  "evidence_expiry_reminders",
  {
    evidenceVersionId: uuid()
      .notNull()
      .references(() => evidenceVersions.id, { onDelete: "cascade" }),
    daysAhead: smallint().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evidence_expiry_reminders_idx").on(t.evidenceVersionId, t.daysAhead)],
);
