import { boolean, index, inet, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./orgs";

/** Lucia's session table (id, user_id, expires_at) plus our own bookkeeping. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ipAddress: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginTokenPurpose = pgEnum("login_token_purpose", ["magic_link", "password_reset"]);

export const loginTokens = pgTable(
  "login_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: loginTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("login_tokens_hash_idx").on(t.tokenHash)],
);

/** Every password sign-in attempt, for throttling per account and per IP across instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    emailKey: text().notNull(),
    ipAddress: inet(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.emailKey, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ipAddress, t.createdAt),
  ],
);

/**
 * Attempts at public, unauthenticated endpoints (the agreement check at /verify), counted per
 * bucket and client address so that every app instance sees the same numbers. Old rows are
 * removed daily.
 */
export const throttleEvents = pgTable(
  "throttle_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    bucket: text().notNull(),
    key: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("throttle_events_lookup_idx").on(t.bucket, t.key, t.createdAt)],
);
