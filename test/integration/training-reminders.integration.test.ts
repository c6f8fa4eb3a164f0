import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notifications, outboxEmails } from "#db/schema/index";
import { sendTrainingLapseReminders } from "~/domain/training/lapse-reminders.server";
import { addDays } from "~/utils/calendar-date";
import { createOrganization, createPartnership } from "../factories/index";
import { createTrainingAttestation, createTrainingRequirement } from "../factories/training";
import { db } from "../helpers";
import { person } from "./requests-helpers";

const TODAY = "2026-06-15";

describe("training lapse reminders", () => {
  it("tells the vendor once, 30 days or less before an attestation lapses, and never for others", async () => {
    const client = await createOrganization(db(), "client", { name: "Reminder Client" });
    const vendor = await createOrganization(db(), "vendor");
    const partnership = await createPartnership(db(), client.id, vendor.id);
    const admin = await person(vendor.id, "admin", "nl");
    const responder = await person(vendor.id, "responder", "en");
    const contributor = await person(vendor.id, "contributor");
    const soon = await createTrainingRequirement(db(), client.id, { title: "Lapses soon" });
    const later = await createTrainingRequirement(db(), client.id, { title: "Lapses later" });
    const gone = await createTrainingRequirement(db(), client.id, { title: "Already lapsed" });
    const archived = await createTrainingRequirement(db(), client.id, { title: "Archived", archivedAt: new Date() });
    // Valid until first completion + 12 months.
    const lapsing = await createTrainingAttestation(db(), partnership.id, soon.id, { firstCompletionDate: addDays("2025-06-15", 20), periodStart: "2025-06-01", periodEnd: "2025-07-31" });
    await createTrainingAttestation(db(), partnership.id, later.id, { firstCompletionDate: "2025-08-01", periodStart: "2025-07-01", periodEnd: "2025-08-31" });
    await createTrainingAttestation(db(), partnership.id, gone.id, { firstCompletionDate: "2025-06-01", periodStart: "2025-05-01", periodEnd: "2025-06-30" });
    await createTrainingAttestation(db(), partnership.id, archived.id, { firstCompletionDate: addDays("2025-06-15", 20), periodStart: "2025-06-01", periodEnd: "2025-07-31" });

    const first = await sendTrainingLapseReminders(db(), TODAY);
    expect(first.problems).toEqual([]);
    const again = await sendTrainingLapseReminders(db(), TODAY);
    expect(again.problems).toEqual([]);
    const nextDay = await sendTrainingLapseReminders(db(), addDays(TODAY, 1));
    expect(nextDay.problems).toEqual([]);

    const notified = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.messageKey, "training:notifications.lapsing"), eq(notifications.organizationId, vendor.id)));
    expect(notified.map((n) => n.userId).sort()).toEqual([admin.user.id, responder.user.id].sort());
    expect(notified.map((n) => n.userId)).not.toContain(contributor.user.id);
    expect(notified[0].params).toMatchObject({ clientName: "Reminder Client", titleEn: "Lapses soon", validUntil: "2026-07-05" });
    const mails = await db()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.template, "training_lapsing"), inArray(outboxEmails.toAddress, [admin.user.email, responder.user.email])));
    expect(mails.map((m) => m.subject).sort()).toEqual(["Training attestation lapses in 20 days: Lapses soon", "Trainingsverklaring verloopt over 20 dagen: Lapses soon"]);
    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "training.lapse_reminded"), eq(auditEvents.organizationId, vendor.id)));
    expect(events.map((e) => e.entityId)).toEqual([lapsing.id]);
  });
});
