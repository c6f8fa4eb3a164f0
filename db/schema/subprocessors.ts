import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { partnerships, users } from "./orgs";

export const subprocessorStatus = pgEnum("subprocessor_status", [
  "proposed",
  "approved",
  "objected",
  "withdrawn",
  "removed",
]);

/**
 * A sub-processor the vendor engages for one partnership (AVG art. 28 lid 2 and 4). Additions
 * are proposed; the client approves or objects within the agreement's notice period.
 */
export const subprocessors = pgTable(
  "subprocessors",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnershipId: uuid()
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text().notNull(),
    service: text().notNull(),
    /** ISO 3166-1 alpha-2 country where the data is processed. */
    country: text().notNull(),
    dataAccessed: text().notNull(),
    /** Required when the country is outside the EEA (e.g. adequacy decision, SCCs 2021/914). */
    transferMechanism: text(),
    status: subprocessorStatus().notNull().default("proposed"),
    /** The last day the client can object; after it, silence counts as approval. */
    objectionDeadline: date(),
    proposedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionComment: text(),
    lockVersion: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("subprocessors_partnership_idx").on(t.partnershipId, t.status),
    check("subprocessors_country_check", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** Every change to a sub-processor entry, in order: the register's history. */
export const subprocessorEvents = pgTable(
  "subprocessor_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    subprocessorId: uuid()
      .notNull()
      .references(() => subprocessors.id, { onDelete: "cascade" }),
    event: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subprocessor_events_subprocessor_idx").on(t.subprocessorId, t.createdAt)],
);
