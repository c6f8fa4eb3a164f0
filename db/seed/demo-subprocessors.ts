import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client.server";
import { organizations, partnerships, users } from "../schema/index";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { createSubprocessor } from "../../test/factories/subprocessors";

/**
 * Demo sub-processor registers: KlantContact Noord with three approved sub-processors (one in
 * the US under the 2021/914 clauses) and one proposal awaiting Voltera's decision; ServicePlein
 * with one approved. Runs after the core demo data, which it finds by name and e-mail.
 */
export async function seedDemoSubprocessors(database: Database) {
  await database.transaction(async (tx) => {
    const rows = await tx
      .select({ id: partnerships.id, vendorName: organizations.name, clientOrgId: partnerships.clientOrgId, vendorOrgId: partnerships.vendorOrgId })
      .from(partnerships)
      .innerJoin(organizations, eq(organizations.id, partnerships.vendorOrgId))
      .where(inArray(organizations.name, ["KlantContact Noord B.V.", "ServicePlein Rotterdam B.V."]));
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ["anna.devries@voltera.example", "fatima.elamrani@klantcontactnoord.example", "eva.mulder@serviceplein.example"]));
    const noord = rows.find((r) => r.vendorName === "KlantContact Noord B.V.");
    const plein = rows.find((r) => r.vendorName === "ServicePlein Rotterdam B.V.");
    const userId = (email: string) => people.find((p) => p.email === email)?.id ?? null;
    if (!noord || !plein) return;
    const anna = userId("anna.devries@voltera.example");
    const today = todayInDisplayZone();
    const approvedAt = new Date(`${addDays(today, -60)}T10:00:00Z`);
    const proposedAt = new Date(`${addDays(today, -95)}T09:00:00Z`);
    const context = { actorUserId: null, actorLabel: "demo-seed", ipAddress: null, userAgent: null };

    const approved = (
      partnership: typeof noord,
      proposer: string | null,
      entry: { name: string; service: string; country: string; dataAccessed: string; transferMechanism?: string },
    ) =>
      createSubprocessor(tx, partnership.id, {
        ...entry,
        transferMechanism: entry.transferMechanism ?? null,
        status: "approved",
        objectionDeadline: addDays(today, -65),
        proposedByUserId: proposer,
        proposedAt,
        decidedByUserId: anna,
        decidedAt: approvedAt,
      });

    const fatima = userId("fatima.elamrani@klantcontactnoord.example");
    const made = [
      await approved(noord, fatima, {
        name: "VoiceWorks Nederland B.V.",
        service: "Cloud telephony platform (ACD, IVR)",
        country: "NL",
        dataAccessed: "Phone numbers, call metadata, call recordings",
      }),
      await approved(noord, fatima, {
        name: "CRM Cloud Ireland Ltd.",
        service: "CRM hosting",
        country: "IE",
        dataAccessed: "Customer names, contact details, contract and billing data",
      }),
      await approved(noord, fatima, {
        name: "QualityListen Inc.",
        service: "QA call recording and scoring",
        country: "US",
        dataAccessed: "Call recordings, agent ids",
        transferMechanism: "eu_scc_2021_914",
      }),
      await createSubprocessor(tx, noord.id, {
        name: "TranscribeAI B.V.",
        service: "Speech-to-text of recorded calls",
        country: "NL",
        dataAccessed: "Call recordings, transcripts",
        status: "proposed",
        objectionDeadline: addDays(today, 21),
        proposedByUserId: fatima,
        proposedAt: new Date(`${addDays(today, -9)}T08:30:00Z`),
      }),
      await approved(plein, userId("eva.mulder@serviceplein.example"), {
        name: "ChatDesk Europe GmbH",
        service: "Chat platform",
        country: "DE",
        dataAccessed: "Chat transcripts, customer names, e-mail addresses",
      }),
    ];
    for (const entry of made) {
      const partnership = entry.partnershipId === noord.id ? noord : plein;
      await recordAuditEvent(tx, context, {
        organizationId: partnership.vendorOrgId,
        action: "subprocessor.proposed",
        entityType: "subprocessor",
        entityId: entry.id,
        summary: { partnershipId: partnership.id, name: entry.name, country: entry.country, objectionDeadline: entry.objectionDeadline },
      });
      if (entry.status === "approved") {
        await recordAuditEvent(tx, context, {
          organizationId: partnership.clientOrgId,
          action: "subprocessor.approved",
          entityType: "subprocessor",
          entityId: entry.id,
          summary: { partnershipId: partnership.id, name: entry.name },
        });
      }
    }
  });
}

