import { sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { organizations, users } from "../schema/index";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { riskReasons, suggestRiskTier, type RiskProfile } from "~/domain/orgs/inherent-risk";
import type { Role } from "~/auth/roles";
import {
  addMembership,
  createOrganization,
  createPartnership,
  createUser,
} from "../../test/factories/index";
import { seedDemoSubprocessors } from "./demo-subprocessors";

/** Every demo account uses this password; the start-up log prints it. */
export const DEMO_PASSWORD = "Welkom-demo-2026";

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.select({ count: sql<number>`count(*)::int` }).from(organizations);
  const [people] = await database.select({ count: sql<number>`count(*)::int` }).from(users);
  return (row?.count ?? 0) === 0 && (people?.count ?? 0) === 0;
}

const demoUsers = [
  { email: "anna.devries@voltera.example", name: "Anna de Vries", locale: "nl", org: "client", role: "admin" },
  { email: "mark.jansen@voltera.example", name: "Mark Jansen", locale: "nl", org: "client", role: "manager" },
  { email: "sophie.bakker@voltera.example", name: "Sophie Bakker", locale: "en", org: "client", role: "reviewer" },
  { email: "lucas.visser@voltera.example", name: "Lucas Visser", locale: "nl", org: "client", role: "viewer" },
  { email: "fatima.elamrani@klantcontactnoord.example", name: "Fatima El Amrani", locale: "nl", org: "noord", role: "admin" },
  { email: "tom.smit@klantcontactnoord.example", name: "Tom Smit", locale: "nl", org: "noord", role: "responder" },
  { email: "eva.mulder@serviceplein.example", name: "Eva Mulder", locale: "nl", org: "plein", role: "admin" },
  { email: "daan.bos@serviceplein.example", name: "Daan Bos", locale: "en", org: "plein", role: "contributor" },
  { email: "noah.peters@backofficeplus.example", name: "Noah Peters", locale: "en", org: "backoffice", role: "admin" },
  { email: "julia.hendriks@noordhoff-audit.example", name: "Julia Hendriks", locale: "nl", org: "audit", role: "lead_auditor" },
  { email: "sem.dekker@noordhoff-audit.example", name: "Sem Dekker", locale: "en", org: "audit", role: "auditor" },
] as const;

/**
 * Demo data: a Dutch energy supplier outsourcing to three contact centers of different risk
 * tiers, and an audit firm. Built on the test factories, so demo and tests share one shape.
 */
export async function seedDemoData(database: Database) {
  await database.transaction(async (tx) => {
    const orgs = {
      client: await createOrganization(tx, "client", { name: "Voltera Energie B.V.", registrationNumber: "81234567" }),
      noord: await createOrganization(tx, "vendor", { name: "KlantContact Noord B.V.", registrationNumber: "70011223" }),
      plein: await createOrganization(tx, "vendor", { name: "ServicePlein Rotterdam B.V.", registrationNumber: "65544332" }),
      backoffice: await createOrganization(tx, "vendor", { name: "BackOffice Plus B.V.", registrationNumber: "59988776" }),
      audit: await createOrganization(tx, "audit_firm", { name: "Noordhoff Audit & Assurance" }),
    };
    const context = { actorUserId: null, actorLabel: "demo-seed", ipAddress: null, userAgent: null };
    for (const org of Object.values(orgs)) {
      await recordAuditEvent(tx, context, {
        organizationId: org.id,
        action: "organization.created",
        entityType: "organization",
        entityId: org.id,
        summary: { name: org.name, kind: org.kind },
      });
    }
    const people: Record<string, string> = {};
    for (const person of demoUsers) {
      const user = await createUser(tx, {
        email: person.email,
        name: person.name,
        locale: person.locale,
        password: DEMO_PASSWORD,
        lastOrganizationId: orgs[person.org].id,
      });
      people[person.email] = user.id;
      await addMembership(tx, user.id, orgs[person.org].id, person.role as Role);
      await recordAuditEvent(tx, context, {
        organizationId: orgs[person.org].id,
        action: "membership.created",
        entityType: "user",
        entityId: user.id,
        summary: { email: person.email, role: person.role },
      });
    }
    // A consultant who works for the client and the audit firm switches between the two.
    await addMembership(tx, people["julia.hendriks@noordhoff-audit.example"], orgs.client.id, "reviewer");

    const partners: { vendor: { id: string; name: string }; profile: RiskProfile & { sites: { name: string; city: string; country: string }[] } }[] = [
      {
        vendor: orgs.noord,
        profile: {
          services: ["outbound", "inbound"],
          dataCategories: ["contact_details", "contract_and_billing", "payment_data", "call_recordings"],
          countries: ["NL", "MA"],
          agentHeadcount: 320,
          sites: [
            { name: "Groningen", city: "Groningen", country: "NL" },
            { name: "Casablanca nearshore", city: "Casablanca", country: "MA" },
          ],
        },
      },
      {
        vendor: orgs.plein,
        profile: {
          services: ["inbound", "chat"],
          dataCategories: ["contact_details", "customer_account", "call_recordings"],
          countries: ["NL"],
          agentHeadcount: 85,
          sites: [{ name: "Rotterdam Zuid", city: "Rotterdam", country: "NL" }],
        },
      },
      {
        vendor: orgs.backoffice,
        profile: {
          services: ["email", "back_office"],
          dataCategories: ["contact_details"],
          countries: ["NL"],
          agentHeadcount: 24,
          sites: [{ name: "Utrecht", city: "Utrecht", country: "NL" }],
        },
      },
    ];
    for (const { vendor, profile } of partners) {
      const reasons = riskReasons(profile);
      const partnership = await createPartnership(tx, orgs.client.id, vendor.id, {
        vendorDisplayName: vendor.name,
        services: [...profile.services],
        dataCategories: [...profile.dataCategories],
        countries: [...profile.countries],
        sites: profile.sites,
        agentHeadcount: profile.agentHeadcount,
        riskTier: suggestRiskTier(reasons),
        riskReasons: reasons,
        contractStart: "2025-01-01",
        contractEnd: "2027-12-31",
        status: "active",
      });
      await recordAuditEvent(tx, context, {
        organizationId: orgs.client.id,
        action: "partnership.created",
        entityType: "partnership",
        entityId: partnership.id,
        summary: { vendor: vendor.name, tier: partnership.riskTier },
      });
    }
  });
  await seedDemoSubprocessors(database);
  await (await import("./demo-evidence")).seedDemoEvidence(database);
  await (await import("./demo-training")).seedDemoTraining(database);
  await (await import("./demo-agreements")).seedDemoAgreements(database);
}

export function demoSignInHelp(appUrl: string): string[] {
  return [
    `sign in at ${appUrl}/sign-in with password "${DEMO_PASSWORD}" as:`,
    "  client (Voltera Energie)       anna.devries@voltera.example (admin), mark.jansen@voltera.example (manager)",
    "  vendor (KlantContact Noord)    fatima.elamrani@klantcontactnoord.example (admin)",
    "  vendor (ServicePlein)          eva.mulder@serviceplein.example (admin)",
    "  audit firm (Noordhoff)         julia.hendriks@noordhoff-audit.example (lead auditor, also client reviewer)",
    `  e-mails sent by the portal:    ${appUrl}/dev/mailbox`,
  ];
}
