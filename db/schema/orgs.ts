import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns";


export const organizationKind = pgEnum("organization_kind", ["client", "vendor", "audit_firm"]);
export const locale = pgEnum("locale", ["nl", "en"]);

export const organizations = pgTable("organizations", {
  id: uuid().primaryKey().defaultRandom(),
  kind: organizationKind().notNull(),
  name: text().notNull(),
  /** Chamber of Commerce number (KvK), optional. */
  registrationNumber: text(),
  country: text().notNull().default("NL"),
  ...timestamps,
});

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    locale: locale(),
    passwordHash: text(),
    /** The organization the user last worked in; where "/" sends them. */
    lastOrganizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("memberships_user_org_idx").on(t.userId, t.organizationId),
    index("memberships_org_idx").on(t.organizationId),
    check(
      "memberships_role_check",
      sql`${t.role} in ('admin','manager','reviewer','viewer','responder','contributor','lead_auditor','auditor')`,
    ),
  ],
);

export const partnershipStatus = pgEnum("partnership_status", [
  "invited",
  "active",
  "suspended",
  "ended",
]);

export interface PartnershipSite {
  name: string;
  city: string;
  country: string;
}

export const partnerships = pgTable(
  "partnerships",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientOrgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    vendorOrgId: uuid().references(() => organizations.id, { onDelete: "restrict" }),
    /** Name the client knows the vendor by; also shown while the invitation is pending. */
    vendorDisplayName: text().notNull(),
    services: text().array().notNull().default(sql`'{}'::text[]`),
    dataCategories: text().array().notNull().default(sql`'{}'::text[]`),
    sites: jsonb().$type<PartnershipSite[]>().notNull().default([]),
    countries: text().array().notNull().default(sql`'{}'::text[]`),
    agentHeadcount: integer(),
    riskTier: smallint().notNull(),
    riskReasons: text().array().notNull().default(sql`'{}'::text[]`),
    contractStart: date(),
    contractEnd: date(),
    status: partnershipStatus().notNull().default("invited"),
    /** The vendor's choice: may answers given to other clients be offered again for this one? */
    answerReuseEnabled: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("partnerships_client_idx").on(t.clientOrgId),
    index("partnerships_vendor_idx").on(t.vendorOrgId),
    uniqueIndex("partnerships_client_vendor_idx")
      .on(t.clientOrgId, t.vendorOrgId)
      .where(sql`${t.vendorOrgId} is not null and ${t.status} <> 'ended'`),
    check("partnerships_tier_check", sql`${t.riskTier} between 1 and 3`),
    check("partnerships_headcount_check", sql`${t.agentHeadcount} is null or ${t.agentHeadcount} >= 0`),
    check(
      "partnerships_contract_check",
      sql`${t.contractEnd} is null or ${t.contractStart} is null or ${t.contractEnd} >= ${t.contractStart}`,
    ),
  ],
);

export const invitationKind = pgEnum("invitation_kind", ["partner", "colleague"]);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: invitationKind().notNull(),
    /** The inviting organization: the client (partner invitations) or the colleague's org. */
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** For partner invitations: the partnership that accepting activates. */
    partnershipId: uuid().references(() => partnerships.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text().notNull(),
    locale: locale().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("invitations_token_idx").on(t.tokenHash),
    index("invitations_org_idx").on(t.organizationId),
  ],
);

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organization: one(organizations, {
    fields: [memberships.organizationId],
    references: [organizations.id],
  }),
}));

export const partnershipsRelations = relations(partnerships, ({ one }) => ({
  client: one(organizations, {
    fields: [partnerships.clientOrgId],
    references: [organizations.id],
    relationName: "client",
  }),
  vendor: one(organizations, {
    fields: [partnerships.vendorOrgId],
    references: [organizations.id],
    relationName: "vendor",
  }),
}));
