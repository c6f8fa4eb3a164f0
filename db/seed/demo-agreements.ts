import { desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.server";
import { agreements, memberships, organizations, partnerships, users } from "../schema/index";
import type { Actor } from "~/auth/policy";
import { getSendOptions, sendAgreement } from "~/domain/agreements/send-agreement.server";
import { countersignAgreement, signAgreement } from "~/domain/agreements/sign-agreement.server";
import { syncAgreementLibrary } from "~/domain/agreements/templates.server";
import { publicUrl } from "~/utils/env.server";

/**
 * Demo processor agreements, made through the real use cases (so texts, hashes, signatures, the
 * PDF and the audit trail are all genuine): one in force with KlantContact Noord (both sides
 * signed) and one sent to ServicePlein awaiting its signature. Runs after the core demo data.
 */
export async function seedDemoAgreements(database: Database) {
  await syncAgreementLibrary(database);
  const rows = await database
    .select({ id: partnerships.id, vendorName: organizations.name, clientOrgId: partnerships.clientOrgId, vendorOrgId: partnerships.vendorOrgId })
    .from(partnerships)
    .innerJoin(organizations, eq(organizations.id, partnerships.vendorOrgId))
    .where(inArray(organizations.name, ["KlantContact Noord B.V.", "ServicePlein Rotterdam B.V."]));
  const people = await database
    .select({ id: users.id, email: users.email, organizationId: memberships.organizationId, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.email, ["anna.devries@voltera.example", "fatima.elamrani@klantcontactnoord.example"]));
  const noord = rows.find((r) => r.vendorName === "KlantContact Noord B.V.");
  const plein = rows.find((r) => r.vendorName === "ServicePlein Rotterdam B.V.");
  const anna = people.find((p) => p.email === "anna.devries@voltera.example");
  const fatima = people.find((p) => p.email === "fatima.elamrani@klantcontactnoord.example");
  if (!noord || !plein || !anna || !fatima) return;
  const client: Actor = { userId: anna.id, organizationId: noord.clientOrgId, organizationKind: "client", role: "admin" };
  const vendor: Actor = { userId: fatima.id, organizationId: noord.vendorOrgId!, organizationKind: "vendor", role: "admin" };
  const meta = { ipAddress: null, userAgent: "demo-seed" };
  const [clientName] = await database.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, client.organizationId));

  const send = async (partnershipId: string) => {
    const options = await getSendOptions(client, { partnershipId, language: "nl" });
    const { defaults, versions } = options;
    if (!defaults || versions.length === 0) return null;
    return sendAgreement({
      actor: client,
      clientName: clientName.name,
      appUrl: publicUrl(),
      meta,
      form: {
        partnershipId,
        templateVersionId: versions[0].id,
        language: "nl",
        effectiveDate: defaults.effectiveDate,
        endDate: defaults.endDate || undefined,
        breachNotificationHours: defaults.breachNotificationHours,
        subprocessorNoticeDays: defaults.subprocessorNoticeDays,
        services: defaults.services,
        dataCategories: defaults.dataCategories,
        dataSubjects: defaults.dataSubjects,
        purposes: defaults.purposes,
        retention: defaults.retention,
        subprocessors: defaults.subprocessors,
        countries: defaults.countries,
        securityAnnex: defaults.securityAnnex,
      },
    });
  };

  // Resumable: each step looks at what is there, so a run that was cut short is completed.
  const latest = async (partnershipId: string) =>
    (await database.select().from(agreements).where(eq(agreements.partnershipId, partnershipId)).orderBy(desc(agreements.createdAt)).limit(1))[0] ?? null;
  let noordAgreement = await latest(noord.id);
  if (!noordAgreement) await send(noord.id);
  noordAgreement = await latest(noord.id);
  if (noordAgreement?.documentHash) {
    const common = { agreementId: noordAgreement.id, documentHash: noordAgreement.documentHash, locale: "nl" as const, meta, appUrl: publicUrl() };
    if (noordAgreement.status === "sent") {
      await signAgreement({ ...common, actor: vendor, fullName: "Fatima El Amrani", jobTitle: "Directeur", organizationName: "KlantContact Noord B.V." });
    }
    if ((await latest(noord.id))?.status === "signed_by_vendor") {
      await countersignAgreement({ ...common, actor: client, fullName: "Anna de Vries", jobTitle: "Privacy officer", organizationName: clientName.name });
    }
  }
  if (!(await latest(plein.id))) await send(plein.id);
}
