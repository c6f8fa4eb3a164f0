import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import type { TemplateContent } from "~/domain/questionnaires/model";
import { organizations, partnerships, users } from "./orgs";


/**
 * A questionnaire template: owned by a client, or (ownerOrgId null) by the system library that
 * ships with the product. Its content lives in versions.
 */
export const questionnaireTemplates = pgTable(
  "questionnaire_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    /** Library templates: the stable slug from app/domain/questionnaires/library. */
    librarySlug: text(),
    /** The library template this one was copied from, if any. */
    copiedFromTemplateId: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("questionnaire_templates_owner_idx").on(t.ownerOrgId),
    uniqueIndex("questionnaire_templates_library_idx").on(t.librarySlug).where(sql`${t.ownerOrgId} is null`),
    check("questionnaire_templates_library_check", sql`(${t.ownerOrgId} is null) = (${t.librarySlug} is not null)`),
  ],
);

export const templateVersionStatus = pgEnum("template_version_status", ["draft", "published"]);

/**
 * One version of a template. A published version is immutable (a trigger in the migration
 * refuses changes to its content); editing makes a new draft. `lockVersion` guards draft edits
 * by two people at once.
 */
export const questionnaireTemplateVersions = pgTable(
  "questionnaire_template_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    templateId: uuid()
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    status: templateVersionStatus().notNull().default("draft"),
    content: jsonb().$type<TemplateContent>().notNull(),
    lockVersion: integer().notNull().default(1),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("template_versions_number_idx").on(t.templateId, t.version),
    uniqueIndex("template_versions_one_draft_idx").on(t.templateId).where(sql`${t.status} = 'draft'`),
  ],
);

export const requestStatus = pgEnum("questionnaire_request_status", [
  "sent",
  "in_progress",
  "submitted",
  "returned",
  "accepted",
  "cancelled",
]);

/** A questionnaire sent to one partnership, frozen to one published template version. */
export const questionnaireRequests = pgTable(
  "questionnaire_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    templateVersionId: uuid()
      .notNull()
      .references(() => questionnaireTemplateVersions.id, { onDelete: "restrict" }),
    status: requestStatus().notNull().default("sent"),
    dueDate: date().notNull(),
    message: text(),
    sentByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Fixed when the client accepts the whole request (0..100, one decimal). */
    score: numeric({ precision: 4, scale: 1, mode: "number" }),
    scoreDetail: jsonb().$type<Record<string, unknown>>(),
    /** Set when a recurring cadence issued this request. */
    cadenceId: uuid(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("questionnaire_requests_partnership_idx").on(t.partnershipId, t.status),
    check("questionnaire_requests_score_check", sql`${t.score} is null or ${t.score} between 0 and 100`),
  ],
);

export const answerReviewState = pgEnum("answer_review_state", [
  "pending",
  "accepted",
  "rejected",
  "clarification_requested",
]);

/**
 * The current answer to one question of one request. `version` is the optimistic-concurrency
 * token for autosave: a save names the version it edited, and a stale one is a conflict.
 */
export const questionnaireAnswers = pgTable(
  "questionnaire_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => questionnaireRequests.id, { onDelete: "cascade" }),
    questionKey: text().notNull(),
    value: jsonb().$type<unknown>(),
    version: integer().notNull().default(1),
    /** "Answer once": offered from an earlier accepted answer; counts only once confirmed. */
    prefilledFromAnswerId: uuid(),
    isConfirmed: boolean().notNull().default(true),
    reviewState: answerReviewState().notNull().default("pending"),
    reviewComment: text(),
    reviewedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    updatedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("questionnaire_answers_question_idx").on(t.requestId, t.questionKey)],
);

export const answerChangeKind = pgEnum("answer_change_kind", [
  "saved",
  "prefilled",
  "confirmed",
  "reviewed",
  "reopened",
  "imported",
]);

/** Every change of every answer, for the full history the client and an auditor can read. */
export const questionnaireAnswerHistory = pgTable(
  "questionnaire_answer_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    answerId: uuid()
      .notNull()
      .references(() => questionnaireAnswers.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => questionnaireRequests.id, { onDelete: "cascade" }),
    questionKey: text().notNull(),
    kind: answerChangeKind().notNull(),
    value: jsonb().$type<unknown>(),
    version: integer().notNull(),
    reviewState: answerReviewState(),
    comment: text(),
    changedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("answer_history_answer_idx").on(t.answerId, t.createdAt)],
);

/** Conversation per question, visible to both sides of the partnership. */
export const questionnaireComments = pgTable(
  "questionnaire_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => questionnaireRequests.id, { onDelete: "cascade" }),
    questionKey: text().notNull(),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    authorOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("questionnaire_comments_request_idx").on(t.requestId, t.questionKey)],
);

/** A vendor delegates a section of a request to a colleague. */
export const questionnaireSectionAssignments = pgTable(
  "questionnaire_section_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => questionnaireRequests.id, { onDelete: "cascade" }),
    sectionKey: text().notNull(),
    assigneeUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("section_assignments_section_idx").on(t.requestId, t.sectionKey)],
);

/** Re-issues a template to a partnership every N months (e.g. yearly for tier 1). */
export const questionnaireCadences = pgTable(
  "questionnaire_cadences",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    templateId: uuid()
      .notNull()
      .references(() => questionnaireTemplates.id, { onDelete: "cascade" }),
    intervalMonths: smallint().notNull(),
    dueInDays: smallint().notNull().default(30),
    nextSendOn: date().notNull(),
    isActive: boolean().notNull().default(true),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("cadences_partnership_template_idx").on(t.partnershipId, t.templateId),
    check("cadences_interval_check", sql`${t.intervalMonths} between 1 and 60`),
  ],
);

/**
 * A plain record of a problem found (e.g. a rejected critical answer). The findings capability
 * (severity policy, remediation, verification) builds on it later.
 */
export const findingStatus = pgEnum("finding_status", ["open", "closed"]);

export const findings = pgTable(
  "findings",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    source: text().notNull(),
    requestId: uuid().references(() => questionnaireRequests.id, { onDelete: "set null" }),
    questionKey: text(),
    title: text().notNull(),
    description: text(),
    severity: text().notNull(),
    status: findingStatus().notNull().default("open"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("findings_partnership_idx").on(t.partnershipId, t.status)],
);
